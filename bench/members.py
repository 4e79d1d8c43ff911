"""Benchmark of the members register at a national association's size (not a test).

Generates PEOPLE synthetic elected officials ("منتخب 1", "Elu 1", ... on real councils) into an
.xlsx file with the secretariat's Arabic headers, imports it the way ``import_members`` does,
then times the public directory and the admin person list and search, and counts their queries.

Usage::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench python bench/members.py [PEOPLE]

Without DATABASE_URL it uses a fresh SQLite file in a temporary folder. The database must hold no
people yet (use a scratch database: the rows stay there). Targets (issue 3): import at least
1,000 rows a second end to end with peak memory under 1 GB; directory page, admin changelist and
admin search under 150 ms server time each on PostgreSQL at 50,000 people.
"""

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='members-bench-')}/bench.sqlite3"
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")

import django  # noqa: E402

django.setup()

import tablib  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from members.management.commands.import_members import read_dataset  # noqa: E402
from members.models import Council, Person  # noqa: E402
from members.resources import COLUMNS, PersonPrivateResource  # noqa: E402

ROLES = ["رئيس", "نائب الرئيس", "عضو", "عضوة", "كاتب المجلس"]


def load_average():
    """The 1-minute load average (the machine is shared: timings only mean something beside it)."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def peak_memory_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_file(count, folder):
    codes = []
    for region, province, commune in Council.objects.values_list(
        "region__code", "province__code", "commune__code"
    ):
        codes.append(region or province or commune)
    headers = [
        COLUMNS[k] for k in ("name_ar", "name_fr", "gender", "council", "role", "number", "phone", "email")
    ]
    rows = []
    for i in range(1, count + 1):
        rows.append(
            [
                f"منتخب {i}",
                f"Elu {i}",
                "أنثى" if i % 3 == 0 else "ذكر",
                codes[i % len(codes)],
                ROLES[i % len(ROLES)],
                f"B-{i:06d}",
                f"06{(10000000 + i) % 100000000:08d}",
                f"elu{i}@example.org",
            ]
        )
    path = Path(folder) / "members-bench.xlsx"
    path.write_bytes(tablib.Dataset(*rows, headers=headers).export("xlsx"))
    return path


def timed_get(client, url, repeat=5):
    client.get(url)  # warm caches (the association profile, templates)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), len(queries)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    settings.DEBUG = False
    print(f"database: {connection.vendor}; people: {count:,}")
    call_command("migrate", verbosity=0)  # loads the territory and its councils
    if Person.objects.exists():
        sys.exit("The database already holds people: run the benchmark on a scratch database.")
    folder = tempfile.mkdtemp(prefix="members-bench-")
    started = time.perf_counter()
    path = make_file(count, folder)
    print(f"generated {path.name} in {time.perf_counter() - started:.1f} s")

    load_before = load_average()
    started = time.perf_counter()
    dataset = read_dataset(path)
    result = PersonPrivateResource().import_data(
        dataset, dry_run=False, use_transactions=True, rollback_on_validation_errors=True
    )
    elapsed = time.perf_counter() - started
    assert not result.has_errors() and not result.has_validation_errors(), "the import failed"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does soon after a large import
    reset_queries()
    print(
        f"import: {count:,} rows in {elapsed:.1f} s = {count / elapsed:,.0f} rows/s (target ≥ 1,000); "
        f"peak memory {peak_memory_mb():,.0f} MB (target < 1,024); "
        f"load average {load_before} before, {load_average()} after on {os.cpu_count()} CPUs"
    )

    client = Client()
    # A staff member of the secretariat (superusers need a second factor for the admin).
    from django.contrib.auth.models import Permission

    admin = get_user_model().objects.create_user(
        "bench-staff", "bench@example.org", "bench-password-0", is_staff=True
    )
    admin.user_permissions.set(Permission.objects.filter(content_type__app_label="members"))
    staff = Client()
    staff.force_login(admin)
    last_page = max(1, -(-count // 50))
    rows = [
        ("directory", client, "/ar/members/"),
        (f"directory, page {last_page}", client, f"/ar/members/?page={last_page}"),
        ("directory search", client, "/ar/members/?q=منتخب 4999"),
        ("directory by level", client, "/fr/members/?level=communal"),
        ("admin people", staff, "/ar/admin/members/person/"),
        ("admin people search", staff, "/ar/admin/members/person/?q=منتخب 4999"),
        ("admin memberships, unpaid", staff, "/ar/admin/members/membership/?unpaid=2025"),
    ]
    print(f"{'page':32} {'median ms':>10} {'queries':>8}")
    for label, who, url in rows:
        try:
            median, queries = timed_get(who, url)
        except AssertionError as error:  # e.g. an admin that insists on two-factor setup
            print(f"{label:32} {'failed':>10} {error}")
            continue
        print(f"{label:32} {median:10.1f} {queries:8d}")
    print(f"councils: {Council.objects.count():,}; people now: {Person.objects.count():,}")


if __name__ == "__main__":
    main()
