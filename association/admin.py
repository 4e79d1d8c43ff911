from adminsortable2.admin import SortableAdminMixin
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from solo.admin import SingletonModelAdmin

from association import models
from association.forms import AssociationProfileForm
from portal.admin_mixins import TranslatedAdmin, TranslatedStackedInline

admin.site.site_url = "/"
admin.site.enable_nav_sidebar = True


class SocialLinkInline(admin.TabularInline):
    model = models.SocialLink
    extra = 0


@admin.register(models.AssociationProfile)
class AssociationProfileAdmin(SingletonModelAdmin, TranslatedAdmin):
    form = AssociationProfileForm
    inlines = [SocialLinkInline]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "tagline", "introduction", "founded_on"]}),
        (_("Visual identity"), {"fields": ["logo", "primary_colour", "accent_colour"]}),
        (_("Seat and contacts"), {"fields": ["seat", "address", "phone", "email", "website"]}),
        (_("Founding and territory"), {"fields": ["founding_reasons", "territory", "territory_communes"]}),
    ]
    autocomplete_fields = ["territory_communes"]


@admin.register(models.CharterGoal, models.StrategicPrinciple)
class OrderedTextAdmin(SortableAdminMixin, TranslatedAdmin):
    list_display = ["order", "text"]
    list_display_links = ["text"]
    search_fields = ["text_ar", "text_fr"]


@admin.register(models.GoverningBody)
class GoverningBodyAdmin(SortableAdminMixin, TranslatedAdmin):
    list_display = ["order", "name", "kind"]
    list_display_links = ["name"]


class PartnershipAgreementInline(TranslatedStackedInline):
    model = models.PartnershipAgreement
    extra = 0


@admin.register(models.Partner)
class PartnerAdmin(SortableAdminMixin, admin.ModelAdmin):
    """A partnership; who the partner is (names, kind, website) is edited on its organisation."""

    list_display = ["order", "organisation", "kind", "website"]
    list_display_links = ["organisation"]
    list_select_related = ["organisation"]
    list_filter = ["organisation__kind"]
    search_fields = ["organisation__name_ar", "organisation__name_fr"]
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "logo"]
    inlines = [PartnershipAgreementInline]

    @admin.display(description=_("kind"), ordering="organisation__kind")
    def kind(self, obj):
        return obj.organisation.get_kind_display()

    @admin.display(description=_("website"))
    def website(self, obj):
        return obj.organisation.website


@admin.register(models.PartnershipAgreement)
class PartnershipAgreementAdmin(TranslatedAdmin):
    list_display = ["partner", "signed_on", "subject"]
    list_select_related = ["partner__organisation"]
    list_filter = ["partner"]
    date_hierarchy = "signed_on"
    autocomplete_fields = ["partner"]


@admin.register(models.Document)
class DocumentAdmin(TranslatedAdmin):
    list_display = ["title", "kind", "year", "visibility", "published_on", "adopted_on"]
    list_filter = ["kind", "visibility", "year"]
    search_fields = ["title_ar", "title_fr"]


@admin.register(models.ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "name", "received_at", "mailed", "handled"]
    list_filter = ["handled", "mailed"]
    list_editable = ["handled"]
    readonly_fields = ["name", "email", "subject", "message", "language", "received_at", "mailed"]
    search_fields = ["subject", "name", "email"]

    def has_add_permission(self, request):
        return False
