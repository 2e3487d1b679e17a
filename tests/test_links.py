"""Specification of code-link extraction (`extract_code_links`).

The first table is taken from the real scraped pages in shared/inputs/hf-papers (the
sentence around each URL as it appears there); expected links are written by hand.
"""

from __future__ import annotations

import pytest
from bibnorm.text.links import extract_code_links
from paths import HF_PAGES_DIR as HF_PAPERS

REAL = [
    pytest.param(
        "The source code will be available at: https://github.com/mgoulao/TOV-VICReg",
        ["https://github.com/mgoulao/TOV-VICReg"],
        [],
        id="plain-at-end",
    ),
    pytest.param(
        "The code and models are publicly available at https://github.com/OpenGVLab/InternImage.",
        ["https://github.com/OpenGVLab/InternImage"],
        [],
        id="sentence-period",
    ),
    pytest.param(
        "The code is available at https://github.com/ryime/PDSG-SDA .",
        ["https://github.com/ryime/PDSG-SDA"],
        [],
        id="space-before-period",
    ),
    pytest.param(
        "State-of-the-art results at~https://github.com/microsoft/Swin-Transformer.",
        ["https://github.com/microsoft/Swin-Transformer"],
        [],
        id="tex-tie-before-url",
    ),
    pytest.param(
        "Project website (https://www.cs.umd.edu/~sakshams/vit_analysis) and code "
        "(https://www.github.com/mwalmer-umd/vit_analysis) are available.",
        ["https://github.com/mwalmer-umd/vit_analysis"],
        ["https://www.cs.umd.edu/~sakshams/vit_analysis"],
        id="parenthesised-www-github-and-page-with-tilde",
    ),
    pytest.param(
        "The code is available at: https://github.com/WangWenhao0716/V2L{V^2L}.",
        ["https://github.com/WangWenhao0716/V2L"],
        [],
        id="tex-group-suffix",
    ),
    pytest.param(
        "The project page is available on this webpage.https://badripatro.github.io/svt/.",
        [],
        ["https://badripatro.github.io/svt/"],
        id="glued-to-previous-word",
    ),
    pytest.param(
        "Code and models are available at https://github.com/microsoft/Cream/tree/main/TinyViT.",
        ["https://github.com/microsoft/Cream", "https://github.com/microsoft/Cream/tree/main/TinyViT"],
        [],
        id="deep-path-keeps-root",
    ),
    pytest.param(
        "Code is publicly available at: https://github.com/google-research/scenic/tree/main/scenic/projects/token_turing",
        [
            "https://github.com/google-research/scenic",
            "https://github.com/google-research/scenic/tree/main/scenic/projects/token_turing",
        ],
        [],
        id="deep-path-at-end",
    ),
    pytest.param(
        "in image resolution 384times384 on ImageNet. (Code: https://github.com/yitu-opensource/T2T-ViT)",
        ["https://github.com/yitu-opensource/T2T-ViT"],
        [],
        id="closing-parenthesis",
    ),
    pytest.param(
        "Code is released at: http://github.com/HobbitLong/CMC/.",
        ["https://github.com/HobbitLong/CMC"],
        [],
        id="http-and-trailing-slash",
    ),
    pytest.param(
        "Code and pre-trained models are available at https://github.com/salesforce/ALBEF/.",
        ["https://github.com/salesforce/ALBEF"],
        [],
        id="trailing-slash-period",
    ),
    pytest.param(
        "Code is available at https://www.github.com/LeapLabTHU/Dynamic_Perceiver.",
        ["https://github.com/LeapLabTHU/Dynamic_Perceiver"],
        [],
        id="www-github",
    ),
    pytest.param(
        "Code: https://github.com/aspirinone/CATR.github.io",
        ["https://github.com/aspirinone/CATR.github.io"],
        [],
        id="repo-named-like-a-pages-site",
    ),
    pytest.param(
        "The project page is available at https://ecodepth-iitd.github.io",
        [],
        ["https://ecodepth-iitd.github.io"],
        id="github-io-is-project-page",
    ),
    pytest.param(
        "Our code is available at https://diffusion-hyperfeatures.github.io.",
        [],
        ["https://diffusion-hyperfeatures.github.io"],
        id="github-io-period",
    ),
    pytest.param(
        "Project page can be found here (https://wuw2019.github.io/R-AMT/).",
        [],
        ["https://wuw2019.github.io/R-AMT/"],
        id="page-parenthesis-then-period",
    ),
    pytest.param(
        "Our project website (https://mgwillia.github.io/diffssl/) and code (https://github.com/soumik-kanad/diffssl)",
        ["https://github.com/soumik-kanad/diffssl"],
        ["https://mgwillia.github.io/diffssl/"],
        id="page-and-code-in-one-text",
    ),
    pytest.param(
        "Code is available at http://www.bhchen.cn",
        [],
        ["http://www.bhchen.cn"],
        id="http-page-keeps-scheme-and-www",
    ),
    pytest.param(
        "TA methods quantitatively. Code: https://anonymous.4open.science/r/anonymized_codes-ECA4.",
        [],
        ["https://anonymous.4open.science/r/anonymized_codes-ECA4"],
        id="anonymous-repository-is-a-page",
    ),
    pytest.param(
        "Source code and more at https://sites.google.com/view/pvr-control.",
        [],
        ["https://sites.google.com/view/pvr-control"],
        id="google-sites",
    ),
    pytest.param(
        "Code is available at https://github.com/SsnL/align_uniform and https://github.com/SsnL/moco_align_uniform",
        ["https://github.com/SsnL/align_uniform", "https://github.com/SsnL/moco_align_uniform"],
        [],
        id="two-repos-in-order",
    ),
    pytest.param(
        "All codes and models are publicly available at https://github.com/AILab-CVC/UniRepLKNet promoting",
        ["https://github.com/AILab-CVC/UniRepLKNet"],
        [],
        id="url-mid-sentence",
    ),
]


