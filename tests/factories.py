"""Factories for the page types and snippets; tests build the minimum they need."""

from datetime import timedelta

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.users.models import UserProfile

from events.models import EventIndexPage, EventPage
from guides.models import FundingCallPage, GuideIndexPage, GuidePage
from home.models import HomePage, StandardPage
from koonto.models import ContactPerson, Municipality, Organisation, Theme
from showcase.models import (
    OperatingModel,
    ShowcaseImage,
    ShowcaseIndexPage,
    ShowcaseLink,
    ShowcaseMunicipality,
    ShowcaseOrganisation,
    ShowcasePage,
    ShowcaseTargetGroup,
    ShowcaseTheme,
)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Koonto"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sivu {n}")
    summary = "Tiivistelmä"

    class Meta:
        model = StandardPage


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Rahoitusoppaat"

    class Meta:
        model = GuideIndexPage


class GuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Opas {n}")
    summary = "Näin haet rahoitusta."

    class Meta:
        model = GuidePage


class FundingCallPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Hankehaku {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))

    class Meta:
        model = FundingCallPage


class ShowcaseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Hanke-esittelyt"

    class Meta:
        model = ShowcaseIndexPage


class ShowcasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Hanke {n}")
    summary = "Hankkeen tiivistelmä."

    class Meta:
        model = ShowcasePage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Tapahtumat"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tapahtuma {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))

    class Meta:
        model = EventPage


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Yhdistys {n} ry")

    class Meta:
        model = Organisation


class ContactPersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Henkilö {n}")
    role = "Projektipäällikkö"
    email = "henkilo@example.fi"

    class Meta:
        model = ContactPerson


def make_user(username: str, group: str | None, language: str = "fi"):
    """A real staff user in one of the editorial groups, with an admin language."""
    user = get_user_model().objects.create_user(
        username, f"{username}@example.fi", "salasana-123456", first_name=username.title()
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def add_children(page, count: int) -> None:
    """`count` child objects of every kind (organisations, places, groups, themes, models, images, links, tags)."""
    locale = page.locale
    codes = list(Municipality.objects.order_by("code").values_list("code", flat=True)[:count])
    groups = [value for value, _label in ShowcaseTargetGroup.Group.choices]
    for n in range(count):
        organisation = Organisation.objects.create(name=f"Yhdistys {page.pk}-{n} ry", locale=locale)
        ShowcaseOrganisation.objects.create(page=page, organisation=organisation, locale=locale, sort_order=n)
        ShowcaseMunicipality.objects.create(
            page=page, municipality=Municipality.objects.get(code=codes[n % len(codes)]), sort_order=n
        )
        ShowcaseTargetGroup.objects.create(page=page, group=groups[n % len(groups)], sort_order=n)
        theme = Theme.objects.create(name=f"Teema {page.pk}-{n}", slug=f"teema-{page.pk}-{n}", locale=locale)
        ShowcaseTheme.objects.create(page=page, theme=theme, locale=locale, sort_order=n)
        OperatingModel.objects.create(page=page, title=f"Malli {n}", description=f"Kuvaus {n}", locale=locale, sort_order=n)
        image = wagtail_factories.ImageFactory(title=f"Kuva {n}", file__width=1200, file__height=800)
        ShowcaseImage.objects.create(page=page, image=image, caption=f"Kuvateksti {n}", locale=locale, sort_order=n)
        ShowcaseLink.objects.create(page=page, title=f"Linkki {n}", url=f"https://example.fi/{n}", locale=locale, sort_order=n)
        page.tags.add(f"asiasana-{n}")
    page.save_revision().publish()


def make_project(index, children: int, **kwargs):
    """A published project with a contact, a listing image and `children` child objects of every kind."""
    contact = ContactPerson.objects.create(name="Hanna Hankkija", email="hanna@example.fi", locale=index.locale)
    image = wagtail_factories.ImageFactory(title="Listakuva", file__width=1600, file__height=900)
    page = ShowcasePageFactory(parent=index, contact=contact, listing_image=image, **kwargs)
    add_children(page, children)
    return type(page).objects.get(pk=page.pk)
