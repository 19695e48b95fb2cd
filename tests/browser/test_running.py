"""When the browser tests run: deselected with a note without Chromium, an error where CI requires them,
and otherwise together, after the ordinary database tests and before the transactional ones."""

import pytest

from tests.browser import conftest


class FakeItem:
    """Just enough of a pytest item for the collection hook."""

    def __init__(self, name, *, browser=False, django_db=None, fixtures=()):
        self.name = self.nodeid = name
        self.markers = {"browser": pytest.mark.browser.mark} if browser else {}
        if django_db is not None:
            self.markers["django_db"] = django_db.mark
        self.fixturenames = list(fixtures)

    def get_closest_marker(self, name):
        return self.markers.get(name)

    def add_marker(self, marker):
        self.markers[marker.name] = marker.mark

    def __repr__(self):
        return self.name


class FakeConfig:
    def __init__(self):
        self.deselected = []
        self.lines = []
        self.hook = self
        self.pluginmanager = self

    def pytest_deselected(self, items):
        self.deselected += items

    def get_plugin(self, name):
        return self

    def write_line(self, line, **markup):
        self.lines.append(line)


def collection(*, monkeypatch, browser_tests="", require="", chromium="/bin/sh"):
    monkeypatch.setenv("KOONTO_BROWSER_TESTS", browser_tests)
    monkeypatch.setenv("KOONTO_REQUIRE_BROWSER", require)
    monkeypatch.setenv("KOONTO_CHROMIUM", chromium)
    items = [
        FakeItem("browser_a", browser=True),
        FakeItem("db_test", fixtures=["db"]),
        FakeItem("transactional", django_db=pytest.mark.django_db(transaction=True)),
        FakeItem("browser_b", browser=True),
        FakeItem("plain"),
    ]
    config = FakeConfig()
    conftest.pytest_collection_modifyitems(config, items)
    return config, items


def test_browser_tests_run_together_after_db_tests_and_before_transactional_ones(monkeypatch):
    config, items = collection(monkeypatch=monkeypatch)

    assert [item.name for item in items] == ["db_test", "browser_a", "browser_b", "transactional", "plain"]
    assert all(item.get_closest_marker("django_db") for item in items if item.name.startswith("browser"))
    assert not config.deselected


def test_without_chromium_browser_tests_are_deselected_with_one_line_on_installing_it(monkeypatch):
    config, items = collection(monkeypatch=monkeypatch, chromium="/nonexistent/chromium")

    assert [item.name for item in config.deselected] == ["browser_a", "browser_b"]
    assert [item.name for item in items] == ["db_test", "transactional", "plain"]
    assert len(config.lines) == 1 and "apt-get install -y chromium" in config.lines[0]


def test_koonto_browser_tests_0_leaves_them_out(monkeypatch):
    config, _ = collection(monkeypatch=monkeypatch, browser_tests="0")

    assert len(config.deselected) == 2
    assert "KOONTO_BROWSER_TESTS=0" in config.lines[0]


@pytest.mark.parametrize("setting", [{"chromium": "/nonexistent/chromium"}, {"browser_tests": "0"}])
def test_ci_fails_instead_of_deselecting_when_browser_tests_are_required(monkeypatch, setting):
    with pytest.raises(pytest.UsageError, match="KOONTO_REQUIRE_BROWSER=1"):
        collection(monkeypatch=monkeypatch, require="1", **setting)


class FakeReport:
    skipped = True
    outcome = "skipped"
    longrepr = None


@pytest.mark.parametrize(("require", "outcome"), [("1", "failed"), ("", "skipped")])
def test_a_skipped_browser_test_fails_where_ci_requires_them(monkeypatch, require, outcome):
    monkeypatch.setenv("KOONTO_REQUIRE_BROWSER", require)
    hook = conftest.pytest_runtest_makereport(FakeItem("browser_a", browser=True), call=None)
    next(hook)
    with pytest.raises(StopIteration) as finished:
        hook.send(FakeReport())

    assert finished.value.value.outcome == outcome
