"""A published page's serialised API fields, kept until content changes (ops.contentcache).

Serialising a page for API v2 is the costly part of an API answer: rich text with its links
resolved, the StreamField, three image renditions per image, inline rows filtered by the
visibility rule, choice labels in the page's language. The page cache keeps whole answers, but a
headless client's own query strings (`offset`, filters, `search`), the first request after a
publication and the set-up without Redis all serialise again. So each page's representation is
kept on its own, under:

- the content generation (in ops.contentcache's keys): any publication, unpublication,
  translation, snippet, image, document or view-restriction change makes it stale everywhere;
  an entry also never outlives the next rollover (an event starting or ending, a call opening
  or closing);
- the page, its published revision and its language;
- what else the representation depends on (`signature`): listing or detail, the serializer's
  model, `fields`, `rich_text_format`, and the site and origin the request came through
  (view restrictions are per site; `detail_url` is on the request's host).

Only what the public API view fetched itself is kept: the preview endpoint (api.preview)
serialises a draft and never registers it, so a draft can neither be read from nor written to
this cache. Nested pages (a `parent`, related pages) are serialised inside their page's entry.
"""

from __future__ import annotations

import hashlib

from ops.contentcache import Batch

SERIALISED_PARAMETERS = ("fields", "rich_text_format", "site")


def signature(request, model, detail: bool) -> str:
    """What a page's representation depends on besides the page itself and the content."""
    parts = [
        "detail" if detail else "listing",
        model._meta.label,
        request.scheme,
        request.get_host(),
        *(f"{name}={request.GET.get(name, '')}" for name in SERIALISED_PARAMETERS),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def page_key(page, signature_: str) -> str:
    return f"api-v2-page:{page.pk}:{page.live_revision_id}:{page.locale_id}:{signature_}"


class SerialisedPages:
    """The pages one API request serialises, found in the cache at once (one read)."""

    def __init__(self, request, model, detail: bool):
        self.signature = signature(request, model, detail)
        self.batch = Batch()
        self.keys: dict[int, str] = {}
        self.hits: dict[str, dict] = {}

    def look_up(self, pages: list) -> list:
        """Register `pages` and return those that must still be serialised (the misses)."""
        keys = {page.pk: page_key(page, self.signature) for page in pages if page.live_revision_id}
        self.keys.update(keys)
        self.hits.update(self.batch.found(keys.values()))
        return [page for page in pages if self.keys.get(page.pk) not in self.hits]

    def cached(self, page) -> dict | None:
        key = self.keys.get(page.pk)
        return None if key is None else self.hits.get(key)

    def keep(self, page, data: dict) -> None:
        key = self.keys.get(page.pk)
        if key is not None:
            self.batch.keep(key, data)

    def save(self) -> None:
        self.batch.save()


def serialised_rows(request, pages, fetch, serialise, kind: str) -> list[dict]:
    """`serialise(page)` for each page of the sliced queryset `pages`, kept per page as above.

    For API v3's own listings: the slice is read as ids first (one small query), the pages not
    kept are fetched with what `serialise` reads (`fetch(ids)`, one query and its prefetches)
    and serialised, so a listing costs the same number of queries whatever its length.
    """
    rows = list(pages.prefetch_related(None).values_list("pk", "live_revision_id", "locale_id"))
    digest = hashlib.sha256(f"{kind}\n{request.scheme}\n{request.get_host()}".encode()).hexdigest()[:24]
    keys = {pk: f"api-{kind}:{pk}:{revision}:{locale}:{digest}" for pk, revision, locale in rows if revision}
    batch = Batch()
    hits = batch.found(keys.values())
    missing = [pk for pk, _revision, _locale in rows if keys.get(pk) not in hits]
    built = {page.pk: serialise(page) for page in fetch(missing)} if missing else {}
    for pk, data in built.items():
        if pk in keys:
            batch.keep(keys[pk], data)
    batch.save()
    found = [hits[keys[pk]] if keys.get(pk) in hits else built.get(pk) for pk, _revision, _locale in rows]
    return [data for data in found if data is not None]
