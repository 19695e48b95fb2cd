"""One rule for what the public sees (koonto.visibility), walked through every public output.

The fixture builds public pages that point at hidden things: a draft call, a password-protected
call, a page in a login-restricted section, a page of another site, an unpublished organisation, a
never-published and an unpublished contact person, a document in a restricted collection, a live
page under a never-published section, a private English translation and an image no page uses.
Every hidden thing carries the word "salainen" (or "secret") in its title, name or address, so one
check on each response body finds a leak wherever it is: HTML pages and listings, tag and
organisation pages, search and suggestions, API v2 and v3 (with their relation fields and
libraries), RSS, ICS, the sitemap, JSON-LD, Open Graph and the language switcher.
"""

import re
from datetime import timedelta

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail_localize.operations import translate_object

from guides.models import FundingCallAttachment, FundingCallContact, GuidePageRelatedPage
from home.models import HomePageHighlight
from koonto.models import ContactPerson, KoontoSettings, Organisation, SiteTexts, SiteTextsContact
from koonto.visibility import PublicRule, rule_for, visible
from showcase.models import ShowcaseOrganisation
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    FundingCallPageFactory,
    GuidePageFactory,
    HomePageFactory,
    ShowcasePageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

SECRET = re.compile(r"salainen|secret", re.IGNORECASE)


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def body_blocks_with_document(document) -> list:
    return [("document", {"document": document, "title": ""}), ("paragraph", "<p>Julkinen teksti.</p>")]


@pytest.fixture
def world(
    site, home, en_home, guide_index, event_index, showcase_index, fi_locale, en_locale, django_capture_on_commit_callbacks
):
    """Public pages that point at hidden ones; returns the public pages and the hidden objects."""
    future = timezone.now() + timedelta(days=30)

    # Hidden pages.
    draft_call = FundingCallPageFactory(parent=guide_index, title="Salainen luonnoshaku", slug="salainen-luonnos", live=False)
    protected_call = publish(FundingCallPageFactory(parent=guide_index, title="Salainen suojattu haku", slug="salainen-suojattu"))
    PageViewRestriction.objects.create(page=protected_call, restriction_type=PageViewRestriction.PASSWORD, password="x" * 12)
    private_section = publish(EventIndexPageFactory(parent=home, title="Sisäinen osio", slug="sisainen"))
    private_event = publish(
        EventPageFactory(parent=private_section, title="Salainen sisäinen tapahtuma", slug="salainen-sisainen")
    )
    PageViewRestriction.objects.create(page=private_section, restriction_type=PageViewRestriction.LOGIN)
    other_home = HomePageFactory(parent=Page.get_first_root_node(), title="Toinen", slug="toinen", locale=fi_locale)
    Site.objects.create(hostname="toinen.example", root_page=other_home)
    other_call = publish(FundingCallPageFactory(parent=other_home, title="Salainen toisen sivuston haku", slug="salainen-toinen"))
    draft_section = StandardPageFactory(parent=home, title="Salainen keskeneräinen osio", slug="keskenerainen", live=False)
    child_of_draft = publish(StandardPageFactory(parent=draft_section, title="Julkinen alasivu", slug="alasivu"))

    # Hidden snippets and files.
    secret_organisation = Organisation.objects.create(name="Salainen järjestö ry", slug="salainen-jarjesto", locale=fi_locale)
    secret_organisation.save_revision().publish()
    secret_organisation.unpublish()
    never_published_contact = ContactPerson.objects.create(
        name="Salainen Yhteyshenkilö", email="salainen.yhteys@example.fi", locale=fi_locale, live=False
    )
    footer_contact = ContactPerson.objects.create(name="Salainen Alatunniste", email="salainen.ala@example.fi", locale=fi_locale)
    footer_contact.save_revision().publish()
    footer_contact.unpublish()
    public_contact = ContactPerson.objects.create(name="Julkinen Yhteyshenkilö", email="julkinen@example.fi", locale=fi_locale)
    KoontoSettings.for_site(Site.objects.get(is_default_site=True)).save()
    texts = SiteTexts.objects.create(locale=fi_locale)
    SiteTextsContact.objects.create(texts=texts, contact=footer_contact, sort_order=0)
    SiteTextsContact.objects.create(texts=texts, contact=public_contact, sort_order=1)
    closed = Collection.get_first_root_node().add_child(name="Sisäiset")
    CollectionViewRestriction.objects.create(collection=closed, restriction_type=CollectionViewRestriction.LOGIN)
    secret_document = Document.objects.create(
        title="Salainen asiakirja", collection=closed, file=ContentFile(b"%PDF-1.4 x", name="salainen.pdf")
    )
    unused_image = wagtail_factories.ImageFactory(title="Salainen kuva")

    # Public pages pointing at them.
    call = FundingCallPageFactory(
        parent=guide_index, title="Julkinen haku", slug="julkinen-haku", body=body_blocks_with_document(secret_document)
    )
    call.tags.add("julkinen")
    FundingCallContact.objects.create(page=call, contact=never_published_contact)
    FundingCallContact.objects.create(page=call, contact=public_contact)
    FundingCallAttachment.objects.create(page=call, document=secret_document)
    call = publish(call)
    event = EventPageFactory(
        parent=event_index,
        title="Julkinen tapahtuma",
        slug="julkinen-tapahtuma",
        starts_at=future,
        organiser=secret_organisation,
        related_call=protected_call,
        body=body_blocks_with_document(secret_document),
    )
    event.tags.add("julkinen")
    event = publish(event)
    second_event = publish(
        EventPageFactory(
            parent=event_index, title="Toinen julkinen tapahtuma", slug="toinen", starts_at=future, related_call=draft_call
        )
    )
    guide = GuidePageFactory(parent=guide_index, title="Julkinen opas", slug="julkinen-opas")
    for target in (draft_call, protected_call, other_call, call):
        GuidePageRelatedPage.objects.create(page=guide, related_page=target)
    guide = publish(guide)
    showcase = ShowcasePageFactory(
        parent=showcase_index, title="Julkinen hanke", slug="julkinen-hanke", contact=never_published_contact
    )
    ShowcaseOrganisation.objects.create(page=showcase, organisation=secret_organisation)
    showcase.tags.add("julkinen")
    showcase = publish(showcase)
    for target in (draft_call, protected_call, private_event, other_call, guide):
        HomePageHighlight.objects.create(home=home, page=target, locale=fi_locale)
    publish(home)

    # English: the sections and the event are public, the standard page's translation is private.
    for page in (guide_index, event_index, showcase_index, event):
        with django_capture_on_commit_callbacks(execute=True):
            translate_object(page, [en_locale])
        publish(page.get_translation(en_locale))
    about = publish(StandardPageFactory(parent=home, title="Tietoa", slug="tietoa"))
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(about, [en_locale])
    english_about = about.get_translation(en_locale)
    english_about.title, english_about.slug = "Secret English", "secret-english"
    english_about = publish(english_about)
    PageViewRestriction.objects.create(page=english_about, restriction_type=PageViewRestriction.LOGIN)

    public = [
        home,
        en_home,
        guide_index,
        event_index,
        showcase_index,
        call,
        event,
        second_event,
        guide,
        showcase,
        about,
        child_of_draft,
    ]
    public += [event.get_translation(en_locale), event_index.get_translation(en_locale)]
    public = [Page.objects.get(pk=page.pk).specific for page in public]  # as published
    hidden = {
        "pages": [draft_call, protected_call, private_event, private_section, other_call, draft_section, english_about],
        "snippets": [secret_organisation, never_published_contact, footer_contact],
        "document": secret_document,
        "image": unused_image,
    }
    return {"public": public, "hidden": hidden, "event": event, "call": call, "about": about}


