"""One error shape for API v2 and v3: RFC 9457 problem details naming the parameter at fault,
and the responses the OpenAPI document declares for them.

api.params writes the shape (`problem()`); this module turns the errors Wagtail and DRF raise
into it: Wagtail's v2 messages ("limit must be a positive integer", "query parameter is not an
operation or a recognised field: colour") get the parameter they are about, DRF's messages are
given in English (the API's language, whatever the site's), and v3's `HttpError`s name their
parameter too. `declare_problem_responses()` adds the statuses the API sends to every operation
of the OpenAPI document, so a generated client knows each one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja.errors import HttpError
from rest_framework.exceptions import APIException

from api.params import PROBLEM_JSON, problem

# Wagtail's v2 messages that do not start with the parameter's name: (pattern, parameter).
WAGTAIL_V2_MESSAGES = [
    (re.compile(r"query parameter is not an operation or a recognised field: (?P<name>[^,\s]+)"), None),
    (re.compile(r"field filter error\. .* for (?P<name>\S+) \("), None),
    (re.compile(r"field filter error\. null characters are not allowed for (?P<name>\S+)"), None),
    (re.compile(r"^(fields error|unknown fields|'.*' does not support nested fields)"), "fields"),
    (re.compile(r"^(cannot order by|random ordering)"), "order"),
    (re.compile(r"^type doesn't exist"), "type"),
    (re.compile(r"^parent page doesn't exist"), "child_of"),
    (re.compile(r"^ancestor page doesn't exist"), "descendant_of"),
    (re.compile(r"^descendant page doesn't exist"), "ancestor_of"),
    (
        re.compile(r"^(search is disabled|filtering by tag with a search query|cannot (filter|order) by .* while searching)"),
        "search",
    ),
    (re.compile(r"^filtering by descendant_of with child_of"), "descendant_of"),
]
LEADING_NAME = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*)(:| must | cannot )")


def parameter_of(message: str, names: Iterable[str] = ()) -> str | None:
    """The parameter an error message is about: its leading name (`offset: ...`, `limit must ...`)
    when the request has such a parameter or it is one of `names`, else Wagtail's known phrasings."""
    known = set(names)
    match = LEADING_NAME.match(message)
    if match and (match["name"] in known or not known):
        return match["name"]
    for pattern, parameter in WAGTAIL_V2_MESSAGES:
        found = pattern.search(message)
        if found:
            return parameter or found["name"]
    return None


def parameter_problem(status: int, message: str, names: Iterable[str] = (), parameter: str | None = None) -> HttpResponse:
    """A problem whose `detail` starts with the parameter's name and whose `parameter` names it."""
    parameter = parameter or parameter_of(message, names)
    if parameter and not message.startswith(f"{parameter}:"):
        message = f"{parameter}: {message}"
    return problem(status, message, parameter=parameter)


def v2_problem(request, exc: Exception) -> HttpResponse:
    """A v2 BadRequestError as a problem naming its parameter."""
    return parameter_problem(400, str(exc), names=request.GET.keys(), parameter=getattr(exc, "parameter", None))


def english_detail(exc: APIException) -> str:
    """DRF's message in English: its default messages are translated into the active language
    (Finnish on the API's paths), while the API speaks English."""
    if str(exc.detail) == str(exc.default_detail):
        with translation.override("en"):
            return str(exc.default_detail)
    return str(exc.detail)


def v3_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """Koonto's and Wagtail's `HttpError`s under v3: the problem shape with `parameter`."""
    match = getattr(request, "resolver_match", None)
    names = set(request.GET.keys()) | set(match.kwargs if match else ())
    return parameter_problem(exc.status_code, str(exc), names=names)


# --- the OpenAPI document ------------------------------------------------------------------------

PROBLEM_SCHEMA = {
    "title": "Problem",
    "description": "An RFC 9457 problem document (application/problem+json).",
    "type": "object",
    "properties": {
        "type": {"type": "string", "description": "Always about:blank."},
        "title": {"type": "string", "description": "The HTTP status phrase."},
        "status": {"type": "integer"},
        "detail": {"type": "string", "description": "What is wrong; starts with the parameter's name when one is at fault."},
        "parameter": {"type": "string", "description": "The query or path parameter at fault, when there is one."},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "loc": {
                        "type": "array",
                        "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                        "description": "Where the value is: `query` and the parameter's name, for example.",
                    },
                    "msg": {"type": "string", "description": "What is wrong with it."},
                    "type": {"type": "string", "description": "The kind of error (pydantic's), when known."},
                },
                "required": ["loc", "msg"],
            },
            "description": "Validation errors, one per value.",
        },
    },
    "required": ["type", "title", "status", "detail"],
}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def problem_response(description: str) -> dict:
    return {"description": description, "content": {PROBLEM_JSON: {"schema": PROBLEM_REF}}}


def declare_problem_responses(schema: dict, validation_status) -> None:
    """Declare on every operation the statuses the API sends besides its success.

    Every GET: 304 (the ETag in `If-None-Match` still matches), 400 (a parameter no endpoint can
    use, refused at the API's edge, or a wrong value), 404 (an unknown id, path or locale). A
    value of the wrong type is a 422 on Wagtail's own routers and a 400 on Koonto's:
    `validation_status(path)` says which. Writes: 405 while writes are off is not declared,
    because writes are then left out of the document (see api.v3.openapi_schema).
    """
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            if method == "get":
                responses.setdefault("304", {"description": "Not Modified: the ETag given in If-None-Match still matches."})
            # Wagtail declares some of these with its own ProblemDetail (no `parameter`): one shape.
            responses["400"] = problem_response("A parameter this API cannot use; `parameter` names it.")
            responses["404"] = problem_response("No such object, path or language.")
            status = str(validation_status(path))
            responses[status] = problem_response("A parameter's value of the wrong type; `parameter` names it.")
