"""Browser harness: Playwright drives Debian's Chromium against ``live_server``.

Other apps' end-to-end tests use the ``page`` fixture (pytest-playwright) with the launch
options below, ``live_server`` and ``axe_check``. Without /usr/bin/chromium (``make browser``
installs it) these tests are skipped, never faked; CI installs it.
"""

import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed (make browser)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "ar-MA", "timezone_id": "Africa/Casablanca"}


@pytest.fixture
def axe_check():
    """Run axe-core (WCAG 2.1 A and AA) on the page and fail with the violations listed."""
    axe = Axe()

    def check(page):
        results = axe.run(
            page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
        )
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check
