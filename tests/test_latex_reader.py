"""bibnorm.readers.latex: which keys a LaTeX document cites, where, and its .bib files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from bibnorm.errors import InputError
from bibnorm.readers.latex import read_document, scan_aux, scan_bcf, scan_tex

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "latex"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(r"\cite{a}", [("a", 1)], id="cite"),
        pytest.param(
            r"\citep{a} \citet{b} \citealp{c} \citealt{d}",
            [("a", 1), ("b", 1), ("c", 1), ("d", 1)],
            id="natbib",
        ),
        pytest.param(
            r"\citeauthor{a}\citeyear{b}\citeyearpar{c}\citenum{d}",
            [("a", 1), ("b", 1), ("c", 1), ("d", 1)],
            id="natbib-parts",
        ),
        # REVTeX's in-line citation (revtex4-2's author guide), as APS and AIP papers print "Ref."
        pytest.param(r"as in Ref.~\onlinecite{a,b}", [("a", 1), ("b", 1)], id="revtex-onlinecite"),
        pytest.param(
            r"\Citep{a} \Citet{b} \Textcite{c} \Parencite{d}",
            [("a", 1), ("b", 1), ("c", 1), ("d", 1)],
            id="capitalised",
        ),
        pytest.param(
            r"\parencite{a}\textcite{b}\autocite{c}\footcite{d}\fullcite{e}\smartcite{f}",
            [("a", 1), ("b", 1), ("c", 1), ("d", 1), ("e", 1), ("f", 1)],
            id="biblatex",
        ),
        pytest.param(
            r"\citep*{a} \parencite*{b} \textcite*{c}", [("a", 1), ("b", 1), ("c", 1)], id="starred"
        ),
        pytest.param(r"\citep[p.~3]{a}", [("a", 1)], id="one-optional"),
        pytest.param(r"\citep[see][p.~3]{arXiv:2103.14030}", [("arXiv:2103.14030", 1)], id="two-optionals"),
        pytest.param(r"\citep [see] [chap. 2] {a}", [("a", 1)], id="spaces-between-arguments"),
        pytest.param(r"\citep[{see [x]}][]{a}", [("a", 1)], id="bracket-inside-braces-in-optional"),
        pytest.param(
            r"\cite{a, b,c ,  d}", [("a", 1), ("b", 1), ("c", 1), ("d", 1)], id="several-keys-with-spaces"
        ),
        pytest.param("\\cite{a,\n  b}", [("a", 1), ("b", 2)], id="keys-on-two-lines"),
        pytest.param("\\cite{a,}", [("a", 1)], id="trailing-comma"),
        pytest.param(r"\cites{a}{b}", [("a", 1), ("b", 1)], id="cites"),
        pytest.param(
            r"\parencites(pre)(post)[see][4]{a,b}[5]{c} and",
            [("a", 1), ("b", 1), ("c", 1)],
            id="parencites-with-notes",
        ),
        pytest.param(
            r"\textcites{a}[p.~2]{b}. \cite{c}", [("a", 1), ("b", 1), ("c", 1)], id="cites-ends-at-text"
        ),
        pytest.param(r"\nocite{a,b}", [("a", 1), ("b", 1)], id="nocite"),
        pytest.param(r"\nocite{*}", [], id="nocite-all-is-not-a-key"),
        pytest.param(r"\cite{1206.5538} % \cite{gone}", [("1206.5538", 1)], id="comment-ignored"),
        pytest.param(r"50\% \cite{a}", [("a", 1)], id="escaped-percent-is-text"),
        pytest.param(r"\\% \cite{gone}", [], id="linebreak-then-comment"),
        pytest.param("% \\cite{gone}\n\\cite{b}", [("b", 2)], id="comment-line"),
        pytest.param(
            r"\citetext{not a key} \citestyle{plain} \bibliographystyle{x}", [], id="not-citation-commands"
        ),
        pytest.param(r"\newcommand{\mycite}[1]{\cite{#1}}", [], id="macro-parameter-is-not-a-key"),
        pytest.param(
            r"\cite{doi:10.1109/CVPR52688.2022.01167}",
            [("doi:10.1109/CVPR52688.2022.01167", 1)],
            id="doi-key",
        ),
        pytest.param(r"\cite", [], id="no-argument"),
        pytest.param(r"\cite{a", [], id="unclosed-group"),
        # what LaTeX typesets verbatim or skips cites nothing; a commented-out opening opens nothing
        pytest.param(
            "\\cite{a}\n\\begin{verbatim}\n\\cite{v}\n\\end{verbatim}\n\\verb|\\cite{w}| \\cite{b}\n"
            "\\iffalse\n\\cite{x}\n\\fi\n\\begin{comment}\n\\cite{y}\n\\end{comment}\n"
            "% \\begin{comment}\n\\begin{lstlisting}[language=TeX]\n\\cite{z}\n\\end{lstlisting}\n\\cite{c}",
            [("a", 1), ("b", 5), ("c", 16)],
            id="verbatim-comment-iffalse",
        ),
        pytest.param("\\begin{comment}\n\\cite{x}", [], id="an-environment-left-open"),
        pytest.param("\\verb|\\cite{x}\n\\cite{a}", [("a", 2)], id="a-verb-left-open-ends-with-its-line"),
    ],
)
def test_scan_tex_finds_cited_keys_with_lines(text: str, expected: list[tuple[str, int]]) -> None:
    assert list(scan_tex(text).citations) == expected


@pytest.mark.parametrize(
    ("text", "nocite_all"),
    [
        pytest.param(r"\nocite{*}", True, id="nocite-star"),
        pytest.param(r"\nocite{a, *}", True, id="star-among-keys"),
        pytest.param(r"% \nocite{*}", False, id="commented-out"),
        pytest.param(r"\cite{a}", False, id="plain-cite"),
    ],
)
def test_scan_tex_nocite_all(text: str, nocite_all: bool) -> None:
    assert scan_tex(text).nocite_all is nocite_all


@pytest.mark.parametrize(
    ("text", "bibliographies", "biblatex"),
    [
        pytest.param(r"\bibliography{refs}", ("refs.bib",), False, id="bibliography-adds-suffix"),
        pytest.param(
            r"\bibliography{refs, more.bib}", ("refs.bib", "more.bib"), False, id="bibliography-list"
        ),
        pytest.param(r"\addbibresource{x.bib}", ("x.bib",), True, id="addbibresource"),
        pytest.param(
            r"\addbibresource[location=local]{x.bib}", ("x.bib",), True, id="addbibresource-options"
        ),
        pytest.param(
            r"\addbibresource[location=remote]{https://e.org/a.bib}", (), True, id="remote-resource-skipped"
        ),
        pytest.param(r"\addglobalbib{g.bib}", ("g.bib",), True, id="addglobalbib"),
        pytest.param(r"% \bibliography{old}", (), False, id="commented-out"),
    ],
)
def test_scan_tex_bibliographies(text: str, bibliographies: tuple[str, ...], biblatex: bool) -> None:
    scan = scan_tex(text)
    assert scan.bibliographies == bibliographies
    assert scan.biblatex is biblatex


@pytest.mark.parametrize(
    ("text", "style"),
    [
        pytest.param(r"\bibliographystyle{plainnat}", "plainnat", id="bibliographystyle"),
        pytest.param(r"\bibliographystyle{ IEEEtran }", "IEEEtran", id="spaces-trimmed"),
        pytest.param(
            "% \\bibliographystyle{abbrv}\n\\bibliographystyle{splncs04}", "splncs04", id="comment-skipped"
        ),
        pytest.param(r"\bibliographystyle{plain}\bibliographystyle{abbrv}", "plain", id="the-first"),
        pytest.param(
            r"\usepackage[backend=biber, style=authoryear]{biblatex}", "authoryear", id="biblatex-style"
        ),
        pytest.param(
            r"\usepackage[style=ieee,bibstyle=numeric]{biblatex}", "numeric", id="biblatex-bibstyle"
        ),
        pytest.param(r"\usepackage[style=apa]{natbib-like}", None, id="another-package"),
        pytest.param(r"\usepackage[style=apa", None, id="unclosed-options"),
        pytest.param(r"\bibliographystyle", None, id="no-argument"),
        pytest.param(r"\bibliography{refs}", None, id="none-named"),
    ],
)
def test_scan_tex_bibliography_style(text: str, style: str | None) -> None:
    assert scan_tex(text).style == style


def test_the_style_comes_from_the_aux_too() -> None:
    assert scan_aux(BIBTEX_AUX).style == "plainnat"
    assert read_document(FIXTURES / "main.tex").bibliography_style == "plainnat"


@pytest.mark.parametrize(
    ("text", "inputs"),
    [
        pytest.param(r"\input{chapters/intro}", [("chapters/intro", 1)], id="input"),
        pytest.param(r"\include{chap1}", [("chap1", 1)], id="include"),
        pytest.param("x\n\\input chapters/intro\n", [("chapters/intro", 2)], id="input-without-braces"),
        pytest.param(r"\input{a.tex}\subfile{b}", [("a.tex", 1), ("b", 1)], id="suffix-and-subfile"),
        pytest.param(r"% \input{gone}", [], id="commented-out"),
        pytest.param(r"\includegraphics{fig}\includeonly{a}", [], id="not-inputs"),
    ],
)
def test_scan_tex_inputs(text: str, inputs: list[tuple[str, int]]) -> None:
    assert list(scan_tex(text).inputs) == inputs


# Lines as pdflatex 2024 wrote them (natbib + \bibliography).
BIBTEX_AUX = r"""\relax
\citation{known,arXiv:2304.01663}
\citation{*}
\bibstyle{plainnat}
\bibdata{refs,more}
\@input{chap1.aux}
\gdef \@abspage@last{1}
"""

# Lines as pdflatex + biblatex 3.18b wrote them for
# \cite{known} \parencite[p.~3]{arXiv:2304.01663,missing} \nocite{*}.
BIBLATEX_AUX = r"""\relax
\abx@aux@refcontext{nty/global//global/global}
\abx@aux@cite{0}{known}
\abx@aux@segm{0}{0}{known}
\abx@aux@cite{0}{arXiv:2304.01663}
\abx@aux@segm{0}{0}{arXiv:2304.01663}
\abx@aux@cite{0}{missing}
\abx@aux@segm{0}{0}{missing}
\abx@aux@nociteall
\abx@aux@read@bbl@mdfivesum{nohash}
"""


def test_scan_aux_bibtex() -> None:
    scan = scan_aux(BIBTEX_AUX)
    assert scan.citations == (("known", 2), ("arXiv:2304.01663", 2))
    assert scan.bibliographies == ("refs.bib", "more.bib")
    assert scan.inputs == (("chap1.aux", 6),)
    assert scan.nocite_all is True
    assert scan.biblatex is False


def test_scan_aux_biblatex() -> None:
    scan = scan_aux(BIBLATEX_AUX)
    assert scan.citations == (("known", 3), ("arXiv:2304.01663", 5), ("missing", 7))
    assert scan.bibliographies == ()
    assert scan.nocite_all is True
    assert scan.biblatex is True


def test_scan_aux_old_biblatex_single_argument() -> None:
    assert scan_aux(r"\abx@aux@cite{key}").citations == (("key", 1),)


def test_scan_bcf_lists_bibtex_datasources_in_order() -> None:
    bcf = """<?xml version="1.0" encoding="UTF-8"?>
<bcf:controlfile version="3.9" xmlns:bcf="https://sourceforge.net/projects/biblatex">
  <bcf:bibdata section="0">
    <bcf:datasource type="file" datatype="bibtex" glob="false">refs.bib</bcf:datasource>
    <bcf:datasource type="file" datatype="bibtex" glob="false">other.bib</bcf:datasource>
  </bcf:bibdata>
</bcf:controlfile>
"""
    assert scan_bcf(bcf) == ("refs.bib", "other.bib")
    assert scan_bcf("not xml <") == ()


def _keys(document_citations: object) -> list[tuple[str, list[str]]]:
    return [(c.key, [str(o) for o in c.origins]) for c in document_citations]  # type: ignore[attr-defined]


def test_read_document_follows_inputs_of_the_natbib_fixture() -> None:
    document = read_document(FIXTURES / "main.tex")
    main, intro = str(FIXTURES / "main.tex"), str(FIXTURES / "chapters" / "intro.tex")
    assert _keys(document.citations) == [
        ("arXiv:2304.01663v1", [f"{main}:6"]),
        ("1206.5538", [f"{main}:8", f"{intro}:4"]),
        ("vaswani2017attention", [f"{main}:9", f"{intro}:3"]),
        ("smith2099unknown", [f"{main}:13"]),
        ("doi:10.1038/s42256-024-00832-8", [f"{main}:14"]),
        ("2201.13027", [f"{intro}:2"]),
    ]
    assert document.bibliographies == (FIXTURES / "refs.bib",)
    assert document.files == (FIXTURES / "main.tex", FIXTURES / "chapters" / "intro.tex")
    assert document.biblatex is False
    assert document.warnings == ()


def test_read_document_biblatex_fixture() -> None:
    document = read_document(FIXTURES / "main-biblatex.tex")
    assert [c.key for c in document.citations] == [
        "arXiv:2304.01663v1",
        "1206.5538",
        "vaswani2017attention",
        "2201.13027",
        "smith2099unknown",
    ]
    assert document.bibliographies == (FIXTURES / "refs-biblatex.bib",)
    assert document.biblatex is True


def test_read_document_is_cycle_safe_and_relative_to_the_main_folder(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "main.tex").write_text("\\input{sub/a}\n\\bibliography{refs}\n")
    (tmp_path / "sub" / "a.tex").write_text("\\cite{x}\n\\input{sub/b.tex}\n")
    (tmp_path / "sub" / "b.tex").write_text("\n\\cite{y}\\input{main}\\input{sub/a}\n")
    document = read_document(tmp_path / "main.tex")
    assert _keys(document.citations) == [
        ("x", [f"{tmp_path}/sub/a.tex:1"]),
        ("y", [f"{tmp_path}/sub/b.tex:2"]),
    ]
    assert len(document.files) == 3


def test_read_document_reports_a_missing_input_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "main.tex").write_text("\\cite{a}\n\\input{nowhere}\n\\cite{b}\n")
    document = read_document(tmp_path / "main.tex")
    assert [c.key for c in document.citations] == ["a", "b"]
    assert document.warnings == (f"{tmp_path}/main.tex:2: cannot find input file 'nowhere'",)


def test_read_document_main_suffix_optional(tmp_path: Path) -> None:
    (tmp_path / "paper.tex").write_text("\\cite{a}")
    assert [c.key for c in read_document(tmp_path / "paper").citations] == ["a"]


def test_read_document_missing_main_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "absent.tex")


def test_read_aux_takes_keys_from_aux_and_locations_from_the_tex(tmp_path: Path) -> None:
    (tmp_path / "paper.tex").write_text("x\n\\include{chap}\n\\bibliography{refs}\n")
    (tmp_path / "chap.tex").write_text("\\citep{b}\n\n\\cite{a}\n")
    (tmp_path / "paper.aux").write_text("\\relax\n\\bibdata{refs}\n\\@input{chap.aux}\n")
    (tmp_path / "chap.aux").write_text("\\relax\n\\citation{b}\n\\citation{a}\n\\citation{onlyinaux}\n")
    document = read_document(tmp_path / "paper.aux")
    assert _keys(document.citations) == [
        ("b", [f"{tmp_path}/chap.tex:1"]),
        ("a", [f"{tmp_path}/chap.tex:3"]),
        ("onlyinaux", [f"{tmp_path}/chap.aux:4"]),
    ]
    assert document.bibliographies == (tmp_path / "refs.bib",)


def test_revtex_s_own_notes_file_is_never_the_first_bibliography(tmp_path: Path) -> None:
    # what pdflatex writes for a revtex4-2 paper (github:3He-NSF/3HeNSF_2DPSD_paper's main.aux):
    # its footnotes' file first, which the next run writes anew, then the author's
    (tmp_path / "main.aux").write_text(
        "\\relax \n\\citation{kept2020}\n\\bibdata{mainNotes,ref}\n\\bibstyle{apsrev4-2}\n"
        "\\citation{REVTEX42Control}\n\\citation{apsrev42Control}\n"
    )
    document = read_document(tmp_path / "main.aux")
    assert document.bibliographies == (tmp_path / "ref.bib", tmp_path / "mainNotes.bib")


def test_a_notes_file_of_another_name_keeps_its_place(tmp_path: Path) -> None:
    (tmp_path / "main.aux").write_text("\\relax \n\\citation{a}\n\\bibdata{fieldNotes,ref}\n")
    document = read_document(tmp_path / "main.aux")
    assert document.bibliographies == (tmp_path / "fieldNotes.bib", tmp_path / "ref.bib")


def test_read_biblatex_aux_takes_resources_from_the_bcf(tmp_path: Path) -> None:
    (tmp_path / "paper.aux").write_text(BIBLATEX_AUX)
    (tmp_path / "paper.bcf").write_text(
        '<bcf:controlfile xmlns:bcf="https://sourceforge.net/projects/biblatex"><bcf:bibdata section="0">'
        '<bcf:datasource type="file" datatype="bibtex">lib/refs.bib</bcf:datasource>'
        "</bcf:bibdata></bcf:controlfile>"
    )
    document = read_document(tmp_path / "paper.aux")
    assert document.bibliographies == (tmp_path / "lib" / "refs.bib",)
    assert document.biblatex is True
    assert document.nocite_all is True
    assert [c.key for c in document.citations] == ["known", "arXiv:2304.01663", "missing"]


def test_each_bibliography_keeps_its_name_as_written_and_the_file_naming_it(tmp_path: Path) -> None:
    (tmp_path / "chapters").mkdir()
    (tmp_path / "main.tex").write_text("\\input{chapters/back}\n\\bibliography{refs,../up}\n")
    (tmp_path / "chapters" / "back.tex").write_text("\\addbibresource{/abs/x.sh}\n")
    document = read_document(tmp_path / "main.tex")
    assert [(r.name, r.path, r.named_in) for r in document.resources] == [
        ("refs.bib", tmp_path / "refs.bib", tmp_path / "main.tex"),
        ("../up.bib", tmp_path.parent / "up.bib", tmp_path / "main.tex"),
        ("/abs/x.sh", Path("/abs/x.sh"), tmp_path / "chapters" / "back.tex"),
    ]
    assert document.bibliographies == tuple(r.path for r in document.resources)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\\begin{verbatim}" * 30_000, id="open-environments"),
        pytest.param("\\verb|" * 50_000 + "\n\\cite{a}" * 1_000, id="open-verbs-on-one-line"),
        pytest.param("\\verb|a|" * 50_000, id="closed-verbs"),
        pytest.param("\\iffalse" * 30_000 + "\\fi" * 30_000, id="iffalse-runs"),
    ],
)
def test_hostile_text_is_blanked_in_linear_time(text: str) -> None:
    started = time.thread_time()  # CPU time: a loaded machine's waits are no slowness of the reader's
    scan_tex(text)
    assert time.thread_time() - started < 1.5
