"""The one place that owns personal data: what is stored, why, on what basis, who reads it, how long.

Every app that keeps or processes personal data declares a `Purpose` here (`declare()`, from its
AppConfig.ready()). Everything else reads the declarations and nothing else:
- the privacy notice lists them (`{% personal_data_purposes %}`, templates/home/standard_page.html);
- `manage.py enforce_retention` calls each purpose's `expire(now)`;
- staff's export and erasure by e-mail address (personal_data/admin_views.py) call `find(email)`;
- the rights pages behind a confirmation mail's signed link (personal_data/rights.py) show the
  declared `shown_fields` and let the person correct the `correctable_fields`.
A form or model that keeps personal data without a declaration has nowhere to appear, expire or be
exported, which tests/personal_data/test_declarations.py checks for every model with an e-mail field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import models

Text = str | Callable[[], str]


def text(value: Text) -> str:
    """A declared text: a (lazy) string, or a function for one that depends on a setting."""
    return str(value()) if callable(value) else str(value)


@dataclass(frozen=True)
class Purpose:
    """One purpose of processing, as the privacy notice (GDPR articles 13 and 30) names it."""

    key: str
    title: Text
    data: Text  # what is stored
    purpose: Text  # why
    legal_basis: Text
    readers: Text  # who may read it
    retention: Text  # how long, in words
    order: int = 100
    # The model whose rows hold the data, when there is one (export, erasure, the rights pages).
    model: type[models.Model] | None = None
    email_field: str = "email"
    # Fields shown to the person behind a signed link and included in an export.
    shown_fields: tuple[str, ...] = ()
    # Fields the person may correct behind the signed link.
    correctable_fields: tuple[str, ...] = ()
    # Deletes what has passed its retention period at `now`; returns how many records it removed.
    expire: Callable[[datetime], int] | None = None
    # Whether staff erasure by e-mail address deletes the rows (staff accounts are closed by hand).
    erasable: bool = True
    extra: dict = field(default_factory=dict)
    # Double opt-in (personal_data/optin.py): the field set when the person confirms from the mail.
    # A row still without it when its confirmation link expires (KOONTO_OPTIN_LINK_DAYS after
    # `created_field`) is deleted by enforce_retention.
    confirmed_field: str = ""
    created_field: str = "created_at"
    # Shown after the confirmation (e.g. "You will get a reminder when the call opens").
    confirmed_message: Text = ""
    # A "cancel" action (unsubscribe, cancel a sign-up): on the rights page and behind the one-click
    # link of personal_data/optin.py. It may delete the row or only mark it cancelled.
    cancel: Callable[[models.Model], None] | None = None
    # Whether this row can still be cancelled (an event sign-up already cancelled cannot); None: always.
    can_cancel: Callable[[models.Model], bool] | None = None
    cancel_label: Text = ""
    cancelled_message: Text = ""

    def expire_unconfirmed(self, now: datetime) -> int:
        """Delete the rows never confirmed whose confirmation link has expired; 0 without double opt-in."""
        if not self.confirmed_field or self.model is None:
            return 0
        from django.conf import settings

        cutoff = now - timedelta(days=settings.KOONTO_OPTIN_LINK_DAYS)
        unconfirmed = self.model._default_manager.filter(
            **{f"{self.confirmed_field}__isnull": True, f"{self.created_field}__lt": cutoff}
        )
        return delete_counting(unconfirmed)

    def find(self, email: str) -> models.QuerySet | None:
        """Rows held about an e-mail address (case-insensitive), or None for data not kept by address."""
        if self.model is None:
            return None
        return self.model._default_manager.filter(**{f"{self.email_field}__iexact": email.strip()})

    def export(self, row: models.Model) -> dict:
        """A row as JSON-ready values of its shown fields (foreign keys as their text)."""
        exported = {}
        for name in self.shown_fields:
            value = getattr(row, name)
            if isinstance(value, models.Model):
                value = str(value)
            elif isinstance(value, datetime):
                value = value.isoformat()
            exported[name] = value
        return exported


_purposes: dict[str, Purpose] = {}


def declare(purpose: Purpose) -> Purpose:
    """Declare (or, on a repeated ready(), replace) one purpose of processing."""
    _purposes[purpose.key] = purpose
    return purpose


def purposes() -> list[Purpose]:
    """Every declared purpose, in the order the privacy notice lists them."""
    return sorted(_purposes.values(), key=lambda p: (p.order, p.key))


def purpose(key: str) -> Purpose:
    return _purposes[key]


def purposes_with_rows() -> Iterable[Purpose]:
    return [p for p in purposes() if p.model is not None]


def delete_counting(queryset: models.QuerySet) -> int:
    """Delete the rows (not hide them); the count of the queryset's own model, not of cascades."""
    _total, per_model = queryset.delete()
    return per_model.get(queryset.model._meta.label, 0)
