"""The public texts of the site settings (programme, implementers, footer contacts) move to SiteTexts,
one per language with drafts and review; the settings keep only what is the same in every language.

Today's values are copied into the Finnish site texts (the source language), published as they were:
the settings held no other language, so English pages show the Finnish texts until they are translated
(koonto.site_texts falls back to the Finnish ones). Reversible: going back copies the Finnish texts
into the settings again.
"""

import uuid

import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def _source_settings(KoontoSettings):
    """The default site's settings (the footer every visitor saw), else the oldest row."""
    return KoontoSettings.objects.filter(site__is_default_site=True).first() or KoontoSettings.objects.order_by("pk").first()


def copy_settings_to_site_texts(apps, schema_editor):
    KoontoSettings = apps.get_model("koonto", "KoontoSettings")
    FooterContact = apps.get_model("koonto", "FooterContact")
    SiteTexts = apps.get_model("koonto", "SiteTexts")
    SiteTextsContact = apps.get_model("koonto", "SiteTextsContact")
    Locale = apps.get_model("wagtailcore", "Locale")
    source = _source_settings(KoontoSettings)
    finnish = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if source is None or finnish is None or SiteTexts.objects.filter(locale=finnish).exists():
        return
    lines = [line.strip() for line in source.implementers.splitlines() if line.strip()]
    now = timezone.now()
    texts = SiteTexts.objects.create(
        translation_key=uuid.uuid4(),
        locale=finnish,
        programme_name=source.programme_name,
        implementers=[{"type": "implementer", "value": line, "id": str(uuid.uuid4())} for line in lines],
        live=True,
        first_published_at=now,
        last_published_at=now,
    )
    for row in FooterContact.objects.filter(setting=source).order_by("sort_order", "pk"):
        SiteTextsContact.objects.create(texts=texts, contact_id=row.contact_id, sort_order=row.sort_order)


def copy_site_texts_to_settings(apps, schema_editor):
    KoontoSettings = apps.get_model("koonto", "KoontoSettings")
    FooterContact = apps.get_model("koonto", "FooterContact")
    SiteTexts = apps.get_model("koonto", "SiteTexts")
    texts = SiteTexts.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    target = _source_settings(KoontoSettings)
    if texts is None or target is None:
        return
    target.programme_name = texts.programme_name
    target.implementers = "\n".join(str(block.value) for block in texts.implementers)
    target.save()
    for row in texts.footer_contacts.order_by("sort_order", "pk"):
        FooterContact.objects.create(setting=target, contact_id=row.contact_id, sort_order=row.sort_order)


class Migration(migrations.Migration):
    dependencies = [
        ("koonto", "0006_projectdescription_review"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SiteTexts",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("live", models.BooleanField(default=True, editable=False, verbose_name="live")),
                (
                    "has_unpublished_changes",
                    models.BooleanField(default=False, editable=False, verbose_name="has unpublished changes"),
                ),
                (
                    "first_published_at",
                    models.DateTimeField(blank=True, db_index=True, null=True, verbose_name="first published at"),
                ),
                ("last_published_at", models.DateTimeField(editable=False, null=True, verbose_name="last published at")),
                ("go_live_at", models.DateTimeField(blank=True, null=True, verbose_name="go live date/time")),
                ("expire_at", models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time")),
                ("expired", models.BooleanField(default=False, editable=False, verbose_name="expired")),
                ("locked", models.BooleanField(default=False, editable=False, verbose_name="locked")),
                ("locked_at", models.DateTimeField(editable=False, null=True, verbose_name="locked at")),
                (
                    "programme_name",
                    models.CharField(
                        blank=True,
                        default="Uudistuva ja osaava Suomi 2021–2027",
                        help_text="The EU programme named beside the EU emblem on the home page and in every footer, in this language, e.g. Innovation and Skills in Finland 2021–2027.",
                        max_length=255,
                        verbose_name="programme",
                    ),
                ),
                (
                    "implementers",
                    wagtail.fields.StreamField(
                        [("implementer", 0)],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "E.g. Pohjois-Savon Liikunta ry – sub-project implementer.",
                                    "label": "Implementer",
                                    "max_length": 255,
                                },
                            )
                        },
                        help_text="The organisations that carry out the project, one per line with their role; shown in every footer.",
                        verbose_name="implementers",
                    ),
                ),
                (
                    "latest_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="latest revision",
                    ),
                ),
                (
                    "live_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="live revision",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "locked_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="locked_%(class)ss",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="locked by",
                    ),
                ),
            ],
            options={
                "verbose_name": "site texts",
                "verbose_name_plural": "site texts",
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="SiteTextsContact",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "contact",
                    models.ForeignKey(
                        help_text="Shown in every page footer.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="koonto.contactperson",
                        verbose_name="contact",
                    ),
                ),
                (
                    "texts",
                    modelcluster.fields.ParentalKey(
                        help_text="The site texts this contact belongs to.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="footer_contacts",
                        to="koonto.sitetexts",
                        verbose_name="site texts",
                    ),
                ),
            ],
            options={
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.AddConstraint(
            model_name="sitetexts",
            constraint=models.UniqueConstraint(fields=("locale",), name="one_site_texts_per_locale"),
        ),
        migrations.AlterUniqueTogether(
            name="sitetexts",
            unique_together={("translation_key", "locale")},
        ),
        migrations.RunPython(copy_settings_to_site_texts, copy_site_texts_to_settings),
        migrations.DeleteModel(
            name="FooterContact",
        ),
        migrations.RemoveField(
            model_name="koontosettings",
            name="implementers",
        ),
        migrations.RemoveField(
            model_name="koontosettings",
            name="programme_name",
        ),
    ]
