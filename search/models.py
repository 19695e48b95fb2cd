"""Search statistics that Wagtail does not keep: how often a query found nothing.

Wagtail's search promotions app counts every query per day (``Query.add_hit``); this counts
the hits that had no result, per query and day, for the zero-result list of the report.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query


class ZeroResultHits(models.Model):
    query = models.ForeignKey(Query, on_delete=models.CASCADE, related_name="zero_result_hits")
    date = models.DateField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["query", "date"], name="search_zero_result_hits_unique_day")]
        verbose_name = _("zero-result search")
        verbose_name_plural = _("zero-result searches")
        # Granted to Viestintä by editorial/rules.py: who may read the search report.
        permissions = [("view_search_report", _("Can view the search queries report"))]

    def __str__(self) -> str:
        return f"{self.query} ({self.date}: {self.hits})"

    @classmethod
    def add_hit(cls, query: Query) -> None:
        row, _created = cls.objects.get_or_create(query=query, date=timezone.localdate())
        cls.objects.filter(pk=row.pk).update(hits=models.F("hits") + 1)


class RankEntry(models.Model):
    """What ranking needs of one indexed page, worked out when the page is indexed.

    The search matches pages in the database; Koonto's ranking rules (search/engine.py) then
    compare the query with the page's title and summary word by word. Normalising those words
    (simplemma, compound splitting) per query and per matched page cost seconds on a large site,
    so it is done once, here, whenever the search index takes the page (search/backend.py):

    - ``*_words``: the field's words folded as the index folds them, in order (phrases);
    - ``*_bases`` and ``*_parts``: their base forms and compound parts (koonto/normalise.py);
    - a funding call's dates, so that whether it is open is decided at search time;
    - ``snippet_texts``: the texts a result's snippet may quote (its summary, then its body as
      plain text; search/excerpts.py), so that showing ten results reads no page models and no
      StreamField. None in an entry written before they were kept: built when first shown.

    Tags and municipalities (the facets) are not kept here: their rows change without the page
    being indexed again (translated tags, aliases), so the search reads them (engine.py).
    """

    page = models.OneToOneField("wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="rank_entry")
    title_words = models.TextField(blank=True)
    title_bases = models.TextField(blank=True)
    title_parts = models.TextField(blank=True)
    summary_words = models.TextField(blank=True)
    summary_bases = models.TextField(blank=True)
    summary_parts = models.TextField(blank=True)
    opens_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(null=True, blank=True)
    cancelled = models.BooleanField(default=False)
    snippet_texts = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = _("search ranking entry")
        verbose_name_plural = _("search ranking entries")

    def __str__(self) -> str:
        return self.title_words
