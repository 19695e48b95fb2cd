"""Scale-out switches read from the environment (docs/deploy.md): off by default, right when set.

Settings are read once per process, so each case imports the production settings in a fresh
process with its own environment and reports what it got.
"""

import json
import subprocess
import sys

import pytest

from tests.ops.conftest import PROJECT_DIR

# Read the module as Django would, without django.setup(): the S3 storage class would need boto3.
REPORT = """
import importlib, json
settings = importlib.import_module("koonto.settings.production")
print(json.dumps({
    "caches": settings.CACHES,
    "session_engine": getattr(settings, "SESSION_ENGINE", "django.contrib.sessions.backends.db"),
    "storages": settings.STORAGES,
    "frontend_cache": settings.WAGTAILFRONTENDCACHE,
    "frontend_cache_app": "wagtail.contrib.frontend_cache" in settings.INSTALLED_APPS,
    "conn_max_age": settings.DATABASES["default"]["CONN_MAX_AGE"],
    "conn_health_checks": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
    "serve_media": settings.KOONTO_SERVE_MEDIA,
    "aws": {name: getattr(settings, name, None) for name in ("AWS_S3_ENDPOINT_URL", "AWS_QUERYSTRING_AUTH")},
}, default=str))
"""
BASE_ENV = {"DJANGO_SETTINGS_MODULE": "koonto.settings.production", "SECRET_KEY": "x" * 50, "PATH": "/usr/bin:/bin"}


def production_settings(**env: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", REPORT],
        cwd=PROJECT_DIR,
        env={**BASE_ENV, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def defaults() -> dict:
    return production_settings()


def test_by_default_one_machine_needs_nothing_else(defaults):
    assert defaults["caches"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert defaults["session_engine"] == "django.contrib.sessions.backends.db"
    assert defaults["storages"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert defaults["frontend_cache"] == {}
    assert defaults["serve_media"] is False


def test_production_keeps_database_connections_with_health_checks(defaults):
    """Persistent connections save a connect per request; the health check survives a database restart."""
    assert defaults["conn_max_age"] == 60
    assert defaults["conn_health_checks"] is True
    assert production_settings(CONN_MAX_AGE="0")["conn_max_age"] == 0


def test_redis_url_shares_cache_and_sessions_between_app_servers():
    got = production_settings(REDIS_URL="redis://cache.internal:6379/2", CACHE_KEY_PREFIX="koonto-staging")
    default, renditions = got["caches"]["default"], got["caches"]["renditions"]
    assert default["BACKEND"] == renditions["BACKEND"] == "django_redis.cache.RedisCache"
    assert default["LOCATION"] == renditions["LOCATION"] == "redis://cache.internal:6379/2"
    assert default["KEY_PREFIX"] == "koonto-staging"
    assert got["session_engine"] == "django.contrib.sessions.backends.cached_db"


def test_a_bucket_name_puts_media_on_object_storage():
    """Not exercised against S3 here (boto3 is not installed): the switch itself is checked."""
    got = production_settings(AWS_STORAGE_BUCKET_NAME="koonto-media", AWS_S3_ENDPOINT_URL="https://s3.example.fi")
    assert got["storages"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert got["storages"]["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert got["aws"] == {"AWS_S3_ENDPOINT_URL": "https://s3.example.fi", "AWS_QUERYSTRING_AUTH": True}


def test_purge_url_and_cloudflare_configure_frontend_cache_invalidation():
    got = production_settings(
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081", CLOUDFLARE_ZONE_ID="zone", CLOUDFLARE_BEARER_TOKEN="token"
    )
    assert got["frontend_cache"]["proxy"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://127.0.0.1:6081",
    }
    assert got["frontend_cache"]["cloudflare"]["ZONEID"] == "zone"
    assert got["frontend_cache_app"] is True
