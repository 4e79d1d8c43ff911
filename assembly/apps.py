from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssemblyConfig(AppConfig):
    name = "assembly"
    verbose_name = _("General assembly")

    def ready(self):
        from portal.roles import register_models

        # The statutes' rules are settings: the secretariat sees them, the bureau changes them.
        register_models(app=self.label, settings=("assemblyrules",))
