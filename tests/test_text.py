"""Specification of bibnorm.text.clean: source titles and names to plain Unicode, once."""

from __future__ import annotations

import subprocess
import sys

import pytest
from bibnorm.models import Person, Reference
from bibnorm.text.clean import (
    clean_plain,
    clean_reference,
    clean_title,
    math_to_rich_text,
    math_to_unicode,
)
from bibnorm.text.tex_math import rich_text_to_plain


@pytest.mark.parametrize(
    ("source", "clean"),
    [
        # TeX the reviews saw printed literally by styles.
        pytest.param(r"Pruning 5\% of the Tokens", "Pruning 5% of the Tokens", id="escaped-percent"),
        pytest.param("Scaling to about~5 Billion", "Scaling to about 5 Billion", id="tie"),
        pytest.param(r"PanGu-$\pi$: Enhancing", "PanGu-π: Enhancing", id="math-symbol"),
        pytest.param("BT^2: Backward-compatible", "BT²: Backward-compatible", id="bare-superscript"),
        pytest.param(r"BT$^2$: Backward-compatible", "BT²: Backward-compatible", id="math-superscript"),
        pytest.param(r"M{\"u}ller's {BERT}", "Müller's BERT", id="accent-and-braces"),
        pytest.param(r"Q\&A over Tables", "Q&A over Tables", id="escaped-ampersand"),
        pytest.param(r"An $\mathcal{O}$ Bound", "An 𝒪 Bound", id="alphabet"),
        pytest.param(r"Learning Rates $\geq 5\%$", "Learning Rates ≥ 5%", id="symbols-only-math"),
        pytest.param("Rates of 10^{-3}", "Rates of 10⁻³", id="braced-superscript"),
        pytest.param(r"Fast $k$-means", "Fast $k$-means", id="variable-stays-math"),
        pytest.param(r"An $O(n^2)$ Bound", "An $O(n^2)$ Bound", id="structure-stays-math"),
        pytest.param(r"On $\text{Ro}$-$\boldsymbol{x}$", r"On Ro-$\mathbf{x}$", id="amsmath-to-kernel"),
        pytest.param("Plain Unicode title: Über", "Plain Unicode title: Über", id="already-clean"),
        pytest.param("  Many\n spaces ", "Many spaces", id="whitespace"),
        pytest.param(
            '"Why Should I Trust You?": Explaining', "“Why Should I Trust You?”: Explaining", id="quotes"
        ),
        pytest.param('A 12" Record', 'A 12" Record', id="unpaired-quote-kept"),
        # The TeX family's logos are words of the title, not commands to drop.
        pytest.param(r"{\TeX}: The Program", "TeX: The Program", id="tex-logo"),
        pytest.param(r"The {\LaTeX} Companion", "The LaTeX Companion", id="latex-logo"),
        pytest.param(r"The {\TeX}book", "The TeXbook", id="logo-inside-a-word"),
        pytest.param(r"\LaTeXe\ for Authors", "LaTeX2ε for Authors", id="latex2e-logo"),
        pytest.param(
            r"User's Guide for the \AmS-\LaTeX{} Package",
            "User's Guide for the AMS-LaTeX Package",
            id="ams-latex-logos",
        ),
        pytest.param(r"{\BibTeX}ing", "BibTeXing", id="bibtex-logo"),
        pytest.param(r"The {\MF}book", "The METAFONTbook", id="metafont-logo"),
        # A box's text is the title's: "Ebl{\mbox{$^2$}}" (ACL Anthology) is "Ebl²".
        pytest.param(
            r"Ebl{\mbox{$^2$}}: Lexical Acquisition", "Ebl²: Lexical Acquisition", id="math-in-text-mbox"
        ),
        # \ensuremath in math is its argument (ADS's and arXiv's titles): it printed a literal "%s"
        pytest.param(r"Total Mass $\ensuremath{\sim}$ 3.4", "Total Mass ∼ 3.4", id="ensuremath-in-math"),
    ],
)
def test_clean_title(source: str, clean: str) -> None:
    assert clean_title(source).text == clean


