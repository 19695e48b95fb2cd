"""Translation work in the admin and on the site: the translation status report, PO files per
section, Koonto's guarded versions of wagtail-localize's views, and the untranslated page."""
