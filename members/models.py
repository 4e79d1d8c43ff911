"""Territory, councils, elected officials and their membership of the association.

Territory (regions, prefectures/provinces, communes) comes from the HCP census codes and is
loaded by ``members.territory.load`` (a data migration and the ``load_territory`` command).
Names stay editable: each row keeps the name HCP published (``source_name_*``) beside the
name the portal shows (``name_*``), so a later vintage updates only names nobody edited.

A person exists once (``Person``); seats on councils, memberships, applications and (in other
apps) bureau seats point at that record. Where the statutes make the council the member (an
association of council presidents), the membership belongs to the council and its person is
only the council's current representative.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from portal.private_media import RandomName, private_storage
from portal.text import search_key, search_terms
from portal.validators import ValidatedImageField, validate_image


def fit_key(key, length=500):
    """``key`` cut at a word so that it fits a column of ``length`` characters."""
    return key if len(key) <= length else key[:length].rsplit(" ", 1)[0]


# --- Territory ---------------------------------------------------------------------------------


class Territory(models.Model):
    """A territorial division with its HCP code (text: leading zeros matter)."""

    code = models.CharField(_("HCP code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=150)
    source_name_ar = models.CharField(_("name published by HCP (Arabic)"), max_length=150, blank=True)
    source_name_fr = models.CharField(_("name published by HCP (French)"), max_length=150, blank=True)
    vintage = models.CharField(_("data vintage"), max_length=20, blank=True)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return self.name or self.code


class Region(Territory):
    class Meta(Territory.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Province(Territory):
    """A prefecture or a province (the 75 of the 2015 division)."""

    class Kind(models.TextChoices):
        PREFECTURE = "prefecture", _("Prefecture")
        PROVINCE = "province", _("Province")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="provinces", verbose_name=_("region")
    )

    class Meta(Territory.Meta):
        verbose_name = _("prefecture or province")
        verbose_name_plural = _("prefectures and provinces")


class Commune(Territory):
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="communes", verbose_name=_("prefecture or province")
    )

    class Meta(Territory.Meta):
        verbose_name = _("commune")
        verbose_name_plural = _("communes")


# --- Councils -----------------------------------------------------------------------------------


class CouncilQuerySet(models.QuerySet):
    def with_area(self):
        return self.select_related("area_region", "area_province")


class Council(models.Model):
    """An elected council, tied to exactly one territory of its level (checked by the database).

    ``area_region`` and ``area_province`` repeat where the council lies, so that lists can be
    filtered and grouped by region and province without joining through each level.
    """

    class Level(models.TextChoices):
        REGIONAL = "regional", _("Regional council")
        PREFECTURAL = "prefectural", _("Prefectural council")
        PROVINCIAL = "provincial", _("Provincial council")
        COMMUNAL = "communal", _("Communal council")

    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    name = models.CharField(_("name"), max_length=200)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("region")
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("prefecture or province"),
    )
    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("commune")
    )
    area_region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="councils", editable=False, verbose_name=_("in region")
    )
    area_province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        related_name="councils",
        editable=False,
        verbose_name=_("in prefecture or province"),
    )
    search_key = models.CharField(max_length=500, editable=False, db_index=True, default="")

    objects = CouncilQuerySet.as_manager()

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        level="regional",
                        region__isnull=False,
                        province__isnull=True,
                        commune__isnull=True,
                    )
                    | Q(
                        level__in=["prefectural", "provincial"],
                        region__isnull=True,
                        province__isnull=False,
                        commune__isnull=True,
                    )
                    | Q(level="communal", region__isnull=True, province__isnull=True, commune__isnull=False)
                ),
                name="council_one_territory_of_its_level",
            ),
            models.UniqueConstraint(
                fields=["region"], condition=Q(region__isnull=False), name="council_unique_region"
            ),
            models.UniqueConstraint(
                fields=["province"], condition=Q(province__isnull=False), name="council_unique_province"
            ),
            models.UniqueConstraint(
                fields=["commune"], condition=Q(commune__isnull=False), name="council_unique_commune"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.fill_area()
        # Found by its own name and by where it lies: "صفرو" finds the province's councils.
        names = [self.name_ar, self.name_fr]
        for area in (self.area_province, self.area_region):
            if area is not None:
                names += [area.name_ar, area.name_fr]
        self.search_key = fit_key(search_key(" ".join(filter(None, names))))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:council", args=[self.pk])

    LEVEL_RANK = {"regional": 0, "prefectural": 1, "provincial": 1, "communal": 2}

    @classmethod
    def level_rank(cls):
        """An expression sorting councils from the region down to the commune."""
        return models.Case(
            *[models.When(level=level, then=models.Value(rank)) for level, rank in cls.LEVEL_RANK.items()],
            output_field=models.IntegerField(),
        )

    @property
    def territory(self):
        return self.region or self.province or self.commune

    def fill_area(self):
        """Set where the council lies from the territory it is tied to."""
        if self.commune_id:
            commune = self.commune
            self.area_province_id = commune.province_id
            self.area_region_id = commune.province.region_id
        elif self.province_id:
            self.area_province_id = self.province_id
            self.area_region_id = self.province.region_id
        elif self.region_id:
            self.area_province_id = None
            self.area_region_id = self.region_id


# --- People --------------------------------------------------------------------------------------


class PersonQuerySet(models.QuerySet):
    def search(self, text):
        """Every word of ``text`` must start a word of the person's names (any spelling)."""
        queryset = self
        for term in search_terms(text):
            queryset = queryset.filter(Q(search_key__startswith=term) | Q(search_key__contains=f" {term}"))
        return queryset


