"""WSGI entry point; production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# Everything loaded so far (Django, Wagtail, the apps, their URL patterns) lives as long as the process: moved out
# of the garbage collector's reach, it is no longer scanned at each collection during requests (about a tenth of
# a page's time, benchmarks/README.md).
gc.collect()
gc.freeze()
