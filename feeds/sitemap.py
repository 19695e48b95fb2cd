"""The XML sitemap: every live, public page of every language, with hreflang alternates.

Wagtail's own sitemap lists only the default site's (Finnish) tree. This one lists all
language trees and, for each URL, its translations plus `x-default` (the Finnish page), in a
fixed number of queries.
"""

from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap

from koonto.origin import page_url
from koonto.visibility import PublicRule


class MultilingualSitemap(Sitemap):
    def items(self):
        # Every language tree of the site: the pages the public may see there (koonto.visibility).
        return PublicRule(self.get_wagtail_site()).pages().select_related("locale").order_by("path")

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        urls_by_key = defaultdict(dict)
        for item in self.items():  # all translations, for the alternates (one query)
            urls_by_key[item.translation_key][item.locale.language_code] = page_url(item, self.request)
        urls = []
        for item in pages:
            alternates = [{"lang_code": code, "location": url} for code, url in sorted(urls_by_key[item.translation_key].items())]
            default = urls_by_key[item.translation_key].get(settings.LANGUAGE_CODE)
            if default:
                alternates.append({"lang_code": "x-default", "location": default})
            urls.append(
                {
                    "item": item,
                    "location": page_url(item, self.request),
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates,
                }
            )
        self.latest_lastmod = max((u["lastmod"] for u in urls if u["lastmod"]), default=None)
        return urls
