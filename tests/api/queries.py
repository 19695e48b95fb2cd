"""Counting the queries of one API request, for the tests that prove a constant cost."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url: str) -> int:
    """The number of queries a GET of `url` runs (it must answer 200).

    The connection's log keeps only its latest 9,000 queries; once a test has filled it,
    CaptureQueriesContext sees none, so the log is emptied first.
    """
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    assert len(captured) > 0, "no queries seen: is the answer cached?"
    return len(captured)
