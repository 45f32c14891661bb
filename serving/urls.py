"""The portal's URLs plus /media/ (uploaded images and documents' renditions), which `make serve` serves itself
where a production server's front proxy would serve the folder directly (deploy/README section in README.md)."""

from django.conf import settings
from django.urls import re_path
from django.utils.cache import patch_cache_control
from django.views.static import serve

from portal.urls import urlpatterns as portal_urlpatterns

MEDIA_MAX_AGE = 24 * 3600


def media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    # Renditions and uploads get a new file name when they change: shared caches may keep them for a day.
    patch_cache_control(response, public=True, max_age=MEDIA_MAX_AGE)
    return response


urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", media),
    *portal_urlpatterns,
]
