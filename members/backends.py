from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """Members sign in with their e-mail address (staff may still use their user name)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or not password or "@" not in username:
            return None
        User = get_user_model()
        users = User._default_manager.filter(email__iexact=username.strip()).order_by("pk")
        for user in users[:2]:
            if user.check_password(password) and self.user_can_authenticate(user):
                return user
        User().set_password(password)  # same cost when nobody matches (timing)
        return None
