"""Rule packs: language data as TOML files, validated and compiled by :mod:`.loader`."""

from newsclean.rules.loader import (
    FALLBACK_LANGUAGE,
    UNIVERSAL,
    RulePack,
    available_languages,
    check_examples,
    load_pack,
    parse_pack,
    rules_for,
)
from newsclean.rules.model import Role, Rule, RuleMatch, RuleSet, Scope, StepRules, phrase_key

__all__ = [
    "FALLBACK_LANGUAGE",
    "UNIVERSAL",
    "Role",
    "Rule",
    "RuleMatch",
    "RulePack",
    "RuleSet",
    "Scope",
    "StepRules",
    "available_languages",
    "check_examples",
    "load_pack",
    "parse_pack",
    "phrase_key",
    "rules_for",
]
