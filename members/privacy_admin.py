"""Admin actions for a person's rights (Law 09-08): export what is held, anonymise on request.

Both need the ``members.view_private_contact`` permission (the secretariat has it); anonymising
also needs ``members.change_person`` and a confirmation page, as it cannot be undone.
"""

import json

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from members.privacy import person_anonymise, person_export


class PersonPrivacyActionsMixin:
    actions = ["export_personal_data", "anonymise_people"]

    def has_privacy_permission(self, request):
        return request.user.has_perms(["members.view_private_contact", "members.change_person"])

    @admin.action(
        description=_("Export everything held about the selected people (JSON)"), permissions=["privacy"]
    )
    def export_personal_data(self, request, queryset):
        data = [person_export(person) for person in queryset.select_related("user")]
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
        return response

    @admin.action(description=_("Anonymise the selected people (cannot be undone)"), permissions=["privacy"])
    def anonymise_people(self, request, queryset):
        if not self.has_privacy_permission(request):
            raise PermissionDenied
        if request.POST.get("confirm") != "yes":
            return TemplateResponse(
                request,
                "members/admin/anonymise_confirm.html",
                {
                    **self.admin_site.each_context(request),
                    "title": _("Anonymise people"),
                    "people": queryset,
                    "opts": self.model._meta,
                    "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                },
            )
        count = 0
        for person in queryset:
            person_anonymise(person)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d person anonymised.", "%(count)d people anonymised.", count)
            % {"count": count},
            messages.SUCCESS,
        )
        return None
