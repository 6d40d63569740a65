"""TBX termbases (ISO 30042, TBX-Basic) read into name entries and written from them.

Reads TBX v2 (`<martif>`: `<termEntry>`, `<langSet xml:lang>`, `<tig>` or `<ntig>`) and TBX v3
(`<tbx>`: `<conceptEntry>`, `<langSec>`, `<termSec>`), by element names whatever the namespace;
writes either. How a name entry maps onto TBX-Basic data categories:

- `id`: the concept's `id` attribute; `kind`: `<descrip type="subjectField">` at concept level
  (TBX-Basic's one concept classification; tools show and filter by it).
- `canonical`: the language's term with `<termNote type="administrativeStatus">`
  `preferredTerm-admn-sts`; `alternates`: `admittedTerm-admn-sts`; `acronym`: a term with
  `<termNote type="termType">acronym</termNote>` (and admittedTerm: an acronym is accepted).
- `wrong`: `deprecatedTerm-admn-sts` terms of the English section, whatever the language they
  come from: termcheck flags a wrong form in every article language that does not accept it,
  and a CAT tool flags a deprecated term in the language it is listed under, which for
  termcheck's wrong forms is English first. A wrong form's own language (Idleb is the French
  spelling) is kept in the term's `<note>termcheck wrong form from: fr</note>`; a deprecated
  term without that note (from another tool) is a wrong form of its section's language.
- `note`: the concept's `<note>`; `ref`: its `<admin type="source">`.
- `cues`: one concept `<note>termcheck cue: Syria</note>` each. TBX has no category for "words
  that must be near": `<descrip type="context">` is a sample sentence at term level, so a
  prefixed note is what round-trips and what a terminologist reads as meant.

Parsing is bounded and offline: no DTD is loaded, no entity is expanded (a file that declares
entities is refused), nothing is fetched, libxml2's size limits stay on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from termcheck.errors import GlossaryError
from termcheck.glossary.loader import name_entry
from termcheck.glossary.model import LANGS, NAME_KINDS, Glossary, NameEntry

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX3_NS = "urn:iso:std:iso:30042:ed-2"
CUE_NOTE = "termcheck cue: "
WRONG_FROM_NOTE = "termcheck wrong form from: "
PREFERRED, ADMITTED, DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"
_STATUS_TYPES = {"administrativeStatus", "normativeAuthorization"}
_DEPRECATED = ("deprecated", "superseded", "notrecommended", "obsolete", "forbidden")
_GROUPS = {"descripGrp", "adminGrp", "noteGrp"}
_WRAP = re.compile(r"[ \t]*[\r\n]\s*")
_XML_POS = re.compile(r",? line \d+, column \d+$")


def _parser() -> Any:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def _local(el: Any) -> str:
    tag = el.tag
    return str(etree.QName(tag).localname) if isinstance(tag, str) else ""


def _text(el: Any) -> str:
    """The element's text without the line breaks and indentation of a wrapped, indented file
    (a run of white space with a line break in it is one space); other spaces kept as written."""
    return _WRAP.sub(" ", "".join(el.itertext())).strip()


def _line(el: Any) -> int:
    return int(el.sourceline or 1)


@dataclass
class _Term:
    form: str
    status: str = ""  # preferred | admitted | deprecated | ""
    acronym: bool = False
    wrong_from: str = ""


@dataclass
class _Concept:
    kind: str = ""
    notes: list[str] = field(default_factory=list)
    definitions: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    terms: dict[str, list[_Term]] = field(default_factory=dict)
    lang_definitions: dict[str, list[str]] = field(default_factory=dict)


def read_tbx(path: Path) -> Glossary:
    """The name entries of a TBX file; one GlossaryError naming the file and line otherwise."""
    root = _parse(path)
    if _local(root) not in ("martif", "tbx"):
        raise GlossaryError(f"not a TBX file: the root element is <{_local(root)}>, not <martif> (TBX v2) "
                            "or <tbx> (TBX v3)", path, _line(root))
    glossary = Glossary(files=[path])
    for entry in root.iter("{*}termEntry", "{*}conceptEntry"):
        glossary.names.append(_entry(path, entry))
    return glossary


def _parse(path: Path) -> Any:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise GlossaryError(f"cannot read glossary: {err.strerror or err}", path) from None
    try:
        tree = etree.fromstring(data, _parser()).getroottree()
    except etree.XMLSyntaxError as err:
        message = _XML_POS.sub("", str(err.msg or err)).strip()
        raise GlossaryError(f"invalid XML: {message}", path, err.lineno or 1) from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        line = data[: max(data.find(b"<!ENTITY"), 0)].count(b"\n") + 1
        raise GlossaryError("the TBX file declares XML entities; termcheck does not expand them", path, line)
    return tree.getroot()


def _entry(path: Path, entry: Any) -> NameEntry:
    line = _line(entry)
    entry_id = entry.get("id")
    if not entry_id:
        raise GlossaryError(f"<{_local(entry)}> without an id attribute: termcheck names each concept by its id "
                            "(lower-case letters, digits and '-')", path, line)
    concept = _Concept()
    for child in _flat(entry):
        name, kind = _local(child), child.get("type", "")
        if name in ("langSet", "langSec"):
            _lang_section(path, child, concept)
        elif name == "descrip" and kind == "subjectField":
            concept.kind = _text(child)
        elif name == "descrip" and kind == "definition":
            concept.definitions.append(_text(child))
        elif name == "admin" and kind == "source":
            concept.sources.append(_text(child))
        elif name == "note":
            text = _text(child)
            if text.startswith(CUE_NOTE):
                concept.cues.append(text[len(CUE_NOTE):].strip())
            else:
                concept.notes.append(text)
    if concept.kind not in NAME_KINDS:
        found = f"'{concept.kind}'" if concept.kind else "none"
        raise GlossaryError(f"concept '{entry_id}': termcheck reads its kind from <descrip type=\"subjectField\"> "
                            f"(one of: {', '.join(NAME_KINDS)}); found {found}", path, line)
    for lang in ("en", "fr"):
        if not any(t.status != "deprecated" for t in concept.terms.get(lang, [])):
            raise GlossaryError(f"concept '{entry_id}' has no {lang} term: termcheck needs a preferred term in en "
                                "and fr", path, line)
    return name_entry(_fields(entry_id, concept), path, line)


def _flat(parent: Any) -> list[Any]:
    """The children of `parent`, with those of a descripGrp, adminGrp or noteGrp in its place."""
    out: list[Any] = []
    for child in parent:
        if _local(child) in _GROUPS:
            out.extend(c for c in child if _local(c))
        elif _local(child):
            out.append(child)
    return out


def _lang_section(path: Path, section: Any, concept: _Concept) -> None:
    code = section.get(XML_LANG) or section.get("lang") or ""
    lang = code.split("-")[0].split("_")[0].lower()
    if lang not in LANGS:
        what = f"language '{code}'" if code else "no xml:lang"
        raise GlossaryError(f"<{_local(section)}> with {what}: termcheck knows {', '.join(LANGS)}", path,
                            _line(section))
    terms = concept.terms.setdefault(lang, [])
    for child in _flat(section):
        name = _local(child)
        if name in ("tig", "ntig", "termSec"):
            terms.append(_term(path, child))
        elif name == "descrip" and child.get("type") == "definition":
            concept.lang_definitions.setdefault(lang, []).append(_text(child))


def _term(path: Path, group: Any) -> _Term:
    term_el = next(group.iter("{*}term"), None)
    form = _text(term_el) if term_el is not None else ""
    if not form:
        raise GlossaryError(f"<{_local(group)}> without a term", path, _line(term_el if term_el is not None else group))
    term = _Term(form)
    for note in group.iter("{*}termNote", "{*}note"):
        value = _text(note)
        kind = note.get("type", "")
        if _local(note) == "note":
            if value.startswith(WRONG_FROM_NOTE):
                term.wrong_from = value[len(WRONG_FROM_NOTE):].strip()
                if term.wrong_from not in LANGS:
                    raise GlossaryError(f"term '{form}': unknown language '{term.wrong_from}' in its wrong-form "
                                        f"note (one of: {', '.join(LANGS)})", path, _line(note))
        elif kind in _STATUS_TYPES:
            term.status = _status(value)
        elif kind == "termType":
            term.acronym = value == "acronym"
    return term


def _status(value: str) -> str:
    low = value.lower()
    if low.startswith("preferred"):
        return "preferred"
    if low.startswith(_DEPRECATED):
        return "deprecated"
    return "admitted" if low.startswith("admitted") else ""


def _fields(entry_id: str, concept: _Concept) -> dict[str, Any]:
    """The entry in the TOML layout, for the loader's checks (termcheck.glossary.loader.name_entry)."""
    raw: dict[str, Any] = {"id": entry_id, "kind": concept.kind, "canonical": {}, "alternates": {},
                           "wrong": {}, "acronym": {}}
    for lang, terms in concept.terms.items():
        usable = [t for t in terms if t.status != "deprecated"]
        canonical = _canonical(usable)
        for t in usable:
            if t is canonical:
                raw["canonical"][lang] = t.form
            elif t.acronym:
                raw["acronym"].setdefault(lang, []).append(t.form)
            else:
                raw["alternates"].setdefault(lang, []).append(t.form)
        if canonical is not None and canonical.acronym:
            raw["acronym"].setdefault(lang, []).insert(0, canonical.form)
        for t in terms:
            if t.status == "deprecated":
                raw["wrong"].setdefault(t.wrong_from or lang, []).append(t.form)
    raw = {key: value for key, value in raw.items() if value or key == "canonical"}
    if concept.cues:
        raw["cues"] = concept.cues
    note = " ".join(concept.notes + concept.definitions) or " ".join(concept.lang_definitions.get("en", []))
    if note:
        raw["note"] = note
    if concept.sources:
        raw["ref"] = " ".join(concept.sources)
    return raw


