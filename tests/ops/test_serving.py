"""Running it: gunicorn's settings from the environment, and uploaded media in a local production run."""

import gc
import runpy
from types import SimpleNamespace

import pytest
from django.urls import reverse

from tests.ops.conftest import PROJECT_DIR


def gunicorn_config(monkeypatch, **env: str) -> dict:
    for name in ("WEB_CONCURRENCY", "GUNICORN_BIND", "GUNICORN_TIMEOUT", "GUNICORN_PRELOAD"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(PROJECT_DIR / "gunicorn.conf.py"))


@pytest.mark.parametrize(("cores", "workers"), [(1, 3), (2, 5), (3, 7), (4, 8), (32, 8)])
def test_default_workers_follow_cores_but_are_capped(monkeypatch, cores, workers):
    assert gunicorn_config(monkeypatch)["default_workers"](cores) == workers


def test_gunicorn_reads_workers_bind_and_timeout_from_the_environment(monkeypatch):
    config = gunicorn_config(monkeypatch, WEB_CONCURRENCY="3", GUNICORN_BIND="0.0.0.0:9000", GUNICORN_TIMEOUT="45")
    assert (config["workers"], config["bind"], config["timeout"]) == (3, "0.0.0.0:9000", 45)
    assert config["accesslog"] == "-" and config["errorlog"] == "-"
    assert config["logconfig_dict"]["formatters"]["json"]["()"] == "ops.logging.JsonFormatter"


@pytest.fixture
def media_file(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "tori.width-400.png").write_bytes(b"\x89PNG\r\n\x1a\n-image-")
    (tmp_path.parent / "secret.txt").write_text("outside MEDIA_ROOT")
    return "/media/images/tori.width-400.png"


def test_workers_load_the_search_dictionaries_before_taking_requests(monkeypatch, settings):
    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

    settings.LANGUAGES = [("fi", "Suomi"), ("en", "English")]
    settings.KOONTO_LEMMATISER_LOW_MEMORY = True  # the production default
    LOW_MEMORY_DICTIONARY_FACTORY._get_dictionary.cache_clear()
    gunicorn_config(monkeypatch)["post_worker_init"](worker=None)
    assert LOW_MEMORY_DICTIONARY_FACTORY._get_dictionary.cache_info().currsize == 2


def test_preloading_is_off_unless_asked_for_so_that_a_reload_takes_new_code(monkeypatch):
    config = gunicorn_config(monkeypatch)
    assert config["preload_app"] is False
    config["when_ready"](SimpleNamespace(cfg=SimpleNamespace(preload_app=False)))
    assert gc.get_freeze_count() == 0


def test_a_preloading_master_loads_the_dictionaries_closes_connections_and_freezes_them(monkeypatch, settings, db):
    """GUNICORN_PRELOAD=1: the workers share what the master loaded (bench/README.md: worker memory)."""
    from django.db import connection
    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

    settings.LANGUAGES = [("fi", "Suomi"), ("en", "English")]
    settings.KOONTO_LEMMATISER_LOW_MEMORY = True
    LOW_MEMORY_DICTIONARY_FACTORY._get_dictionary.cache_clear()
    config = gunicorn_config(monkeypatch, GUNICORN_PRELOAD="1")
    assert config["preload_app"] is True
    closed = []
    monkeypatch.setattr(connection, "close", lambda: closed.append(connection.alias))
    try:
        config["when_ready"](SimpleNamespace(cfg=SimpleNamespace(preload_app=True)))
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert LOW_MEMORY_DICTIONARY_FACTORY._get_dictionary.cache_info().currsize == 2
    assert "default" in closed


def test_media_are_served_when_koonto_serve_media_is_set(client, settings, media_file):
    settings.KOONTO_SERVE_MEDIA = True
    response = client.get(media_file)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\x89PNG\r\n\x1a\n-image-"


def test_media_are_not_served_by_django_in_production_by_default(db, client, settings, media_file):
    """In production the front proxy or object storage serves media; Django answers 404."""
    settings.KOONTO_SERVE_MEDIA = False
    assert client.get(media_file).status_code == 404


@pytest.mark.parametrize("path", ["/media/../secret.txt", "/media/%2e%2e/secret.txt", "/media/images/../../secret.txt"])
def test_media_serving_never_leaves_media_root(db, client, settings, media_file, path):
    settings.KOONTO_SERVE_MEDIA = True
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert b"outside MEDIA_ROOT" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_the_media_route_is_named():
    assert reverse("serve_media", args=["a.png"]) == "/media/a.png"
