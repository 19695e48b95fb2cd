"""ASCII slugs: the one rule for the slugs in public addresses, pages' and tags' alike.

`ä`, `ö`, `å` become `a`, `o`, `a`, so that a shared link reads `/fi/tagit/yhdistykset-ja-saatiot/`
and not `/fi/tagit/yhdistykset-ja-s%C3%A4%C3%A4ti%C3%B6t/`. The rule is Wagtail's own for
`WAGTAIL_ALLOW_UNICODE_SLUGS = False` (Django's `slugify(allow_unicode=False)`), which the admin's
slug field follows in the browser too. New pages get it from editorial/slugs.py; new tags from
`give_new_tag_an_ascii_slug` below (django-taggit would keep the letters: it slugs with
`allow_unicode=True`). An address with an older slug still leads to the tag (search/tag_pages.py
redirects it; `koonto.localised_tags.ReaderTags` reads it as the new slug).
"""

from django.utils.text import slugify


def ascii_slug(slug: str) -> str:
    """The slug with its letters transliterated to ASCII (`työpaja` -> `tyopaja`), as Wagtail's
    server-side rule makes it; unchanged if already ASCII or if nothing would be left."""
    if slug.isascii():
        return slug
    return slugify(slug, allow_unicode=False) or slug


def tag_slug(name: str) -> str:
    """The slug a tag with this name gets (before any suffix that keeps it unique)."""
    return ascii_slug(slugify(name, allow_unicode=True))


def give_new_tag_an_ascii_slug(sender, instance, raw=False, **kwargs) -> None:
    """pre_save of taggit's Tag: a new tag's slug in ASCII, unique among the tags (`_1`, `_2`, ...
    as taggit itself numbers them)."""
    if raw or not instance._state.adding or not instance.slug:
        return
    base = ascii_slug(instance.slug)
    if base == instance.slug:
        return
    taken = set(type(instance)._default_manager.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 0
    while slug in taken:
        number += 1
        slug = f"{base}_{number}"
    instance.slug = slug
