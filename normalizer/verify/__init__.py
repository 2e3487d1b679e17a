"""``bibnorm verify``: is every reference a real paper, cited faithfully?

`judge` compares what an entry claims with what the sources hold and gives the verdict
and its findings (pure); `sources` asks the sources, batched, for what the claims need;
`run` ties the two together for one or more files.

May import: resolvers, normalizer.readers, normalizer.writers, normalizer.bib,
normalizer.resolve, normalizer.text and the ground (normalizer.models, normalizer.identifiers,
normalizer.errors, normalizer.config, normalizer.io, normalizer.processes, normalizer.safejson).
"""
