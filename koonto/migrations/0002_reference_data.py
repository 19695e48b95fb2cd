"""Load municipalities and the English locale; safe to re-run (update_or_create)."""

from django.db import migrations


def load(apps, schema_editor):
    from koonto.municipalities import MUNICIPALITIES

    Municipality = apps.get_model("koonto", "Municipality")
    for code, name_fi, name_sv, in_region in MUNICIPALITIES:
        Municipality.objects.update_or_create(
            code=code, defaults={"name_fi": name_fi, "name_sv": name_sv, "in_pohjois_savo": in_region}
        )
    Locale = apps.get_model("wagtailcore", "Locale")
    for language_code in ("fi", "en"):
        Locale.objects.get_or_create(language_code=language_code)


class Migration(migrations.Migration):
    dependencies = [
        ("koonto", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
