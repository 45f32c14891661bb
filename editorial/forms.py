"""Admin forms: Wagtail's login form with a translated password label (WAGTAILADMIN_USER_LOGIN_FORM)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    # Wagtail's field has no label, so Django shows its name, "Password", in every language.
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"placeholder": _("Enter password")}),
        strip=False,
    )
