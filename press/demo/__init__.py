"""Demo press releases and news, read from ``<association>.yaml`` beside this file.

The items are transcribed from ``shared/seeds`` (the real Arabic texts):

* ``000_...``: the founding press release of the Tangier-Tetouan association
  (``tanger-tetouan.yaml``);
* ``001_...`` (the Azemmour foundation), ``002_...`` (the AMPCP news of 2021-2022),
  ``003_...`` (Tangier consultative meeting) and ``004_...`` (Sefrou network meeting):
  ``ampcp.yaml``.

Origin: ``001_...``, ``003_...`` and ``004_...`` are other organisations' news (the Azemmour
foundation, the open collectivities network joined by the Tangier commune, the participatory
governance network), so they are relayed from those organisations (``members/demo``), never
shown as the AMPCP's own; ``004_...`` states its own publication date (04/04/2016).

Publication dates: the sources give no separate publication dates, so each item is dated with
the event date its text states (the first day of a range: 24-25 October 2022 → 24 October; the
DG meeting at 10:00 and the Awrach meeting at 15:30 on 15 March 2022, as the texts say). Only
``004_...`` states a publication date (04/04/2016), which is used. The texts of ``000_...``,
``001_...``, ``003_...`` and of the Sidi Ifni meeting in ``002_...`` state no date: those items
are published without one (never an invented date) and come last in lists.

Bodies are the source paragraphs, unchanged apart from layout (paragraphs, lists, headings) and
two scraping artefacts in ``004_...`` (a photo caption glued to a sentence, a "day 2" heading);
passages duplicated in ``002_...`` (the Paris title, the general assembly) appear once. The
action programme table of ``002_...`` belongs to the events app. French: translated titles and
summaries; the French body falls back to the Arabic text. Titles are the sources' own, except
``000_...`` whose only heading is "بلاغ".

Each item names the calendar's events it reports (``events:``, by Arabic title), so the item
and the event link to each other; the press is loaded after the calendar for that. The Sidi
Ifni meeting and the Azemmour foundation's assembly have no event: their texts give no date.
"""

from events.models import Event
from members.models import Organisation
from portal.demodata import read, upsert
from portal.richtext import sanitize_html
from press.models import Category, PressRelease, unicode_slug


def _categories(records):
    categories = {}
    for order, record in enumerate(records, start=1):
        name_ar, name_fr = record.text("name")
        slug = record.string("slug")
        record.done()
        categories[slug] = upsert(
            Category, {"slug": slug}, {"name_ar": name_ar, "name_fr": name_fr, "order": order}
        )
    return categories


def _item(record, categories):
    title_ar, title_fr = record.text("title")
    record.string("source")  # which seed the text comes from: for the reader of the file
    source = None
    if name := record.string("relayed_from", None):
        source = Organisation.objects.filter(name_ar=name).first()
        if source is None:
            record.fail(
                "relayed_from", "expected the Arabic name of an organisation of the members demo", name
            )
    values = {
        "source_organisation": source,
        "source_published_on": record.date("original_date", None),
        "kind": record.choice("kind", PressRelease.Kind.values),
        "category": categories[record.choice("category", list(categories))],
        "status": PressRelease.Status.PUBLISHED,
        "publish_at": record.moment("published"),
        "title_ar": title_ar,
        "title_fr": title_fr,
        "summary_fr": record.text("summary")[1],
        "body_ar": sanitize_html(record.text("body")[0]),
    }
    events = [_event(record, title) for title in record.strings("events", [])]
    record.done()
    item = upsert(PressRelease, {"slug": unicode_slug(title_ar)}, values)
    item.related_events.set(events)


def _event(record, title):
    """The calendar's event of that Arabic title (loaded before the press: ``load_demo``)."""
    found = list(Event.objects.filter(title_ar=title)[:2])
    if len(found) != 1:
        record.fail("events", "expected the Arabic title of exactly one event of the calendar", title)
    return found[0]


def load(key="ampcp"):
    data = read(__file__, key)
    categories = _categories(data.records("categories"))
    items = data.records("items")
    for record in items:
        _item(record, categories)
    data.done()
    return len(items)
