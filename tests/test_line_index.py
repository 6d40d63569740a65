"""Line starts summed from split() lengths equal the line breaks a regex finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.document import LineIndex


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["a", "é", " ", "\n", "\r", "\r\n", "\n\n", "\u2028"]), max_size=40).map("".join))
def test_line_starts_equal_the_breaks_a_regex_finds(text: str) -> None:
    index = LineIndex(text)
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    assert index._starts == starts
    for offset in range(len(text) + 1):
        line = max(i for i, s in enumerate(starts) if s <= offset)
        assert index.position(offset) == (line + 1, offset - starts[line] + 1)
