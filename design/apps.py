"""The public design system: one stylesheet, the brand, and the filters that shape headings and cards.

`static/koonto/css/site.css` (custom properties: colours with their contrast, one type scale,
spacing, focus), the logo, favicon, icons and EU emblem under `static/koonto/img/`, the scripts
under `static/koonto/js/`, and two template tag libraries: `typography` (soft hyphens in Finnish
and English headings and card titles) and `cards` (listing images as responsive renditions).
Kept apart from koonto's content model so that a designer finds it in one place (docs/design.md).
A bottom-layer app beside koonto: it imports no project module, and templates load its tags.
"""

from django.apps import AppConfig


class DesignConfig(AppConfig):
    name = "design"
    label = "design"
