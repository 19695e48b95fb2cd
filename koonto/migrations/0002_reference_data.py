"""Load municipalities and the English locale; safe to re-run (update_or_create).

The migration carries its own data: the 19 municipalities of Pohjois-Savo, and the ones outside
the region where earlier KAKE projects of the source material ran (Statistics Finland codes).
Moving or changing application code can then never break a fresh install.
"""

from django.db import migrations

# (code, Finnish name, Swedish name where it differs, in Pohjois-Savo)
MUNICIPALITIES = [
    ("140", "Iisalmi", "Idensalmi", True),
    ("171", "Joroinen", "Jorois", True),
    ("204", "Kaavi", "", True),
    ("239", "Keitele", "", True),
    ("263", "Kiuruvesi", "", True),
    ("297", "Kuopio", "", True),
    ("402", "Lapinlahti", "", True),
    ("420", "Leppävirta", "", True),
    ("595", "Pielavesi", "", True),
    ("686", "Rautalampi", "", True),
    ("687", "Rautavaara", "", True),
    ("749", "Siilinjärvi", "", True),
    ("762", "Sonkajärvi", "", True),
    ("778", "Suonenjoki", "", True),
    ("844", "Tervo", "", True),
    ("857", "Tuusniemi", "", True),
    ("915", "Varkaus", "", True),
    ("921", "Vesanto", "", True),
    ("925", "Vieremä", "", True),
    ("286", "Kouvola", "", False),
    ("290", "Kuhmo", "", False),
    ("422", "Lieksa", "", False),
    ("698", "Rovaniemi", "", False),
]



def load(apps, schema_editor):
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
