"""Continuing training (التكوين المستمر): programmes, topics, sessions and registrations.

A session is an event of the one calendar (``events.Event``): its date, venue in the
calendar, visibility and status live there; the session adds what training needs (topics,
audience, capacity, registration window). Registrations hold a seat, a place on the waiting
list, or the trace of a cancellation; the capacity rule is enforced in
``training.services.registration_create`` under a row lock on the session.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from events.models import visibilities_for
from members.models import Person


class Audience(models.TextChoices):
    OFFICIALS = "officials", _("Elected officials")
    STAFF = "staff", _("Council staff")


class TrainingProgramme(models.Model):
    """One year's continuing-training programme for one audience."""

    year = models.PositiveSmallIntegerField(_("year"))
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.OFFICIALS
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["-year", "audience", "pk"]
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "audience"], name="training_programme_unique_year_audience"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1900, year__lte=2200), name="training_programme_year_plausible"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:programme", args=[self.year])


def has_published_programme():
    """Whether the "training" menu entry leads to sessions."""
    return TrainingProgramme.objects.filter(published=True).exists()


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=255)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


# Registrations that hold a seat: the capacity counts them.
SEAT_STATUSES = ("registered", "attended", "absent")

# How long after cancelling a member may take it back (``services.registration_restore``).
UNDO_WINDOW = datetime.timedelta(minutes=30)


# What a catalogue card shows: the session's own columns, and of its event and partner only
# the date, status and title and the name (a fifth of the rows' build and SQL time, issue 8).
CATALOGUE_FIELDS = [
    "event_id", "programme_id", "audience", "venue_ar", "venue_fr", "partner_id", "capacity",
    "registration_opens_at", "registration_closes_at",
    "event__start_date", "event__status", "event__title_ar", "event__title_fr",
    "event__expected_participants", "event__actual_participants",
    "partner__organisation", "partner__organisation__name_ar", "partner__organisation__name_fr",
]  # fmt: skip


class TrainingSessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        # Through the join on the session's event, not ``event__in`` a subquery of events.
        levels = visibilities_for(user)
        sessions = self.filter(programme__published=True)
        return sessions if levels is None else sessions.filter(event__visibility__in=levels)

    def with_seats(self):
        """Annotate ``seats_taken`` and ``waiting_count`` (one query for any number of sessions).

        Counted in correlated subqueries rather than a join and GROUP BY over every selected
        column: on PostgreSQL the grouped form cost more to plan (3.6 ms) than to run (issue 8).
        """

        def count(condition):
            rows = (
                Registration.objects.filter(condition, session=models.OuterRef("pk"))
                .order_by()
                .values("session")
                .annotate(n=Count("pk"))
                .values("n")
            )
            return Coalesce(models.Subquery(rows, output_field=models.IntegerField()), 0)

        return self.annotate(
            seats_taken=count(Q(status__in=SEAT_STATUSES)),
            waiting_count=count(Q(status=Registration.Status.WAITING)),
            attended_count=count(Q(status=Registration.Status.ATTENDED)),
        )

    def for_listing(self):
        return self.select_related("event", "event__kind", "partner__organisation", "programme")._listed()

    def for_catalogue(self):
        """As ``for_listing``, with only the columns a catalogue card shows (issue 8)."""
        return self.select_related("event", "partner__organisation").only(*CATALOGUE_FIELDS)._listed()

    def _listed(self):
        """Topics, seats and the calendar's order: what every list of sessions shows."""
        return (
            self.prefetch_related(
                models.Prefetch("session_topics", queryset=SessionTopic.objects.select_related("topic"))
            )
            .with_seats()
            .order_by(models.F("event__start_date").asc(nulls_last=True), "pk")
        )


