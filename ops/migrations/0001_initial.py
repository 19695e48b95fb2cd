import time

from django.db import migrations, models


def create_the_row(apps, schema_editor):
    """The one row, so that reading the generation never writes. It starts from the clock (in
    milliseconds), a number that no key an app process made from an earlier database can match."""
    ContentGeneration = apps.get_model("ops", "ContentGeneration")
    ContentGeneration.objects.get_or_create(pk=1, defaults={"number": int(time.time() * 1000)})


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ContentGeneration",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.BigIntegerField(editable=False)),
            ],
        ),
        migrations.RunPython(create_the_row, migrations.RunPython.noop),
    ]
