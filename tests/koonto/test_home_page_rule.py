"""`PublicRule.home_page`: the one answer to "the site's home page in this language"."""

from wagtail.models import PageViewRestriction, Site

from koonto.visibility import PublicRule


def test_the_home_page_of_a_language_when_the_public_may_see_it(home, en_home, fi_locale, en_locale):
    rule = PublicRule(Site.objects.get(is_default_site=True))
    assert rule.home_page(fi_locale).pk == home.pk
    assert rule.home_page(en_locale).pk == en_home.pk


def test_a_private_translation_is_no_home_page_but_the_finnish_one_stands_in_when_asked(home, en_home, en_locale):
    PageViewRestriction.objects.create(page=en_home, restriction_type=PageViewRestriction.LOGIN)
    rule = PublicRule(Site.objects.get(is_default_site=True))
    assert rule.home_page(en_locale) is None
    assert rule.home_page(en_locale, or_source=True).pk == home.pk


def test_no_site_no_home_page(home, fi_locale):
    assert PublicRule(None).home_page(fi_locale) is None
