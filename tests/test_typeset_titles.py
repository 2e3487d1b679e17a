"""Titles typeset by the real clients keep their capitals and symbols.

The titles are the ones two reviews saw damaged when they typeset bibnorm's output with
plain, IEEEtran, splncs04, biblatex (numeric, authoryear, ieee) and pandoc (APA, IEEE):
names lower-cased by sentence-casing styles ("Token turing machines", "DALL-e"), math
kept as raw Unicode (pdflatex stops at "π") or as TeX in CSL-JSON ("PanGu-$π$"), and TeX
from the source printed ("5\\%", "~"). The records go through `clean_reference`, as every
resolver's output does, then through the writers; the rendered text is read back with
``pdftotext`` (one wide page, so no line breaks or hyphenation split a title) or pandoc's
plain output. Expected strings are how each title must read: the style's own case rule
applied to every word the tool has no evidence for, the names kept.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.text.clean import clean_reference
from bibnorm.writers import WriterOptions, get_writer
from clients import flat, need, run, typeset_biblatex, typeset_bibtex
from paths import FIXTURES

pytestmark = pytest.mark.clients

MIXER_ABSTRACT = (
    "Convolutional Neural Networks (CNNs) are the go-to model for computer vision. In this paper, we"
    " show that while convolutions and attention are both sufficient for good performance, neither of"
    " them are necessary. We present MLP-Mixer, an architecture based exclusively on multi-layer"
    " perceptrons (MLPs)."
)  # arXiv 2105.01601, the first sentences of its abstract

# (arXiv id, title as the source writes it, abstract or None/"")
SOURCES = (
    ("2211.09119", "Token Turing Machines", None),
    (
        "2401.09417",
        "Vision Mamba: Efficient Visual Representation Learning with Bidirectional State Space Model",
        None,
    ),
    ("2406.13155", "Convolutional Kolmogorov-Arnold Networks", None),
    ("1602.04938", '"Why Should I Trust You?": Explaining the Predictions of Any Classifier', None),
    ("2105.01601", "MLP-Mixer: An all-MLP Architecture for Vision", MIXER_ABSTRACT),
    ("2110.11405", "Illiterate DALL-E Learns to Compose", None),
    (
        "2311.10126",
        "I&S-ViT: An Inclusive & Stable Method for Pushing the Limit of Post-Training ViTs Quantization",
        None,
    ),
    ("2306.06635", "2-D SSM: A General Spatial Layer for Visual Transformers", None),
    ("2312.17276", r"PanGu-$\pi$: Enhancing Language Model Architectures via Nonlinearity Compensation", ""),
    ("2211.03989", r"$BT^2$: Backward-compatible Training with Basis Transformation", None),
    ("2310.00001", r"Pruning 5\% of~the Tokens at $O(n^2)$ Cost", None),
)

# How each title reads in a style that sentence-cases titles (plain, IEEEtran, splncs04,
# biblatex-ieee) and in one that prints them as written (biblatex's standard styles, CSL).
SENTENCE_CASE = (
    "Token Turing machines",
    "Vision Mamba: Efficient visual representation learning with bidirectional state space model",
    "Convolutional Kolmogorov-Arnold networks",
    "Why should I trust you?",
    "MLP-Mixer: An all-MLP architecture for vision",
    "Illiterate DALL-E learns to compose",
    "I&S-ViT: An inclusive & stable method for pushing the limit of post-training ViTs quantization",
    "2-D SSM: A general spatial layer for visual transformers",
    "PanGu-π: Enhancing language model architectures via nonlinearity compensation",
    "BT2: Backward-compatible training with basis transformation",
    "Pruning 5% of the tokens at O(n2) cost",
)
AS_WRITTEN = (
    "Token Turing Machines",
    "Vision Mamba: Efficient Visual Representation Learning with Bidirectional State Space Model",
    "Convolutional Kolmogorov-Arnold Networks",
    "Why Should I Trust You?",
    "MLP-Mixer: An all-MLP Architecture for Vision",
    "Illiterate DALL-E Learns to Compose",
    "I&S-ViT: An Inclusive & Stable Method for Pushing the Limit of Post-Training ViTs Quantization",
    "2-D SSM: A General Spatial Layer for Visual Transformers",
    "PanGu-π: Enhancing Language Model Architectures via Nonlinearity Compensation",
    "BT2: Backward-compatible Training with Basis Transformation",
    "Pruning 5% of the Tokens at O(n2) Cost",
)
# pandoc's plain output writes CSL's <sup> as Unicode superscripts.
AS_WRITTEN_CSL = tuple(t.replace("BT2", "BT²").replace("O(n2)", "O(n²)") for t in AS_WRITTEN)


def _references(sources: tuple[tuple[str, str, str | None], ...] = SOURCES) -> list[tuple[str, Reference]]:
    keyed = []
    for index, (arxiv_id, title, abstract) in enumerate(sources):
        source = Reference(
            title=title,
            abstract=abstract,
            authors=(Person(given="Ada", family="Lovelace"),),
            ids=Identifiers(arxiv_id=arxiv_id),
            issued=PartialDate(year=2000 + int(arxiv_id[:2]), month=int(arxiv_id[2:4])),
            primary_class="cs.LG",
        )
        keyed.append((f"k{index:02d}", clean_reference(source)))
    return keyed


def _assert_titles(text: str, expected: tuple[str, ...]) -> None:
    missing = [title for title in expected if flat(title) not in text]
    assert missing == [], text


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        pytest.param("plain", SENTENCE_CASE, id="plain"),
        pytest.param("IEEEtran", SENTENCE_CASE, id="IEEEtran"),
        pytest.param("splncs04", SENTENCE_CASE, id="splncs04"),
    ],
)
def test_bibtex_styles(tmp_path: Path, style: str, expected: tuple[str, ...]) -> None:
    text = typeset_bibtex(tmp_path, get_writer("bibtex").write(_references(), WriterOptions()), style)
    _assert_titles(text, expected)


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        pytest.param("numeric", AS_WRITTEN, id="numeric"),
        pytest.param("authoryear", AS_WRITTEN, id="authoryear"),
        pytest.param("ieee", SENTENCE_CASE, id="ieee"),
    ],
)
def test_biblatex_styles(tmp_path: Path, style: str, expected: tuple[str, ...]) -> None:
    # No --unicode: the biblatex output must typeset with pdflatex's default UTF-8 input.
    text = typeset_biblatex(tmp_path, get_writer("biblatex").write(_references(), WriterOptions()), style)
    _assert_titles(text, expected)


@pytest.mark.parametrize("style", ["apa", "ieee"])
def test_pandoc_csl_styles(tmp_path: Path, style: str) -> None:
    text = get_writer("csl-json").write(_references(), WriterOptions())
    assert "$" not in text and "\\" not in text.replace('\\"', "")  # no TeX in CSL-JSON
    _assert_titles(_pandoc_citeproc(tmp_path, "refs.json", text, style), AS_WRITTEN_CSL)


def _pandoc_citeproc(folder: Path, bibliography: str, text: str, style: str | None) -> str:
    """The bibliography ``text`` as pandoc's citeproc prints it in ``style`` (a CSL style of
    fixtures/csl/styles; None: pandoc's own default, Chicago author-date), flattened."""
    need("pandoc")
    (folder / bibliography).write_text(text, encoding="utf-8")
    (folder / "doc.md").write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    args = ["pandoc", "--citeproc", "--bibliography", bibliography, "--wrap=none", "-t", "plain"]
    if style:
        args += ["--csl", str(FIXTURES / "csl" / "styles" / f"{style}.csl")]
    result = run([*args, "doc.md"], folder)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return flat(result.stdout)


