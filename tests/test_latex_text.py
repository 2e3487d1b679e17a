"""Specification of bibnorm.writers.latex_text: escaping, accents and title protection."""

from __future__ import annotations

import pytest
from bibnorm.text.capitals import evidence_for
from bibnorm.writers.latex_text import (
    Encoded,
    needs_protection,
    split_math,
    text_to_latex,
    text_with_math_to_latex,
    title_to_latex,
)


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        pytest.param("Müller", r"M{\"u}ller", id="umlaut-braced"),
        pytest.param("Łukasz", r"{\L}ukasz", id="l-stroke"),
        pytest.param("Hervé Jégou", r"Herv{\'e} J{\'e}gou", id="acute"),
        pytest.param("Soljačić", r"Solja{\v{c}}i{\'c}", id="caron"),
        pytest.param("Øyvind Großmann", r"{\O}yvind Gro{\ss}mann", id="slashed-o-eszett"),
        pytest.param("Çağlar", r"{\c{C}}a{\u{g}}lar", id="cedilla-breve"),
        pytest.param("Ångström", r"{\r{A}}ngstr{\"o}m", id="ring"),
        pytest.param("Nguyễn", r"Nguy{\~{\^{e}}}n", id="stacked-accents"),
        pytest.param("R&D at 50% #1", r"R\&D at 50\% \#1", id="amp-percent-hash"),
        pytest.param("a_b costs $5", r"a\_b costs \$5", id="underscore-dollar"),
        pytest.param("{x}", r"\textbraceleft{}x\textbraceright{}", id="braces-never-unbalance-bibtex"),
        pytest.param(
            "a~b^c\\d", r"a\textasciitilde{}b\textasciicircum{}c\textbackslash{}d", id="tilde-caret-bs"
        ),
        pytest.param("a — b – c", "a {---} b {--} c", id="dashes-as-ligatures"),
        pytest.param("“q” it’s", "{``}q{''} it{'}s", id="curly-quotes-as-ligatures"),
        pytest.param("x\u00a0y", "x{~}y", id="nbsp-tie"),
        pytest.param("e\u0301cole", r"{\'e}cole", id="decomposed-input-composed-first"),
        pytest.param("plain ASCII words", "plain ASCII words", id="ascii-untouched"),
    ],
)
def test_text_to_latex(text: str, latex: str) -> None:
    assert text_to_latex(text) == Encoded(latex)


@pytest.mark.parametrize(
    ("text", "latex", "unknown"),
    [
        pytest.param("中文 title", "中文 title", ("中", "文"), id="cjk-kept"),
        pytest.param("ok 😀", "ok 😀", ("😀",), id="emoji-kept"),
        pytest.param("Đức", r"{\DJ}ức", ("ứ",), id="horn-has-no-macro"),
    ],
)
def test_characters_without_latex_form_are_kept_and_reported(text: str, latex: str, unknown: tuple) -> None:
    assert text_to_latex(text) == Encoded(latex, unknown)


def test_unicode_mode_keeps_non_ascii_but_escapes_specials() -> None:
    assert text_to_latex("Müller & Łukasz 中", unicode=True) == Encoded(r"Müller \& Łukasz 中")


@pytest.mark.parametrize(
    ("title", "latex"),
    [
        pytest.param("ViT-CoMer: Vision Transformer", "{ViT-CoMer}: Vision Transformer", id="vit-comer"),
        pytest.param("BERT: Pre-training of Deep", "{BERT}: Pre-training of Deep", id="acronym"),
        pytest.param("ImageNet Classification", "{ImageNet} Classification", id="camelcase"),
        pytest.param("CLIP-based Models", "{CLIP}-based Models", id="hyphen-part-only"),
        pytest.param("3D Gaussian Splatting", "{3D} {Gaussian} Splatting", id="digit-capital"),
        pytest.param("T5 and GPT-4", "{T5} and {GPT-4}", id="t5-gpt4"),
        pytest.param("PanGu-π", r"{PanGu}-{\ensuremath{\pi}}", id="pangu-pi"),
        pytest.param("mIoU gains", "{mIoU} gains", id="lower-initial-mixed"),
        pytest.param("A Simple Baseline", "A Simple Baseline", id="single-capitals-free"),
        pytest.param(
            "An $O(N)$ bound for $k$", "An {$O(N)$} bound for $k$", id="math-kept-protected-if-caps"
        ),
        pytest.param("Poincaré ResNet", r"Poincar{\'e} {ResNet}", id="accent-and-camel"),
        pytest.param("ΔNeRF", r"{{\ensuremath{\Delta}}NeRF}", id="greek-capital-inside-word"),
        pytest.param("Q&A for LLMs", r"Q\&A for {LLMs}", id="ampersand-not-a-word"),
        pytest.param("  spaced\n  out  ", "spaced out", id="whitespace-collapsed"),
        # The titles the issue-15 reviews saw lose capitals in sentence-casing styles.
        pytest.param("Token Turing Machines", "Token {Turing} Machines", id="known-person"),
        pytest.param("Vision Mamba: Efficient Visual", "Vision {Mamba}: Efficient Visual", id="known-model"),
        pytest.param(
            "Convolutional Kolmogorov-Arnold Networks",
            "Convolutional {Kolmogorov-Arnold} Networks",
            id="hyphenated-names-whole",
        ),
        pytest.param("Why Should I Trust You?", "Why Should {I} Trust You?", id="pronoun-I"),
        pytest.param(
            '"Why Should I Trust You?": Explaining',
            '"{Why} Should {I} Trust You?": Explaining',
            id="first-word-after-opening-quote",
        ),
        pytest.param("Illiterate DALL-E Learns", "Illiterate {DALL-E} Learns", id="dall-e-whole"),
        pytest.param("I&S-ViT: An Inclusive", r"{I\&S-ViT}: An Inclusive", id="ampersand-token-whole"),
        pytest.param("2-D SSM: A General", "{2-D} {SSM}: A General", id="number-letter-token"),
        pytest.param(
            "Scaling Laws for Neural Language Models", "Scaling Laws for Neural Language Models", id="no-name"
        ),
    ],
)
def test_title_protection(title: str, latex: str) -> None:
    assert title_to_latex(title).text == latex


