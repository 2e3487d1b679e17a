"""GB/T 7714 (the Chinese national standard, and every Chinese thesis class) closes a title with
its kind of work's code in brackets, then a period or the "//" before the work it is part of:
"Title[C]//Proceedings …", "Title[M]//Book …", "Title[J]. Journal …". The mark ends the title and
is no part of it, nor of the venue after it."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference, read_refs


@pytest.mark.parametrize(
    ("text", "title", "venue"),
    [
        pytest.param(
            "Gao Z, Zhu H, Li Y, et al. Location privacy in database-driven cognitive radio networks: "
            "Attacks and countermeasures[C]//INFOCOM, 2013 Proceedings IEEE. [S.l.]: IEEE, 2013: 2751–2759.",
            "Location privacy in database-driven cognitive radio networks: Attacks and countermeasures",
            "INFOCOM",
            id="conference-paper",
        ),
        pytest.param(
            "Dwork C. Differential privacy[M]//Automata, languages and programming.[S.l.]: Springer, "
            "2006: 1–12.",
            "Differential privacy",
            "Automata",
            id="chapter-in-a-book",
        ),
        pytest.param(
            "Bahrak B. Ex Ante Approaches for Security, Privacy, and Enforcement in Spectrum Sharing[D]."
            "[S.l.]: Virginia Polytechnic Institute and State University, 2013.",
            "Ex Ante Approaches for Security, Privacy, and Enforcement in Spectrum Sharing",
            None,
            id="thesis",
        ),
    ],
)
def test_the_kind_of_work_mark_ends_the_title(text: str, title: str, venue: str | None) -> None:
    """The title up to the mark; the venue, where the "//" names one, from after it."""
    read = parse_reference(text)
    assert read.title == title
    if venue is not None:
        assert read.venue == venue


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a sentence after the mark the rules know for no venue: a journal's unlisted abbreviation
        # glued to its year, an empty field's period
        pytest.param("Schelling Thomas C. Models of Segregation: Part 3[J]. SoPh,1969, 59(2):488～493.",
                     "Models of Segregation: Part 3", id="an-unknown-journal-after-the-mark"),
        pytest.param("Beretta L et al. Multi-Swap k-Means++[D]. . NeurIPS. 2023.",
                     "Multi-Swap k-Means++", id="an-empty-field-after-the-mark"),
        # names with their initials' periods run on into the title; the title read after the mark
        pytest.param("Tian Y., Engel J. Latent Translation: Crossing Modalities by Bridging Generative "
                     "Models[J]. ArXiv,11月 2019.",
                     "Latent Translation: Crossing Modalities by Bridging Generative Models",
                     id="the-sentence-the-mark-ends"),
    ],
)  # fmt: skip
def test_no_title_runs_on_past_the_mark(text: str, title: str) -> None:
    assert parse_reference(text).title == title


def test_the_names_and_year_of_a_marked_reference() -> None:
    read = parse_reference(
        "Gao Z, Zhu H, Li Y, et al. Location privacy in database-driven cognitive radio networks: "
        "Attacks and countermeasures[C]//INFOCOM, 2013 Proceedings IEEE. [S.l.]: IEEE, 2013: 2751–2759."
    )
    assert read.authors == ("Gao Z", "Zhu H", "Li Y", "others")
    assert read.year == 2013


def test_a_bracketed_capital_inside_a_title_is_no_mark() -> None:
    """Only a code right after the title's last word and before "." or "//" is the mark."""
    read = parse_reference("Smith J. The [M] operator in modal logic. Journal of Logic, 2001, 5(2): 1–10.")
    assert read.title == "The [M] operator in modal logic"


