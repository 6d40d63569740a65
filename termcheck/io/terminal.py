"""Text from outside (file names above all) made safe to show a person.

A file name can hold anything but '/' and NUL: terminal escape sequences (an OSC sequence
sets the window title, others move the cursor or hide text), line breaks that fake report
lines, and bytes that are not UTF-8 (Python keeps them as lone surrogates, which no UTF-8
output can write). Human-facing output shows each as a visible escape (\\x1b, \\n, \\xe9).
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, the line and paragraph separators, bidi overrides and isolates
# (which reorder what follows them on screen), and lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control character, bidi override and undecodable byte escaped."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def undecodable_escaped(text: str) -> str:
    """`text` with only its undecodable bytes (lone surrogates) escaped: for machine-readable
    output (JSON, SARIF, HTML), which must be valid UTF-8 but keeps control characters exact."""
    if not re.search("[\ud800-\udfff]", text):
        return text
    return re.sub("[\ud800-\udfff]", _escape, text)
