"""Who may open what: every admin model and every public page, for every role.

Both lists come from the project itself (the admin site's registry, the URL configuration),
so a model or a view added later is checked without editing this test. The expectations
come from the role rules written in ``portal.roles`` and from the superuser's own
answer (an admin that disables "add" for a model disables it for everyone).
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import NoReverseMatch, reverse

from portal.roles import COMMUNICATION, COMMUNICATION_MODELS, PORTAL_APPS, SECRETARIAT, SETTINGS_MODELS
from tests.auth import force_login_verified
from tests.urlwalk import public_patterns

PASSWORD = "a-long-test-password"
LOGIN_PATHS = ("/admin/login/", "/members/login/")
READ_ACTIONS = {"changelist", "change", "history", "export"}


@pytest.fixture
def role_clients(db, demo, django_user_model, superuser):
    from tests.members.factories import MembershipFactory

    def staff(username, group):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    member = django_user_model.objects.create_user("member", "member@example.org", PASSWORD)
    MembershipFactory(person__user=member)
    clients = {"anonymous": Client()}
    for name, user in [
        ("member", member),
        ("communication", staff("communication", COMMUNICATION)),
        ("secretariat", staff("secretariat", SECRETARIAT)),
    ]:
        clients[name] = Client()
        clients[name].force_login(user)
    clients["superuser"] = force_login_verified(Client(), superuser)
    for client in clients.values():
        client.raise_request_exception = False
    return clients


def admin_urls():
    """(label, action, url) for every registered model: list, add, change, delete, history, import, export."""
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        label = f"{opts.app_label}.{opts.model_name}"
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        yield label, "changelist", reverse(f"{prefix}_changelist")
        yield label, "add", reverse(f"{prefix}_add")
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            for action in ("change", "delete", "history"):
                yield label, action, reverse(f"{prefix}_{action}", args=[obj.pk])
        for action in ("import", "export"):
            if hasattr(model_admin, f"{action}_action"):
                try:
                    yield label, action, reverse(f"{prefix}_{action}")
                except NoReverseMatch:
                    pass


def staff_may(role, label, action):
    app_label = label.split(".")[0]
    if role == "communication":
        return label in COMMUNICATION_MODELS
    if role == "secretariat":
        if app_label not in PORTAL_APPS:
            return False  # user accounts, groups, login records, authenticators
        return action in READ_ACTIONS or label not in SETTINGS_MODELS
    raise AssertionError(role)


def outcome(response):
    if response.status_code == 302 and any(p in response.headers["Location"] for p in LOGIN_PATHS):
        return "login"
    if response.status_code in {200, 302}:
        return "allowed"
    if response.status_code in {403, 404}:
        return "denied"
    return f"status {response.status_code}"


@pytest.mark.django_db
def test_admin_matrix(role_clients):
    problems = []
    checked = 0
    for label, action, url in admin_urls():
        reference = outcome(role_clients["superuser"].get(url))
        if reference == "denied":
            continue  # the admin disables this action for everyone (e.g. adding contact messages)
        if reference != "allowed":
            problems.append((label, action, "superuser", reference))
            continue
        for role in ("anonymous", "member"):
            got = outcome(role_clients[role].get(url))
            if got != "login":
                problems.append((label, action, role, got))
        for role in ("communication", "secretariat"):
            expected = "allowed" if staff_may(role, label, action) else "denied"
            got = outcome(role_clients[role].get(url))
            if got != expected:
                problems.append((label, action, role, f"{got}, expected {expected}"))
        checked += 1
    assert problems == []
    assert checked > 50


def public_pages():
    return [
        (route, name) for route, name in public_patterns() if "<" not in route and route.startswith("ar/")
    ]


@pytest.mark.django_db
def test_public_pages_matrix(role_clients):
    """Public pages open for everyone; members' pages send visitors to the login page and open
    for members and staff; nothing answers 403 or 500 to a role that may see it."""
    problems = []
    for route, name in public_pages():
        url = "/" + route
        anonymous = role_clients["anonymous"].get(url)
        got = outcome(anonymous)
        if anonymous.status_code == 405:
            continue  # POST-only actions (logout, register, revoke)
        if got not in {"allowed", "login"}:
            problems.append((name, "anonymous", got))
            continue
        for role in ("member", "communication", "secretariat", "superuser"):
            response = role_clients[role].get(url)
            if response.status_code >= 500:
                problems.append((name, role, response.status_code))
            if got == "login" and role == "member" and outcome(response) != "allowed":
                problems.append((name, role, f"{outcome(response)}, expected allowed"))
    assert problems == []


@pytest.mark.django_db
def test_members_pages_need_a_login(role_clients):
    redirected = {
        name
        for route, name in public_pages()
        if outcome(role_clients["anonymous"].get("/" + route)) == "login"
    }
    assert {"members:account", "training:mine"} <= redirected


@pytest.mark.django_db
def test_private_feed_with_a_wrong_or_revoked_token_is_not_found(role_clients):
    member = role_clients["member"]
    page = member.get(reverse("events:subscribe"))
    assert page.status_code == 200
    feed_url = next(
        (line for line in page.content.decode().split('"') if "/private/" in line and line.endswith(".ics")),
        None,
    )
    assert feed_url, "the subscribe page shows the member's private feed link"
    path = feed_url.split("://", 1)[-1]
    path = path[path.index("/") :] if not path.startswith("/") else path
    assert role_clients["anonymous"].get(path).status_code == 200
    wrong = path.replace("/private/", "/private/x")
    assert role_clients["anonymous"].get(wrong).status_code == 404
    member.post(reverse("events:revoke-token"))
    assert role_clients["anonymous"].get(path).status_code == 404
