"""Text rules: what a title, a name, a link or a venue is, independent of any source.

Owns cleaning of titles and abstracts (LaTeX and math to Unicode, `clean`; TeX math,
`tex_math`), title keys and title comparison (`titles`), which words keep their capitals
(`capitals`; its words and evidence in `capitals_words`, its reading of prose in
`capitals_prose`), person names
(`names`), code links (`links`), the venue table (`venues`, data in
``normalizer/data/venues.json``), journals by name and abbreviation (`journals`, data in
``normalizer/data/journals.tsv.gz``), the book series proceedings appear in (`series`, data
in ``normalizer/data/series.json``), the names of the months (`months`, data in
``normalizer/data/months.json``) and the word tables (`word_tables`: name particles, reference
headings, kinds of work, abbreviations, minor words, venue words…: one data file each). Pure functions;
the only I/O is reading the bundled data files (`data_file`).

May import: the ground (bibnorm.models, bibnorm.identifiers, bibnorm.errors,
bibnorm.config, bibnorm.io, bibnorm.processes, bibnorm.safejson).
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def data_file(name: str) -> Traversable:
    """A data file bundled with bibnorm (``normalizer/data/<name>``, installed as ``bibnorm/data``)."""
    return resources.files("bibnorm").joinpath("data", name)
