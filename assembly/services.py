"""Every write of the general assembly that the statutes govern.

Keyword-only arguments. What counts (proxies a holder has, members present, votes) is read and
written in one transaction with the rows it depends on locked (``select_for_update``: a no-op
on SQLite, which writes one transaction at a time anyway), so that two staff at two tablets, or
a member replying while the secretariat records a paper proxy, count right. A refusal raises
:class:`AssemblyError` with a message for the person who asked, before anything is written.
"""

import datetime
import logging
import math
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from assembly.models import (
    AgendaRequest,
    Assembly,
    AssemblyRules,
    Attendance,
    Candidate,
    Convocation,
    Decision,
    Item,
    ItemKind,
    Majority,
    Minutes,
    StatutesVersion,
)
from association.models import AssociationProfile, Document
from bureau.models import Mandate, Seat
from bureau.services import mandate_renew
from events.models import AgendaItem, Event
from members.models import Membership
from portal import mail
from portal.text import search_terms

logger = logging.getLogger("assembly")


class AssemblyError(ValidationError):
    """A request the statutes or the state of the assembly refuse; nothing was written."""


# --- Preparation --------------------------------------------------------------------------------


@transaction.atomic
def agenda_to_calendar(*, assembly):
    """Give every agenda item that has none its line in the event's agenda, so the calendar
    shows the assembly's agenda (and each outcome, once decided). Returns how many were added."""
    added = 0
    for item in assembly.items.filter(agenda_item__isnull=True).order_by("order", "pk"):
        agenda = AgendaItem.objects.create(
            event=assembly.event, order=item.order, title=item.title_ar or item.title
        )
        agenda.title_ar, agenda.title_fr = item.title_ar or item.title, item.title_fr
        agenda.save()
        item.agenda_item = agenda
        item.save(update_fields=["agenda_item"])
        added += 1
    return added


# --- Convocation ---------------------------------------------------------------------------------


def convened_memberships(assembly):
    """The active memberships the rules convene: by the level of the member's council."""
    return (
        Membership.objects.active()
        .filter(person__isnull=False, council__level__in=assembly.rule.convened_levels())
        .select_related("person", "council")
        .order_by("person_id", "pk")
    )


def notice_problem(assembly, *, on=None):
    """Why convocations sent ``on`` (today by default) would be too late, or None."""
    on = on or timezone.localdate()
    days = assembly.rule.notice_days
    if assembly.date is None:
        return _("The assembly has no date yet.")
    if (assembly.date - on).days < days:
        return _(
            "The statutes require the convocation %(days)d days before the assembly: send it by %(last)s."
        ) % {
            "days": days,
            "last": date_format(assembly.date - datetime.timedelta(days=days), "DATE_FORMAT"),
        }
    return None


@transaction.atomic
def convene(*, assembly, on=None):
    """Create a convocation for every convened member (once each) and mark the assembly convened.

    Members without an e-mail address are listed for post. Refused when the notice period can
    no longer be kept (a second convocation follows the first's notice, by the statutes' leave).
    Returns the number of convocations created.
    """
    assembly = Assembly.objects.select_for_update().get(pk=assembly.pk)
    if assembly.status not in (Assembly.Status.PREPARATION, Assembly.Status.CONVENED):
        raise AssemblyError(_("The convocations of this assembly can no longer change."))
    if assembly.convocation_number == 1 and (problem := notice_problem(assembly, on=on)):
        raise AssemblyError(problem)
    if not assembly.items.exists():
        raise AssemblyError(_("Add the agenda before convening the members."))
    known = set(assembly.convocations.values_list("person_id", flat=True))
    created = []
    for membership in convened_memberships(assembly):
        person = membership.person
        if person.pk in known:
            continue
        known.add(person.pk)
        delivery = Convocation.Delivery.PENDING if person.email else Convocation.Delivery.POST
        created.append(
            Convocation(assembly=assembly, person=person, council=membership.council, delivery=delivery)
        )
    Convocation.objects.bulk_create(created)
    if assembly.status == Assembly.Status.PREPARATION:
        assembly.status = Assembly.Status.CONVENED
        assembly.save(update_fields=["status"])
    return len(created)


def _language(person):
    """The language a member is written to: theirs when the portal speaks it, else Arabic."""
    return person.preferred_language if person.preferred_language in ("ar", "fr") else "ar"


