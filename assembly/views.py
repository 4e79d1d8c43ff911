"""The member's personal convocation page, reached by the secret in its URL, and the minutes.

The secret is 32 random bytes (``Convocation.token``): whoever has the link sees that one
member's convocation and may reply for them, and nothing else; a wrong or altered key is a 404.
"""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from assembly import services
from assembly.models import Assembly, Convocation, ItemDocument, Minutes
from assembly.pdf import minutes_pdf
from members.access import is_member


def _convocation(token):
    return get_object_or_404(
        Convocation.objects.select_related("assembly__event", "person", "council"), token=token
    )


@never_cache
def personal(request, token):
    convocation = _convocation(token)
    assembly = convocation.assembly
    if request.method == "POST":
        try:
            if request.POST.get("reply") == "attend":
                services.will_attend(convocation=convocation)
                messages.success(request, _("Your reply is recorded."))
            elif request.POST.get("reply") == "proxy":
                holder = (
                    assembly.convocations.filter(pk=request.POST.get("holder") or 0)
                    .exclude(pk=convocation.pk)
                    .first()
                )
                if holder is None:
                    raise services.AssemblyError(
                        _("The proxy holder must be a member convened to this assembly.")
                    )
                services.give_proxy(convocation=convocation, holder=holder)
                messages.success(request, _("Your proxy is recorded."))
        except services.AssemblyError as error:
            messages.error(request, error.messages[0])
        return redirect(convocation.get_absolute_url())
    proxy = getattr(convocation, "attendance", None)
    return render(
        request,
        "assembly/personal.html",
        {
            "convocation": convocation,
            "assembly": assembly,
            "items": assembly.items.prefetch_related("documents"),
            "proxy": proxy if proxy and proxy.proxy_holder_id else None,
            "others": assembly.convocations.exclude(pk=convocation.pk).select_related("person", "council"),
            "is_open": assembly.status
            in (Assembly.Status.PREPARATION, Assembly.Status.CONVENED, Assembly.Status.SITTING),
            "proxies_allowed": assembly.rule.proxies_allowed,
        },
    )


@never_cache
def document(request, token, pk):
    convocation = _convocation(token)
    item_document = get_object_or_404(ItemDocument, pk=pk, item__assembly=convocation.assembly)
    return FileResponse(item_document.file.open("rb"), as_attachment=False)


def minutes(request, pk):
    """Approved minutes: members always, the public when the bureau made them public."""
    record = get_object_or_404(
        Minutes.objects.select_related("assembly__event"), pk=pk, approved_at__isnull=False
    )
    staff = request.user.is_authenticated and request.user.is_staff
    if not (record.public or staff or is_member(request.user)):
        raise Http404
    language = "fr" if get_language() == "fr" else "ar"
    response = HttpResponse(minutes_pdf(record, language=language), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-{record.assembly.date}-{language}.pdf"'
    return response
