"""Who counts as a member when deciding what a visitor may see.

The rule belongs to the members app (``members.access.is_member``), which registers it in its
``AppConfig.ready()``; the apps below it (association's members-only documents) ask here, so
that they need not import members. Without a registered rule nobody is a member.
"""

_rule = None


def register_member_rule(rule):
    """``rule(user) -> bool``: whether ``user`` may see what is for members only."""
    global _rule
    _rule = rule


def is_member(user):
    return bool(_rule is not None and _rule(user))
