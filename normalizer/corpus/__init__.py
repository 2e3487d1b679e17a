"""A whole venue at once: ``bibnorm verify CORPUS --out DIR`` over thousands of documents.

`documents` finds a corpus's documents (a folder, a glob, a CSV or JSON Lines manifest) and
hashes their content; `verifying` verifies one document, with the sources a worker keeps open
across documents; `engines` runs documents serially, on local worker processes or on a Dask
cluster, all giving the same lines; `store` is the results folder (sharded JSON Lines keyed by
content hash and decision version: a stopped run resumes, a re-run checks only what changed);
`summary` writes ``summary.csv``, ``summary.html`` and one page per document; `run` ties them
together.

May import: bibnorm.sources, bibnorm.verify, bibnorm.latex, bibnorm.resolvers, bibnorm.readers,
bibnorm.writers, bibnorm.bib, bibnorm.resolve, bibnorm.text and the ground
(bibnorm.models, bibnorm.identifiers, bibnorm.errors, bibnorm.config,
bibnorm.io, bibnorm.processes, bibnorm.safejson).
"""
