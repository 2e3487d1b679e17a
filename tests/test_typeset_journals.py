"""Journal papers typeset as journal articles by plain and IEEEtran.

The bugs: Nature papers printed "In Nature, 2015." as if conference papers, because a source
labelled them so, and the volume glued into the name ("In JMLR 24, 2023."). Here the records
come as the sources give them — dblp labelling LeCun, Bengio and Hinton's "Deep learning"
(Nature 521, 436–444, 2015, DOI 10.1038/nature14539) a conference paper next to Crossref's
journal article, and a record naming "JMLR 24" as a proceedings — go through the merge, the
normalization steps and the BibTeX writer, are typeset with the real ``bibtex`` and ``pdflatex``,
and the page is read back with ``pdftotext``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bibnorm.config import Settings
from bibnorm.models import Candidate, Identifiers, PartialDate, Person, Reference
from bibnorm.resolve.merge import merge_reference
from bibnorm.resolve.normalize import normalize_reference
from bibnorm.writers import WriterOptions, get_writer
from clients import PDFLATEX, need, run

pytestmark = pytest.mark.clients

LECUN = Reference(
    title="Deep learning",
    authors=(
        Person(given="Yann", family="LeCun"),
        Person(given="Yoshua", family="Bengio"),
        Person(given="Geoffrey", family="Hinton"),
    ),
    first_version=PartialDate(year=2015),
    entry_type="misc",
)


def _published(source: str, entry_type: str, venue: str, **fields: object) -> Candidate:
    record = LECUN.model_copy(
        update={
            "entry_type": entry_type,
            "venue": venue,
            "issued": PartialDate(year=2015, month=5, day=27),
            "ids": Identifiers(doi="10.1038/nature14539"),
            "provenance": {"entry_type": source, "venue": source},
            **fields,
        }
    )
    return Candidate(source=source, reference=record, by_identifier=True)


def nature_paper() -> Reference:
    dblp = _published("dblp", "inproceedings", "Nature")
    crossref = _published("crossref", "article", "Nature", volume="521", number="7553", pages="436-444")
    return normalize_reference(merge_reference(LECUN, [dblp, crossref], Settings()))


def jmlr_paper() -> Reference:
    s2 = Candidate(
        source="s2",
        by_identifier=True,
        reference=Reference(
            title="Scaling instruction-finetuned language models",
            authors=(Person(given="Hyung Won", family="Chung"), Person(given="Le", family="Hou")),
            issued=PartialDate(year=2024),
            entry_type="inproceedings",
            venue="JMLR 25",
            pages="1--53",
            provenance={"entry_type": "s2", "venue": "s2"},
        ),
    )  # arXiv 2210.11416, JMLR 25(70):1-53, 2024, as a source that glued the volume on might give it
    preprint = Reference(
        title="Scaling instruction-finetuned language models",
        authors=s2.reference.authors,
        first_version=PartialDate(year=2022, month=10),
        ids=Identifiers(arxiv_id="2210.11416"),
    )
    return normalize_reference(merge_reference(preprint, [s2], Settings()))


def test_the_records_become_journal_articles_without_the_volume_in_the_name() -> None:
    nature, jmlr = nature_paper(), jmlr_paper()
    assert (nature.entry_type, nature.venue, nature.volume, nature.number) == (
        "article",
        "Nature",
        "521",
        "7553",
    )
    assert (jmlr.entry_type, jmlr.venue, jmlr.volume) == ("article", "JMLR", "25")
    text = get_writer("bibtex").write(
        [("lecun2015deep", nature), ("chung2024scaling", jmlr)], WriterOptions()
    )
    assert "@article{lecun2015deep," in text and "@article{chung2024scaling," in text
    assert re.search(r"\n  journal +\= \{Journal of Machine Learning Research\},", text)


@pytest.mark.parametrize(
    ("style", "nature", "jmlr"),
    [
        pytest.param(
            "plain",
            "Deep learning. Nature, 521(7553):436–444, May 2015.",
            "Scaling instruction-finetuned language models. Journal of Machine Learning Research, "
            "25:1–53, 2024.",
            id="plain",
        ),
        pytest.param(
            "IEEEtran",
            # The publisher's DOI follows, once (bibnorm's default: in note, which every style prints),
            # and the JMLR paper's arXiv id, which has no DOI.
            "“Deep learning,” Nature, vol. 521, no. 7553, pp. 436–444, May 2015, doi: 10.1038/nature14539.",
            "“Scaling instruction-finetuned language models,” Journal of Machine Learning Research, vol. 25, "
            "pp. 1–53, 2024, arXiv:2210.11416.",
            id="IEEEtran",
        ),
    ],
)
def test_plain_and_ieeetran_print_journal_articles_not_in_nature(
    tmp_path: Path, style: str, nature: str, jmlr: str
) -> None:
    need("pdflatex", "bibtex", "pdftotext")
    references = [("lecun2015deep", nature_paper()), ("chung2024scaling", jmlr_paper())]
    (tmp_path / "refs.bib").write_text(
        get_writer("bibtex").write(references, WriterOptions()), encoding="utf-8"
    )
    (tmp_path / "doc.tex").write_text(
        # OT1 with pdfTeX's glyph-to-Unicode table, so pdftotext reads dashes and ligatures back as
        # characters; one wide page, so no line break splits an entry.
        "\\documentclass{article}\n\\input{glyphtounicode}\\pdfgentounicode=1\n"
        "\\usepackage[paperwidth=90cm,paperheight=60cm,margin=1cm]{geometry}\n\\usepackage{url}\n"
        "\\begin{document}\n\\nocite{*}\n"
        f"\\bibliographystyle{{{style}}}\n\\bibliography{{refs}}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    run(PDFLATEX, tmp_path, timeout=60)
    assert run(["bibtex", "doc"], tmp_path, timeout=60).returncode == 0
    run(PDFLATEX, tmp_path, timeout=60)
    assert run(PDFLATEX, tmp_path, timeout=60).returncode == 0
    page = " ".join(run(["pdftotext", "doc.pdf", "-"], tmp_path, timeout=60).stdout.split())

    assert nature in page
    assert jmlr in page
    assert not re.search(r"\bIn (Nature|JMLR|Journal of Machine Learning Research)\b", page, re.IGNORECASE)
    assert "JMLR 25" not in page
