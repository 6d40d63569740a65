"""Plain text: every character is prose."""

from __future__ import annotations


def plain_prose(text: str) -> str:
    return text
