"""Text as a reader sees it: without the soft hyphens that headings and card titles carry
(design/templatetags/typography.py), so that tests compare words, not break points."""

SOFT_HYPHEN = "\u00ad"


def without_soft_hyphens(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "")


def page_text(response) -> str:
    """A response's HTML as text, soft hyphens removed."""
    return without_soft_hyphens(response.content.decode())
