"""`{{ page|public_url }}`: a page's address on the public origin (koonto/origin.py), for e-mails
and anything else read outside the request that made it."""

from django import template

from koonto.origin import page_url

register = template.Library()


@register.filter
def public_url(page) -> str:
    return page_url(page) if page is not None else ""
