from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from members.access import is_member
        from portal import registry
        from portal.access import register_member_rule
        from portal.roles import register_models

        # Communication relays other organisations' news: it keeps their records too.
        register_models(app=self.label, communication=["organisation"])
        # Members-only content elsewhere (documents, events) asks this app's rule.
        register_member_rule(is_member)

        registry.register_nav("members:directory", _("Members"), order=40)

        from members.search import MembersSearchProvider
        from members.sitemaps import CouncilSitemap, MembersSitemap, OrganisationSitemap
        from portal.search import register_search_provider
        from portal.sitemaps import register_sitemap

        register_search_provider(MembersSearchProvider())
        register_sitemap("members", MembersSitemap)
        register_sitemap("councils", CouncilSitemap)
        register_sitemap("organisations", OrganisationSitemap)
