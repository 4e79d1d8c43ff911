from adminsortable2.admin import SortableAdminMixin
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.admin_mixins import TranslatedAdmin, TranslatedStackedInline, TranslatedTabularInline
from portal.widgets import RichTextWidget
from press import models


@admin.register(models.Category)
class CategoryAdmin(SortableAdminMixin, TranslatedAdmin):
    list_display = ["order", "name", "slug"]
    list_display_links = ["name"]
    search_fields = ["name_ar", "name_fr"]


class PressImageInline(TranslatedStackedInline):
    model = models.PressImage
    extra = 0
    fields = ["image", "alt", "caption", "order"]


class PressAttachmentInline(TranslatedTabularInline):
    model = models.PressAttachment
    extra = 0
    fields = ["title", "file", "order"]


@admin.register(models.PressRelease)
class PressReleaseAdmin(TranslatedAdmin):
    list_display = ["title", "kind", "category", "status", "publish_at", "preview_link"]
    list_filter = ["status", "kind", "category", ("source_organisation", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title_ar", "title_fr", "search_key"]
    date_hierarchy = "publish_at"
    autocomplete_fields = ["category", "related_events", "source_organisation"]
    readonly_fields = ["author", "created_at", "updated_at", "preview_link"]
    inlines = [PressImageInline, PressAttachmentInline]
    actions = ["publish_selected", "withdraw_selected"]
    fieldsets = [
        (None, {"fields": ["kind", "category", "title", "summary", "body", "related_events"]}),
        (_("Publication"), {"fields": ["status", "publish_at", "slug", "latin_slug", "preview_link"]}),
        # Another organisation's news, relayed: shown as "نقلا عن … / Source : …".
        (_("Origin"), {"fields": ["source_organisation", "source_url", "source_published_on"]}),
        (_("Cover image"), {"fields": ["cover_image", "cover_alt"]}),
        (_("Record"), {"fields": ["author", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name.startswith("body_"):
            kwargs["widget"] = RichTextWidget()
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        if obj.status == obj.Status.PUBLISHED and not obj.publish_at:
            obj.publish_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.display(description=_("Preview"))
    def preview_link(self, obj):
        if not obj.pk:
            return "-"
        url, label = obj.get_preview_url(), _("Preview")
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, label)

    @admin.action(description=_("Publish the selected items now"), permissions=["change"])
    def publish_selected(self, request, queryset):
        for item in queryset:
            item.publish()
        self.message_user(request, _("The selected items are published."), messages.SUCCESS)

    @admin.action(description=_("Withdraw the selected items"), permissions=["change"])
    def withdraw_selected(self, request, queryset):
        for item in queryset:
            item.withdraw()
        self.message_user(request, _("The selected items are withdrawn."), messages.SUCCESS)
