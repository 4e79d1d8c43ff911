"""The activity calendar: event kinds, events with their agendas, documents and photos, and
the annual action programme (برنامج العمل).

An event is scheduled in one of three ways: on a day or a range of days (all-day), at a time
span (aware datetimes), or "date to be set" (حسب التاريخ المقترح) with only an intended year,
month or period. Dated events always carry ``start_date``/``end_date`` (local days in the
portal's time zone, derived from the datetimes for timed events) so that month grids and
lists filter on dates alone; undated events carry no date at all, so they can never be shown
on a wrong day.
"""

import datetime
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from easy_thumbnails.files import get_thumbnailer

from events import territory
from members.access import is_member
from members.models import Organisation, Person
from portal.content_version import per_version
from portal.private_media import RandomName, private_storage
from portal.text import index_key
from portal.validators import ValidatedImageField, validate_document, validate_image

colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB."))


def _luminance(hex_colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_ratio(first, second):
    """WCAG 2.1 contrast ratio between two #RRGGBB colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class EventKind(models.Model):
    """A kind of activity (bureau meeting, seminar…) with its colour in the calendar."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#0b5d3b",
        validators=[colour_validator],
        help_text=_("Background colour in the calendar; white text must stay readable on it."),
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("event kind")
        verbose_name_plural = _("event kinds")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:agenda") + f"?kind={self.slug}"

    def clean(self):
        if colour_validator.regex.match(self.colour or "") and contrast_ratio(self.colour, "#ffffff") < 4.5:
            raise ValidationError(
                {"colour": _("White text on this colour is hard to read: choose a darker colour.")}
            )


# The columns of an event's card (``EventQuerySet.for_cards``).
CARD_FIELDS = [
    "kind_id", "title_ar", "title_fr", "schedule", "start_date", "end_date", "starts_at", "ends_at",
    "intended_year", "intended_month", "schedule_note_ar", "schedule_note_fr", "status", "visibility",
    "created_at",
    "venue_ar", "venue_fr", "city_ar", "city_fr",
    "kind__name_ar", "kind__name_fr", "kind__slug", "kind__colour", "kind__order",
]  # fmt: skip


def longest_span():
    """The longest time from an event's first to its last day (None without dated events).

    Kept per content version (``portal.content_version.per_version``): any change to an event
    replaces it.
    """

    def compute():
        days = models.ExpressionWrapper(
            models.F("end_date") - models.F("start_date"), output_field=models.DurationField()
        )
        return Event.objects.aggregate(span=models.Max(days))["span"]

    return per_version("events:longest-span", compute)


def visibilities_for(user):
    """The event visibilities ``user`` may see, or None for all of them (staff)."""
    if user is not None and user.is_authenticated and user.is_staff:
        return None
    if is_member(user):
        return [Event.Visibility.PUBLIC, Event.Visibility.MEMBERS]
    return [Event.Visibility.PUBLIC]


FEED_HISTORY = datetime.timedelta(days=365)
FEED_MIN_PAST = 50


class EventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Public events for everybody, members-only ones for members, bureau ones for staff.

        Every page, feed and export goes through this method (or ``visibilities_for`` where
        events are reached through a relation).
        """
        levels = visibilities_for(user)
        return self if levels is None else self.filter(visibility__in=levels)

    def dated(self):
        return self.exclude(schedule=Event.Schedule.TO_BE_SET)

    def to_be_set(self):
        return self.filter(schedule=Event.Schedule.TO_BE_SET)

    def _with_planned_year(self):
        year = Coalesce("intended_year", ExtractYear("created_at"), output_field=models.IntegerField())
        return self.to_be_set().annotate(planned_for=year)

    def to_be_scheduled(self, today=None):
        """Events whose date is still to be set, in their year or a later one.

        An activity planned for a year now over whose date was never set is not pending any
        more: it goes to ``never_scheduled`` instead of being announced on every month page
        for ever (issue 20). The year is the intended one, else the year it was entered.
        """
        today = today or timezone.localdate()
        return self._with_planned_year().filter(planned_for__gte=today.year)

    def never_scheduled(self, today=None):
        """Events of a past year whose date was never set: archived, shown with a note."""
        today = today or timezone.localdate()
        return self._with_planned_year().filter(planned_for__lt=today.year)

    def upcoming(self, today=None):
        """Dated events that have not ended yet, soonest first."""
        today = today or timezone.localdate()
        queryset = self.dated().filter(end_date__gte=today)._started_in_reach_of(today)
        return queryset.order_by("start_date", "starts_at", "pk")

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.dated().filter(end_date__lt=today).order_by("-start_date", "-starts_at", "-pk")

    def for_feed(self, today=None):
        """The events an iCal feed carries: upcoming ones, and past ones back to a year ago.

        A phone's calendar re-reads the whole feed every few hours, and ten years of activities
        made a 2 MB feed that took 1.6 s to write (issue 8). A quiet association still shows its
        last ``FEED_MIN_PAST`` activities, however old, so its feed is never empty. Two queries.
        """
        today = today or timezone.localdate()
        since = today - FEED_HISTORY
        recent_ends = self.dated().filter(end_date__lt=today).order_by("-end_date")
        floor = recent_ends.values_list("end_date", flat=True)[FEED_MIN_PAST - 1 : FEED_MIN_PAST]
        floor = next(iter(floor), None)  # None: fewer past events than that, all of them go
        events = self.dated().for_listing().with_participants().order_by("start_date", "starts_at", "pk")
        return events if floor is None else events.filter(end_date__gte=min(since, floor))

    def with_participants(self):
        """Prefetch the people at each event (the feeds' descriptions name them)."""
        return self.prefetch_related(
            models.Prefetch("participants", queryset=EventParticipant.objects.for_display())
        )

    def overlapping(self, first_day, last_day):
        """Dated events with at least one day between ``first_day`` and ``last_day`` included."""
        return (
            self.dated()
            .filter(start_date__lte=last_day, end_date__gte=first_day)
            ._started_in_reach_of(first_day)
        )

    def _started_in_reach_of(self, day):
        """For events filtered on ``end_date >= day``: the same rows, bounded on the start date.

        An event that has not ended by ``day`` began at most the longest span before it: a
        bound the start date's index can begin from, so "the next four" reads four rows and a
        month reads its own, not every past event before them (issue 8). It never excludes a
        row the ``end_date`` filter keeps.
        """
        span = longest_span()
        return self if span is None else self.filter(start_date__gte=day - span)

    def for_listing(self):
        return self.select_related("kind")

    def for_cards(self):
        """For the calendar's lists and grid and the home page: only what an event's card shows.

        A third of the columns: the body, recommendations, links and search keys stay in the
        database, and the rows cost less to build (issue 8). Feeds and pages that show more
        use ``for_listing``.
        """
        return self.for_listing().only(*CARD_FIELDS)


# Callables ``(event) -> [texts]`` that other apps add in their ``ready()`` (training: the
# session's topics), so the event's search key holds them without events importing those apps.
EXTRA_SEARCH_TEXTS = []


class Event(models.Model):
    class Schedule(models.TextChoices):
        DAYS = "days", _("On a day or a range of days")
        TIMED = "timed", _("At a time")
        TO_BE_SET = "to_be_set", _("Date to be set")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CONFIRMED = "confirmed", _("Confirmed")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")
        HELD = "held", _("Held")

    class Modality(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        REMOTE = "remote", _("Remote")
        HYBRID = "hybrid", _("In person and remote")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")
        BUREAU = "bureau", _("Executive bureau only")

    kind = models.ForeignKey(
        EventKind, on_delete=models.PROTECT, related_name="events", verbose_name=_("kind")
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences for lists."))
    body = models.TextField(_("description"), blank=True)

    schedule = models.CharField(
        _("scheduling"), max_length=10, choices=Schedule.choices, default=Schedule.DAYS
    )
    start_date = models.DateField(_("first day"), null=True, blank=True, db_index=True)
    end_date = models.DateField(_("last day"), null=True, blank=True, db_index=True)
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    intended_year = models.PositiveSmallIntegerField(_("intended year"), null=True, blank=True)
    intended_month = models.PositiveSmallIntegerField(_("intended month"), null=True, blank=True)
    schedule_note = models.CharField(
        _("note on the date"),
        max_length=255,
        blank=True,
        help_text=_("For example who sets the date, or the intended period."),
    )

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    venue = models.CharField(_("venue"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(
        _("country"), max_length=2, default="MA", help_text=_("Two-letter ISO code: MA, FR, KE…")
    )
    region_code = models.CharField(
        _("region"), max_length=2, blank=True, choices=territory.region_choices, db_index=True
    )
    province_code = models.CharField(
        _("prefecture or province"), max_length=6, blank=True, choices=territory.province_choices
    )
    host_province_code = models.CharField(
        _("host prefecture or province"),
        max_length=6,
        blank=True,
        choices=territory.province_choices,
        help_text=_("The council that hosts the meeting, in turn."),
    )
    modality = models.CharField(
        _("modality"), max_length=10, choices=Modality.choices, default=Modality.IN_PERSON, db_index=True
    )
    online_url = models.URLField(_("link to join remotely"), blank=True)
    map_url = models.URLField(_("map link"), blank=True)

    expected_participants = models.PositiveIntegerField(_("expected participants"), null=True, blank=True)
    actual_participants = models.PositiveIntegerField(_("actual participants"), null=True, blank=True)
    # The same organisation records as the press's relayed news and the networks (members app).
    organisers = models.ManyToManyField(
        Organisation, blank=True, related_name="organised_events", verbose_name=_("organisers")
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="partnered_events", verbose_name=_("partners")
    )
    recommendations = models.TextField(_("recommendations"), blank=True, help_text=_("One per line."))

    uid = models.UUIDField(_("calendar identifier"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Analysed text for the portal's search (portal.text.index_key), kept on save, with the
    # agenda's items and what apps add through EXTRA_SEARCH_TEXTS (training topics).
    search_title = models.TextField(editable=False, blank=True, default="")
    search_key = models.TextField(editable=False, blank=True, default="")

    objects = EventQuerySet.as_manager()

    # Changes to these fields change what calendars show: they bump the iCal SEQUENCE.
    CALENDAR_FIELDS = (
        "schedule",
        "start_date",
        "end_date",
        "starts_at",
        "ends_at",
        "status",
        "venue",
        "city",
    )

    class Meta:
        ordering = [models.F("start_date").asc(nulls_last=True), "starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(schedule="to_be_set") | Q(start_date__isnull=False, end_date__isnull=False),
                name="event_dated_has_days",
            ),
            models.CheckConstraint(
                condition=~Q(schedule="to_be_set")
                | Q(
                    start_date__isnull=True,
                    end_date__isnull=True,
                    starts_at__isnull=True,
                    ends_at__isnull=True,
                ),
                name="event_to_be_set_has_no_date",
            ),
            models.CheckConstraint(
                condition=~Q(schedule="timed") | Q(starts_at__isnull=False), name="event_timed_has_start"
            ),
            models.CheckConstraint(
                condition=~Q(schedule="days") | Q(starts_at__isnull=True, ends_at__isnull=True),
                name="event_all_day_has_no_time",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_first_day",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(intended_month__isnull=True) | Q(intended_month__gte=1, intended_month__lte=12),
                name="event_intended_month_valid",
            ),
            models.CheckConstraint(
                condition=Q(schedule__in=["days", "timed", "to_be_set"]), name="event_schedule_known"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["planned", "confirmed", "postponed", "cancelled", "held"]),
                name="event_status_known",
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=["public", "members", "bureau"]), name="event_visibility_known"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self._derive_fields()
        if self.pk and not self._state.adding:
            previous = type(self).objects.filter(pk=self.pk).values(*self.CALENDAR_FIELDS).first()
            if previous and any(previous[name] != getattr(self, name) for name in self.CALENDAR_FIELDS):
                self.sequence += 1
        self._update_search_key()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_key", "search_title", "sequence"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.pk])

    def _update_search_key(self):
        def values(name):
            found = [getattr(self, f"{name}_{code}", "") or "" for code, _label in settings.LANGUAGES]
            found = [value for value in found if value]
            return found or [getattr(self, name, "") or ""]

        self.search_title = index_key(*values("title"))
        texts = [*values("title"), *values("summary"), *values("body"), *values("venue"), *values("city")]
        if self.pk:
            for title, outcome in self.agenda.values_list("title", "outcome"):
                texts += [title, outcome]
            # The people at the event: their register names with the other spellings, or as typed.
            for values in self.participants.values_list(
                "person__name_ar", "person__name_fr", "person__aliases", "name_ar", "name_fr", "capacity_ar"
            ):
                texts += [value for value in values if value]
            for extra in EXTRA_SEARCH_TEXTS:
                texts += extra(self)
        self.search_key = index_key(*texts)

    def refresh_search_key(self):
        """Recompute the keys after a change to what they include (an agenda item, a topic)."""
        self._update_search_key()
        type(self).objects.filter(pk=self.pk).update(
            search_key=self.search_key, search_title=self.search_title
        )

    # Scheduling ------------------------------------------------------------------------------

    @property
    def is_to_be_set(self):
        return self.schedule == self.Schedule.TO_BE_SET

    @property
    def is_timed(self):
        return self.schedule == self.Schedule.TIMED

    @property
    def planned_year(self):
        """The year an undated event was planned for: the intended one, else the year it was entered."""
        if not self.is_to_be_set:
            return None
        return self.intended_year or (timezone.localdate(self.created_at).year if self.created_at else None)

    @property
    def is_never_scheduled(self):
        """An undated event whose planned year is over: archived (``never_scheduled``)."""
        year = self.planned_year
        return year is not None and year < timezone.localdate().year

    @property
    def is_multi_day(self):
        return bool(self.start_date and self.end_date and self.end_date > self.start_date)

    @property
    def intended_month_date(self):
        """The intended month as a date (first of the month) for ``|date:"YEAR_MONTH_FORMAT"``."""
        if self.intended_year and self.intended_month:
            return datetime.date(self.intended_year, self.intended_month, 1)
        return None

    @property
    def region_name(self):
        return territory.region_name(self.region_code)

    @property
    def province_name(self):
        return territory.province_name(self.province_code)

    @property
    def host_province_name(self):
        return territory.province_name(self.host_province_code)

    @property
    def place(self):
        if self.venue and self.city:
            return gettext("%(venue)s, %(city)s") % {"venue": self.venue, "city": self.city}
        return self.venue or self.city

    def clean(self):
        errors = {}
        if self.schedule == self.Schedule.TO_BE_SET:
            if self.start_date or self.end_date or self.starts_at or self.ends_at:
                errors["schedule"] = _("An event whose date is to be set cannot have a date or time.")
        elif self.schedule == self.Schedule.TIMED:
            if not self.starts_at:
                errors["starts_at"] = _("Give the start time of an event at a time.")
            elif self.ends_at and self.ends_at < self.starts_at:
                errors["ends_at"] = _("The event cannot end before it starts.")
        else:
            if not self.start_date:
                errors["start_date"] = _("Give the first day of the event.")
            elif self.end_date and self.end_date < self.start_date:
                errors["end_date"] = _("The last day cannot be before the first day.")
            if self.starts_at or self.ends_at:
                errors["starts_at"] = _("An all-day event has no start or end time.")
        if self.intended_month and not self.intended_year:
            errors["intended_year"] = _("Give the year of the intended month.")
        if errors:
            raise ValidationError(errors)
        # Before the constraints are validated: dated events get their days from the times.
        self._derive_fields()

    def _derive_fields(self):
        if self.schedule == self.Schedule.TIMED and self.starts_at:
            self.start_date = timezone.localdate(self.starts_at)
            self.end_date = timezone.localdate(self.ends_at) if self.ends_at else self.start_date
        elif self.schedule == self.Schedule.DAYS and self.start_date and not self.end_date:
            self.end_date = self.start_date
        if self.province_code and not self.region_code:
            self.region_code = territory.province_region(self.province_code)


class AgendaItem(models.Model):
    """One point of an event's agenda (جدول الأعمال), in order, with its outcome afterwards."""

    class Kind(models.TextChoices):
        APPROVAL = "approval", _("Item to approve")
        INFORMATION = "information", _("Information point")
        SESSION = "session", _("Session or presentation")
        MISCELLANEOUS = "miscellaneous", _("Miscellaneous")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("event"))
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices, default=Kind.APPROVAL)
    day = models.DateField(_("day"), null=True, blank=True, help_text=_("For events over several days."))
    start_time = models.TimeField(_("from"), null=True, blank=True)
    end_time = models.TimeField(_("to"), null=True, blank=True)
    title = models.TextField(_("item"))
    outcome = models.TextField(_("decision or outcome"), blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=True)
                | Q(end_time__gte=models.F("start_time")),
                name="agenda_item_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title[:80]


class EventParticipantQuerySet(models.QuerySet):
    def for_display(self):
        return self.select_related("person").order_by("order", "pk")


class EventParticipant(models.Model):
    """Someone who took part in an event as the sources tell it: a speaker, the moderator, a
    member of a delegation, an official whose words are reported.

    Linked to the register's person when the secretariat knows them (their public page then
    lists the event); otherwise the name is typed as the source writes it. ``capacity`` is how
    the source introduces them ("رئيس المجلس الإقليمي لخريبكة"); a participant the source does
    not name ("ممثل وكالة التعاون الألماني") has only a capacity.
    """

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Speaker")
        MODERATOR = "moderator", _("Moderator")
        DELEGATION_HEAD = "delegation_head", _("Head of the delegation")
        DELEGATION_MEMBER = "delegation_member", _("Member of the delegation")
        REPRESENTATIVE = "representative", _("Represented the association")
        OFFICIAL = "official", _("Official")

    class Gender(models.TextChoices):
        MALE = "m", _("Male")
        FEMALE = "f", _("Female")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="participants", verbose_name=_("event")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_participations",
        verbose_name=_("person in the register"),
        help_text=_("Leave empty and type the name when the person is not in the register."),
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("As the source writes it; empty for a person of the register."),
    )
    gender = models.CharField(
        _("gender"),
        max_length=1,
        choices=Gender.choices,
        blank=True,
        help_text=_("For a name typed here: the role's title agrees with it."),
    )
    capacity = models.CharField(
        _("capacity"),
        max_length=255,
        blank=True,
        help_text=_("How the source introduces them, e.g. their office."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SPEAKER)
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    objects = EventParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    role__in=["speaker", "moderator", "delegation_head", "delegation_member", "representative",
                              "official"]
                ),
                name="event_participant_role_known",
            ),
        ]  # fmt: skip

    def __str__(self):
        return self.display_name or self.capacity or ""

    @property
    def display_name(self):
        """The register's name when linked (one person, one name), else the typed one."""
        if self.person_id:
            return self.person.name
        return self.name or ""

    @property
    def is_female(self):
        gender = self.person.gender if self.person_id else self.gender
        return gender == "f"

    @property
    def role_title(self):
        """The role in words, agreeing with the person's gender (Arabic titles are gendered)."""
        titles = ROLE_TITLES_FEMALE if self.is_female else ROLE_TITLES
        return titles[self.role]

    def clean(self):
        if not (self.person_id or (self.name or "").strip() or (self.capacity or "").strip()):
            raise ValidationError(_("Choose a person of the register, or type a name or a capacity."))


ROLE_TITLES = {
    "speaker": pgettext_lazy("male", "Speaker"),
    "moderator": pgettext_lazy("male", "Moderator"),
    "delegation_head": pgettext_lazy("male", "Head of the delegation"),
    "delegation_member": pgettext_lazy("male", "Member of the delegation"),
    "representative": pgettext_lazy("male", "Represented the association"),
    "official": pgettext_lazy("male", "Official"),
}
ROLE_TITLES_FEMALE = {
    "speaker": pgettext_lazy("female", "Speaker"),
    "moderator": pgettext_lazy("female", "Moderator"),
    "delegation_head": pgettext_lazy("female", "Head of the delegation"),
    "delegation_member": pgettext_lazy("female", "Member of the delegation"),
    "representative": pgettext_lazy("female", "Represented the association"),
    "official": pgettext_lazy("female", "Official"),
}


class EventDocument(models.Model):
    """A document attached to an event (a presentation, minutes). The file may come later."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="documents", verbose_name=_("event")
    )
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(
        _("file"),
        upload_to=RandomName("events/documents/%Y/"),
        storage=private_storage,
        max_length=255,
        blank=True,
        validators=[validate_document],
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("event document")
        verbose_name_plural = _("event documents")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if not self.file:
            return ""
        return reverse("events:document", args=[self.pk])

    @property
    def extension(self):
        return self.file.name.rsplit(".", 1)[-1].upper() if self.file else ""


class EventPhoto(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="photos", verbose_name=_("event"))
    image = ValidatedImageField(_("image"), upload_to="events/photos/%Y/", validators=[validate_image])
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    consent = models.BooleanField(
        _("people shown agreed to publication"),
        default=False,
        help_text=_("Law 09-08: a photo of people is published only with their consent."),
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or self.image.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.image:
            # The gallery's resized copy is made once, on upload, not by the first visitor.
            get_thumbnailer(self.image)["card"]


class ActionProgramme(models.Model):
    """The annual action programme (برنامج العمل السنوي): the year's planned activities."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=255)
    introduction = models.TextField(_("introduction"), blank=True)
    published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("action programme")
        verbose_name_plural = _("action programmes")
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=1900, year__lte=2200), name="programme_year_plausible"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:programme-year", args=[self.year])


def has_published_programme():
    """Whether the "action programme" menu entry leads anywhere."""
    return ActionProgramme.objects.filter(published=True).exists()


class ProgrammeLine(models.Model):
    """One line of the programme table: activity, date or "to be set", content and note."""

    programme = models.ForeignKey(
        ActionProgramme, on_delete=models.CASCADE, related_name="lines", verbose_name=_("programme")
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    kind = models.ForeignKey(
        EventKind, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("kind")
    )
    activity = models.CharField(
        _("activity"), max_length=255, blank=True, help_text=_("The kind of activity as the table words it.")
    )
    start_date = models.DateField(_("date"), null=True, blank=True, help_text=_("Empty: date to be set."))
    end_date = models.DateField(_("until"), null=True, blank=True)
    start_time = models.TimeField(_("time"), null=True, blank=True)
    date_note = models.CharField(_("note on the date"), max_length=255, blank=True)
    content = models.TextField(_("content"), blank=True)
    note = models.TextField(_("note"), blank=True)
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_lines",
        verbose_name=_("event in the calendar"),
    )

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("programme line")
        verbose_name_plural = _("programme lines")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=False, end_date__gte=models.F("start_date")),
                name="programme_line_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(start_time__isnull=True) | Q(start_date__isnull=False),
                name="programme_line_time_needs_date",
            ),
        ]

    def __str__(self):
        return self.activity or (str(self.kind) if self.kind else "") or self.content[:60]

    @property
    def label(self):
        return self.activity or (self.kind.name if self.kind else "")

    @property
    def is_to_be_set(self):
        return self.start_date is None

    def clean(self):
        if self.end_date and (not self.start_date or self.end_date < self.start_date):
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})
        if self.start_time and not self.start_date:
            raise ValidationError({"start_time": _("A time needs a date.")})


def _new_token():
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a member's private calendar feed URL; revoking it replaces it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_token",
        verbose_name=_("user"),
    )
    key = models.CharField(_("key"), max_length=64, unique=True, default=_new_token, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("calendar subscription key")
        verbose_name_plural = _("calendar subscription keys")

    def __str__(self):
        return str(self.user)
