"""The core's Wagtail hooks: an untranslated copy's address leads to the original page (portal.pages)."""

from wagtail import hooks

from portal.pages import untranslated_copy_redirect


@hooks.register("before_serve_page")
def lead_untranslated_copies_to_their_original(page, request, serve_args, serve_kwargs):
    return untranslated_copy_redirect(page, request)
