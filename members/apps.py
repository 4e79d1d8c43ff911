from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from portal import registry

        registry.register_nav("members:directory", _("Members"), order=40)

        from portal.search import register_search_provider
        from portal.sitemaps import register_sitemap
        from members.search import MembersSearchProvider
        from members.sitemaps import MembersSitemap

        register_search_provider(MembersSearchProvider())
        register_sitemap("members", MembersSitemap)
