"""Wagtail's own v3 page schemas (`/api/v3/pages/<id>/`): relations only to what the public may see.

Wagtail's v3 builds each page type's read schema when `wagtail.api.v3.registry` is first imported,
and serialises an inline relation (an InlinePanel's rows: a showcase's organisations, a call's
contacts and attachments, a guide's related pages, the home page's highlights) as every row there
is. Its schema generator takes a function per field class (`register_field_schema`, its public
extension point); Koonto's adds a resolver for the relations whose row model names a
`public_relation`, so that those rows go through koonto.visibility.visible_rows as in API v2 and
on the HTML pages. It must be registered before the registry module is imported, so
ApiConfig.ready() installs it, and the api app comes right after koonto in INSTALLED_APPS,
before any app whose ready() could import the registry.

A page's `meta.parent` and `meta.alias_of` are resolved by Wagtail's `PageMetaSchema`, which
names a draft or private parent; django-ninja copies a schema's resolvers into its subclasses when
they are made (the page types' schemas, at the same moment), so replacing the two resolvers on
`PageMetaSchema` first gives every page type koonto.visibility's answer. That table
(`_ninja_resolvers`) is django-ninja's internal: tests/test_visibility.py fails if it changes.

`meta.html_url` is replaced the same way on the three meta schemas (a nested page's, a listing's,
a detail's): Wagtail builds it with `get_full_url()` from the Site record, Koonto with
koonto.origin.page_url from the one public origin (tests/api/test_one_origin.py).
"""

import sys

from django.core.exceptions import ImproperlyConfigured
from django.db.models import ForeignObjectRel
from ninja.schema import Resolver
from wagtail.api.v3.schemas.generators.read import read_generator, reverse_related_schema
from wagtail.api.v3.schemas.pages import BasePageMetaSchema, PageMetaSchema, SimpleBasePageMetaSchema

from koonto.origin import page_url
from koonto.visibility import rule_for, visible_rows


def public_reverse_related_schema(generator, field: ForeignObjectRel):
    schema, default, resolver = reverse_related_schema(generator, field)
    if not field.multiple or not getattr(field.related_model, "public_relation", None):
        return schema, default, resolver
    accessor = field.get_accessor_name()

    def resolve(obj, context: dict):
        return visible_rows(getattr(obj, accessor).all(), rule_for(context.get("request")))

    return schema, default, staticmethod(resolve)


def public_parent(obj, context: dict):
    parent = obj.get_parent()
    return parent if rule_for(context.get("request")).page(parent) else None


def public_alias_of(obj, context: dict):
    return obj.alias_of if rule_for(context.get("request")).page(obj.alias_of) else None


def public_html_url(obj, context: dict) -> str | None:
    return page_url(obj, context.get("request")) or None


def install() -> None:
    if "wagtail.api.v3.registry" in sys.modules:
        raise ImproperlyConfigured(
            "api.v3_rows.install() ran after Wagtail's v3 page schemas were built: "
            "the api app must come right after koonto in INSTALLED_APPS, before the wagtail apps."
        )
    read_generator.register_field_schema(ForeignObjectRel, public_reverse_related_schema)
    resolvers = PageMetaSchema._ninja_resolvers
    if "parent" not in resolvers:
        raise ImproperlyConfigured("Wagtail's v3 PageMetaSchema no longer resolves `parent`: review api/v3_rows.py.")
    resolvers["parent"] = Resolver(staticmethod(public_parent))
    resolvers["alias_of"] = Resolver(staticmethod(public_alias_of))
    for schema in (SimpleBasePageMetaSchema, BasePageMetaSchema, PageMetaSchema):
        if "html_url" not in schema._ninja_resolvers:
            raise ImproperlyConfigured("Wagtail's v3 page meta schemas no longer resolve `html_url`: review api/v3_rows.py.")
        schema._ninja_resolvers["html_url"] = Resolver(staticmethod(public_html_url))