def public_outputs(world) -> list[str]:
    """Every public output, as URLs: found from the public pages, the URL names and the API."""
    urls = []
    for page in world["public"]:
        urls += [page.url, f"/api/v2/pages/{page.pk}/?fields=*", f"/api/v3/pages/{page.pk}/"]
    event, call = world["event"], world["call"]
    urls += [
        f"/api/v2/pages/{Site.objects.get(is_default_site=True).root_page_id}/?fields=highlights",
        "/api/v2/pages/?fields=*&limit=50",
        "/api/v2/pages/?type=events.EventPage&fields=*",
        "/api/v2/pages/?type=guides.FundingCallPage&fields=*",
        "/api/v2/pages/?type=guides.GuidePage&fields=*",
        "/api/v2/pages/?type=showcase.ShowcasePage&fields=*",
        "/api/v2/pages/?search=luonnoshaku",
        "/api/v2/pages/?search=suojattu",
        "/api/v2/documents/",
        "/api/v2/images/",
        "/api/v3/pages/?limit=50",
        "/api/v3/documents/",
        "/api/v3/images/",
        "/api/v3/koonto/events/",
        f"/api/v3/koonto/events/{event.pk}/",
        "/api/v3/koonto/calls/",
        f"/api/v3/koonto/calls/{call.pk}/",
        "/sitemap.xml",
    ]
    for language in ("fi", "en"):
        with translation.override(language):
            urls += [
                # Words of the hidden titles; "salainen" itself would be echoed back as the query.
                reverse("search") + "?q=luonnoshaku",
                reverse("search") + "?q=suojattu+haku",
                reverse("search") + "?q=sisäinen+tapahtuma",
                reverse("search") + "?q=julkinen",
                reverse("search_suggest") + "?q=luonnos",
                reverse("search_suggest") + "?q=suojattu",
                reverse("calendar"),
                reverse("events_feed"),
                reverse("showcases_feed"),
                reverse("guides_feed"),
                reverse("untranslated", args=(world["about"].pk,)),
            ]
    with translation.override("fi"):
        # The tag has no English name, so only a Finnish tag page.
        urls += [reverse("event_calendar", args=(event.pk,)), reverse("tag", args=("julkinen",))]
    return urls


