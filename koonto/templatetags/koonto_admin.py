"""Template filters for Koonto's overrides of admin templates."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder

register = template.Library()


@register.filter
def without_link(props: str, name: str) -> str:
    """wagtail-localize's translation editor settings (JSON) without one of its action links:
    the editor leaves out an action whose link is empty."""
    data = json.loads(props)
    data.setdefault("links", {})[name] = None
    return json.dumps(data, cls=DjangoJSONEncoder)