class TrainingSession(models.Model):
    event = models.OneToOneField(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="training_session",
        verbose_name=_("event in the calendar"),
    )
    programme = models.ForeignKey(
        TrainingProgramme, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("programme")
    )
    topics = models.ManyToManyField(
        Topic, through="SessionTopic", related_name="sessions", verbose_name=_("topics")
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.OFFICIALS
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    partner = models.ForeignKey(
        "association.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_sessions",
        verbose_name=_("partner institution"),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Number of seats. Empty: no limit.")
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: open as soon as it is published.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: until the day before the session."),
    )
    note = models.TextField(_("note"), blank=True)

    objects = TrainingSessionQuerySet.as_manager()

    class Meta:
        ordering = ["event__start_date", "pk"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1), name="training_session_has_seats"
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gte=models.F("registration_opens_at")),
                name="training_session_closes_after_opening",
            ),
        ]

    def __str__(self):
        return self.event.title

    def get_absolute_url(self):
        return reverse("training:session", args=[self.pk])

    @property
    def date(self):
        return self.event.start_date

    @property
    def topic_list(self):
        """The topics in order (uses the prefetched ``session_topics`` when present)."""
        return [link.topic for link in self.session_topics.all()]

    @property
    def seats_left(self):
        """Free seats, or None when the session has no limit."""
        if self.capacity is None:
            return None
        taken = getattr(self, "seats_taken", None)
        if taken is None:
            taken = self.registrations.filter(status__in=SEAT_STATUSES).count()
        return max(self.capacity - taken, 0)

    @property
    def is_past(self):
        """The session's day is over: it shows its attendance, never the seats left."""
        return bool(self.date and self.date < timezone.localdate())

    @property
    def attendance(self):
        """For a past session: how many were planned and how many came, as far as is known.

        ``actual``: the number recorded on the calendar's event, else the registrations marked
        "attended"; None when nobody recorded it (the sources give only planned numbers).
        ``planned``: the expected participants of the event, else the capacity.
        """
        actual = self.event.actual_participants
        if actual is None:
            attended = getattr(self, "attended_count", None)
            if attended is None:
                attended = self.registrations.filter(status=Registration.Status.ATTENDED).count()
            actual = attended or None
        planned = self.event.expected_participants or self.capacity
        return {"planned": planned, "actual": actual}

    @property
    def is_full(self):
        return self.capacity is not None and self.seats_left == 0

    @property
    def deadline(self):
        """When registration closes: the set time, else the start of the session's day."""
        if self.registration_closes_at:
            return self.registration_closes_at
        if self.date:
            return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time.min))
        return None

    def registration_problem(self, now=None):
        """Why nobody can register now (a translated sentence), or None when registration is open."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        if not self.date:
            return gettext("The date of this session is not set yet; registration will open later.")
        if self.event.status == self.event.Status.CANCELLED:
            return gettext("This session has been cancelled.")
        if self.date < today:
            return gettext("This session has already taken place.")
        if self.registration_opens_at and now < self.registration_opens_at:
            return gettext("Registration for this session opens on %(date)s.") % {
                "date": formats.date_format(timezone.localtime(self.registration_opens_at), "DATETIME_FORMAT")
            }
        if now >= self.deadline:
            return gettext("Registration for this session closed on %(date)s.") % {
                "date": formats.date_format(timezone.localtime(self.deadline), "DATETIME_FORMAT")
            }
        return None


class SessionTopic(models.Model):
    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="session_topics", verbose_name=_("session")
    )
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="+", verbose_name=_("topic"))
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("session topic")
        verbose_name_plural = _("session topics")
        constraints = [
            models.UniqueConstraint(fields=["session", "topic"], name="training_session_topic_unique")
        ]

    def __str__(self):
        return str(self.topic)


class RegistrationQuerySet(models.QuerySet):
    def holding_seats(self):
        return self.filter(status__in=SEAT_STATUSES)

    def waiting(self):
        """The waiting list in arrival order."""
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")

    def open(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def of_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(person__user=user)

    def with_waiting_position(self):
        """Annotate ``waiting_position``: 1 for the first on the waiting list, None when not waiting.

        Counted when the page is drawn, so the position moves up as people ahead cancel or
        are given a seat (the waiting list's order: arrival time, then id).
        """
        waiting = Registration.Status.WAITING
        ahead = (
            Registration.objects.filter(session=models.OuterRef("session"), status=waiting)
            .filter(
                Q(created_at__lt=models.OuterRef("created_at"))
                | Q(created_at=models.OuterRef("created_at"), pk__lt=models.OuterRef("pk"))
            )
            .order_by()
            .values("session")
            .annotate(n=Count("pk"))
            .values("n")
        )
        position = Coalesce(models.Subquery(ahead, output_field=models.IntegerField()), 0) + 1
        return self.annotate(
            waiting_position=models.Case(
                models.When(status=waiting, then=position), default=None, output_field=models.IntegerField()
            )
        )


class Registration(models.Model):
    """A place in a session, held by a member, or by a council's staff member named here."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")
        ABSENT = "absent", _("Absent")

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("session")
    )
    person = models.ForeignKey(
        "members.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_registrations",
        verbose_name=_("member"),
    )
    participant_name = models.CharField(
        _("participant's name"), max_length=200, blank=True, help_text=_("For a council's staff member.")
    )
    participant_gender = models.CharField(
        _("participant's gender"),
        max_length=1,
        choices=Person.Gender.choices,
        blank=True,
        help_text=_("For a council's staff member: the messages, e-mails and certificate agree with it."),
    )
    council = models.ForeignKey(
        "members.Council",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_registrations",
        verbose_name=_("council"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(
        _("language for e-mails"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REGISTERED)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    promoted_at = models.DateTimeField(_("moved off the waiting list at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    status_before_cancel = models.CharField(
        _("status before cancelling"),
        max_length=10,
        blank=True,
        editable=False,
        help_text=_("Registered or waiting: what undoing the cancellation gives back."),
    )
    attendance_marked_at = models.DateTimeField(_("attendance marked at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["session", "created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=Q(person__isnull=False) & ~Q(status="cancelled"),
                name="training_registration_once_per_person",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | (~Q(participant_name="") & Q(council__isnull=False)),
                name="training_registration_has_participant",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["registered", "waiting", "cancelled", "attended", "absent"]),
                name="training_registration_status_known",
            ),
            models.CheckConstraint(
                condition=Q(participant_gender__in=["", "m", "f"]),
                name="training_registration_gender_known",
            ),
        ]

    def __str__(self):
        return f"{self.name} – {self.session}"

    @property
    def name(self):
        return self.person.name if self.person_id else self.participant_name

    @property
    def gender(self):
        """The participant's gender ("m", "f", or "" when a staff member's was not given)."""
        return self.person.gender if self.person_id else self.participant_gender

    @property
    def recipient(self):
        return (self.person.email if self.person_id else "") or self.email

    @property
    def recipient_language(self):
        return self.person.preferred_language if self.person_id else self.language

    @property
    def holds_seat(self):
        return self.status in SEAT_STATUSES

    @property
    def status_label(self):
        """The status worded for the participant: مسجلة, حاضرة, غائبة (Inscrite, Annulée…) for a woman."""
        if self.gender == "f":
            labels = {
                self.Status.REGISTERED: pgettext("female", "Registered"),
                self.Status.CANCELLED: pgettext("female", "Cancelled"),
                self.Status.ATTENDED: pgettext("female", "Attended"),
                self.Status.ABSENT: pgettext("female", "Absent"),
            }
            if self.status in labels:
                return labels[self.status]
        return self.get_status_display()

    @property
    def undo_deadline(self):
        """Until when a cancellation may be taken back (None when not cancelled)."""
        if self.status != self.Status.CANCELLED or self.cancelled_at is None:
            return None
        return self.cancelled_at + UNDO_WINDOW

    def can_undo(self, now=None):
        deadline = self.undo_deadline
        return deadline is not None and (now or timezone.now()) < deadline

    def get_certificate_url(self):
        return reverse("training:certificate", args=[self.pk])
