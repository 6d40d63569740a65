"""Language: which language a text is written in (function words, a fast langdetect), which
language it was translated from (fingerprint), and how a language romanises names and inflects words."""
