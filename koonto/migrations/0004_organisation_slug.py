"""Organisations get a slug for their public page: made from the name, unique per language."""

from django.db import migrations, models
from django.utils.text import slugify


def fill_slugs(apps, schema_editor):
    Organisation = apps.get_model("koonto", "Organisation")
    taken = set()
    for organisation in Organisation.objects.order_by("pk"):
        base = slugify(organisation.name) or f"organisation-{organisation.pk}"
        slug, n = base, 2
        while (slug, organisation.locale_id) in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add((slug, organisation.locale_id))
        organisation.slug = slug
        organisation.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("koonto", "0003_editor_groups")]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="slug",
            field=models.SlugField(
                blank=True,
                help_text="The end of the organisation page's web address; made from the name when left empty. "
                "The same in every language.",
                max_length=255,
                verbose_name="slug",
            ),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.UniqueConstraint(fields=("slug", "locale"), name="unique_organisation_slug_per_locale"),
        ),
    ]
