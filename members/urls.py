from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from members import forms, views
from portal.ratelimit import limit_form_posts, limit_login_posts

app_name = "members"

urlpatterns = [
    path("", views.DirectoryView.as_view(), name="directory"),
    path("councils/<int:pk>/", views.CouncilDetailView.as_view(), name="council"),
    path("organisations/<int:pk>/", views.OrganisationDetailView.as_view(), name="organisation"),
    path("apply/", limit_form_posts(views.ApplicationView.as_view()), name="apply"),
    path("apply/thanks/", views.ApplicationThanksView.as_view(), name="apply-thanks"),
    path("account/", views.AccountView.as_view(), name="account"),
    path("account/email/<str:token>/", views.EmailChangeConfirmView.as_view(), name="email-confirm"),
    path(
        "login/",
        limit_login_posts(
            auth_views.LoginView.as_view(
                template_name="members/registration/login.html",
                authentication_form=forms.EmailLoginForm,
                redirect_authenticated_user=True,
            )
        ),
        name="login",
    ),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path(
        "password-reset/",
        views.PasswordResetView.as_view(
            form_class=forms.MemberPasswordResetForm,
            template_name="members/registration/password_reset_form.html",
            email_template_name="members/registration/password_reset_email.txt",
            subject_template_name="members/registration/password_reset_subject.txt",
            success_url=reverse_lazy("members:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="members/registration/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="members/registration/password_reset_confirm.html",
            success_url=reverse_lazy("members:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="members/registration/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
