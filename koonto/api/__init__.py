"""Serializer fields for Koonto's own field types (fields.py), which page models list in their
`api_fields`; the API itself (routers, preview, middleware) is the top-layer `api` app."""
