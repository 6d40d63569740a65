"""Reading and writing: which files to check (discovery, ignore files), decoding and byte-exact
round trips, safe writes, signed cache files, the terminal, and the formats articles come in
(markup: plain, Markdown, HTML; bilingual: XLIFF, PO, TMX)."""
