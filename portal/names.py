"""A person's name in both scripts, as every public page writes it."""

from django.utils.html import format_html


def bilingual_name(name_ar, name_fr, language, alt_class):
    """The name in the page's language, the other one after it isolated in a ``<bdi>``.

    Arabic pages: the Arabic name, then the French transliteration (left to right); French
    pages: the transliteration, then the Arabic name; without a transliteration, the Arabic
    name alone, isolated on a French page. ``alt_class`` styles the second name.
    """
    if language == "ar":
        if name_fr:
            return format_html('{} <bdi lang="fr" dir="ltr" class="{}">{}</bdi>', name_ar, alt_class, name_fr)
        return format_html("{}", name_ar)
    if name_fr:
        return format_html('{} <bdi lang="ar" dir="rtl" class="{}">{}</bdi>', name_fr, alt_class, name_ar)
    return format_html('<bdi lang="ar" dir="rtl">{}</bdi>', name_ar)
