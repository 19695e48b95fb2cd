"""The one table operations code keeps: the content generation every cache follows."""

from django.db import models


class ContentGeneration(models.Model):
    """The number of the current state of published content: one row, bumped on every change.

    What each app process keeps in memory (the menu, footer contacts, the register tables and,
    without Redis, cached pages) is keyed on this number (ops.pagecache). It lives in the
    database because that is the one store every process shares even without Redis: a change
    committed through one worker is seen by every other worker at its next request.
    """

    # Not a form field: only ops.pagecache changes it.
    number = models.BigIntegerField(editable=False)

    def __str__(self) -> str:
        return str(self.number)
