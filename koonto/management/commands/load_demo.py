"""Build the Finnish demo site of Koonto from the project's source material, creating only what is missing.

Every object is found by a natural key (a page by its slug under its parent; an organisation or a
contact by name; a theme by slug) and created only if it does not exist, so the command is safe to
run on every start: existing objects, which editors may have changed, are left as they are. The
texts live in koonto/demo_content.py.
"""

from collections import Counter
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, RevisionMixin, Site

from events.models import EventIndexPage, EventPage
from guides.models import FundingCallContact, FundingCallPage, GuideIndexPage, GuidePage, GuidePageRelatedPage
from home.models import HomePage, HomePageHighlight, StandardPage
from koonto import demo_content as demo
from koonto.editorial import apply_editorial_rules
from koonto.models import (
    ContactPerson,
    FooterContact,
    KoontoSettings,
    Municipality,
    Organisation,
    ProjectDescription,
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

# Counts in the final report, in the order they are printed: key -> (singular, plural).
LABELS = {
    "locales": ("locale", "locales"),
    "pages": ("page", "pages"),
    "organisations": ("organisation", "organisations"),
    "contacts": ("contact person", "contact persons"),
    "themes": ("theme", "themes"),
    "project descriptions": ("project description", "project descriptions"),
}


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


class Command(BaseCommand):
    help = "Create the Finnish demo site (pages, snippets, site settings) where missing; never changes existing content."

    def handle(self, *args, **options):
        self.created = Counter()
        self.notes = []
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
        if "en" in locales:
            self.english_home(home, locales["en"])
        self.site_settings(site, home_created, description, accessibility, privacy)

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
            return existing.specific, False
        fields = fill_date({**data, **extra}, self.today)
        tags = fields.pop("tags", [])
        page = model(locale_id=parent.locale_id, **fields)
        if tags:
            page.tags.add(*tags)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created["pages"] += 1
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

    def english_home(self, home: HomePage, en: Locale):
        if HomePage.objects.filter(translation_key=home.translation_key, locale=en).exists():
            return
        # Highlights point at Finnish pages: the English home gets its own once pages are translated.
        en_home = HomePage.objects.get(pk=home.pk).copy_for_translation(en, exclude_fields=["highlights"])
        en_home.title = demo.HOME_EN["title"]
        en_home.intro = demo.HOME_EN["intro"]
        en_home.save_revision().publish()
        self.created["pages"] += 1

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

    # --- report --------------------------------------------------------------------------------

    def report(self):
        counts = [f"{n} {one if n == 1 else many}" for key, (one, many) in LABELS.items() if (n := self.created[key])]
        if not counts and not self.notes:
            self.stdout.write("Demo content already present: nothing created.")
            return
        lines = ["Created: " + (", ".join(counts) if counts else "nothing new") + "."]
        lines += [f"- {note}" for note in self.notes]
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))
