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
        # Granted to Viestintä by koonto/editorial.py: who may read the search report.
        permissions = [("view_search_report", _("Can view the search queries report"))]

    def __str__(self) -> str:
        return f"{self.query} ({self.date}: {self.hits})"

    @classmethod
    def add_hit(cls, query: Query) -> None:
        row, _created = cls.objects.get_or_create(query=query, date=timezone.localdate())
        cls.objects.filter(pk=row.pk).update(hits=models.F("hits") + 1)