class Person(models.Model):
    """An elected official, once, whatever their seats and memberships.

    Phone, e-mail and address are private: they never appear on a public page nor in an
    export made without the ``view_private_contact`` permission.
    """

    class Gender(models.TextChoices):
        MALE = "m", _("Male")
        FEMALE = "f", _("Female")

    name = models.CharField(_("name"), max_length=200, help_text=_("Full name as it is usually written."))
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    # Outside the public media under a random name; shown only with consent, through person_photo.
    photo = ValidatedImageField(
        _("photo"),
        upload_to=RandomName("people/", keep_name=False),
        storage=private_storage,
        max_length=255,
        blank=True,
        validators=[validate_image],
    )
    photo_consent = models.BooleanField(_("consents to the publication of the photo"), default=False)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    phone = PhoneNumberField(_("phone"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True, db_index=True)
    address = models.TextField(_("address"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("user account"),
    )
    aliases = models.TextField(
        _("other spellings of the name"),
        blank=True,
        help_text=_("One per line, in Arabic or Latin letters: how the sources also write this name."),
    )
    search_key = models.CharField(max_length=500, editable=False, db_index=True, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name_ar", "pk"]
        indexes = [models.Index(fields=["name_ar", "id"], name="person_name_ar_order")]  # admin list order
        constraints = [
            # A person exists once: an address names one person (and, through it, one account).
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="person_unique_email",
                violation_error_message=_("Another person already has this e-mail address."),
            ),
        ]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        permissions = [("view_private_contact", _("Can see and export private contact details"))]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_key = self.make_search_key()
        if self.email:
            self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def make_search_key(self):
        """The names' keys, then the aliases' (cut at a word to fit the column)."""
        return fit_key(search_key(" ".join(filter(None, [self.name_ar, self.name_fr, self.aliases]))))

    @property
    def public_photo_url(self):
        """The photo's address for public pages, only with consent ("" otherwise).

        The file itself is private (``portal.private_media``): ``person_photo`` serves it while
        consent lasts; the query changes with the file, so a new photo is never an old one cached.
        """
        if not (self.photo and self.photo_consent):
            return ""
        version = hashlib.sha256(self.photo.name.encode()).hexdigest()[:12]
        return f"{reverse('person-photo', args=[self.pk])}?v={version}"


class CouncilSeat(models.Model):
    class Role(models.TextChoices):
        PRESIDENT = "president", _("President")
        VICE_PRESIDENT = "vice_president", _("Vice-president")
        SECRETARY = "secretary", _("Secretary of the council")
        MEMBER = "member", _("Member")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="seats", verbose_name=_("person")
    )
    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="seats", verbose_name=_("council")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    start_year = models.PositiveSmallIntegerField(_("mandate from"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("mandate until"), null=True, blank=True)

    class Meta:
        ordering = ["council__name", "pk"]
        verbose_name = _("council seat")
        verbose_name_plural = _("council seats")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__isnull=True)
                | Q(start_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="seat_mandate_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["person", "council", "start_year"], name="seat_unique_per_mandate"
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()} – {self.council}"


# --- Membership ----------------------------------------------------------------------------------


# The columns of a directory row (``MembershipQuerySet.directory``).
DIRECTORY_FIELDS = [
    "holder", "position", "council_id", "person_id",
    "person__name_ar", "person__name_fr", "person__photo", "person__photo_consent",
    "council__name_ar", "council__name_fr", "council__level",
    "council__area_region_id", "council__area_province_id",
    "council__area_region__code", "council__area_region__name_ar", "council__area_region__name_fr",
    "council__area_province__code", "council__area_province__name_ar", "council__area_province__name_fr",
]  # fmt: skip


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Membership.Status.ACTIVE)

    def without_contribution(self, year):
        return self.exclude(Exists(Contribution.objects.filter(membership=OuterRef("pk"), year=year)))

    def directory(self):
        """Active memberships with everything the public directory shows, in one query."""
        role = CouncilSeat.objects.filter(person=OuterRef("person"), council=OuterRef("council")).order_by(
            models.F("start_year").desc(nulls_last=True)
        )
        return (
            self.active()
            .filter(person__isnull=False)
            .select_related("person", "council", "council__area_region", "council__area_province")
            # What the directory and the portal search show, nothing more: no private column is
            # ever loaded, and rows cost a fraction of full models to build (issue 8).
            .only(*DIRECTORY_FIELDS)
            .annotate(council_role=models.Subquery(role.values("role")[:1]))
            .order_by(
                models.F("council__area_region__code").asc(nulls_last=True),
                models.F("council__area_province__code").asc(nulls_last=True),
                models.F("council__name_ar").asc(nulls_last=True),
                "person__name_ar",
                "pk",
            )
        )


