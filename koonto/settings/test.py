"""Test settings: fast hashing, in-memory cache and mail, no collectstatic needed."""

from ops.environment import env

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, INSTALLED_APPS

SECRET_KEY = "test-only-not-a-secret"  # noqa: S105 - used by the test suite alone
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A named SQLite test database lets `pytest --reuse-db` keep it between runs
# (KOONTO_TEST_DB_FILE gives a parallel run its own file).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(env.path("KOONTO_TEST_DB_FILE", BASE_DIR / ".pytest-db.sqlite3"))}
KOONTO_PUBLIC_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = KOONTO_PUBLIC_URL
# Tests clear the caches before each test: never a shared Redis, even with REDIS_URL set.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The anonymous page cache is tested on its own (tests/test_page_cache.py); elsewhere tests
# change content through the ORM and read it back at once.
KOONTO_PAGE_CACHE = False
# The full dictionaries: faster lookups for the thousands of fresh words the tests index (CI time);
# tests/search/test_normalise.py proves both kinds give the same terms.
KOONTO_LEMMATISER_LOW_MEMORY = env.bool("KOONTO_LEMMATISER_LOW_MEMORY", False)

# A page type of the tests alone (tests/pagetypes/): a new page type is picked up by search, the
# feeds, the API and the page cache with no edit outside its own app.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.pagetypes"]
