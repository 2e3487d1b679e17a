"""Text rules: what a title, a name, a link or a venue is, independent of any source.

Owns cleaning of titles and abstracts (LaTeX and math to Unicode, `clean`), title keys and
title comparison (`titles`), which words keep their capitals (`capitals`), person names
(`names`), code links (`links`), the venue table (`venues`, data in
``normalizer/data/venues.json``), journals by name and abbreviation (`journals`, data in
``normalizer/data/journals.tsv.gz``) and the book series proceedings appear in (`series`, data
in ``normalizer/data/series.json``). Pure functions; the only I/O is reading the bundled
data files.

May import: the ground (bibnorm.models, bibnorm.identifiers, bibnorm.errors,
bibnorm.config, bibnorm.io, bibnorm.processes, bibnorm.safejson).
"""
