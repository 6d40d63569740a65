"""The body of `POST /v1/check`, read and validated without the web framework: every way a
body can be wrong gets one message that says what to send instead."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

TOP_KEYS = {"text", "lang", "source", "source_lang", "options"}
OPTION_KEYS = {"select", "ignore", "path"}


class BadRequest(Exception):
    """A body the API cannot answer: `status` 400 (not JSON) or 422 (JSON, but not a check request)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class CheckRequest:
    text: str
    lang: str | None = None
    source: str | None = None
    source_lang: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    path: str | None = None


def _optional_str(data: dict[str, Any], key: str, where: str = "") -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise BadRequest(422, f"'{where}{key}' must be a string, not {type(value).__name__}")
    return value


def _codes(data: dict[str, Any], key: str) -> list[str] | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadRequest(422, f"'options.{key}' must be a list of rule codes or prefixes such as [\"TC2\", \"TC401\"]")
    return value


def parse_check_request(body: bytes) -> CheckRequest:
    """The request in `body` (JSON), or BadRequest saying what is wrong with it."""
    if not body.strip():
        raise BadRequest(400, "empty body: send a JSON object such as {\"text\": \"...\", \"lang\": \"en\"}")
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise BadRequest(400, f"the body is not UTF-8 (byte {err.start})") from None
    except json.JSONDecodeError as err:
        raise BadRequest(400, f"the body is not JSON: {err.msg} at line {err.lineno} column {err.colno}") from None
    except RecursionError:
        raise BadRequest(400, "the body is not JSON this API reads: nested too deeply") from None
    if not isinstance(data, dict):
        raise BadRequest(422, f"the body must be a JSON object with 'text', not a {type(data).__name__}")
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise BadRequest(422, f"unknown field {', '.join(map(repr, unknown))} (known: {', '.join(sorted(TOP_KEYS))})")
    if "text" not in data:
        raise BadRequest(422, "'text' is missing: the article to check, as a string")
    text = data["text"]
    if not isinstance(text, str):
        raise BadRequest(422, f"'text' must be a string, not {type(text).__name__}")
    options = data.get("options") or {}
    if not isinstance(options, dict):
        raise BadRequest(422, "'options' must be an object (select, ignore, path)")
    unknown = sorted(set(options) - OPTION_KEYS)
    if unknown:
        raise BadRequest(422, f"unknown option {', '.join(map(repr, unknown))} "
                              f"(known: {', '.join(sorted(OPTION_KEYS))})")
    return CheckRequest(text=text, lang=_optional_str(data, "lang"), source=_optional_str(data, "source"),
                        source_lang=_optional_str(data, "source_lang"), select=_codes(options, "select"),
                        ignore=_codes(options, "ignore"), path=_optional_str(options, "path", "options."))
