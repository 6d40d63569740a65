"""All rules, registered by importing their modules. Codes are stable and never reused:
TC0xx meta · TC1xx terms · TC2xx transliteration · TC3xx mistranslation · TC4xx acronyms ·
TC5xx language · TC6xx consistency · TC7xx residue · TC8xx bilingual (with --source)."""

from termcheck.rules import (  # noqa: F401  (registration)
    acronyms,
    bilingual_acronyms,
    bilingual_copy,
    bilingual_lookalikes,
    bilingual_names,
    bilingual_numbers,
    bilingual_omission,
    bilingual_terms,
    consistency,
    constructions,
    foreign_words,
    lookalikes,
    meta,
    name_case,
    names,
    number_formats,
    phrases,
    residue,
    tokenised,
    untranslated,
    variants,
)
from termcheck.rules.support.base import REGISTRY, Context, DocContext, Rule, get_rule

__all__ = ["REGISTRY", "Context", "DocContext", "Rule", "get_rule", "all_rules"]


def all_rules() -> list[Rule]:
    return [REGISTRY[c] for c in sorted(REGISTRY)]
