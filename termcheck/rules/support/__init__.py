"""What the rule modules of termcheck.rules share: the rule model and registry (base), proper-noun
candidates, context cues, phrase matching and its triggers, memos, and the bilingual rules' sentence pairs."""
