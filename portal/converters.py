"""URL converters. Django's ``<slug:>`` accepts ASCII only; press addresses keep Arabic words."""


class UnicodeSlugConverter:
    """Letters of any script, digits, ``-`` and ``_``: what ``validate_unicode_slug`` accepts."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
