"""Wagtail wiring of operations: what the page cache learns from the page being served."""

from wagtail import hooks

from ops import pagecache


@hooks.register("before_serve_page")
def declare_page_query_parameters(page, request, serve_args, serve_kwargs):
    """The page type's `query_parameters` (none if it has no such attribute: it reads none)."""
    pagecache.declare_query_parameters(request, getattr(page, "query_parameters", ()))