def test_no_public_output_shows_a_hidden_thing(client, world):
    leaks, statuses = [], {}
    for url in public_outputs(world):
        response = client.get(url, follow=url.startswith("/fi/untranslated") or url.startswith("/en/untranslated"))
        statuses[url] = response.status_code
        body = b"".join(response) if getattr(response, "streaming", False) else response.content
        text = body.decode("utf-8", "replace")
        found = [text[max(0, m.start() - 60) : m.end() + 40] for m in SECRET.finditer(text)]
        if found:
            leaks.append((url, response.status_code, found[:3]))
    assert not leaks, "Hidden content in public outputs:\n" + "\n".join(map(str, leaks))
    # The walk reached what it meant to: every public page and listing answered.
    assert [url for url, status in statuses.items() if status != 200] == []


def test_the_rule_for_each_kind_of_object(rf, world):
    rule = rule_for(rf.get("/"))
    assert all(rule(page) for page in world["public"])
    assert not any(rule(page) for page in world["hidden"]["pages"])
    assert not any(rule(snippet) for snippet in world["hidden"]["snippets"])
    assert not rule(world["hidden"]["document"])
    assert rule(world["hidden"]["image"])  # images have no privacy; the libraries list only used ones
    assert not visible(None)


def test_querysets_agree_with_the_single_objects(rf, world):
    rule = rule_for(rf.get("/"))
    every_page = list(Page.objects.all())
    assert {page.pk for page in rule.pages()} == {page.pk for page in every_page if rule.page(page)}
    documents = rule.used_by_public_content(Document.objects.all())
    assert world["hidden"]["document"] not in documents


def test_relations_come_in_the_readers_language_else_the_source_language(client, world, en_locale):
    """The English event links its organiser's page and the related call as the reader may see them."""
    event, english_event = world["event"], world["event"].get_translation(en_locale)
    organisation = Organisation.objects.create(name="Julkinen järjestö ry", slug="julkinen-jarjesto", locale=event.locale)
    call = world["call"]
    EventPageFactory._meta.model.objects.filter(pk__in=[event.pk, english_event.pk]).update(
        organiser=organisation, related_call=call
    )
    html = client.get(english_event.url).content.decode()
    # Neither the call nor the organisation has an English version: the Finnish ones, marked as Finnish.
    assert 'href="/fi/rahoitus/julkinen-haku/" lang="fi">Julkinen haku</a>' in html
    assert 'lang="fi">Julkinen järjestö ry</a>' in html
    data = client.get(f"/api/v2/pages/{english_event.pk}/?fields=related_call").json()
    assert data["related_call"]["id"] == call.pk and data["related_call"]["locale"] == "fi"


def test_a_private_translation_is_never_linked(client, world, en_locale):
    about = world["about"]
    html = client.get(about.url).content.decode()
    english = about.get_translation(en_locale)
    assert english.url not in html
    with translation.override("en"):
        fallback = reverse("untranslated", args=(about.pk,))
    assert f'href="{fallback}"' in html  # the switcher offers the "not translated" page instead
    assert 'hreflang="en"' not in html.split("<body")[0]
    assert "og:locale:alternate" not in html


def test_breadcrumbs_leave_out_a_draft_ancestor(client, world):
    child = next(page for page in world["public"] if page.slug == "alasivu")
    html = client.get(child.url).content.decode()
    assert "Julkinen alasivu" in html
    assert '"position":2,"name":"Julkinen alasivu"' in html  # JSON-LD numbers the trail without gaps


def test_unpublishing_a_footer_contact_takes_it_off_every_page(client, world):
    contact = ContactPerson.objects.get(email="julkinen@example.fi")
    assert "julkinen@example.fi" in client.get(world["event"].url).content.decode()
    contact.save_revision().publish()
    contact.unpublish()
    assert "julkinen@example.fi" not in client.get(world["event"].url).content.decode()


def test_the_library_endpoints_list_only_what_public_content_uses(client, world):
    event = world["event"]
    image = wagtail_factories.ImageFactory(title="Tapahtumakuva")
    EventPageFactory._meta.model.objects.filter(pk=event.pk).update(listing_image=image)
    from wagtail.models import ReferenceIndex

    ReferenceIndex.create_or_update_for_object(EventPageFactory._meta.model.objects.get(pk=event.pk))
    for url in ("/api/v2/images/", "/api/v3/images/"):
        data = client.get(url).json()
        items = data["items"] if isinstance(data, dict) else data
        assert [item["id"] for item in items] == [image.pk], url
    assert client.get(f"/api/v2/images/{world['hidden']['image'].pk}/").status_code == 404
    assert client.get(f"/api/v3/images/{world['hidden']['image'].pk}/").status_code == 404


def test_redirects_need_a_token(client, world):
    assert client.get("/api/v3/redirects/").status_code == 401


def test_a_rule_without_a_site_shows_no_page(world):
    assert not PublicRule(None).page(world["event"])
    assert not PublicRule(None).pages().exists()
