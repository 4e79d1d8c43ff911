from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BureauConfig(AppConfig):
    name = "bureau"
    verbose_name = _("Bureau and committees")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from django.urls import reverse

        from bureau.admin import ROSTER_BUNDLES
        from bureau.models import Committee, CommitteeSeat, Mandate, OfficeWording, Seat
        from bureau.positions import sync_positions_soon
        from bureau.sitemaps import BureauSitemap
        from members.models import Person
        from portal import registry, staticbundles
        from portal.roles import register_models
        from portal.sitemaps import register_sitemap

        register_models(app=self.label)
        # The mandate's page loads its scripts and stylesheets as a few bundles (issue 19).
        for name, sources in ROSTER_BUNDLES.items():
            staticbundles.register(name, sources)

        registry.register_nav("bureau:current", _("Bureau"), order=15)
        register_sitemap("bureau", BureauSitemap)
        # A participant of an event links to their public page (roles and activities).
        registry.register_person_page(lambda pk: reverse("bureau:person", args=[pk]))
        # The members directory shows the bureau's titles (bureau.positions).
        for model in (Seat, CommitteeSeat, OfficeWording, Mandate, Committee, Person):
            post_save.connect(sync_positions_soon, sender=model, dispatch_uid=f"positions-{model.__name__}")
            post_delete.connect(
                sync_positions_soon, sender=model, dispatch_uid=f"positions-del-{model.__name__}"
            )
