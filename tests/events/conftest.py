import pytest

from tests.members.factories import MembershipFactory, PersonFactory


@pytest.fixture
def member(django_user_model):
    """An account linked to a person whose membership is active: ``is_member`` says yes."""
    user = django_user_model.objects.create_user("member", password="a-long-test-password")
    MembershipFactory(person=PersonFactory(user=user))
    return user


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def outsider(django_user_model):
    """Signed in, but not a member (no active membership)."""
    return django_user_model.objects.create_user("outsider", password="a-long-test-password")


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


@pytest.fixture
def demo(db):
    """The calendar's own demo content (seeds 002, 003, 004), with the register of people its
    participants link to (members), without the other apps'."""
    from events import demo as calendar_demo
    from members import demo as members_demo

    members_demo.load("ampcp")
    calendar_demo.load("ampcp")
