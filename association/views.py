from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView

from association import services
from association.forms import ContactForm
from association.identity import social_card_png
from association.models import (
    AssociationProfile,
    CharterGoal,
    Document,
    GoverningBody,
    Partner,
    StrategicPrinciple,
)
from portal import registry, search
from portal.integers import parse_number
from portal.storage import serve_file
from portal.text import strip_invisible


class HomeView(TemplateView):
    template_name = "association/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            goals=CharterGoal.objects.all(),
            sections=registry.sections("home", self.request),
            **kwargs,
        )


def social_card(request):
    """The og:image of every page: the association's name and logo as a PNG (association.identity)."""
    response = HttpResponse(social_card_png(AssociationProfile.get_solo()), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def favicon(request):
    """The browser-tab icon when no logo was uploaded: the association's initials on its colour."""
    response = render(
        request,
        "association/favicon.svg",
        {"association": AssociationProfile.get_solo()},
        content_type="image/svg+xml",
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response


class LegalView(TemplateView):
    """Who publishes the site and how personal data is handled (Law 09-08), from the profile."""

    template_name = "association/legal.html"


class AboutView(TemplateView):
    template_name = "association/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            territory_councils=list(AssociationProfile.get_solo().territory_councils()),
            goals=CharterGoal.objects.all(),
            principles=StrategicPrinciple.objects.all(),
            bodies=GoverningBody.objects.all(),
            **kwargs,
        )


class PartnerListView(ListView):
    template_name = "association/partners.html"
    context_object_name = "partners"

    def get_queryset(self):
        return Partner.objects.listed()


class DocumentListView(ListView):
    template_name = "association/documents.html"
    context_object_name = "documents"

    def get_queryset(self):
        return Document.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        """Each text in its version in force; under it, the versions it replaced (the statutes
        before each amendment), newest first. One query reads them all."""
        context = super().get_context_data(**kwargs)
        kinds = dict(Document.Kind.choices)
        documents = list(context["documents"])
        by_pk = {document.pk: document for document in documents}
        replaced = {document.replaces_id for document in documents if document.replaces_id}
        groups = {}
        for document in documents:
            if document.pk in replaced:
                continue
            document.versions = []
            earlier = by_pk.get(document.replaces_id)
            while earlier is not None:
                document.versions.append(earlier)
                earlier = by_pk.get(earlier.replaces_id)
            groups.setdefault(document.kind, []).append(document)
        context["groups"] = [(kinds[kind], docs) for kind, docs in groups.items()]
        return context


def document_download(request, pk):
    """Serve a document through Django so members-only files never leak by URL."""
    document = get_object_or_404(Document.objects.visible_to(request.user), pk=pk)
    # Streamed from the disk or the bucket, or a short-lived signed address (portal.storage).
    return serve_file(document.file)


class ContactView(FormView):
    template_name = "association/contact.html"
    form_class = ContactForm

    def form_valid(self, form):
        services.contact_message_receive(form=form, language=get_language())
        messages.success(self.request, _("Thank you: your message has been received."))
        return redirect("association:contact")


class SearchView(TemplateView):
    """One search over the portal: each registered provider's results, grouped by type.

    Without ``type``, the first results of every type with their counts; with it, that type's
    results a page at a time. ``year`` and ``order=date`` filter and sort; any parameter that
    makes no sense is ignored, so every query, however odd, gives a normal page.
    """

    template_name = "association/search.html"

    def get_context_data(self, **kwargs):
        params = self.request.GET
        typed = strip_invisible(params.get("q", "")).strip()
        query_text = typed[: search.MAX_QUERY_LENGTH]
        keys = {provider.key for provider in search.search_providers()}
        only = params.get("type")
        only = only if only in keys else None  # an unknown type is ignored: every type is searched
        year = parse_number(params.get("year", ""), 1900, 2200)
        order = "date" if params.get("order") == "date" else "relevance"
        query = search.make_query(query_text, year=year, order=order)
        page_number = parse_number(params.get("page", "1"), 1, 9_999) or 1
        limit = search.PAGE_SIZE if only else search.GROUP_LIMIT
        offset = (page_number - 1) * limit if only else 0
        language, user = get_language(), self.request.user
        # Facets count with the other choice applied: types within the chosen year, years within
        # the chosen type, so every link offered leads to results.
        facets = search.search(
            query, language=language, user=user, limit=0 if only else limit, keep_empty=True
        )
        if only:
            groups = search.search(query, language=language, user=user, limit=limit, offset=offset, only=only)
        else:
            groups = [group for group in facets if group.total]
        years = {}
        for group in facets:
            if only in (None, group.key):
                for found_year, count in group.years.items():
                    years[found_year] = years.get(found_year, 0) + count
        kinds = [(g.key, g.label, g.total) for g in facets if g.total or g.key == only]
        shown = groups[0] if only and groups else None
        page = None
        if shown:
            page = Paginator(range(shown.total), limit).get_page(page_number)
        return super().get_context_data(
            query=query_text,
            highlight_terms=query.terms + query.names,
            groups=groups,
            kinds=kinds,
            years=sorted(years.items(), reverse=True),
            # Something matches in some year or type, though maybe not in the ones chosen.
            found_any=bool(kinds or years),
            year=year,
            order=order,
            only=only,
            page=page,
            # What the page lists: the chosen type's count, or every type's (within the year).
            total=sum(total for key, _label, total in kinds if only in (None, key)),
            too_short=bool(query_text) and not query,
            truncated=len(typed) > search.MAX_QUERY_LENGTH,
            max_length=search.MAX_QUERY_LENGTH,
            # Only function words (في، من، le, de): they match everything, so they are not searched.
            common_only=bool(query) and not query.terms and not groups,
            suggestions=search.suggestions(query) if query and not groups else [],
            **kwargs,
        )


def robots_txt(request):
    """Let crawlers in, keep them out of the admin and previews, point them at the sitemap.

    The language switcher's redirects (``/i18n/``) are left out too: each page declares its
    translations with ``hreflang`` alternates, and the sitemap lists every language.
    """
    lines = ["User-agent: *", "Disallow: /i18n/"]
    for code, _name in settings.LANGUAGES:
        lines += [
            f"Disallow: /{code}/admin/",
            f"Disallow: /{code}/press/preview/",
            f"Disallow: /{code}/search/",
        ]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