def _message(convocation, base_url):
    person = convocation.person
    language = _language(person)
    with translation.override(language):
        subject = _("Convocation to the %(assembly)s") % {"assembly": convocation.assembly.get_kind_display()}
        context = {
            "convocation": convocation,
            "assembly": convocation.assembly,
            "person": person,
            "items": convocation.assembly.items.all(),
            "url": base_url.rstrip("/") + convocation.get_absolute_url(),
            "association": AssociationProfile.get_solo(),
            "subject": subject,
            "LANGUAGE_CODE": language,
            "LANGUAGE_BIDI": translation.get_language_bidi(),
        }
        text = render_to_string("assembly/email/convocation.txt", context)
        html = render_to_string("assembly/email/convocation.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[person.email])
    message.attach_alternative(html, "text/html")
    return message


def send_convocations(*, assembly, base_url, connection=None):
    """E-mail every convocation not sent yet; each delivery is recorded as it happens.

    Resumable: a run that stops half-way (a crash, the mail server down) leaves the sent ones
    marked sent, and the next run sends only the rest. Each convocation is locked while it is
    sent (``skip_locked``), so two runs at once never send one twice. Failures keep the kind of
    error, never the address (Law 09-08). Returns (sent, failed).
    """
    connection = connection or mail.transport()
    sent = failed = 0
    for pk in list(assembly.convocations.unsent().order_by("pk").values_list("pk", flat=True)):
        with transaction.atomic():
            convocation = (
                Convocation.objects.select_for_update(skip_locked=True)
                .filter(pk=pk)
                .unsent()
                .select_related("person", "assembly__event")
                .first()
            )
            if convocation is None:
                continue
            try:
                connection.send_messages([_message(convocation, base_url)])
            except mail.TRANSIENT_ERRORS as error:
                convocation.delivery = Convocation.Delivery.FAILED
                convocation.error = type(error).__name__
                failed += 1
                logger.warning("Convocation %s not sent (%s).", convocation.pk, type(error).__name__)
            else:
                convocation.delivery = Convocation.Delivery.SENT
                convocation.sent_at = timezone.now()
                convocation.error = ""
                sent += 1
            convocation.save(update_fields=["delivery", "sent_at", "error"])
    return sent, failed


# --- Proxies and attendance ---------------------------------------------------------------------


def _lock(*convocations):
    """Lock the convocations' rows in a fixed order (no deadlock between two tablets)."""
    pks = sorted({c.pk for c in convocations})
    rows = {c.pk: c for c in Convocation.objects.select_for_update().filter(pk__in=pks).order_by("pk")}
    return [rows[c.pk] for c in convocations]


def _check_open(assembly):
    if assembly.status in (Assembly.Status.CLOSED, Assembly.Status.NO_QUORUM):
        raise AssemblyError(_("This assembly is closed."))


def _holds_proxies(person, *, can_give):
    """Why a proxy holder cannot give their own proxy (or be marked absent), worded for them."""
    female = person.gender == "f"
    if not can_give:
        if female:
            message = pgettext("female", "%(member)s holds proxies and cannot give theirs.")
        else:
            message = pgettext("male", "%(member)s holds proxies and cannot give theirs.")
    elif female:
        message = pgettext("female", "%(member)s holds proxies: record those members' attendance first.")
    else:
        message = pgettext("male", "%(member)s holds proxies: record those members' attendance first.")
    return message % {"member": person}


@transaction.atomic
def give_proxy(*, convocation, holder, by=None, on_paper=False):
    """``convocation``'s member gives their vote to ``holder``, another convened member.

    Refused: proxies not allowed, a holder not convened to this assembly, oneself, a chain (the
    holder has given a proxy, or the giver holds proxies), a holder at the limit.
    """
    assembly = convocation.assembly
    _check_open(assembly)
    rules = assembly.rule
    if not rules.proxies_allowed:
        raise AssemblyError(_("The statutes do not allow proxies."))
    if holder.assembly_id != convocation.assembly_id:
        raise AssemblyError(_("The proxy holder must be a member convened to this assembly."))
    if holder.pk == convocation.pk:
        raise AssemblyError(_("A member cannot give a proxy to themselves."))
    convocation, holder = _lock(convocation, holder)
    if Attendance.objects.filter(convocation=holder, status=Attendance.Status.REPRESENTED).exists():
        if holder.person.gender == "f":
            message = pgettext("female", "%(holder)s has given their own proxy and cannot hold one.")
        else:
            message = pgettext("male", "%(holder)s has given their own proxy and cannot hold one.")
        raise AssemblyError(message % {"holder": holder.person})
    if Attendance.objects.filter(proxy_holder=convocation).exists():
        raise AssemblyError(_holds_proxies(convocation.person, can_give=False))
    taken = set(
        Attendance.objects.filter(proxy_holder=holder)
        .exclude(convocation=convocation)
        .values_list("proxy_slot", flat=True)
    )
    free = [slot for slot in range(1, rules.max_proxies + 1) if slot not in taken]
    if not free:
        raise AssemblyError(
            ngettext(
                "%(holder)s already holds %(count)d proxy, the most the statutes allow.",
                "%(holder)s already holds %(count)d proxies, the most the statutes allow.",
                rules.max_proxies,
            )
            % {"holder": holder.person, "count": rules.max_proxies}
        )
    attendance, _created = Attendance.objects.update_or_create(
        convocation=convocation,
        defaults={
            "status": Attendance.Status.REPRESENTED,
            "proxy_holder": holder,
            "proxy_slot": free[0],
            "on_paper": on_paper,
            "recorded_by": by,
        },
    )
    convocation.reply = Convocation.Reply.PROXY
    convocation.save(update_fields=["reply"])
    return attendance


@transaction.atomic
def will_attend(*, convocation):
    """The member's reply on their page: they will come (a proxy they gave is withdrawn)."""
    _check_open(convocation.assembly)
    (convocation,) = _lock(convocation)
    Attendance.objects.filter(convocation=convocation, status=Attendance.Status.REPRESENTED).delete()
    convocation.reply = Convocation.Reply.ATTEND
    convocation.save(update_fields=["reply"])


@transaction.atomic
def mark_present(*, convocation, by=None):
    """The member signs in. Coming in person withdraws a proxy they had given."""
    _check_open(convocation.assembly)
    (convocation,) = _lock(convocation)
    attendance, _created = Attendance.objects.update_or_create(
        convocation=convocation,
        defaults={
            "status": Attendance.Status.PRESENT,
            "proxy_holder": None,
            "proxy_slot": None,
            "recorded_by": by,
        },
    )
    return attendance


@transaction.atomic
def mark_absent(*, convocation, by=None):
    _check_open(convocation.assembly)
    (convocation,) = _lock(convocation)
    if Attendance.objects.filter(proxy_holder=convocation).exists():
        raise AssemblyError(_holds_proxies(convocation.person, can_give=True))
    Attendance.objects.update_or_create(
        convocation=convocation,
        defaults={
            "status": Attendance.Status.ABSENT,
            "proxy_holder": None,
            "proxy_slot": None,
            "recorded_by": by,
        },
    )


def figures(assembly):
    """Live figures: convened, present, represented (by a holder who is present), required."""
    convened = assembly.convocations.count()
    present = Attendance.objects.filter(
        convocation__assembly=assembly, status=Attendance.Status.PRESENT
    ).count()
    represented = Attendance.objects.filter(
        convocation__assembly=assembly,
        status=Attendance.Status.REPRESENTED,
        proxy_holder__attendance__status=Attendance.Status.PRESENT,
    ).count()
    required = math.ceil(convened * assembly.quorum_percent / 100)
    return {
        "convened": convened,
        "present": present,
        "represented": represented,
        "voters": present + represented,
        "required": required,
        "reached": present + represented >= required and present > 0,
    }


@transaction.atomic
def open_sitting(*, assembly):
    """Check the quorum when the sitting opens: it sits, or it waits for a second convocation."""
    assembly = Assembly.objects.select_for_update().get(pk=assembly.pk)
    if assembly.status not in (Assembly.Status.CONVENED, Assembly.Status.PREPARATION):
        raise AssemblyError(_("This assembly has already opened."))
    result = figures(assembly)
    assembly.status = Assembly.Status.SITTING if result["reached"] else Assembly.Status.NO_QUORUM
    assembly.save(update_fields=["status"])
    return result


@transaction.atomic
def second_convocation(*, assembly, start_date, starts_at=None):
    """Convene the assembly again after its quorum failed: same agenda, same members, new date.

    The second convocation keeps the first's rules (its own quorum applies) and gets its own
    event in the calendar; the members get new personal pages.
    """
    assembly = Assembly.objects.select_for_update().get(pk=assembly.pk)
    if assembly.status != Assembly.Status.NO_QUORUM or assembly.convocation_number != 1:
        raise AssemblyError(_("Only a first convocation without quorum calls for a second one."))
    first_event = assembly.event
    event = Event.objects.get(pk=first_event.pk)
    event.pk = event.id = None
    event._state.adding = True
    event.schedule = Event.Schedule.TIMED if starts_at else Event.Schedule.DAYS
    event.starts_at, event.ends_at = starts_at, None
    event.start_date = event.end_date = start_date
    event.status = Event.Status.PLANNED
    event.uid = uuid.uuid4()
    event.save()
    first_event.status = Event.Status.POSTPONED
    first_event.save(update_fields=["status"])
    second = Assembly.objects.create(
        event=event,
        kind=assembly.kind,
        convocation_number=2,
        first_convocation=assembly,
        rules=assembly.rules,
        statutes=assembly.statutes,
        status=Assembly.Status.CONVENED,
    )
    for item in assembly.items.all():
        documents = list(item.documents.all())
        agenda = AgendaItem.objects.create(event=event, order=item.order, title=item.title_ar or item.title)
        agenda.title_ar, agenda.title_fr = item.title_ar, item.title_fr
        agenda.save()
        item.pk = item.id = None
        item._state.adding = True
        item.assembly, item.agenda_item = second, agenda
        item.save()
        for document in documents:
            document.pk = document.id = None
            document._state.adding = True
            document.item = item
            document.save()
    Convocation.objects.bulk_create(
        Convocation(
            assembly=second,
            person_id=c.person_id,
            council_id=c.council_id,
            delivery=Convocation.Delivery.POST
            if c.delivery == Convocation.Delivery.POST
            else Convocation.Delivery.PENDING,
        )
        for c in assembly.convocations.all()
    )
    return second


# --- Decisions ----------------------------------------------------------------------------------


def majority_reached(
    majority,
    *,
    votes_for,
    votes_against,
    abstentions,
    abstentions_are_cast=False,
    unanimity_tolerates_abstentions=False,
):
    """Whether the counts reach ``majority``, as the statutes count (the two rules' settings).

    Simple: more than half the votes cast. Two-thirds: at least two thirds of the votes cast.
    The votes cast are those for and against; with ``abstentions_are_cast`` the abstentions
    too, so that an abstention weighs like a vote against. Unanimity: somebody for, nobody
    against, and (strictly, the default) nobody abstaining; with
    ``unanimity_tolerates_abstentions`` abstentions leave it intact. Unanimity follows its own
    rule only: whether abstentions are votes cast does not change it.

    Both default to False, as every assembly was judged before they were settings: the records
    at hand (shared seeds, DOMAIN.md) say "approved unanimously by the members present" and
    never that abstentions leave a unanimity intact.
    """
    if majority == Majority.UNANIMITY:
        return votes_for > 0 and votes_against == 0 and (unanimity_tolerates_abstentions or abstentions == 0)
    cast = votes_for + votes_against + (abstentions if abstentions_are_cast else 0)
    if majority == Majority.TWO_THIRDS:
        return votes_for > 0 and 3 * votes_for >= 2 * cast
    return 2 * votes_for > cast


@transaction.atomic
def record_decision(
    *,
    item,
    method,
    votes_for=None,
    votes_against=None,
    abstentions=None,
    note="",
    note_ar="",
    note_fr="",
    by=None,
):
    """Record an item's result and close it; checked against the item's majority and the voters.

    The note is written in Arabic (``note_ar``), French (``note_fr``) or both; ``note`` alone is
    in the language of the screen it was typed on. Each language's minutes read their own note
    (:func:`decision_note`).
    """
    assembly = Assembly.objects.select_for_update().get(pk=item.assembly_id)
    item = Item.objects.select_for_update().get(pk=item.pk)
    if assembly.status != Assembly.Status.SITTING:
        raise AssemblyError(_("Decisions are recorded while the assembly sits."))
    if Decision.objects.filter(item=item).exists():
        raise AssemblyError(_("This item is closed: its decision is already recorded."))
    majority = assembly.rule.majority_for(item.kind)
    if method == Decision.Method.COUNTS:
        counts = [votes_for, votes_against, abstentions]
        if any(value is None or value < 0 for value in counts):
            raise AssemblyError(_("Give the number of votes for, against and abstaining."))
        voters = figures(assembly)["voters"]
        if sum(counts) > voters:
            raise AssemblyError(
                ngettext(
                    "%(total)d vote, but only %(voters)d members are present or represented.",
                    "%(total)d votes, but only %(voters)d members are present or represented.",
                    sum(counts),
                )
                % {"total": sum(counts), "voters": voters}
            )
        rules = assembly.rule
        approved = majority_reached(
            majority,
            votes_for=votes_for,
            votes_against=votes_against,
            abstentions=abstentions,
            abstentions_are_cast=rules.abstentions_are_cast,
            unanimity_tolerates_abstentions=rules.unanimity_tolerates_abstentions,
        )
    elif method == Decision.Method.UNANIMITY:
        votes_for = votes_against = abstentions = None
        approved = True
    elif method == Decision.Method.SHOW_OF_HANDS:
        if majority != Majority.SIMPLE:
            raise AssemblyError(
                _("This item needs a %(majority)s: record the counts, or unanimity.")
                % {"majority": Majority(majority).label}
            )
        votes_for = votes_against = abstentions = None
        approved = True
    else:
        raise AssemblyError(_("Choose how the item was decided."))
    notes = {"ar": (note_ar or "").strip(), "fr": (note_fr or "").strip()}
    typed_in = "fr" if translation.get_language() == "fr" else "ar"
    notes[typed_in] = notes[typed_in] or (note or "").strip()
    decision = Decision(
        item=item,
        method=method,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        approved=approved,
        recorded_by=by,
    )
    # The untranslated column follows the Arabic, as the app's other translated texts do; then
    # each language's column is set as such, whatever the language of the request.
    decision.note = notes["ar"]
    decision.note_ar, decision.note_fr = notes["ar"], notes["fr"]
    decision.save()
    if item.agenda_item_id:
        agenda = item.agenda_item
        for code in ("ar", "fr"):
            with translation.override(code):
                setattr(agenda, f"outcome_{code}", describe_decision(decision))
        agenda.save()
    if approved and item.kind == ItemKind.STATUTES:
        adopt_statutes(item=item, assembly=assembly)
    return decision


def adopt_statutes(*, item, assembly):
    """The approved amendment: a new version of the statutes, in force from the item's date (the
    assembly's date when it gives none), adopted by the assembly.

    The version starts from the rules of the settings (the secretariat then edits what the
    amendment changed: the settings are the latest version's rules); the versions before it keep
    theirs, and so do the assemblies held under them. When a draft was sent with the item, it
    becomes the statutes' text among the documents, the text in force until then kept as history.
    Refused (and, inside ``record_decision``, the decision with it) when the date is not after
    the version in force.
    """
    if StatutesVersion.objects.filter(item=item).exists():
        return item.statutes_version
    in_force_from = item.statutes_in_force_from or assembly.date
    latest = StatutesVersion.objects.select_for_update().order_by("-in_force_from", "-number").first()
    if latest is not None and in_force_from <= latest.in_force_from:
        raise AssemblyError(
            _("The amended statutes must apply after %(date)s, the day version %(number)d applies from.")
            % {"date": date_format(latest.in_force_from, "DATE_FORMAT"), "number": latest.number}
        )
    if in_force_from < assembly.date:
        raise AssemblyError(_("The amended statutes cannot apply before the assembly adopts them."))
    number = (StatutesVersion.objects.aggregate(last=Max("number"))["last"] or 0) + 1
    version = StatutesVersion.objects.create(
        number=number,
        in_force_from=in_force_from,
        adopted_on=assembly.date,
        adopted_by=assembly,
        item=item,
        document=_statutes_document(item=item, assembly=assembly),
        rules=AssemblyRules.get_solo().as_dict(),
    )
    return version


def _statutes_document(*, item, assembly):
    """The draft sent with the item, as the statutes in force among the documents; None without
    a draft."""
    draft = item.documents.order_by("pk").first()
    if draft is None or item.adopted_statutes_id:
        return item.adopted_statutes
    current = Document.objects.current_statutes()
    with draft.file.open("rb") as handle:
        content = ContentFile(handle.read(), name=draft.file.name.rsplit("/", 1)[-1])
    titles = {}
    for code in ("ar", "fr"):
        with translation.override(code):
            titles[code] = _("Statutes adopted on %(date)s") % {
                "date": date_format(assembly.date, "DATE_FORMAT")
            }
    document = Document(
        title=titles["ar"],
        title_ar=titles["ar"],
        title_fr=titles["fr"],
        kind=Document.Kind.STATUTES,
        year=assembly.date.year,
        visibility=current.visibility if current else Document.Visibility.PUBLIC,
        replaces=current,
        adopted_on=assembly.date,
    )
    document.file.save(content.name, content, save=False)
    document.save()
    item.adopted_statutes = document
    item.save(update_fields=["adopted_statutes"])
    return document


@transaction.atomic
def statutes_version_save(*, version):
    """A version entered by hand (statutes adopted before the portal, or its text added later).

    A new version later than every other starts from the rules of the settings, as an adopted
    amendment does; an earlier one (the founding statutes, recorded afterwards) has no rules
    on record. The version's rules are never edited here: the settings are the latest's.
    """
    if version._state.adding:
        latest = StatutesVersion.objects.select_for_update().order_by("-in_force_from", "-number").first()
        if latest is None or version.in_force_from > latest.in_force_from:
            version.rules = AssemblyRules.get_solo().as_dict()
    version.save()
    return version


def majority_basis(rules, majority):
    """The majority an item needed, as the assembly's rules count it, in one sentence: the
    minutes say how a result was judged, so that "approved" with abstentions reads right under
    either rule."""
    if majority == Majority.UNANIMITY:
        if rules.unanimity_tolerates_abstentions:
            return _("Majority required: unanimity of the votes cast; abstentions do not break it.")
        return _("Majority required: unanimity; an abstention breaks it.")
    if majority == Majority.TWO_THIRDS:
        if rules.abstentions_are_cast:
            return _("Majority required: two thirds of the votes, abstentions counted as votes cast.")
        return _("Majority required: two thirds of the votes cast, abstentions not counted.")
    if rules.abstentions_are_cast:
        return _("Majority required: a simple majority of the votes, abstentions counted as votes cast.")
    return _("Majority required: a simple majority of the votes cast, abstentions not counted.")


def describe_decision(decision):
    """The result in words: how it was decided, the counts, and for counted votes the majority
    the item needed under the assembly's own copy of the rules (a later change of the settings
    never rewords a past result)."""
    if decision.method == Decision.Method.UNANIMITY:
        return _("Approved unanimously.")
    if decision.method == Decision.Method.SHOW_OF_HANDS:
        return _("Approved by show of hands.")
    text = _("For: %(for)d, against: %(against)d, abstaining: %(abstentions)d.") % {
        "for": decision.votes_for,
        "against": decision.votes_against,
        "abstentions": decision.abstentions,
    }
    verdict = _("Approved.") if decision.approved else _("Rejected.")
    item = decision.item
    basis = majority_basis(item.assembly.rule, item.majority)
    return f"{verdict} {text} {basis}"


@transaction.atomic
def elect_bureau(*, item, start=None):
    """The elected candidates become the new current mandate, through the renewal service.

    The election item must be decided and approved; the mandate links to the assembly's event.
    """
    if item.kind != ItemKind.ELECTION:
        raise AssemblyError(_("Only an election item elects the bureau."))
    decision = Decision.objects.filter(item=item).first()
    if decision is None or not decision.approved:
        raise AssemblyError(_("Record the approved result of the election first."))
    elected = list(Candidate.objects.filter(item=item, elected=True).order_by("order", "pk"))
    if not elected:
        raise AssemblyError(_("Mark the elected candidates first."))
    assembly = item.assembly
    if Mandate.objects.filter(assembly=assembly.event).exists():
        raise AssemblyError(_("This assembly has already elected its bureau."))
    start = start or assembly.date
    current = Mandate.objects.filter(is_current=True, body=Mandate.Body.EXECUTIVE_BUREAU).first()
    if current is None:
        mandate = Mandate.objects.create(start=start, assembly_date=assembly.date, is_current=True)
    else:
        try:
            mandate = mandate_renew(
                mandate=current, start=start, assembly_date=assembly.date, copy_roster=False
            )
        except ValueError as error:
            raise AssemblyError(str(error)) from error
    mandate.assembly = assembly.event
    mandate.save(update_fields=["assembly"])
    for order, candidate in enumerate(elected):
        Seat.objects.create(
            mandate=mandate,
            office=candidate.office,
            rank=candidate.rank,
            person_id=candidate.person_id,
            council_id=candidate.council_id,
            order=order,
        )
    return mandate


# --- Minutes ------------------------------------------------------------------------------------


def decision_note(decision, language):
    """A decision's note for the minutes in ``language``: (text, the language it is written in).

    The note in ``language`` when there is one; else the note in the other language, which the
    minutes then mark as such (never passed off as a translation); else ("", ``language``).
    """
    other = "fr" if language == "ar" else "ar"
    for code in (language, other):
        text = (getattr(decision, f"note_{code}", "") or "").strip()
        if text:
            return text, code
    return "", language


def decision_rows(items, language):
    """Each agenda item with its decision, the result in words and the note, in ``language``
    (the minutes' text and page)."""
    rows = []
    with translation.override(language):
        for item in items:
            decision = getattr(item, "decision", None)
            note, note_language = decision_note(decision, language) if decision else ("", language)
            rows.append(
                {
                    "item": item,
                    "decision": decision,
                    "result": describe_decision(decision) if decision else "",
                    "note": note,
                    # Set only when the note is in the other language: the minutes mark it so.
                    "note_language": note_language if note_language != language else "",
                }
            )
    return rows


def minutes_text(assembly, language):
    items = assembly.items.select_related("decision").order_by("order", "pk")
    with translation.override(language):
        return render_to_string(
            "assembly/minutes.txt",
            {"assembly": assembly, "figures": figures(assembly), "rows": decision_rows(items, language)},
        ).strip()


@transaction.atomic
def generate_minutes(*, assembly):
    """Write the minutes from the record, in Arabic and French; approved minutes stay as they are."""
    minutes = Minutes.objects.select_for_update().filter(assembly=assembly).first()
    if minutes is not None and minutes.is_approved:
        raise AssemblyError(_("Approved minutes are not generated again."))
    texts = {code: minutes_text(assembly, code) for code in ("ar", "fr")}
    if minutes is None:
        minutes = Minutes(assembly=assembly)
    minutes.text = minutes.text_ar = texts["ar"]
    minutes.text_fr = texts["fr"]
    minutes.save()
    return minutes


@transaction.atomic
def approve_minutes(*, minutes, by):
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.is_approved:
        raise AssemblyError(_("These minutes are already approved."))
    minutes.approved_at, minutes.approved_by = timezone.now(), by
    minutes.save(update_fields=["approved_at", "approved_by"])
    assembly = minutes.assembly
    assembly.status = Assembly.Status.CLOSED
    assembly.save(update_fields=["status"])
    return minutes


# --- Members' agenda requests ------------------------------------------------------------------


def request_deadline(assembly):
    """The last day a member may propose an item, or None when the assembly has no date."""
    if assembly.date is None:
        return None
    return assembly.date - datetime.timedelta(days=assembly.rule.request_days)


def accepts_requests(assembly, *, on=None):
    on = on or timezone.localdate()
    deadline = request_deadline(assembly)
    return (
        assembly.status in (Assembly.Status.PREPARATION, Assembly.Status.CONVENED)
        and deadline is not None
        and on <= deadline
    )


def may_propose(assembly, person):
    """A member the rules convene (an active membership in a convened council) may propose."""
    return convened_memberships(assembly).filter(person=person).exists()


def request_problem(assembly, person, *, on=None):
    """Why ``person`` may not propose an item for ``assembly`` on the day ``on`` (today by
    default), addressed to them in their gender, or None when they may."""
    if person is None:
        return _("Only the members convened to this assembly may propose an item.")
    if not may_propose(assembly, person):
        if person.gender == "f":
            return pgettext("female", "You are not convened to this assembly: you cannot propose an item.")
        return pgettext("male", "You are not convened to this assembly: you cannot propose an item.")
    if assembly.status not in (Assembly.Status.PREPARATION, Assembly.Status.CONVENED):
        return _("The agenda of this assembly can no longer change.")
    deadline = request_deadline(assembly)
    if deadline is None:
        return _("The assembly has no date yet.")
    if not accepts_requests(assembly, on=on):
        return _("Agenda requests for this assembly closed on %(date)s.") % {
            "date": date_format(deadline, "DATE_FORMAT")
        }
    return None


@transaction.atomic
def request_agenda_item(*, assembly, person, title, explanation="", on=None):
    """A member proposes an item; refused after the deadline, or for a member not convened."""
    assembly = Assembly.objects.select_for_update().get(pk=assembly.pk)
    title = (title or "").strip()
    if not title:
        raise AssemblyError(_("Write the item you propose."))
    if problem := request_problem(assembly, person, on=on):
        raise AssemblyError(problem)
    if AgendaRequest.objects.filter(assembly=assembly, person=person, title=title).exists():
        raise AssemblyError(_("You have already proposed this item."))
    return AgendaRequest.objects.create(
        assembly=assembly, person=person, title=title, explanation=(explanation or "").strip()
    )


@transaction.atomic
def accept_request(*, request, by=None, base_url=""):
    """The secretariat puts the proposed item on the agenda (and in the calendar's agenda); the
    member is told by e-mail (:func:`notify_answer`)."""
    request = (
        AgendaRequest.objects.select_for_update()
        .select_related("assembly__event", "person")
        .get(pk=request.pk)
    )
    if request.status != AgendaRequest.Status.PENDING:
        raise AssemblyError(_("This request has already been answered."))
    assembly = request.assembly
    if assembly.status not in (Assembly.Status.PREPARATION, Assembly.Status.CONVENED):
        raise AssemblyError(_("The agenda of this assembly can no longer change."))
    last = assembly.items.order_by("-order").values_list("order", flat=True).first()
    order = 0 if last is None else last + 1
    agenda = AgendaItem.objects.create(event=assembly.event, order=order, title=request.title)
    agenda.title_ar = request.title
    agenda.save()
    item = Item.objects.create(
        assembly=assembly,
        order=order,
        kind=ItemKind.OTHER,
        title=request.title,
        title_ar=request.title,
        agenda_item=agenda,
    )
    request.status, request.item = AgendaRequest.Status.ACCEPTED, item
    request.decided_at, request.decided_by = timezone.now(), by
    request.save(update_fields=["status", "item", "decided_at", "decided_by"])
    notify_answer(agenda_request=request, base_url=base_url)
    return item


@transaction.atomic
def refuse_request(*, request, reason, by=None, base_url=""):
    """The secretariat refuses a proposal with the reason the member reads (by e-mail too)."""
    request = (
        AgendaRequest.objects.select_for_update()
        .select_related("assembly__event", "person")
        .get(pk=request.pk)
    )
    if request.status != AgendaRequest.Status.PENDING:
        raise AssemblyError(_("This request has already been answered."))
    reason = (reason or "").strip()
    if not reason:
        raise AssemblyError(_("Give the member the reason of the refusal."))
    request.status, request.reason = AgendaRequest.Status.REFUSED, reason
    request.decided_at, request.decided_by = timezone.now(), by
    request.save(update_fields=["status", "reason", "decided_at", "decided_by"])
    notify_answer(agenda_request=request, base_url=base_url)
    return request


def notify_answer(*, agenda_request, base_url=""):
    """E-mail the member the secretariat's answer to their proposal, in their language and
    grammatical gender, with the reason of a refusal and, given the portal's address, the link
    to their page. Queued by django-mailer in the answer's transaction (``EMAIL_BACKEND``), as
    every e-mail to a member: the answer is saved whatever the mail server does, and an answer
    rolled back sends nothing. A member without an e-mail reads the answer on their page only.
    Returns whether a message was queued."""
    person = agenda_request.person
    if not person.email:
        return False
    language = _language(person)
    with translation.override(language):
        title = " ".join(agenda_request.title.split())
        subject = _("Answer to your proposal for the agenda: %(title)s") % {
            "title": Truncator(title).chars(80)
        }
        context = {
            "agenda_request": agenda_request,
            "accepted": agenda_request.status == AgendaRequest.Status.ACCEPTED,
            "assembly": agenda_request.assembly,
            "person": person,
            "title": title,
            "url": base_url.rstrip("/") + reverse("assembly:mine") if base_url else "",
            "association": AssociationProfile.get_solo(),
            "subject": subject,
            "LANGUAGE_CODE": language,
            "LANGUAGE_BIDI": translation.get_language_bidi(),
        }
        text = render_to_string("assembly/email/request_answer.txt", context)
        html = render_to_string("assembly/email/request_answer.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[person.email])
    message.attach_alternative(html, "text/html")
    message.send()
    return True


def search_convocations(assembly, text):
    """The sign-in screen's search: every word starts a word of the member's name or council."""
    queryset = assembly.convocations.select_related(
        "person", "council", "attendance", "attendance__proxy_holder__person"
    )
    for term in search_terms(text or ""):
        queryset = queryset.filter(
            Q(person__search_key__startswith=term)
            | Q(person__search_key__contains=f" {term}")
            | Q(council__search_key__startswith=term)
            | Q(council__search_key__contains=f" {term}")
        )
    return queryset
