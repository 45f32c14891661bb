"""Content-Security-Policy with one exception: the Wagtail admin, which still needs inline scripts and styles."""

from csp.middleware import CSPMiddleware
from django.conf import settings


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.PORTAL_ADMIN_PATH_PREFIXES):
            parts.update = {**(parts.update or {}), **settings.PORTAL_ADMIN_CSP_UPDATE}
        return parts