@pytest.mark.parametrize(("text", "code", "pages"), REAL)
def test_real_abstract_links(text: str, code: list[str], pages: list[str]) -> None:
    assert extract_code_links([text]) == (tuple(code), tuple(pages))


MORE = [
    pytest.param(
        ["Code: https://GitHub.com/Owner/Repo.git"],
        ["https://github.com/Owner/Repo"],
        [],
        id="git-suffix-host-case",
    ),
    pytest.param(
        ["see github.com/owner/repo for code"], ["https://github.com/owner/repo"], [], id="bare-github-domain"
    ),
    pytest.param(
        ["CODE AT GITHUB.COM/OWNER/REPO AND WWW.EXAMPLE.ORG/PROJECT"],
        ["https://github.com/OWNER/REPO"],
        ["https://www.example.org/PROJECT"],
        id="upper-case-bare-domains",
    ),
    pytest.param(
        ["https://github.com/owner/repo", "https://github.com/OWNER/REPO/"],
        ["https://github.com/owner/repo"],
        [],
        id="dedupe-case-insensitive-across-texts",
    ),
    pytest.param(
        ["https://github.com/owner/repo#readme and https://github.com/owner/repo?tab=readme"],
        ["https://github.com/owner/repo"],
        [],
        id="query-and-fragment-dropped",
    ),
    pytest.param(
        ["https://gitlab.com/group/subgroup/project/-/tree/main/src"],
        [
            "https://gitlab.com/group/subgroup/project",
            "https://gitlab.com/group/subgroup/project/-/tree/main/src",
        ],
        [],
        id="gitlab-subgroups",
    ),
    pytest.param(
        [
            "Models at https://huggingface.co/openai/clip-vit-base-patch32 and https://huggingface.co/spaces/x/demo."
        ],
        [],
        ["https://huggingface.co/openai/clip-vit-base-patch32", "https://huggingface.co/spaces/x/demo"],
        id="hugging-face-pages",
    ),
    pytest.param(
        ["By the team at https://github.com/facebookresearch."],
        [],
        ["https://github.com/facebookresearch"],
        id="owner-only",
    ),
    pytest.param(
        ["Licence: http://creativecommons.org/licenses/by/4.0/, see https://arxiv.org/abs/2211.09119"],
        [],
        [],
        id="paper-and-licence-links-ignored",
    ),
    pytest.param(["\\url{https://github.com/a/b}"], ["https://github.com/a/b"], [], id="tex-url-macro"),
    pytest.param([None, ""], [], [], id="nothing"),
]


@pytest.mark.parametrize(("texts", "code", "pages"), MORE)
def test_link_rules(texts: list[str | None], code: list[str], pages: list[str]) -> None:
    assert extract_code_links(texts) == (tuple(code), tuple(pages))


def test_every_github_url_in_the_scraped_pages_yields_a_clean_repository() -> None:
    """Whatever surrounds a GitHub URL on the real pages, the result is a bare repository
    root or a deeper path under one, never ending in punctuation."""
    lines = [
        line for path in sorted(HF_PAPERS.glob("*.txt")) for line in path.read_text("utf-8").splitlines()
    ]
    github_lines = [line for line in lines if "github.com/" in line]
    assert len(github_lines) > 150
    for line in github_lines:
        code, _ = extract_code_links([line])
        assert code, line
        for link in code:
            assert link.startswith("https://github.com/")
            assert link[-1] not in ".,;:)/}", link
            assert len(link.split("/")) >= 5
