from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    """Compile every .po catalogue of the project to .mo with Babel (pure Python).

    Django's ``compilemessages`` needs GNU gettext's ``msgfmt``, which a fresh machine may not
    have; ``make run`` must work there, so the portal compiles its catalogues itself.
    """

    help = "Compile the project's and its apps' translation catalogues (no GNU gettext needed)."

    def handle(self, *args, **options):
        roots = [Path(p) for p in settings.LOCALE_PATHS]
        base = Path(settings.BASE_DIR)
        roots += [
            Path(config.path) / "locale"
            for config in apps.get_app_configs()
            if Path(config.path).parent == base
        ]
        count = 0
        for root in roots:
            for po_path in sorted(root.glob("*/LC_MESSAGES/*.po")):
                with po_path.open("rb") as handle:
                    catalog = read_po(handle, locale=po_path.parent.parent.name)
                with po_path.with_suffix(".mo").open("wb") as handle:
                    write_mo(handle, catalog, use_fuzzy=False)
                count += 1
        self.stdout.write(f"Compiled {count} catalogues.")
