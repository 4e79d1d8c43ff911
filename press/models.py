"""Press releases and news: what the public reads, and the rule for what it may read.

``PressRelease.objects.published()`` is the one read rule, used by the list and detail pages,
the feeds, the sitemap, the search and the home page (as ``Entry.objects.published()`` is on
djangoproject.com). An item is public when it is *published*, or *scheduled* and its date has
come: a scheduled item appears at its time without any cron job; ``manage.py
publish_scheduled`` only flips the stored status afterwards, for the record.

Bodies are rich text, sanitised on save (``portal.richtext``). Every searchable model
stores a normalised ``search_key`` (``portal.text.search_key``) updated on save.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.images import ensure_thumbnails
from portal.richtext import plain_text, sanitize_html
from portal.text import index_key, translated_values
from portal.validators import ValidatedImageField, validate_document, validate_image

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
SLUG_MAX_WORDS = 6


def unicode_slug(text, max_length=120):
    """A readable slug that keeps Arabic letters: no diacritics, no tatweel, words joined by -.

    ``"بلاغ صحفيّ، باريس"`` gives ``"بلاغ-صحفي-باريس"``; Latin text is lower-cased.
    """
    text = _MARKS.sub("", text or "")
    words = slugify(text, allow_unicode=True).split("-")
    slug = "-".join(word for word in words[:SLUG_MAX_WORDS] if word)
    return slug[:max_length].strip("-")


class Category(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.CharField(
        _("slug"), max_length=120, unique=True, blank=True, validators=[validate_unicode_slug]
    )
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.slug_from_name()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("press:list") + f"?category={self.slug}"

    def slug_from_name(self):
        return unicode_slug(
            getattr(self, f"name_{settings.LANGUAGE_CODE}", None) or self.name, max_length=120
        )

    def clean(self):
        """An address left empty is made from the name here, so that a name that gives none
        (no letters or digits) or another category's address is a form error, not a 500."""
        super().clean()
        if self.slug:
            return
        name_field = f"name_{settings.LANGUAGE_CODE}"
        slug = self.slug_from_name()
        if not slug:
            raise ValidationError(
                {name_field: _("The name must contain letters or digits, or type a short name by hand.")}
            )
        if Category.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            message = _("This name is already used by another category (its address would be “%(slug)s”).")
            raise ValidationError({name_field: ValidationError(message, params={"slug": slug})})
        self.slug = slug


class PressReleaseQuerySet(models.QuerySet):
    def published(self, now=None):
        """What the public may see: published, or scheduled and due."""
        now = now or timezone.now()
        return self.filter(
            Q(status=PressRelease.Status.PUBLISHED)
            | Q(status=PressRelease.Status.SCHEDULED, publish_at__lte=now)
        )

    def due(self, now=None):
        """Scheduled items whose time has come but whose status still says scheduled."""
        return self.filter(status=PressRelease.Status.SCHEDULED, publish_at__lte=now or timezone.now())

    def for_list(self):
        """For lists and feeds: the category joined, the search columns left in the database."""
        return self.select_related("category", "source_organisation").defer("search_key", "search_title")

    def own(self):
        """The association's own items (not relayed from another organisation)."""
        return self.filter(source_organisation__isnull=True)

    def relayed(self):
        return self.filter(source_organisation__isnull=False)

    def for_links(self):
        """For links to items (title, date, address): no category joined, no body read (issue 8)."""
        return self.only("slug", "latin_slug", "publish_at", "title_ar", "title_fr")


