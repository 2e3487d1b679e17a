"""The LaTeX workflow (``bibnorm tex``): a draft's citations in, its completed ``.bib`` out.

`texflow` plans which cited keys are missing, merges the new entries after the untouched
original text, and refreshes preprints that have been published. Reading ``.tex``,
``.aux`` and ``.bcf`` files is `normalizer.readers.latex`'s.

May import: resolvers, normalizer.readers, normalizer.writers, normalizer.bib,
normalizer.resolve, normalizer.text and the ground (normalizer.models, normalizer.identifiers,
normalizer.errors, normalizer.config, normalizer.io, normalizer.processes, normalizer.safejson).
"""
