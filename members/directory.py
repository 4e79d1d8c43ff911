"""The public directory's order, read a page at a time (the directory page, the portal search's
members, the sitemap)."""

import hashlib

from django.core.paginator import Paginator
from django.db.models import Count, F, Q

from members.models import Membership
from portal.content_version import per_version


class DirectoryRows:
    """The directory's rows in its order, read a page at a time without sorting all of them.

    The order is region code, province code, council name, then person name: councils first.
    A *plan* lists the directory's councils in that order with how many rows each has (one
    ``GROUP BY`` query, kept per content version: ``portal.content_version.per_version``); councils that
    sort alike (same region, province and name) form one bucket, so that their members, mixed
    by name, stay in the one order. A page then reads only the rows of the few buckets it spans,
    sorted by the same full ordering, from the right offset. The count is the plan's total.
    Whatever the size: the plan (or nothing, when cached), then one query for the page's rows.
    """

    def __init__(self, queryset):
        self.queryset = queryset  # the filtered directory: Membership.objects.directory() + filters
        self._buckets = None
        self._count = None

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
        if self._count is None:
            self._count = sum(rows for _ids, rows in self.buckets())
        return self._count

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
        rows = object_list if isinstance(object_list, DirectoryRows) else DirectoryRows(object_list)
        super().__init__(rows, *args, **kwargs)


def directory_count():
    """How many rows the whole directory has (the sitemap's pages), from the cached plan."""
    return DirectoryRows(Membership.objects.directory()).count()