class PressRelease(models.Model):
    """A press release (بلاغ صحفي), a news item or an activity report."""

    class Kind(models.TextChoices):
        PRESS_RELEASE = "press_release", _("Press release")
        NEWS = "news", _("News")
        ACTIVITY_REPORT = "activity_report", _("Activity report")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    title = models.CharField(_("title"), max_length=300)
    slug = models.CharField(
        _("slug"),
        max_length=160,
        unique=True,
        blank=True,
        validators=[validate_unicode_slug],
        help_text=_("The page address; Arabic letters are allowed. Left empty, it is made from the title."),
    )
    latin_slug = models.SlugField(
        _("address in Latin letters"),
        max_length=160,
        blank=True,
        help_text=_(
            "The page address in the other languages (/fr/…). Left empty, it is made from the French title; "
            "without one, those pages use the Arabic address."
        ),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences, shown in lists, feeds and shares.")
    )
    body = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("For a scheduled item, the time it appears; empty on publishing means now."),
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="press_releases",
        verbose_name=_("category"),
    )
    related_events = models.ManyToManyField(
        "events.Event",
        blank=True,
        related_name="press_releases",
        verbose_name=_("related activities"),
        help_text=_("The calendar's activities this item reports on or announces."),
    )
    # Origin: the association's own item, or news relayed from another organisation (نقلا عن).
    source_organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="relayed_press",
        verbose_name=_("relayed from"),
        help_text=_("Empty for the association's own news; otherwise the organisation whose news this is."),
    )
    source_url = models.URLField(
        _("original link"), blank=True, help_text=_("Where the organisation published it, when known.")
    )
    source_published_on = models.DateField(
        _("original date"),
        null=True,
        blank=True,
        help_text=_("When the organisation published it, when known."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    cover_image = ValidatedImageField(
        _("cover image"),
        upload_to="press/%Y/",
        blank=True,
        validators=[validate_image],
        width_field="cover_width",
        height_field="cover_height",
    )
    cover_width = models.PositiveIntegerField(editable=False, null=True)
    cover_height = models.PositiveIntegerField(editable=False, null=True)
    cover_alt = models.CharField(
        _("cover image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Analysed text for the portal's search (portal.text.index_key), kept on save.
    search_title = models.TextField(editable=False, blank=True, default="")
    search_key = models.TextField(editable=False, blank=True, default="")

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        ordering = [models.F("publish_at").desc(nulls_last=True), "-pk"]
        verbose_name = _("press release or news item")
        verbose_name_plural = _("press releases and news")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="scheduled") | Q(publish_at__isnull=False),
                name="pressrelease_scheduled_has_date",
            ),
            # An original link or date belongs to relayed news only.
            models.CheckConstraint(
                condition=Q(source_organisation__isnull=False)
                | Q(source_url="", source_published_on__isnull=True),
                name="pressrelease_source_details_need_organisation",
            ),
            models.UniqueConstraint(
                fields=["latin_slug"], condition=~Q(latin_slug=""), name="pressrelease_latin_slug_unique"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        for code, _name in settings.LANGUAGES:
            field = f"body_{code}"
            if hasattr(self, field):
                setattr(self, field, sanitize_html(getattr(self, field)))
        if not hasattr(self, f"body_{settings.LANGUAGE_CODE}"):
            self.body = sanitize_html(self.body)
        if not self.slug:
            self.slug = self._unique_slug()
        if not self.latin_slug:
            self.latin_slug = self._unique_latin_slug()
        self.search_title = index_key(*translated_values(self, "title"))
        texts = [
            *translated_values(self, "title"),
            *translated_values(self, "summary"),
            *(plain_text(body) for body in translated_values(self, "body")),
        ]
        self.search_key = index_key(*texts)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_key", "search_title"}
        super().save(*args, **kwargs)
        ensure_thumbnails(self.cover_image)

    def get_absolute_url(self):
        return reverse("press:detail", kwargs={"slug": self.slug_in(get_language())})

    def slug_in(self, language):
        """The address of the page in ``language``: Arabic letters in the first language, Latin
        letters in the others (when the item has them)."""
        if language == settings.LANGUAGE_CODE or not self.latin_slug:
            return self.slug
        return self.latin_slug

    def get_preview_url(self):
        return reverse("press:preview", kwargs={"pk": self.pk})

    # Rules ---------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.source_organisation_id is None and (self.source_url or self.source_published_on):
            errors["source_organisation"] = _(
                "An original link or date belongs to relayed news: choose the organisation it comes from."
            )
        if self.status == self.Status.SCHEDULED and not self.publish_at:
            errors["publish_at"] = _("A scheduled item needs the date and time it appears.")
        alt_field = f"cover_alt_{settings.LANGUAGE_CODE}"
        if self.cover_image and not getattr(self, alt_field, self.cover_alt):
            errors[alt_field] = _("Describe the image for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_relayed(self):
        return self.source_organisation_id is not None

    @property
    def is_public(self):
        if self.status == self.Status.PUBLISHED:
            return True
        return (
            self.status == self.Status.SCHEDULED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    def publish(self, *, at=None):
        """Publish now, or schedule for ``at`` when it lies in the future."""
        now = timezone.now()
        if at is not None and at > now:
            self.status, self.publish_at = self.Status.SCHEDULED, at
        else:
            self.status, self.publish_at = self.Status.PUBLISHED, at or self.publish_at or now
        self.save()

    def withdraw(self):
        self.status = self.Status.WITHDRAWN
        self.save(update_fields=["status", "updated_at"])

    def _unique_slug(self):
        base = unicode_slug(getattr(self, f"title_{settings.LANGUAGE_CODE}", None) or self.title) or "press"
        slug, n = base, 2
        while PressRelease.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def _unique_latin_slug(self):
        """From the French title (or the other languages' one), in ASCII; "" without one."""
        others = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        title = next(
            (getattr(self, f"title_{code}", "") for code in others if getattr(self, f"title_{code}", "")), ""
        )
        base = slugify(title)[:150].strip("-")
        if not base:
            return ""
        slug, n = base, 2
        while PressRelease.objects.filter(latin_slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @property
    def display_summary(self):
        """The summary, or the start of the text when there is none."""
        if self.summary:
            return self.summary
        text = plain_text(self.body)
        return text if len(text) <= 280 else text[:277].rsplit(" ", 1)[0] + "…"


class PressImage(models.Model):
    """A photo shown below the text (the cover image is on the item itself)."""

    press_release = models.ForeignKey(
        PressRelease, on_delete=models.CASCADE, related_name="images", verbose_name=_("press release")
    )
    image = ValidatedImageField(
        _("image"),
        upload_to="press/%Y/",
        validators=[validate_image],
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt = models.CharField(
        _("image description"),
        max_length=300,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.alt

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        ensure_thumbnails(self.image)


class PressAttachment(models.Model):
    """A document to download with the item (a presentation, the signed agreement...)."""

    press_release = models.ForeignKey(
        PressRelease, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("press release")
    )
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), upload_to="press/files/%Y/", validators=[validate_document])
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title

    @property
    def extension(self):
        return self.file.name.rsplit(".", 1)[-1].upper() if self.file else ""
