"""bibnorm.readers: input files to queries — HF papers pages, plain lists, BibTeX.

Expected values were read off the shared input files by hand (line numbers from
``sed -n Np``), not produced by the readers.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from bibnorm.errors import InputError, UsageError
from bibnorm.models import Origin, Query, QueryKind
from bibnorm.readers import READERS, available_formats, detect_format, read_inputs
from bibnorm.readers.bib import read_bib
from bibnorm.readers.hf_papers import read_hf_papers
from bibnorm.text.titles import title_key
from paths import GOLD, SHARED

HF_DIR = SHARED / "inputs" / "hf-papers"
HF_FILES = sorted(HF_DIR.glob("*.txt"))
HF_NAMES = [p.name for p in HF_FILES]


@pytest.fixture(scope="module")
def hf_queries() -> list[Query]:
    return read_inputs(HF_FILES)


# ---------------------------------------------------------------- HF papers pages


@pytest.mark.parametrize(
    ("name", "count"),
    [
        pytest.param("000_2f030982820f2c30.txt", 262, id="000-packed"),
        pytest.param("001_e17f936b9f22871a.txt", 237, id="001-packed"),
        pytest.param("002_d01afff0582fada5.txt", 49, id="002-spaced"),
        pytest.param("003_4aef77c9f3973da6.txt", 69, id="003-spaced"),
        pytest.param("004_026ed02acfe2ae6d.txt", 78, id="004-spaced"),
    ],
)
def test_hf_page_item_counts(name: str, count: int) -> None:
    queries = read_inputs([HF_DIR / name])
    assert len(queries) == count
    assert all(q.kind is QueryKind.TITLE and q.arxiv_id is None for q in queries)
    assert all(q.abstract for q in queries), "every item on these pages has an abstract"


def test_hf_pages_together(hf_queries: list[Query]) -> None:
    assert HF_NAMES == [
        "000_2f030982820f2c30.txt",
        "001_e17f936b9f22871a.txt",
        "002_d01afff0582fada5.txt",
        "003_4aef77c9f3973da6.txt",
        "004_026ed02acfe2ae6d.txt",
    ]
    assert len(hf_queries) == 695
    assert [q.index for q in hf_queries] == list(range(695))
    assert len({title_key(q.title or "") for q in hf_queries}) == 610
    # 69 + 66 + 21 + 25 + 29 URLs in the abstracts (counted with grep -o 'https\?://[^ ]*')
    assert sum(len(q.urls) for q in hf_queries) == 210
    # each file's items start where the previous file's end
    first_of_file = {q.origin.path: q.index for q in reversed(hf_queries)}
    assert [first_of_file[str(p)] for p in HF_FILES] == [0, 262, 499, 548, 617]


HF_SPOT_CHECKS = [
    pytest.param(
        "000_2f030982820f2c30.txt",
        0,
        3,
        "Pretraining the Vision Transformer using self-supervised methods "
        "for vision based Deep Reinforcement Learning",
        "The Vision Transformer architecture has shown to be competitive",
        ("https://github.com/mgoulao/TOV-VICReg",),
        id="000-first-glued-to-subscribe",
    ),
    pytest.param(
        "000_2f030982820f2c30.txt",
        130,
        263,
        "Unsupervised Feature Learning via Non-Parametric Instance-level Discrimination",
        "Neural net classifiers trained on data with annotated class labels",
        (),
        id="000-middle",
    ),
    pytest.param(
        "000_2f030982820f2c30.txt",
        138,
        279,
        "Teaching Matters: Investigating the Role of Supervision in Vision Transformers",
        "Vision Transformers (ViTs) have gained significant popularity",
        (
            "https://www.cs.umd.edu/~sakshams/vit_analysis)",
            "https://www.github.com/mwalmer-umd/vit_analysis)",
        ),
        id="000-two-urls-raw",
    ),
    pytest.param(
        "000_2f030982820f2c30.txt",
        261,
        525,
        "POINTS1.5: Building a Vision-Language Model towards Real World Applications",
        "Vision-language models have made significant strides recently",
        (),
        id="000-last",
    ),
    pytest.param(
        "001_e17f936b9f22871a.txt",
        0,
        3,
        "LF-Steering: Latent Feature Activation Steering for Enhancing "
        "Semantic Consistency in Large Language Models",
        "Large Language Models (LLMs) often generate inconsistent responses",
        (),
        id="001-first-glued-to-subscribe",
    ),
    pytest.param(
        "001_e17f936b9f22871a.txt",
        107,
        217,
        "Understanding Contrastive Representation Learning through "
        "Alignment and Uniformity on the Hypersphere",
        "Contrastive representation learning has been outstandingly successful",
        (
            "https://tongzhouwang.info/hypersphere",
            "https://github.com/SsnL/align_uniform",
            "https://github.com/SsnL/moco_align_uniform",
        ),
        id="001-three-urls",
    ),
    pytest.param(
        "001_e17f936b9f22871a.txt",
        130,
        263,
        "Co-Salient Object Detection with Co-Representation Purification",
        "Co-salient object detection (Co-SOD) aims at discovering the",
        ("https://github.com/ZZY816/CoRP.",),
        id="001-middle-url-with-full-stop",
    ),
    pytest.param(
        "001_e17f936b9f22871a.txt",
        236,
        475,
        "G-SimCLR : Self-Supervised Contrastive Learning with Guided Projection via Pseudo Labelling",
        "In the realms of computer vision, it is evident",
        (),
        id="001-last",
    ),
    pytest.param(
        "002_d01afff0582fada5.txt",
        0,
        11,
        "ViT-CoMer: Vision Transformer with Convolutional Multi-scale "
        "Feature Interaction for Dense Predictions",
        "Although Vision Transformer (ViT) has achieved significant success",
        ("https://github.com/Traffic-X/ViT-CoMer.",),
        id="002-first-after-header",
    ),
    pytest.param(
        "002_d01afff0582fada5.txt",
        24,
        107,
        "Towards General Purpose Vision Foundation Models for Medical Image Analysis: "
        "An Experimental Study of DINOv2 on Radiology Benchmarks",
        "The integration of deep learning systems into the medical domain",
        (),
        id="002-middle",
    ),
    pytest.param(
        "002_d01afff0582fada5.txt",
        48,
        203,
        "ViTamin: Designing Scalable Vision Models in the Vision-Language Era",
        "Recent breakthroughs in vision-language models (VLMs)",
        (),
        id="002-last",
    ),
    pytest.param(
        "003_4aef77c9f3973da6.txt",
        0,
        11,
        "Long-term Recurrent Convolutional Networks for Visual Recognition and Description",
        "Models based on deep convolutional networks have dominated",
        (),
        id="003-first",
    ),
    pytest.param(
        "003_4aef77c9f3973da6.txt",
        45,
        191,
        "In-Context LoRA for Diffusion Transformers",
        "Recent research arXiv:2410.15027 has explored",
        ("https://github.com/ali-vilab/In-Context-LoRA",),
        id="003-middle-cites-other-arxiv-id",
    ),
    pytest.param(
        "003_4aef77c9f3973da6.txt",
        68,
        283,
        "Dynamic Prompt Learning: Addressing Cross-Attention Leakage for Text-Based Image Editing",
        "Large-scale text-to-image generative models have been",
        (),
        id="003-last",
    ),
    pytest.param(
        "004_026ed02acfe2ae6d.txt",
        0,
        11,
        "Uni4Eye: Unified 2D and 3D Self-supervised Pre-training via Masked Image Modeling Transformer "
        "for Ophthalmic Image Classification",
        "A large-scale labeled dataset is a key factor",
        (),
        id="004-first",
    ),
    pytest.param(
        "004_026ed02acfe2ae6d.txt",
        7,
        39,
        "Adaptive Multiscale Retinal Diagnosis: A Hybrid Trio-Model Approach for Comprehensive Fundus "
        "Multi-Disease Detection Leveraging Transfer Learning and Siamese Networks",
        None,
        None,
        id="004-longest-title-166-chars",
    ),
    pytest.param(
        "004_026ed02acfe2ae6d.txt",
        39,
        167,
        "Joint rotational invariance and adversarial training of a dual-stream Transformer "
        "yields state of the art Brain-Score for Area V4",
        "Modern high-scoring models of vision in the brain score",
        ("https://github.com/williamberrios/BrainScore-Transformers",),
        id="004-middle",
    ),
    pytest.param(
        "004_026ed02acfe2ae6d.txt",
        77,
        319,
        "Vision-Language Models for Vision Tasks: A Survey",
        "Most visual recognition studies rely heavily",
        ("https://github.com/jingyi0000/VLM_survey.",),
        id="004-last",
    ),
]


@pytest.mark.parametrize(("name", "index", "line", "title", "abstract_start", "urls"), HF_SPOT_CHECKS)
def test_hf_spot_checks(
    name: str, index: int, line: int, title: str, abstract_start: str | None, urls: tuple[str, ...] | None
) -> None:
    path = str(HF_DIR / name)
    query = read_inputs([path])[index]
    assert query.title == title
    assert query.origin == Origin(path=path, line=line)
    assert query.kind is QueryKind.TITLE
    assert query.arxiv_id is None
    if abstract_start is not None:
        assert query.abstract is not None and query.abstract.startswith(abstract_start)
    if urls is not None:
        assert query.urls == urls


def test_hf_last_abstract_is_whole_line() -> None:
    query = read_inputs([HF_DIR / "001_e17f936b9f22871a.txt"])[-1]
    assert query.abstract is not None
    assert query.abstract.endswith("We refer to our method as G-SimCLR.")


def test_hf_raw_keeps_the_line_as_written() -> None:
    query = read_inputs([HF_DIR / "000_2f030982820f2c30.txt"])[0]
    assert query.raw.startswith("SubscribePretraining the Vision Transformer")


LONG = "We study a problem. " * 20  # 400 characters of abstract-shaped prose


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            f"Title One\n{LONG}\nTitle Two\nTitle Three\n{LONG}\n",
            [("Title One", 1, True), ("Title Two", 3, False), ("Title Three", 4, True)],
            id="missing-abstract-does-not-shift-items",
        ),
        pytest.param(
            f"Title One\n{LONG}\n{LONG}\nTitle Two\n{LONG}\n",
            [("Title One", 1, True), ("Title Two", 4, True)],
            id="abstract-over-two-lines",
        ),
        pytest.param(
            f"{LONG}\nTitle One\n{LONG}\n",
            [("Title One", 2, True)],
            id="abstract-before-first-title-ignored",
        ),
        pytest.param(
            "Title One\nWe present a short abstract that ends like a sentence.\nTitle Two\n",
            [("Title One", 1, True), ("Title Two", 3, False)],
            id="short-sentence-is-an-abstract",
        ),
        pytest.param(
            f"new\n\nSubscribe\n\nbyAK and the research community\n\nMar 14\n\nA Title\n\n{LONG}\n\n"
            f"March 3, 2024\n\nB Title?\n\n{LONG}\n",
            [("A Title", 9, True), ("B Title", 15, True)],
            id="furniture-and-date-lines-dropped",
        ),
        pytest.param(
            f"Get trending papers in your email inbox!\nSubscribe3D Gaussians\n{LONG}\n",
            [("3D Gaussians", 2, True)],
            id="subscribe-glued-to-digit",
        ),
        pytest.param(
            f"Subscriber Churn Prediction\n{LONG}\n",
            [("Subscriber Churn Prediction", 1, True)],
            id="word-starting-with-subscribe-kept",
        ),
    ],
)
def test_hf_reader_shapes(text: str, expected: list[tuple[str, int, bool]]) -> None:
    queries = read_hf_papers(text, "page.txt")
    got = [((q.title or "").rstrip("?"), q.origin.line, q.abstract is not None) for q in queries]
    assert got == expected


# ---------------------------------------------------------------- plain lines


ATTENTION = "Attention Is All You Need"

LINES_CASES = [
    pytest.param("2211.09119", QueryKind.ARXIV_ID, "2211.09119", None, None, None, id="bare-id"),
    pytest.param(
        "arXiv:2211.09119v2", QueryKind.ARXIV_ID, "2211.09119", 2, None, None, id="prefixed-version"
    ),
    pytest.param(
        "https://arxiv.org/abs/2211.09119", QueryKind.ARXIV_ID, "2211.09119", None, None, None, id="abs"
    ),
    pytest.param(
        "https://arxiv.org/pdf/2211.09119v1.pdf", QueryKind.ARXIV_ID, "2211.09119", 1, None, None, id="pdf"
    ),
    pytest.param("hep-th/9901001", QueryKind.ARXIV_ID, "hep-th/9901001", None, None, None, id="old-style"),
    pytest.param(
        "10.1109/CVPR52688.2022.01167",
        QueryKind.DOI,
        None,
        None,
        "10.1109/CVPR52688.2022.01167",
        None,
        id="doi",
    ),
    pytest.param(
        "doi:10.1038/nature14539", QueryKind.DOI, None, None, "10.1038/nature14539", None, id="doi-prefix"
    ),
    pytest.param(
        "https://doi.org/10.1038/nature14539",
        QueryKind.DOI,
        None,
        None,
        "10.1038/nature14539",
        None,
        id="doi-url",
    ),
    pytest.param(
        "10.48550/arXiv.2211.09119",
        QueryKind.ARXIV_ID,
        "2211.09119",
        None,
        "10.48550/arXiv.2211.09119",
        None,
        id="arxiv-datacite-doi",
    ),
    pytest.param(
        "  Attention   Is All You Need ",
        QueryKind.TITLE,
        None,
        None,
        None,
        "Attention Is All You Need",
        id="title-whitespace-collapsed",
    ),
    pytest.param(
        "2211.9119", QueryKind.ARXIV_ID, "2211.9119", None, None, None, id="malformed-id-is-said-to-be-none"
    ),
    pytest.param(
        "GPT-4 Technical Report", QueryKind.TITLE, None, None, None, "GPT-4 Technical Report", id="title"
    ),
    # A list's marker is no part of its item.
    pytest.param("1. Attention Is All You Need", QueryKind.TITLE, None, None, None, ATTENTION, id="numbered"),
    pytest.param("12) Attention Is All You Need", QueryKind.TITLE, None, None, None, ATTENTION, id="paren"),
    pytest.param("(3) Attention Is All You Need", QueryKind.TITLE, None, None, None, ATTENTION, id="parens"),
    pytest.param("[4] Attention Is All You Need", QueryKind.TITLE, None, None, None, ATTENTION, id="square"),
    pytest.param("- Attention Is All You Need", QueryKind.TITLE, None, None, None, ATTENTION, id="dash"),
    pytest.param("* Attention Is All You Need", QueryKind.TITLE, None, None, None, ATTENTION, id="star"),
    pytest.param("•  Attention Is All You Need", QueryKind.TITLE, None, None, None, ATTENTION, id="bullet"),
    pytest.param("[7] 2211.09119", QueryKind.ARXIV_ID, "2211.09119", None, None, None, id="numbered-id"),
    pytest.param(
        "- https://doi.org/10.1038/nature14539",
        QueryKind.DOI,
        None,
        None,
        "10.1038/nature14539",
        None,
        id="bulleted-doi",
    ),
    # An identifier among other words: the line read as the one reference it is, its title kept
    # for the run to weigh the identifier's record against.
    pytest.param(
        "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)",
        QueryKind.ARXIV_ID,
        "1706.03762",
        None,
        None,
        ATTENTION,
        id="markdown-link-to-arxiv",
    ),
    pytest.param(
        "Attention Is All You Need (arXiv:1706.03762)",
        QueryKind.ARXIV_ID,
        "1706.03762",
        None,
        None,
        ATTENTION,
        id="arxiv-id-in-brackets",
    ),
    pytest.param(
        "* LoRA: Low-Rank Adaptation of Large Language Models. arXiv:2106.09685v2",
        QueryKind.ARXIV_ID,
        "2106.09685",
        2,
        None,
        "LoRA: Low-Rank Adaptation of Large Language Models",
        id="arxiv-id-after-title",
    ),
    pytest.param(
        "[Deep residual learning for image recognition](https://doi.org/10.1109/CVPR.2016.90)",
        QueryKind.DOI,
        None,
        None,
        "10.1109/CVPR.2016.90",
        "Deep residual learning for image recognition",
        id="markdown-link-to-doi",
    ),
    pytest.param(
        "Deep learning. Nature 521, 436–444 (2015). https://doi.org/10.1038/nature14539",
        QueryKind.DOI,
        None,
        None,
        "10.1038/nature14539",
        "Deep learning",
        id="a-whole-reference",
    ),
    # An awesome-list's line: the emphasised title, its badges' links, its arXiv page asked
    pytest.param(
        "- **Attention Is All You Need** - Vaswani et al., NeurIPS 2017. "
        "[[Paper](https://arxiv.org/abs/1706.03762)] [[Code](https://github.com/tensorflow/tensor2tensor)]",
        QueryKind.ARXIV_ID,
        "1706.03762",
        None,
        None,
        ATTENTION,
        id="awesome-list-badges",
    ),
    pytest.param(
        "- [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165) (NeurIPS 2020)",
        QueryKind.ARXIV_ID,
        "2005.14165",
        None,
        None,
        "Language Models are Few-Shot Learners",
        id="markdown-link-then-a-tag",
    ),
    # A title set apart at the line's start, what the list adds after it left out
    pytest.param(
        '"Deep Residual Learning for Image Recognition", He et al., CVPR 2016',
        QueryKind.TITLE,
        None,
        None,
        None,
        "Deep Residual Learning for Image Recognition",
        id="quoted-then-names",
    ),
    pytest.param(
        "**Attention Is All You Need** (NeurIPS 2017)",
        QueryKind.TITLE,
        None,
        None,
        None,
        ATTENTION,
        id="emphasised",
    ),
    pytest.param(
        "Attention Is All You Need — Vaswani, Shazeer, Parmar (2017)",
        QueryKind.TITLE,
        None,
        None,
        None,
        ATTENTION,
        id="names-after-a-dash",
    ),
    pytest.param(
        "Attention Is All You Need - Vaswani et al.",
        QueryKind.TITLE,
        None,
        None,
        None,
        ATTENTION,
        id="et-al-after-a-dash",
    ),
    pytest.param(
        "Attention Is All You Need. Vaswani et al. NeurIPS 2017.",
        QueryKind.TITLE,
        None,
        None,
        None,
        ATTENTION,
        id="et-al-after-a-period",
    ),
    # … but a title's own dash, quotation and commas stay
    pytest.param(
        "BERT - A Survey, Part One",
        QueryKind.TITLE,
        None,
        None,
        None,
        "BERT - A Survey, Part One",
        id="a-titles-dash",
    ),
    pytest.param(
        'Why "Deep Learning" Works',
        QueryKind.TITLE,
        None,
        None,
        None,
        'Why "Deep Learning" Works',
        id="a-titles-quotation",
    ),
    # Not markers: a year before a title, a title's own number.
    pytest.param("2021. A Year Later", QueryKind.TITLE, None, None, None, "2021. A Year Later", id="year"),
    pytest.param(
        "3D Gaussian Splatting", QueryKind.TITLE, None, None, None, "3D Gaussian Splatting", id="title-number"
    ),
]


@pytest.mark.parametrize(("line", "kind", "arxiv_id", "version", "doi", "title"), LINES_CASES)
def test_lines_reader(
    tmp_path: Path,
    line: str,
    kind: QueryKind,
    arxiv_id: str | None,
    version: int | None,
    doi: str | None,
    title: str | None,
) -> None:
    path = tmp_path / "list.txt"
    path.write_text(f"# my reading list\n\n{line}\n", encoding="utf-8")
    [query] = read_inputs([path])
    assert (query.kind, query.arxiv_id, query.arxiv_version, query.doi, query.title) == (
        kind,
        arxiv_id,
        version,
        doi,
        title,
    )
    assert query.origin == Origin(path=str(path), line=3)
    assert query.raw == line


def test_a_markdown_tables_rows_of_works_are_items_its_heading_and_rule_are_not(tmp_path: Path) -> None:
    path = tmp_path / "papers.md"
    path.write_text(
        "| Title of the paper | Venue | Year | Code |\n"
        "|:------|:-----:|------|------|\n"
        "| [Attention Is All You Need](https://arxiv.org/abs/1706.03762) | NeurIPS | 2017 | "
        "[code](https://github.com/tensorflow/tensor2tensor) |\n"
        "| Deep Residual Learning for Image Recognition | CVPR | 2016 | - |\n"
        "| 2022 | [Training language models to follow instructions with human feedback]"
        "(https://arxiv.org/abs/2203.02155) | NeurIPS |\n",
        encoding="utf-8",
    )
    read = [(query.kind, query.title, query.arxiv_id, query.origin.line) for query in read_inputs([path])]
    assert read == [
        (QueryKind.ARXIV_ID, ATTENTION, "1706.03762", 3),
        (QueryKind.TITLE, "Deep Residual Learning for Image Recognition", None, 4),
        (
            QueryKind.ARXIV_ID,
            "Training language models to follow instructions with human feedback",
            "2203.02155",
            5,
        ),
    ]


def test_a_numbered_list_of_titles_is_read_not_refused_as_json(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text(
        "[1] Attention is all you need\n[2] BERT: Pre-training of deep bidirectional transformers\n"
        "[3] Deep residual learning for image recognition\n",
        encoding="utf-8",
    )
    assert [query.title for query in read_inputs([path])] == [
        "Attention is all you need",
        "BERT: Pre-training of deep bidirectional transformers",
        "Deep residual learning for image recognition",
    ]


def test_a_json_export_cut_short_is_still_refused_as_json(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    cut_short = '[\n  {\n    "title": "A",\n    "issued": [2020, 1],\n    "ok": true,\n  },\n  {\n'
    path.write_text(cut_short, encoding="utf-8")
    with pytest.raises(InputError, match="looks like JSON"):
        read_inputs([path])


def test_lines_reader_numbers_and_origins(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text(
        "# comment\n2211.09119\n\n   \nAttention Is All You Need\n# 2010.11929\n", encoding="utf-8"
    )
    queries = read_inputs([path])
    assert [(q.index, q.origin.line, q.kind) for q in queries] == [
        (0, 2, QueryKind.ARXIV_ID),
        (1, 5, QueryKind.TITLE),
    ]


# ---------------------------------------------------------------- BibTeX

BIB = r"""% exported by hand
@string{cvpr = {Proc. CVPR}}

