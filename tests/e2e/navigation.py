"""Helpers for moving through the site as a visitor does."""


def main_menu_link(page, href):
    """The main menu's link to ``href``, the menu unfolded first when it is folded (phones).

    Unfolding shows text in other weights: the wait lets their fonts arrive, so that following
    the link does not abort their requests (the tests count a failed request as a problem)."""
    toggle = page.locator(".main-nav__toggle")
    if toggle.is_visible() and not page.locator("[data-main-nav]").evaluate("menu => menu.open"):
        toggle.click()
        page.evaluate("document.fonts.ready.then(() => true)")
    return page.locator(f'.main-nav a[href="{href}"]')
