"""Hand-made records several test modules write out (each module keeps its own variants)."""

from __future__ import annotations

import re
from typing import Any

import bibtexparser
from bibnorm.models import Identifiers, PartialDate, Person, Reference

# The NeurIPS version of arXiv 1706.03762, with the fields a proceedings entry carries.
PUBLISHED = Reference(
    title="Attention Is All You Need",
    authors=(Person(given="Ashish", family="Vaswani"), Person(given="Noam", family="Shazeer")),
    issued=PartialDate(year=2017, month=12),
    entry_type="inproceedings",
    venue="Advances in Neural Information Processing Systems",
    volume="30",
    pages="5998-6008",
    publisher="Curran Associates, Inc.",
    ids=Identifiers(arxiv_id="1706.03762"),
    primary_class="cs.CL",
)

# An arXiv preprint with a particle, a suffix, a collaboration and a code link.
POINCARE = Reference(
    title="Poincaré ResNet",
    authors=(
        Person(given="Max", family="Spengler", particle="van"),
        Person(given="Martin Luther", family="King", suffix="Jr."),
        Person(literal="H1 Collaboration"),
    ),
    issued=PartialDate(year=2023, month=3),
    ids=Identifiers(arxiv_id="2303.14027"),
    code_links=("https://github.com/maxvanspengler/poincare-resnet",),
)
# A journal article with its DOI, volume, issue and pages.
JOURNAL_ARTICLE = Reference(
    title="Multi-Symmetry Ensembles",
    authors=(Person(given="Marin", family="Soljačić"),),
    issued=PartialDate(year=2024, month=1, day=5),
    entry_type="article",
    venue="Journal of Machine Learning Research",
    volume="25",
    number="3",
    pages="1--20",
    ids=Identifiers(arxiv_id="2303.02484", doi="10.5555/jmlr.2024.3"),
)

# Every escaping hazard we know: LaTeX, YAML, Markdown and hayagriva specials, math, non-ASCII names.
HAZARD = Reference(
    title="R&D at 50% of #1 with a_b: PanGu-π, ΔNeRF and $O(N \\log N)$ — “Quoted” {Braces} ~ ^ \\ $5",
    authors=(
        Person(given="Łukasz", family="Kaiser"),
        Person(given="Thị", family="Nguyễn"),
        Person(given="Antonín", family="Dvořák"),
        Person(given="Uğur", family="Şahin"),
        Person(given="Øyvind", family="Großmann"),
        Person(given="Martin Luther", family="King", suffix="Jr."),
        Person(given="Jan", family="Berg", particle="van der"),
        Person(literal="AI & Society Lab"),
    ),
    issued=PartialDate(year=2023, month=11),
    ids=Identifiers(arxiv_id="2311.00001"),
    primary_class="cs.LG",
    code_links=("https://github.com/org/repo_name#readme", "https://github.com/org/100%25"),
)


def entries_by_arxiv_id(text: str) -> dict[str, Any]:
    """A .bib text's entries by arXiv id: their ``eprint``, else the "arXiv:ID" of
    ``howpublished`` or ``note`` (bibnorm's default layout, where every style prints it)."""
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    return {_arxiv_id_of(entry): entry for entry in library.entries}


def _arxiv_id_of(entry: Any) -> str:
    fields = entry.fields_dict
    if "eprint" in fields:
        return str(fields["eprint"].value)
    written = " ".join(str(fields[name].value) for name in ("howpublished", "note") if name in fields)
    return re.findall(r"arXiv:([^\s,;]+)", written)[0]
