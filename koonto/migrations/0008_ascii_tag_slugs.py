"""Existing tags get ASCII slugs (koonto/slugs.py); their old addresses redirect (search/tag_pages.py).

A tag whose ASCII slug another tag already holds gets a numbered one, as new tags do.
"""

from django.db import migrations
from django.utils.text import slugify


def ascii_tag_slugs(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    taken = set(Tag.objects.values_list("slug", flat=True))
    for tag in Tag.objects.order_by("pk"):
        if tag.slug.isascii():
            continue
        base = slugify(tag.slug, allow_unicode=False) or tag.slug
        slug, number = base, 0
        while slug in taken:
            number += 1
            slug = f"{base}_{number}"
        taken.discard(tag.slug)
        taken.add(slug)
        tag.slug = slug
        tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("koonto", "0007_site_texts"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(ascii_tag_slugs, migrations.RunPython.noop)]
