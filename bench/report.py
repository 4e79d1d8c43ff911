"""Measure the portal's pages on a database filled by bench/generate.py (not a test).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench REDIS_URL=redis://127.0.0.1:6379/9 \\
        python bench/report.py [--requests 30] [--duration 4] [--pages "members directory,search results"]
        [--no-load]

One row per page: SQL queries; median and 95th percentile server time in process (Django test
client, page cache off); then throughput and latency percentiles through gunicorn (2 workers)
under a bounded loopback load with ``wrk`` (2 threads, 8 connections, ``--duration`` seconds per
page), uncached (PAGE_CACHE=false) and cached (PAGE_CACHE=true, needs REDIS_URL). Admin pages are
measured signed in (never cached). Printed as a table and written as JSON to
``bench/results/<timestamp>.json``; the targets of issue 8 are checked and misses listed.
"""

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ["PORTAL_SUPERUSER_2FA"] = "false"

TARGETS = {
    "public_queries": 10,
    "public_median_ms": 15.0,
    "admin_or_search_median_ms": 150.0,
    "cached_rps": 1_000.0,
}
PORT = int(os.environ.get("BENCH_PORT", "8097"))


def pages():
    """(label, url, kind) for every measured page.

    The kind says which targets of issue 8 apply: ``public`` pages (at most 10 queries, a median
    of 15 ms, 1,000 cached requests a second); a ``form`` (the same, but never cached: it sets
    a CSRF cookie); a ``search`` or an ``admin`` page (150 ms); a ``feed`` or sitemap, a document
    for machines (10 queries; its time is reported, with no target: the page cache keeps it).
    """
    from django.utils import timezone

    from events.models import Event
    from press.models import PressRelease

    item = PressRelease.objects.published().first()
    event = Event.objects.filter(visibility=Event.Visibility.PUBLIC, start_date__isnull=False).order_by(
        "-start_date"
    )
    event = event.filter(start_date__lte=timezone.localdate()).first()
    month = timezone.localdate()
    from bureau.models import Mandate

    mandate = Mandate.objects.current()
    return [
        ("home", "/ar/", "public"),
        ("press list", "/ar/press/", "public"),
        ("press detail", f"/ar/press/{item.slug}/", "public"),
        ("calendar month", f"/ar/events/{month.year}/{month.month}/", "public"),
        ("event", f"/ar/events/event/{event.pk}/", "public"),
        ("bureau", "/ar/bureau/", "public"),
        ("committees", "/ar/bureau/committees/", "public"),
        ("members directory", "/ar/members/", "public"),
        ("members search", "/ar/members/?q=%D9%85%D9%86%D8%AA%D8%AE%D8%A8+4999", "search"),
        ("training catalogue", "/ar/training/", "public"),
        ("agenda", "/ar/events/agenda/", "public"),
        ("past activities", "/ar/events/agenda/past/?page=2", "public"),
        ("membership form", "/ar/members/apply/", "form"),
        ("search results", "/ar/search/?q=%D8%A8%D9%84%D8%A7%D8%BA", "search"),
        ("calendar feed", "/ar/events/calendar.ics", "feed"),
        ("sitemap index", "/sitemap.xml", "feed"),
        ("sitemap page", "/sitemap-press.xml?p=2", "feed"),
        ("admin people", "/ar/admin/members/person/", "admin"),
        ("admin events", "/ar/admin/events/event/", "admin"),
        # The secretariat's roster page (issue 19: ≤ 150 ms, ≤ 60 KB, people picked by autocomplete).
        ("admin mandate", f"/ar/admin/bureau/mandate/{mandate.pk}/change/", "admin"),
    ]


def staff_user():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user, _created = get_user_model().objects.get_or_create(
        username="bench-staff", defaults={"email": "bench@example.org", "is_staff": True}
    )
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["members", "events", "bureau"], codename__startswith="view_"
        )
        | Permission.objects.filter(
            content_type__app_label__in=["members", "events", "bureau"], codename__startswith="change_"
        )
    )
    return user


