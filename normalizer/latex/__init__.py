"""The LaTeX workflow (``bibnorm tex``): a draft's citations in, its completed ``.bib`` out.

`texflow` plans which cited keys are missing, merges the new entries after the untouched
original text, and refreshes preprints that have been published. Reading ``.tex``,
``.aux`` and ``.bcf`` files is `bibnorm.readers.latex`'s.

May import: bibnorm.sources, bibnorm.resolvers, bibnorm.readers, bibnorm.writers, bibnorm.bib,
bibnorm.resolve, bibnorm.text and the ground (bibnorm.models, bibnorm.identifiers,
bibnorm.errors, bibnorm.config, bibnorm.io, bibnorm.processes, bibnorm.safejson).
"""
