"""Screenshot every public page in each language at phone and desktop widths, for review.

Usage: python bench/screenshots.py BASE_URL OUT_DIR [path ...]  (``make screenshots`` runs it
against a local server with the demo content).
"""

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PATHS = ["", "about/", "partners/", "documents/", "contact/"]
WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}


def main():
    base, out, *paths = sys.argv[1:]
    paths = paths or PATHS
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
                    name = (path.strip("/").replace("/", "_") or "home") + f"-{language}-{label}.png"
                    page.screenshot(path=out / name, full_page=True)
                    print(out / name)
                page.close()
        browser.close()


if __name__ == "__main__":
    main()
