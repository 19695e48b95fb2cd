"""WSGI entry point; deployments set DJANGO_SETTINGS_MODULE=koonto.settings.production."""

import os

from django.core.wsgi import get_wsgi_application

from ops.logging import serve_logs_on_stdout

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koonto.settings.production")
# An app server logs to stdout (management commands to stderr: ops/logging.py).
serve_logs_on_stdout()

application = get_wsgi_application()
