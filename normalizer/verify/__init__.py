"""``bibnorm verify``: is every reference a real work, cited faithfully?

`judge` compares what a paper's entry claims with what the sources hold and gives the verdict
and its findings (pure); `kinds` says what kind of work an entry cites and judges the kinds
that are not papers (books, theses, software, datasets, standards, web pages) by their own
rules; `notices` reports retractions, corrections and arXiv withdrawals; `verdicts` gives one
entry's verdict through them; `codes` registers every finding code; `audit` compares a LaTeX
draft's citations with its bibliography; `reading` makes claims from the inputs that are not
BibTeX (anything ``resolve`` reads); `sources` asks the sources, batched, for what the claims
need; `html` writes the ``--html`` report; `run` ties them together for one or more files.

May import: bibnorm.sources, bibnorm.resolvers, bibnorm.readers, bibnorm.writers, bibnorm.bib,
bibnorm.resolve, bibnorm.text and the ground (bibnorm.models, bibnorm.identifiers,
bibnorm.errors, bibnorm.config, bibnorm.io, bibnorm.processes, bibnorm.safejson).
"""
