"""The association itself: its profile, charter, governing bodies, partners and documents.

The portal serves one association, so its profile is a singleton (django-solo); the demo
loader can fill it with any association from the source documents.
"""

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from phonenumber_field.modelfields import PhoneNumberField
from solo.models import SingletonModel

from portal.access import is_member
from portal.identity import initials, mix, validate_text_contrast
from portal.private_media import RandomName, private_storage
from portal.text import index_key, translated_values
from portal.validators import ValidatedImageField, validate_document, validate_image, validate_logo


class AssociationProfile(SingletonModel):
    """Who the association is: identity, seat and public contact details.

    These are the association's own public contacts (its secretariat's phone and e-mail),
    not any person's private data.
    """

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    logo = models.FileField(
        _("logo"),
        upload_to="association/",
        blank=True,
        validators=[validate_logo],
        help_text=_(
            "An SVG file (preferred: sharp at every size) or a PNG, JPEG or WebP image, 1 MB at most. Without"
            " one, the name is set in type."
        ),
    )
    primary_colour = models.CharField(
        _("main colour"),
        max_length=7,
        default="#0b5d3b",
        validators=[validate_text_contrast],
        help_text=_("The header's and links' colour; white text on it must reach a contrast of 4.5:1."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#a4161a",
        validators=[validate_text_contrast],
        help_text=_("A second colour for thin rules and marks; white text on it must reach 4.5:1 too."),
    )
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    seat = models.CharField(
        pgettext_lazy("head office", "seat"), max_length=255, blank=True, help_text=_("City of the seat.")
    )
    founding_reasons = models.TextField(
        _("reasons for founding"),
        blank=True,
        help_text=_("Why the association was founded, as its founders wrote it."),
    )
    territory = models.TextField(
        # Its area of action (مجال التدخل), not a council's territory (المجال الترابي): the
        # context keeps the members app's "territory" from taking this translation.
        pgettext_lazy("where the association works", "territory"),
        blank=True,
        help_text=_("The communes, provinces or regions where the association works, one a line."),
    )
    territory_communes = models.ManyToManyField(
        "members.Commune",
        blank=True,
        related_name="+",
        verbose_name=_("communes of its territory"),
        help_text=_(
            "The communes of the territory as records of the HCP territory: the about page links each to its"
            " council's page. The text above keeps the sources' wording."
        ),
    )
    address = models.TextField(_("address"), blank=True)
    phone = PhoneNumberField(_("phone"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("association profile")

    def __str__(self):
        return self.name or str(_("Association profile"))

    @property
    def logo_is_svg(self):
        return bool(self.logo) and self.logo.name.lower().endswith(".svg")

    @property
    def primary_colour_dark(self):
        """The darker shade of the main colour, for the menu bar and the footer."""
        return mix(self.primary_colour, "#000000", 0.32)

    @property
    def initials(self):
        """The typographic stand-in for a logo: the acronym, or the name's initials."""
        return self.acronym or initials(self.name)

    def territory_councils(self):
        """The councils of the territory's communes, with their commune and province: one query.
        The model is looked up by name, as the foreign keys name it: association and members
        stay independent packages (import-linter), the territory records being members' data."""
        council = apps.get_model("members", "Council")
        return (
            council.objects.filter(commune__in=self.territory_communes.all())
            .select_related("commune", "area_province")
            .order_by("commune__code")
        )

    def territory_lines(self):
        """The territory one place a line, as the about page lists it."""
        return [line.strip() for line in self.territory.splitlines() if line.strip()]


class SocialLink(models.Model):
    class Platform(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        X = "x", "X"
        YOUTUBE = "youtube", "YouTube"
        INSTAGRAM = "instagram", "Instagram"
        LINKEDIN = "linkedin", "LinkedIn"

    profile = models.ForeignKey(AssociationProfile, on_delete=models.CASCADE, related_name="social_links")
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    url = models.URLField(_("address"))
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("social link")
        verbose_name_plural = _("social links")

    def __str__(self):
        return self.get_platform_display()


class OrderedText(models.Model):
    """A short text in a list the secretariat orders by hand (goals, principles)."""

    text = models.TextField(_("text"))
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text[:80]


class CharterGoal(OrderedText):
    class Meta(OrderedText.Meta):
        verbose_name = _("charter goal")
        verbose_name_plural = _("charter goals")


class StrategicPrinciple(OrderedText):
    class Meta(OrderedText.Meta):
        verbose_name = _("strategic principle")
        verbose_name_plural = _("strategic principles")


class GoverningBody(models.Model):
    class Kind(models.TextChoices):
        GENERAL_ASSEMBLY = "general_assembly", _("General assembly")
        EXECUTIVE_BUREAU = "executive_bureau", _("Executive bureau")
        ADMINISTRATIVE_COUNCIL = "administrative_council", _("Administrative council")
        ADVISORY_COUNCIL = "advisory_council", _("Advisory council")
        COMMITTEES = "committees", _("Permanent committees")
        OTHER = "other", _("Other body")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("governing body")
        verbose_name_plural = _("governing bodies")

    def __str__(self):
        return self.name


class PartnerQuerySet(models.QuerySet):
    def listed(self):
        """The partners page's cards: each with its organisation and agreements."""
        return self.select_related("organisation").prefetch_related("agreements")


class Partner(models.Model):
    """The association's partnership with an organisation: its logo, its place on the partners
    page, its agreements.

    Who the partner is (names, kind, website, description) is the organisation's record
    (``members.Organisation``), the one the calendar's organisers and partners and the press's
    sources point at too: a university that hosts training sessions and signs agreements is one
    record (issue 20).
    """

    organisation = models.OneToOneField(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="partnership",
        verbose_name=_("organisation"),
        help_text=_("Who the partner is: its names, kind, website and description are kept there."),
    )
    logo = ValidatedImageField(_("logo"), upload_to="partners/", blank=True, validators=[validate_image])
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return str(self.organisation)

    def get_absolute_url(self):
        return reverse("association:partners") + f"#partner-{self.pk}"

    @property
    def name(self):
        return self.organisation.name

    @property
    def website(self):
        return self.organisation.website


class PartnershipAgreement(models.Model):
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("partner")
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    subject = models.TextField(_("subject"))
    document = models.FileField(
        _("document"), upload_to="agreements/%Y/", blank=True, validators=[validate_document]
    )

    class Meta:
        ordering = [models.F("signed_on").desc(nulls_last=True), "pk"]
        verbose_name = _("partnership agreement")
        verbose_name_plural = _("partnership agreements")

    def __str__(self):
        return f"{self.partner} – {self.signed_on or ''}".strip(" –")


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Public documents for everybody; members-only ones for members."""
        if is_member(user):
            return self
        return self.filter(visibility=Document.Visibility.PUBLIC)

    def current(self):
        """Documents no later version replaces (the statutes in force, and every other text)."""
        return self.filter(replaced_by__isnull=True)

    def current_statutes(self):
        return self.current().filter(kind=Document.Kind.STATUTES).order_by("-adopted_on", "-pk").first()


class Document(models.Model):
    class Kind(models.TextChoices):
        STATUTES = "statutes", _("Statutes")
        ACTIVITY_REPORT = "activity_report", _("Activity report")
        FINANCIAL_REPORT = "financial_report", _("Financial report")
        PRESENTATION = "presentation", _("Presentation")
        OTHER = "other", _("Other document")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    # Outside the public media, under a random folder: read only through document_download.
    file = models.FileField(
        _("file"),
        upload_to=RandomName("documents/%Y/"),
        storage=private_storage,
        max_length=255,
        validators=[validate_document],
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    published_on = models.DateField(_("published on"), auto_now_add=True)
    # Versions of one text (the statutes amended by a general assembly): each new version
    # names the one it replaces, which stays listed as history.
    replaces = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("replaces"),
        help_text=_("The earlier version of this text, kept in its history."),
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    # Analysed titles for the portal's search (portal.text.index_key), kept on save.
    search_key = models.TextField(editable=False, blank=True, default="")

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["kind", models.F("year").desc(nulls_last=True), "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1900, year__lte=2200),
                name="document_year_plausible",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_key = index_key(*translated_values(self, "title"))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("association:document-download", args=[self.pk])

    @property
    def extension(self):
        return self.file.name.rsplit(".", 1)[-1].upper() if self.file else ""


class ContactMessage(models.Model):
    """A message sent through the contact page, kept so that nothing is lost if mail fails."""

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    subject = models.CharField(_("subject"), max_length=200)
    # A limit a real message never meets (about three pages), so one client cannot fill the
    # database and the secretariat's mailbox within the rate limit.
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language"), max_length=10)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    mailed = models.BooleanField(_("forwarded by e-mail"), default=False)
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self):
        return self.subject