class Membership(models.Model):
    """Membership of the association, held by a person or, where the statutes say so, a council.

    When the council is the member, ``person`` is whoever represents it now (its president)
    and changes with them; the membership, its number and contributions stay.
    """

    class Holder(models.TextChoices):
        PERSON = "person", _("The elected official")
        COUNCIL = "council", _("The council")

    class Status(models.TextChoices):
        APPLICANT = "applicant", _("Applicant")
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        ENDED = "ended", _("Ended")

    holder = models.CharField(_("member"), max_length=10, choices=Holder.choices, default=Holder.PERSON)
    council = models.ForeignKey(
        Council,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("council"),
        help_text=_("Required when the council is the member."),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("person"),
        help_text=_("The member, or the council's representative when the council is the member."),
    )
    number = models.CharField(_("membership number"), max_length=30, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.APPLICANT)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.TextField(_("reason for ending"), blank=True)
    position = models.CharField(
        _("position in the association"),
        max_length=200,
        blank=True,
        help_text=_("For example: vice-president, treasurer, chair of a committee."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["council__name", "pk"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(holder="council", council__isnull=False)
                | Q(holder="person", person__isnull=False),
                name="membership_holder_is_set",
            ),
            models.UniqueConstraint(
                fields=["number"], condition=~Q(number=""), name="membership_unique_number"
            ),
            models.UniqueConstraint(
                fields=["council"],
                condition=Q(holder="council") & ~Q(status="ended"),
                name="membership_one_open_per_member_council",
            ),
            models.UniqueConstraint(
                fields=["person", "council"],
                condition=Q(holder="person") & ~Q(status="ended"),
                name="membership_one_open_per_person_and_council",
            ),
        ]

    def __str__(self):
        member = self.council if self.holder == self.Holder.COUNCIL else self.person
        return f"{member} ({self.number})" if self.number else str(member)


class MembershipStatusChange(models.Model):
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("membership")
    )
    from_status = models.CharField(_("from"), max_length=10, choices=Membership.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=10, choices=Membership.Status.choices)
    on = models.DateField(_("date"), default=timezone.localdate)
    reason = models.TextField(_("reason"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class Contribution(models.Model):
    """An annual contribution (cotisation) paid for a membership."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("membership")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount (MAD)"), max_digits=10, decimal_places=2)
    paid_on = models.DateField(_("paid on"))
    receipt = models.CharField(_("receipt reference"), max_length=60, blank=True)

    class Meta:
        ordering = ["-year", "membership"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        constraints = [
            models.UniqueConstraint(fields=["membership", "year"], name="contribution_once_a_year"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="contribution_amount_positive"),
            models.CheckConstraint(
                condition=Q(year__gte=1990, year__lte=2200), name="contribution_year_plausible"
            ),
        ]

    def __str__(self):
        return f"{self.membership} – {self.year}"


# --- Applications --------------------------------------------------------------------------------


class MembershipApplication(models.Model):
    """A request to join (الانخراط) sent through the public form, decided by the secretariat."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    class Match(models.TextChoices):
        NEW = "new", _("A new person")
        LINK = "link", _("Linked to a person on file")

    class Take(models.TextChoices):
        """What a linked application may change on the person on file, each ticked on its own."""

        SEAT = "seat", _("The seat: the application's council and role")
        MEMBERSHIP = "membership", _("An active membership for the application's council")
        PHONE = "phone", _("The phone number given in the application")
        EMAIL = "email", _("The e-mail address given in the application")
        ACCOUNT = "account", _("A login account, if they have none")

    name_ar = models.CharField(_("name in Arabic"), max_length=200)
    name_fr = models.CharField(_("name in French (Latin letters)"), max_length=200, blank=True)
    gender = models.CharField(_("gender"), max_length=1, choices=Person.Gender.choices)
    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="applications", verbose_name=_("council")
    )
    role = models.CharField(
        _("role in the council"),
        max_length=20,
        choices=CouncilSeat.Role.choices,
        default=CouncilSeat.Role.MEMBER,
    )
    phone = PhoneNumberField(_("phone"), blank=True)
    email = models.EmailField(_("e-mail"))
    message = models.TextField(_("message"), blank=True)
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    consent = models.BooleanField(_("consent to the processing of personal data"), default=False)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("person"),
        help_text=_(
            "The person on file the secretariat linked the application to, or the one its approval created."
        ),
    )
    membership = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("membership"),
    )
    # Whether the applicant is someone already on file is the secretariat's call, made on the
    # review screen that shows both records (``members.admin``); approval never guesses.
    match = models.CharField(
        _("person on file"), max_length=10, choices=Match.choices, blank=True, default=""
    )
    take = models.JSONField(
        _("taken over from the application"),
        default=list,
        blank=True,
        help_text=_("What the approval of a linked application changes on the person on file."),
    )
    match_decided_at = models.DateTimeField(_("linked or separated at"), null=True, blank=True)
    match_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("linked or separated by"),
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")

    def __str__(self):
        return self.name_ar

    def get_absolute_url(self):
        return reverse("admin:members_membershipapplication_change", args=[self.pk])

    def name_in(self, language):
        """The applicant's name as written in ``language``: the Latin form in French, if given."""
        if language != "ar" and self.name_fr:
            return self.name_fr
        return self.name_ar


