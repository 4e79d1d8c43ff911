from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Continuing training")

    def ready(self):
        from portal import registry
        from portal.roles import register_models
        from portal.search import register_search_provider
        from portal.sitemaps import register_sitemap
        from training.models import has_published_programme
        from training.search import TrainingSearchProvider, connect_signals
        from training.sitemaps import TrainingProgrammeSitemap, TrainingSessionSitemap
        from training.views import event_panel

        register_models(app=self.label)

        registry.register_nav(
            "training:catalogue", _("Training"), order=35, has_content=has_published_programme
        )
        register_sitemap("training", TrainingProgrammeSitemap)
        register_sitemap("training-sessions", TrainingSessionSitemap)
        register_search_provider(TrainingSearchProvider())
        connect_signals()
        # A training session's activity page shows the registration for the session.
        registry.register_section(
            "event.panel", "training", event_panel, template="training/_event_panel.html"
        )
