"""Bureau mandates, their seats, permanent committees and the wording of titles.

A mandate is one bureau elected by a general assembly; past mandates stay as history (they are
never overwritten: a new general assembly starts a new mandate, ``services.mandate_renew``).
A seat is a person in an office for a mandate, with its own dates, so that a replacement
mid-mandate keeps both people. Titles are never typed: they are generated from the office,
its rank and the holder's gender (``bureau.titles``), with the association's own wording
(``OfficeWording``) where its statutes word a title differently.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bureau import titles
from bureau.titles import DEFAULT_WORDING, Office, Wording
from events.models import Event


class OfficeKind(models.TextChoices):
    PRESIDENT = Office.PRESIDENT, _("President")
    VICE_PRESIDENT = Office.VICE_PRESIDENT, _("Vice-president")
    SECRETARY_GENERAL = Office.SECRETARY_GENERAL, _("Secretary-general")
    DEPUTY_SECRETARY_GENERAL = Office.DEPUTY_SECRETARY_GENERAL, _("Deputy secretary-general")
    TREASURER = Office.TREASURER, _("Treasurer")
    DEPUTY_TREASURER = Office.DEPUTY_TREASURER, _("Deputy treasurer")
    COUNCILLOR = Office.COUNCILLOR, _("Councillor")
    MEMBER = Office.MEMBER, _("Member")
    COMMITTEE_CHAIR = Office.COMMITTEE_CHAIR, _("Committee chair")
    COMMITTEE_RAPPORTEUR = Office.COMMITTEE_RAPPORTEUR, _("Committee rapporteur")
    COMMITTEE_MEMBER = Office.COMMITTEE_MEMBER, _("Committee member")


BUREAU_OFFICES = [(value, label) for value, label in OfficeKind.choices if value in Office.PROTOCOL_ORDER[:8]]
COMMITTEE_ROLES = [(value, label) for value, label in OfficeKind.choices if value.startswith("committee_")]


def title_gender(person):
    """``members.Person.gender`` ("m"/"f") as ``bureau.titles`` wants it ("male"/"female")."""
    return titles.FEMALE if person.gender == "f" else titles.MALE


def wordings():
    """Every office's wording: the association's own where set, the defaults otherwise (one query)."""
    result = dict(DEFAULT_WORDING)
    for row in OfficeWording.objects.all():
        result[row.office] = row.wording
    return result


def _language(language=None):
    return "ar" if (language or get_language() or "ar").startswith("ar") else "fr"


class OfficeWording(models.Model):
    """How the association's statutes word one office's title, in both genders and languages.

    ``{ordinal}`` is replaced by the rank (الأول / الأولى, 1er / 1re …) and ``{committee}`` by
    the committee's name.
    """

    office = models.CharField(_("office"), max_length=30, choices=OfficeKind.choices, unique=True)
    ar_male = models.CharField(_("Arabic, held by a man"), max_length=200)
    ar_female = models.CharField(_("Arabic, held by a woman"), max_length=200)
    fr_male = models.CharField(_("French, held by a man"), max_length=200)
    fr_female = models.CharField(_("French, held by a woman"), max_length=200)

    class Meta:
        ordering = ["office"]
        verbose_name = _("wording of a title")
        verbose_name_plural = _("wording of titles")

    def __str__(self):
        return self.get_office_display()

    @property
    def wording(self):
        return Wording(self.ar_male, self.ar_female, self.fr_male, self.fr_female)

    @classmethod
    def defaults_for(cls, office):
        default = DEFAULT_WORDING[office]
        return {
            "ar_male": default.ar_male,
            "ar_female": default.ar_female,
            "fr_male": default.fr_male,
            "fr_female": default.fr_female,
        }

    def clean(self):
        errors = {}
        ranked = self.office in Office.RANKED
        for field in ("ar_male", "ar_female", "fr_male", "fr_female"):
            value = getattr(self, field) or ""
            try:
                value.format(ordinal="1", committee="x")
            except (KeyError, IndexError, ValueError):
                errors[field] = _("Only {ordinal} and {committee} may appear between braces.")
                continue
            if ranked and "{ordinal}" not in value:
                errors[field] = _("A ranked office needs {ordinal} in its title.")
        if errors:
            raise ValidationError(errors)


class MandateQuerySet(models.QuerySet):
    def current(self, body=None):
        """The body's current mandate; of its electing assembly only what its link needs."""
        return (
            self.filter(is_current=True, body=body or Mandate.Body.EXECUTIVE_BUREAU)
            .select_related("assembly")
            .only(*[field.name for field in self.model._meta.concrete_fields], "assembly__visibility")
            .first()
        )

    def past(self, body=None):
        return self.filter(is_current=False, body=body or Mandate.Body.EXECUTIVE_BUREAU)


