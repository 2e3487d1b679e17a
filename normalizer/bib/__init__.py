"""Existing ``.bib`` files: parsing and the canonical layout, checks, fixes, merging, the lockfile.

`bibtex_scan` reads a file as BibTeX 0.99d does (its commands, fields and errors);
`bibfile` reads a file into blocks (failed blocks kept verbatim) and renders the
canonical layout of ``bibnorm format``; `checks` holds the findings of ``bibnorm check``,
one module per code family; `fix` the safe fixes of ``bibnorm fix``; `merge` adds
resolved entries to an existing file; `lockfile` records match decisions
(``bibnorm.lock``); `parallel` reads big files on every core.

May import: bibnorm.resolve, bibnorm.text and the ground (bibnorm.models,
bibnorm.identifiers, bibnorm.errors, bibnorm.config, bibnorm.io,
bibnorm.processes, bibnorm.safejson).
"""