def _canonical(terms: list[_Term]) -> _Term | None:
    """The preferred full form; else a preferred acronym; else the first term with no status
    (a termbase that marks no status lists its preferred term first)."""
    for status, full_form_only in (("preferred", True), ("preferred", False), ("", True)):
        found = next((t for t in terms if t.status == status and not (full_form_only and t.acronym)), None)
        if found is not None:
            return found
    return None


class _Writer:
    """Elements in TBX v2 (no namespace) or v3 (ISO 30042:2019's namespace) names."""

    def __init__(self, v3: bool) -> None:
        self.v3 = v3
        self.ns = f"{{{TBX3_NS}}}" if v3 else ""

    def sub(self, parent: Any, tag: str, text: str = "", **attrs: str) -> Any:
        el = etree.SubElement(parent, self.ns + tag)
        for key, value in attrs.items():
            el.set(XML_LANG if key == "xml_lang" else key, value)
        if text:
            el.text = text
        return el

    def entry(self, body: Any, entry: NameEntry) -> None:
        concept = self.sub(body, "conceptEntry" if self.v3 else "termEntry", id=entry.id)
        self.sub(concept, "descrip", entry.kind, type="subjectField")
        if entry.note:
            self.sub(concept, "note", entry.note)
        for cue in entry.cues:
            self.sub(concept, "note", CUE_NOTE + cue)
        if entry.ref:
            self.sub(concept, "admin", entry.ref, type="source")
        for lang in LANGS:
            terms = _terms_of(entry, lang)
            if terms:
                section = self.sub(concept, "langSec" if self.v3 else "langSet", xml_lang=lang)
                for term in terms:
                    self.term(section, term)

    def term(self, section: Any, term: _Term) -> None:
        group = self.sub(section, "termSec" if self.v3 else "tig")
        self.sub(group, "term", term.form)
        if term.acronym:
            self.sub(group, "termNote", "acronym", type="termType")
        status = {"preferred": PREFERRED, "admitted": ADMITTED, "deprecated": DEPRECATED}[term.status]
        self.sub(group, "termNote", status, type="administrativeStatus")
        if term.wrong_from:
            self.sub(group, "note", WRONG_FROM_NOTE + term.wrong_from)


