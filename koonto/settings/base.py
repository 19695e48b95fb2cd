"""Shared settings for every environment, production-safe and read from the environment.

Environment-specific modules (dev, test, production) import this one and change only
what differs. Every variable read here is listed in `.env.example`.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers as cors_default_headers
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from ops.environment import env

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


DEBUG = env.bool("DEBUG", False)
# Production refuses to start without it (see production.py); dev and test set their own.
SECRET_KEY = env.str("SECRET_KEY", "")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "koonto",
    "design",
    # Right after koonto, before every wagtail app: its ready() changes how Wagtail's v3 builds
    # page schemas, which must happen before anything imports wagtail.api.v3.registry (api/v3_rows.py).
    "api",
    "home",
    "guides",
    "showcase",
    "events",
    "feeds",
    # editorial and localisation come before the wagtail apps: editorial's publish_scheduled
    # command replaces Wagtail's (the first app with a command's name wins), and localisation's
    # hooks register an admin URL that answers in place of wagtail-localize's PO upload.
    "editorial",
    "localisation",
    "search",
    "advice",
    "reminders",
    "registrations",
    "demo",
    # Personal data (personal_data/): the declarations, the outbox, retention, the rights pages.
    "personal_data",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    # Purges a front proxy or CDN on publish; without WAGTAILFRONTENDCACHE backends it does nothing.
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",  # search: editor-picked results and query logging
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
    # Security (ops/security.py, ops/twofactor/, docs/security.md): CSP headers,
    # admin login lockout, optional TOTP two-factor with recovery codes.
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "ops.twofactor",
    # Last: its ready() connects the page cache to every snippet and setting model, which Wagtail
    # knows only once its own apps are ready (ops/signals.py).
    "ops",
]

# Order matters for HTTP caching (ops/cache_headers.py); responses pass these bottom to top.
# CORS answers preflights before anything else and adds its headers last, also to 304s.
# ConditionalGet (ETag, 304) must see the Cache-Control that PublicCacheMiddleware decided,
# and PublicCacheMiddleware must see every cookie and Vary header set below it (session,
# CSRF, messages, locale), so both sit above WhiteNoise and the session middleware.
# The anonymous page cache (ops/pagecache.py) stores what PublicCacheMiddleware made
# public, and its hits still pass ConditionalGet for ETag/304.
MIDDLEWARE = [
    # Request id (ops/logging.py) first: every later log line and every response carries it.
    "ops.logging.RequestIdMiddleware",
    # HEAD answers lose their body last, after every other middleware saw it (ops/http.py).
    "ops.http.HeadResponseMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Security (ops/security.py) sits high so that every response gets the headers, also
    # cached pages, 304s and CORS preflights (Content-Security-Policy, Permissions-Policy), and
    # uploaded originals (/media/documents/, /media/original_images/) are never served.
    "ops.security.ContentSecurityPolicyMiddleware",
    "ops.security.PermissionsPolicyMiddleware",
    "ops.security.ProtectedMediaMiddleware",
    # /healthz answered here, with the headers above and without the work below (ops/views.py).
    "ops.views.HealthCheckMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # gzip for API JSON, feeds and the sitemap (ops/compression.py): above ConditionalGet and the
    # page cache, so ETags come from the uncompressed body and cached hits are compressed too.
    "ops.compression.FeedAndAPICompressionMiddleware",
    "ops.http.ConditionalGetMiddleware",
    "ops.pagecache.AnonymousPageCacheMiddleware",
    "ops.cache_headers.PublicCacheMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ops.locale.KoontoLocaleMiddleware",
    # Hostile input: a path no page can have, or an API parameter no endpoint can use, is a 400
    # before any view or query runs (ops/input_guard.py, api/params.py).
    "api.params.APIParametersMiddleware",
    "ops.input_guard.PathGuardMiddleware",
    "api.views.APIWritesMiddleware",
    # HEAD and OPTIONS on API v3, which routes only declared methods (api/http.py).
    "api.http.APIMethodsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor (ops/twofactor/): marks a session verified, and keeps a password-only
    # session out of the admin when a second factor is due.
    "django_otp.middleware.OTPMiddleware",
    "ops.twofactor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ops.security.ViewPasswordRateLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A page request's route (its page's id and type) kept per content generation, site, language
    # and path: one query instead of Wagtail's three to five (ops/contentcache.py remember_route).
    "ops.contentcache.RememberRouteMiddleware",
    # django-axes turns a locked-out login into its lockout page; it must come last.
    "axes.middleware.AxesMiddleware",
]

# Admin login lockout (django-axes) needs its backend first; it checks, ModelBackend logs in.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
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
        conn_max_age=env.int("CONN_MAX_AGE", 0),
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
_language_codes = env.list("KOONTO_LANGUAGES", "fi,en")
if not _language_codes or _language_codes[0] != LANGUAGE_CODE:
    raise ImproperlyConfigured("KOONTO_LANGUAGES must start with 'fi', the source language.")
LANGUAGES = [(code, LANGUAGE_NAMES.get(code, code)) for code in _language_codes]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The login form with its password label translated (ops/login.py).
WAGTAILADMIN_USER_LOGIN_FORM = "ops.login.KoontoLoginForm"
WAGTAIL_I18N_ENABLED = True
# Koonto's own strings, then the Finnish for the libraries' strings (locale/libraries/: msgids that
# are not in Koonto's code, kept out of `make messages`). Both come before the apps' catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "libraries"]
FORMAT_MODULE_PATH = ["koonto.formats"]
# The admin's date and time pickers write dates the Finnish way, 14.05.2030 10.00 (one format for
# every admin language: Wagtail reads these once, when a form class is built). Both format modules
# accept them as input, and ISO dates stay accepted (Django adds ISO to every *_INPUT_FORMATS).
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H.%M"
WAGTAIL_TIME_FORMAT = "%H.%M"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Helsinki"
# New translations start as drafts: a translator's work is reviewed before it goes live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Static and media files. whitenoise serves static files in every environment.
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", BASE_DIR / "static")
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Large page models post many fields from the editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}

# --- Beyond one machine (docs/deploy.md): optional switches, all off unless set ---------------
# REDIS_URL: one cache shared by every app server (django-redis), so that a publication
# invalidates cached content everywhere at once; sessions live in the cache, backed by the
# database. A Redis outage degrades to cache misses instead of errors (logged).
REDIS_URL = env.str("REDIS_URL", "")
CACHE_KEY_PREFIX = env.str("CACHE_KEY_PREFIX", "koonto")
if REDIS_URL:
    _redis_options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2}
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": _redis_options,
        },
        # Wagtail looks up image renditions in this cache when it exists.
        "renditions": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}-renditions",
            "TIMEOUT": 24 * 3600,
            "OPTIONS": _redis_options,
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# AWS_STORAGE_BUCKET_NAME: uploaded images and documents on S3-compatible object storage
# (django-storages; needs `pip install boto3`). Unset, media stay in MEDIA_ROOT.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME") or None
    AWS_S3_ACCESS_KEY_ID = env.str("AWS_S3_ACCESS_KEY_ID") or None
    AWS_S3_SECRET_ACCESS_KEY = env.str("AWS_S3_SECRET_ACCESS_KEY") or None
    AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN") or None
    # Private bucket and signed links by default; two uploads with one name never overwrite.
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = env.bool("AWS_QUERYSTRING_AUTH", True)
    AWS_S3_FILE_OVERWRITE = False

# Frontend cache invalidation on publish (wagtail.contrib.frontend_cache): a caching proxy that
# accepts HTTP PURGE (Varnish, nginx with a purge module) and/or Cloudflare.
WAGTAILFRONTENDCACHE = {}
_purge_url = env.str("FRONTEND_CACHE_PURGE_URL")
_cloudflare_zone = env.str("CLOUDFLARE_ZONE_ID")
if _purge_url:
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": _purge_url,
    }
if _cloudflare_zone:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": _cloudflare_zone,
    }
# Each language tree has its own slugs: purge a page's own URL, not one per language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# KOONTO_SERVE_MEDIA=1: Django itself serves MEDIA_ROOT at MEDIA_URL (ops.views.serve_media).
# For local production-like runs (`make serve`); in production the proxy or object storage
# serves media.
KOONTO_SERVE_MEDIA = env.bool("KOONTO_SERVE_MEDIA", False)

EMAIL_BACKEND = env.str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "koonto@localhost")
EMAIL_HOST = env.str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10

# Wagtail
WAGTAIL_SITE_NAME = "Koonto"
# The public origin of every absolute URL (koonto/origin.py); the admin's links follow it
# unless the admin is served from another address. Wagtail's API builds `detail_url`,
# `download_url` and the `find/` redirect from WAGTAILAPI_BASE_URL: always the origin.
KOONTO_PUBLIC_URL = env.str("KOONTO_PUBLIC_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", KOONTO_PUBLIC_URL)
WAGTAILAPI_BASE_URL = KOONTO_PUBLIC_URL
# Search (search/): Koonto indexes and queries base forms it computes itself (koonto/normalise.py),
# so PostgreSQL must not stem again: "simple" only lowercases, as SQLite's FTS5 does.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backend", "SEARCH_CONFIG": "simple"},
}
# simplemma's memory-frugal dictionaries: identical base forms, ~300 MB less per process (the
# Finnish dictionary), lookups a few times slower (koonto/normalise.py caches them).
KOONTO_LEMMATISER_LOW_MEMORY = env.bool("KOONTO_LEMMATISER_LOW_MEMORY", True)
# Days of search query counts kept for the popular and zero-result queries report.
WAGTAILSEARCH_HITS_MAX_AGE = 90
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Uploads (docs/security.md): no SVG (it can carry script); at most 40 megapixels, so that a
# small "decompression bomb" cannot exhaust memory while renditions are made. Documents go
# through Wagtail's serve view (never a redirect to storage), which checks collection privacy
# and sends them as attachments, except PDF, with nosniff and a "default-src 'none'" CSP.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40 * 1000 * 1000)
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# New page slugs in ASCII (ä -> a, ö -> o, å -> a), so that shared links stay readable: the
# admin's slug field and Wagtail's own slugs follow this; editorial/slugs.py holds new pages
# to it whatever the client sends. Existing slugs are kept (the model field allows Unicode).
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Headless API (api/, docs/api.md). Rich text goes out as HTML with public links; a
# client pages through at most 50 items at a time. Writes (API v3 with a token) stay off
# unless KOONTO_API_WRITES is set; then a token has exactly its user's admin permissions.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 50
KOONTO_API_WRITES = env.bool("KOONTO_API_WRITES", False)
REST_FRAMEWORK = {
    # Numbers (support rates, budgets, prices) as JSON numbers, not strings.
    "COERCE_DECIMAL_TO_STRING": False,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# Review mail goes to the group of the current step, not to every administrator.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env.bool("NOTIFY_SUPERUSERS", False)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Guides and calls whose facts were checked longer ago than this show on the dashboard.
KOONTO_STALE_AFTER_DAYS = env.int("KOONTO_STALE_AFTER_DAYS", 365)
TAGGIT_CASE_INSENSITIVE = True

# Logs (ops/logging.py, docs/deploy.md): one JSON object a line, with the request id; errors
# carry their traceback. App servers write them to stdout, which the process manager or platform
# collects; management commands to stderr, so that their stdout is their output alone.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "ops.logging.JsonFormatter"}},
    "handlers": {"console": {"class": "ops.logging.ConsoleHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# HTTP caching (ops/cache_headers.py): seconds that browsers and proxies may reuse an anonymous
# public response. Short, so that a published change shows within a minute.
KOONTO_CACHE_MAX_AGE = env.int("KOONTO_CACHE_MAX_AGE", 60)
# The anonymous full-page cache (ops/pagecache.py) in the `default` cache; entries live at
# most this many seconds (and never past the next event start or call deadline), and
# publishing anything empties it. Its keys carry the content generation, which every process
# reads (from Redis, or once per request from the database), so it is right in every worker
# with or without a shared cache. On by default only with a shared cache (REDIS_URL): without
# one, each worker would render and keep its own copy of every page, and a hit would still cost
# the query that reads the generation (KOONTO_PAGE_CACHE=1 turns it on all the same).
KOONTO_PAGE_CACHE = env.bool("KOONTO_PAGE_CACHE", bool(REDIS_URL))
KOONTO_PAGE_CACHE_TIMEOUT = env.int("KOONTO_PAGE_CACHE_TIMEOUT", 600)
# The iCalendar feed lists at most this many upcoming events, soonest first (feeds/views.py):
# a subscribed calendar refreshes and sees later events as earlier ones pass.
KOONTO_CALENDAR_SIZE = env.int("KOONTO_CALENDAR_SIZE", 500)

# CORS: only the API under /api/ answers other origins, and only those listed. Cross-origin
# writes are allowed only when the API accepts writes (KOONTO_API_WRITES); no credentials.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS")
# The feeds (`.rss`, `.ics` under a language prefix) answer CORS like the API.
CORS_URLS_REGEX = r"^/(api/.*|[a-z]{2}(-[a-z]+)?/.+\.(rss|ics))$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# Conditional requests from browsers: If-None-Match may be sent, the ETag may be read.
CORS_ALLOW_HEADERS = (*cors_default_headers, "if-none-match")
CORS_EXPOSE_HEADERS = ["ETag"]
if KOONTO_API_WRITES:
    CORS_ALLOW_METHODS += ["POST", "PUT", "PATCH", "DELETE"]

# Headless preview (api/preview.py): the admin sends the editor to the client with
# ?content_type=app.model&token=...; the client fetches the draft from /api/preview/.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": env.str("KOONTO_PREVIEW_CLIENT_URL", "{SITE_ROOT_URL}/preview/")},
}
# Seconds a preview token stays valid after the editor chose Preview.
KOONTO_PREVIEW_TOKEN_MAX_AGE = env.int("KOONTO_PREVIEW_TOKEN_MAX_AGE", 3600)

# Name of the project as the public sees it, in each language (used in <title>).
KOONTO_SITE_TITLE = _("Koonto – citizen-led development in Pohjois-Savo")

# Security (ops/security.py, ops/twofactor/, docs/security.md). Every value here is safe
# in every environment; production.py adds what needs TLS (secure cookies, HSTS).
#
# Content-Security-Policy (django-csp 4): the public site runs no inline script or style; the
# guide's click-to-load videos may frame YouTube's no-cookie player and Vimeo. JSON-LD is a
# data block, which CSP does not treat as script. The admin gets ADMIN_CONTENT_SECURITY_POLICY
# (ops.security.ContentSecurityPolicyMiddleware): Wagtail's admin needs inline script.
# KOONTO_CSP_MEDIA_ORIGINS: origins of media on object storage or a CDN, e.g. https://cdn.example.fi;
# the S3 switches (AWS_S3_CUSTOM_DOMAIN, AWS_S3_ENDPOINT_URL) add theirs without it.
_csp_media = env.list("KOONTO_CSP_MEDIA_ORIGINS")
if AWS_STORAGE_BUCKET_NAME:
    if AWS_S3_CUSTOM_DOMAIN:
        _csp_media.append(f"https://{AWS_S3_CUSTOM_DOMAIN}")
    if AWS_S3_ENDPOINT_URL:
        _csp_media.append(AWS_S3_ENDPOINT_URL.rstrip("/"))
    else:
        _csp_media.append("https://*.amazonaws.com")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_csp_media],
        "media-src": ["'self'", *_csp_media],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# The editor's preview of a public page (ops.security.ContentSecurityPolicyMiddleware): the
# public policy, framed only by the admin itself.
PREVIEW_CONTENT_SECURITY_POLICY = {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "frame-ancestors": ["'self'"]}
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    # Avatars (Gravatar), embed thumbnails and previews come from other sites.
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "media-src": ["'self'", *_csp_media],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", "https:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    # The page editor shows its preview in an iframe of the admin itself.
    "frame-ancestors": ["'self'"],
}
# Features no Koonto page uses are switched off for the page and everything it frames,
# except fullscreen and autoplay for the video players (ops.security.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), browsing-topics=(), "
    'fullscreen=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com"), '
    'autoplay=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")'
)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# No Gravatar in the admin: it would send a hash of each staff e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Admin login lockout (django-axes): AXES_FAILURE_LIMIT failed logins for one username from one
# address lock that pair for AXES_COOLOFF_MINUTES; a success resets the count. Behind a proxy,
# KOONTO_TRUSTED_PROXY_COUNT (the number of proxies that append to X-Forwarded-For) lets the
# lockout, and the view password limit below, see the visitor's address instead of the proxy's.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ops.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "ops.security.client_ip"
KOONTO_TRUSTED_PROXY_COUNT = env.int("KOONTO_TRUSTED_PROXY_COUNT", 0)

# Password-protected pages and document collections: one address may try their shared
# passwords this many times per window, both forms counted together
# (ops.security.ViewPasswordRateLimitMiddleware); then it gets a 429 until the window ends.
KOONTO_VIEW_PASSWORD_ATTEMPTS = env.int("KOONTO_VIEW_PASSWORD_ATTEMPTS", 10)
KOONTO_VIEW_PASSWORD_WINDOW = env.int("KOONTO_VIEW_PASSWORD_WINDOW", 15 * 60)

# Two-factor sign-in for the admin (ops/twofactor/): anyone may set up an authenticator app;
# a user with one must enter a code after the password. KOONTO_REQUIRE_2FA makes it compulsory
# for superusers, KOONTO_REQUIRE_2FA_STAFF for every admin user.
KOONTO_REQUIRE_2FA = env.bool("KOONTO_REQUIRE_2FA", False)
KOONTO_REQUIRE_2FA_STAFF = env.bool("KOONTO_REQUIRE_2FA_STAFF", False)
OTP_TOTP_ISSUER = "Koonto"

# Personal data (personal_data/, docs/security.md "Personal data"). Retention in days; the
# privacy notice states these values, and `manage.py enforce_retention` applies them.
KOONTO_OUTBOX_MAX_ATTEMPTS = env.int("KOONTO_OUTBOX_MAX_ATTEMPTS", 6)
KOONTO_OUTBOX_KEEP_DAYS = env.int("KOONTO_OUTBOX_KEEP_DAYS", 7)
KOONTO_OUTBOX_FAILED_KEEP_DAYS = env.int("KOONTO_OUTBOX_FAILED_KEEP_DAYS", 30)
KOONTO_LOCKOUT_KEEP_DAYS = env.int("KOONTO_LOCKOUT_KEEP_DAYS", 30)
# Kept by the log collector, not by Django (docs/deploy.md): the privacy notice says this number.
KOONTO_REQUEST_LOG_DAYS = env.int("KOONTO_REQUEST_LOG_DAYS", 30)
# The oldest backup kept (docs/deploy.md: 8 weekly archives).
KOONTO_BACKUP_KEEP_DAYS = env.int("KOONTO_BACKUP_KEEP_DAYS", 56)
# The signed link in confirmation mails (see, correct, delete one's data) works this long.
KOONTO_RIGHTS_LINK_DAYS = env.int("KOONTO_RIGHTS_LINK_DAYS", 90)
# Double opt-in (personal_data/optin.py): the confirmation link works this long; what was never
# confirmed is deleted by enforce_retention when it expires.
KOONTO_OPTIN_LINK_DAYS = env.int("KOONTO_OPTIN_LINK_DAYS", 7)
# Public forms (personal_data.protection): a form sent sooner than this after it was shown, or
# later, is refused; at most this many per IP address and per e-mail address in the window.
KOONTO_FORM_MIN_SECONDS = env.int("KOONTO_FORM_MIN_SECONDS", 3)
KOONTO_FORM_MAX_SECONDS = env.int("KOONTO_FORM_MAX_SECONDS", 4 * 3600)
KOONTO_FORM_RATE_PER_IP = env.int("KOONTO_FORM_RATE_PER_IP", 10)
KOONTO_FORM_RATE_PER_EMAIL = env.int("KOONTO_FORM_RATE_PER_EMAIL", 3)
KOONTO_FORM_RATE_WINDOW = env.int("KOONTO_FORM_RATE_WINDOW", 3600)
KOONTO_FORM_MAX_BYTES = env.int("KOONTO_FORM_MAX_BYTES", 20_000)
# Advice requests (advice/) are deleted this many days after they were marked done.
KOONTO_ADVICE_RETENTION_DAYS = env.int("KOONTO_ADVICE_RETENTION_DAYS", 365)
# Funding-call reminders (reminders/): besides the opening, a reminder this many days before a call
# closes; a subscription to all future calls ends this many days after its confirmation.
KOONTO_REMINDER_DAYS_BEFORE_CLOSE = sorted({int(d) for d in env.list("KOONTO_REMINDER_DAYS_BEFORE_CLOSE", "14,3")}, reverse=True)
KOONTO_REMINDERS_ALL_CALLS_DAYS = env.int("KOONTO_REMINDERS_ALL_CALLS_DAYS", 365)
# Event registrations (registrations/): the dietary and accessibility needs are deleted this many
# days after the event ends (the rest after the event's own retention period, 30-365 days).
KOONTO_REGISTRATION_NEEDS_DAYS = env.int("KOONTO_REGISTRATION_NEEDS_DAYS", 1)
# The link that confirms a reminder (double opt-in) works this many days.
KOONTO_REGISTRATION_REMINDER_LINK_DAYS = env.int("KOONTO_REGISTRATION_REMINDER_LINK_DAYS", 7)
