from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView

from association import registry, services
from association.forms import ContactForm
from association.models import CharterGoal, Document, GoverningBody, Partner, StrategicPrinciple


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
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    filename = document.file.name.rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=False, filename=filename)


class ContactView(FormView):
    template_name = "association/contact.html"
    form_class = ContactForm

    def form_valid(self, form):
        services.contact_message_receive(form=form, language=get_language())
        messages.success(self.request, _("Thank you: your message has been received."))
        return redirect("association:contact")
