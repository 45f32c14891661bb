"""Glue for django-axes: the lockout page and the client address it counts failures by."""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    """The same localized page for every locked-out login, whether the username exists or not (no enumeration)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "safety/lockout.html", {"minutes": minutes}, status=429)


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or, behind TRUSTED_PROXY_COUNT proxies, the address the outermost
    trusted proxy saw (counted from the right of X-Forwarded-For, so a client cannot forge it)."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def client_username(request, credentials=None):
    """The username tried, cut to what django-axes can store (255 characters; no account name is longer than 150),
    so a 10,000-character username is one more failed login, not a database error."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        username = credentials.get(field)
    else:
        username = getattr(request, "data", request.POST).get(field)
    return username[:255] if isinstance(username, str) else username