@article{devlin2019bert,
  title = {{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding},
  author = {Devlin, Jacob and Chang, Ming-Wei},
  journal = {arXiv preprint arXiv:1810.04805},
  year = {2018}
}

@inproceedings{liu2022convnet,
  Title = "A {ConvNet} for the 2020s",
  booktitle = cvpr,
  DOI = {https://doi.org/10.1109/CVPR52688.2022.01167},
  url = {https://github.com/facebookresearch/ConvNeXt}
}

@article{broken, title = {no comma after this value} year = {2018}}

@misc{dosovitskiy2021vit,
  title={An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale},
  eprint={2010.11929v2}, archivePrefix={arXiv}, primaryClass={cs.CV}
}
@misc{muller, title = {M{\"u}ller's \emph{Theorem}}, abstract = {We prove it.}}
@misc{corr, title = {Some DBLP Entry}, journal = {CoRR}, volume = {abs/2211.09119}}
@misc{datacite, title = {Y}, doi = {10.48550/ARXIV.2211.09119}}
@misc{devlin2019bert, title = {{Duplicate} key}, url = {https://arxiv.org/abs/1810.04805}}
@book{notitle, author = {Nobody}}
"""


def test_bib_reader(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    queries = read_inputs([path])
    summary = [(q.key, q.origin.line, q.kind, q.title, q.arxiv_id, q.arxiv_version, q.doi) for q in queries]
    assert summary == [
        (
            "devlin2019bert",
            4,
            QueryKind.ARXIV_ID,
            "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
            "1810.04805",
            None,
            None,
        ),
        (
            "liu2022convnet",
            11,
            QueryKind.DOI,
            "A ConvNet for the 2020s",
            None,
            None,
            "10.1109/CVPR52688.2022.01167",
        ),
        (
            "dosovitskiy2021vit",
            20,
            QueryKind.ARXIV_ID,
            "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
            "2010.11929",
            2,
            None,
        ),
        ("muller", 24, QueryKind.TITLE, "Müller's Theorem", None, None, None),
        ("corr", 25, QueryKind.ARXIV_ID, "Some DBLP Entry", "2211.09119", None, None),
        ("datacite", 26, QueryKind.ARXIV_ID, "Y", "2211.09119", None, "10.48550/arXiv.2211.09119"),
        ("devlin2019bert", 27, QueryKind.ARXIV_ID, "Duplicate key", "1810.04805", None, None),
        ("notitle", 28, QueryKind.TITLE, None, None, None, None),
    ]
    assert queries[1].urls == ("https://github.com/facebookresearch/ConvNeXt",)
    assert queries[3].abstract == "We prove it."
    assert [q.index for q in queries] == list(range(8))


# ---------------------------------------------------------------- detection and the registry


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        pytest.param("anything at all", "refs.bib", "bib", id="bib-suffix"),
        pytest.param("anything at all", "REFS.BIB", "bib", id="bib-suffix-upper"),
        pytest.param("% x\n@article{a, title={T}}\n", "refs.txt", "bib", id="bib-content"),
        pytest.param("@misc{a, title={T}}\n", "-", "bib", id="bib-on-stdin"),
        pytest.param("2211.09119\nAttention Is All You Need\n", "list.txt", "lines", id="lines"),
        pytest.param("Title A\nTitle B\nTitle C\n", "-", "lines", id="titles-only"),
        pytest.param(f"Title A\n{LONG}\n", "x.txt", "lines", id="one-pair-is-not-a-page"),
        pytest.param(f"Title A\n{LONG}\nTitle B\n{LONG}\n", "x.txt", "hf-papers", id="alternation"),
        pytest.param(
            f"Title A\n\n{LONG}\n\nTitle B\n\n{LONG}\n", "x.txt", "hf-papers", id="spaced-alternation"
        ),
        pytest.param("Get trending papers in your email inbox!\nTitle\n", "x.txt", "hf-papers", id="marker"),
        pytest.param("ask me: user@example.org\n", "x.txt", "lines", id="at-sign-is-not-bib"),
    ],
)
def test_detect_format(text: str, path: str, expected: str) -> None:
    assert detect_format(text, path) == expected


@pytest.mark.parametrize(
    ("name", "second_title_line"),
    [
        pytest.param("000_2f030982820f2c30.txt", 5, id="000"),
        pytest.param("001_e17f936b9f22871a.txt", 5, id="001"),
        pytest.param("002_d01afff0582fada5.txt", 15, id="002"),
        pytest.param("003_4aef77c9f3973da6.txt", 15, id="003"),
        pytest.param("004_026ed02acfe2ae6d.txt", 15, id="004"),
    ],
)
def test_detect_real_pages(name: str, second_title_line: int) -> None:
    text = (HF_DIR / name).read_text(encoding="utf-8")
    assert detect_format(text, name) == "hf-papers"
    # and without the page header, by the title/abstract alternation alone
    body = "\n".join(text.splitlines()[second_title_line - 1 :])
    assert not any(marker in body for marker in ("Get trending", "Subscribe", "byAK"))
    assert detect_format(body, name) == "hf-papers"


def test_registry() -> None:
    assert {"bib", "hf-papers", "lines"} <= set(available_formats())
    assert available_formats() == tuple(sorted(READERS))
    assert ".bib" in READERS["bib"].suffixes
    with pytest.raises(TypeError):
        READERS["x"] = READERS["bib"]  # type: ignore[index]


def test_forced_format_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(f"Title A\n{LONG}\nTitle B\n{LONG}\n", encoding="utf-8")
    assert len(read_inputs([path])) == 2
    assert len(read_inputs([path], input_format="lines")) == 4


def test_indices_run_on_across_files(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.bib"
    first.write_text("2211.09119\nA Title\n", encoding="utf-8")
    second.write_text("@misc{k, title = {B Title}}\n", encoding="utf-8")
    queries = read_inputs([first, str(second)])
    assert [(q.index, q.origin.path, q.origin.line) for q in queries] == [
        (0, str(first), 1),
        (1, str(first), 2),
        (2, str(second), 1),
    ]
    assert queries[2].key == "k"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("# ids\narXiv:2211.09119v2\n"))
    [query] = read_inputs(["-"])
    assert query.origin == Origin(path="<stdin>", line=2)
    assert (query.arxiv_id, query.arxiv_version) == ("2211.09119", 2)


# ---------------------------------------------------------------- errors


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as caught:
        read_inputs([missing])
    assert str(caught.value) == f"{missing}: no such file"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("", "input is empty", id="empty"),
        pytest.param("  \n\n\t\n", "input is empty", id="blank"),
        pytest.param("# only a comment\n", "no references found (read as lines)", id="only-comments"),
        pytest.param(
            "@comment{nothing here}\n", "no references found (read as bib)", id="bib-without-entries"
        ),
    ],
)
def test_empty_inputs(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "in.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_inputs([path])
    assert str(caught.value) == f"{path}: {message}"
    assert "\n" not in str(caught.value)


def test_empty_stdin_names_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(InputError, match=r"^<stdin>: input is empty$"):
        read_inputs(["-"])


def test_unknown_format() -> None:
    with pytest.raises(UsageError) as caught:
        read_inputs([HF_FILES[0]], input_format="docx")
    assert (
        str(caught.value) == "unknown input format 'docx'; choose one of: "
        "bbl, bib, csl-json, hf-papers, lines, pdf, refs, ris, wikitext, zotero"
    )
    assert caught.value.exit_code == 2


def test_no_paths() -> None:
    with pytest.raises(InputError, match="no input files given"):
        read_inputs([])


SVT = "Scaling Vision Transformers"
BERT = "BERT: Pre-training of Deep Bidirectional Transformers"


@pytest.mark.parametrize(
    ("line", "title", "year"),
    [
        pytest.param(f"[CVPR 2022] {SVT}", SVT, 2022, id="leading-bracket"),
        pytest.param(f"{SVT} (CVPR'22)", SVT, 2022, id="short-year"),
        pytest.param(f"{SVT}, CVPR 2022", SVT, 2022, id="comma-venue"),
        pytest.param(
            "ICLR 2021: An Image is Worth 16x16 Words", "An Image is Worth 16x16 Words", 2021, id="prefix"
        ),
        pytest.param(f"{SVT}. arXiv preprint", SVT, None, id="arxiv-tail"),
        pytest.param(BERT, BERT, None, id="a-name-prefix-stays"),
        pytest.param("GPT-4 Technical Report", "GPT-4 Technical Report", None, id="a-number-in-a-name-stays"),
        pytest.param(
            "Segment Anything (SAM)", "Segment Anything (SAM)", None, id="brackets-without-year-stay"
        ),
    ],
)
def test_reading_list_tags_are_not_part_of_the_title(
    tmp_path: Path, line: str, title: str, year: int | None
) -> None:
    path = tmp_path / "list.txt"
    path.write_text(line + "\n", encoding="utf-8")
    [query] = read_inputs([path])
    assert (query.title, query.year) == (title, year)


def test_bib_titles_are_read_as_the_resolvers_clean_them() -> None:
    # The same plain Unicode the resolvers give candidates, so `$\pi$` and π compare alike.
    text = "@article{a, title = {PanGu-$\\pi$: Enhancing 5\\% of {BERT}}, year = 2023}\n"
    [query] = read_bib(text, "refs.bib")
    assert query.title == "PanGu-π: Enhancing 5% of BERT"


@pytest.mark.parametrize(
    ("fields", "doi"),
    [
        # bibnorm's default layout: the DOI in the note every style prints, and no doi field.
        pytest.param("note = {doi: 10.1007/11880561\\_13}", "10.1007/11880561_13", id="note-doi"),
        pytest.param("note = {Oral; doi: 10.1109/CVPR.2016.90}", "10.1109/CVPR.2016.90", id="note-part"),
        pytest.param("howpublished = {https://doi.org/10.1109/X.1}", "10.1109/X.1", id="howpublished-link"),
        pytest.param("doi = {10.1000/a}, note = {doi: 10.2000/b}", "10.1000/a", id="the-doi-field-first"),
        pytest.param("note = {cited 10.5 times}", None, id="no-doi"),
    ],
)
def test_a_bib_entry_gives_its_doi_in_a_note_too(fields: str, doi: str | None) -> None:
    [query] = read_bib(f"@inproceedings{{a, title = {{A Paper Title}}, {fields}}}\n", "refs.bib")
    assert query.doi == doi


GOLD_PAPERS = [
    row
    for row in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())
    if row.get("arxiv_id") and row.get("authors")
]
READING_LIST_FORMS = {
    "markdown-link": "- [{title}](https://arxiv.org/abs/{arxiv_id})",
    "id-in-brackets": "{title} (arXiv:{arxiv_id})",
    "id-after-a-period": "{title}. arXiv:{arxiv_id}",
    "id-and-a-year": "{title}. arXiv:{arxiv_id}, 2023.",
    "markdown-link-and-a-tag": "- [{title}](https://arxiv.org/abs/{arxiv_id}) (ICLR 2024)",
    "awesome-list": "- **{title}** - Smith et al., NeurIPS 2023. [[Paper](https://arxiv.org/abs/{arxiv_id})] "
    "[[Code](https://github.com/x/y)]",
    "quoted-then-names": '"{title}", Smith et al., arXiv:{arxiv_id}',
    # a reference with its names among the list's links: read as one reference
    "a-reference-among-links": "{names}. {title}. arXiv preprint arXiv:{arxiv_id}, 2023.",
}


@pytest.mark.parametrize("form", READING_LIST_FORMS)
def test_every_gold_papers_title_and_id_are_read_in_a_reading_lists_forms(tmp_path: Path, form: str) -> None:
    """The gold papers' real titles ("Show, Attend and Tell: …", "Swin UNETR: …": first words a
    reference reader could take for names) and arXiv ids, in the forms reading lists give them, one
    per line among Markdown links: each line asks by its id and keeps its whole title, no names."""
    lines = [
        READING_LIST_FORMS[form if at % 4 == 0 else "markdown-link"].format(
            title=paper["title"], arxiv_id=paper["arxiv_id"], names=", ".join(paper["authors"][:3])
        )
        for at, paper in enumerate(GOLD_PAPERS)
    ]
    path = tmp_path / "reading-list.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    queries = read_inputs([path])
    assert [(query.arxiv_id, title_key(query.title or "")) for query in queries] == [
        (paper["arxiv_id"], title_key(paper["title"])) for paper in GOLD_PAPERS
    ]
    if form != "a-reference-among-links":
        assert not any(query.author_names for query in queries)
