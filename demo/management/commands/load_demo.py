"""Build the demo site of Koonto from the data in demo/content/, creating only what is missing.

Every Finnish object is found by a natural key (a page by its slug under its parent; an organisation
or a contact by name; a theme by slug) and created only if it does not exist, so the command is safe
to run on every start: existing objects, which editors may have changed, are left as they are. The
Finnish content is read from the TOML files in demo/content/ (demo/data.py).

The English site is made the way translators make it: each Finnish demo snippet and page is
submitted to wagtail-localize, its string segments are filled in from the PO catalogue
demo/content/en.po (through the same PO export and import as the admin's download and upload) and the
translation is published. wagtail-localize then tracks every English object, so a later change to a
Finnish page can be synced to English with "Sync translated pages". Snippets go first, so that English
pages link to English organisations, contacts and themes; parents go before their children. An object
that already has an English version is left alone.

The catalogue is first brought up to date with the data in memory, as `manage.py demo_messages` would
write it (demo/catalogue.py), and any string that is fuzzy or untranslated is reported, with a pointer
to that command; the command never stops on it. A fuzzy English (a Finnish sentence changed since it
was translated: a comma, a word) is used on the English page: the match needs a similarity of at least
80 %, so it is the English of nearly the same sentence, and using it keeps the English site whole and
free of Finnish until a translator has reviewed it, which the report asks for. A string with no English
at all leaves its object untranslated (and named in the output) rather than shown in Finnish on the
English site, where wagtail-localize would otherwise fall back to the Finnish text.
"""

import json
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Locale, Page, ReferenceIndex, RevisionMixin, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)

from demo import catalogue
from demo.data import CONTENT_DIR, TODAY, ContentError, ObjectData, PageData, load
from editorial.rules import apply_editorial_rules
from guides.models import FundingCallContact, GuidePageRelatedPage
from home.models import HomePage, HomePageHighlight
from koonto.models import (
    ContactPerson,
    KoontoSettings,
    Municipality,
    Organisation,
    ProjectDescription,
    SiteTexts,
    SiteTextsContact,
    TagTranslation,
    Theme,
)
from koonto.origin import public_origin, site_address, sync_site
from showcase.models import ShowcaseMunicipality, ShowcaseOrganisation, ShowcaseTargetGroup, ShowcaseTheme

# Counts in the final report (of Finnish objects created and of English translations made), in the
# order they are printed: key -> (singular, plural).
LABELS = {
    "locales": ("locale", "locales"),
    "pages": ("page", "pages"),
    "organisations": ("organisation", "organisations"),
    "contacts": ("contact person", "contact persons"),
    "themes": ("theme", "themes"),
    "project descriptions": ("project description", "project descriptions"),
    "site texts": ("site texts", "site texts"),
    "images": ("image", "images"),
    "tag translations": ("tag name", "tag names"),
}
SNIPPET_LABELS = {
    Organisation: "organisations",
    ContactPerson: "contacts",
    Theme: "themes",
    ProjectDescription: "project descriptions",
    SiteTexts: "site texts",
}


class MissingEnglish(Exception):
    """A Finnish string of a demo object has no (acceptable) English in the catalogue."""


