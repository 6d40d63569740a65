"""The OpenAPI 3.1 description of the HTTP API, served at /openapi.json (written by hand: the
API is four routes, and the report's schema is the README's JSON contract, version 1)."""

from __future__ import annotations

from typing import Any

from termcheck import __version__

_ERROR = {"description": "what is wrong, in one sentence", "content": {"application/json": {"schema": {
    "$ref": "#/components/schemas/Error"}}}}

_FINDING = {
    "type": "object",
    "required": ["path", "line", "column", "end_line", "end_column", "start", "end", "code", "name", "severity",
                 "message", "text", "suggestions", "fix", "entry"],
    "properties": {
        "path": {"type": "string"},
        "line": {"type": "integer", "description": "1-based"},
        "column": {"type": "integer", "description": "1-based, in characters"},
        "end_line": {"type": "integer"},
        "end_column": {"type": "integer"},
        "start": {"type": "integer", "description": "0-based character offset into text"},
        "end": {"type": "integer", "description": "exclusive"},
        "code": {"type": "string", "examples": ["TC201"]},
        "name": {"type": "string", "examples": ["wrong-transliteration"]},
        "severity": {"enum": ["error", "warning", "info"]},
        "message": {"type": "string"},
        "text": {"type": "string", "description": "text[start:end]"},
        "suggestions": {"type": "array", "items": {"type": "string"}, "description": "best first; '' deletes"},
        "fix": {"oneOf": [{"type": "null"}, {"type": "object", "properties": {
            "applicability": {"enum": ["safe", "unsafe"]},
            "edits": {"type": "array", "items": {"type": "object", "properties": {
                "start": {"type": "integer"}, "end": {"type": "integer"}, "replacement": {"type": "string"}}}}}}]},
        "entry": {"type": ["string", "null"], "description": "the glossary entry behind the finding"},
        "source_span": {"type": "object", "description": "bilingual rules: where in the source"},
    },
}


def openapi_document(max_bytes: int) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "termcheck", "version": __version__,
                 "description": "Translation-QA and terminology checks for news articles. The report is the JSON "
                                "of `termcheck lint --format json` (contract version 1, see the README)."},
        "paths": {
            "/v1/check": {"post": {
                "summary": "Check one article (optionally with its source text)",
                "requestBody": {"required": True, "description": f"at most {max_bytes} bytes (413 beyond)",
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Check"}}}},
                "responses": {"200": {"description": "the report", "content": {"application/json": {"schema": {
                    "$ref": "#/components/schemas/Report"}}}},
                    "400": _ERROR, "413": _ERROR, "422": _ERROR},
            }},
            "/v1/rules": {"get": {"summary": "Every rule with its explanation",
                                  "responses": {"200": {"description": "{\"version\": 1, \"rules\": [...]}"}}}},
            "/healthz": {"get": {"summary": "Up, with the glossaries loaded",
                                 "responses": {"200": {"description": "{\"status\": \"ok\", ...}"}}}},
            "/openapi.json": {"get": {"summary": "This description",
                                      "responses": {"200": {"description": "OpenAPI 3.1"}}}},
        },
        "components": {"schemas": {
            "Check": {"type": "object", "required": ["text"], "additionalProperties": False, "properties": {
                "text": {"type": "string", "description": "the article"},
                "lang": {"type": "string", "description": "en, fr, de, es, it, tr; default: detected"},
                "source": {"type": "string", "description": "the text it was translated from (bilingual rules TC8xx)"},
                "source_lang": {"type": "string", "description": "the source's language; default: detected"},
                "options": {"type": "object", "additionalProperties": False, "properties": {
                    "select": {"type": "array", "items": {"type": "string"}, "examples": [["TC2", "TC401"]]},
                    "ignore": {"type": "array", "items": {"type": "string"}},
                    "path": {"type": "string", "description": "a name for the text; its suffix says the markup "
                                                              "(.md, .html, .xlf, .po, .tmx); never read"}}},
            }},
            "Report": {"type": "object", "properties": {
                "version": {"const": 1},
                "files": {"type": "integer"},
                "findings": {"type": "array", "items": _FINDING},
                "documents": {"type": "array", "items": {"type": "object"}},
                "suppressed": {"type": "object", "properties": {
                    "total": {"type": "integer"}, "inline": {"type": "integer"}, "baseline": {"type": "integer"}}},
            }},
            "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
                "status": {"type": "integer"}, "message": {"type": "string"}}}}},
        }},
    }
