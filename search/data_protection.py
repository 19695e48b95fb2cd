"""The search query log's declaration of personal data (personal_data.declarations).

Wagtail's search promotions app counts every query per day (`Query`, `QueryDailyHits`) and this app
counts the queries that found nothing (`ZeroResultHits`). No address, session or person is stored
with a query, but people sometimes type names into a search box, so the log is kept only
WAGTAILSEARCH_HITS_MAX_AGE days.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from personal_data.declarations import Purpose, declare, delete_counting
from search.models import ZeroResultHits


def expire(now: datetime) -> int:
    cutoff = (now - timedelta(days=settings.WAGTAILSEARCH_HITS_MAX_AGE)).date()
    removed = delete_counting(QueryDailyHits.objects.filter(date__lt=cutoff))
    removed += delete_counting(ZeroResultHits.objects.filter(date__lt=cutoff))
    # Query strings with no counts left (and no promotion an editor made for them) go too.
    unused = Query.objects.filter(daily_hits__isnull=True, zero_result_hits__isnull=True, editors_picks__isnull=True)
    return removed + delete_counting(unused)


def retention() -> str:
    days = settings.WAGTAILSEARCH_HITS_MAX_AGE
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


declare(
    Purpose(
        key="search_queries",
        order=40,
        title=_("Search queries"),
        data=_("The words typed into the site's search and how many times a day each was searched; not who searched."),
        purpose=_("Improving the search and the content people look for."),
        legal_basis=_("Legitimate interest of the controller in developing its website (GDPR 6(1)(f))."),
        readers=_("Koonto's communications staff."),
        retention=retention,
        expire=expire,
    )
)
