"""WSGI entry point; deployments set DJANGO_SETTINGS_MODULE=koonto.settings.production."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koonto.settings.production")

application = get_wsgi_application()
