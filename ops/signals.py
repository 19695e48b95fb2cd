"""The page cache follows every change the public could see: page types and snippets are found, not listed.

Publishing, unpublishing, moving or deleting a page, and saving or deleting anything a public page
shows besides its own row, bumps the content generation (ops.pagecache.invalidate): every cached
page, menu, footer and reference table is stale at once, in every process.

"Anything a page shows" is discovered, so that a new snippet or setting cannot be forgotten (a
model left out of a hand-kept list silently served stale pages):
- every snippet model Wagtail knows (`get_snippet_models()`: organisations, contact persons,
  themes, municipalities, tag translations, project descriptions, ...);
- every site or generic setting model, and its inline rows (the footer contacts);
- Wagtail's own: sites, locales, view restrictions, images, documents, redirects, search
  promotions, and tags;
- any model that declares `affects_public_pages = True`.
Wagtail knows its snippets only once its own apps are ready, which is why `ops` is the last app in
INSTALLED_APPS and connects these in its ready().
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from modelcluster.models import get_all_child_relations
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from ops.pagecache import invalidate

WAGTAIL_MODELS = [
    "taggit.Tag",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    # A page or collection made private must leave every cached listing and page at once.
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailredirects.Redirect",
    "wagtailsearchpromotions.SearchPromotion",
]


def invalidate_page_cache(**kwargs):
    """Published content changed: every cached page, menu and register table is stale, in every
    process (ops.pagecache.invalidate: at once in this one, in the others when it commits)."""
    if kwargs.get("raw"):
        return
    invalidate()


def public_content_models() -> list[type]:
    """Every model besides pages whose rows public pages show (see the module)."""
    from wagtail.snippets.models import get_snippet_models  # registered only once Wagtail's apps are ready

    found = list(get_snippet_models())
    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting | BaseGenericSetting):
            found += [model, *(relation.related_model for relation in get_all_child_relations(model))]
        elif getattr(model, "affects_public_pages", False):
            found.append(model)
    for label in WAGTAIL_MODELS:
        try:
            found.append(apps.get_model(label))
        except LookupError:
            continue  # an optional app that is not installed
    return list(dict.fromkeys(found))


def connect_page_cache_invalidation() -> None:
    for model in [Page, *(model for model in apps.get_models() if issubclass(model, Page)), *public_content_models()]:
        # Specific page types send their own save and delete signals, so each is connected.
        post_save.connect(invalidate_page_cache, sender=model, dispatch_uid=f"pagecache-save-{model._meta.label}")
        post_delete.connect(invalidate_page_cache, sender=model, dispatch_uid=f"pagecache-del-{model._meta.label}")
    page_published.connect(invalidate_page_cache, dispatch_uid="pagecache-published")
    page_unpublished.connect(invalidate_page_cache, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(invalidate_page_cache, dispatch_uid="pagecache-moved")