class QueryCounter(list):
    """A database execute wrapper that records every statement (whatever DEBUG says)."""

    def __call__(self, execute, sql, params, many, context):
        self.append(sql)
        return execute(sql, params, many, context)


def in_process(rows, requests):
    from django.db import connection
    from django.test import Client, override_settings

    anonymous, staff = Client(), Client()
    staff.force_login(staff_user())
    results = {}
    with override_settings(PAGE_CACHE=False, DEBUG=False):
        for label, url, kind in rows:
            client = staff if kind == "admin" else anonymous
            for _ in range(2):  # warm: templates, the association profile, connections
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)
            times = []
            for _ in range(requests):
                started = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            queries = QueryCounter()
            with connection.execute_wrapper(queries):
                response = client.get(url)
            html_bytes = len(response.content)
            times.sort()
            cached_ms = None
            if kind != "admin":
                with override_settings(PAGE_CACHE=True):
                    client.get(url)
                    client.get(url)
                    hits = []
                    for _ in range(requests):
                        started = time.perf_counter()
                        response = client.get(url)
                        hits.append((time.perf_counter() - started) * 1000)
                    if response.get("X-Page-Cache") == "hit":
                        cached_ms = round(statistics.median(hits), 2)
            results[label] = {
                "cached_median_ms": cached_ms,
                "url": url,
                "kind": kind,
                "queries": len(queries),
                "html_bytes": html_bytes,
                "median_ms": round(statistics.median(times), 1),
                "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
            }
    return results, staff.cookies.get("sessionid").value


def _wait(url):
    for _ in range(200):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return round(float(number) * _UNITS[unit], 2)