def _terms_of(entry: NameEntry, lang: str) -> list[_Term]:
    terms = [_Term(entry.canonical[lang], "preferred")] if lang in entry.canonical else []
    terms += [_Term(form, "admitted") for form in entry.alternates.get(lang, [])]
    terms += [_Term(form, "admitted", acronym=True) for form in entry.acronym.get(lang, [])]
    if lang == "en":
        terms += [_Term(form, "deprecated", wrong_from=src) for src, forms in entry.wrong.items() for form in forms]
    return terms


_XML_MODEL = ('href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/'
              'TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" '
              'schematypens="http://relaxng.org/ns/structure/1.0"')


def write_tbx(names: list[NameEntry], version: int = 2, title: str = "termcheck glossary") -> bytes:
    """TBX-Basic: version 2 (`<martif>`, what most CAT tools import) or 3 (`<tbx>`, ISO 30042:2019)."""
    w = _Writer(v3=version == 3)
    if w.v3:
        root = etree.Element(w.ns + "tbx", nsmap={None: TBX3_NS}, type="TBX-Basic", style="dca")
    else:
        root = etree.Element("martif", type="TBX-Basic")
    root.set(XML_LANG, "en")
    header = w.sub(root, "tbxHeader" if w.v3 else "martifHeader")
    desc = w.sub(header, "fileDesc")
    w.sub(w.sub(desc, "titleStmt"), "title", title)
    w.sub(w.sub(desc, "sourceDesc"), "p", "Written by termcheck glossary convert from termcheck name entries.")
    if not w.v3:
        w.sub(w.sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = w.sub(w.sub(root, "text"), "body")
    for entry in names:
        w.entry(body, entry)
    if w.v3:
        root.addprevious(etree.ProcessingInstruction("xml-model", _XML_MODEL))
        doctype = None
    else:
        doctype = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'
    return bytes(etree.tostring(etree.ElementTree(root), xml_declaration=True, encoding="UTF-8",
                                pretty_print=True, doctype=doctype))
