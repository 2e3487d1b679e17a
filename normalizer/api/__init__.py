"""The public Python API: what ``import bibnorm`` offers, and what every command calls.

Each function takes its inputs, its `Settings` and its opened sources explicitly, prints
nothing, reports progress through the `Progress` interface and returns pydantic models; the CLI is
a thin layer over it (options → settings → one call → output and exit code). ``bibnorm``'s
top-level names (``bibnorm.resolve`` …) are these functions, imported when first used so that
``bibnorm --help`` does not pay for them.

May import: bibnorm.corpus, bibnorm.latex, bibnorm.verify, bibnorm.sources,
bibnorm.resolvers, bibnorm.readers, bibnorm.writers, bibnorm.bib, bibnorm.resolve,
bibnorm.text and the ground (bibnorm.models, bibnorm.identifiers, bibnorm.errors,
bibnorm.config, bibnorm.io, bibnorm.processes, bibnorm.safejson).
"""