def test_a_quoted_title_keeps_its_reading() -> None:
    """A quoted title's end its quotes tell: the mark after them changes nothing."""
    marked = parse_reference("陶仁骥 (1984)。“密码学与数学”[J]。自然杂志，7(7)：527。")
    assert marked.title.strip("“”") == "密码学与数学"


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        # GB/T 7714 ends a list of Chinese names with "等" where English names end with "et al."
        # (biblatex-gb7714-2015's `andotherscn`); its Japanese "他" (`andothersjp`)
        pytest.param("[1] 张三, 李四, 王五, 等. 深度学习研究[J]. 计算机学报, 2019, 42(1): 1-10.",
                     "深度学习研究", ("张三", "李四", "王五", "others"), id="chinese-names"),
        pytest.param("[2] Hipp J F, Hawellek D J, Corbetta M, 等. Large-scale cortical correlation structure "
                     "of spontaneous oscillatory activity[J]. Nature Neuroscience, 2012, 15(6): 884-890.",
                     "Large-scale cortical correlation structure of spontaneous oscillatory activity",
                     ("Hipp J F", "Hawellek D J", "Corbetta M", "others"), id="names-in-latin-letters"),
        pytest.param("[3] 山田太郎, 鈴木一郎, 他. 機械学習の研究. 情報処理学会論文誌. 2019, 60(1), p. 1-10.",
                     "機械学習の研究", ("山田太郎", "鈴木一郎", "others"), id="japanese-names"),
        # a title's first character is no "and others": "等离子体" is plasma
        pytest.param("[4] 王五. 等离子体物理[M]. 北京: 科学出版社, 2010.", "等离子体物理", ("王五",),
                     id="a-title-opening-with-the-character"),
    ],
)  # fmt: skip
def test_and_others_in_a_script_without_capitals_ends_the_names(
    text: str, title: str, authors: tuple[str, ...]
) -> None:
    """Neither reader tells "等." from a name (the rules took it for an initial, and the title after
    it for more names): both read it as "et al."."""
    from bibnorm.readers.refs import read_refs

    (query,) = read_refs(f"References\n{text}\n", "refs.txt")
    assert query.title == title
    assert tuple(query.authors) == authors


def test_the_names_end_before_the_title() -> None:
    """Names whose last initial keeps its period read on into the title: no title is a name's."""
    read = parse_reference(
        "Tian Y., Engel J. Latent Translation: Crossing Modalities by Bridging Generative Models[J]. "
        "ArXiv, 2019."
    )
    assert read.authors == ("Tian Y", "Engel J")


# The reference list of doi:10.19734/j.issn.1001-3695.2018.06.0478 (计算机应用研究, 2019) as OCR'd
# to Markdown, verbatim: full-width marks between fields, marks set apart from their titles, blanks
# lost after "et al." and after an ideograph's period.
OCR_LIST = {
    "full-width": "[4]王平，汪定，黄欣沂．口令安全研究进展[J].计算机研究与发展,2016, 53 (10): 2173-2188.",
    "spaced-mark": "[3]Ding Wang,Zhang Zijian,Wang Ping,et al. Targeted online password guessing: an "
    "underestimated threat [C]//Proc of ACM SIGSAC Conference on Computer and Communications "
    "Security.New York: ACM Press,2016: 1242-1254.",
    "glued-others": "[2]Ma J, Yang Weining,Luo Min,et al.A study of probabilistic password models "
    "[C]//Security and Privacy. 2014: 689-704.",
    "glued-period": "[13]李磊，韩文报.FPGA上 SHA-1 算法的流水线结构实现[J].计算机科 学,2011,38(7):58-60.",
}


