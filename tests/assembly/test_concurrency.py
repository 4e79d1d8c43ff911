"""Two tablets at once: proxies to one holder never exceed the limit, and attendance counts
right when several staff mark members present at the same moment (PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection, connections

from assembly import services
from assembly.models import Attendance

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def run_at_once(calls):
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        try:
            barrier.wait()
            call()
            outcomes.append("ok")
        except services.AssemblyError:
            outcomes.append("refused")
        except Exception as exc:  # pragma: no cover - reported by the assertion
            outcomes.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_simultaneous_proxies_to_one_holder_keep_the_limit(assembly):
    services.convene(assembly=assembly)
    holder, *givers = assembly.convocations.order_by("pk")
    outcomes = run_at_once(
        [lambda giver=giver: services.give_proxy(convocation=giver, holder=holder) for giver in givers]
    )
    assert sorted(outcomes) == ["ok"] + ["refused"] * (len(givers) - 1)
    assert Attendance.objects.filter(proxy_holder=holder).count() == 1


def test_two_staff_marking_at_once_count_right(assembly):
    services.convene(assembly=assembly)
    convocations = list(assembly.convocations.order_by("pk"))
    # Every member marked by two tablets at the same moment.
    calls = [lambda c=c: services.mark_present(convocation=c) for c in convocations for _tablet in range(2)]
    assert run_at_once(calls) == ["ok"] * len(calls)
    assert services.figures(assembly)["present"] == len(convocations)
