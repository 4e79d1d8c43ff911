"""The secretariat's roster page: one page per mandate, replacement, reorder, warnings, history."""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from bureau.models import Mandate, OfficeWording, Seat
from portal import staticbundles
from tests.bureau.factories import CommitteeFactory, CommitteeSeatFactory, MandateFactory, SeatFactory
from tests.members.factories import PersonFactory


def _seat_row(seat, **changes):
    row = {
        "id": seat.pk,
        "mandate": seat.mandate_id,
        "office": seat.office,
        "rank": seat.rank or "",
        "person": seat.person_id,
        "council": seat.council_id or "",
        "start": seat.start.isoformat() if seat.start else "",
        "end": seat.end.isoformat() if seat.end else "",
        "order": seat.order,
        "replaced_on": "",
    }
    row.update(changes)
    return row


def _post_data(mandate, rows, new_rows=()):
    data = {
        "body": mandate.body,
        "assembly_date": mandate.assembly_date.isoformat() if mandate.assembly_date else "",
        "start": mandate.start.isoformat() if mandate.start else "",
        "end": mandate.end.isoformat() if mandate.end else "",
        "is_current": "on" if mandate.is_current else "",
        "note": mandate.note,
        "seats-TOTAL_FORMS": len(rows) + len(new_rows),
        "seats-INITIAL_FORMS": len(rows),
        "seats-MIN_NUM_FORMS": 0,
        "seats-MAX_NUM_FORMS": 1000,
        "committees-TOTAL_FORMS": 0,
        "committees-INITIAL_FORMS": 0,
        "committees-MIN_NUM_FORMS": 0,
        "committees-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate([*rows, *new_rows]):
        for key, value in row.items():
            if value is True:
                value = "on"
            if value is not False:
                data[f"seats-{index}-{key}"] = value
    return data


@pytest.fixture
def roster(db):
    mandate = MandateFactory()
    seats = [
        SeatFactory(mandate=mandate, office="president", person=PersonFactory(name_ar="عبد الله الجوط"), order=1),
        SeatFactory(mandate=mandate, office="vice_president", rank=1, person=PersonFactory(name_ar="مصطفى البكوري"),
                    order=2),
        SeatFactory(mandate=mandate, office="vice_president", rank=2,
                    person=PersonFactory(name_ar="فاطمة الزهراء الشاوي", gender="f"), order=3),
        SeatFactory(mandate=mandate, office="councillor", person=PersonFactory(name_ar="رضوان بودياب"), order=4),
    ]  # fmt: skip
    return mandate, seats


def _url(mandate):
    return reverse("admin:bureau_mandate_change", args=[mandate.pk])


@pytest.mark.django_db
def test_the_secretariat_sees_the_whole_roster_with_generated_titles(secretariat_client, roster):
    mandate, _seats = roster
    html = secretariat_client.get(_url(mandate)).content.decode()
    for text in ("عبد الله الجوط", "النائبة الثانية للرئيس", "2e vice-présidente", "seats-3-person"):
        assert text in html
    # Drag-and-drop: a sortable roster, and adminsortable2's script in the page's bundle.
    assert '<fieldset class="module sortable"' in html and "/static/bundles/roster-admin.js" in html
    assert "adminsortable2/js/adminsortable2.min.js" in staticbundles.sources("bundles/roster-admin.js")
    assert 'data-ajax--url="/ar/admin/autocomplete/"' in html
    CommitteeFactory(mandate=mandate, name_ar="لجنة الصحة")
    assert "لجنة الصحة" in secretariat_client.get(_url(mandate)).content.decode()


@pytest.mark.django_db
def test_person_autocomplete_matches_arabic_spelling_variants(secretariat_client, roster):
    PersonFactory(name_ar="اعتماد الزهيدي", name_fr="Itimad Zahidi")
    for term in ("إعتماد الزهيدى", "zahidi"):
        response = secretariat_client.get(
            "/ar/admin/autocomplete/",
            {"term": term, "app_label": "bureau", "model_name": "seat", "field_name": "person"},
        )
        assert [r["text"] for r in response.json()["results"]] == ["اعتماد الزهيدي"], term


@pytest.mark.django_db
def test_choosing_another_person_replaces_the_holder_and_keeps_both(secretariat_client, roster):
    mandate, seats = roster
    newcomer = PersonFactory(name_ar="فاطمة بودياب", gender="f")
    rows = [_seat_row(s) for s in seats[:3]] + [
        _seat_row(seats[3], person=newcomer.pk, replaced_on="2023-03-01")
    ]
    response = secretariat_client.post(_url(mandate), _post_data(mandate, rows))
    assert response.status_code == 302, response.content.decode()[:3000]
    old = Seat.objects.get(pk=seats[3].pk)
    assert old.person_id == seats[3].person_id and old.end == datetime.date(2023, 2, 28)
    new = mandate.seats.get(person=newcomer)
    assert (new.start, new.office, new.end) == (datetime.date(2023, 3, 1), "councillor", None)
    assert new.title("ar") == "مستشارة"


@pytest.mark.django_db
def test_a_correction_changes_the_person_without_a_replacement(secretariat_client, roster):
    mandate, seats = roster
    right = PersonFactory()
    rows = [_seat_row(s) for s in seats[:3]] + [_seat_row(seats[3], person=right.pk, correction=True)]
    assert secretariat_client.post(_url(mandate), _post_data(mandate, rows)).status_code == 302
    assert mandate.seats.count() == 4 and Seat.objects.get(pk=seats[3].pk).person == right


@pytest.mark.django_db
def test_a_replacement_before_the_seat_started_is_refused_and_nothing_is_lost(secretariat_client, roster):
    mandate, seats = roster
    Seat.objects.filter(pk=seats[3].pk).update(start=datetime.date(2024, 1, 1))
    seats[3].refresh_from_db()
    rows = [_seat_row(s) for s in seats[:3]] + [
        _seat_row(seats[3], person=PersonFactory().pk, replaced_on="2023-01-01")
    ]
    response = secretariat_client.post(_url(mandate), _post_data(mandate, rows))
    assert response.status_code == 200
    assert "2024-01-01" in response.content.decode()
    assert mandate.seats.count() == 4 and Seat.objects.get(pk=seats[3].pk).person_id == seats[3].person_id


@pytest.mark.django_db
def test_dragging_the_vice_presidents_swaps_their_ranks(secretariat_client, roster):
    mandate, seats = roster
    rows = [
        _seat_row(seats[0]),
        _seat_row(seats[1], order=3),
        _seat_row(seats[2], order=2),
        _seat_row(seats[3]),
    ]
    assert secretariat_client.post(_url(mandate), _post_data(mandate, rows)).status_code == 302
    ranks = dict(mandate.seats.values_list("person__name_ar", "rank"))
    assert ranks["فاطمة الزهراء الشاوي"] == 1 and ranks["مصطفى البكوري"] == 2
    html = secretariat_client.get("/ar/bureau/").content.decode()
    assert html.index("النائبة الأولى للرئيس") < html.index("النائب الثاني للرئيس")
    assert html.index("فاطمة الزهراء الشاوي") < html.index("مصطفى البكوري")


@pytest.mark.django_db
def test_messy_rosters_are_warned_before_saving_and_saved_once_acknowledged(secretariat_client, roster):
    mandate, seats = roster
    rows = [_seat_row(s) for s in seats]
    new = {
        "office": "vice_president",
        "rank": 2,
        "person": seats[1].person_id,
        "order": 5,
        "mandate": mandate.pk,
    }
    data = _post_data(mandate, rows, [new])
    response = secretariat_client.post(_url(mandate), data)
    assert response.status_code == 200 and mandate.seats.count() == 4  # nothing saved yet
    formset = next(
        i.formset for i in response.context["inline_admin_formsets"] if i.formset.prefix == "seats"
    )
    warnings = [str(w) for w in formset.roster_warnings]
    assert any("مصطفى البكوري" in w for w in warnings)  # two offices
    assert any("الرتبة 2" in w for w in warnings)  # duplicate rank
    html = response.content.decode()
    assert "قرأتُ هذه التنبيهات" in html and formset.warnings_token in html
    # The form kept what was typed: the new row is still there.
    assert html.count('name="seats-4-person"') == 1
    data["seats-acknowledged"] = formset.warnings_token
    response = secretariat_client.post(_url(mandate), data, follow=True)
    assert response.status_code == 200 and mandate.seats.count() == 5


@pytest.mark.django_db
def test_two_holders_of_a_single_holder_office_are_refused_by_the_form(secretariat_client, roster):
    mandate, seats = roster
    rows = [_seat_row(s) for s in seats]
    new = {"office": "president", "person": seats[3].person_id, "order": 5, "mandate": mandate.pk}
    response = secretariat_client.post(_url(mandate), _post_data(mandate, rows, [new]))
    assert response.status_code == 200 and mandate.seats.count() == 4
    assert "لا يمكن أن يشغل شخصان" in response.content.decode()


@pytest.mark.django_db
def test_two_single_holder_offices_swapped_in_one_save(secretariat_client, roster):
    mandate, seats = roster
    treasurer = SeatFactory(mandate=mandate, office="treasurer", order=5)
    rows = [_seat_row(s) for s in seats[1:]] + [
        _seat_row(seats[0], office="treasurer"),
        _seat_row(treasurer, office="president"),
    ]
    response = secretariat_client.post(_url(mandate), {**_post_data(mandate, rows), "seats-acknowledged": ""})
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.non_form_errors()
    seats[0].refresh_from_db()
    treasurer.refresh_from_db()
    assert (seats[0].office, treasurer.office, treasurer.end) == ("treasurer", "president", None)


@pytest.mark.django_db
def test_starting_a_new_mandate_from_the_current_one(secretariat_client, roster):
    mandate, _seats = roster
    url = reverse("admin:bureau_mandate_renew", args=[mandate.pk])
    assert "بدء ولاية جديدة" in secretariat_client.get(_url(mandate)).content.decode()
    bad = secretariat_client.post(
        url, {"assembly_date": "2020-01-01", "start": "2020-01-01", "copy_roster": "on"}
    )
    assert bad.status_code == 200 and Mandate.objects.count() == 1
    response = secretariat_client.post(
        url, {"assembly_date": "2025-02-01", "start": "2025-02-01", "copy_roster": "on"}
    )
    new = Mandate.objects.current()
    assert response.status_code == 302 and response.url == _url(new)
    assert new.seats.count() == 4 and not Mandate.objects.get(pk=mandate.pk).is_current


@pytest.mark.django_db
def test_wording_is_set_in_the_admin_and_changes_the_public_titles(secretariat_client, roster):
    add = reverse("admin:bureau_officewording_add")
    form = secretariat_client.get(add, {"office": "vice_president"}).content.decode()
    assert "النائب {ordinal} للرئيس" in form
    response = secretariat_client.post(
        add,
        {"office": "vice_president", "ar_male": "النائب {ordinal}", "ar_female": "النائبة {ordinal}",
         "fr_male": "{ordinal} vice-président", "fr_female": "{ordinal} vice-présidente"},
    )  # fmt: skip
    assert response.status_code == 302
    html = secretariat_client.get("/ar/bureau/").content.decode()
    assert "النائبة الثانية<" in html and "النائبة الثانية للرئيس" not in html
    bad = secretariat_client.post(
        reverse("admin:bureau_officewording_change", args=[OfficeWording.objects.get().pk]),
        {"office": "vice_president", "ar_male": "النائب", "ar_female": "النائبة {ordinal}",
         "fr_male": "{ordinal} vice-président", "fr_female": "{ordinal} vice-présidente"},
    )  # fmt: skip
    assert bad.status_code == 200 and OfficeWording.objects.get().ar_male == "النائب {ordinal}"


@pytest.mark.django_db
def test_a_second_current_mandate_is_refused_with_the_way_to_renew(secretariat_client, roster):
    mandate, _seats = roster
    response = secretariat_client.post(
        reverse("admin:bureau_mandate_add"),
        {**_post_data(Mandate(body="executive_bureau", start=timezone.localdate(), is_current=True, note=""), []),
         "seats-INITIAL_FORMS": 0},
    )  # fmt: skip
    assert response.status_code == 200
    assert "بدء ولاية جديدة" in response.content.decode()
    assert list(Mandate.objects.all()) == [mandate]


@pytest.mark.django_db
def test_title_preview_follows_office_rank_and_person_before_saving(secretariat_client, roster):
    url = reverse("admin:bureau_title_preview")
    woman = PersonFactory(gender="f")
    data = secretariat_client.get(url, {"office": "vice_president", "rank": "11", "person": woman.pk}).json()
    assert data == {"ar": "النائبة الحادية عشرة للرئيس", "fr": "11e vice-présidente"}
    committee = CommitteeFactory(mandate=roster[0], name_ar="لجنة الصحة", name_fr="commission de la santé")
    data = secretariat_client.get(
        url, {"role": "committee_chair", "person": woman.pk, "committee": committee.pk}
    ).json()
    assert data == {"ar": "رئيسة لجنة الصحة", "fr": "Présidente de la commission de la santé"}
    unranked = secretariat_client.get(url, {"office": "vice_president", "person": woman.pk}).json()
    assert unranked["ar"] == "نائب الرئيس"  # no rank yet: the office's name, as the roster shows it
    assert secretariat_client.get(url, {"office": "nonsense", "person": woman.pk}).json() == {
        "ar": "",
        "fr": "",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "junk",
    [{"person": "abc"}, {"person": "99999999999999999999"}, {"rank": "99999999999999999999"}, {"rank": "²"},
     {"rank": "40000"}, {"office": "committee_chair", "committee": "abc"}],
)  # fmt: skip
def test_title_preview_answers_junk_ids_and_ranks_without_a_500(secretariat_client, roster, junk):
    """The person and committee ids and the rank come from the address: "abc" broke the query,
    "²" passed str.isdigit() and broke int(); a rank past the column's range is no rank."""
    secretariat_client.raise_request_exception = False
    woman = PersonFactory(gender="f")
    query = {"office": "vice_president", "rank": "2", "person": woman.pk, **junk}
    response = secretariat_client.get(reverse("admin:bureau_title_preview"), query)
    assert response.status_code == 200
    if "rank" in junk:
        assert response.json()["ar"] == "نائب الرئيس"  # as with no rank
    else:
        assert response.json() == {"ar": "", "fr": ""}


@pytest.mark.django_db
def test_impossible_dates_get_a_clear_error_and_nothing_is_lost(secretariat_client, roster):
    mandate, seats = roster
    rows = [_seat_row(s) for s in seats[:3]] + [_seat_row(seats[3], start="2024-05-01", end="2024-01-01")]
    data = _post_data(mandate, rows)
    data["end"] = "2020-01-01"  # before the mandate's start
    response = secretariat_client.post(_url(mandate), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("لا يمكن أن يسبق تاريخ النهاية تاريخ البداية.") == 2
    mandate.refresh_from_db()
    assert mandate.end is None and Seat.objects.get(pk=seats[3].pk).end is None


@pytest.mark.django_db
def test_a_committee_without_a_chair_is_warned_before_saving(secretariat_client, roster):
    mandate, seats = roster
    committee = CommitteeFactory(mandate=mandate, name_ar="لجنة المالية", name_fr="commission des finances")
    url = reverse("admin:bureau_committee_change", args=[committee.pk])
    page = secretariat_client.get(url)
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    (inline,) = page.context["inline_admin_formsets"]
    prefix = inline.formset.prefix
    for name in inline.formset.management_form.fields:
        data[f"{prefix}-{name}"] = inline.formset.management_form[name].value()
    data.update({f"{prefix}-TOTAL_FORMS": 2, f"{prefix}-0-role": "committee_member",
                 f"{prefix}-0-person": seats[0].person_id, f"{prefix}-0-order": 1,
                 f"{prefix}-1-role": "committee_rapporteur", f"{prefix}-1-person": seats[1].person_id,
                 f"{prefix}-1-order": 2})  # fmt: skip
    response = secretariat_client.post(url, data)
    assert committee.seats.count() == 0  # warned before saving
    assert "ليس للجنة «لجنة المالية» رئيس." in response.content.decode()
    data[f"{prefix}-acknowledged"] = response.context["inline_admin_formsets"][0].formset.warnings_token
    response = secretariat_client.post(url, data, follow=True)
    assert response.status_code == 200 and committee.seats.count() == 2


def _committee_form_data(page):
    """What the committee's page posts back as it was opened (its fields and empty roster)."""
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["mandate"] = form["mandate"].value()
    (inline,) = page.context["inline_admin_formsets"]
    for name in inline.formset.management_form.fields:
        data[f"{inline.formset.prefix}-{name}"] = inline.formset.management_form[name].value()
    return data


@pytest.mark.django_db
def test_a_committees_names_are_edited_on_its_own_page(secretariat_client, roster):
    mandate, _seats = roster
    committee = CommitteeFactory(mandate=mandate, name_ar="لجنة المالية", name_fr="commission des finances")
    url = reverse("admin:bureau_committee_change", args=[committee.pk])
    page = secretariat_client.get(url)
    html = page.content.decode()
    assert 'name="name_ar" value="لجنة المالية"' in html and 'name="name_fr"' in html
    data = _committee_form_data(page)
    data.update(name_ar="لجنة المالية والميزانية", name_fr="commission des finances et du budget")
    assert secretariat_client.post(url, data).status_code == 302
    committee.refresh_from_db()
    assert (committee.name_ar, committee.name_fr) == (
        "لجنة المالية والميزانية",
        "commission des finances et du budget",
    )


@pytest.mark.django_db
def test_a_rename_saved_meanwhile_is_not_undone_by_a_page_opened_before(secretariat_client, roster):
    mandate, _seats = roster
    committee = CommitteeFactory(mandate=mandate, name_ar="لجنة المالية", name_fr="commission des finances")
    url = reverse("admin:bureau_committee_change", args=[committee.pk])
    first, second = (_committee_form_data(secretariat_client.get(url)) for _ in range(2))  # two secretaries
    first["name_ar"] = "لجنة المالية والميزانية"
    assert secretariat_client.post(url, first).status_code == 302
    second["mission_ar"] = "تتبع ميزانية الجمعية."
    response = secretariat_client.post(url, second)
    assert response.status_code == 200
    committee.refresh_from_db()
    assert committee.name_ar == "لجنة المالية والميزانية" and not committee.mission_ar  # nothing undone
    html = response.content.decode()
    assert "غيّر secretariat اسمَي هذه اللجنة أو مهمتها بعد فتح هذه الصفحة." in html
    conflict = html[html.index('id="roster-conflict-title"') :]
    assert "المحفوظ الآن في <bdi>الاسم (بالعربية)</bdi>: <bdi>لجنة المالية والميزانية</bdi>" in conflict
    assert "الاسم (بالفرنسية)" not in conflict.split("</section>")[0]  # unchanged: not listed
    assert "تتبع ميزانية الجمعية." in html  # what was typed is kept
    # Saving again, knowingly, applies the page as typed.
    form = response.context["adminform"].form
    data = {
        **second,
        "details_token": form["details_token"].value(),
        "roster_token": form["roster_token"].value(),
    }
    assert secretariat_client.post(url, data).status_code == 302
    committee.refresh_from_db()
    assert committee.mission_ar == "تتبع ميزانية الجمعية." and committee.name_ar == "لجنة المالية"


class _RosterRows(HTMLParser):
    """The page's column headers (by id, with their words), its inline rows' visible controls
    and each row's first cell's words, as the server wrote them (no script has run)."""

    def __init__(self):
        super().__init__()
        self.headers, self.controls, self.row_labels = {}, [], []
        self._header = self._row_label = None
        self._in_row = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "th" and attrs.get("id"):
            self._header = attrs["id"]
            self.headers[self._header] = ""
        elif tag == "tr":
            self._in_row = "form-row" in (attrs.get("class") or "") and "empty" not in attrs.get("id", "")
        elif tag == "td" and self._in_row and attrs.get("class") == "original":
            self._row_label = ""
        elif tag in {"select", "textarea", "input"} and self._in_row and attrs.get("type") != "hidden":
            self.controls.append(attrs)

    def handle_endtag(self, tag):
        if tag == "th":
            self._header = None
        elif tag == "tr":
            self._in_row = False
        elif tag == "td" and self._row_label is not None:
            self.row_labels.append(" ".join(self._row_label.split()))
            self._row_label = None

    def handle_data(self, data):
        if self._header:
            self.headers[self._header] += data
        if self._row_label is not None:
            self._row_label += data


def _rows(html):
    parser = _RosterRows()
    parser.feed(html)
    return parser


COLUMNS = {"office": "المهمة", "rank": "الرتبة", "person": "الشخص", "council": "المجلس الممثَّل",
           "start": "من", "end": "إلى", "DELETE": "حذف؟"}  # fmt: skip


@pytest.mark.django_db
def test_roster_rows_are_named_and_labelled_without_javascript(secretariat_client, roster):
    """Each row's label (its office and rank, and its holder) and each input's accessible name
    (its column's header) come from the server; the move buttons only come with the script."""
    mandate, _seats = roster
    CommitteeFactory(mandate=mandate, name_ar="لجنة المالية")
    html = secretariat_client.get(_url(mandate)).content.decode()
    page = _rows(html)
    assert page.row_labels[:3] == ["الرئيس – عبد الله الجوط", "النائب الأول للرئيس – مصطفى البكوري",
                                   "النائبة الثانية للرئيس – فاطمة الزهراء الشاوي"]  # fmt: skip
    assert page.row_labels[4].startswith("لجنة المالية")  # the committees' list
    assert len(page.controls) == 4 * 7 + 1  # seven inputs a seat, a committee's "delete"
    for control in page.controls:
        header = control.get("aria-labelledby")
        assert header in page.headers and page.headers[header].strip(), control["name"]
        column = control["name"].rsplit("-", 1)[1]
        if control["name"].startswith("seats-"):
            assert page.headers[header].strip() == COLUMNS[column], control["name"]
    assert page.headers["h-committees-DELETE"].strip() == "حذف؟"
    # Reordering by keyboard is the script's work: no button that would do nothing without it.
    assert "data-move" not in html and "inline-move" not in html
    # A row's order travels with its key, in its first cell, not in a hidden column.
    assert 'class="column-order' not in html and 'class="field-order' not in html
    assert 'name="seats-0-order" value="1" class="_reorder_"' in html


@pytest.mark.django_db
def test_a_committees_roster_rows_are_named_without_javascript(secretariat_client, roster):
    mandate, seats = roster
    committee = CommitteeFactory(mandate=mandate, name_ar="لجنة المالية", name_fr="commission des finances")
    CommitteeSeatFactory(committee=committee, role="committee_chair", person=seats[0].person)
    url = reverse("admin:bureau_committee_change", args=[committee.pk])
    page = _rows(secretariat_client.get(url).content.decode())
    assert page.row_labels == ["رئيس لجنة المالية – عبد الله الجوط"]
    names = {control["name"]: page.headers[control["aria-labelledby"]].strip() for control in page.controls}
    prefix = next(iter(names)).split("-")[0]
    assert names[f"{prefix}-0-role"] == "الصفة" and names[f"{prefix}-0-person"] == "الشخص"
    assert names[f"{prefix}-0-DELETE"] == "حذف؟"
