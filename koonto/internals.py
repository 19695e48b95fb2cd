"""The few private internals of Django, modelcluster and Wagtail that Koonto relies on, in one place.

Each saves queries on the busiest pages (bench/results: a project page went from 20 queries to
14, an API listing of 20 projects from 26 to 10) where the public API has no way to say the same.
tests/koonto/test_internals.py fails if a library changes any of them, so an upgrade shows here
first instead of as a silently slower or wrong page.
"""

from django.db.models import Model, QuerySet


def set_prefetched(instance: Model, relation: str, queryset: QuerySet, rows: list) -> None:
    """Make `instance.<relation>.all()` return `rows` without a query, as prefetch_related would.

    Django keeps prefetched rows in `_prefetched_objects_cache` (a dict on the instance) as
    querysets whose `_result_cache` is filled; there is no public way to hand it rows fetched
    together for several relations in one query (showcase.models.prefetch_small_children).
    """
    queryset._result_cache = rows
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[relation] = queryset


def children_in_memory(page: Model) -> set[str]:
    """Names of the inline relations a page holds in memory (a preview of unsaved changes).

    modelcluster keeps them in `_cluster_related_objects`; such rows must not be replaced by
    rows read from the database.
    """
    return set(getattr(page, "_cluster_related_objects", {}))


def set_cached_parent(page: Model, parent: Model) -> None:
    """Tell a page its parent, so that `get_parent()` needs no query (Wagtail's `_cached_parent_obj`):
    routing already had the parent in hand (showcase.models.ShowcaseIndexPage.route)."""
    page._cached_parent_obj = parent


def update_descendant_url_paths(page: Model, old_url_path: str, new_url_path: str) -> None:
    """Move a page's subpages from `old_url_path` to `new_url_path`, as Page.save() does when it
    sees the slug change.

    A translation's slug that follows its translated title (localisation/slugs.py) is changed in
    a pre_save handler, after Page.save() has compared the slugs, so Wagtail's own step is taken
    here; it has no public name.
    """
    page._update_descendant_url_paths(old_url_path, new_url_path)
