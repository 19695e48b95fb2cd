"""A page type that exists only in the test settings: proof that a new page type needs no edit
outside its own app (docs/architecture.md, "Adding a page type"). tests/test_new_page_type.py
shows search, the tag pages, the feeds, the sitemap, the API and the page cache picking it up."""

from django.apps import AppConfig


class PageTypesConfig(AppConfig):
    name = "tests.pagetypes"
    label = "pagetypes"
    default_auto_field = "django.db.models.BigAutoField"
