"""A whole venue at once: ``bibnorm verify CORPUS --out DIR`` and ``bibnorm resolve CORPUS --out
DIR`` over thousands of documents.

`documents` finds a corpus's documents (a folder, a glob, a CSV or JSON Lines manifest) and
hashes their content; `jobs` is the task every engine runs, for any command's job, with what a
worker keeps open across documents; `verifying` verifies one document and `resolving` resolves
one (each command's job); `engines` runs documents serially, on local worker processes or on a
Dask cluster, all giving the same lines; `store` is the results folder (sharded JSON Lines keyed
by content hash and decision version: a stopped run resumes, a re-run checks only what changed);
`summary` writes ``summary.csv``, ``summary.html``, one page per document and the job's files
(resolve's ``.bib``); `run` ties them together.

May import: bibnorm.sources, bibnorm.verify, bibnorm.latex, bibnorm.resolvers, bibnorm.readers,
bibnorm.writers, bibnorm.bib, bibnorm.resolve, bibnorm.text and the ground
(bibnorm.models, bibnorm.identifiers, bibnorm.errors, bibnorm.config,
bibnorm.io, bibnorm.processes, bibnorm.safejson).
"""
