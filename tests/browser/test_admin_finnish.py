"""The admin in Finnish for every staff role: no English from the catalogues on the screens they use.

Each role (editor, subject expert, communications, translator) signs in with Finnish as admin
language, in one browser context, and goes through the screens of its journeys: the dashboard, the
page explorer and search, editing and creating each page type, the schedule dialog, the action
menu, the workflow reports and history, snippets, images and documents with their upload forms,
the chooser modals, the translation report, wagtail-localize's "Käännä", sync and translation
editor screens, the other reports and the account settings. On each screen every visible text
node, every visible element's text and the placeholder, aria-label and title attributes are read
in the browser and matched against the catalogue strings that have no Finnish
(tests/catalogues.py, built from the catalogues themselves, not a list of phrases); what users
entered (titles, names, snippets, translation segments) is left out. A screenshot of each screen
goes to test-results/admin-fi/. The test fails with one line per screen naming its English.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from editorial.rules import COMMUNICATIONS, EDITORS, EXPERTS, TRANSLATORS
from tests.browser.conftest import PASSWORD
from tests.browser.helpers import RESULTS_DIR
from tests.catalogues import content_strings, find_english

pytestmark = pytest.mark.browser

# Visible text nodes, the texts of small visible elements, and the attributes a person reads or
# hears. Content areas (rich text being edited, the preview frame) are not the admin's own text.
COLLECT_TEXTS = """() => {
    const skip = [
        'script', 'style', 'template', 'noscript', 'textarea', 'iframe',
        '[contenteditable="true"]', '.DraftEditor-root', '.w-sr-only-content',
    ].join(', ');
    const squeeze = (text) => (text || '').replace(/[\\s\\u00ad]+/g, ' ').trim();
    const visible = (element) => element.checkVisibility({visibilityProperty: true, opacityProperty: false});
    const texts = [squeeze(document.title)];
    const blocks = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = squeeze(node.nodeValue);
        if (text && parent && !parent.closest(skip) && visible(parent)) texts.push(text);
    }
    for (const element of document.body.querySelectorAll('*')) {
        if (element.closest(skip) || !visible(element)) continue;
        for (const name of ['placeholder', 'aria-label', 'title', 'data-bs-original-title']) {
            const value = squeeze(element.getAttribute(name));
            if (value) texts.push(value);
        }
        if (element.children.length) {
            const text = squeeze(element.innerText);
            if (text && text.length <= 300) blocks.push(text);
        }
        if (element.tagName === 'SELECT') {
            for (const option of element.options) texts.push(squeeze(option.text));
        }
    }
    return {texts, blocks};
}"""


ROLES = {
    "toimittaja": (EDITORS, "Tiina", "Toimittaja"),
    "asiantuntija": (EXPERTS, "Aino", "Asiantuntija"),
    "viestija": (COMMUNICATIONS, "Ville", "Viestijä"),
    "kaantaja": (TRANSLATORS, "Kaisa", "Kääntäjä"),
}


@pytest.fixture(scope="module")
def admin_world(demo_site, django_db_blocker):
    """One user per role, and work in every state the screens show: a guide waiting for the subject
    expert, an event scheduled to go live, a comment; the ids and URLs the roles visit."""
    from django.urls import reverse
    from wagtail.models import Comment, Locale, Page
    from wagtail_localize.models import TranslationSource

    from events.models import EventPage
    from guides.models import GuidePage
    from tests.factories import make_user

    with django_db_blocker.unblock():
        users = {}
        for username, (group, first, last) in ROLES.items():
            user = make_user(f"kieli-{username}", group)
            user.first_name, user.last_name = first, last
            user.save()
            users[username] = user

        fi = Locale.objects.get(language_code="fi")
        en = Locale.objects.get(language_code="en")
        guide = GuidePage.objects.filter(locale=fi).order_by("path").first()
        guide.title = guide.title + " (päivitetty)"
        revision = guide.save_revision(user=users["toimittaja"])
        guide.get_workflow().start(guide, users["toimittaja"])
        Comment.objects.create(
            page=guide, user=users["viestija"], text="Tarkista summa.", contentpath="title", revision_created=revision
        )
        event = EventPage.objects.filter(locale=fi).order_by("path").first()
        event.go_live_at = timezone.now() + timedelta(days=3)
        event.save_revision(user=users["viestija"]).publish(user=users["viestija"])

        page_types = {}
        for page in Page.objects.filter(locale=fi, depth__gt=1).specific().order_by("path"):
            page_types.setdefault(page._meta.label_lower, page)
        edits = {label: reverse("wagtailadmin_pages:edit", args=(page.pk,)) for label, page in page_types.items()}
        creates = {
            label: reverse("wagtailadmin_pages:add", args=(page._meta.app_label, page._meta.model_name, page.get_parent().pk))
            for label, page in page_types.items()
            if page.depth > 2
        }
        english_guide = guide.get_translation(en)
        source = TranslationSource.objects.get_for_instance(guide)
        urls = {
            "home_fi": Page.objects.get(locale=fi, depth=2).pk,
            "home_en": Page.objects.get(locale=en, depth=2).pk,
            "guide": guide.pk,
            "event": event.pk,
            "english_guide": english_guide.pk,
            "translate": reverse("wagtail_localize:submit_page_translation", args=(event.pk,)),
            "sync": reverse("wagtail_localize:update_translations", args=(source.pk,)),
            "edits": edits,
            "creates": creates,
            "snippets_and_media": snippet_and_media_urls(users),
        }
        return {"users": users, "urls": urls, "content": content_strings()}


class Screens:
    """One role's browser context: visits screens and records the English found on each."""

    def __init__(self, page, role: str, content: set[str]):
        self.page, self.role, self.content = page, role, content
        self.found: list[str] = []
        self.seen: set[str] = set()  # reported once per role, on the first screen that shows it
        self.opened: set[str] = set()  # the dialogs and panels opened at least once

    def check(self, name: str):
        collected = self.page.evaluate(COLLECT_TEXTS)
        directory = RESULTS_DIR / "admin-fi"
        directory.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(directory / f"{self.role}-{name}.png"), full_page=True)
        english = find_english(collected["texts"], self.content, self.seen)
        # Texts split by markup ("by <b>name</b>", "Why not <a>upload one</a>?") are whole in an element's text.
        english |= find_english(collected["blocks"], self.content, self.seen | set(english))
        if english:
            self.seen |= set(english)
            listed = "; ".join(f"{msgid} shown as {text[:120]!r}" for msgid, text in english.items())
            self.found.append(f"{self.role} / {name} ({self.page.url}): {listed}")

    def visit(self, name: str, path: str):
        response = self.page.goto(path)
        assert response.ok, f"{self.role} / {name}: {path} answered {response.status}"
        self.page.wait_for_load_state("load")
        self.check(name)

    def open_then_check(self, name: str, opener: str, shown: str):
        """Click `opener` (if the screen has one) and check once `shown` is visible."""
        button = self.page.locator(opener).first
        if button.count() == 0 or not button.is_visible():
            return False  # not offered to this user in this state (checked per role below)
        button.click()
        self.page.locator(shown).first.wait_for(state="visible")
        self.check(name)
        self.opened.add(name.rsplit("-", 1)[-1])
        self.page.keyboard.press("Escape")
        return True


