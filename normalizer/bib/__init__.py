"""Existing ``.bib`` files: parsing and the canonical layout, checks, fixes, merging, the lockfile.

`bibtex_scan` reads a file as BibTeX 0.99d does (its commands, fields and errors);
`reading` turns that into blocks (`blocks`; failed blocks kept verbatim, with what BibTeX does
with them, `problems`): the one reading of ``.bib`` input for every command; `values` reads
raw values (``#``, delimiters, ``@string`` macros); `formatting` renders the canonical layout
of ``bibnorm format``; `census` is the safety net of every rewrite; `bibfile` gathers
their public names in one import; `checks` holds the findings of ``bibnorm check``,
one module per code family; `fix` the safe fixes of ``bibnorm fix``; `merge` adds
resolved entries to an existing file; `lockfile` records match decisions
(``bibnorm.lock``); `parallel` reads big files on every core.

May import: bibnorm.resolve, bibnorm.text and the ground (bibnorm.models,
bibnorm.identifiers, bibnorm.errors, bibnorm.config, bibnorm.io,
bibnorm.processes, bibnorm.safejson).
"""
