"""Lighthouse (mobile) scores of the portal's main pages: ``make lighthouse``.

Usage: python bench/lighthouse.py http://127.0.0.1:8000
Runs the Lighthouse CLI from node_modules in Debian's Chromium, prints one row per page and
writes the scores to bench/results/lighthouse-<time>.json. Targets (issue: acceptance):
accessibility 100, SEO 100, best practices at least 95, performance at least 95.
"""

import datetime
import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}


def pages(base):
    """Home, press list, the latest press release, calendar and bureau, in Arabic."""
    urls = [f"{base}/ar/", f"{base}/ar/press/", f"{base}/ar/events/", f"{base}/ar/bureau/"]
    press_list = urllib.request.urlopen(f"{base}/ar/press/").read().decode()
    detail = re.search(r'href="(/ar/press/(?!feed)[^"/?]+/)"', press_list)
    if detail:
        urls.insert(2, base + detail.group(1))
    return urls


def score(url, attempts=2):
    """The page's scores; a run whose trace Chromium failed to record (Lighthouse's own
    ``NO_NAVSTART``/``NO_FCP`` runtime errors, seen now and then headless) is tried once more."""
    for attempt in range(1, attempts + 1):
        result = _lighthouse(url)
        if result.returncode == 0:
            break
        if attempt == attempts or "Runtime error encountered" not in result.stderr:
            raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def _lighthouse(url):
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    return subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def main(base):
    rows = {unquote(url): score(url) for url in pages(base.rstrip("/"))}
    width = max(len(url) for url in rows)
    print(f"{'page':<{width}}  " + "  ".join(f"{c:>14}" for c in CATEGORIES))
    misses = []
    for url, scores in rows.items():
        print(f"{url:<{width}}  " + "  ".join(f"{scores[c]:>14}" for c in CATEGORIES))
        misses += [f"{url} {c} {scores[c]} < {TARGETS[c]}" for c in CATEGORIES if scores[c] < TARGETS[c]]
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    (out / f"lighthouse-{stamp}.json").write_text(json.dumps({"pages": rows, "misses": misses}, indent=2))
    print("\n" + ("Targets missed:\n  " + "\n  ".join(misses) if misses else "Every target met."))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
