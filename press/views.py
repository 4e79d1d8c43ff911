"""Public pages of the press releases and news: list, detail, editors' preview."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from association.models import AssociationProfile
from portal.content_version import per_version
from portal.images import thumbnail_url
from portal.integers import parse_number
from portal.language import set_alternates, translated_languages
from press.models import Category, PressRelease

# The list's origin filter (``?origin=own`` / ``?origin=relayed``).
ORIGINS = {
    "own": _("The association's own news"),
    "relayed": _("News relayed from other organisations"),
}


def _facets():
    """[(year, category id, relayed, published items)] of everything published: one GROUP BY."""
    rows = (
        PressRelease.objects.published()
        .order_by()
        .annotate(
            year=ExtractYear("publish_at"),
            relayed=ExpressionWrapper(Q(source_organisation__isnull=False), output_field=BooleanField()),
        )
        .values_list("year", "category_id", "relayed")
        .annotate(items=Count("pk"))
    )
    return [(year, category, bool(relayed), items) for year, category, relayed, items in rows]


def press_facets():
    """The list's years, categories and counts, kept per content version (a new one comes with
    each scheduled publication): the year and category filters and the count cost no query."""
    zone = timezone.get_current_timezone_name()
    return per_version(f"press:facets:{zone}", _facets)


class _CountedPaginator(Paginator):
    def __init__(self, object_list, *args, count, **kwargs):
        super().__init__(object_list, *args, **kwargs)
        self.__dict__["count"] = count  # the cached_property, known already


class PressListView(ListView):
    """Published items, newest first, filtered by year, category and origin
    (``?year=2022&category=…&origin=relayed``)."""

    template_name = "press/list.html"
    context_object_name = "items"
    paginate_by = 12

    def get_queryset(self):
        queryset = PressRelease.objects.published().for_list()
        self.year = self._year()
        if self.year:
            queryset = queryset.filter(publish_at__year=self.year)
        self.category = None
        if slug := self.request.GET.get("category"):
            self.category = Category.objects.filter(slug=slug).first()
            if self.category is None:
                raise Http404
            queryset = queryset.filter(category=self.category)
        self.origin = self.request.GET.get("origin", "")
        if self.origin not in ("", *ORIGINS):
            raise Http404
        if self.origin:
            queryset = queryset.relayed() if self.origin == "relayed" else queryset.own()
        return queryset

    def _year(self):
        value = self.request.GET.get("year", "")
        if not value:
            return None
        year = parse_number(value, 1900, 2200)
        if year is None:
            raise Http404
        return year

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        category = self.category.pk if self.category else None
        relayed = {"": None, "own": False, "relayed": True}[self.origin]
        count = sum(
            items
            for year, category_id, is_relayed, items in self.facets
            if (not self.year or year == self.year)
            and (category is None or category_id == category)
            and (relayed is None or is_relayed == relayed)
        )
        return _CountedPaginator(
            queryset, per_page, orphans=orphans, allow_empty_first_page=allow_empty_first_page, count=count
        )

    def get(self, request, *args, **kwargs):
        self.facets = press_facets()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = sorted({year for year, *_rest in self.facets if year is not None}, reverse=True)
        in_use = {category for _year, category, *_rest in self.facets if category is not None}
        origins_in_use = {relayed for _year, _category, relayed, _items in self.facets}
        context.update(
            years=years,
            categories=Category.objects.filter(pk__in=in_use) if in_use else Category.objects.none(),
            current_year=self.year,
            current_category=self.category,
            current_origin=self.origin,
            # Each filter's links keep the other filters' choices.
            all_years_query=_filter_query(None, self.category, self.origin),
            year_links=[(year, _filter_query(year, self.category, self.origin)) for year in years],
            all_categories_query=_filter_query(self.year, None, self.origin),
            category_query=_filter_query(self.year, None, self.origin),
            # Offered when the list holds both kinds (or one is chosen already).
            origin_links=_origin_links(self.year, self.category)
            if len(origins_in_use) > 1 or self.origin
            else [],
            filter_query=_filter_query(self.year, self.category, self.origin),
        )
        return context


def _filter_query(year, category, origin=""):
    """The list's filters as a query string (the category's slug encoded: it may be Arabic)."""
    parts = {}
    if year:
        parts["year"] = year
    if category:
        parts["category"] = category.slug
    if origin:
        parts["origin"] = origin
    return urlencode(parts)


def _origin_links(year, category):
    """[(origin, label, query)] for the origin filter, each keeping the year and category."""
    return [
        (origin, label, _filter_query(year, category, origin))
        for origin, label in [("", _("All news")), *ORIGINS.items()]
    ]


def neighbours(item, queryset):
    """The items just before (older) and after (newer) ``item`` in the list's order."""
    ordering = [F("publish_at").desc(nulls_last=True), "-pk"]
    reverse_ordering = [F("publish_at").asc(nulls_first=True), "pk"]
    if item.publish_at is None:
        older = queryset.filter(publish_at__isnull=True, pk__lt=item.pk)
        newer = queryset.filter(Q(publish_at__isnull=False) | Q(pk__gt=item.pk))
    else:
        older = queryset.filter(
            Q(publish_at__lt=item.publish_at)
            | Q(publish_at=item.publish_at, pk__lt=item.pk)
            | Q(publish_at__isnull=True)
        )
        # The redundant ``publish_at >= …`` gives PostgreSQL a range to start the index scan at;
        # with the OR alone it read every item of the list to find the newest item's "next".
        newer = queryset.filter(
            Q(publish_at__gt=item.publish_at) | Q(publish_at=item.publish_at, pk__gt=item.pk),
            publish_at__gte=item.publish_at,
        )
    return (
        older.for_links().order_by(*ordering).first(),
        newer.for_links().order_by(*reverse_ordering).first(),
    )