def log_in(screens: Screens, username: str):
    screens.visit("kirjautuminen", "/admin/login/")
    screens.page.fill("#id_username", username)
    screens.page.fill("#id_password", PASSWORD)
    screens.page.locator("form button[type=submit]").click()
    screens.page.wait_for_url("**/admin/")
    screens.check("kojelauta")


# The status panel's "Set schedule" / "Edit schedule" (Wagtail's dialog_toggle, whichever markup it uses).
SCHEDULE_OPENER = ", ".join(
    f"[data-side-panel='status'] {selector}"
    for selector in (
        "[data-a11y-dialog-show='schedule-publishing-dialog']",
        "button[data-action*='w-dialog'][aria-controls='schedule-publishing-dialog']",
        "[data-w-dialog-target-value='schedule-publishing-dialog']",
    )
)


def edit_screens(screens: Screens, urls: dict, page_id: int, prefix: str):
    """A page's edit form, its action menu, status panel, schedule dialog and choosers, its history."""
    page = screens.page
    screens.visit(f"{prefix}-muokkaus", f"/admin/pages/{page_id}/edit/")
    screens.open_then_check(f"{prefix}-toiminnot", "footer .w-dropdown__toggle", "footer .w-dropdown__content")
    screens.open_then_check(f"{prefix}-tila", "[data-side-panel-toggle='status']", "[data-side-panel='status']")
    screens.open_then_check(f"{prefix}-ajastus", SCHEDULE_OPENER, "#schedule-publishing-dialog")
    page.goto(f"/admin/pages/{page_id}/edit/")
    screens.open_then_check(f"{prefix}-kommentit", "[data-side-panel-toggle='comments']", "[data-side-panel='comments']")
    screens.visit(f"{prefix}-historia", f"/admin/pages/{page_id}/history/")


def chooser_screens(screens: Screens, path: str, prefix: str):
    """The chooser modals a page form opens: one of each kind it has."""
    screens.visit(f"{prefix}-lomake", path)
    kinds = screens.page.evaluate(
        """() => [...new Set([...document.querySelectorAll('[data-chooser-action-choose]')]
            .filter((button) => button.checkVisibility())
            .map((button) => button.closest('[data-controller]')?.getAttribute('data-controller')))]"""
    )
    for number, kind in enumerate(kinds[:4]):
        screens.page.goto(path)
        button = screens.page.locator(f"[data-controller='{kind}'] [data-chooser-action-choose]").first
        if button.count() == 0 or not button.is_visible():
            continue
        button.click()
        screens.page.locator(".modal .modal-content .w-header, .modal .modal-body").first.wait_for(state="visible")
        screens.page.locator(".modal .modal-body :is(table, ul, p, form)").first.wait_for(state="visible")
        screens.check(f"{prefix}-valitsin-{number + 1}")


