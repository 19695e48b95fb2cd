"""Shared snippets: business ID validation, municipality names per language, phone links."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from koonto.models import ContactPerson, Municipality, validate_business_id


@pytest.mark.parametrize("value", ["0116297-6", "1572860-0"])
def test_valid_business_ids_pass(value):
    validate_business_id(value)


@pytest.mark.parametrize("value", ["0116297-5", "116297-6", "01162976", "abcdefg-h", ""])
def test_invalid_business_ids_are_rejected(value):
    with pytest.raises(ValidationError):
        validate_business_id(value)


def test_municipality_name_follows_the_active_language():
    iisalmi = Municipality(code="140", name_fi="Iisalmi", name_sv="Idensalmi")
    with translation.override("fi"):
        assert str(iisalmi) == "Iisalmi"
    with translation.override("sv"):
        assert str(iisalmi) == "Idensalmi"
    with translation.override("en"):
        assert str(iisalmi) == "Iisalmi"


def test_municipality_code_must_have_three_digits():
    with pytest.raises(ValidationError):
        Municipality(code="29", name_fi="X").clean()


@pytest.mark.django_db
def test_reference_data_holds_the_19_municipalities_of_pohjois_savo_and_the_sources_others():
    region = Municipality.objects.filter(in_pohjois_savo=True)
    assert region.count() == 19
    assert region.get(code="297").name_fi == "Kuopio"
    assert set(Municipality.objects.filter(in_pohjois_savo=False).values_list("code", flat=True)) == {"286", "290", "422", "698"}


def test_phone_uri_is_international():
    assert ContactPerson(name="T", phone="050 541 5188").phone_uri == "tel:+358505415188"
    assert ContactPerson(name="T", phone="+358 44 702 1915").phone_uri == "tel:+358447021915"
