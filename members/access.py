"""Who counts as a member when deciding what a visitor may see.

Members-only events, documents and feeds ask this one function. Until the members register
links accounts to people, a signed-in account counts as a member; the members app narrows it
to accounts linked to an active membership (and staff).
"""


def is_member(user):
    return bool(user is not None and user.is_authenticated)
