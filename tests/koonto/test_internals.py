"""The library internals koonto/internals.py relies on still work as it expects (see its docstring).

An upgrade of Django, modelcluster or Wagtail that changes one of them fails here, by name, instead
of making a page slower or wrong without a word.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from koonto.internals import children_in_memory, set_cached_parent, set_prefetched
from showcase.models import OperatingModel, ShowcasePage
from tests.factories import ShowcasePageFactory

pytestmark = pytest.mark.django_db


def test_set_prefetched_rows_are_what_the_relation_gives_without_a_query(showcase_index):
    project = ShowcasePageFactory(parent=showcase_index)
    project = ShowcasePage.objects.get(pk=project.pk)
    row = OperatingModel(page=project, title="Malli", description="Kuvaus")
    set_prefetched(project, "operating_models", OperatingModel.objects.filter(page=project), [row])
    with CaptureQueriesContext(connection) as queries:
        rows = list(project.operating_models.all())
    assert rows == [row]
    assert len(queries) == 0


def test_children_held_in_memory_are_named(showcase_index):
    project = ShowcasePageFactory(parent=showcase_index)
    assert children_in_memory(ShowcasePage.objects.get(pk=project.pk)) == set()
    project.operating_models = [OperatingModel(title="Malli", description="Kuvaus")]
    assert "operating_models" in children_in_memory(project)


def test_a_cached_parent_is_returned_without_a_query(showcase_index):
    project = Page.objects.get(pk=ShowcasePageFactory(parent=showcase_index).pk)
    set_cached_parent(project, showcase_index)
    with CaptureQueriesContext(connection) as queries:
        assert project.get_parent() == showcase_index
    assert len(queries) == 0


def test_subpages_move_with_their_parents_path(showcase_index):
    from koonto.internals import update_descendant_url_paths
    from tests.factories import ShowcasePageFactory

    child = ShowcasePageFactory(parent=showcase_index)
    old = showcase_index.url_path
    showcase_index.slug = "renamed"
    showcase_index.set_url_path(showcase_index.get_parent())
    showcase_index.save()  # Wagtail moves the subpages itself here; undo that to test the helper alone
    type(child).objects.filter(pk=child.pk).update(url_path=old + child.slug + "/")
    update_descendant_url_paths(showcase_index, old, showcase_index.url_path)
    child.refresh_from_db()
    assert child.url_path == showcase_index.url_path + child.slug + "/"
