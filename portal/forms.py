"""The page form every page type of the portal uses (``base_form_class``): a slug an editor never has to invent.

An empty slug is made from the title as every slug of the portal is (portal.slugs: Arabic letters kept), with -2,
-3… when a sibling already has it. A slug that another page under the same parent uses is refused on the field itself, naming that
page, so the editor knows which one to rename; Wagtail's own message said only that the slug is taken.
"""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from portal.slugs import first_free, slug_for


class PortalPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def siblings(self):
        if self.parent_page is None:
            return None
        siblings = self.parent_page.get_children()
        return siblings.not_page(self.instance) if self.instance.pk else siblings

    def clean(self):
        siblings = self.siblings()
        if "slug" in self.fields and siblings is not None:
            slug, title = self.cleaned_data.get("slug"), self.cleaned_data.get("title")
            base = slug_for(title or "")[:240]
            if not slug and "slug" not in self.errors and base:
                self.cleaned_data["slug"] = first_free(siblings, base)
            elif slug and (sibling := siblings.filter(slug=slug).first()):
                self.add_error(
                    "slug",
                    _("The page «%(title)s» in the same section already uses this address; choose another one.")
                    % {"title": sibling.get_admin_display_title()},
                )
        return super().clean()
