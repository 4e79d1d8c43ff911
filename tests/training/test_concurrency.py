"""Capacity under load: many simultaneous registrations, each in its own connection."""

import threading

import pytest
from django.db import connection, connections

from tests.training.factories import PersonFactory, SessionFactory
from training.models import Registration
from training.services import RegistrationError, registration_create

THREADS = 60


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_capacity_holds_with_concurrent_registrations():
    session = SessionFactory(capacity=18)
    people = PersonFactory.create_batch(THREADS)
    barrier = threading.Barrier(THREADS)
    errors = []

    def register(person):
        try:
            barrier.wait()
            registration_create(session=session, person=person)
            # Each person also tries twice at once: the second attempt must fail.
            try:
                registration_create(session=session, person=person)
            except RegistrationError:
                pass
            else:
                errors.append(f"{person} registered twice")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    registrations = list(Registration.objects.filter(session=session).order_by("created_at", "pk"))
    assert len(registrations) == THREADS
    assert len({r.person_id for r in registrations}) == THREADS
    statuses = [r.status for r in registrations]
    assert statuses.count(Registration.Status.REGISTERED) == 18
    assert statuses.count(Registration.Status.WAITING) == THREADS - 18
    # Arrival order: every seat was handed out before the first person went on the waiting list.
    assert statuses == [Registration.Status.REGISTERED] * 18 + [Registration.Status.WAITING] * (THREADS - 18)
