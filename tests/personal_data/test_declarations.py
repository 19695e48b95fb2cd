"""Every model that keeps an e-mail address is declared, and the declarations are complete."""

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from personal_data.declarations import purposes, text

# django-otp's e-mail devices are not installed or used (two-factor is TOTP and recovery codes).
NOT_PERSONAL_DATA = {"otp_email.EmailDevice"}


def test_every_model_with_an_e_mail_field_is_declared():
    declared = {p.model._meta.label for p in purposes() if p.model is not None}
    with_email = {
        model._meta.label
        for model in apps.get_models()
        if any(isinstance(field, models.EmailField) for field in model._meta.get_fields() if field.concrete)
    }
    assert with_email - declared - NOT_PERSONAL_DATA == set()


@pytest.mark.parametrize("language", ["fi", "en", "sv"])
def test_every_purpose_says_what_why_on_what_basis_who_and_how_long(language):
    with translation.override(language):
        for declared in purposes():
            names = ("title", "data", "purpose", "legal_basis", "readers", "retention")
            values = [text(getattr(declared, name)) for name in names]
            assert all(value.strip() for value in values), declared.key


def test_the_finnish_privacy_notice_texts_are_translated():
    with translation.override("fi"):
        for declared in purposes():
            with translation.override("en"):
                english = text(declared.title)
            assert text(declared.title) != english, declared.key


def test_each_purpose_with_rows_has_fields_to_show_and_the_existing_processing_is_declared():
    keys = {p.key for p in purposes()}
    assert {"staff_accounts", "login_lockout", "request_logs", "search_queries", "outbox", "backups", "advice_requests"} <= keys
    for declared in purposes():
        if declared.model is not None:
            assert declared.shown_fields, declared.key
            assert {f.name for f in declared.model._meta.get_fields()} >= set(declared.shown_fields), declared.key
