"""A reading list's line that gives a paper's title among its authors and venue, as awesome lists
and course lists print them, is read as the title alone (the lines reader, `readers/lines.py`):
the names before it or after it, a known venue, a preprint's mark, a date tag and a badge's link
are no part of it — and a title's own commas, periods and parentheses stay.

Every expected title is written here from the line as a reader sees it.
"""

from __future__ import annotations

import pytest
from bibnorm.readers.lines import read_lines


def title_of(line: str) -> str | None:
    (query,) = read_lines(line + "\n", "list.md")
    return query.title


@pytest.mark.parametrize(
    ("line", "title"),
    [
        pytest.param(
            "5. Attention is All You Need. Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, "
            "Llion Jones, Aidan N. Gomez, Lukasz Kaiser, and Illia Polosukhin. NIPS 2017",
            "Attention is All You Need",
            id="full-names-then-venue",
        ),
        pytest.param(
            "He, Zhang, Ren, Sun. Deep Residual Learning for Image Recognition. CVPR, 2016.",
            "Deep Residual Learning for Image Recognition",
            id="names-first",
        ),
        pytest.param(
            "Vaswani et al., Attention Is All You Need, 2017", "Attention Is All You Need", id="et-al-first"
        ),
        pytest.param(
            "6. (ULMFiT) Universal Language Model Fine-tuning for Text Classification. Jeremy Howard and "
            "Sebastian Ruder. ACL 2018.",
            "Universal Language Model Fine-tuning for Text Classification",
            id="alias-and-two-names",
        ),
        pytest.param(
            "+ RoBERTa: A Robustly Optimized BERT Pretraining Approach. Yinhan Liu, Myle Ott, Naman Goyal. "
            "Preprint.",
            "RoBERTa: A Robustly Optimized BERT Pretraining Approach",
            id="a-preprint",
        ),
        pytest.param(
            "+ Energy-Based Models for Continual Learning. Shuang Li, Yilun Du, Gido M. van de Ven, "
            "Igor Mordatch. (2011)",
            "Energy-Based Models for Continual Learning",
            id="particles-and-a-date-tag",
        ),
        pytest.param(
            "+ Concept Learning with Energy-Based Models. Igor Mordatch. arXiv 1811.",
            "Concept Learning with Energy-Based Models",
            id="one-name",
        ),
        pytest.param(
            "+ Pointer-Generator Networks. Abigail See, Peter J. Liu, Christopher D. Manning. ACL 2017",
            "Pointer-Generator Networks",
            id="initials-over-english-names",
        ),
        pytest.param(
            "1. Generating Text via Adversarial Training. NIPS GAN Workshop 2016",
            "Generating Text via Adversarial Training",
            id="a-venues-workshop",
        ),
        pytest.param(
            "+ How to Train Your Energy-Based Models. Yang Song, Diederik P. Kingma. (2101) "
            "[[paper]](https://arxiv.org/abs/2101.03288)",
            "How to Train Your Energy-Based Models",
            id="a-badges-link",
        ),
        pytest.param(
            "Pablo, Juan: Peer-to-peer slideshow with Beakerbrowser, Dat and remark, URL: "
            "https://peer-to-peer-slideshow-juanpablo.hashbase.io/#1",
            "Pablo, Juan: Peer-to-peer slideshow with Beakerbrowser, Dat and remark",
            id="a-link-and-its-label",
        ),
        pytest.param(
            "* Chao Ma, Jia-Bin Huang, Xiaokang Yang and Ming-Hsuan Yang, Hierarchical Convolutional "
            "Features for Visual Tracking, ICCV 2015",
            "Hierarchical Convolutional Features for Visual Tracking",
            id="names-and-venue-between-commas",
        ),
        pytest.param(
            "- Deep Learning, Yann LeCun, Yoshua Bengio and Geoffrey Hinton, Nature 2015",
            "Deep Learning",
            id="title-then-names-between-commas",
        ),
        pytest.param(
            "+ Energy-Based Learning for Scene Graph Generation (best paper candidate). Mohammed Suhail, "
            "Abhay Mittal, Behjat Siddiquie.",
            "Energy-Based Learning for Scene Graph Generation",
            id="an-award-mark",
        ),
        pytest.param(
            "[Oral] Scaling Vision Transformers, CVPR 2022", "Scaling Vision Transformers", id="a-talks-mark"
        ),
    ],
)
def test_a_title_among_its_names_and_venue_is_read_alone(line: str, title: str) -> None:
    assert title_of(line) == title


@pytest.mark.parametrize(
    ("line", "title"),
    [
        pytest.param(
            "Vision, Language, Action. Kaiming He, Ross Girshick.",
            "Vision, Language, Action",
            id="english-words",
        ),
        pytest.param(
            "ImageNet Classification. Alex Krizhevsky",
            "ImageNet Classification",
            id="an-english-word-is-no-name",
        ),
        pytest.param(
            "(Almost) Everything You Need. Smith et al.",
            "(Almost) Everything You Need",
            id="a-titles-parenthesis",
        ),
        pytest.param(
            "Dr. Strangelove or How I Learned to Stop Worrying",
            "Dr. Strangelove or How I Learned to Stop Worrying",
            id="a-titles-period",
        ),
        pytest.param("Deep Learning, Big Data. Reinforcement Learning", None, id="every-sentence-a-titles"),
        pytest.param(
            "Vision, Language, Action, Planning and Control for Robots",
            None,
            id="a-titles-commas-before-names",
        ),
        pytest.param("A Poster Child for Oral Tradition", None, id="a-marks-word-in-a-title"),
    ],
)
def test_a_titles_own_words_stay(line: str, title: str | None) -> None:
    assert title_of(line) == (title or line)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        pytest.param(
            "Semi-supervised Sequence Learning. Andrew M. Dai, Quoc V. Le. NIPS 2015.",
            ("Andrew M. Dai", "Quoc V. Le"),
            id="after-the-title",
        ),
        pytest.param(
            "He, Zhang, Ren, Sun. Deep Residual Learning for Image Recognition. CVPR, 2016.",
            ("He", "Zhang", "Ren", "Sun"),
            id="before-the-title",
        ),
        pytest.param("Vaswani et al., Attention Is All You Need, 2017", ("Vaswani", "others"), id="et-al"),
        pytest.param(
            "N Wang, DY Yeung, Learning a Deep Compact Image Representation for Visual Tracking, NIPS, 2013.",
            ("N Wang", "DY Yeung"),
            id="between-commas",
        ),
        pytest.param("Scaling Vision Transformers, CVPR 2022", (), id="none-printed"),
    ],
)
def test_the_names_beside_a_title_are_the_items_authors(line: str, authors: tuple[str, ...]) -> None:
    (query,) = read_lines(line + "\n", "list.md")
    assert query.authors == authors
    assert set(query.author_names) >= {name.split()[-1] for name in authors if name != "others"}
