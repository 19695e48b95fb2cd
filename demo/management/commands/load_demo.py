"""Build the demo site of Koonto from the project's source material, creating only what is missing.

Every Finnish object is found by a natural key (a page by its slug under its parent; an organisation
or a contact by name; a theme by slug) and created only if it does not exist, so the command is safe
to run on every start: existing objects, which editors may have changed, are left as they are. The
Finnish texts live in koonto/demo_content.py.

The English site is made the way translators make it: each Finnish demo snippet and page is
submitted to wagtail-localize, its string segments are filled in from koonto/demo_content_en.py
(through the same PO export and import as the admin's download and upload) and the translation is
published. wagtail-localize then tracks every English object, so a later change to a Finnish page
can be synced to English with "Sync translated pages". Snippets go first, so that English pages
link to English organisations, contacts and themes; parents go before their children. An object
that already has an English version is left alone.
"""

import json
import re
from collections import Counter
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import override
from taggit.models import Tag
from wagtail.models import DraftStateMixin, Locale, Page, ReferenceIndex, RevisionMixin, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)

from events.models import EventIndexPage, EventPage
from guides.models import FundingCallContact, FundingCallPage, GuideIndexPage, GuidePage, GuidePageRelatedPage
from home.models import HomePage, HomePageHighlight, StandardPage
from koonto import demo_content as demo
from koonto.demo_content_en import ENGLISH, ENGLISH_TAGS
from koonto.editorial import apply_editorial_rules
from koonto.models import (
    ContactPerson,
    FooterContact,
    KoontoSettings,
    Municipality,
    Organisation,
    ProjectDescription,
    TagTranslation,
    Theme,
)
from showcase.models import (
    OperatingModel,
    ShowcaseIndexPage,
    ShowcaseMunicipality,
    ShowcaseOrganisation,
    ShowcasePage,
    ShowcaseTargetGroup,
    ShowcaseTheme,
)

HELSINKI = ZoneInfo("Europe/Helsinki")

# Counts in the final report (of Finnish objects created and of English translations made), in the
# order they are printed: key -> (singular, plural).
LABELS = {
    "locales": ("locale", "locales"),
    "pages": ("page", "pages"),
    "organisations": ("organisation", "organisations"),
    "contacts": ("contact person", "contact persons"),
    "themes": ("theme", "themes"),
    "project descriptions": ("project description", "project descriptions"),
    "tag translations": ("tag name", "tag names"),
}
SNIPPET_LABELS = {
    Organisation: "organisations",
    ContactPerson: "contacts",
    Theme: "themes",
    ProjectDescription: "project descriptions",
}


# ENGLISH keys that contain demo.TODAY, as patterns matching any date (d.m.yyyy) in its place.
DATED_ENGLISH = [
    (re.compile(re.escape(finnish).replace(re.escape(demo.TODAY), r"(\d{1,2}\.\d{1,2}\.\d{4})")), english)
    for finnish, english in ENGLISH.items()
    if demo.TODAY in finnish
]


def english_date(finnish_date: str) -> str:
    """A date written the Finnish way (29.11.2026) as the English site writes it (29 November 2026)."""
    day, month, year = map(int, finnish_date.split("."))
    with override("en"):
        return formats.date_format(date(year, month, day), "DATE_FORMAT")


def english_for(finnish: str) -> str | None:
    """The English of a Finnish string segment, from koonto/demo_content_en.py; None if it has none."""
    if finnish in ENGLISH:
        return ENGLISH[finnish]
    for pattern, english in DATED_ENGLISH:
        if match := pattern.fullmatch(finnish):
            for finnish_date in match.groups():
                english = english.replace(demo.TODAY, english_date(finnish_date), 1)
            return english
    return None


def without(data: dict, *keys: str) -> dict:
    return {key: value for key, value in data.items() if key not in keys}


def fill_date(value, today: date):
    """Replace demo.TODAY with today's date (d.m.yyyy) anywhere in a nested value."""
    if isinstance(value, str):
        return value.replace(demo.TODAY, f"{today.day}.{today.month}.{today.year}")
    if isinstance(value, list):
        return [fill_date(item, today) for item in value]
    if isinstance(value, dict):
        return {key: fill_date(item, today) for key, item in value.items()}
    return value


class MissingEnglish(Exception):
    """A Finnish string of a demo object has no (acceptable) English in demo_content_en.py."""


