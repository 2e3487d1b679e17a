"""Tools for assistants: what ``bibnorm mcp`` serves over the Model Context Protocol.

`tools` holds the tools as plain functions over the library (look up one reference, resolve
many, verify a bibliography, check and format BibTeX): bounded inputs, read-only, each result a
JSON-ready dict, trouble a `tools.ToolInputError` with one line; they resolve and write through
`bibnorm.api` over sources `bibnorm.sources` opens, and the settings, verify's session, the
layout and the check settings come in an `tools.AssistConfig` that ``bibnorm mcp`` builds.
`server` declares them once (`server.TOOLS`) and binds them to the ``mcp`` SDK (an optional
extra, imported only there).

May import: bibnorm.api, bibnorm.corpus, bibnorm.latex, bibnorm.verify, bibnorm.sources,
bibnorm.resolvers, bibnorm.readers, bibnorm.writers, bibnorm.bib, bibnorm.resolve, bibnorm.text and
the ground (bibnorm.models, bibnorm.identifiers, bibnorm.errors, bibnorm.config, bibnorm.io,
bibnorm.processes, bibnorm.safejson).
"""
