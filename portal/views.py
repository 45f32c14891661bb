"""Views of the core beside Wagtail's page serving: the health check."""

from django.db import connection
from django.http import HttpResponse


def healthz(request):
    """For load balancers and `make serve`: the process answers and the database responds."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
