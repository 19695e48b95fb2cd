"""Make child objects with prose or snippet links translatable, so wagtail-localize translates them.

Adds translation_key and locale in three steps so that existing rows get a key of their own
and their parent page's locale.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

CHILDREN = {'fundingcallcontact': 'page', 'fundingcallattachment': 'page'}  # model name -> ParentalKey field


def fill_keys_and_locales(apps, schema_editor):
    for model_name, parent_field in CHILDREN.items():
        model = apps.get_model("guides", model_name)
        for child in model.objects.select_related(parent_field):
            child.translation_key = uuid.uuid4()
            child.locale_id = getattr(child, parent_field).locale_id
            child.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="fundingcallcontact",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="fundingcallcontact",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="fundingcallattachment",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="fundingcallattachment",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(fill_keys_and_locales, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="fundingcallcontact",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="fundingcallcontact",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="fundingcallcontact",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterField(
            model_name="fundingcallattachment",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="fundingcallattachment",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="fundingcallattachment",
            unique_together={("translation_key", "locale")},
        ),
    ]