@pytest.mark.parametrize(
    ("title", "abstract", "latex"),
    [
        pytest.param(
            "MLP-Mixer: An all-MLP Architecture for Vision",
            "In this paper, we show that convolutions and attention are both sufficient. We present"
            " MLP-Mixer, an architecture based exclusively on multi-layer perceptrons (MLPs).",
            "{MLP-Mixer}: An all-{MLP} Architecture for Vision",
            id="mixer-from-abstract",
        ),
        pytest.param(
            "Hierarchical Vision Transformer using Shifted Windows",
            "This paper presents a new vision Transformer. Our transformer serves as a backbone.",
            "Hierarchical Vision Transformer using Shifted Windows",
            id="abstract-also-writes-lower-case",
        ),
        pytest.param(
            "Token Turing Machines",
            "We propose Token Turing Machines (TTM), a sequential, autoregressive Transformer model.",
            "Token {Turing} Machines",
            id="acronym-expansion-is-no-evidence",
        ),
        pytest.param(
            "Using Swin transformer for dense prediction",
            None,
            "Using {Swin} transformer for dense prediction",
            id="sentence-case-title",
        ),
        pytest.param(
            "Scaling laws for Hyena models in practice",
            None,
            "Scaling laws for {Hyena} models in practice",
            id="sentence-case-title-names-itself",
        ),
    ],
)
def test_title_protection_from_evidence(title: str, abstract: str | None, latex: str) -> None:
    assert title_to_latex(title, evidence=evidence_for(title, abstract)).text == latex


def test_biblatex_encodes_what_pdflatex_cannot_read() -> None:
    # Latin letters stay UTF-8 (biblatex + pdflatex read them); Greek and symbols are commands.
    assert title_to_latex("PanGu-π: Über ViT", latin=True).text == r"{PanGu}-{\ensuremath{\pi}}: Über {ViT}"
    assert text_to_latex("Łukasz ≥ 5", latin=True).text == r"Łukasz {\ensuremath{\geq}} 5"
    # Cyrillic stays UTF-8: biber sorted "{\CYRP}{\cyre}…" under "2", and TU has no \CYRP
    assert text_to_latex("Петров, Иван", latin=True).text == "Петров, Иван"


@pytest.mark.parametrize("latin", [False, True])
def test_a_math_letter_with_a_math_accent_is_math_again(latin: bool) -> None:
    # "$\bar{\Lambda}$" read as "Λ̄" (Λ and a combining macron): the mark was written raw after
    # the letter's group, pdflatex stopped, and the page printed the particle for the antiparticle
    written = text_to_latex("polarization of Λ̄ hyperons and ν̄ final states", latin=latin)
    assert written == (
        r"polarization of {\ensuremath{\bar{\Lambda}}} hyperons and {\ensuremath{\bar{\nu}}} final states",
        (),
    )


def test_math_symbols_are_commands_unless_unicode() -> None:
    assert title_to_latex("Bound $\\leq π$", latin=True).text == r"Bound $\leq {\ensuremath{\pi}}$"


def test_title_protection_in_unicode_mode() -> None:
    assert title_to_latex("PanGu-π: Über ViT", unicode=True).text == "{PanGu}-π: Über {ViT}"


def test_never_double_braced() -> None:
    # Input braces are text, escaped, so protection braces are the only braces around words.
    assert title_to_latex("{BERT} rules").text == r"\textbraceleft{}{BERT}\textbraceright{} rules"


@pytest.mark.parametrize(
    ("word", "protect"),
    [
        pytest.param("ViT", True, id="ViT"),
        pytest.param("BERT", True, id="BERT"),
        pytest.param("3D", True, id="3D"),
        pytest.param("T5", True, id="T5"),
        pytest.param("Transformers", False, id="Capitalised"),
        pytest.param("A", False, id="single-capital"),
        pytest.param("16x16", False, id="digits-lower"),
        pytest.param("über", False, id="lower-accented"),
    ],
)
def test_needs_protection(word: str, protect: bool) -> None:
    assert needs_protection(word) is protect


def test_split_math_only_pairs() -> None:
    assert split_math("a $x$ b $5") == [(False, "a "), (True, "$x$"), (False, " b $5")]


def test_math_kept_verbatim_outside_titles() -> None:
    assert text_with_math_to_latex(r"Proc. $\alpha$ & β").text == r"Proc. $\alpha$ \& {\ensuremath{\beta}}"


def test_two_letters_under_a_double_inverted_breve_take_latexs_tie_accent() -> None:
    # Library catalogues' romanization of Cyrillic, as a real Zotero library holds it
    text = "Lit\ufe20s\ufe21a i t\ufe20s\ufe21vety"
    assert text_to_latex(text) == Encoded("Li{\\t{ts}}a i {\\t{ts}}vety")
    assert text_to_latex("t\ufe20") == Encoded("t\ufe20", ("\ufe20",))  # half a pair: kept, said
