"""Screenshot every public page in each language at phone and desktop widths, for review.

Usage: python bench/screenshots.py BASE_URL OUT_DIR [path ...]  (``make screenshots`` runs it
against a local server with the demo content).
"""

import re
import shutil
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

EXTRA = ["search/?q=الأقاليم", "members/apply/", "members/login/", "no-such-page/"]


def site_paths(base):
    """Every kind of public page: one address per shape found in the sitemap, plus forms."""
    index = urllib.request.urlopen(f"{base}/sitemap.xml").read().decode()
    sitemap = "".join(  # the index lists the sections' pages
        urllib.request.urlopen(base + urlsplit(loc)._replace(scheme="", netloc="").geturl()).read().decode()
        for loc in re.findall(r"<loc>([^<]+)</loc>", index)
    )
    shapes, paths = set(), []
    for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        path = urlsplit(loc).path
        if not path.startswith("/ar/"):
            continue
        shape = re.sub(r"\d+", "N", re.sub(r"/[^/]+/$", "/X/", path))
        if shape not in shapes:
            shapes.add(shape)
            paths.append(path[len("/ar/") :])
    return paths + EXTRA


WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}


def main():
    base, out, *paths = sys.argv[1:]
    paths = paths or site_paths(base)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        for language in ("ar", "fr"):
            for label, (width, height) in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                for path in paths:
                    page.goto(f"{base}/{language}/{path}")
                    slug = re.sub(r"[^\w-]+", "_", path.strip("/"))[:60] or "home"
                    name = f"{slug}-{language}-{label}.png"
                    page.screenshot(path=out / name, full_page=True)
                    print(out / name)
                page.close()
        browser.close()


if __name__ == "__main__":
    main()
