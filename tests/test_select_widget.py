"""``FastSelect`` writes what Django's own ``Select`` writes, from one template loop.

Django's ``select.html`` includes ``select_option.html`` once per option: for the membership
form's 1,590 councils that was most of the page's time (issue 8). The portal's template inlines
the option; the HTML must stay Django's, escaping included.
"""

import re

from django import forms

from portal.widgets import FastSelect

CHOICES = [
    ("", "---------"),
    ("Région <1> & co", [(1, "Rabat & Salé"), (2, 'Fès "Meknès"')]),
    ("جهة", [(3, "جماعة الرباط"), ("<x>", "<script>alert(1)</script>")]),
    (4, "Sans région"),
]


def collapse(html):
    return re.sub(r"\s+", " ", str(html)).replace("> <", "><").strip()


def test_the_same_html_as_djangos_select():
    attrs = {"id": "id_council", "required": True, "disabled": False, "data-x": 'a"b'}
    for value in (None, "", "2", "<x>", 4):
        ours = FastSelect(choices=CHOICES).render("council", value, attrs)
        django = forms.Select(choices=CHOICES).render("council", value, attrs)
        assert collapse(ours) == collapse(django), value
    assert '<option value="2" selected>Fès &quot;Meknès&quot;</option>' in collapse(
        FastSelect(choices=CHOICES).render("council", "2")
    )


def test_no_template_per_option():
    """One template for the whole list, whatever its length."""
    from django.test.signals import template_rendered

    rendered = []

    def record(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(record)
    try:
        FastSelect(choices=[(n, f"option {n}") for n in range(500)]).render("many", None)
    finally:
        template_rendered.disconnect(record)
    assert "django/forms/widgets/select_option.html" not in rendered
    assert len(rendered) <= 3
