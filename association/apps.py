from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationConfig(AppConfig):
    name = "association"
    verbose_name = _("The association")

    def ready(self):
        from association import identity, search
        from association.sitemaps import ASSOCIATION_PAGES
        from portal import pdf, registry, roles
        from portal.search import register_search_provider
        from portal.sitemaps import register_page

        roles.register_models(
            app="association",
            communication=["partner", "partnershipagreement", "document", "contactmessage"],
            settings=["associationprofile", "sociallink"],
        )
        registry.register_nav("association:about", _("About"), order=10)
        registry.register_nav("association:partners", _("Partners"), order=80)
        registry.register_nav("association:documents", _("Documents"), order=85)
        registry.register_nav("association:contact", _("Contact"), order=90)
        registry.register_nav("association:search", _("Search"), order=95)
        for url_name in ASSOCIATION_PAGES:
            register_page(url_name)
        register_search_provider(search.DocumentSearchProvider())
        pdf.register_document_context(identity.document_context)
