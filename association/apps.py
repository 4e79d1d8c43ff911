from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AssociationConfig(AppConfig):
    name = "association"
    verbose_name = _("The association")

    def ready(self):
        from association import registry, roles

        # Roles get the permissions of models that later migrations add.
        post_migrate.connect(roles.sync_roles_after_migrate, dispatch_uid="association.sync_roles")
        registry.register_nav("association:about", _("About"), order=10)
        registry.register_nav("association:partners", _("Partners"), order=80)
        registry.register_nav("association:documents", _("Documents"), order=85)
        registry.register_nav("association:contact", _("Contact"), order=90)
