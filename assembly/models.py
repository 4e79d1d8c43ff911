"""The general assembly (الجمع العام): the statutes' rules, convocation, attendance, decisions
and minutes.

An assembly is an event of the calendar (``events.Event``) with what the statutes require on
top: who is convened, the quorum, proxies and majorities. The rules live in one settings row
(``AssemblyRules``) and are copied into each assembly when it is created, so that a later change
of the statutes never changes how a past assembly is judged. Writes that count (proxies,
attendance, decisions) go through ``assembly.services``, which lock the rows they count; the
database refuses what no service should ever write (a proxy to oneself, a second decision on a
closed item, a proxy holder's slot taken twice).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from simple_history.models import HistoricalRecords
from solo.models import SingletonModel

from bureau.models import BUREAU_OFFICES
from members.access import is_member
from portal.private_media import RandomName, private_storage
from portal.validators import validate_document


class Majority(models.TextChoices):
    SIMPLE = "simple", _("Simple majority")
    TWO_THIRDS = "two_thirds", _("Two-thirds majority")
    UNANIMITY = "unanimity", _("Unanimity")


class ItemKind(models.TextChoices):
    REPORT = "report", _("Moral report")
    ACCOUNTS = "accounts", _("Financial report and accounts")
    STATUTES = "statutes", _("Amendment of the statutes")
    ELECTION = "election", _("Election of the bureau")
    OTHER = "other", _("Other item")


# The rules an assembly keeps a copy of (``Assembly.rules``), with the settings row's fields.
RULE_FIELDS = [
    "notice_days",
    "request_days",
    "convene_regional",
    "convene_prefectural",
    "convene_provincial",
    "convene_communal",
    "quorum_first_percent",
    "quorum_second_percent",
    "proxies_allowed",
    "max_proxies",
    *[f"majority_{kind}" for kind in ItemKind.values],
    "abstentions_are_cast",
    "unanimity_tolerates_abstentions",
]


def _majority_field(label, default):
    return models.CharField(label, max_length=12, choices=Majority.choices, default=default)


class AssemblyRules(SingletonModel):
    """What the statutes say about the general assembly, as settings."""

    notice_days = models.PositiveSmallIntegerField(
        _("notice period (days)"),
        default=15,
        help_text=_("The convocation must be sent at least this many days before the assembly."),
    )
    request_days = models.PositiveSmallIntegerField(
        _("agenda requests close (days before)"),
        default=10,
        help_text=_("Members may propose an agenda item until this many days before the assembly."),
    )
    convene_regional = models.BooleanField(_("convene members from regional councils"), default=True)
    convene_prefectural = models.BooleanField(_("convene members from prefectural councils"), default=True)
    convene_provincial = models.BooleanField(_("convene members from provincial councils"), default=True)
    convene_communal = models.BooleanField(_("convene members from communal councils"), default=True)
    quorum_first_percent = models.PositiveSmallIntegerField(
        _("quorum at the first convocation (%)"),
        default=50,
        help_text=_("Members present or represented, as a share of the members convened."),
    )
    quorum_second_percent = models.PositiveSmallIntegerField(
        _("quorum at the second convocation (%)"),
        default=0,
        help_text=_("0: the second convocation sits with whoever attends."),
    )
    proxies_allowed = models.BooleanField(_("proxies allowed"), default=True)
    max_proxies = models.PositiveSmallIntegerField(_("most proxies one member may hold"), default=1)
    majority_report = _majority_field(_("majority for a moral report"), Majority.SIMPLE)
    majority_accounts = _majority_field(_("majority for the accounts"), Majority.SIMPLE)
    majority_statutes = _majority_field(_("majority for a statutes amendment"), Majority.TWO_THIRDS)
    majority_election = _majority_field(_("majority for the election of the bureau"), Majority.SIMPLE)
    majority_other = _majority_field(_("majority for other items"), Majority.SIMPLE)
    # Both False by default: how the portal judged every assembly before they were settings
    # (and how an assembly copied before them is still judged: ``Rules`` fills in the defaults).
    abstentions_are_cast = models.BooleanField(
        _("abstentions count as votes cast"),
        default=False,
        help_text=_(
            "Unticked: a simple or two-thirds majority is reckoned on the votes for and against "
            "only. Ticked: abstentions are counted among the votes cast, so they weigh like votes "
            "against."
        ),
    )
    unanimity_tolerates_abstentions = models.BooleanField(
        _("unanimity tolerates abstentions"),
        default=False,
        help_text=_(
            "Unticked: an abstention breaks a unanimity, as a vote against does. Ticked: an item "
            "that needs unanimity is approved when nobody votes against, whoever abstains."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rules of the general assembly")
        constraints = [
            models.CheckConstraint(
                condition=Q(quorum_first_percent__lte=100) & Q(quorum_second_percent__lte=100),
                name="assembly_rules_quorum_is_a_percentage",
                violation_error_message=_("A quorum is a percentage between 0 and 100."),
            ),
        ]

    def __str__(self):
        return str(_("rules of the general assembly"))

    def save(self, *args, **kwargs):
        """The settings are the rules of the latest version of the statutes: that version's
        record follows them (the earlier versions keep the rules they had)."""
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding:
            return  # the defaults written on first reading are nobody's rules yet
        latest = StatutesVersion.objects.latest_version()
        if latest is not None and latest.rules != self.as_dict():
            latest.rules = self.as_dict()
            latest.save(update_fields=["rules"])

    def as_dict(self):
        return {name: getattr(self, name) for name in RULE_FIELDS}

    def convened_levels(self):
        return [
            level
            for level in ("regional", "prefectural", "provincial", "communal")
            if getattr(self, f"convene_{level}")
        ]


class Rules:
    """An assembly's copy of the rules, read like the settings row."""

    def __init__(self, values):
        defaults = {
            field.name: field.default
            for field in AssemblyRules._meta.concrete_fields
            if field.name in RULE_FIELDS
        }
        self._values = {**defaults, **(values or {})}

    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    convened_levels = AssemblyRules.convened_levels

    def majority_for(self, kind):
        return self._values[f"majority_{kind}"]