def detail_context(request, item):
    url = request.build_absolute_uri(item.get_absolute_url())
    profile = AssociationProfile.get_solo()
    image = None
    if item.cover_image:
        image = request.build_absolute_uri(thumbnail_url(item.cover_image, "press_large"))
    jsonld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title[:110],
        "description": item.display_summary,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": request.LANGUAGE_CODE,
        "dateModified": item.updated_at.isoformat() if item.updated_at else None,
        "publisher": {"@type": "Organization", "name": profile.name or ""},
        "author": {"@type": "Organization", "name": profile.name or ""},
    }
    if item.publish_at:
        jsonld["datePublished"] = item.publish_at.isoformat()
    # Search engines take a raster logo only: an SVG logo gives way to the social card, a PNG
    # drawn from the association's name and logo (association.identity), as og:image does.
    card = request.build_absolute_uri(reverse("association:social-card"))
    if profile.logo and not profile.logo_is_svg:
        logo = request.build_absolute_uri(profile.logo.url)
    else:
        logo = card
    jsonld["publisher"]["logo"] = {"@type": "ImageObject", "url": logo}
    jsonld["image"] = [image or logo]
    if item.category_id:
        jsonld["articleSection"] = item.category.name
    if item.source_organisation_id:
        # Relayed news: the organisation wrote it; the association only republishes it.
        source = {"@type": "Organization", "name": item.source_organisation.name}
        if item.source_organisation.website:
            source["url"] = item.source_organisation.website
        jsonld["author"] = jsonld["sourceOrganization"] = source
        if item.source_url:
            jsonld["isBasedOn"] = item.source_url
        if item.source_published_on:
            jsonld["dateCreated"] = item.source_published_on.isoformat()
    return {
        "item": item,
        "absolute_url": url,
        "og_image": image,
        "jsonld": {key: value for key, value in jsonld.items() if value is not None},
        "attachments": item.attachments.all(),
        "images": item.images.all(),
        # Only the activities this visitor may see (members-only ones stay with members).
        "related_events": item.related_events.visible_to(request.user).select_related("kind"),
    }


class PressDetailView(DetailView):
    """An item at its address in the page's language (Arabic letters in Arabic, Latin letters in
    French); the address of another language redirects there, so old links keep working."""

    template_name = "press/detail.html"
    context_object_name = "item"

    def get_queryset(self):
        return PressRelease.objects.published().select_related("category", "source_organisation")

    def get_object(self, queryset=None):
        slug = self.kwargs["slug"]
        item = (queryset or self.get_queryset()).filter(Q(slug=slug) | Q(latin_slug=slug)).first()
        if item is None:
            raise Http404
        return item

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.kwargs["slug"] != self.object.slug_in(get_language()):
            return redirect(self.object.get_absolute_url(), permanent=True)
        urls = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                urls[code] = self.object.get_absolute_url()
        set_alternates(request, translated=translated_languages(self.object, ["title", "body"]), urls=urls)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(detail_context(self.request, self.object))
        # Kept per content version (and until the next scheduled item is due): the "older" query
        # cannot start its index scan at the item (undated items sort last), so it reads the
        # newer part of the list on every uncached request otherwise.
        item = self.object
        context["previous"], context["next"] = per_version(
            f"press:neighbours:{item.pk}",
            lambda: neighbours(item, PressRelease.objects.published()),
        )
        return context


@login_required
def press_preview(request, pk):
    """Editors see any item, draft or withdrawn, as it will look; nobody else may."""
    if not (request.user.is_staff and request.user.has_perm("press.change_pressrelease")):
        raise PermissionDenied
    item = get_object_or_404(PressRelease.objects.select_related("category", "source_organisation"), pk=pk)
    context = detail_context(request, item)
    context.update(preview=True, now=timezone.now())
    response = render(request, "press/detail.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response
