"""Shared settings for every environment, production-safe and read from the environment.

Environment-specific modules (dev, test, production) import this one and change only
what differs. Every variable read here is listed in `.env.example`.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable into a list without empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# Production refuses to start without it (see production.py); dev and test set their own.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "koonto",
    "home",
    "guides",
    "showcase",
    "events",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "corsheaders",
    "wagtail_headless_preview",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# Order matters for HTTP caching (koonto/http.py); responses pass these bottom to top.
# CORS answers preflights before anything else and adds its headers last, also to 304s.
# ConditionalGet (ETag, 304) must see the Cache-Control that PublicCacheMiddleware decided,
# and PublicCacheMiddleware must see every cookie and Vary header set below it (session,
# CSRF, messages, locale), so both sit above WhiteNoise and the session middleware.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "koonto.http.PublicCacheMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "koonto.middleware.KoontoLocaleMiddleware",
    "koonto.api.views.APIWritesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "koonto.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "koonto.wsgi.application"

# Database: SQLite in the project folder unless DATABASE_URL says otherwise
# (production runs PostgreSQL: postgres://user:password@host:5432/name).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Finnish is the default and the source language of all content; English is
# the second. Swedish (or another language Django knows) is switched on with
# KOONTO_LANGUAGES=fi,en,sv: the locale, URL prefix and admin language follow.
LANGUAGE_NAMES = {"fi": "Suomi", "en": "English", "sv": "Svenska"}
LANGUAGE_CODE = "fi"
_language_codes = env_list("KOONTO_LANGUAGES", "fi,en")
if not _language_codes or _language_codes[0] != LANGUAGE_CODE:
    raise ImproperlyConfigured("KOONTO_LANGUAGES must start with 'fi', the source language.")
LANGUAGES = [(code, LANGUAGE_NAMES.get(code, code)) for code in _language_codes]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["koonto.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Helsinki"
# New translations start as drafts: a translator's work is reviewed before it goes live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Static and media files. whitenoise serves static files in every environment.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Large page models post many fields from the editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "koonto@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10

# Wagtail
WAGTAIL_SITE_NAME = "Koonto"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Headless API (koonto/api/, docs/api.md). Rich text goes out as HTML with public links; a
# client pages through at most 50 items at a time. Writes (API v3 with a token) stay off
# unless KOONTO_API_WRITES is set; then a token has exactly its user's admin permissions.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 50
KOONTO_API_WRITES = env_bool("KOONTO_API_WRITES", False)
REST_FRAMEWORK = {
    # Numbers (support rates, budgets, prices) as JSON numbers, not strings.
    "COERCE_DECIMAL_TO_STRING": False,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# Review mail goes to the group of the current step, not to every administrator.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env_bool("NOTIFY_SUPERUSERS", False)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Guides and calls whose facts were checked longer ago than this show on the dashboard.
KOONTO_STALE_AFTER_DAYS = int(os.environ.get("KOONTO_STALE_AFTER_DAYS", "365"))
TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# HTTP caching (koonto/http.py): seconds that browsers and proxies may reuse an anonymous
# public response. Short, so that a published change shows within a minute.
KOONTO_CACHE_MAX_AGE = int(os.environ.get("KOONTO_CACHE_MAX_AGE", "60"))

# CORS: only the API under /api/ answers other origins, and only those listed. Cross-origin
# writes are allowed only when the API accepts writes (KOONTO_API_WRITES); no credentials.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
if KOONTO_API_WRITES:
    CORS_ALLOW_METHODS += ["POST", "PUT", "PATCH", "DELETE"]

# Headless preview (koonto/preview.py): the admin sends the editor to the client with
# ?content_type=app.model&token=...; the client fetches the draft from /api/preview/.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": os.environ.get("KOONTO_PREVIEW_CLIENT_URL", "{SITE_ROOT_URL}/preview/")},
}
# Seconds a preview token stays valid after the editor chose Preview.
KOONTO_PREVIEW_TOKEN_MAX_AGE = int(os.environ.get("KOONTO_PREVIEW_TOKEN_MAX_AGE", "3600"))

# Name of the project as the public sees it, in each language (used in <title>).
KOONTO_SITE_TITLE = _("Koonto – citizen-led development in Pohjois-Savo")