class Command(BaseCommand):
    help = (
        "Create the Finnish demo site (pages, snippets, site settings) and its English translation where missing; "
        "never changes existing content."
    )

    def handle(self, *args, **options):
        self.created = Counter()
        self.translated = Counter()
        self.notes = []
        self.pages = []  # every Finnish demo page, the home first and parents before children
        self.today = timezone.localdate()
        with transaction.atomic():
            self.build()
        self.report()
        apply_editorial_rules()
        self.stdout.write("Editorial groups, permissions and workflows are in place.")

    # --- the whole site, in dependency order -------------------------------------------------

    def build(self):
        locales = self.ensure_locales()
        fi = locales["fi"]
        self.municipalities = {m.code: m for m in Municipality.objects.all()}
        self.organisations = {data["name"]: self.organisation(data, fi) for data in demo.ORGANISATIONS}
        self.contacts = [self.contact(data, fi) for data in demo.CONTACTS]
        self.themes = {
            data["slug"]: self.snippet(Theme, {"slug": data["slug"], "locale": fi}, without(data, "slug"), "themes")
            for data in demo.THEMES
        }
        description_key = {"title": demo.PROJECT_DESCRIPTION["title"], "locale": fi}
        description = self.snippet(ProjectDescription, description_key, demo.PROJECT_DESCRIPTION, "project descriptions")

        home, home_created = self.finnish_home(fi)
        self.pages.append(home)
        site = self.default_site(home)

        about, _ = self.add_page(home, StandardPage, demo.ABOUT)
        guide = self.guides(home)
        self.showcases(home)
        self.events(home)
        accessibility, _ = self.add_page(home, StandardPage, demo.ACCESSIBILITY)
        privacy, _ = self.add_page(home, StandardPage, demo.PRIVACY)

        if home_created:
            # Published only now, so that its one revision already has the highlights.
            home = HomePage.objects.get(pk=home.pk)
            home.highlights = [HomePageHighlight(page=guide), HomePageHighlight(page=about)]
            home.save_revision().publish()
        self.site_settings(site, home_created, description, accessibility, privacy)

        if "en" in locales:
            self.en = locales["en"]
            self.english_site([*self.organisations.values(), *self.contacts, *self.themes.values(), description])

    def ensure_locales(self) -> dict[str, Locale]:
        locales = {}
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            locales[code], created = Locale.objects.get_or_create(language_code=code)
            self.created["locales"] += created
        return locales

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

    def organisation(self, data: dict, locale: Locale) -> Organisation:
        fields = without(data, "name", "municipality")
        fields["municipality"] = self.municipalities.get(data.get("municipality"))
        return self.snippet(Organisation, {"name": data["name"], "locale": locale}, fields, "organisations")

    def contact(self, data: dict, locale: Locale) -> ContactPerson:
        fields = {**without(data, "name"), "organisation": self.organisations[data["organisation"]]}
        return self.snippet(ContactPerson, {"name": data["name"], "locale": locale}, fields, "contacts")

    # --- pages ---------------------------------------------------------------------------------

    def add_page(self, parent: Page, model, data: dict, **extra):
        """The child of `parent` with the data's slug; if missing, create and publish it. Returns (page, created)."""
        existing = parent.get_children().filter(slug=data["slug"]).first()
        if existing is not None:
            self.pages.append(existing.specific)
            return existing.specific, False
        fields = fill_date({**data, **extra}, self.today)
        tags = fields.pop("tags", [])
        page = model(locale_id=parent.locale_id, **fields)
        if tags:
            page.tags.add(*tags)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created["pages"] += 1
        self.pages.append(page)
        return page, True

    def finnish_home(self, fi: Locale) -> tuple[HomePage, bool]:
        """The default site's Finnish HomePage, else the root's child with the demo slug, else a new one (unpublished yet)."""
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site and site.root_page.specific_class is HomePage and site.root_page.locale_id == fi.pk:
            return site.root_page.specific, False
        root = Page.get_first_root_node()
        existing = root.get_children().filter(slug=demo.HOME["slug"]).first()
        if existing is not None:
            return existing.specific, False
        home = HomePage(locale=fi, **demo.HOME)
        root.add_child(instance=home)
        self.created["pages"] += 1
        return home, True

    def default_site(self, home: HomePage) -> Site:
        """Point the default site at the Finnish home in place of Wagtail's welcome page, which is then deleted."""
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            self.notes.append("created the default site (localhost:80)")
            return Site.objects.create(hostname="localhost", port=80, site_name="Koonto", root_page=home, is_default_site=True)
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

    def guides(self, home: HomePage) -> GuidePage:
        index, _ = self.add_page(home, GuideIndexPage, demo.GUIDE_INDEX)
        call, _ = self.add_page(
            index,
            FundingCallPage,
            without(demo.CALL, "closes_at"),
            closes_at=datetime(*demo.CALL["closes_at"], tzinfo=HELSINKI),
            # Nothing in the source was checked against an official notice: leave "last verified" empty.
            contacts=[FundingCallContact(contact=contact) for contact in self.contacts],
        )
        guide, _ = self.add_page(
            index,
            GuidePage,
            demo.GUIDE,
            reviewed_on=self.today,
            related_pages=[GuidePageRelatedPage(related_page=call)],
        )
        return guide

    def showcases(self, home: HomePage):
        index, _ = self.add_page(home, ShowcaseIndexPage, demo.SHOWCASE_INDEX)
        for data in demo.SHOWCASES:
            relations = {
                "organisations": [
                    ShowcaseOrganisation(organisation=self.organisations[name], role=ShowcaseOrganisation.Role.IMPLEMENTER)
                    for name in data["organisations"]
                ],
                "municipalities": [
                    ShowcaseMunicipality(municipality=self.municipalities[code])
                    for code in data["municipalities"]
                    if code in self.municipalities
                ],
                "target_groups": [ShowcaseTargetGroup(group=ShowcaseTargetGroup.Group(group)) for group in data["target_groups"]],
                "themes": [ShowcaseTheme(theme=self.themes[slug]) for slug in data["themes"]],
                "operating_models": [
                    OperatingModel(title=title, description=text) for title, text in data.get("operating_models", [])
                ],
                "key_figures": [
                    {"type": "figure", "value": {"value": value, "label": label}} for value, label in data.get("key_figures", [])
                ],
            }
            self.add_page(
                index,
                ShowcasePage,
                without(data, *relations),
                programme_period=ShowcasePage.ProgrammePeriod.P2014_2020,
                status=ShowcasePage.Status.ENDED,
                **relations,
            )

    def events(self, home: HomePage):
        index, _ = self.add_page(home, EventIndexPage, demo.EVENT_INDEX)
        for data in demo.EVENTS:
            day = self.today + timedelta(days=data["days_ahead"])
            self.add_page(
                index,
                EventPage,
                without(data, "days_ahead", "starts", "ends", "organiser", "municipality"),
                starts_at=datetime.combine(day, time(*data["starts"]), tzinfo=HELSINKI),
                ends_at=datetime.combine(day, time(*data["ends"]), tzinfo=HELSINKI),
                organiser=self.organisations[data["organiser"]],
                municipality=self.municipalities.get(data.get("municipality")),
            )

    # --- site settings -------------------------------------------------------------------------

    def site_settings(self, site: Site, first_load: bool, description, accessibility, privacy):
        """Fill in empty settings when they are new or the demo site is built for the first time; never overwrite."""
        existed = KoontoSettings.objects.filter(site=site).exists()
        if existed and not first_load:
            return
        koonto = KoontoSettings.for_site(site)
        filled = []
        if not existed:
            koonto.eu_statement = KoontoSettings.EUStatement.FUNDED
        if not koonto.implementers.strip():
            koonto.implementers = demo.IMPLEMENTERS
            filled.append("implementers")
        for field, value in (
            ("project_description", description),
            ("accessibility_page", accessibility),
            ("privacy_page", privacy),
        ):
            if getattr(koonto, f"{field}_id") is None:
                setattr(koonto, field, value)
                filled.append(field.replace("_", " "))
        if not koonto.footer_contacts.exists():
            koonto.footer_contacts = [FooterContact(contact=contact) for contact in self.contacts]
            filled.append("footer contacts")
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
        """English names of the demo's tags, before any page is translated (koonto.tags); existing ones are kept."""
        for finnish, english in ENGLISH_TAGS.items():
            tag = Tag.objects.filter(name=finnish).first()
            if tag is None:
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
        """Give every string segment of the translation its English from ENGLISH, as a translator's PO upload would.

        Strings already translated (say, by a translator who started in the admin) are kept. wagtail-localize would
        publish any string still untranslated in Finnish, so with a missing or rejected string the object is left
        untranslated (and named in the output) rather than shown in Finnish on the English site.
        """
        po = translation.export_po()
        missing = []
        for entry in po:
            if entry.obsolete or entry.msgstr:
                continue
            english = english_for(entry.msgid)
            if english is None:
                missing.append(entry.msgid)
            else:
                entry.msgstr = english
        if missing:
            raise MissingEnglish(
                f"No English for {len(missing)} string(s) of {type(instance).__name__} '{instance}': add them to "
                "koonto/demo_content_en.py (or translate it in the admin if an editor changed it):\n"
                + "\n".join(f"  {text!r}" for text in missing)
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
        if not counts and not english and not self.notes:
            self.stdout.write("Demo content already present: nothing created.")
            return
        line = "Created: " + (", ".join(counts) if counts else "nothing new")
        if english:
            line += "; translated into English: " + ", ".join(english)
        lines = [line + "."]
        lines += [f"- {note}" for note in self.notes]
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))

    @staticmethod
    def counts(counter: Counter) -> list[str]:
        return [f"{n} {one if n == 1 else many}" for key, (one, many) in LABELS.items() if (n := counter[key])]
