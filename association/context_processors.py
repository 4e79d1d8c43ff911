from association.models import AssociationProfile


def association(request):
    """The association's profile (name, logo, contact), which every page's layout shows."""
    return {"association": AssociationProfile.get_solo()}
