"""The moderation workflow: every page, calls and news included, is submitted, then approved by a Moderator.

The workflow hangs on the root page, so it covers every locale's tree and every page created later, including
calls filed under a programme; it is set up by migration ``editorial.0001``. Wagtail sends its notifications
by e-mail (``EMAIL_URL``): on submission to the Moderators (and superusers), on a request for changes (with the
moderator's comment) and on approval to the editor who submitted, each in the recipient's admin language.
"""

from wagtail.models import Page, WorkflowPage


def moderation_workflow():
    """The workflow of the root page, which every page inherits unless an editor attaches another one lower down."""
    root = Page.get_first_root_node()
    attached = WorkflowPage.objects.filter(page=root).select_related("workflow").first() if root else None
    return attached.workflow if attached else None
