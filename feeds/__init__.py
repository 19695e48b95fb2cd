"""Feeds and discovery: the iCalendar feed and per-event files, RSS feeds, robots.txt and the sitemap."""
