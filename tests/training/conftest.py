import pytest

from tests.training.factories import SessionFactory, member


@pytest.fixture
def session(db):
    return SessionFactory()


@pytest.fixture
def member_user(django_user_model):
    return member(django_user_model)
