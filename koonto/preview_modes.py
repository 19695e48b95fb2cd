"""The headless preview mode that page models mix in (see api/preview.py for the API side).

Kept apart from api/preview.py because page models import it while Django is still
loading models, and the API view there cannot be imported before the app registry is ready;
and the api app sits above the feature apps, which must not import it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail_headless_preview.models import HeadlessPreviewMixin

HEADLESS_PREVIEW_MODE = "headless"


class HeadlessPreviewModeMixin(HeadlessPreviewMixin):
    """Offer the headless client as an extra preview mode beside the site's own HTML preview.

        The package's mixin replaces a page's preview with a redirect to the client; Koonto renders
        its own pages, so editors keep the HTML preview as the default and pick "Mobile app and portals (API)"
        from the preview mode menu ("Mobile app and portals", the words staff know the headless clients
    by) when they want to see the draft in the client. Put it before
        Page in the bases: `class EventPage(HeadlessPreviewModeMixin, ..., Page)`.
    """

    @property
    def preview_modes(self):
        return [*super().preview_modes, (HEADLESS_PREVIEW_MODE, _("Mobile app and portals (API)"))]

    def serve_preview(self, request, mode_name):
        if mode_name == HEADLESS_PREVIEW_MODE:
            # The package's preview: store the draft under a signed token, show the client.
            return super().serve_preview(request, mode_name)
        # Skip the package's override: any other mode is Wagtail's own HTML preview.
        return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)
