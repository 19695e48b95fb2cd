"""The dashboard's translation panel: how many translations are missing or out of date, with links to the report."""

from django.utils.translation import gettext_lazy as _

from koonto.dashboard import DashboardPanel, PanelItem
from localisation.report import MISSING, OUT_OF_DATE, UNTRANSLATED, TranslationReport, can_view_report, report_url


class TranslationsNeedingWorkPanel(DashboardPanel):
    """Counts of missing and out-of-date translations, and of untranslated segments, of the pages
    the user may see or translate (the report's rows), with links to the report."""

    name = "koonto_translations_needing_work"
    order = 95
    heading = _("Translations needing work")

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if can_view_report(self.user) else ""

    def get_items(self):
        report = TranslationReport(self.user)
        counts = report.counts()
        items = []
        for status, label in ((MISSING, _("Missing translations")), (OUT_OF_DATE, _("Out-of-date translations"))):
            by_language = ", ".join(
                f"{language.name} {counts[(status, language.code)]}"
                for language in report.languages
                if counts[(status, language.code)]
            )
            items.append(PanelItem(f"{label}: {counts[status]}", report_url(status=status), by_language))
        by_language = ", ".join(
            f"{language.name} {counts[(UNTRANSLATED, language.code)]}"
            for language in report.languages
            if counts[(UNTRANSLATED, language.code)]
        )
        items.append(
            PanelItem(f"{_('Untranslated segments')}: {counts[UNTRANSLATED]}", report_url(status=OUT_OF_DATE), by_language)
        )
        items.append(PanelItem(str(_("Translation status of all pages")), report_url()))
        return items
