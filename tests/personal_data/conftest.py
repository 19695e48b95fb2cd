"""The advice form page fixtures, shared: the foundation is exercised through its first feature."""

from tests.advice.conftest import advice_page, en_advice_page  # noqa: F401
