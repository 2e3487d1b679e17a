"""The drafts workflow (``bibnorm tex``): a draft's citations in, its completed bibliography out.

`texflow` plans which cited keys are missing, merges the new entries into the untouched
existing ones, and refreshes preprints that have been published; `libraries` knows the
bibliography formats (BibTeX, CSL-JSON, CSL YAML, Hayagriva): their keys, and how new entries
join each. Reading the drafts (LaTeX, Markdown, notebooks, Typst) is `bibnorm.readers.drafts`'s.

May import: bibnorm.sources, bibnorm.resolvers, bibnorm.readers, bibnorm.writers, bibnorm.bib,
bibnorm.resolve, bibnorm.text and the ground (bibnorm.models, bibnorm.identifiers,
bibnorm.errors, bibnorm.config, bibnorm.io, bibnorm.processes, bibnorm.safejson).
"""
