import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, IntegerField, Value, When
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, FormView, ListView, TemplateView, UpdateView, View
from django_ratelimit.core import is_ratelimited

from members import services
from members.directory import DirectoryPaginator, DirectoryRows
from members.forms import ApplicationForm, ProfileForm
from members.models import (
    Council,
    CouncilSeat,
    Membership,
    NetworkMemberCount,
    NetworkMembership,
    Organisation,
    Person,
    Region,
)
from members.search import name_match, name_terms, people_keys
from portal import registry
from portal.integers import parse_id
from portal.language import set_alternates, translated_languages
from portal.search import MAX_QUERY_LENGTH
from portal.storage import serve_file
from portal.text import strip_invisible

logger = logging.getLogger(__name__)


class DirectoryView(ListView):
    """Active members by region, prefecture/province and council: public facts only."""

    template_name = "members/directory.html"
    context_object_name = "memberships"
    paginate_by = 50
    paginator_class = DirectoryPaginator

    def get_queryset(self):
        queryset = Membership.objects.directory()
        params = self.request.GET
        level = params.get("level", "")
        if level in Council.Level.values:
            queryset = queryset.filter(council__level=level)
        # An id that is no number, or too large for its column, is ignored (it once gave a 500).
        region = parse_id(params.get("region", ""), Region)
        if region is not None:
            queryset = queryset.filter(council__area_region_id=region)
        council = parse_id(params.get("council", ""), Council)
        if council is not None:
            queryset = queryset.filter(council_id=council)
        names = name_terms(params.get("q", ""))
        if names:
            # The portal search's rule (a misspelt name found by its close spellings), counted
            # through the directory's plan that the paginator then reads: no query more.
            rows, _count = name_match(
                queryset, "person__search_key", names, people_keys(), "names:people", rows=DirectoryRows
            )
            return rows
        return queryset

    def get_context_data(self, **kwargs):
        params = self.request.GET.copy()
        params.pop("page", None)
        council = parse_id(self.request.GET.get("council", ""), Council)
        selected_council = Council.objects.filter(pk=council).first() if council is not None else None
        context = super().get_context_data(
            selected_council=selected_council,
            regions=Region.objects.only("pk", "name", "name_ar", "name_fr", "code"),
            levels=Council.Level.choices,
            role_choices=CouncilSeat.Role.choices,
            # As searched: without bidi controls or invisible characters, at most 200 characters.
            query=strip_invisible(self.request.GET.get("q", "")).strip()[:MAX_QUERY_LENGTH],
            selected_level=self.request.GET.get("level", ""),
            selected_region=self.request.GET.get("region", ""),
            querystring=params.urlencode(),
            **kwargs,
        )
        # The role's label once per row, not a loop over the choices in each card (issue 8).
        role_labels = dict(CouncilSeat.Role.choices)
        for membership in context["memberships"]:
            membership.role_label = role_labels.get(membership.council_role, "")
        return context


class ApplicationView(FormView):
    template_name = "members/application_form.html"
    form_class = ApplicationForm

    def form_valid(self, form):
        services.application_submit(form=form, language=get_language())
        return redirect("members:apply-thanks")


class ApplicationThanksView(TemplateView):
    template_name = "members/application_thanks.html"


class AccountView(LoginRequiredMixin, UpdateView):
    """ "My account": a member sees and corrects their own record."""

    template_name = "members/account.html"
    form_class = ProfileForm

    def get_object(self, queryset=None):
        return Person.objects.filter(user=self.request.user).first()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object is None:
            return redirect("members:account")
        return super().post(request, *args, **kwargs)

    def get_form(self, form_class=None):
        if self.object is None:
            return None
        return super().get_form(form_class)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["account_links"] = registry.account_links()
        if self.object is not None:
            context["seats"] = self.object.seats.select_related("council")
            context["memberships"] = self.object.memberships.select_related("council")
        return context

    def form_valid(self, form):
        def confirm_url(token):
            return self.request.build_absolute_uri(reverse("members:email-confirm", args=[token]))

        pending = services.person_update_own(form=form, confirm_url=confirm_url)
        messages.success(self.request, _("Your profile has been saved."))
        if pending:
            messages.info(
                self.request,
                _("We have sent a link to %(email)s: your address changes once you open it.")
                % {"email": pending},
            )
        return redirect("members:account")


class EmailChangeConfirmView(LoginRequiredMixin, View):
    """The link sent to a new address: a page with a button, the change made on POST only
    (mail scanners open links; they do not submit forms)."""

    template_name = "members/email_change_confirm.html"

    def get(self, request, token):
        return TemplateResponse(request, self.template_name, {})

    def post(self, request, token):
        try:
            person = services.email_change_confirm(token=token, user=request.user)
        except ValidationError as error:
            return TemplateResponse(request, self.template_name, {"error": error.messages[0]}, status=400)
        messages.success(request, _("Your e-mail address is now %(email)s.") % {"email": person.email})
        return redirect("members:account")


