"""Page weight and static files: light pages, compressed and fingerprinted assets."""

import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import FileSystemStorage
from django.utils.module_loading import import_string

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)


def local_assets(html: str) -> list[str]:
    """The page's own stylesheets and scripts (static paths), and any from another host."""
    return re.findall(r'<(?:script[^>]+src|link[^>]+rel="stylesheet"[^>]+href)="([^"]+)"', html)


def test_home_page_without_images_weighs_under_100_kb_and_loads_nothing_from_elsewhere(client, site, home):
    html = client.get(home.url).content
    assets = local_assets(html.decode())
    assert assets, "the page should load its stylesheet"
    assert all(url.startswith("/static/") for url in assets), assets
    total = len(html)
    for url in assets:
        path = finders.find(url.removeprefix(settings.STATIC_URL))
        assert path, url
        total += Path(path).stat().st_size
    assert total < 100 * 1024, f"{total} bytes"
    # Scripts never block rendering.
    for tag in re.findall(r"<script[^>]+src=[^>]*>", html.decode()):
        assert " defer" in tag or " async" in tag, tag


def test_static_files_are_fingerprinted_and_compressed_by_the_production_storage(tmp_path):
    """The production storage (STORAGES in koonto.settings.base) hashes names and writes .gz and .br copies.

    Runs the storage's own post-processing over Koonto's files only (collectstatic of the
    whole admin takes most of a minute).
    """
    from koonto.settings import base  # the tests themselves use a plain storage

    backend = base.STORAGES["staticfiles"]["BACKEND"]
    storage = import_string(backend)(location=str(tmp_path), base_url="/static/")
    source = ROOT / "design" / "static"
    files = [path.relative_to(source).as_posix() for path in source.rglob("*") if path.is_file()]
    for name in files:
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, target)
    original = FileSystemStorage(location=str(tmp_path))
    processed = list(storage.post_process({name: (original, name) for name in files}))
    assert processed
    css = list((tmp_path / "koonto" / "css").glob("site.*.css"))
    assert css, "site.css should have a fingerprinted copy"
    assert Path(f"{css[0]}.gz").exists() and Path(f"{css[0]}.br").exists()
