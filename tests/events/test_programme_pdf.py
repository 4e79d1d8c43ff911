"""The action programme as a document the server writes (issue 22, item 5): a tagged PDF/UA in
the page's language, its title, Amiri (Arabic) or Noto Sans (French) embedded under their names,
and text that extracts as typed: the Arabic in logical order, no presentation form, no NUL
(Chromium's print of the page fails there: tests/e2e/test_documents.py)."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from association.models import AssociationProfile
from events.models import ActionProgramme, Event, ProgrammeLine
from tests.pdfcheck import Pdf, assert_accessible

pytestmark = pytest.mark.django_db

LINE_AR = "اجتماع تنسيقي مع السيد الخازن العام للمملكة"
TITLE_AR = "برنامج عمل الجمعية المغربية لرؤساء مجالس العمالات والأقاليم لسنة 2022"
NAME_AR = "الجمعية المغربية لرؤساء مجالس العمالات والأقاليم"


def _pdf(client, language):
    response = client.get(f"/{language}/events/programme/2022/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="programme-2022-{language}.pdf"'
    return response


def _links(pdf):
    return {
        str(annotation.get_object()["/A"]["/URI"])
        for page in pdf.reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    }


def test_arabic_programme_pdf_is_tagged_and_its_arabic_extracts_in_logical_order(client, demo):
    profile = AssociationProfile.get_solo()
    profile.name_ar = NAME_AR
    profile.save()
    pdf = assert_accessible(
        _pdf(client, "ar").content,
        language="ar",
        title=TITLE_AR,
        fonts={"Amiri", "Amiri-Bold"},
        phrases=[
            LINE_AR,
            NAME_AR,
            "حسب التاريخ المقترح",
            "الديموقراطية التشاركية",
            "آليات تمويل المشاريع الترابية",
        ],
    )
    text = pdf.text
    # Amiri's lam-lam ligature (للمملكة) maps back to its letters in WeasyPrint's PDF, not to NUL.
    assert "\x00" not in text
    assert "للمملكة" in text
    assert TITLE_AR.removesuffix(" 2022") in text  # the title, the year aside (a number in an Arabic line)
    assert {"/Table", "/TH", "/TD"} <= set(pdf.structure)
    assert pdf.reader.metadata["/Author"] == NAME_AR
    box = pdf.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape, in points
    assert len(pdf.reader.pages) > 1
    assert re.search(r"^1 / \d+$|^\d+ / 1$", text, re.M)  # page numbers


def test_french_programme_pdf_is_tagged_in_french(client, demo):
    pdf = assert_accessible(
        _pdf(client, "fr").content,
        language="fr",
        title="Programme d'action 2022",
        fonts={"Noto-Sans", "Noto-Sans-Bold"},
        phrases=[
            "Date à fixer",
            "Démocratie participative",
            "jeudi 17 mars",
            "Nature de l'activité Date Contenu Remarque",
        ],
    )
    assert "\x00" not in pdf.text
    assert "Réunion de coordination avec le Trésorier général du Royaume" in " ".join(pdf.text.split())


def test_programme_pdf_carries_the_association_logo(client, demo):
    assert b"/Subtype /Image" not in _pdf(client, "ar").content
    buffer = io.BytesIO()
    Image.new("RGB", (60, 60), "#0b5d3b").save(buffer, "PNG")
    profile = AssociationProfile.get_solo()
    profile.logo = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    profile.save()
    assert b"/Subtype /Image" in _pdf(client, "ar").content


def test_programme_pdf_links_only_events_the_visitor_may_see(client, demo, member):
    line = ProgrammeLine.objects.get(programme__year=2022, order=1)
    Event.objects.filter(pk=line.event_id).update(visibility=Event.Visibility.MEMBERS)
    address = f"http://testserver/ar/events/event/{line.event_id}/"
    public = _pdf(client, "ar")
    links = _links(Pdf(public.content))
    assert address not in links
    assert "http://testserver/ar/events/programme/2022/" in links  # the page, at the end
    assert LINE_AR in Pdf(public.content).text  # the line itself stays public, as on the page
    client.force_login(member)
    private = _pdf(client, "ar")
    assert address in _links(Pdf(private.content))
    assert private["Cache-Control"] == "private, no-store"  # what a member sees is kept by no one


def test_programme_pdf_of_an_unknown_or_unpublished_year_is_not_found(client, demo):
    assert client.get("/ar/events/programme/2023/pdf/").status_code == 404
    assert client.get("/fr/events/programme/1800/pdf/").status_code == 404
    ActionProgramme.objects.update(published=False)
    assert client.get("/ar/events/programme/2022/pdf/").status_code == 404


@pytest.mark.parametrize(
    ("language", "name"), [("ar", "تحميل البرنامج بصيغة PDF"), ("fr", "Télécharger le programme (PDF)")]
)
def test_programme_page_links_its_pdf_by_name(client, demo, language, name):
    page = client.get(f"/{language}/events/programme/2022/").content.decode()
    link = re.search(rf'<a [^>]*href="(/{language}/events/programme/2022/pdf/)"[^>]*>([^<]+)</a>', page)
    assert link, page
    assert 'type="application/pdf"' in link.group(0)
    assert link.group(2).strip() == name  # the accessible name is the visible text, "PDF" in it
