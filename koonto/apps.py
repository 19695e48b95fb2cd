"""The shared Koonto app: snippets, settings, page permissions and the site chrome."""

from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _

from koonto.listing import IdConverter


class KoontoConfig(AppConfig):
    name = "koonto"
    verbose_name = _("Koonto")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Before any URLconf is imported: the apps' URLconfs use `<id:...>`, ids that fit the
        # database's 64-bit keys (koonto.listing.IdConverter).
        register_converter(IdConverter, "id")
        from django.db.models.signals import pre_save
        from taggit.models import Tag

        from koonto import checks  # noqa: F401 - registers the deploy checks
        from koonto.slugs import give_new_tag_an_ascii_slug

        pre_save.connect(give_new_tag_an_ascii_slug, sender=Tag, dispatch_uid="koonto-ascii-tag-slug")
