"""The association's own pages in the sitemap's "pages" section (``portal.sitemaps``)."""

ASSOCIATION_PAGES = [
    "association:home",
    "association:about",
    "association:partners",
    "association:documents",
    "association:contact",
]
