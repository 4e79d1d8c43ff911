"""Month names, listed so that ``makemessages`` keeps them in the project catalogue.

Django's own Arabic catalogue uses the Levantine names (سبتمبر، ديسمبر …). The project
catalogue in ``locale/ar`` translates these same message ids with the Moroccan names
(شتنبر، دجنبر …), and LOCALE_PATHS take precedence over Django's catalogues, so every date the
portal formats — templates, admin, feeds, e-mails — uses them. Nothing imports this module.
"""

from django.utils.translation import gettext_lazy, pgettext_lazy

MONTHS = (
    gettext_lazy("January"), gettext_lazy("February"), gettext_lazy("March"),
    gettext_lazy("April"), gettext_lazy("May"), gettext_lazy("June"),
    gettext_lazy("July"), gettext_lazy("August"), gettext_lazy("September"),
    gettext_lazy("October"), gettext_lazy("November"), gettext_lazy("December"),
)  # fmt: skip
MONTHS_3 = (
    gettext_lazy("jan"), gettext_lazy("feb"), gettext_lazy("mar"), gettext_lazy("apr"),
    gettext_lazy("may"), gettext_lazy("jun"), gettext_lazy("jul"), gettext_lazy("aug"),
    gettext_lazy("sep"), gettext_lazy("oct"), gettext_lazy("nov"), gettext_lazy("dec"),
)  # fmt: skip
MONTHS_AP = (
    pgettext_lazy("abbrev. month", "Jan."), pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"), pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"), pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"), pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."), pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."), pgettext_lazy("abbrev. month", "Dec."),
)  # fmt: skip
MONTHS_ALT = (
    pgettext_lazy("alt. month", "January"), pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"), pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"), pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"), pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"), pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"), pgettext_lazy("alt. month", "December"),
)  # fmt: skip
