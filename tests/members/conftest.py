import pytest


@pytest.fixture
def member_user(django_user_model):
    """A user linked to a person with an active membership."""
    from tests.members.factories import MembershipFactory

    user = django_user_model.objects.create_user(
        "member@example.org", "member@example.org", "a-long-test-password"
    )
    membership = MembershipFactory(person__user=user, person__email="member@example.org")
    return membership.person.user
