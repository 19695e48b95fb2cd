"""Koonto's catalogues override the libraries' Finnish: complete, correct, for Python and JavaScript."""

import json
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

from tests.catalogues import finnish_catalogue, untranslated
from tests.factories import make_user


def test_every_catalogue_string_of_every_installed_app_has_finnish():
    missing = sorted({f"{string.text!r} ({string.source})" for string in untranslated()})
    assert missing == [], "\n".join(missing)


def test_wagtails_misspellings_are_corrected():
    with translation.override("fi"):
        assert gettext("In Moderation") == "Tarkastettavana"
        assert gettext("Pages using %(page_type)s") == "Sivut tyyppiä %(page_type)s"
        assert gettext("Locales") == "Kielet"
    wrong = {
        key: text
        for key, text in finnish_catalogue("django").items()
        if "asetusto" in text or "Tarkastatet" in text or "SIvu" in text
    }
    assert wrong == {}


def test_plural_overrides_choose_the_finnish_form_by_count():
    with translation.override("fi"):
        assert ngettext("%(num_parent_objects)d page", "%(num_parent_objects)d pages", 1) % {"num_parent_objects": 1} == "1 sivu"
        assert ngettext("%(num_parent_objects)d page", "%(num_parent_objects)d pages", 3) % {"num_parent_objects": 3} == "3 sivua"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "finnish"),
    [
        ("/admin/jsi18n/", "Avaa tai sulje osio"),  # Wagtail's admin catalogue
        ("/admin/localize/jsi18n/", "Lopeta synkronoitu käännös"),  # wagtail-localize's translation editor
    ],
)
def test_the_javascript_catalogues_carry_koontos_finnish(client, url, finnish):
    user = make_user("js-kaantaja", None)
    user.is_superuser = True
    user.save()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    assert json.dumps(finnish)[1:-1] in response.content.decode()


def test_no_finnish_inflects_a_word_before_a_model_name_that_cannot_inflect():
    """ "tätä %(model_name)s" reads "tätä sivu": %(model_name)s is always nominative ("sivu"), so
    the sentence must name "kohde" in the right case, or leave the model name in brackets."""
    wrong = {
        key: text
        for key, text in finnish_catalogue("django").items()
        if re.search(
            r"\b(tätä|tämän|tähän|tästä|tässä|Mallin) %\(model_name\)s|muokata %\(model_name\)s|esikatsella %\(model_name\)s",
            text,
        )
    }
    assert wrong == {}