class Mandate(models.Model):
    """The members of one governing body (``body``: the executive bureau by default, or the
    administrative or advisory council) from ``start`` to ``end``, as a general assembly
    elected or appointed them. Every body's mandates share the seats, titles, committees and
    roster history of the bureau; each body has at most one current mandate.

    The electing general assembly is kept as its date (``assembly_date``) and, once the calendar
    records it, as a link to that event (``assembly``).
    """

    class Body(models.TextChoices):
        # The governing bodies that have members (``association.GoverningBody.Kind``, same
        # values): the association names each one in its GoverningBody record.
        EXECUTIVE_BUREAU = "executive_bureau", _("Executive bureau")
        ADMINISTRATIVE_COUNCIL = "administrative_council", _("Administrative council")
        ADVISORY_COUNCIL = "advisory_council", _("Advisory council")

    body = models.CharField(_("body"), max_length=30, choices=Body.choices, default=Body.EXECUTIVE_BUREAU)
    assembly = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="elected_mandates",
        verbose_name=_("electing general assembly"),
        help_text=_("The general assembly in the calendar, once it is recorded there."),
    )
    assembly_date = models.DateField(_("date of the electing general assembly"), null=True, blank=True)
    start = models.DateField(_("start"), null=True, blank=True, help_text=_("Leave empty if unknown."))
    end = models.DateField(_("end"), null=True, blank=True)
    is_current = models.BooleanField(_("current mandate"), default=False)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    objects = MandateQuerySet.as_manager()

    class Meta:
        ordering = ["-is_current", models.F("start").desc(nulls_last=True), "-pk"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        constraints = [
            models.UniqueConstraint(
                fields=["body"], condition=Q(is_current=True), name="bureau_one_current_mandate_per_body"
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
                name="bureau_mandate_ends_after_start",
                violation_error_message=_("The end date cannot come before the start date."),
            ),
        ]

    def __str__(self):
        body = self.get_body_display()
        if self.start and self.end:
            return _("%(body)s, %(start)s – %(end)s") % {
                "body": body,
                "start": date_format(self.start, "DATE_FORMAT"),
                "end": date_format(self.end, "DATE_FORMAT"),
            }
        if self.start:
            return _("%(body)s from %(start)s") % {
                "body": body,
                "start": date_format(self.start, "DATE_FORMAT"),
            }
        return str(body)

    def get_absolute_url(self):
        if self.is_current and self.body == self.Body.EXECUTIVE_BUREAU:
            return reverse("bureau:current")
        if self.is_current:
            return f"{reverse('bureau:bodies')}#body-{self.body}"
        return reverse("bureau:mandate", args=[self.pk])

    def public_assembly_url(self):
        """The electing general assembly's page in the calendar, when it is public."""
        if self.assembly is not None and self.assembly.visibility == Event.Visibility.PUBLIC:
            return self.assembly.get_absolute_url()
        return None


class Holding(models.Model):
    """What a bureau seat and a committee seat share: the council represented, dates, order."""

    council = models.ForeignKey(
        "members.Council",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("council represented"),
    )
    start = models.DateField(
        _("from"), null=True, blank=True, help_text=_("Empty: from the start of the mandate.")
    )
    end = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Empty: until the end of the mandate.")
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        abstract = True

    def is_active_on(self, day):
        return (self.start is None or self.start <= day) and (self.end is None or self.end >= day)


class SeatQuerySet(models.QuerySet):
    def for_roster(self):
        return self.select_related("person", "council")

    def held(self):
        """Seats not ended: a replaced holder's seat has an end date and drops out of the roster."""
        return self.filter(end__isnull=True)


def protocol_key(seat):
    return (Office.PROTOCOL_ORDER.index(seat.office), seat.rank or 0, seat.order, seat.pk or 0)


class Seat(Holding):
    mandate = models.ForeignKey(
        Mandate, on_delete=models.CASCADE, related_name="seats", verbose_name=_("mandate")
    )
    office = models.CharField(_("office"), max_length=30, choices=BUREAU_OFFICES)
    rank = models.PositiveSmallIntegerField(
        _("rank"),
        null=True,
        blank=True,
        help_text=_("For vice-presidents: 1 for the first, 2 for the second …"),
    )
    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, related_name="bureau_seats", verbose_name=_("person")
    )
    history = HistoricalRecords()

    objects = SeatQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("bureau seat")
        verbose_name_plural = _("bureau seats")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
                name="bureau_seat_ends_after_start",
                violation_error_message=_("The end date cannot come before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(rank__isnull=True) | Q(rank__gte=1),
                name="bureau_seat_rank_positive",
                violation_error_message=_("The rank starts at 1."),
            ),
            # A seat still held (no end date) of a single-holder office: one per mandate.
            models.UniqueConstraint(
                fields=["mandate", "office"],
                condition=Q(end__isnull=True, office__in=Office.SINGLE_HOLDER),
                name="bureau_seat_single_holder",
                violation_error_message=_("This office already has a holder in this mandate."),
            ),
        ]

    def __str__(self):
        return f"{self.title()} – {self.person}"

    def title(self, language=None, wording_map=None):
        """The public title of this seat, in ``language`` (the active one by default)."""
        if not self.office or not self.person_id:
            return ""
        wording_map = wording_map or getattr(self, "wording_map", None)
        wording = (wording_map or {}).get(self.office) or _wording(self.office)
        try:
            return titles.office_title(
                self.office,
                gender=title_gender(self.person),
                language=_language(language),
                rank=self.rank,
                wording=wording,
            )
        except ValueError:
            return self.get_office_display()


