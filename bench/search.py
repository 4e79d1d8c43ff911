"""Search server time at a national association's size (issue 21, point 5; not a test).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench python bench/search.py [--rounds 3]

Run on a database filled by ``bench/generate.py`` (50,000 people, 5,000 press items, 5,000
events…). Each query of the relevance suite (tests/search/test_relevance.py, about 120 queries
typed as readers type them, ar and fr) plus queries that hit the generated rows ("بلاغ", "منتخب
4999", "Élu") is asked of the results page through Django's test client, page cache off: one cold
round (every per-version figure, IDF and vocabulary, computed again), then ``--rounds`` warm ones.
Prints the median, 95th percentile and slowest server time per round kind, and writes the
figures to ``bench/results/search-<timestamp>.json``. Targets: p95 ≤ 100 ms on PostgreSQL,
≤ 300 ms on SQLite (warm).
"""

import argparse
import json
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")

TARGET_P95_MS = {"postgresql": 100.0, "sqlite": 300.0}
GENERATED_QUERIES = ["بلاغ", "بلاغ رقم 4242", "منتخب 4999", "منتخبة", "Élu 17", "communiqué", "اجتماع"]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed_round(client, queries):
    times = []
    for query, language in queries:
        started = time.perf_counter()
        response = client.get(f"/{language}/search/", {"q": query})
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            sys.exit(f"{query!r}: HTTP {response.status_code}")
    return times


def summary(times):
    return {
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
        "requests": len(times),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="warm rounds over every query")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment

    from members.models import Person
    from press.models import PressRelease
    from tests.search.test_relevance import CASES

    setup_test_environment()
    queries = [(query, "fr" if query.isascii() else "ar") for query, _expected in CASES]
    queries += [(query, "fr" if query.isascii() else "ar") for query in GENERATED_QUERIES]
    client = Client()
    load_before = os.getloadavg()
    with override_settings(PAGE_CACHE=False, DEBUG=False):
        cache.clear()
        cold = timed_round(client, queries)
        warm = [ms for _round in range(args.rounds) for ms in timed_round(client, queries)]
    result = {
        "database": connection.vendor,
        "people": Person.objects.count(),
        "press": PressRelease.objects.count(),
        "queries": len(queries),
        "cold": summary(cold),
        "warm": summary(warm),
        "load_average": {"before": load_before, "after": os.getloadavg()},
    }
    target = TARGET_P95_MS.get(connection.vendor)
    print(
        f"{connection.vendor}: {result['people']} people, {result['press']} press items, {len(queries)} queries"
    )
    for kind in ("cold", "warm"):
        figures = result[kind]
        print(
            f"  {kind:5} median {figures['median_ms']:7.1f} ms   p95 {figures['p95_ms']:7.1f} ms"
            f"   max {figures['max_ms']:7.1f} ms   ({figures['requests']} requests)"
        )
    print(f"  load average before {load_before[0]:.1f}, after {result['load_average']['after'][0]:.1f}")
    if target:
        verdict = "met" if result["warm"]["p95_ms"] <= target else "MISSED"
        print(f"  target: warm p95 ≤ {target:.0f} ms: {verdict}")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"search-{datetime.now(UTC):%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"  written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
