"""The admin: Arabic, right to left, branded, every model reachable, inputs in their direction."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from portal.roles import COMMUNICATION, SECRETARIAT
from press.models import Category


@pytest.mark.django_db
def test_admin_is_arabic_right_to_left_and_branded(admin_client, demo):
    response = admin_client.get("/ar/admin/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl"' in html
    assert "الجمعية المغربية لرؤساء مجالس العمالات والأقاليم" in html
    assert "إدارة الموقع" in html or "الجمعية" in html


@pytest.mark.django_db
def test_admin_without_prefix_goes_to_arabic(client):
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302 and response["Location"].startswith("/ar/admin/")


@pytest.mark.django_db
def test_every_admin_page_of_the_portal_opens(admin_client, demo):
    opened = 0
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in {"association", "members", "bureau", "events", "training"}:
            continue
        info = (model._meta.app_label, model._meta.model_name)
        changelist = admin_client.get(reverse("admin:{}_{}_changelist".format(*info)), follow=True)
        assert changelist.status_code == 200, info
        if model_admin.has_add_permission(changelist.wsgi_request):
            assert admin_client.get(reverse("admin:{}_{}_add".format(*info))).status_code == 200, info
        obj = model.objects.first()
        if obj is not None:
            assert (
                admin_client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk])).status_code
                == 200
            )
        opened += 1
    assert opened >= 8


@pytest.mark.django_db
def test_translated_inputs_have_their_own_direction(admin_client, demo):
    html = admin_client.get(reverse("admin:association_governingbody_add")).content.decode()
    assert 'name="name_ar"' in html and 'name="name_fr"' in html
    for name, lang, direction in (("name_ar", "ar", "rtl"), ("name_fr", "fr", "ltr")):
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert f'lang="{lang}"' in tag and f'dir="{direction}"' in tag
    assert "vendor/jquery-ui/jquery-ui.min.js" in html  # the tabs use our copy, not a CDN
    assert "googleapis" not in html


@pytest.mark.django_db
def test_arabic_is_required_french_is_optional(admin_client):
    url = reverse("admin:association_chartergoal_add")
    response = admin_client.post(url, {"text_ar": "", "text_fr": "Objectif", "order": 1})
    assert response.status_code == 200 and "text_ar" in response.context["adminform"].form.errors
    response = admin_client.post(url, {"text_ar": "هدف", "text_fr": "", "order": 1})
    assert response.status_code == 302


# Roles ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_roles_exist_with_their_permissions():
    secretariat = set(Group.objects.get(name=SECRETARIAT).permissions.values_list("codename", flat=True))
    communication = set(Group.objects.get(name=COMMUNICATION).permissions.values_list("codename", flat=True))
    assert {"change_partner", "add_chartergoal", "delete_document", "change_governingbody"} <= secretariat
    assert "view_associationprofile" in secretariat
    assert not {"change_associationprofile", "change_user", "add_user", "change_group"} & secretariat
    assert {"add_partner", "change_document", "add_partnershipagreement"} <= communication
    assert not {"change_chartergoal", "change_governingbody", "change_user"} & communication


@pytest.mark.django_db
def test_create_staff_command_puts_the_account_in_its_role(client, monkeypatch):
    monkeypatch.setenv("STAFF_PASSWORD", "a-strong-passphrase-2026")
    call_command("create_staff", "khadija", "--email", "k@example.org", "--role", "communication")
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="khadija")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [COMMUNICATION]
    client.force_login(user)
    assert client.get(reverse("admin:association_partner_changelist")).status_code == 200
    assert client.get(reverse("admin:association_chartergoal_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


@pytest.mark.django_db
def test_create_staff_refuses_a_weak_password(monkeypatch):
    from django.core.management.base import CommandError

    monkeypatch.setenv("STAFF_PASSWORD", "123")
    with pytest.raises(CommandError):
        call_command("create_staff", "weak", "--role", "secretariat")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, taken, no_letters",
    [("ar", "هذا الاسم مستعمل", "يجب أن يحتوي"), ("fr", "Ce nom est déjà", "doit contenir")],
)
def test_a_press_category_whose_address_cannot_be_made_is_a_form_error(
    admin_client, language, taken, no_letters
):
    """Its address is made from the Arabic name: a taken or letterless name is refused, not a 500."""

    admin_client.raise_request_exception = False
    Category.objects.create(name_ar="بلاغات صحفية", name_fr="Communiqués")
    url = f"/{language}/admin/press/category/add/"
    response = admin_client.post(
        url, {"name_ar": "بلاغاتٌ صحفيّة", "name_fr": "Autres", "slug": "", "order": 0}
    )
    assert response.status_code == 200
    assert taken in response.content.decode()
    response = admin_client.post(url, {"name_ar": "!!! ؟", "name_fr": "Divers", "slug": "", "order": 0})
    assert response.status_code == 200
    assert no_letters in response.content.decode()
    assert Category.objects.count() == 1
    # A short name typed by hand makes it possible.
    response = admin_client.post(url, {"name_ar": "!!! ؟", "name_fr": "Divers", "slug": "divers", "order": 0})
    assert response.status_code == 302
    assert Category.objects.filter(slug="divers").exists()
