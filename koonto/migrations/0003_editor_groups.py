"""Create the editorial groups. Permissions and workflows are applied by `setup_editorial`,
which also covers language trees created later (see koonto/editorial.py)."""

from django.db import migrations

GROUP_NAMES = ("Toimittajat", "Sisältöasiantuntijat", "Viestintä", "Kääntäjät")


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in GROUP_NAMES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("koonto", "0002_reference_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