class Assembly(models.Model):
    """A general assembly: the event in the calendar and what the statutes add to it."""

    class Kind(models.TextChoices):
        ORDINARY = "ordinary", _("Ordinary general assembly")
        EXTRAORDINARY = "extraordinary", _("Extraordinary general assembly")

    class Status(models.TextChoices):
        PREPARATION = "preparation", _("In preparation")
        CONVENED = "convened", _("Convened")
        SITTING = "sitting", _("Sitting")
        NO_QUORUM = "no_quorum", _("Quorum not reached")
        CLOSED = "closed", _("Closed")

    event = models.OneToOneField(
        "events.Event", on_delete=models.PROTECT, related_name="general_assembly", verbose_name=_("event")
    )
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices, default=Kind.ORDINARY)
    convocation_number = models.PositiveSmallIntegerField(
        _("convocation"), choices=[(1, _("First convocation")), (2, _("Second convocation"))], default=1
    )
    first_convocation = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="second_convocation",
        verbose_name=_("first convocation"),
        help_text=_("For a second convocation: the assembly that did not reach its quorum."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PREPARATION)
    # None until the assembly is created (the settings row is copied then); {} for an assembly
    # of the past whose rules the record does not give (the demo's 2022 assembly).
    rules = models.JSONField(_("rules applied"), null=True, blank=True, editable=False)
    statutes = models.ForeignKey(
        "StatutesVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="assemblies",
        verbose_name=_("statutes applied"),
        help_text=_("The version of the statutes in force on the assembly's date, its rules copied."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-event__start_date", "-pk"]
        verbose_name = _("general assembly")
        verbose_name_plural = _("general assemblies")
        constraints = [
            models.CheckConstraint(
                condition=Q(convocation_number=1, first_convocation__isnull=True)
                | Q(convocation_number=2, first_convocation__isnull=False),
                name="assembly_second_convocation_follows_a_first",
                violation_error_message=_("A second convocation follows a first one, and only it."),
            ),
        ]

    def __str__(self):
        return str(self.event)

    def save(self, *args, **kwargs):
        if self.rules is None:
            self.statutes, self.rules = rules_on(self.event.start_date)
        super().save(*args, **kwargs)

    @property
    def rule(self):
        return Rules(self.rules)

    @property
    def date(self):
        return self.event.start_date

    @property
    def quorum_percent(self):
        rules = self.rule
        return rules.quorum_first_percent if self.convocation_number == 1 else rules.quorum_second_percent


class Item(models.Model):
    """One point of the assembly's agenda, of a kind that sets its majority."""

    assembly = models.ForeignKey(
        Assembly, on_delete=models.CASCADE, related_name="items", verbose_name=_("general assembly")
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices, default=ItemKind.OTHER)
    title = models.TextField(_("item"))
    agenda_item = models.OneToOneField(
        "events.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assembly_item",
        verbose_name=_("item in the calendar"),
        help_text=_("The event's agenda item that shows the outcome in the calendar."),
    )
    adopted_statutes = models.OneToOneField(
        "association.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adopted_at",
        verbose_name=_("statutes adopted"),
        help_text=_("The new version of the statutes this item adopted (a statutes amendment)."),
    )
    statutes_in_force_from = models.DateField(
        _("amended statutes in force from"),
        null=True,
        blank=True,
        help_text=_(
            "A statutes amendment: the day the new version applies from (the assembly's date if empty)."
        ),
    )

    class Meta:
        ordering = ["assembly", "order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title[:80]

    @property
    def majority(self):
        return self.assembly.rule.majority_for(self.kind)

    @property
    def is_closed(self):
        return hasattr(self, "decision")


class ItemDocument(models.Model):
    """A document sent with the convocation: a report, the accounts, the draft statutes."""

    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="documents", verbose_name=_("agenda item")
    )
    title = models.CharField(_("title"), max_length=255)
    # Outside the public media, under a random folder: read only through the convocation's page.
    file = models.FileField(
        _("file"),
        upload_to=RandomName("assembly/documents/%Y/"),
        storage=private_storage,
        max_length=255,
        validators=[validate_document],
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title


def new_token():
    return secrets.token_urlsafe(32)


class ConvocationQuerySet(models.QuerySet):
    def unsent(self):
        """Convocations still to e-mail: never sent, or failed (a member without an e-mail
        is sent by post and never e-mailed)."""
        return self.filter(delivery__in=[Convocation.Delivery.PENDING, Convocation.Delivery.FAILED])

    def for_post(self):
        return self.filter(delivery=Convocation.Delivery.POST)


class Convocation(models.Model):
    """One convened member: the secret of their personal page, the delivery and their reply."""

    class Delivery(models.TextChoices):
        PENDING = "pending", _("To send")
        SENT = "sent", _("Sent by e-mail")
        FAILED = "failed", _("E-mail failed")
        POST = "post", _("To send by post")

    class Reply(models.TextChoices):
        NONE = "", _("No reply")
        ATTEND = "attend", _("Will attend")
        PROXY = "proxy", _("Gives a proxy")

    assembly = models.ForeignKey(
        Assembly, on_delete=models.CASCADE, related_name="convocations", verbose_name=_("general assembly")
    )
    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, related_name="convocations", verbose_name=_("member")
    )
    council = models.ForeignKey(
        "members.Council",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("council"),
    )
    token = models.CharField(
        _("key of the personal page"), max_length=64, unique=True, default=new_token, editable=False
    )
    delivery = models.CharField(
        _("delivery"), max_length=10, choices=Delivery.choices, default=Delivery.PENDING
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=200, blank=True)
    reply = models.CharField(_("reply"), max_length=10, choices=Reply.choices, default=Reply.NONE, blank=True)

    objects = ConvocationQuerySet.as_manager()

    class Meta:
        ordering = ["assembly", "person__name_ar", "pk"]
        verbose_name = _("convocation")
        verbose_name_plural = _("convocations")
        constraints = [
            models.UniqueConstraint(fields=["assembly", "person"], name="assembly_convened_once"),
        ]

    def __str__(self):
        return str(self.person)

    def get_absolute_url(self):
        return reverse("assembly:personal", args=[self.token])

    @property
    def reply_label(self):
        """The reply worded for the member: ستحضر / سيحضر, Sera présente / Sera présent (the
        choice labels, which the list filter shows, are neutral nouns)."""
        female = self.person.gender == "f"
        if self.reply == self.Reply.ATTEND:
            return pgettext("female", "Will attend") if female else pgettext("male", "Will attend")
        if self.reply == self.Reply.PROXY:
            return pgettext("female", "Gives a proxy") if female else pgettext("male", "Gives a proxy")
        return self.get_reply_display()


class Attendance(models.Model):
    """A convened member's attendance: present, represented by a proxy holder, or absent.

    Its key is the convocation, so that the database itself refuses a proxy to oneself; each
    proxy a holder receives takes one numbered slot, unique per holder, so that two proxies
    written at once can never both take the last slot.
    """

    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        REPRESENTED = "represented", _("Represented by proxy")
        ABSENT = "absent", _("Absent")

    convocation = models.OneToOneField(
        Convocation,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="attendance",
        verbose_name=_("convocation"),
    )
    status = models.CharField(_("attendance"), max_length=12, choices=Status.choices)
    proxy_holder = models.ForeignKey(
        Convocation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proxies",
        verbose_name=_("proxy holder"),
    )
    proxy_slot = models.PositiveSmallIntegerField(_("proxy number"), null=True, blank=True)
    on_paper = models.BooleanField(_("proxy given on paper"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.CheckConstraint(
                condition=~Q(proxy_holder=F("convocation")),
                name="assembly_no_proxy_to_oneself",
                violation_error_message=_("A member cannot give a proxy to themselves."),
            ),
            models.CheckConstraint(
                condition=Q(status="represented", proxy_holder__isnull=False, proxy_slot__gte=1)
                | (~Q(status="represented") & Q(proxy_holder__isnull=True, proxy_slot__isnull=True)),
                name="assembly_represented_has_holder",
                violation_error_message=_("A represented member has a proxy holder, and only they."),
            ),
            models.UniqueConstraint(
                fields=["proxy_holder", "proxy_slot"],
                name="assembly_proxy_slot_once",
                violation_error_message=_("This proxy holder's slot is already taken."),
            ),
        ]

    def __str__(self):
        return f"{self.convocation} – {self.status_label}"

    @property
    def status_label(self):
        """The attendance worded for the member: حاضرة / حاضر, Présente / Présent."""
        female = self.convocation.person.gender == "f"
        labels = {
            self.Status.PRESENT: (pgettext("female", "Present"), pgettext("male", "Present")),
            self.Status.REPRESENTED: (
                pgettext("female", "Represented by proxy"),
                pgettext("male", "Represented by proxy"),
            ),
            self.Status.ABSENT: (pgettext("female", "Absent"), pgettext("male", "Absent")),
        }
        if self.status in labels:
            return labels[self.status][0 if female else 1]
        return self.get_status_display()


class Decision(models.Model):
    """The result of one agenda item; recording it closes the item (one decision per item)."""

    class Method(models.TextChoices):
        COUNTS = "counts", _("Votes counted")
        UNANIMITY = "unanimity", _("Unanimously")
        SHOW_OF_HANDS = "show_of_hands", _("Approved by show of hands")

    item = models.OneToOneField(
        Item, on_delete=models.PROTECT, related_name="decision", verbose_name=_("agenda item")
    )
    method = models.CharField(_("how it was decided"), max_length=15, choices=Method.choices)
    votes_for = models.PositiveIntegerField(_("for"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("against"), null=True, blank=True)
    abstentions = models.PositiveIntegerField(_("abstentions"), null=True, blank=True)
    approved = models.BooleanField(_("approved"))
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    method="counts",
                    votes_for__isnull=False,
                    votes_against__isnull=False,
                    abstentions__isnull=False,
                )
                | (
                    ~Q(method="counts")
                    & Q(
                        votes_for__isnull=True,
                        votes_against__isnull=True,
                        abstentions__isnull=True,
                        approved=True,
                    )
                ),
                name="assembly_decision_counts_match_method",
                violation_error_message=_(
                    "Counts go with counted votes; unanimity and a show of hands approve."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.item} – {self.get_method_display()}"


class Candidate(models.Model):
    """A candidate for an office of the bureau at an election item, with the result."""

    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="candidates", verbose_name=_("agenda item")
    )
    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, related_name="candidacies", verbose_name=_("candidate")
    )
    office = models.CharField(_("office"), max_length=30, choices=BUREAU_OFFICES)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    council = models.ForeignKey(
        "members.Council",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("council represented"),
    )
    votes = models.PositiveIntegerField(_("votes"), null=True, blank=True)
    elected = models.BooleanField(_("elected"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "order", "pk"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "person", "office"], name="assembly_candidate_once_per_office"
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_office_display()}"


class AgendaRequest(models.Model):
    """An item a member proposes for the agenda, before the deadline the rules set; the
    secretariat accepts it (it becomes an agenda item) or refuses it with a reason."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting the secretariat")
        ACCEPTED = "accepted", _("Accepted: on the agenda")
        REFUSED = "refused", _("Refused")

    assembly = models.ForeignKey(
        Assembly, on_delete=models.CASCADE, related_name="requests", verbose_name=_("general assembly")
    )
    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, related_name="agenda_requests", verbose_name=_("member")
    )
    title = models.CharField(_("proposed item"), max_length=300)
    explanation = models.TextField(_("explanation"), blank=True, max_length=3000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(
        _("answer to the member"), blank=True, help_text=_("Required to refuse a request.")
    )
    item = models.OneToOneField(
        Item,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="request",
        verbose_name=_("agenda item"),
    )
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["assembly", "created_at", "pk"]
        verbose_name = _("agenda request")
        verbose_name_plural = _("agenda requests")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="refused") | ~Q(reason=""),
                name="assembly_request_refusal_has_reason",
                violation_error_message=_("Give the member the reason of the refusal."),
            ),
            models.UniqueConstraint(fields=["assembly", "person", "title"], name="assembly_request_once"),
        ]

    def __str__(self):
        return self.title[:80]


class MinutesQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(approved_at__isnull=False)

    def visible_to(self, user):
        """Approved minutes: members (and staff) see them all, the public those made public."""
        if is_member(user):
            return self.approved()
        return self.approved().filter(public=True)


class Minutes(models.Model):
    """The minutes (محضر الجمع العام): generated from the record, edited, approved, published."""

    assembly = models.OneToOneField(
        Assembly, on_delete=models.PROTECT, related_name="minutes", verbose_name=_("general assembly")
    )
    text = models.TextField(_("text"))
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Members always see approved minutes; the public only when the bureau chooses."),
    )
    signed_pdf = models.FileField(
        _("signed copy"),
        upload_to=RandomName("assembly/minutes/%Y/"),
        storage=private_storage,
        max_length=255,
        blank=True,
        validators=[validate_document],
        help_text=_("The scan signed by the president and the secretary-general."),
    )

    objects = MinutesQuerySet.as_manager()

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self):
        return str(self.assembly)

    def get_absolute_url(self):
        return reverse("assembly:minutes-page", args=[self.pk])

    @property
    def is_approved(self):
        return self.approved_at is not None


class StatutesVersionQuerySet(models.QuerySet):
    def in_force(self, on):
        """The version that applies on the day ``on``: the latest in force from it or before."""
        return self.filter(in_force_from__lte=on).order_by("-in_force_from", "-number").first()

    def latest_version(self):
        return self.order_by("-in_force_from", "-number").first()


class StatutesVersion(models.Model):
    """A version of the statutes (القانون الأساسي): the day it applies from, when and by which
    general assembly it was adopted, its text, and the rules of the general assembly it set.

    Each assembly records the version in force on its date and keeps a copy of its rules; an
    amendment an assembly adopts adds a version from a date, and the earlier versions, with the
    assemblies held under them, stay as they were. The latest version's rules are the settings
    (``AssemblyRules``); an earlier version keeps the rules it had when it was replaced.
    """

    number = models.PositiveSmallIntegerField(_("version"), unique=True)
    in_force_from = models.DateField(_("in force from"), unique=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        Assembly,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statutes_adopted",
        verbose_name=_("adopted by the general assembly"),
        help_text=_("Empty for statutes adopted before the portal (at the founding, for instance)."),
    )
    item = models.OneToOneField(
        Item,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statutes_version",
        verbose_name=_("amendment item"),
    )
    document = models.OneToOneField(
        "association.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statutes_version",
        verbose_name=_("text"),
        help_text=_("The text of this version among the documents; empty when it is not at hand."),
    )
    note = models.TextField(_("note"), blank=True)
    # {} when the record does not give the rules (statutes adopted before the portal).
    rules = models.JSONField(_("rules of the general assembly"), default=dict, blank=True, editable=False)

    objects = StatutesVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-in_force_from", "-number"]
        verbose_name = _("version of the statutes")
        verbose_name_plural = _("versions of the statutes")
        constraints = [
            models.CheckConstraint(
                condition=Q(adopted_on__isnull=True) | Q(adopted_on__lte=F("in_force_from")),
                name="assembly_statutes_adopted_before_in_force",
                violation_error_message=_("A version of the statutes applies on or after its adoption."),
            ),
        ]

    def __str__(self):
        return str(_("Statutes, version %(number)d")) % {"number": self.number}

    @property
    def rule(self):
        return Rules(self.rules)


def rules_on(day):
    """The version of the statutes in force on ``day`` and the rules an assembly that day copies:
    the settings for the latest version (and when no version is recorded, or no day is set),
    the version's own record for an earlier one."""
    latest = StatutesVersion.objects.latest_version()
    version = StatutesVersion.objects.in_force(day) if day is not None else latest
    if version is None or version.pk == latest.pk:
        return version, AssemblyRules.get_solo().as_dict()
    return version, dict(version.rules)
