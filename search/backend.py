"""Wagtail's database search backend, with Koonto's rank entries kept beside its index.

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", ...}}``. The
backend is the one ``wagtail.search.backends.database`` picks for the database (PostgreSQL
full text or SQLite FTS5); its index class is extended so that every page it indexes or
removes also updates that page's rank entry (search/ranking.py). Everything that updates the
index (publishing, unpublishing, moving, translating, ``manage.py update_index``) goes through
``add_items`` and ``delete_item``, so the entries can never miss a change the index saw.
"""

from functools import cache

from modelsearch.backends.database import SearchBackend as database_backend
from wagtail.models import Page

from search import ranking


class RankEntryIndexMixin:
    def add_items(self, model, items):
        items = list(items)
        super().add_items(model, items)
        if issubclass(model, Page):
            ranking.update_entries(items)

    def delete_item(self, item):
        super().delete_item(item)
        if isinstance(item, Page):
            ranking.RankEntry.objects.filter(page_id=item.pk).delete()


@cache
def _index_class(base):
    return type(f"Koonto{base.__name__}", (RankEntryIndexMixin, base), {})


def SearchBackend(params):  # noqa: N802 (Wagtail looks backends up by this name)
    backend = database_backend(params)
    backend.index_class = _index_class(backend.index_class)
    return backend
