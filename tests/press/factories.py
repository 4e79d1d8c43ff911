import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from press.models import Category, PressAttachment, PressImage, PressRelease


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category

    name_ar = factory.Sequence(lambda n: f"فئة {n}")
    name_fr = factory.Sequence(lambda n: f"Catégorie {n}")
    slug = factory.Sequence(lambda n: f"categorie-{n}")
    order = factory.Sequence(int)


class PressReleaseFactory(DjangoModelFactory):
    """A published news item; pass ``status``/``publish_at`` for the other states."""

    class Meta:
        model = PressRelease

    kind = PressRelease.Kind.NEWS
    title_ar = factory.Sequence(lambda n: f"خبر رقم {n}")
    title_fr = factory.Sequence(lambda n: f"Actualité {n}")
    summary_fr = "Résumé en français."
    body_ar = "<p>نص الخبر.</p>"
    status = PressRelease.Status.PUBLISHED
    publish_at = factory.Sequence(
        lambda n: timezone.make_aware(datetime.datetime(2022, 1, 1)) + datetime.timedelta(days=n)
    )
    category = factory.SubFactory(CategoryFactory)


class PressImageFactory(DjangoModelFactory):
    class Meta:
        model = PressImage

    press_release = factory.SubFactory(PressReleaseFactory)
    image = factory.django.ImageField(filename="photo.png", width=1200, height=800, format="PNG")
    alt_ar = "صورة من اللقاء"


class PressAttachmentFactory(DjangoModelFactory):
    class Meta:
        model = PressAttachment

    press_release = factory.SubFactory(PressReleaseFactory)
    title_ar = "العرض المقدم"
    file = factory.django.FileField(filename="expose.pdf", data=b"%PDF-1.4\n%%EOF\n")
