"""Reference lists as people keep them in Markdown, reStructuredText and HTML are read as the
lists they are: the marks set around them are no part of a reference (`text.markup`), a bullet
opens an item, and blank lines that set apart dated paragraphs are never read across
(`readers._reflist`). The lists in fixtures/markup-lists/ are verbatim excerpts of public files
(PROVENANCE.md there); every expected value is read off them."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import read_refs
from bibnorm.text.markup import unmarked, unmarked_list
from paths import FIXTURES

LISTS = FIXTURES / "markup-lists"


def read(name: str):
    return read_refs((LISTS / name).read_text("utf-8"), name)


def test_a_reading_list_s_bullets_of_bold_titles_are_one_work_each() -> None:
    queries = read("awesome-deep-learning-papers.md")
    assert [(query.title, query.year) for query in queries] == [
        ("Distilling the knowledge in a neural network", 2015),
        (
            "Deep neural networks are easily fooled: High confidence predictions for unrecognizable images",
            2015,
        ),
        ("How transferable are features in deep neural networks?", 2014),
        ("CNN features off-the-Shelf: An astounding baseline for recognition", 2014),
        (
            "Learning and transferring mid-Level image representations using convolutional neural networks",
            2014,
        ),
        ("Visualizing and understanding convolutional networks", 2014),
        ("Decaf: A deep convolutional activation feature for generic visual recognition", 2014),
    ]
    assert [query.origin.line for query in queries] == [3, 4, 5, 6, 7, 8, 9]  # the file's own lines
    # the names after the title and its year
    assert [query.authors for query in queries] == [
        ("G. Hinton", "others"),
        ("A. Nguyen", "others"),
        ("J. Yosinski", "others"),
        ("A. Razavian", "others"),
        ("M. Oquab", "others"),
        ("M. Zeiler", "R. Fergus"),
        ("J. Donahue", "others"),
    ]


def test_a_bullet_s_item_runs_over_its_lines_broken_by_html() -> None:
    queries = read("alzheimer-vascular.md")
    assert [(query.title, query.year, query.doi, query.venue) for query in queries] == [
        (
            "Are vascular factors involved in Alzheimer’s disease? Facts and theories",
            1999,
            "10.1007/BF03339811",
            "Aging Clin Exp Res",
        ),
        (
            "Cerebrovascular disease and threshold for dementia in the early stages of Alzheimer's disease",
            1999,
            "10.1016/S0140-6736(99)02355-7",
            "Lancet",
        ),
        (
            "Inverse relation between Braak stage and cerebrovascular pathology in Alzheimer predominant "
            "dementia",
            1999,
            "10.1136/jnnp.67.5.654",
            "J Neurol Neurosurg Psychiatry",
        ),
        (
            "Overlap between pathology of Alzheimer disease and vascular dementia",
            1999,
            "10.1097/00002093-199912003-00017",
            "Alzheimer Dis Assoc Disord",
        ),
    ]
    assert not any("<br" in (query.raw or "") or "**" in (query.raw or "") for query in queries)
    # the names on their own line, between the title's and the journal's
    assert [query.authors for query in queries] == [
        ("Di Iorio A", "others"),
        ("Esiri", "others"),
        ("Goulding JM", "others"),
        ("Kalaria RN", "Ballard C"),
    ]


def test_an_anchor_before_each_entry_is_no_part_of_it() -> None:
    queries = read("chin-bibliographie.md")
    assert len(queries) == 4
    first = queries[0]
    assert (first.title, first.authors, first.year) == (
        "Tales of a Historic Career: Yousuf Karsh",
        ("Allen, Evanne",),
        2014,
    )
    assert [query.title for query in queries[1:]] == [
        "Call Numbers",
        "Document (Object Genre)",
        "Unique Identifiers",
    ]
    assert not any("<a" in (query.raw or "") for query in queries)
    # Chicago's dash for the names of the reference before
    assert queries[2].authors == queries[3].authors == queries[1].authors != ()


def test_dated_paragraphs_set_apart_by_blank_lines_are_one_reference_each() -> None:
    # title first, then the names: no paragraph reads as a reference to the rules, yet each is one
    queries = read("classic-references-for-ebm.md")
    assert [query.origin.line for query in queries] == [1, 3, 5, 7, 9, 11]  # the first: the page's prose
    assert [query.year for query in queries[1:]] == [1992, 2004, 2004, 2007, 2000]
    assert queries[2].title == (
        "Empirical evidence for selective reporting of outcomes in randomized trials: comparison of "
        "protocols to published articles"
    )


def test_a_restructuredtext_bibliography_s_escapes_and_roles() -> None:
    queries = read("qutip-biblio.rst")
    first, second = queries[:2]
    assert (first.title, first.authors[0], first.year, first.doi) == (
        "Random Quantum Operations",
        "W. Bruzda",
        2009,
        "10.1016/j.physleta.2008.11.043",
    )
    assert (second.authors, second.year, second.doi) == (("T. Havel",), 2003, "10.1063/1.1518555")


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ('<a name="allen-2014"></a>Allen, E. &amp; B. Smith', "Allen, E. & B. Smith"),
        ('Welcome to the <span class="nocase">tidyverse</span>', "Welcome to the tidyverse"),
        ("_Aging Clin Exp Res_ **11**, 345–352", "Aging Clin Exp Res 11, 345–352"),
        ("Di Iorio A, _et al._ <br />", "Di Iorio A, et al. "),
        # a line's break after a field ends it, as a period would
        ("Kalaria RN, Ballard C <br />", "Kalaria RN, Ballard C."),
        ("_Lancet_, 919-20 (1999)<br/>", "Lancet, 919-20 (1999)."),
        ("*Random Quantum Operations*, Phys. Lett. A", "Random Quantum Operations, Phys. Lett. A"),
        ("`Nextflow` enables reproducible workflows", "Nextflow enables reproducible workflows"),
        (":doi:`10.1063/1.1518555`.", "doi:10.1063/1.1518555."),
        ("Available in [html format][cha1] or [pdf format][cha2]", "Available in html format or pdf format"),
        ("(2015), G. Hinton et al. [[pdf]](http://arxiv.org/pdf/1503.02531)",
         "(2015), G. Hinton et al.  http://arxiv.org/pdf/1503.02531 "),
        ("**Distilling the knowledge** (2015)", "“Distilling the knowledge” (2015)"),
        ("\\W. Bruzda, V. Cappellini", "W. Bruzda, V. Cappellini"),
        # marks that are no emphasis stay: a search's star, a link's or a subscript's underscores
        ("A* search and B* trees", "A* search and B* trees"),
        ("https://example.org/find?prev_page=1&subject_id=3", "https://example.org/find?prev_page=1&subject_id=3"),
        # an entity ends in its semicolon: a link's "&note=" and "&copy=" are its query's fields
        ("https://www.getty.edu/vow/AATFullDisplay?logic=AND&note=&copy=1", "https://www.getty.edu/vow/AATFullDisplay?logic=AND&note=&copy=1"),
        ("Guide &#8211; Getty &eacute;dition &#x2013; &copy; 2019", "Guide – Getty édition – © 2019"),
        ("p_T spectra of Z_2 gauge theories", "p_T spectra of Z_2 gauge theories"),
        ("Smith, J. & Doe, A. (2020). <https://example.org/page>", "Smith, J. & Doe, A. (2020). <https://example.org/page>"),
    ],
)  # fmt: skip
def test_inline_marks_leave_the_text(text: str, plain: str) -> None:
    assert unmarked(text) == plain


def test_a_list_s_marks_leave_its_lines_where_they_were() -> None:
    text = (
        "### Video Classification\n"
        "> Smith, J. (2020). A title. Journal, 1, 1–2.\n"
        "## 1.Konciūtė A.  Ph.D. Thesis. Vytautas Magnus University; Kaunas, Lietuva: 2022.\n"
        "<!-- a comment\n over two lines -->\n"
        "[cha1]: http://example.org/paper.html\n"
        '<div id="ref-x" class="csl-entry">\n'
        ".. [Hav03]\n"
        "**Biodiverse**:  \n"  # a label in bold on its own line (github:vmikk/phylonext_manual)
    )
    plain = unmarked_list(text).split("\n")
    assert len(plain) == len(text.split("\n"))  # a reader's line numbers are the input's own
    assert [line.strip() for line in plain] == [
        "",  # a section's heading
        "Smith, J. (2020). A title. Journal, 1, 1–2.",
        # an entry set as a heading
        "1.Konciūtė A.  Ph.D. Thesis. Vytautas Magnus University; Kaunas, Lietuva: 2022.",
        "",
        "",
        "",
        "",
        "[Hav03]",
        "",
        "",
    ]


def test_bullets_open_items_and_a_number_after_one_is_its_label() -> None:
    text = (
        "- 11. Fortunato S, Bergstrom CT (2018) Science of science. Science 359(6379):0185.\n"
        "- 12. Bhattacharya J, Packalen M (2020) Stagnation and scientific incentives. SSRN 58(12):7250.\n"
        "- 13. Barbosa H, Barthelemy M (2018) Human mobility: models and applications.\n"
        "  Phys. Rep. 734:1–74.\n"
    )
    queries = read_refs(text, "list.md")
    assert [query.title for query in queries] == [
        "Science of science",
        "Stagnation and scientific incentives",
        "Human mobility: models and applications",
    ]
    assert [query.year for query in queries] == [2018, 2020, 2018]


def test_a_bullet_under_a_numbered_item_is_a_note_on_it() -> None:
    text = (
        "1. Hu D. An Introductory Survey on Attention Mechanisms in NLP Problems[J]. arXiv preprint, 2018.\n"
        "2. Vaswani A, Shazeer N, Parmar N, et al. Attention is all you need[C]//Advances in Neural "
        "Information Processing Systems. 2017: 5998-6008.\n"
        "\t- 2017年，Google机器翻译团队发表的《Attention is all you need》。\n"
        "\t- 《Attention is All You Need》中文解读\n"
        "3. Mnih V, Heess N, Graves A. Recurrent models of visual attention[C]//Advances in neural "
        "information processing systems. 2014: 2204-2212.\n"
    )
    assert [query.year for query in read_refs(text, "list.md")] == [2018, 2017, 2014]


def test_a_line_at_the_margin_after_a_blank_one_ends_a_bullet_s_item() -> None:
    text = (
        "- Smith, J. (2019). First title. Journal A, 1, 1–2.\n"
        "- Doe, A. (2020). Second title. Journal B, 2, 3–4.\n"
        "- Roe, R. (2021). Third title. Journal C, 3, 5–6.\n"
        "\n"
        "Lee, K. (2022). Fourth title. Journal D, 4, 7–8.\n"
    )
    assert [query.title for query in read_refs(text, "list.md")] == [
        "First title",
        "Second title",
        "Third title",
        "Fourth title",
    ]


def test_a_list_number_glued_to_the_first_name_is_the_items_label() -> None:
    # an MDPI article's references converted to Markdown, each a heading, the blank after the
    # number lost; an elided particle opens the twelfth
    text = (
        "## References\n\n"
        "## 1.Konciūtė A.  Ph.D. Thesis. Vytautas Magnus University; Kaunas, Lietuva: 2022. "
        "Culture-Specific Items in Audiovisual Translation of Japanese Anime Death Note (2006–2007)\n\n"
        "## 2.Matkivska N. Audiovisual Translation: Conception, Types, Characters’ Speech and Translation "
        "Strategies Applied. Stud. About Lang. 2014;25:38–44. doi: 10.5755/j01.sal.0.25.8516.\n\n"
        "## 3.d’Ydewalle G., Praet C., Verfaillie K., Van Rensbergen J. Watching Subtitled Television: "
        "Automatic Reading Behavior. Commun. Res. 1991;18:650–666.\n"
    )
    queries = read_refs(text, "refs.md")
    assert [(query.label, query.authors[0], query.year) for query in queries] == [
        ("1", "Konciūtė A", 2022),
        ("2", "Matkivska N", 2014),
        ("3", "d’Ydewalle G.", 1991),
    ]


@pytest.mark.parametrize(
    "text", ["1.5 Results of the trial (2019)", "2.x Release notes, 2020", "3.a Appendix, 2018"]
)
def test_a_number_glued_to_a_digit_or_a_lower_case_word_opens_no_item(text: str) -> None:
    from bibnorm.readers._reflist import _NUMBERED

    assert _NUMBERED.match(text) is None


def test_a_list_of_bullets_alone_on_their_lines_under_underlined_headings() -> None:
    # balbasty/lit's textbooks: "Textbooks" over "=========", each bullet's line holding an
    # anchor's tag alone, its title, names and editions on the lines below; "( https://…)" and
    # one word in bold as a link's text
    queries = read("balbasty-textbooks.md")
    assert [query.origin.line for query in queries] == [
        7,
        12,
        17,
        22,
        27,
        32,
        37,
        42,
        47,
        55,
        60,
        65,
        70,
        75,
        80,
        85,
    ]
    titles = [query.title for query in queries]
    assert titles[:3] == [
        "Multivariate Analysis",
        "Methods of Information Geometry",
        "Information Theory, Inference, and Learning Algorithms",
    ]
    assert (titles[10], titles[15]) == ("Numerical Recipes", "Optimization")
    assert queries[1].year == 1993


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        pytest.param("Textbooks\n=========\n", "\n\n", id="setext-heading"),
        pytest.param("=======\nTitle\n=======\n", "\n\n\n", id="rest-heading-over-and-under"),
        pytest.param("-----\n", "\n", id="a-rule"),
        pytest.param(
            "Names. A title of more than six words set long.\n-----\n",
            "Names. A title of more than six words set long.\n\n",
            id="a-long-line-over-a-rule-stays",
        ),
    ],
)
def test_a_heading_s_underline_and_the_heading_leave_a_list(text: str, plain: str) -> None:
    assert unmarked_list(text) == plain


def test_an_alpha_label_with_a_colon_on_a_line_of_its_own_opens_the_item_below_it() -> None:
    # a German thesis's Literaturverzeichnis kept in Markdown, an anchor around each label
    text = (
        "## Literaturverzeichnis\n\n"
        '<a name="ref_ADAM15">[ADAM15]</a>:\n'
        "Adamsky, Florian et al., P2P File-Sharing in Hell: Exploiting BitTorrent Vulnerabilities to Launch\n"
        "Distributed Reflective DoS Attacks, 2015\n\n"
        '<a name="ref_BENE14">[BENE14]</a>:\n'
        "Benet, Juan: IPFS - Content Addressed, Versioned, P2P File System, 2014\n\n"
        '<a name="ref_MAYM02">[MAYM02]</a>:\n'
        "Maymounkov, Petar; Mazières, David: Kademlia: A Peer-to-peer information system based on the XOR "
        "Metric, 2002\n"
    )
    queries = read_refs(text, "literatur.md")
    assert [(query.authors[0], query.year, query.origin.line) for query in queries] == [
        ("Adamsky, Florian", 2015, 3),
        ("Benet, Juan", 2014, 7),
        ("Maymounkov, Petar", 2002, 10),
    ]
    assert queries[0].title == (
        "P2P File-Sharing in Hell: Exploiting BitTorrent Vulnerabilities to Launch "
        "Distributed Reflective DoS Attacks"
    )


def test_a_bullet_that_heads_deeper_bullets_is_their_topic_not_a_work() -> None:
    # kjw0612/awesome-deep-vision: "* Very Deep Super-Resolution" over its works' bullets; a topic
    # with links ("* Super-Resolution (SRCNN) [[Web]](…) [[Paper-ECCV14]](…/eccv_2014_….pdf)") too
    queries = read("awesome-deep-vision.md")
    assert [query.origin.line for query in queries] == [1, 7, 8, 10, 11, 13, 15, 17, 19, 21, 23]
    assert queries[5].title == "Accurate Image Super-Resolution Using Very Deep Convolutional Networks"


def test_marks_whose_ends_a_line_break_parts_leave_the_text_and_the_lines_stay() -> None:
    # pandoc's HTML, wrapped at 72 columns: a tag over two lines, emphasis over two
    text = (
        '<div id="refs" class="references csl-bib-body hanging-indent"\n'
        'entry-spacing="0">\n'
        "\n"
        "R Core Team. 2024. *R: A Language and Environment for Statistical\n"
        "Computing*. Vienna, Austria: R Foundation for Statistical Computing.\n"
        "Krug, Karsten. 2019. “A Curated Resource.” *Molecular & Cellular\n"
        "Proteomics* 18 (3): 576–93.\n"
        "**Methods of Information\n"
        "Geometry**\n"
    )
    assert unmarked_list(text).split("\n") == [
        "",
        "",
        "",
        "R Core Team. 2024. R: A Language and Environment for Statistical",
        "Computing. Vienna, Austria: R Foundation for Statistical Computing.",
        "Krug, Karsten. 2019. “A Curated Resource.” Molecular & Cellular",
        "Proteomics 18 (3): 576–93.",
        "“Methods of Information",
        "Geometry”",
        "",
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("* first item\n* second item\n", id="bullets"),
        pytest.param("A* search and\nB* trees\n", id="stars-after-words"),
        pytest.param("https://x.org/prev_page=1 and\nnext_page=2\n", id="underscores-in-words"),
    ],
)
def test_marks_over_lines_are_only_those_that_open_and_close(text: str) -> None:
    assert unmarked_list(text) == text