def wrk(url, duration, cookie=None):
    command = ["wrk", "-t2", "-c8", f"-d{duration}s", "--timeout", "10s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: sessionid={cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for percentile in ("50", "90", "99"):
        match = re.search(rf"^\s+{percentile}%\s+(\S+)", output, re.MULTILINE)
        result[f"p{percentile}_ms"] = _ms(match.group(1)) if match else None
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["errors"] = int(errors.group(1)) if errors else 0
    return result


def through_gunicorn(rows, cached, duration, cookie):
    env = {**os.environ, "PAGE_CACHE": "true" if cached else "false", "DEBUG": "false"}
    with socket.socket() as sock:
        if sock.connect_ex(("127.0.0.1", PORT)) == 0:
            raise RuntimeError(f"port {PORT} is busy (BENCH_PORT=... to choose another)")
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    results = {}
    try:
        base = f"http://127.0.0.1:{PORT}"
        _wait(base + "/health/")
        for label, url, kind in rows:
            if cached and kind in ("admin", "form"):
                continue  # signed-in pages and forms are never cached
            if kind != "admin":
                for _ in range(3):  # fill the cache and warm both workers
                    urllib.request.urlopen(base + url, timeout=30).read()
            results[label] = wrk(base + url, duration, cookie if kind == "admin" else None)
    finally:
        server.terminate()
        server.wait(timeout=20)
    return results


def check(rows, measured):
    misses = []
    for label, _url, kind in rows:
        row = measured[label]
        if kind != "admin" and row["queries"] > TARGETS["public_queries"]:
            misses.append(f"{label}: {row['queries']} queries (target ≤ {TARGETS['public_queries']})")
        limit = {
            "public": TARGETS["public_median_ms"],
            "form": TARGETS["public_median_ms"],
            "search": TARGETS["admin_or_search_median_ms"],
            "admin": TARGETS["admin_or_search_median_ms"],
        }.get(kind)
        if limit is not None and row["median_ms"] > limit:
            misses.append(
                f"{label}: median {row['median_ms']} ms uncached in process (target ≤ {limit:g} ms)"
            )
        cached = row.get("cached")
        if kind not in ("admin", "form") and cached and cached["rps"] < TARGETS["cached_rps"]:
            misses.append(f"{label}: {cached['rps']:.0f} req/s cached (target ≥ {TARGETS['cached_rps']:.0f})")
    return misses


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page in process")
    parser.add_argument("--duration", type=int, default=4, help="seconds of wrk load per page")
    parser.add_argument(
        "--pages",
        default="",
        help="comma-separated labels of the pages to measure (default: all), e.g. 'home,press list'",
    )
    parser.add_argument(
        "--no-load", action="store_true", help="in process only: no gunicorn and wrk measurements"
    )
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.db import connection

    from members.models import Person

    rows = pages()
    if args.pages:
        wanted = [label.strip() for label in args.pages.split(",") if label.strip()]
        unknown = sorted(set(wanted) - {label for label, _url, _kind in rows})
        if unknown:
            parser.error(f"unknown pages: {', '.join(unknown)} (known: {', '.join(r[0] for r in rows)})")
        rows = [row for row in rows if row[0] in wanted]
    started = time.perf_counter()
    load_before = os.getloadavg()
    measured, cookie = in_process(rows, args.requests)
    connection.close()
    have_wrk = shutil.which("wrk") is not None
    if args.no_load:
        pass
    elif not have_wrk:
        print("wrk is not installed (apt-get install wrk): no load measurements")
    else:
        for label, result in through_gunicorn(rows, False, args.duration, cookie).items():
            measured[label]["uncached"] = result
        if os.environ.get("REDIS_URL"):
            for label, result in through_gunicorn(rows, True, args.duration, cookie).items():
                measured[label]["cached"] = result
        else:
            print("REDIS_URL is not set: no cached measurements (the page cache needs a shared cache)")

    header = (
        f"{'page':<20} {'queries':>7} {'median':>7} {'p95':>7} {'cached':>6} | "
        f"{'req/s':>7} {'p50':>6} {'p99':>7} | {'req/s':>7} {'p50':>6} {'p99':>6}"
    )
    print(
        f"\n{'':<20} {'in process, uncached (ms)':>23} | {'gunicorn uncached':>22} | {'gunicorn cached':>21}"
    )
    print(header)
    print("-" * len(header))
    for label, _url, _kind in rows:
        row = measured[label]
        uncached, cached = row.get("uncached") or {}, row.get("cached") or {}

        def cell(result, key, width, fmt):
            value = result.get(key)
            return f"{value:{width}{fmt}}" if value is not None else f"{'-':>{width}}"

        print(
            f"{label:<20} {row['queries']:>7} {row['median_ms']:>7.1f} {row['p95_ms']:>7.1f} "
            f"{cell(row, 'cached_median_ms', 6, '.1f')} | "
            f"{cell(uncached, 'rps', 7, '.0f')} {cell(uncached, 'p50_ms', 6, '.1f')} "
            f"{cell(uncached, 'p99_ms', 7, '.1f')} | "
            f"{cell(cached, 'rps', 7, '.0f')} {cell(cached, 'p50_ms', 6, '.1f')} {cell(cached, 'p99_ms', 6, '.1f')}"
        )
    print(
        "HTML of one response (bytes): "
        + ", ".join(f"{label} {measured[label]['html_bytes']:,}" for label, _u, _k in rows)
    )
    load_after = os.getloadavg()
    print(
        f"load average (1 min) {load_before[0]:.1f} before, {load_after[0]:.1f} after, on {os.cpu_count()} CPUs"
        + (
            "  -- the machine was busy: timings are inflated"
            if max(load_before[0], load_after[0]) > os.cpu_count()
            else ""
        )
    )
    misses = check(rows, measured)
    print("\nTargets (issue 8):", "all met" if not misses else f"{len(misses)} missed")
    for miss in misses:
        print(f"  MISSED {miss}")

    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "people": Person.objects.count(),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": sys.platform,
            "load_average_before": load_before,
            "load_average_after": load_after,
        },
        "targets": TARGETS,
        "pages": measured,
        "misses": misses,
        "seconds": round(time.perf_counter() - started, 1),
    }
    folder = ROOT / "bench" / "results"
    folder.mkdir(exist_ok=True)
    path = folder / f"{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2))
    print(f"\nwritten to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