COMMON = [
    ("sivut", "/admin/pages/{home_fi}/"),
    ("sivut-en", "/admin/pages/{home_en}/"),
    ("sivuhaku", "/admin/pages/search/?q=hanke"),
    ("tyonkulut-raportti", "/admin/reports/workflow/"),
    ("tehtavat-raportti", "/admin/reports/workflow_tasks/"),
    ("kaannosraportti", "/admin/koonto/translation-status/"),
    ("tili", "/admin/account/"),
    ("tyonkulkuhistoria", "/admin/pages/{guide}/workflow_history/"),
]
MEDIA = [
    ("kuvat", "/admin/images/"),
    ("kuvien-lataus", "/admin/images/multiple/add/"),
    ("dokumentit", "/admin/documents/"),
    ("dokumenttien-lataus", "/admin/documents/multiple/add/"),
    ("katkelmat", "/admin/snippets/"),
]
COMMUNICATIONS_REPORTS = [
    ("lukitut", "/admin/reports/locked/"),
    ("sivuston-historia", "/admin/reports/site-history/"),
    ("vanhenevat", "/admin/reports/aging-pages/"),
    ("sivutyypit", "/admin/reports/page-types-usage/"),
    ("uudelleenohjaukset", "/admin/redirects/"),
    ("asetukset", "/admin/settings/koonto/koontosettings/"),
]


def snippet_and_media_urls(users) -> dict[str, list[tuple[str, str]]]:
    """Per role, the listing and first edit form of every snippet model the user may edit, and
    the first image's and document's edit forms (read here: the test itself must not hold SQLite's
    lock while the live server writes)."""
    from django.urls import reverse
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.snippets.models import get_snippet_models

    image = Image.objects.order_by("pk").first()
    document = Document.objects.order_by("pk").first()
    if document is None:  # the demo has no documents
        from django.core.files.base import ContentFile

        document = Document.objects.create(title="Hakuohje", file=ContentFile(b"%PDF-1.4\n", name="hakuohje.pdf"))
    per_role = {}
    for role, user in users.items():
        urls = [("kuva-muokkaus", f"/admin/images/{image.pk}/"), ("dokumentti-muokkaus", f"/admin/documents/edit/{document.pk}/")]
        for model in get_snippet_models():
            if not user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
                continue
            viewset, name = model.snippet_viewset, model._meta.model_name
            urls.append((f"katkelma-{name}", reverse(viewset.get_url_name("list"))))
            first = model._default_manager.order_by("pk").first()
            if first is not None:
                urls.append((f"katkelma-{name}-muokkaus", reverse(viewset.get_url_name("edit"), args=(first.pk,))))
        per_role[role] = urls
    return per_role


@pytest.mark.parametrize("role", list(ROLES))
def test_the_admin_speaks_finnish_on_every_screen_of_each_role(browser, demo_site, admin_world, role):
    context = browser.new_context(base_url=demo_site.url, locale="fi-FI", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    try:
        screens = Screens(context.new_page(), role, admin_world["content"])
        urls = admin_world["urls"]
        log_in(screens, f"kieli-{role}")
        for name, path in COMMON:
            screens.visit(name, path.format(**urls))
        if role in ("toimittaja", "viestija"):
            for label, path in urls["edits"].items():
                edit_screens(screens, urls, int(path.split("/")[-3]), label.split(".")[1])
            for label, path in urls["creates"].items():
                chooser_screens(screens, path, "uusi-" + label.split(".")[1])
            for name, path in MEDIA:
                screens.visit(name, path)
            for name, path in urls["snippets_and_media"][role]:
                screens.visit(name, path)
            screens.visit("kaanna", urls["translate"])
        if role == "asiantuntija":
            edit_screens(screens, urls, urls["guide"], "tarkastettava-opas")
        if role == "viestija":
            for name, path in COMMUNICATIONS_REPORTS:
                screens.visit(name, path)
            screens.visit("synkronointi", urls["sync"])
        if role in ("kaantaja", "viestija"):
            screens.visit("kaannoseditori", f"/admin/pages/{urls['english_guide']}/edit/")
            screens.page.locator(".editor, [data-wagtail-localize-editor], #wagtail-localize-editor, main").first.wait_for()
            screens.page.get_by_role("heading").first.wait_for()
            screens.check("kaannoseditori-valmis")
        if role in ("toimittaja", "viestija"):
            assert {"toiminnot", "tila", "ajastus", "kommentit"} <= screens.opened, screens.opened
        assert not screens.found, "English on the Finnish admin:\n" + "\n".join(screens.found)
    finally:
        context.close()
