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
from koonto.models import ContactPerson, Organisation
from showcase.models import ShowcaseIndexPage, ShowcasePage


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
    title = "Hankeesittelyt"

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
