"""A small real site in a throwaway database, written by a separate process (not the test's).

The ops tests run app servers, pg_dump and pg_restore against a database of their own; this
fills it: a Finnish home page with an English translation, a standard page in the main menu with
two revisions, an image with its file on disk under MEDIA_ROOT, a superuser and an API token. Run as
`python -c "from tests.ops.seed_site import main; main()"` with DATABASE_URL, MEDIA_ROOT and
production settings in the environment; prints a JSON summary on its last line.
"""

import json

import django


def main() -> None:
    django.setup()
    from django.contrib.auth import get_user_model
    from wagtail.models import APIToken, Locale, Page, Site
    from wagtail_factories import ImageFactory

    from tests.factories import HomePageFactory, StandardPageFactory

    fi = Locale.objects.get(language_code="fi")
    en, _created = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="koonto", locale=fi)
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()

    image = ImageFactory(title="Kuopion tori")
    page = StandardPageFactory(parent=home, slug="tietoa", title="Tietoa hankkeesta", show_in_menus=True)
    page.title = "Tietoa Koonto-hankkeesta"
    page.save_revision().publish()
    en_home = home.copy_for_translation(en)
    en_home.save_revision().publish()
    en_page = page.copy_for_translation(en)
    en_page.title = "About the project"
    en_page.slug = "about"
    en_page.save_revision().publish()

    user = get_user_model().objects.create_superuser("ops-admin", "ops@example.fi", "ops-salasana-123456")
    _token, plaintext = APIToken.create_token(user=user, name="ops tests")
    print(
        json.dumps(
            {
                "page_id": page.pk,
                "en_page_id": en_page.pk,
                "image_id": image.pk,
                "image_file": image.file.name,
                "token": plaintext,
            }
        )
    )
