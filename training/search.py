"""Training's part of the portal search: the sessions of published programmes, found by their
event's texts and by their topics (added to the event's key through ``EXTRA_SEARCH_TEXTS``)."""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from events.models import EXTRA_SEARCH_TEXTS, Event
from portal.search import SearchResult, SearchResults, ranked
from portal.text import translated_values
from training.models import SessionTopic, Topic, TrainingSession


def topic_texts(event):
    """The names, in every language, of the topics of ``event``'s training session."""
    topics = Topic.objects.filter(sessions__event=event).distinct()
    return [value for topic in topics for value in translated_values(topic, "name")]


class TrainingSearchProvider:
    key = "training"
    label = _("Training")
    order = 25

    def search(self, query, *, language, user, limit, offset=0):
        events = Event.objects.visible_to(user).filter(training_session__programme__published=True)
        rows, years = ranked(
            events, query, name=f"training:{getattr(user, 'pk', None) or 0}", date_field="start_date"
        )
        found = list(
            rows.select_related("kind", "training_session").defer("search_key", "search_title")[
                offset : offset + limit
            ]
        )
        results = [
            SearchResult(
                title=event.title,
                url=event.training_session.get_absolute_url(),
                summary=event.summary or event.kind.name,
                date=event.start_date,
            )
            for event in found
        ]
        return SearchResults(results, total=rows.count(), years=years)


def _session_topics_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    session = TrainingSession.objects.filter(pk=instance.session_id).select_related("event").first()
    if session:
        session.event.refresh_search_key()


def _topic_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for event in Event.objects.filter(training_session__topics=instance):
        event.refresh_search_key()


def connect_signals():
    if topic_texts not in EXTRA_SEARCH_TEXTS:
        EXTRA_SEARCH_TEXTS.append(topic_texts)
    post_save.connect(_session_topics_changed, sender=SessionTopic, dispatch_uid="training-search-topic-link")
    post_delete.connect(
        _session_topics_changed, sender=SessionTopic, dispatch_uid="training-search-topic-unlink"
    )
    post_save.connect(_topic_changed, sender=Topic, dispatch_uid="training-search-topic")
