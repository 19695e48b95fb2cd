"""Koonto's headless API: Wagtail's API v2 with Koonto's filters and typed fields, typed read
endpoints added to Wagtail's API v3 (django-ninja), and the headless preview. See docs/api.md."""
