"""`termcheck serve`: the HTTP API for newsroom systems (a CMS, a browser add-in, a pipeline).

    POST /v1/check     {"text": ..., "lang": "en", "source": ..., "source_lang": "fr",
                        "options": {"select": [...], "ignore": [...], "path": "story.md"}}
                       -> the JSON report of `termcheck lint --format json` (version 1)
    GET  /v1/rules     every rule: code, name, severity, summary, explanation, fixable
    GET  /healthz      {"status": "ok", ...} once the glossaries are loaded
    GET  /openapi.json this API described in OpenAPI 3.1

One Checker (one loaded glossary) serves every request; checks run in worker threads one at
a time (termcheck.api.Checker), so the event loop keeps answering /healthz and reading other
bodies meanwhile. Bodies over the size limit get 413 before the check; a client that goes
away mid-request is logged and forgotten.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from termcheck import __version__
from termcheck.api import Checker, CheckError
from termcheck.server.openapi import openapi_document
from termcheck.server.requests import BadRequest, parse_check_request

log = logging.getLogger("termcheck.server")

DEFAULT_MAX_BYTES = 2 * 10**6  # a long news article is ~50 kB; 2 MB is a book chapter
MAX_CONNECTIONS = 256  # open connections and requests beyond this get 503 from uvicorn (memory stays bounded)


class Json(JSONResponse):
    """JSON as termcheck writes it: UTF-8, not ASCII-escaped."""

    def render(self, content: Any) -> bytes:
        # A lone surrogate (JSON lets a client send "\\ud800") is written as that JSON escape.
        return json.dumps(content, ensure_ascii=False).encode("utf-8", "backslashreplace")


def error(status: int, message: str) -> Json:
    return Json({"error": {"status": status, "message": message}}, status_code=status)


class TooLarge(Exception):
    pass


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused (TooLarge) as soon as it is known to pass `limit` bytes: from its
    Content-Length before reading, else while it streams in."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise TooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def rules_list() -> list[dict[str, Any]]:
    from termcheck.rules import all_rules

    return [{"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary,
             "explanation": r.explanation, "fixable": r.fixable, "needs_source": r.needs_source,
             "languages": list(r.languages)} for r in all_rules()]


def create_app(checker: Checker, max_bytes: int = DEFAULT_MAX_BYTES) -> Starlette:
    """The ASGI app serving `checker` (loaded once, shared by every request)."""
    rules = rules_list()
    spec = openapi_document(max_bytes)

    async def check(request: Request) -> Response:
        started = time.perf_counter()
        try:
            body = await read_body(request, max_bytes)
        except TooLarge:
            log.warning("check refused: body over %d bytes", max_bytes)
            return error(413, f"the body is larger than this server's limit of {max_bytes} bytes "
                              f"({max_bytes / 1e6:g} MB); split the text or start the server with a larger --max-bytes")
        except ClientDisconnect:
            log.info("check abandoned: the client went away while sending its body")
            return Response(status_code=499)
        try:
            req = parse_check_request(body)
            report = await run_in_threadpool(checker.report, req.text, req.lang, source=req.source,
                                             source_lang=req.source_lang, path=req.path, select=req.select,
                                             ignore=req.ignore)
        except BadRequest as err:
            log.info("check refused (%d): %s", err.status, err.message)
            return error(err.status, err.message)
        except CheckError as err:
            log.info("check refused (422): %s", err)
            return error(422, str(err))
        elapsed = (time.perf_counter() - started) * 1000
        doc = report["documents"][0] if report["documents"] else {}
        log.info("check lang=%s chars=%d findings=%d in %.0f ms", doc.get("lang"), len(req.text),
                 len(report["findings"]), elapsed)
        if await request.is_disconnected():
            log.info("check answered after the client went away (%.0f ms)", elapsed)
        return Json(report, headers={"X-Termcheck-Time-Ms": f"{elapsed:.1f}"})

    async def list_rules(request: Request) -> Response:
        return Json({"version": 1, "rules": rules})

    async def healthz(request: Request) -> Response:
        return Json({"status": "ok", "version": __version__, "languages": sorted(checker.languages),
                     "max_bytes": max_bytes})

    async def openapi(request: Request) -> Response:
        return Json(spec)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return error(exc.status_code, exc.detail or "error")

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error(500, f"internal error ({type(exc).__name__}); the server is still up, and the log has the detail")

    return Starlette(
        routes=[Route("/v1/check", check, methods=["POST"]), Route("/v1/rules", list_rules, methods=["GET"]),
                Route("/healthz", healthz, methods=["GET"]), Route("/openapi.json", openapi, methods=["GET"])],
        exception_handlers={HTTPException: http_error, Exception: server_error},
    )


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_config(level: str) -> dict[str, Any]:
    """One readable line per event on stderr, with a timestamp: termcheck's and uvicorn's."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": LOG_FORMAT, "datefmt": "%Y-%m-%dT%H:%M:%S%z"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}},
        "loggers": {name: {"handlers": ["stderr"], "level": level.upper(), "propagate": False}
                    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "termcheck.server")},
    }


def serve(checker: Checker, host: str = "127.0.0.1", port: int = 8765, max_bytes: int = DEFAULT_MAX_BYTES,
          log_level: str = "info") -> None:
    """Serve `checker` until interrupted (Ctrl-C or SIGTERM)."""
    import uvicorn

    checker.warm("en")  # load what the rules load lazily before /healthz answers
    if checker.settings.lang not in ("auto", "en"):
        checker.warm(checker.settings.lang)
    uvicorn.run(create_app(checker, max_bytes), host=host, port=port, log_config=log_config(log_level),
                # Headers are small; a body's size is checked by the app (413), not by the protocol.
                h11_max_incomplete_event_size=64 * 1024, timeout_keep_alive=15, server_header=False,
                limit_concurrency=MAX_CONNECTIONS)
