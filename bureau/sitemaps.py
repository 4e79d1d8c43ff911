from django.urls import reverse

from bureau.models import Mandate
from portal.sitemaps import PortalSitemap


class BureauSitemap(PortalSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        pages = [("bureau:current", None), ("bureau:bodies", None), ("bureau:committees", None)]
        past = list(Mandate.objects.past().values_list("pk", flat=True).order_by("pk"))
        if past:
            pages.append(("bureau:mandates", None))
        return pages + [("bureau:mandate", pk) for pk in past]

    def location(self, item):
        name, pk = item
        return reverse(name, args=[pk] if pk else [])
