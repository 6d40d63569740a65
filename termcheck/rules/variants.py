"""TC202 and TC203: names the glossary does not list as written.

TC202 finds unseen spellings of glossary names (a typo like Latakkia, a transliteration
like Qamichli) by folding each candidate the way its source language romanises names and
comparing it with the glossary's forms (rapidfuzz). TC203 finds names outside the glossary
whose spelling follows a source language's romanisation where English news spells them
otherwise (wordfreq tells which spellings English prints)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.glossary.matcher import Role
from termcheck.glossary.suggest import match_case
from termcheck.lang.romanisation import fold_key, keys_for, romanisations
from termcheck.lexicon import zipf
from termcheck.rules.names import LANG_NAMES
from termcheck.rules.support.base import DocContext, rule
from termcheck.rules.support.candidates import Token, mostly_names, run_texts, tokens_of, window_ranges
from termcheck.rules.support.memo import Memo
from termcheck.rules.support.name_parts import entry_by_id, part_of_other_name
from termcheck.spans import SpanSet

# Calibrated on the development cases and the Lee news corpus (bench/precision.py).
SIMILARITY = 86.0
RARE = 2.0  # a word English (or the target language) prints less than ~0.1 times a million words
MIN_KEY = 5


_FIRST = str.maketrans("qcgy", "kkki")  # Qassem/Ghassem/Kassem, Yusuf/Iusuf: one block


def _block_key(key: str) -> tuple[int, str]:
    return len(key.split()), key[0].translate(_FIRST)


def _last(key: str) -> str:
    return "i" if key[-1] in "iy" else key[-1]  # Khomeiny, Khomeini


def _swapped_end(a: str, b: str) -> bool:
    """A typing slip at the end of a name (Nasrallha): the same letters, the last two swapped."""
    return len(a) == len(b) >= 6 and a[:-2] == b[:-2] and a[-2:] == b[-1] + b[-2]


@dataclass(frozen=True)
class _Form:
    key: str
    form: str
    entry_id: str


def _blocks(dctx: DocContext) -> dict[tuple[int, str], tuple[list[str], list[_Form]]]:
    """Accepted place and person forms, blocked by word count and first letter of their key."""

    def build() -> dict[tuple[int, str], tuple[list[str], list[_Form]]]:
        blocks: dict[tuple[int, str], tuple[list[str], list[_Form]]] = {}
        for entry in dctx.glossary.names:
            if entry.kind not in ("place", "person") or dctx.doc.lang not in entry.canonical:
                continue
            for form in entry.accepted(dctx.doc.lang):
                key = fold_key(form)
                if len(key.replace(" ", "")) < MIN_KEY:
                    continue
                keys, forms = blocks.setdefault(_block_key(key), ([], []))
                keys.append(key)
                forms.append(_Form(key, form, entry.id))
        return blocks

    return dctx.ctx.stored("blocks", dctx.doc.lang, build)  # type: ignore[no-any-return]


_Best = tuple[float, _Form, str, str]  # similarity, glossary form, source language, folded key


def _nearest(text: str, blocks: dict[tuple[int, str], tuple[list[str], list[_Form]]]) -> _Best | None:
    """The glossary form closest to `text` folded as some language romanises it."""
    from rapidfuzz import fuzz, process  # loaded only for documents that need it

    best: _Best | None = None
    for src, key in keys_for(text):
        if len(key.replace(" ", "")) < MIN_KEY:
            continue
        block = blocks.get(_block_key(key))
        if not block:
            continue
        hit = process.extractOne(key, block[0], scorer=fuzz.ratio, score_cutoff=SIMILARITY)
        if hit and (best is None or hit[1] > best[0]):
            best = (hit[1], block[1][hit[2]], src, key)
    return best


def _taken_spans(dctx: DocContext) -> SpanSet:
    return SpanSet(m.span for m in dctx.names)


def _blocking_spans(dctx: DocContext) -> tuple[SpanSet, list[Span]]:
    """Spans a TC202 window may not overlap (wrong forms, acronyms), and accepted names,
    which a window may contain whole (Recep Tayip Erdogan holds the accepted Erdogan)."""
    accepted = [m.span for m in dctx.names if m.role is Role.ACCEPTED]
    return SpanSet(m.span for m in dctx.names if m.role is not Role.ACCEPTED), accepted


@rule("TC202", "unseen-variant", "A spelling of a glossary name that the glossary does not list (Qamichli, Latakkia).",
      Severity.WARNING, precedence=40,
      flagged="Kurdish forces held Qamichli and the road to Latakkia.",
      clean="Kurdish forces held Qamishli and the road to Latakia.")
def unseen_variant(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """No glossary lists every spelling. A name that is not in the glossary but, once
    folded the way French, German, Turkish, Spanish or Italian romanise names, is close to
    a glossary name is reported with that name's form (Qamichli: Qamishli; Jarablous:
    Jarablus; Latakkia: Latakia). Only spellings that are rare in the article's language
    are considered, so a common word that looks like a name stays quiet. The fix is
    unsafe."""
    lang = doc.lang
    blocks = _blocks(dctx)
    if not blocks:
        return
    suspects: Memo[str, tuple[_Suspect, ...]] = dctx.ctx.memo("variant-suspects", lang, Memo)
    spans: tuple[SpanSet, list[Span]] | None = None
    accepted_ends: list[int] = []
    for start, run_text in run_texts(doc.prose):
        # What the run's own words say is remembered per run: most runs hold no window that
        # is rare and near a glossary form, and then nothing else is looked at.
        found = suspects.get(run_text, lambda text: _suspects(text, lang, blocks))
        if not found:
            continue
        if spans is None:
            spans = _blocking_spans(dctx)
            accepted_ends = [a.end for a in spans[1]]
        taken, accepted = spans
        run = tokens_of(start, run_text)
        # Accepted names are sorted and apart: the ones that overlap the run are found by bisection.
        i = bisect.bisect_right(accepted_ends, run[0].start)
        near = []
        while i < len(accepted) and accepted[i].start < run[-1].end:
            near.append(accepted[i])
            i += 1
        for first, count, rare_at, best in found:
            tokens = run[first : first + count]
            span = Span(tokens[0].start, tokens[-1].end)
            if taken.overlaps(span):
                continue
            inside = [a for a in near if a.overlaps(span)]
            if any(not (span.start <= a.start and a.end <= span.end) or a == span for a in inside):
                continue
            # The rare word that makes a window suspect must lie outside the accepted names it holds.
            rare = [t for t in (run[i] for i in rare_at)
                    if not any(a.start <= t.start and t.end <= a.end for a in inside)]
            if not rare:
                continue
            if part_of_other_name(run, tokens, entry_by_id(dctx, best[1].entry_id), lang):
                continue
            if inside and not _same_but_spelling(tokens, best[1].form):
                continue  # Masrour Barzani is not Masoud Barzani: beside a known name, only spelling noise counts
            text = doc.prose[span.start : span.end]
            if mostly_names(_line_at(doc.prose, span.start)):
                continue  # a team line-up: names of every origin, with no sentence to judge them by
            score, form, src, _ = best
            suggestion = match_case(text, form.form)
            how = f" as {LANG_NAMES[src]} romanises it" if src else ""
            taken.append(span)
            yield unseen_variant.finding(span.start, span.end, f"'{text}' looks like a spelling of '{form.form}'{how}",
                                         suggestions=[suggestion], safe=False, entry=form.entry_id, origin=src or None)


def _line_at(prose: str, offset: int) -> str:
    return prose[prose.rfind("\n", 0, offset) + 1 : (prose.find("\n", offset) + 1 or len(prose) + 1) - 1]


# A window of a run worth a look: first token, token count, indexes of its rare tokens, nearest form.
_Suspect = tuple[int, int, tuple[int, ...], _Best]


def _suspects(run: str, lang: str, blocks: dict[tuple[int, str], tuple[list[str], list[_Form]]]) -> tuple[
        _Suspect, ...]:
    """The windows of a run (longest first) that hold a word rare in `lang` and lie near a glossary
    form other than themselves, with the same last letter: what TC202 decides from the run's text
    alone. The checks that need the document (names found around it) come after."""
    words = run.split(" ")
    rare_at = {i for i, word in enumerate(words) if zipf(word.lower(), lang) < RARE}
    if not rare_at:
        return ()
    out: list[_Suspect] = []
    for first, count in window_ranges(words):
        rare = tuple(i for i in range(first, first + count) if i in rare_at)
        if not rare:
            continue
        text = " ".join(words[first : first + count])
        best = _nearest(text, blocks)
        if best is None or best[1].form == text:
            continue
        if text.lower().startswith(best[1].form.lower()) and len(text) >= len(best[1].form) + 2:
            continue  # a name that only extends a glossary form (Parisse, Parisi) is a name of its own
        # Typos and romanisations keep a name's last letter: Suleiman is not Suleimani.
        if _last(best[3]) != _last(best[1].key) and not _swapped_end(best[3], best[1].key):
            continue
        out.append((first, count, rare, best))
    return tuple(out)


_ARABIC_LOOK = re.compile(r"aï|ïa|ou|ch|dj|kh|^(?:abd|abou|al|el)", re.IGNORECASE)


def french_diaeresis(word: str, skip: frozenset[str] = frozenset()) -> tuple[str, str, float] | None:
    """Kaïs, Ismaïl, Zoubaïdi: French marks the Arabic diphthong with a diaeresis, English never
    does; even names too rare for word lists show it. Only names that look Arabic count (not Loïc)."""
    if "fr" in skip or "ï" not in word or not _ARABIC_LOOK.search(word):
        return None
    rewritten = romanisations()["fr"].rewrite(word)
    return "fr", match_case(word, rewritten[:1].upper() + rewritten[1:]), 0.0


def _same_but_spelling(tokens: list[Token], form: str) -> bool:
    """Each word folds to the form's word as written or as some language romanises it."""
    words = form.split()
    if len(words) != len(tokens):
        return False
    return all(fold_key(w) in {k for _, k in keys_for(t.text)} for t, w in zip(tokens, words, strict=True))


