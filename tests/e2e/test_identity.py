"""The identity in a real browser (issue 22): home, bureau, press list and press item, in Arabic
and French, on a phone (390 px) and a desktop (1280 px).

On each: no sideways scrolling, the menu on one line at 1280 px, axe-core finds nothing, and
every focus ring that the keyboard shows reaches 3:1 against the colour behind it (WCAG 2.2
non-text contrast), measured from the computed styles, blending translucent backgrounds.
With ``PORTAL_SHOTS_DIR`` set, the pages are also saved there as screenshots for review.
"""

import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from portal.identity import contrast_ratio
from press.models import PressRelease

VIEWPORTS = {390: 844, 1280: 900}

# The focused element's outline, and the colour behind it: the ancestors' backgrounds from the
# first opaque one up to the nearest, blended (a ring drawn outside the element sits on them).
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const parse = (text) => {
    const m = text.match(/[\\d.]+/g) || [];
    const [r, g, b, a] = m.map(Number);
    return {r, g, b, a: (text.startsWith('rgba') || text.includes('/')) && a !== undefined ? a : 1};
  };
  const style = getComputedStyle(el);
  const layers = [];
  for (let node = el.parentElement; node; node = node.parentElement) {
    const bg = parse(getComputedStyle(node).backgroundColor);
    if (bg.a > 0) layers.push(bg);
    if (bg.a >= 1) break;
  }
  let colour = {r: 255, g: 255, b: 255};
  for (const layer of layers.reverse()) {
    colour = {
      r: layer.r * layer.a + colour.r * (1 - layer.a),
      g: layer.g * layer.a + colour.g * (1 - layer.a),
      b: layer.b * layer.a + colour.b * (1 - layer.a),
    };
  }
  const hex = (c) => '#' + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  return {
    what: el.tagName + ' ' + (el.textContent || '').trim().slice(0, 40),
    outline: hex(parse(style.outlineColor)),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    behind: hex(colour),
  };
}"""

LAYOUT = """() => {
  const items = [...document.querySelectorAll('.main-nav__list > li')]
    .filter((li) => li.offsetParent !== null)
    .map((li) => li.getBoundingClientRect());
  // A new line starts where an item's top is below the previous line's middle.
  let rows = items.length ? 1 : 0;
  let line = items[0];
  for (const box of items.slice(1)) {
    if (box.top > line.top + line.height / 2) { rows += 1; line = box; }
  }
  return {
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    menuRows: rows,
  };
}"""


@pytest.fixture
def demo_site(transactional_db, live_server):
    from tests.reference import restore_reference_data

    restore_reference_data()
    call_command("load_demo", verbosity=0)
    return live_server


def _pages(language):
    item = PressRelease.objects.published().first()
    with_language = item.get_absolute_url().split("/", 2)[2]
    return {
        "home": f"/{language}/",
        "bureau": f"/{language}/bureau/",
        "press-list": f"/{language}/press/",
        "press-item": f"/{language}/{with_language}",
    }


def _focus_rings(page, presses=40):
    """The focus rings of the first elements forwards and the last ones backwards (the footer)."""
    rings, seen = [], set()
    for key in ("Tab", "Shift+Tab"):
        page.evaluate("document.activeElement && document.activeElement.blur()")
        for _ in range(presses):
            page.keyboard.press(key)
            state = page.evaluate(FOCUS_STATE)
            if state is None or (state["what"], state["behind"]) in seen:
                continue
            seen.add((state["what"], state["behind"]))
            rings.append(state)
    return rings


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("width", sorted(VIEWPORTS))
def test_pages_fit_their_focus_rings_show_and_axe_finds_nothing(
    browser, demo_site, axe_check, language, width
):
    context = browser.new_context(
        locale="ar-MA", timezone_id="Africa/Casablanca", viewport={"width": width, "height": VIEWPORTS[width]}
    )
    page = context.new_page()
    shots = os.environ.get("PORTAL_SHOTS_DIR")
    for name, path in _pages(language).items():
        page.goto(demo_site.url + path)
        assert page.locator("html").get_attribute("lang") == language
        layout = page.evaluate(LAYOUT)
        assert layout["overflow"] <= 0, f"{path} at {width} px scrolls sideways by {layout['overflow']} px"
        if width >= 1280:
            assert layout["menuRows"] == 1, f"{path}: the menu wraps onto {layout['menuRows']} lines"
        axe_check(page)
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{shots}/{name}-{language}-{width}.png", full_page=True)
        rings = _focus_rings(page)
        assert len(rings) >= 8, rings
        assert any(ring["behind"] == "#ffffff" for ring in rings), rings  # the page
        assert len({ring["behind"] for ring in rings}) >= 3, rings  # the bars and the footer too
        for ring in rings:
            assert ring["outlineStyle"] != "none" and ring["outlineWidth"] >= 2, (path, ring)
            ratio = contrast_ratio(ring["outline"], ring["behind"])
            assert ratio >= 3, (
                f"{path}: focus ring {ring['outline']} on {ring['behind']} is {ratio:.2f}:1 ({ring['what']})"
            )
    context.close()


def test_forced_colours_mark_the_current_menu_item(browser, demo_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, forced_colors="active")
    page = context.new_page()
    page.goto(demo_site.url + "/fr/bureau/")
    current = page.locator('.main-nav__list a[aria-current="page"]')
    other = page.locator(".main-nav__list a:not([aria-current])").first
    style = (
        "(el) => { const s = getComputedStyle(el); return [s.backgroundColor, s.borderTopWidth, s.color]; }"
    )
    assert current.evaluate(style) != other.evaluate(style)
    assert re.match(r"[1-9]", current.evaluate(style)[1])  # a visible border, not only a colour
    context.close()


def test_reduced_motion_and_print_styles_apply(browser, demo_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(demo_site.url + "/ar/bureau/")
    assert page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
    page.emulate_media(media="print")
    visible = "(sel) => { const el = document.querySelector(sel); return !!el && getComputedStyle(el).display !== 'none'; }"
    assert page.evaluate(visible, ".site-header__inner")  # the letterhead
    assert not page.evaluate(visible, ".main-nav")
    assert not page.evaluate(visible, ".site-footer")
    context.close()
