"""Names typeset by real BibTeX and biber keep their hyphens, for authors and editors.

BibTeX splits the words of a name at hyphens as well as at spaces, and takes a piece that starts
in lower case for a particle ("von" part): ``d'Alch{\\'e}-Buc, Florence`` prints "Florence
d'Alché Buc" in plain, plainnat and every style built the same way (two NeurIPS editors a review
saw). The writer braces such hyphens as dblp writes them; the entries are typeset and read back
with ``pdftotext`` (`clients.typeset_bibtex`). Other hyphenated names are written as they were,
so abbreviating styles keep "J.-B.".
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from bibnorm.models import PartialDate, Person, Reference
from bibnorm.writers import WriterOptions, get_writer
from clients import flat, typeset_biblatex, typeset_bibtex

pytestmark = pytest.mark.clients

D_ALCHE_BUC = Person(given="Florence", family="d'Alché-Buc")  # as Crossref and arXiv give her name
EDITED = Reference(
    title="Fast Transformers",
    authors=(D_ALCHE_BUC, Person(given="Lluis", family="Gomez-Bigorda")),
    editors=(
        Person(given="Hanna", family="Wallach"),
        Person(given="Florence", family="Alché-Buc", particle="d'"),  # as a particle-aware source splits it
        Person(given="Jean-Baptiste", family="Alayrac"),
    ),
    issued=PartialDate(year=2019),
    entry_type="inproceedings",
    venue="Advances in Neural Information Processing Systems",
    pages="1--10",
)


FULL = (
    "Florence d'Alché-Buc and Lluis Gomez-Bigorda",
    "Hanna Wallach, Florence d'Alché-Buc, and Jean-Baptiste Alayrac, editors",
)
ABBREVIATED = (
    "F. d'Alché-Buc and L. Gomez-Bigorda",
    "H. Wallach, F. d'Alché-Buc, and J.-B. Alayrac, editors",
)


@pytest.mark.parametrize(
    ("style", "names"),
    [
        pytest.param("plain", FULL, id="plain"),
        pytest.param("plainnat", FULL, id="plainnat"),
        pytest.param("abbrv", ABBREVIATED, id="abbrv"),
    ],
)
def test_bibtex_styles_keep_hyphenated_names_whole(
    tmp_path: Path, style: str, names: tuple[str, ...]
) -> None:
    text = _composed(
        typeset_bibtex(tmp_path, get_writer("bibtex").write([("k", EDITED)], WriterOptions()), style)
    )
    assert [name for name in names if flat(name) not in text] == [], text


def test_biblatex_keeps_hyphenated_names_whole(tmp_path: Path) -> None:
    bib = get_writer("biblatex").write([("k", EDITED)], WriterOptions())
    text = _composed(typeset_biblatex(tmp_path, bib, "numeric"))
    names = (
        "Florence d'Alché-Buc and Lluis Gomez-Bigorda",
        "Ed. by Hanna Wallach, Florence d'Alché-Buc, and Jean-Baptiste Alayrac",
    )
    assert [name for name in names if flat(name) not in text] == [], text


def _composed(text: str) -> str:
    """pdftotext's text with accents composed ("é" as one character, as the names are written)."""
    return unicodedata.normalize("NFC", text)