@pytest.mark.parametrize(
    ("name", "title", "first_author", "year"),
    [
        pytest.param("full-width", "口令安全研究进展", "王平", 2016, id="full-width-commas-and-period"),
        pytest.param(
            "spaced-mark",
            "Targeted online password guessing: an underestimated threat",
            "Ding Wang",
            2016,
            id="a-blank-before-the-mark",
        ),
        pytest.param(
            "glued-others",
            "A study of probabilistic password models",
            "Ma J",
            2014,
            id="et-al-glued-to-the-title",
        ),
        pytest.param(
            "glued-period",
            "FPGA上 SHA-1 算法的流水线结构实现",
            "李磊",
            2011,
            id="a-period-glued-after-an-ideograph",
        ),
    ],
)
def test_an_ocrd_chinese_list_reads_its_fields_apart(
    name: str, title: str, first_author: str, year: int
) -> None:
    (query,) = read_refs(OCR_LIST[name], "refs.txt")
    assert (query.title, query.authors[0], query.year) == (title, first_author, year)
    assert "]" not in (query.venue or "")  # no piece of the mark ("C]//Proc of ACM …")


def test_a_title_and_venue_keep_the_full_width_marks_they_print() -> None:
    (query,) = read_refs(
        "[1] 张三，李四．深度学习：方法，模型与应用[J]．计算机学报，2019，42（3）：1-10．", "refs.txt"
    )
    assert (query.title, query.venue, query.authors, query.year) == (
        "深度学习：方法，模型与应用",
        "计算机学报",
        ("张三", "李四"),
        2019,
    )


def test_years_closing_a_marked_title_are_its_words_not_the_works_date() -> None:
    # TUGboat's bibliography as seuthesis.bst prints it: the range is the period the book covers
    read = parse_reference(
        "WP. Book Review: John Buchanan-Brown, Early Victorian Illustrated Books: Britain, France, "
        "and Germany, 1820–1860[J]. Printing History (New Series), 2009(5):1–3."
    )
    assert read.title.endswith("Britain, France, and Germany, 1820–1860")
    assert read.year == 2009


def test_gbt_author_year_keeps_the_year_after_the_names() -> None:
    read = parse_reference("Kruse R L, 1999. Managing large projects with WEB[J]. TUGboat, 20(3):227–230.")
    assert (read.title, read.year) == ("Managing large projects with WEB", 1999)


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param("缺文献类型标志代码", id="code-missing"),  # seuthesis.bst, uestcthesis.bst
        pytest.param("硕士学位论文", id="masters-thesis"),
    ],
)
def test_a_kind_of_work_named_in_chinese_ends_the_title(kind: str) -> None:
    read = parse_reference(
        f"Anonymous. Expresiv fonts classic font collection[{kind}]. Miami, FL: World Art, 1994."
    )
    assert (read.title, read.year) == ("Expresiv fonts classic font collection", 1994)
    assert "[" not in (read.venue or "")  # no part of the venue either


@pytest.mark.parametrize(
    ("text", "title", "first_author"),
    [
        pytest.param(
            "LAMPORT L．LaTeX：A document preparation system[M]．2nd ed．Reading：Addison-Wesley，1994．",
            "LaTeX: A document preparation system",
            "LAMPORT L.",
            id="a-family-in-capitals",
        ),
        pytest.param(
            "Zhang S，Li S．Deep learning for images[J]．Journal of Things，2019，3（2）：1-10．",
            "Deep learning for images",
            "Zhang S",
            id="initials-after-families",
        ),
    ],
)
def test_a_reference_in_latin_letters_typed_with_full_width_marks_reads_as_with_ascii_ones(
    text: str, title: str, first_author: str
) -> None:
    # a Chinese paper's English references, typed with a Chinese input method's marks
    (query,) = read_refs(text, "refs.txt")
    assert (query.title, query.authors[0]) == (title, first_author)


def test_a_field_found_again_in_a_long_text_of_full_width_marks_is_found_or_left_as_read() -> None:
    # 32,000 full-width commas: a pattern built of the field took 10 s here; a search does not
    from bibnorm.readers.refs import _as_marked

    printed = "，".join(["a"] * 32_000)
    assert _as_marked(", ".join(["a"] * 31_999) + ", b", printed) == ", ".join(["a"] * 31_999) + ", b"
    assert _as_marked("a, a", "x：a，a。") == "a，a"