def english_style(word: str, lang: str, skip: frozenset[str] = frozenset()) -> tuple[str, str, float] | None:
    """The spelling `lang` news uses for a name another language romanised, with that language
    (source languages in `skip` are not considered)."""
    here = zipf(word.lower(), lang)
    best: tuple[str, str, float] | None = None
    for src, rom in romanisations().items():
        if src == lang or src in skip or zipf(word.lower(), src) <= here:  # the spelling must be attested in `src`
            continue
        for variant in rom.variants(word):
            if variant == word.lower()[:-1]:
                continue  # a final e alone (Traille, Savante, Arese) is a name's own spelling as often as French
            freq = zipf(variant, lang)
            if freq >= 1.5 and freq >= here + 1.0 and (best is None or freq > best[2]):
                best = (src, match_case(word, variant.capitalize() if word[:1].isupper() else variant), freq)
    return best


@rule("TC203", "foreign-romanisation", "A name romanised the way a source language does it, where English news "
      "spells it otherwise (Souleimane for Suleiman).", Severity.WARNING, precedence=45, languages=("en",),
      flagged="The commander, Souleimane, was killed in the strike.",
      clean="Algeria's president Abdelmadjid Tebboune met Moussa Faki in Algiers.")
def foreign_romanisation(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """French writes Arabic and Russian names with ch, ou and dj (Souleimane, Qamichli,
    Djihad); German with sch and dsch; Turkish with ş and c. A name that is not in the
    glossary, that English hardly prints as written, and whose rewriting by one of these
    conventions gives a spelling English news does print, is reported with that spelling.
    Names whose established English form is itself French-style (Abdelmadjid Tebboune,
    Habib Bourguiba, Moussa Faki) have no more common English spelling, so they stay quiet,
    and so does the French style in articles about the Maghreb and French-speaking Africa,
    whose names English news spells the French way (Ihsane El Kadi, Al Haouz)."""
    local = frozenset(src for src, rom in romanisations().items() if rom.local and dctx.has_any_word(rom.local))
    verdicts: Memo[str, tuple[tuple[int, str, str], ...]] = dctx.ctx.memo(
        "foreign-style", f"{doc.lang} {' '.join(sorted(local))}", Memo)
    taken: SpanSet | None = None
    for start, run_text in run_texts(doc.prose):
        found = verdicts.get(run_text, lambda text: _foreign_styled(text, doc.lang, local))
        if not found:
            continue  # the usual case: no word of the run is a foreign spelling
        if taken is None:
            taken = _taken_spans(dctx)
        run = tokens_of(start, run_text)
        for i, src, suggestion in found:
            token = run[i]
            span = Span(token.start, token.end)
            if taken.overlaps(span):
                continue
            yield foreign_romanisation.finding(
                span.start, span.end, f"'{token.text}' is spelled the {LANG_NAMES[src]} way; English news writes "
                f"'{suggestion}'", suggestions=[suggestion], safe=False, origin=src)


def _foreign_styled(run: str, lang: str, local: frozenset[str]) -> tuple[tuple[int, str, str], ...]:
    """The words of a run spelled a source language's way: (index, language, English-style spelling)."""
    out: list[tuple[int, str, str]] = []
    for i, word in enumerate(run.split(" ")):
        if len(word) < 4 or not word[:1].isupper() or zipf(word.lower(), lang) >= 1.3:
            continue
        found = english_style(word, lang, local) or french_diaeresis(word, local)
        if found is not None:
            out.append((i, found[0], found[1]))
    return tuple(out)