# --- Organisations and networks -------------------------------------------------------------------


class OrganisationQuerySet(models.QuerySet):
    def networks(self):
        return self.filter(kind=Organisation.Kind.NETWORK)


class Organisation(models.Model):
    """Another body the portal speaks of: a partner, an organiser, the source of relayed news,
    a network of councils, a foundation.

    It lives here, beside the territory and the councils, because a network's members are
    councils; the press and the calendar (apps above this one) point at it. Its territory, when
    it has one, is a single region, prefecture/province or commune.
    """

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Ministry or government body")
        PUBLIC_INSTITUTION = "public_institution", _("Public institution")
        TERRITORIAL = "territorial", _("Territorial collectivity or association of them")
        NETWORK = "network", _("Network of territorial collectivities")
        ASSOCIATION = "association", _("Association")
        FOUNDATION = "foundation", _("Foundation")
        INTERNATIONAL = "international", _("International organisation")
        ACADEMIC = "academic", _("University or research centre")
        PRIVATE = "private", _("Company")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("region")
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("prefecture or province"),
    )
    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("commune")
    )
    website = models.URLField(_("website"), blank=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name_ar", "pk"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=Q(region__isnull=True, province__isnull=True)
                | Q(region__isnull=True, commune__isnull=True)
                | Q(province__isnull=True, commune__isnull=True),
                name="organisation_at_most_one_territory",
                violation_error_message=_("Choose one territory at most: a region, a province or a commune."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:organisation", args=[self.pk])

    @property
    def territory(self):
        return self.region or self.province or self.commune

    @property
    def is_network(self):
        return self.kind == self.Kind.NETWORK


class NetworkMembership(models.Model):
    """A council named as a member of a network, tied to the HCP territory through the council."""

    network = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="council_memberships",
        limit_choices_to={"kind": Organisation.Kind.NETWORK},
        verbose_name=_("network"),
    )
    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="network_memberships", verbose_name=_("council")
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        ordering = ["network", "council__level", "council__name_ar", "pk"]
        verbose_name = _("member council of a network")
        verbose_name_plural = _("member councils of networks")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "council"],
                name="network_membership_unique",
                violation_error_message=_("This council is already a member of this network."),
            ),
        ]

    def __str__(self):
        return f"{self.council} – {self.network}"

    def clean(self):
        super().clean()
        if self.network_id and self.network.kind != Organisation.Kind.NETWORK:
            raise ValidationError({"network": _("Only a network has member councils.")})


class NetworkMemberCount(models.Model):
    """How many councils of one level a network has, as a source states it without naming them
    ("12 regions, 4 provincial councils and 50 communes"): shown as a count, never as names."""

    class Level(models.TextChoices):
        REGIONAL = "regional", _("Regional councils")
        PROVINCIAL = "provincial", _("Prefectural and provincial councils")
        COMMUNAL = "communal", _("Communal councils")

    network = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="member_counts", verbose_name=_("network")
    )
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    count = models.PositiveIntegerField(_("number of members"))
    source = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("Where the number comes from, and its date.")
    )

    class Meta:
        ordering = ["network", "pk"]
        verbose_name = _("number of members stated by a source")
        verbose_name_plural = _("numbers of members stated by the sources")
        constraints = [
            models.UniqueConstraint(fields=["network", "level"], name="network_member_count_once_per_level"),
        ]

    def __str__(self):
        return f"{self.network}: {self.count} {self.get_level_display()}"

    LEVELS_OF = {
        "regional": ("regional",),
        "provincial": ("prefectural", "provincial"),
        "communal": ("communal",),
    }
