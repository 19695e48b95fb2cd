"""Build a large, realistic Koonto site for the benchmarks, reproducibly from a seed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/koonto_bench .venv/bin/python -m bench.generate --scale 1

At scale 1: 300 showcases, 5,000 events over five years, 100 guides and 100 funding calls, each
in Finnish and English (about 11,000 pages), with tags, municipalities, organisations and
images, on top of the demo site (`load_demo`). The text reuses the demo content's vocabulary.

Pages are created live in one go and English pages are written directly as translations (same
translation key) rather than through wagtail-localize: the benchmarks measure reading, and this
keeps generation to minutes. Each page then gets the one live revision publishing would have
given it (written in bulk), and the search index is built at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")
PAGES_AT_SCALE_1 = {"showcases": 300, "events": 5000, "guides": 100, "calls": 100}

WORDS_FI = [
    "yhdistys",
    "hanke",
    "rahoitus",
    "haku",
    "koulutus",
    "työpaja",
    "nuoret",
    "perheet",
    "kulttuuri",
    "liikunta",
    "osallisuus",
    "vapaaehtoinen",
    "kylä",
    "kunta",
    "yhteisö",
    "kehittäminen",
    "verkosto",
    "talkoot",
    "kokemusasiantuntija",
    "vertaistuki",
    "työllisyys",
    "osaaminen",
    "valmennus",
    "harrastus",
    "jalkapallo",
    "muotoilu",
    "kaupunkitila",
    "tapahtuma",
    "kotoutuminen",
]
WORDS_EN = [
    "association",
    "project",
    "funding",
    "call",
    "training",
    "workshop",
    "young",
    "people",
    "families",
    "culture",
    "sport",
    "participation",
    "volunteer",
    "village",
    "municipality",
    "community",
    "development",
    "network",
    "peer",
    "support",
    "employment",
    "skills",
    "coaching",
    "hobby",
    "football",
    "design",
    "urban",
    "space",
    "event",
    "integration",
]
TAGS = [
    ("nuoret", "young people"),
    ("kulttuuri", "culture"),
    ("liikunta", "sport"),
    ("koulutus", "training"),
    ("työllisyys", "employment"),
    ("osallisuus", "participation"),
    ("perheet", "families"),
    ("kylät", "villages"),
]


def sentence(rng: random.Random, words: list[str], length: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(length))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: list[str], sentences: int = 4) -> str:
    return " ".join(sentence(rng, words, rng.randint(6, 14)) for _ in range(sentences))


def make_images(count: int, rng: random.Random):
    """A handful of real JPEG images shared by the pages (renditions are generated on first use)."""
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    image_model = get_image_model()
    images = list(image_model.objects.filter(title__startswith="bench-")[:count])
    for n in range(len(images), count):
        buffer = io.BytesIO()
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        PILImage.new("RGB", (1600, 900), colour).save(buffer, "JPEG", quality=80)
        images.append(
            image_model.objects.create(
                title=f"bench-{n}",
                description=f"Kuva {n}",
                file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"bench-{n}.jpg"),
            )
        )
    return images


class Generator:
    def __init__(self, scale: float, seed: int):
        from wagtail.models import Locale

        self.rng = random.Random(seed)
        self.counts = {kind: max(1, int(n * scale)) for kind, n in PAGES_AT_SCALE_1.items()}
        self.fi = Locale.objects.get(language_code="fi")
        self.en = Locale.objects.get(language_code="en")
        self.created = 0

    def run(self):
        from events.models import EventIndexPage
        from guides.models import GuideIndexPage
        from koonto.models import Municipality, Organisation
        from showcase.models import ShowcaseIndexPage

        self.municipalities = list(Municipality.objects.filter(in_pohjois_savo=True))
        self.organisations = list(Organisation.objects.filter(locale=self.fi))
        self.images = make_images(6, self.rng)
        self.tag_pairs = self.ensure_tag_translations()
        sections = {
            "showcases": ShowcaseIndexPage,
            "events": EventIndexPage,
            "guides": GuideIndexPage,
            "calls": GuideIndexPage,
        }
        for kind, index_model in sections.items():
            fi_index = index_model.objects.get(locale=self.fi)
            en_index = index_model.objects.get(locale=self.en)
            existing = self.existing(kind, fi_index)
            for n in range(existing, self.counts[kind]):
                getattr(self, f"add_{kind[:-1]}")(fi_index, en_index, n)
                if self.created and self.created % 500 == 0:
                    print(f"  {self.created} pages", flush=True)

    @staticmethod
    def existing(kind: str, index) -> int:
        return index.get_children().filter(slug__startswith=f"bench-{kind[:-1]}-").count()

    def ensure_tag_translations(self):
        from taggit.models import Tag

        from koonto.models import TagTranslation

        for finnish, english in TAGS:
            tag, _ = Tag.objects.get_or_create(name=finnish, defaults={"slug": finnish})
            TagTranslation.objects.get_or_create(tag=tag, locale=self.en, defaults={"name": english})
        return TAGS

    def pair(self, fi_index, en_index, model, slug: str, fi_fields: dict, en_fields: dict, tags: int = 2):
        """The Finnish page and its English translation, both live, with tags in each language."""
        chosen = self.rng.sample(self.tag_pairs, tags)
        finnish = model(locale=self.fi, slug=slug, live=True, **fi_fields)
        finnish.tags.add(*[fi for fi, _en in chosen])
        fi_index.add_child(instance=finnish)
        english = model(locale=self.en, slug=slug, live=True, translation_key=finnish.translation_key, **en_fields)
        en_index.add_child(instance=english)  # its tags: the English names (koonto.localised_tags)
        self.created += 2
        return finnish, english

    def common(self, words, title: str) -> dict:
        return {
            "title": title,
            "summary": sentence(self.rng, words, 18),
            "listing_image": self.rng.choice(self.images),
            "first_published_at": datetime(2021, 1, 1, tzinfo=HELSINKI) + timedelta(days=self.rng.randint(0, 1800)),
        }

    def add_showcase(self, fi_index, en_index, n: int):
        from showcase.models import ShowcaseMunicipality, ShowcaseOrganisation, ShowcasePage

        rng = self.rng
        title_fi = f"{sentence(rng, WORDS_FI, 3)[:-1]} {n}"
        shared = {"programme_period": rng.choice(["2014-2020", "2021-2027"]), "status": "ended"}
        finnish, english = self.pair(
            fi_index,
            en_index,
            ShowcasePage,
            f"bench-showcase-{n}",
            {**self.common(WORDS_FI, title_fi), **shared, "results": f"<p>{paragraph(rng, WORDS_FI)}</p>"},
            {
                **self.common(WORDS_EN, f"{sentence(rng, WORDS_EN, 3)[:-1]} {n}"),
                **shared,
                "results": f"<p>{paragraph(rng, WORDS_EN)}</p>",
            },
        )
        municipality = rng.choice(self.municipalities)
        organisation = rng.choice(self.organisations) if self.organisations else None
        for page in (finnish, english):
            ShowcaseMunicipality.objects.create(page=page, municipality=municipality)
            if organisation is not None:
                ShowcaseOrganisation.objects.create(
                    page=page, organisation=organisation.get_translation_or_none(page.locale) or organisation
                )

    def add_event(self, fi_index, en_index, n: int):
        from events.models import EventPage

        rng = self.rng
        start = datetime(2024, 1, 1, 9, tzinfo=HELSINKI) + timedelta(days=rng.randint(0, 5 * 365), hours=rng.randint(0, 9))
        shared = {
            "starts_at": start,
            "ends_at": start + timedelta(hours=rng.randint(1, 4)),
            "event_type": rng.choice(["training", "networking", "info_session", "webinar"]),
            "mode": rng.choice(["in_person", "online", "hybrid"]),
            "municipality": rng.choice(self.municipalities),
            "venue": "Kunnantalo",
        }
        self.pair(
            fi_index,
            en_index,
            EventPage,
            f"bench-event-{n}",
            {**self.common(WORDS_FI, f"{sentence(rng, WORDS_FI, 4)[:-1]} {n}"), **shared},
            {**self.common(WORDS_EN, f"{sentence(rng, WORDS_EN, 4)[:-1]} {n}"), **shared},
        )

    def add_guide(self, fi_index, en_index, n: int):
        from guides.models import GuidePage

        rng = self.rng

        def body(words):
            return [("paragraph", f"<p>{paragraph(rng, words, 6)}</p>") for _ in range(4)]

        self.pair(
            fi_index,
            en_index,
            GuidePage,
            f"bench-guide-{n}",
            {**self.common(WORDS_FI, f"Opas: {sentence(rng, WORDS_FI, 3)[:-1]} {n}"), "body": body(WORDS_FI)},
            {**self.common(WORDS_EN, f"Guide: {sentence(rng, WORDS_EN, 3)[:-1]} {n}"), "body": body(WORDS_EN)},
        )

    def add_call(self, fi_index, en_index, n: int):
        from guides.models import FundingCallPage

        rng = self.rng
        opens = datetime(2024, 1, 1, 9, tzinfo=HELSINKI) + timedelta(days=rng.randint(0, 4 * 365))
        shared = {"opens_at": opens, "closes_at": opens + timedelta(days=rng.randint(14, 60)), "support_rate": 80}
        self.pair(
            fi_index,
            en_index,
            FundingCallPage,
            f"bench-call-{n}",
            {**self.common(WORDS_FI, f"Hankehaku {n}"), **shared},
            {**self.common(WORDS_EN, f"Funding call {n}"), **shared},
        )


@contextlib.contextmanager
def search_index_deferred():
    """Pages saved without indexing each one (a third of the generation's time): `update_index`
    indexes them all at the end."""
    from django.db.models.signals import post_save
    from modelsearch import index as search_index
    from modelsearch.signal_handlers import post_save_signal_handler

    models = list(search_index.get_indexed_models())
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def give_live_revisions(batch_size: int = 500) -> int:
    """Every generated page gets the live revision that publishing through Wagtail gives it.

    Pages are written live directly (see the module docstring), so they had none; the API keeps
    each page's serialised fields under its live revision (api/serialised.py) and a page without
    one, which Koonto's editors never make, was serialised on every request. Revisions are written
    in bulk, without signals: one per page, of its content as generated. Returns how many.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Page, Revision

    base_type = ContentType.objects.get_for_model(Page)
    given = 0
    while True:
        pages = list(Page.objects.filter(slug__startswith="bench-", live_revision__isnull=True).specific()[:batch_size])
        if not pages:
            return given
        now = timezone.now()
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type_id=page.content_type_id,
                    base_content_type=base_type,
                    object_id=str(page.pk),
                    created_at=page.first_published_at or now,
                    object_str=page.title,
                    content=page.serializable_data(),
                )
                for page in pages
            ]
        )
        for page, revision in zip(pages, revisions, strict=True):
            page.live_revision_id = page.latest_revision_id = revision.pk
        Page.objects.bulk_update(pages, ["live_revision", "latest_revision"])
        given += len(pages)


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database of DATABASE_URL if it does not exist yet."""
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg
    from psycopg import sql

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = about 11,000 pages (default)")
    parser.add_argument("--seed", type=int, default=2027)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koonto.settings.dev")
    ensure_database(os.environ.get("DATABASE_URL", ""))
    import django

    django.setup()
    from django.core.management import call_command

    started = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("load_demo")
    generator = Generator(args.scale, args.seed)
    with search_index_deferred():
        generator.run()
    revised = give_live_revisions()
    call_command("update_index", verbosity=0)
    print(
        f"Generated {generator.created} pages ({revised} given a live revision) in {time.monotonic() - started:.0f} s "
        f"(scale {args.scale}, seed {args.seed})."
    )


if __name__ == "__main__":
    main()
