"""Derive and rank replacement suggestions for a wrong form from an entry's accepted forms."""

from __future__ import annotations

from unidecode import unidecode

from termcheck.glossary.matcher import target_acronyms
from termcheck.glossary.model import NameEntry


def _key(s: str) -> str:
    return unidecode(s).lower()


def _word_count(s: str) -> int:
    return len(s.replace("-", " ").split())


def align(wrong: str, accepted: str) -> str | None:
    """The words of `accepted` that correspond to `wrong` (Rahmane ~ Rami Abdel Rahman -> Rahman).

    Only a clearly better part replaces the whole: Cisjordanie is 'West Bank', not 'Bank'.
    """
    w_words, a_words = wrong.split(), accepted.split()
    if len(w_words) >= len(a_words) or _word_count(wrong) >= _word_count(accepted):
        return accepted
    from rapidfuzz import fuzz  # loaded only when a finding needs suggestions

    best, best_score = accepted, fuzz.ratio(_key(wrong), _key(accepted))
    whole = best_score
    for i in range(len(a_words) - len(w_words) + 1):
        window = " ".join(a_words[i : i + len(w_words)])
        score = fuzz.ratio(_key(wrong), _key(window))
        if score > best_score and score >= 70 and score >= whole + 15:
            best, best_score = window, score
    return best


def match_case(found: str, replacement: str) -> str:
    """Carry the case pattern of the replaced text over: IDLEB -> IDLIB, idleb -> idlib."""
    if not replacement:
        return replacement
    if found.isupper() and len(found) > 1 and not replacement.isupper():
        # IDLEB -> IDLIB; but an acronym replaced by a name keeps the name's case (TSK -> Turkish Armed Forces).
        is_name = " " in replacement and " " not in found and replacement[:1].isupper()
        return replacement if is_name else replacement.upper()
    if found.islower() and replacement[:1].isupper() and replacement[1:2].islower() and " " not in replacement:
        return replacement  # proper nouns keep their capital even where the wrong form had none
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


def rank_suggestions(found: str, entries: list[NameEntry], lang: str, acronyms: bool = False) -> list[str]:
    """Suggestions best first: the closest accepted form, the canonical form winning near-ties,
    a form of the same number winning over one of the other (Alaouites: Alawites)."""
    from rapidfuzz import fuzz  # loaded only when a finding needs suggestions

    scored: list[tuple[float, float, int, str]] = []  # (score, similarity, order, suggestion)
    order = 0
    for entry in entries:
        forms = target_acronyms(entry, lang) if acronyms else entry.accepted(lang)
        for n, form in enumerate(forms):
            cand = form if acronyms else align(found, form)
            if not cand:
                continue
            similarity = fuzz.ratio(_key(found), _key(cand))
            bonus = 15.0 if n == 0 else 0.0
            bonus += 16.0 if (found[-1:].lower() == "s") == (cand[-1:].lower() == "s") else 0.0
            scored.append((similarity + bonus, similarity, order, match_case(found, cand)))
            order += 1
    # A close alternate may beat the canonical form (Khan Younès: Khan Younes); when nothing is
    # close, the canonical form leads (Kudüs: Jerusalem, not Al-Quds).
    if scored and max(sim for _, sim, _, _ in scored) < 75:
        scored = [(1000.0 if o == 0 else sc, sim, o, c) for sc, sim, o, c in scored]
    scored.sort(key=lambda t: (-t[0], t[2]))
    out: list[str] = []
    for *_, s in scored:
        if s not in out and s != found:
            out.append(s)
    return out
