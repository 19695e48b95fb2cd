"""The content generation in the database (ops.pagecache): what other app processes go by.

Without Redis every gunicorn worker keeps its own menu, footer and register tables; they follow
the generation row, bumped once per committed change (tests/ops/test_two_app_servers.py shows
two real processes). This module has no page fixtures, so that no change is pending in the test's
transaction when a test starts.
"""

from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from ops import pagecache


def test_registers_follow_a_change_committed_by_another_process(db):
    from koonto import reference_tables
    from koonto.models import Municipality
    from ops.models import ContentGeneration

    kuopio = Municipality.objects.get(code="297")
    assert reference_tables.municipalities()[kuopio.pk].name_fi == "Kuopio"
    # Another process renames it (this process's signals do not see it) and, as it commits, bumps the row.
    Municipality.objects.filter(pk=kuopio.pk).update(name_fi="Kuopion kaupunki")
    ContentGeneration.objects.filter(pk=pagecache.GENERATION_ROW).update(number=F("number") + 1)
    assert reference_tables.municipalities()[kuopio.pk].name_fi == "Kuopion kaupunki"


def test_changes_bump_the_database_generation_once_when_they_commit(fi_locale, django_capture_on_commit_callbacks):
    from koonto.models import Municipality, Theme
    from ops.models import ContentGeneration

    def generation() -> int:
        return ContentGeneration.objects.get(pk=pagecache.GENERATION_ROW).number

    before = generation()
    with django_capture_on_commit_callbacks(execute=True), CaptureQueriesContext(connection) as queries:
        for municipality in Municipality.objects.filter(code__in=["297", "749"]):
            municipality.name_sv = municipality.name_fi
            municipality.save()
        Theme.objects.create(name="Osallisuus", slug="osallisuus", locale=fi_locale)
        # Not touched (nor locked) while the transaction runs; this process's own caches have moved on.
        assert not any("koonto_contentgeneration" in query["sql"] for query in queries)
        assert generation() == before
    assert generation() == before + 1  # three saves, one commit, one bump
