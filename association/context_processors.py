from django.conf import settings
from django.utils.translation import get_language, get_language_info

from association.models import AssociationProfile


def association(request):
    """The association's profile (name, logo, colours, contact), which every page's layout shows,
    and its name in the other languages: a Moroccan institution's header carries both."""
    profile = AssociationProfile.get_solo()
    current = get_language()
    other_names = []
    for code, _label in settings.LANGUAGES:
        name = getattr(profile, f"name_{code}", "") or ""
        if code != current and name and name != profile.name:
            other_names.append({"code": code, "bidi": get_language_info(code)["bidi"], "name": name})
    return {"association": profile, "association_other_names": other_names}
