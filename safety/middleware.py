"""The admin answers only on its configured host: anywhere else /admin/ does not exist (404)."""

from django.conf import settings
from django.http import Http404
from django.http.request import split_domain_port


class AdminHostMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin_host = settings.ADMIN_HOST.lower()
        if admin_host and request.path_info.startswith(settings.ADMIN_PATH_PREFIXES):
            host, _port = split_domain_port(request.get_host())
            if host != admin_host:
                raise Http404
        return self.get_response(request)