# Titles whose capitals CSL styles that change case lowered before CSL output protected them
# (pandoc's default Chicago author-date title-cases: "Unified 3d", "N2n", "V1t", "Bt²"). Each is
# written here in the form Chicago's title case leaves alone, so what is printed is what is written.
CASE_PROTECTED_SOURCES = (
    ("2305.18849", "Unified 3D Segmenter As Prototypical Classifiers", None),
    (
        "1709.06030",
        "N2N Learning: Network to Network Compression via Policy Gradient Reinforcement Learning",
        None,
    ),
    ("2302.03023", "V1T: Large-Scale Mouse V1 Response Prediction Using a Vision Transformer", None),
    ("2211.03989", r"$BT^2$: Backward-Compatible Training with Basis Transformation", None),
    ("2312.17276", r"PanGu-$\pi$: Enhancing Language Model Architectures via Nonlinearity Compensation", ""),
)
CASE_PROTECTED = (
    "Unified 3D Segmenter As Prototypical Classifiers",
    "N2N Learning: Network to Network Compression via Policy Gradient Reinforcement Learning",
    "V1T: Large-Scale Mouse V1 Response Prediction Using a Vision Transformer",
    "BT²: Backward-Compatible Training with Basis Transformation",
    "PanGu-π: Enhancing Language Model Architectures via Nonlinearity Compensation",
)


@pytest.mark.parametrize(
    ("writer", "bibliography", "style"),
    [
        pytest.param("csl-json", "refs.json", None, id="json-chicago"),
        pytest.param("csl-json", "refs.json", "apa", id="json-apa"),
        pytest.param("csl-yaml", "refs.yaml", None, id="yaml-chicago"),
        pytest.param("csl-yaml", "refs.yaml", "apa", id="yaml-apa"),
    ],
)
def test_csl_styles_that_change_case_keep_protected_capitals(
    tmp_path: Path, writer: str, bibliography: str, style: str | None
) -> None:
    text = get_writer(writer).write(_references(CASE_PROTECTED_SOURCES), WriterOptions())
    _assert_titles(_pandoc_citeproc(tmp_path, bibliography, text, style), CASE_PROTECTED)