class PasswordResetView(auth_views.PasswordResetView):
    """Password reset, its mails limited per address and per client.

    Past ``PORTAL_RESET_ADDRESS_RATE`` for the address or ``PORTAL_RESET_CLIENT_RATE`` for the
    client, nothing is sent but the answer is the same "sent" page, so the form tells nobody
    whether an address has an account, nor whether a limit was reached.
    """

    def form_valid(self, form):
        request = self.request
        address = services.email_normalise(form.cleaned_data["email"])
        limited = is_ratelimited(
            request,
            group="members:reset-client",
            key="ip",
            rate=settings.PORTAL_RESET_CLIENT_RATE,
            increment=True,
        ) or is_ratelimited(
            request,
            group="members:reset-address",
            key=lambda group, request: address,
            rate=settings.PORTAL_RESET_ADDRESS_RATE,
            increment=True,
        )
        if limited:
            logger.info("Password reset not sent: limit reached")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class LogoutView(auth_views.LogoutView):
    """Django's logout, which only takes a POST, with a page of the site for a GET.

    An old bookmark or a typed address used to get a bare "405" page: it now gets the site's
    page, with the button to log out (or the news that nobody is logged in).
    """

    http_method_names = ["get", "head", "post", "options"]
    template_name = "members/registration/logged_out.html"

    def get(self, request, *args, **kwargs):
        return TemplateResponse(request, self.template_name, self.get_context_data())

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You are logged out."))
        return response


class CouncilDetailView(DetailView):
    """A council's public page: its members' public roles, its networks, and what other apps
    add (the calendar: the activities held in its territory, ``portal.registry`` slot "council").

    Only the directory's public facts about people (``Membership.objects.directory``): no
    phone, e-mail or address is ever read.
    """

    template_name = "members/council_detail.html"
    context_object_name = "council"

    def get_queryset(self):
        return Council.objects.select_related("region", "province", "commune", "area_region", "area_province")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        council = self.object
        role_labels = dict(CouncilSeat.Role.choices)
        members = list(Membership.objects.directory().filter(council=council))
        for membership in members:
            membership.role_label = role_labels.get(membership.council_role, "")
        context.update(
            members=members,
            networks=network_memberships(council),
            sections=registry.sections("council", self.request, council),
        )
        return context


def network_memberships(council):
    """The council's networks, each with how many councils the portal names and the numbers
    the sources state without names: three queries whatever their number."""
    memberships = list(
        NetworkMembership.objects.filter(council=council)
        .select_related("network")
        .prefetch_related("network__member_counts")
        .annotate(named=Count("network__council_memberships"))
        .order_by("network__name_ar")
    )
    return memberships


class OrganisationDetailView(DetailView):
    """An organisation's public page: what it is, where, its website; a network's member councils
    (and the numbers its sources state without names); and what other apps add through
    ``portal.registry``'s slot "organisation" (the news relayed from it, the activities it organised
    or partnered)."""

    template_name = "members/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return Organisation.objects.select_related(
            "region", "province", "province__region", "commune", "commune__province"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        # hreflang alternates only between the languages its record is really written in.
        set_alternates(self.request, translated=translated_languages(organisation, ["name", "description"]))
        members, counts = [], []
        if organisation.is_network:
            # From the regions down to the communes, then by name.
            rank = Case(
                *[When(council__level=level, then=Value(r)) for level, r in Council.LEVEL_RANK.items()],
                output_field=IntegerField(),
            )
            members = list(
                organisation.council_memberships.select_related("council", "council__area_province").order_by(
                    rank, "council__name_ar", "pk"
                )
            )
            counts = list(NetworkMemberCount.objects.filter(network=organisation))
        jsonld = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": organisation.name,
            "url": self.request.build_absolute_uri(organisation.get_absolute_url()),
        }
        if organisation.website:
            jsonld["sameAs"] = organisation.website
        if organisation.founded_on:
            jsonld["foundingDate"] = organisation.founded_on.isoformat()
        context.update(
            jsonld=jsonld,
            territory_council=territory_council(organisation),
            members=members,
            counts=counts,
            sections=registry.sections("organisation", self.request, organisation),
        )
        return context


def person_photo(request, pk):
    """A person's photo, while they consent to its publication (else 404).

    The file is in the private storage (portal.private_media): no other address serves it.
    Caches may keep it ten minutes, so a withdrawn consent takes effect within that time.
    """
    person = get_object_or_404(Person.objects.filter(photo_consent=True).exclude(photo=""), pk=pk)
    return serve_file(person.photo, cache_control="public, max-age=600")


def territory_council(organisation):
    """The council of the organisation's territory, whose page the territory links to (one
    query; none without a territory)."""
    if organisation.commune_id:
        return Council.objects.filter(commune_id=organisation.commune_id).first()
    if organisation.province_id:
        return Council.objects.filter(province_id=organisation.province_id).first()
    if organisation.region_id:
        return Council.objects.filter(region_id=organisation.region_id).first()
    return None
