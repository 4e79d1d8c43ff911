import hashlib

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView, UpdateView

from association.text import search_terms
from config.pagecache import per_version
from members import services
from members.forms import ApplicationForm, ProfileForm
from members.models import Council, CouncilSeat, Membership, Person, Region


class DirectoryRows:
    """The directory's rows in its order, read a page at a time without sorting all of them.

    The order is region code, province code, council name, then person name: councils first.
    A *plan* lists the directory's councils in that order with how many rows each has (one
    ``GROUP BY`` query, kept per content version: ``config.pagecache.per_version``); councils that
    sort alike (same region, province and name) form one bucket, so that their members, mixed
    by name, stay in the one order. A page then reads only the rows of the few buckets it spans,
    sorted by the same full ordering, from the right offset. The count is the plan's total.
    Whatever the size: the plan (or nothing, when cached), then one query for the page's rows.
    """

    def __init__(self, queryset):
        self.queryset = queryset  # the filtered directory: Membership.objects.directory() + filters
        self._buckets = None

    def buckets(self):
        """[(council ids, rows)] in the directory's order; None stands for "no council"."""
        if self._buckets is None:
            grouped = (
                self.queryset.order_by()
                .values_list(*_BUCKET_FIELDS)
                .annotate(rows=Count("pk"))
                .values_list("council_id", *_BUCKET_FIELDS[1:], "rows")
                .order_by(*(F(field).asc(nulls_last=True) for field in _BUCKET_FIELDS[1:]))
            )
            sql, params = grouped.query.sql_with_params()
            digest = hashlib.sha256(repr((grouped.db, sql, params)).encode()).hexdigest()
            self._buckets = per_version(f"members:directory:{digest}", lambda: _buckets(grouped))
        return self._buckets

    def count(self):
        return sum(rows for _ids, rows in self.buckets())

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if isinstance(item, int):
            rows = self._rows(item, 1)
            if not rows:
                raise IndexError(item)
            return rows[0]
        start, stop, step = item.indices(self.count())
        if step != 1:
            raise ValueError("the directory is read a page at a time")
        return self._rows(start, stop - start) if stop > start else []

    def _rows(self, offset, limit):
        councils, first = [], None
        position = 0
        for ids, rows in self.buckets():
            if position + rows > offset and position < offset + limit:
                if first is None:
                    first = position
                councils.extend(ids)
            position += rows
            if position >= offset + limit:
                break
        if first is None:
            return []
        where = Q(council_id__in=[pk for pk in councils if pk is not None])
        if None in councils:
            where |= Q(council__isnull=True)
        skip = offset - first
        return list(self.queryset.filter(where)[skip : skip + limit])


_BUCKET_FIELDS = (
    "council_id",
    "council__area_region__code",
    "council__area_province__code",
    "council__name_ar",
)


def _buckets(grouped):
    buckets, last = [], object()
    for council_id, *sort_key, rows in grouped:
        if sort_key == last:
            buckets[-1][0].append(council_id)
            buckets[-1][1] += rows
        else:
            buckets.append([[council_id], rows])
            last = sort_key
    return [(tuple(ids), rows) for ids, rows in buckets]


class DirectoryPaginator(Paginator):
    def __init__(self, object_list, *args, **kwargs):
        super().__init__(DirectoryRows(object_list), *args, **kwargs)


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
        region = params.get("region", "")
        if region.isdigit():
            queryset = queryset.filter(council__area_region_id=int(region))
        council = params.get("council", "")
        if council.isdigit():
            queryset = queryset.filter(council_id=int(council))
        for term in search_terms(params.get("q", "")):
            queryset = queryset.filter(
                Q(person__search_key__startswith=term) | Q(person__search_key__contains=f" {term}")
            )
        return queryset

    def get_context_data(self, **kwargs):
        params = self.request.GET.copy()
        params.pop("page", None)
        council = self.request.GET.get("council", "")
        selected_council = Council.objects.filter(pk=int(council)).first() if council.isdigit() else None
        return super().get_context_data(
            selected_council=selected_council,
            regions=Region.objects.only("pk", "name", "name_ar", "name_fr", "code"),
            levels=Council.Level.choices,
            role_choices=CouncilSeat.Role.choices,
            query=self.request.GET.get("q", ""),
            selected_level=self.request.GET.get("level", ""),
            selected_region=self.request.GET.get("region", ""),
            querystring=params.urlencode(),
            **kwargs,
        )


def directory_count():
    """How many rows the whole directory has (the sitemap's pages), from the cached plan."""
    return DirectoryRows(Membership.objects.directory()).count()


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
        if self.object is not None:
            context["seats"] = self.object.seats.select_related("council")
            context["memberships"] = self.object.memberships.select_related("council")
        return context

    def form_valid(self, form):
        services.person_update_own(form=form)
        messages.success(self.request, _("Your profile has been saved."))
        return redirect("members:account")