def _wording(office):
    row = OfficeWording.objects.filter(office=office).first()
    return row.wording if row else DEFAULT_WORDING[office]


class Committee(models.Model):
    """A permanent committee of a mandate, with its mission.

    Its history is registered in ``translation.py``, after django-modeltranslation has added
    the ``name_*`` and ``mission_*`` columns, so that the history keeps them too.
    """

    mandate = models.ForeignKey(
        Mandate, on_delete=models.CASCADE, related_name="committees", verbose_name=_("mandate")
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("As it follows a title: لجنة الصحة, commission de la santé.")
    )
    mission = models.TextField(_("mission"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("permanent committee")
        verbose_name_plural = _("permanent committees")

    def __str__(self):
        return self.name

    def name_in(self, language):
        return getattr(self, f"name_{_language(language)}", "") or self.name_ar or self.name


class CommitteeSeat(Holding):
    class Role(models.TextChoices):
        CHAIR = Office.COMMITTEE_CHAIR, _("Chair")
        RAPPORTEUR = Office.COMMITTEE_RAPPORTEUR, _("Rapporteur")
        MEMBER = Office.COMMITTEE_MEMBER, _("Member")

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="seats", verbose_name=_("committee")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, default=Role.CHAIR)
    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, related_name="committee_seats", verbose_name=_("person")
    )
    history = HistoricalRecords()

    objects = SeatQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("committee seat")
        verbose_name_plural = _("committee seats")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
                name="bureau_committee_seat_ends_after_start",
                violation_error_message=_("The end date cannot come before the start date."),
            ),
            models.UniqueConstraint(
                fields=["committee", "role"],
                condition=Q(end__isnull=True, role__in=Office.SINGLE_HOLDER),
                name="bureau_committee_seat_single_holder",
                violation_error_message=_("This role already has a holder in this committee."),
            ),
        ]

    def __str__(self):
        return f"{self.title()} – {self.person}"

    @property
    def office(self):
        return self.role

    def title(self, language=None, wording_map=None):
        if not self.role or not self.person_id or not self.committee_id:
            return ""
        language = _language(language)
        wording_map = wording_map or getattr(self, "wording_map", None)
        wording = (wording_map or {}).get(self.role) or _wording(self.role)
        return titles.office_title(
            self.role,
            gender=title_gender(self.person),
            language=language,
            committee=self.committee.name_in(language),
            wording=wording,
        )


class RosterVersion(models.Model):
    """The whole roster of a mandate's bureau or of a committee, as one save left it.

    Written in the transaction of the save (``bureau.versions``); never changed afterwards: a
    revert writes a new version. ``snapshot`` holds every seat (office, rank, person with their
    names and gender, council, dates, order) so that the history reads without the live rows;
    ``digest`` fingerprints what an edit can change, to tell whether a page is out of date.
    """

    mandate = models.ForeignKey(
        Mandate,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roster_versions",
        verbose_name=_("mandate"),
    )
    committee = models.ForeignKey(
        Committee,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roster_versions",
        verbose_name=_("committee"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    snapshot = models.JSONField(_("roster"), default=list)
    digest = models.CharField(max_length=64)
    comment = models.CharField(_("comment"), max_length=300, blank=True)
    reverted_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reverted to"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = ["created_at", "pk"]
        verbose_name = _("roster version")
        verbose_name_plural = _("roster versions")
        constraints = [
            models.CheckConstraint(
                condition=Q(mandate__isnull=False, committee__isnull=True)
                | Q(mandate__isnull=True, committee__isnull=False),
                name="bureau_roster_version_of_one_roster",
            ),
        ]

    def __str__(self):
        return f"{self.mandate or self.committee} – {self.created_at:%Y-%m-%d %H:%M}"
