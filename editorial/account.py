"""Account settings that save a language or a time zone without asking for the profile first.

Wagtail's account page submits every panel as one form, and its name-and-e-mail panel requires all three
fields: an account made without them (the `admin` of `make setup`, `createsuperuser`) could not even switch its
admin language. Here they are optional; an address given is still checked as an address.
"""

from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.views import account


class OptionalNameEmailForm(NameEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class OptionalNameEmailSettingsPanel(account.NameEmailSettingsPanel):
    form_class = OptionalNameEmailForm


class AccountView(account.AccountView):
    def get_panels(self):
        return [
            OptionalNameEmailSettingsPanel(panel.request, panel.user, panel.profile)
            if type(panel) is account.NameEmailSettingsPanel
            else panel
            for panel in super().get_panels()
        ]


# Wagtail's own decorators of its admin URLs: logged-in admin users only, never cached.
account_view = never_cache(require_admin_access(AccountView.as_view()))
