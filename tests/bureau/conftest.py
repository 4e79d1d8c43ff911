import pytest
from django.contrib.auth.models import Group

from portal.roles import SECRETARIAT


@pytest.fixture
def secretariat_client(client, django_user_model):
    """A staff user of the Secretariat role (not a superuser), logged in."""
    user = django_user_model.objects.create_user(
        "secretariat", "s@example.org", "a-long-test-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    client.force_login(user)
    return client
