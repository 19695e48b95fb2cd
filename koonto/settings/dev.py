"""Local development: DEBUG on, console e-mail, a secret key kept in an untracked file."""

import secrets

from ops.environment import env

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = env.bool("DEBUG", True)
ALLOWED_HOSTS = ["*"]

_key_file = BASE_DIR / ".secret_key"
if not _key_file.exists():
    _key_file.write_text(secrets.token_urlsafe(50))
    _key_file.chmod(0o600)
SECRET_KEY = _key_file.read_text().strip()

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Plain storage: runserver serves static files without collectstatic.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
