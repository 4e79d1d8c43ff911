"""Who counts as a member when deciding what a visitor may see.

Members-only events, documents and feeds ask this one function: staff, or an account linked
to a person whose membership is active (for a council that is the member, its current
representative). The answer is kept on the user object, so a request asks the database once.
"""

from django.db.models import Exists, OuterRef

from members.models import Membership, Person

_CACHE_ATTRIBUTE = "_members_is_member"


def is_member(user):
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        active = Membership.objects.filter(person=OuterRef("pk"), status=Membership.Status.ACTIVE)
        cached = Person.objects.filter(user=user).filter(Exists(active)).exists()
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached
