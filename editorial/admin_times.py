"""Times of day in the admin the reader's way: "klo 10.00" in Finnish, "10:00" in English.

Wagtail's `timesince_last_update` tag (the status side panel, the page header, listings: "edited
at 10:00 by …") writes today's times with a fixed `strftime("%H:%M")`. The time format is a
catalogue string here (msgctxt "admin time of day", a Django date format: English `H:i`,
Finnish `\\k\\l\\o G.i`), and the tag is registered again under its own name in Wagtail's tag
library, around Wagtail's own function, before any template is compiled (EditorialConfig.ready()).
"""

from django.utils import dateformat, timezone
from django.utils.translation import pgettext
from wagtail.admin.templatetags import wagtailadmin_tags

_wagtails_timesince_last_update = wagtailadmin_tags.timesince_last_update


def time_of_day(moment) -> str:
    """The time of day of `moment` (in the current time zone) as the active language writes it."""
    return dateformat.format(moment, pgettext("admin time of day", "H:i"))


def timesince_last_update(last_update, show_time_prefix=False, user_display_name="", use_shorthand=True):
    text = _wagtails_timesince_last_update(
        last_update, show_time_prefix=show_time_prefix, user_display_name=user_display_name, use_shorthand=use_shorthand
    )
    if timezone.is_naive(last_update):
        last_update = timezone.make_aware(last_update)
    local = timezone.localtime(last_update)
    if local.date() != timezone.localtime().date():
        return text  # "3 days ago": no time of day
    return text.replace(local.strftime("%H:%M"), time_of_day(local), 1)


def install() -> None:
    wagtailadmin_tags.register.simple_tag(timesince_last_update, name="timesince_last_update")
    wagtailadmin_tags.timesince_last_update = timesince_last_update
