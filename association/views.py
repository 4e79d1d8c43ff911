from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView

from association import services
from association.forms import ContactForm
from association.models import CharterGoal, Document, GoverningBody, Partner, StrategicPrinciple
from portal import registry, search
from portal.storage import serve_file


class HomeView(TemplateView):
    template_name = "association/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            goals=CharterGoal.objects.all(),
            sections=registry.home_sections(self.request),
            **kwargs,
        )


class AboutView(TemplateView):
    template_name = "association/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            goals=CharterGoal.objects.all(),
            principles=StrategicPrinciple.objects.all(),
            bodies=GoverningBody.objects.all(),
            **kwargs,
        )


class PartnerListView(ListView):
    template_name = "association/partners.html"
    context_object_name = "partners"

    def get_queryset(self):
        return Partner.objects.prefetch_related("agreements")


class DocumentListView(ListView):
    template_name = "association/documents.html"
    context_object_name = "documents"

    def get_queryset(self):
        return Document.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kinds = dict(Document.Kind.choices)
        groups = {}
        for document in context["documents"]:
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
    """One search over the portal: each registered provider's results, grouped by type."""

    template_name = "association/search.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()[:200]
        keys = {provider.key for provider in search.search_providers()}
        only = self.request.GET.get("type")
        only = only if only in keys else None  # an unknown type is ignored: every type is searched
        limit = search.ONE_TYPE_LIMIT if only else search.GROUP_LIMIT
        groups = (
            search.search(query, language=get_language(), user=self.request.user, limit=limit, only=only)
            if query
            else []
        )
        return super().get_context_data(
            query=query,
            # The query may be in the other script: isolated, it does not reorder the sentence.
            query_isolated=format_html("<bdi>{}</bdi>", query),
            groups=groups,
            only=only,
            total=sum(group.total for group in groups),
            too_short=bool(query) and not search.query_terms(query),
            **kwargs,
        )


def robots_txt(request):
    """Let crawlers in, keep them out of the admin and previews, point them at the sitemap."""
    lines = ["User-agent: *"]
    for code, _name in settings.LANGUAGES:
        lines += [
            f"Disallow: /{code}/admin/",
            f"Disallow: /{code}/press/preview/",
            f"Disallow: /{code}/search/",
        ]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