class Command(BaseCommand):
    help = (
        "Create the Finnish demo site (pages, snippets, site texts, site settings) from demo/content/ and its English "
        "translation where missing; never changes existing content."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--content", type=Path, default=CONTENT_DIR, help="Folder of the demo data and en.po (default: demo/content/)."
        )

    def handle(self, *args, content: Path, **options):
        self.created = Counter()
        self.translated = Counter()
        self.notes = []
        self.pages = []  # every Finnish demo page, the home first and parents before children
        self.by_path: dict[str, Page] = {}  # the same pages by their slug path from the home ("" is the home)
        self.today = timezone.localdate()
        try:
            self.content = load(content)
            self.english = self.read_english()
        except ContentError as error:
            raise CommandError(f"The demo data cannot be read: {error}") from error
        with transaction.atomic():
            self.build()
        self.report()
        apply_editorial_rules()
        self.stdout.write("Editorial groups, permissions and workflows are in place.")
        # The Site record follows KOONTO_PUBLIC_URL, so that Wagtail's own URLs agree with Koonto's.
        self.stdout.write(sync_site() or f"The Site record already points at {public_origin()}.")

    def read_english(self) -> catalogue.English:
        """The catalogue as demo_messages would write it now; fuzzy and missing English go into the report."""
        path = catalogue.catalogue_path(self.content)
        written = catalogue.read_catalogue(path)
        merged = catalogue.merge(written, catalogue.source_messages(self.content))
        name = self.catalogue_name = "demo/content/en.po" if path.parent == CONTENT_DIR else str(path)
        if merged.fuzzy:
            self.notes.append(
                f"{name}: {len(merged.fuzzy)} fuzzy string(s), the English of an earlier Finnish text, used until a "
                "translator reviews it:\n" + "\n".join(f"    {entry.msgid!r}" for entry in merged.fuzzy)
            )
        if merged.untranslated:
            self.notes.append(
                f"{name}: {len(merged.untranslated)} untranslated string(s); what uses them is not translated into "
                "English:\n" + "\n".join(f"    {entry.msgid!r}" for entry in merged.untranslated)
            )
        if merged.fuzzy or merged.untranslated:
            self.notes.append(f"run `manage.py demo_messages` to update {name}, then translate and review it")
        return catalogue.English(merged.po, written)

    # --- the whole site, in dependency order -------------------------------------------------

    def build(self):
        locales = self.ensure_locales()
        fi = locales["fi"]
        content = self.content
        self.municipalities = {m.code: m for m in Municipality.objects.all()}
        self.images = {key: self.image(data) for key, data in content.images.items()}
        self.organisations = {data.fields["name"]: self.organisation(data, fi) for data in content.organisations}
        self.contacts = {data.fields["name"]: self.contact(data, fi) for data in content.contacts}
        self.themes = {
            data.fields["slug"]: self.snippet(Theme, {"slug": data.fields["slug"], "locale": fi}, data.fields, "themes")
            for data in content.themes
        }
        description_data = content.project_description.fields
        description_key = {"title": description_data["title"], "locale": fi}
        description = self.snippet(ProjectDescription, description_key, description_data, "project descriptions")
        site_texts = self.site_texts(fi)

        home, home_created = self.finnish_home(fi)
        self.pages.append(home)
        self.by_path[""] = home
        site = self.default_site(home)
        for section in content.home.children:
            self.add_tree(home, section)

        if home_created:
            # Published only now, so that its one revision already has the highlights.
            home = HomePage.objects.get(pk=home.pk)
            home.highlights = [HomePageHighlight(page=self.page_at(path)) for path in content.home.extra.get("highlights", [])]
            home.save_revision().publish()
        self.site_settings(site, home_created, description)

        if "en" in locales:
            self.en = locales["en"]
            snippets = [*self.organisations.values(), *self.contacts.values(), *self.themes.values(), description, site_texts]
            self.english_site(snippets)

    def ensure_locales(self) -> dict[str, Locale]:
        locales = {}
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            locales[code], created = Locale.objects.get_or_create(language_code=code)
            self.created["locales"] += created
        return locales

    def page_at(self, path: str) -> Page:
        if path not in self.by_path:
            raise CommandError(f"The demo data refers to the page '{path}' before it is made, or to none.")
        return self.by_path[path]

    # --- snippets ------------------------------------------------------------------------------

    def snippet(self, model, key: dict, fields: dict, label: str):
        """The object matching `key`, created with `fields` if there is none."""
        instance = model.objects.filter(**key).first()
        if instance is None:
            instance = model.objects.create(**{**fields, **key})
            if isinstance(instance, RevisionMixin):
                # Snippets with drafts and revisions start with one published revision, as if made in the admin.
                instance.save_revision().publish()
            self.created[label] += 1
        return instance

    def organisation(self, data: ObjectData, locale: Locale) -> Organisation:
        fields = {**data.fields, "municipality": self.municipalities.get(data.extra.get("municipality"))}
        return self.snippet(Organisation, {"name": data.fields["name"], "locale": locale}, fields, "organisations")

    def contact(self, data: ObjectData, locale: Locale) -> ContactPerson:
        fields = {**data.fields, "organisation": self.organisations[data.extra["organisation"]]}
        return self.snippet(ContactPerson, {"name": data.fields["name"], "locale": locale}, fields, "contacts")

    def site_texts(self, locale: Locale) -> SiteTexts:
        """The footer's texts in Finnish (one per language): created with the demo's contacts if missing."""
        data = self.content.site_texts
        contacts = [SiteTextsContact(contact=self.contacts[name]) for name in data.extra.get("footer_contacts", [])]
        return self.snippet(SiteTexts, {"locale": locale}, {**data.fields, "footer_contacts": contacts}, "site texts")

    def image(self, data: dict):
        """A demo picture (drawn for the demo by scripts/demo_images.py), uploaded once: found by its title."""
        model = get_image_model()
        existing = model.objects.filter(title=data["title"]).first()
        if existing is not None:
            return existing
        path = self.content.directory / data["file"]
        with path.open("rb") as file:
            image = model(title=data["title"], description=data["description"], file=ImageFile(file, name=path.name))
            image.save()
        self.created["images"] += 1
        return image

    def listed_image(self, key: str, data: PageData):
        if key not in self.images:
            raise CommandError(f"{data.source}: {data.label} has listing_image '{key}', which site.toml's [images] lacks.")
        return self.images[key]

    # --- pages ---------------------------------------------------------------------------------

    def add_tree(self, parent: Page, data: PageData) -> None:
        page = self.add_page(parent, data)
        self.by_path[data.path] = page
        for child in data.children:
            self.add_tree(page, child)

    def add_page(self, parent: Page, data: PageData) -> Page:
        """The child of `parent` with the data's slug; if missing, create and publish it."""
        existing = parent.get_children().filter(slug=data.fields["slug"]).first()
        if existing is not None:
            self.pages.append(existing.specific)
            return existing.specific
        page = data.model(locale_id=parent.locale_id, **self.dated(data), **self.relations(data))
        if data.tags:
            page.tags.add(*data.tags)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created["pages"] += 1
        self.pages.append(page)
        return page

    def dated(self, data: ObjectData) -> dict:
        """The data's fields with TODAY replaced: today's date in a date field, d.m.yyyy in text."""
        written = f"{self.today.day}.{self.today.month}.{self.today.year}"

        def fill(value):
            if isinstance(value, str):
                return value.replace(TODAY, written)
            if isinstance(value, list):
                return [fill(item) for item in value]
            if isinstance(value, dict):
                return {key: fill(item) for key, item in value.items()}
            return value

        fields = {}
        for name, value in data.fields.items():
            is_date = isinstance(data.model._meta.get_field(name), models.DateField)
            fields[name] = self.today if is_date and value == TODAY else fill(value)
        return fields

    def relations(self, data: PageData) -> dict:
        """Field values for the data's keys that point at other objects, and its inline children."""
        extra = dict(data.extra)
        values = data.inline_objects()
        if "days_ahead" in extra:  # an example event, dated from today in the site's time zone
            day = self.today + timedelta(days=extra.pop("days_ahead"))
            zone = timezone.get_default_timezone()
            values["starts_at"] = datetime.combine(day, extra.pop("starts"), tzinfo=zone)
            values["ends_at"] = datetime.combine(day, extra.pop("ends"), tzinfo=zone)
        resolvers = {
            "organisations": lambda items: [
                ShowcaseOrganisation(organisation=self.organisations[item["name"]], role=item["role"]) for item in items
            ],
            "municipalities": lambda codes: [
                ShowcaseMunicipality(municipality=self.municipalities[code]) for code in codes if code in self.municipalities
            ],
            "target_groups": lambda groups: [ShowcaseTargetGroup(group=ShowcaseTargetGroup.Group(group)) for group in groups],
            "themes": lambda slugs: [ShowcaseTheme(theme=self.themes[slug]) for slug in slugs],
            "contacts": lambda names: [FundingCallContact(contact=self.contacts[name]) for name in names],
            "related_pages": lambda paths: [GuidePageRelatedPage(related_page=self.page_at(path)) for path in paths],
            "organiser": lambda name: self.organisations[name],
            "municipality": lambda code: self.municipalities.get(code),
            "listing_image": lambda key: self.listed_image(key, data),
        }
        for name, value in extra.items():
            if name not in resolvers:
                raise CommandError(f"{data.source}: {data.label} has '{name}', which the loader does not know.")
            values[name] = resolvers[name](value)
        return values

    def finnish_home(self, fi: Locale) -> tuple[HomePage, bool]:
        """The default site's Finnish HomePage, else the root's child with the demo slug, else a new one (unpublished yet)."""
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site and site.root_page.specific_class is HomePage and site.root_page.locale_id == fi.pk:
            return site.root_page.specific, False
        root = Page.get_first_root_node()
        existing = root.get_children().filter(slug=self.content.home.fields["slug"]).first()
        if existing is not None:
            return existing.specific, False
        home = HomePage(locale=fi, **self.dated(self.content.home))
        root.add_child(instance=home)
        self.created["pages"] += 1
        return home, True

    def default_site(self, home: HomePage) -> Site:
        """Point the default site at the Finnish home in place of Wagtail's welcome page, which is then deleted."""
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            hostname, port = site_address()
            self.notes.append(f"created the default site ({hostname}:{port})")
            return Site.objects.create(hostname=hostname, port=port, site_name="Koonto", root_page=home, is_default_site=True)
        if site.root_page_id == home.pk:
            return site
        old_root = site.root_page
        if old_root.specific_class is not Page:
            self.notes.append(f"the default site keeps its root page '{old_root.title}' (not Wagtail's welcome page)")
            return site
        site.root_page = home
        site.site_name = site.site_name or "Koonto"
        site.save()
        self.notes.append("the default site now shows the Finnish home page")
        if not old_root.get_children().exists() and not Site.objects.filter(root_page=old_root).exists():
            old_root.delete()
            self.notes.append(f"deleted Wagtail's welcome page '{old_root.title}'")
        return site

    # --- site settings -------------------------------------------------------------------------

    def site_settings(self, site: Site, first_load: bool, description):
        """Fill in empty settings when they are new or the demo site is built for the first time; never overwrite."""
        existed = KoontoSettings.objects.filter(site=site).exists()
        if existed and not first_load:
            return
        data = self.content.settings
        koonto = KoontoSettings.for_site(site)
        filled = []
        if not existed:
            koonto.eu_statement = data["eu_statement"]
        for field, value in (
            ("project_description", description),
            ("accessibility_page", self.page_at(data["accessibility_page"])),
            ("privacy_page", self.page_at(data["privacy_page"])),
        ):
            if getattr(koonto, f"{field}_id") is None:
                setattr(koonto, field, value)
                filled.append(field.replace("_", " "))
        if filled or not existed:
            koonto.save()
        if filled:
            self.notes.append("site settings filled in: " + ", ".join(filled))

    # --- English, through wagtail-localize -------------------------------------------------------

    def english_site(self, snippets: list):
        """Translate the demo snippets, then the demo pages from the home down, where English is missing.

        Wagtail's reference index would be rebuilt for a page at every save of the page and of each of its child
        objects (hundreds of times here); it is updated once for each new English object at the end instead.
        """
        self.tag_translations()
        created = []
        with disable_reference_index_auto_update():
            for snippet in snippets:
                created += self.translate(snippet, SNIPPET_LABELS[type(snippet)])
            home, *pages = self.pages
            english_home = self.translate(home, "pages")
            for page in pages:
                created += self.translate(page, "pages")
            if english_home:
                self.highlight_english_pages(home)
            created += english_home
        for obj in created:
            if ReferenceIndex.is_indexed(type(obj)):
                ReferenceIndex.create_or_update_for_object(type(obj).objects.get(pk=obj.pk))

    def tag_translations(self):
        """English names of the demo's tags, before any page is translated (koonto.localised_tags); existing ones are kept.

        A tag without English in the catalogue (reported above) is left off the English pages, never shown in Finnish.
        """
        for finnish in self.content.tags():
            english = self.english.tag(finnish)
            tag = Tag.objects.filter(name=finnish).first()
            if tag is None or english is None:
                continue
            _translation, created = TagTranslation.objects.get_or_create(tag=tag, locale=self.en, defaults={"name": english})
            if created:
                self.translated["tag translations"] += 1

    def translate(self, instance, label: str) -> list:
        """Translate a Finnish demo object into English with wagtail-localize unless it has an English version.

        Returns the new English object in a list, or an empty list if there was one already.
        """
        if instance.get_translation_or_none(self.en) is not None:
            return []
        source, _ = TranslationSource.update_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=self.en)
        try:
            self.fill_in_english(translation, instance)
        except MissingEnglish as problem:
            # An editor may have changed the Finnish page: leave it to translators, never stop `make run`.
            self.notes.append(f"not translated into English: {problem}")
            self.stderr.write(f"Warning: not translated into English: {problem}")
            return []
        english = self.save_and_publish(translation)
        self.translated[label] += 1
        return [english]

    @staticmethod
    def save_and_publish(translation: Translation):
        """Save the translation's target object and publish it now; returns the target.

        Left to itself, wagtail-localize publishes pages and reviewed snippets when the transaction commits, from the
        revision object it saved, tree fields included: a parent page translated before its children would then be
        saved back with no children (numchild 0) and its children would answer 404. So the target is saved as a draft
        and its latest revision, read back from the database, is published at once, as the admin's "Publish" would.
        """
        has_drafts = issubclass(translation.source.specific_content_type.model_class(), DraftStateMixin)
        translation.save_target(publish=not has_drafts)
        english = translation.get_target_instance()
        if has_drafts:
            english.latest_revision.publish()
            english.refresh_from_db()
        return english

    def fill_in_english(self, translation: Translation, instance):
        """Give every string segment of the translation its English from the catalogue, as a translator's PO upload would.

        Strings already translated (say, by a translator who started in the admin) are kept. wagtail-localize would
        publish any string still untranslated in Finnish, so with a missing or rejected string the object is left
        untranslated (and named in the output) rather than shown in Finnish on the English site.
        """
        po = translation.export_po()
        missing = []
        for entry in po:
            if entry.obsolete or entry.msgstr:
                continue
            english = self.english(entry.msgctxt or "", entry.msgid)
            if english is None:
                missing.append(entry.msgid)
            else:
                entry.msgstr = english
        if missing:
            raise MissingEnglish(
                f"No English for {len(missing)} string(s) of {type(instance).__name__} '{instance}': translate them in "
                f"{self.catalogue_name} (`manage.py demo_messages` adds them), or translate it in the admin if an editor "
                "changed it:\n" + "\n".join(f"  {text!r}" for text in missing)
            )
        translation.import_po(po, tool_name="load_demo")
        rejected = StringTranslation.objects.filter(
            locale=self.en, context__object_id=translation.source.object_id, has_error=True
        ).values_list("data", flat=True)
        total, translated = translation.get_progress()
        if rejected or translated < total:
            raise MissingEnglish(
                f"wagtail-localize rejected the English of {type(instance).__name__} '{instance}' "
                "(its links or markup differ from the Finnish):\n" + "\n".join(f"  {text!r}" for text in rejected)
            )

    def highlight_english_pages(self, home: HomePage):
        """Point the new English home's highlights at the English pages.

        Highlights are synchronised from the Finnish home, so they would point at Finnish pages; overrides (what the
        translation editor offers for synchronised fields) keep the English targets on every later sync.
        """
        translation = Translation.objects.get(
            source__object_id=home.translation_key, source__locale=home.locale, target_locale=self.en
        )
        segments = OverridableSegment.objects.filter(
            source=translation.source, context__path__startswith="highlights.", context__path__endswith=".page"
        ).select_related("context")
        for segment in segments:
            finnish = Page.objects.filter(pk=segment.data).first()
            english = finnish and finnish.get_translation_or_none(self.en)
            if english is not None:
                SegmentOverride.objects.update_or_create(
                    locale=self.en, context=segment.context, defaults={"data_json": json.dumps(english.pk)}
                )
        self.save_and_publish(translation)

    # --- report --------------------------------------------------------------------------------

    def report(self):
        counts = self.counts(self.created)
        english = self.counts(self.translated)
        if counts or english:
            line = "Created: " + (", ".join(counts) if counts else "nothing new")
            if english:
                line += "; translated into English: " + ", ".join(english)
            line += "."
        else:
            line = "Demo content already present: nothing created."
        lines = [line] + [f"- {note}" for note in self.notes]
        self.stdout.write(self.style.SUCCESS("\n".join(lines)) if counts or english else "\n".join(lines))

    @staticmethod
    def counts(counter: Counter) -> list[str]:
        return [f"{n} {one if n == 1 else many}" for key, (one, many) in LABELS.items() if (n := counter[key])]
