"""Page weight of the main public pages, first and repeat visit: ``make weight``.

Usage: python bench/page_weight.py http://127.0.0.1:8000 [path ...]
Loads each page (home, press list, calendar, in Arabic by default) in Debian's Chromium through
Playwright, in a fresh browser context (empty cache), and sums the bytes transferred over the
network as Chromium counts them (compressed bodies plus headers, from the DevTools protocol).
Then visits the same page again in the same context, as a returning visitor following a link,
and lists what still went to the network: with hashed static files cached for a year
(WhiteNoise, ``immutable``) that is the HTML only. Serve the portal as in production
(``DEBUG=false``, ``collectstatic``, gunicorn) or the static files are neither hashed nor
compressed nor cached. Target (issues 8 and 22): home page first visit under 200 KB with the logo
and images, repeat visit only the HTML.
"""

import shutil
import sys
from dataclasses import dataclass, field

from playwright.sync_api import sync_playwright

PAGES = ["/ar/", "/ar/press/", "/ar/events/"]
FIRST_VISIT_BUDGET = 200 * 1024
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Visit:
    """What one page load fetched from the network (cache hits are left out)."""

    transferred: int = 0
    fetched: list = field(default_factory=list)  # (url, bytes, resource type)
    from_cache: list = field(default_factory=list)

    @property
    def requests(self):
        return len(self.fetched)


def record(page, url):
    """Load ``url`` in ``page`` and return the Visit, measured through the DevTools protocol."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    seen, cached = {}, set()

    def on_response(event):
        response = event["response"]
        seen[event["requestId"]] = {"url": response["url"], "type": event.get("type", ""), "bytes": 0}
        if (
            response.get("fromDiskCache")
            or response.get("fromPrefetchCache")
            or response.get("fromServiceWorker")
        ):
            cached.add(event["requestId"])

    def on_finished(event):
        if event["requestId"] in seen:
            seen[event["requestId"]]["bytes"] = int(event["encodedDataLength"])

    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.requestServedFromCache", lambda event: cached.add(event["requestId"]))
    cdp.on("Network.loadingFinished", on_finished)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    cdp.detach()
    visit = Visit()
    for request_id, item in seen.items():
        if item["url"].startswith("data:"):
            continue
        if request_id in cached:
            visit.from_cache.append(item["url"])
        else:
            visit.fetched.append((item["url"], item["bytes"], item["type"]))
            visit.transferred += item["bytes"]
    return visit


def measure(base, paths=PAGES, executable_path=None):
    """{path: (first Visit, repeat Visit)}; each page in its own fresh context (empty cache)."""
    results = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=executable_path or shutil.which("chromium") or "/usr/bin/chromium",
            args=CHROMIUM_ARGS,
        )
        for path in paths:
            context = browser.new_context(locale="ar-MA", viewport={"width": 390, "height": 844})
            page = context.new_page()
            first = record(page, base + path)
            # A returning visitor: a new navigation to the page (not a reload, which revalidates).
            page.goto("about:blank")
            repeat = record(page, base + path)
            results[path] = (first, repeat)
            context.close()
        browser.close()
    return results


def main(base, paths):
    results = measure(base.rstrip("/"), paths or PAGES)
    misses = []
    for path, (first, repeat) in results.items():
        print(f"\n{path}  first visit: {first.transferred / 1024:.1f} KB in {first.requests} requests")
        for url, size, kind in sorted(first.fetched, key=lambda item: -item[1]):
            print(f"  {size / 1024:8.1f} KB  {kind:<10} {url.removeprefix(base.rstrip('/'))}")
        print(
            f"{path}  repeat visit: {repeat.transferred / 1024:.1f} KB in {repeat.requests} request(s) "
            f"to the network, {len(repeat.from_cache)} from the cache"
        )
        for url, size, kind in repeat.fetched:
            print(f"  {size / 1024:8.1f} KB  {kind:<10} {url.removeprefix(base.rstrip('/'))}")
        if first.transferred >= FIRST_VISIT_BUDGET:
            misses.append(
                f"{path} first visit {first.transferred / 1024:.1f} KB >= {FIRST_VISIT_BUDGET // 1024} KB"
            )
        if [kind for _url, _size, kind in repeat.fetched] != ["Document"]:
            misses.append(f"{path} repeat visit fetched {repeat.requests} resources, not only the HTML")
    print("\n" + ("Targets missed:\n  " + "\n  ".join(misses) if misses else "Every target met."))
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000", sys.argv[2:]))