@pytest.mark.parametrize(
    ("source", "clean", "repaired"),
    [
        pytest.param("An unbalanced $x model", "An unbalanced x model", True, id="unpaired-dollar-dropped"),
        pytest.param("Costs $5 per run", "Costs $5 per run", True, id="dollar-before-digit-kept"),
        pytest.param(r"Broken $\frac{1$ math", r"Broken $\frac{1}{}$ math", True, id="unclosed-brace-closed"),
        pytest.param(r"Sound $x$ math", "Sound $x$ math", False, id="nothing-to-repair"),
    ],
)
def test_repairs_are_reported(source: str, clean: str, repaired: bool) -> None:
    cleaned = clean_title(source)
    assert cleaned.text == clean
    assert bool(cleaned.repairs) is repaired


def test_clean_title_is_idempotent_on_its_output() -> None:
    for source in (r"PanGu-$\pi$", r"$O(n^2)$ and 5\%", r"M{\"u}ller", r"$\mathbf{x}_t$"):
        once = clean_title(source).text
        assert clean_title(once).text == once


def test_names_and_venues_never_keep_math() -> None:
    assert clean_plain(r"Proc.\ of $k$-NN Workshop").text == "Proc. of k-NN Workshop"


@pytest.mark.parametrize(
    ("math", "unicode"),
    [
        pytest.param(r"\pi", "π", id="pi"),
        pytest.param(r"\times 2", "×2", id="times"),
        pytest.param("^{2}", "²", id="superscript"),
        pytest.param("k", None, id="variable"),
        pytest.param(r"\frac{1}{2}", None, id="fraction"),
    ],
)
def test_math_to_unicode(math: str, unicode: str | None) -> None:
    assert math_to_unicode(math) == unicode


@pytest.mark.parametrize(
    ("math", "rich"),
    [
        pytest.param("O(n^2)", "<i>O</i>(<i>n</i><sup>2</sup>)", id="big-o"),
        pytest.param(r"\mathbf{x}_t", "<b>x</b><sub><i>t</i></sub>", id="bold-subscript"),
        pytest.param(r"\alpha", "α", id="symbol"),
        # a prime, not a superscript quote mark (pandoc's smart quotes paired "^'^": "ℓ^(‘^(ℓ)’)")
        pytest.param(r"\ell^{\prime}", "ℓ′", id="prime"),
        pytest.param(r"x^\prime", "<i>x</i>′", id="prime-unbraced"),
        # an operator's name set apart from its arguments, as TeX sets it ("nlogn" read as a word)
        pytest.param(r"\mathcal{O}(n \log n)", "𝒪(<i>n</i> log <i>n</i>)", id="operator-name"),
        pytest.param(r"(\log n)", "(log <i>n</i>)", id="operator-name-after-a-bracket"),
    ],
)
def test_math_to_rich_text(math: str, rich: str) -> None:
    assert math_to_rich_text(math) == rich


@pytest.mark.parametrize(
    ("rich", "plain"),
    [
        pytest.param('Unified <span class="nocase">3D</span> Segmenter', "Unified 3D Segmenter", id="nocase"),
        pytest.param("<i>O</i>(<i>n</i><sup>2</sup>)", "O(n^2)", id="script-keeps-its-mark"),
        pytest.param("x<sub>t</sub> < y", "x_t < y", id="a-bare-less-than-is-text"),
        pytest.param("No markup", "No markup", id="plain"),
    ],
)
def test_rich_text_to_plain(rich: str, plain: str) -> None:
    assert rich_text_to_plain(rich) == plain


def test_clean_reference_cleans_title_and_names_and_notes_repairs() -> None:
    source = Reference(
        title=r"A $x Broken Title with 5\%",
        authors=(Person(given='J{\\"o}rg', family='M{\\"u}ller'),),
        abstract=r"Keeps $\pi$ as written",
    )
    cleaned = clean_reference(source)
    assert cleaned.title == "A x Broken Title with 5%"
    assert cleaned.authors == (Person(given="Jörg", family="Müller"),)
    assert cleaned.abstract == r"Keeps $\pi$ as written"
    assert cleaned.notes == ("title: an unpaired '$' was dropped",)


def test_ensuremath_leaves_pylatexenc_nothing_to_warn_of() -> None:
    # its warning came out on stderr unprefixed, on every run over ADS's .bib files (a process of
    # its own: what was rendered once is cached)
    program = (
        "from bibnorm.text.clean import clean_title\n"
        "print(clean_title(r'Stars of 10 M$_{{\\ensuremath{\\odot}}}$ and $\\ensuremath{\\sim}$ 3').text)"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (0, "")
    assert "%s" not in done.stdout
