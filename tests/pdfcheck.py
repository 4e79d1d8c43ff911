"""What a reader, a search engine or a screen reader gets out of a PDF the portal hands out.

The text is extracted by a real extractor (pypdf, which puts right-to-left runs back in logical
order as poppler and Acrobat do), never by looking for bytes: Arabic that is drawn right but
maps back to the wrong characters (or to presentation forms, or backwards) fails here.
"""

import io
import re

from pypdf import PdfReader

#: Arabic presentation forms: what an extractor yields when the font maps glyphs to shapes
#: rather than letters (the text then searches and reads aloud as nonsense).
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
#: Bidi controls that some extractors add around runs; they are not text.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class Pdf:
    def __init__(self, content):
        assert content.startswith(b"%PDF"), content[:40]
        self.reader = PdfReader(io.BytesIO(content))
        self.root = self.reader.trailer["/Root"]

    @property
    def text(self):
        """All the text, one line per extracted line, spaces collapsed."""
        raw = "\n".join(page.extract_text() for page in self.reader.pages)
        raw = BIDI_CONTROLS.sub("", raw)
        return "\n".join(" ".join(line.split()) for line in raw.splitlines())

    @property
    def lines(self):
        return [line for line in self.text.splitlines() if line]

    @property
    def language(self):
        return str(self.root.get("/Lang", ""))

    @property
    def title(self):
        return (self.reader.metadata or {}).get("/Title", "")

    @property
    def font_names(self):
        """The embedded fonts' names without their subset prefix (``ABCDEF+Amiri`` → ``Amiri``)."""
        names = set()
        for page in self.reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font["/BaseFont"]
                names.add(str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1])
        return names

    @property
    def is_tagged(self):
        mark_info = self.root.get("/MarkInfo")
        return bool(mark_info and mark_info.get("/Marked")) and "/StructTreeRoot" in self.root

    @property
    def structure(self):
        """The structure types of the tag tree, in document order (``/H1``, ``/P``...)."""
        types = []

        def walk(node):
            node = node.get_object()
            if not hasattr(node, "get") or "/S" not in node:
                return
            types.append(str(node["/S"]))
            kids = node.get("/K")
            for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
                walk(kid)

        kids = self.root["/StructTreeRoot"].get_object()["/K"]
        for kid in kids if isinstance(kids, list) else [kids]:
            walk(kid)
        return types


def assert_accessible(content, *, language, title, fonts, phrases):
    """A tagged PDF in ``language`` whose title starts with ``title``, set in the named ``fonts``,
    where each phrase comes back whole, letters in logical order and no presentation form."""
    pdf = Pdf(content)
    assert pdf.is_tagged
    assert "/H1" in pdf.structure
    assert pdf.language == language
    assert pdf.title.startswith(title), pdf.title
    assert set(fonts) <= pdf.font_names, pdf.font_names
    assert not {"Sans", "Naskh", "Sans-Bold", "Naskh-Bold"} & pdf.font_names, pdf.font_names
    text = pdf.text
    assert not PRESENTATION_FORMS.search(text), text
    for phrase in phrases:
        assert phrase in text, (phrase, text)
        if language == "ar" and len(phrase) > 1:
            assert phrase[::-1] not in text
    return pdf
