"""Koonto's headless API: Wagtail's API v2 with Koonto's filters and typed fields, and typed
read endpoints added to Wagtail's API v3 (django-ninja). See docs/api.md for clients."""
