"""Index a page again once it is published, tags and child rows included.

Wagtail's search index is updated from the page's post_save signal, but a page keeps its tags
and inline rows (municipalities, organisations) in a ClusterableModel cluster that is written
only after that signal: the index would see them one publish late. ``page_published`` comes once
everything is written, so the index (the tags in the body text) and the rank entries (tag and
municipality facets, search/ranking.py) are brought up to date there.
"""

from django.dispatch import receiver
from modelsearch import index
from wagtail.signals import page_published


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    index.insert_or_update_object(instance)
