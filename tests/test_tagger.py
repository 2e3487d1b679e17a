"""The reference tagger (`bibnorm.readers.tagger`) and the script that makes its training data.

The tagger's model ships in the package; it is trained on real records typeset through many CSL
styles (scripts/make_tagger_data.py, scripts/train_tagger.py; docs/tagger.md). How well it reads
styles it never saw is bench/bench_tagger_heldout.py's measure, not these tests'.
"""

from __future__ import annotations

import gc
import json
import re
import socket
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from bibnorm.readers import tagger
from bibnorm.text import data_file
from misreadings import misread
from repo_scripts import script

ROOT = Path(__file__).resolve().parents[1]


def key(text: str | None) -> str:
    folded = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(char for char in folded if char.isalnum())


def test_the_model_is_package_data_and_loads_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the tagger opened a connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    tagger.packaged_tagger.cache_clear()
    model = data_file(tagger.MODEL_FILE)
    assert model.is_file()
    # the network's weights, mostly its features' embedding as bytes (118k features × 64)
    assert len(model.read_bytes()) < 10_000_000
    read = tagger.tag_reference("Smith, J. (2020). A title of a paper. Journal of Things, 3(2), 1–10.")
    assert read.tokens[0] == "Smith,"
    assert set(read.labels) <= set(tagger.LABELS)


# Real works written as styles the model was trained on print them (APA, IEEE, ACS, Elsevier
# Harvard, Chicago's author-date with only its first name inverted, AMA's Vancouver names before a
# title that opens with a word in capitals).
TRAINED_STYLES = [
    pytest.param(
        "Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J., Jones, L., Gomez, A. N., Kaiser, Ł., & "
        "Polosukhin, I. (2017). Attention is all you need. Advances in Neural Information Processing "
        "Systems, 30, 5998–6008.",
        "Attention is all you need",
        "Vaswani",
        2017,
        None,
        id="apa",
    ),
    pytest.param(
        "K. He, X. Zhang, S. Ren, and J. Sun, “Deep residual learning for image recognition,” in "
        "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition, 2016, pp. 770–778.",
        "Deep residual learning for image recognition",
        "He",
        2016,
        None,
        id="ieee",
    ),
    pytest.param(
        "Jumper, J.; Evans, R.; Pritzel, A. Highly Accurate Protein Structure Prediction with AlphaFold. "
        "Nature 2021, 596 (7873), 583–589. https://doi.org/10.1038/s41586-021-03819-2.",
        "Highly Accurate Protein Structure Prediction with AlphaFold",
        "Jumper",
        2021,
        "10.1038/s41586-021-03819-2",
        id="american-chemical-society",
    ),
    pytest.param(
        "Kingma, D.P., Ba, J., 2015. Adam: A method for stochastic optimization, in: International "
        "Conference on Learning Representations.",
        "Adam: A method for stochastic optimization",
        "Kingma",
        2015,
        None,
        id="elsevier-harvard",
    ),
    pytest.param(
        "LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. 2015. Deep learning. Nature 521 (7553): 436–444.",
        "Deep learning",
        "LeCun",
        2015,
        None,
        id="chicago-author-date",
    ),
    pytest.param(
        "Devlin J, Chang MW, Lee K, Toutanova K. BERT: pre-training of deep bidirectional transformers "
        "for language understanding. In: NAACL; 2019. p. 4171–86.",
        "BERT: pre-training of deep bidirectional transformers for language understanding",
        "Devlin",
        2019,
        None,
        id="american-medical-association",
    ),
]


@pytest.mark.parametrize(("text", "title", "family", "year", "doi"), TRAINED_STYLES)
def test_the_tagger_reads_real_references_in_styles_it_was_trained_on(
    text: str, title: str, family: str, year: int, doi: str | None
) -> None:
    read = tagger.tag_reference(text)
    assert key(read.title) == key(title)
    assert read.authors[0][0] == family
    assert read.year == year
    assert read.doi == doi
    assert 0.5 < (read.confidence("title") or 0) <= 1


# Shapes of real lists the generated strings hold too rarely (docs/tagger.md, "The model's title
# first"): each beside the same reference in the shape the network reads right.
REAL_LIST_SHAPES = [
    pytest.param(
        "Bohm, M., Cook, D., and Carr, J. (2016). Hot and bothered: Using trait-based approaches to assess "
        "climate change vulnerability in reptiles. Biological Conservation, 204, 32–41.",
        "Hot and bothered: Using trait-based approaches to assess climate change vulnerability in reptiles",
        id="a-journal-and-its-numbers",
    ),
    pytest.param(
        "Bohm, M., Cook, D., and Carr, J. (2016). Hot and bothered: Using trait-based approaches to assess "
        "climate change vulnerability in reptiles. Biological Conservation. "
        "DOI: 10.1016/j.biocon.2016.06.002.",
        "Hot and bothered: Using trait-based approaches to assess climate change vulnerability in reptiles",
        marks=misread("a journal printed without its numbers: read into the title"),
        id="a-journal-without-numbers",
    ),
    pytest.param(
        "Jerome H. Friedman. « Greedy Function Approximation: A Gradient Boosting Machine ». In: The Annals "
        "of Statistics 29.5 (2001), p. 1189-1232.",
        "Greedy Function Approximation: A Gradient Boosting Machine",
        id="a-subtitle-after-a-colon",
    ),
    pytest.param(
        "Jerome H. Friedman. « Greedy Function Approximation : A Gradient Boosting Machine ». "
        "In : The Annals of Statistics 29.5 (2001), p. 1189-1232.",
        "Greedy Function Approximation : A Gradient Boosting Machine",
        id="a-subtitle-after-a-spaced-colon",
    ),
    pytest.param(
        "Jens Carsten Jantzen. Representations of algebraic groups, volume 107 of Mathematical Surveys and "
        "Monographs. American Mathematical Society, Providence, RI, second edition, 2003.",
        "Representations of algebraic groups",
        marks=misread("a series' volume after the title ('volume 107 of …'): read into the title"),
        id="a-series-volume",
    ),
    pytest.param(
        "The Kubernetes Authors. Federation. https://kubernetes.io/docs/concepts/cluster-administration/"
        "federation/, 2017.",
        "Federation",
        marks=misread("a group's name before the title: read into the title"),
        id="a-groups-name",
    ),
]


@pytest.mark.parametrize(("text", "title"), REAL_LIST_SHAPES)
def test_the_tagger_reads_the_titles_of_real_lists_shapes(text: str, title: str) -> None:
    assert key(tagger.tag_reference(text).title) == key(title)


def test_a_fields_confidence_is_the_mean_marginal_of_its_tokens() -> None:
    read = tagger.tag_reference(TRAINED_STYLES[0].values[0])
    title = read.first("title")
    assert title is not None and 0 < title.confidence <= 1
    assert read.authors[:2] == (("Vaswani", "A."), ("Shazeer", "N."))


def test_inside_reading_with_every_reader_tags_with_that_model_and_after_it_with_the_packaged_one() -> None:
    """A benchmark reads its truth with a model frozen beside it (`reading_with`), so the shipped
    model it measures does not move the truth."""
    frozen = Path(__file__).parent.parent / "bench" / "truth-model" / "reference-tagger.crfsuite"
    text = "E. L. Bennett. Chemical plasticity of the brain. Science, 146(3644):610–619, 1964."
    packaged = tagger.tag_reference(text, weigh=True)
    with tagger.reading_with(str(frozen)):
        inside = tagger.tag_reference(text, weigh=True)
        listed = tagger.TaggedTogether([text])(text)  # a list's items, tagged together
    after = tagger.tag_reference(text, weigh=True)
    alone = tagger.Tagger(str(frozen)).tag(text, weigh=True)
    assert (inside.labels, inside.marginals) == (alone.labels, alone.marginals)
    assert (listed.labels, listed.marginals) == (alone.labels, alone.marginals)
    assert (after.labels, after.marginals) == (packaged.labels, packaged.marginals)
    # the two models differ: each token's marginals are not the same numbers
    assert inside.marginals != packaged.marginals


@pytest.mark.parametrize(
    ("text", "labels", "written"),
    [
        # a group's name alone ends its sentence: not the name's period
        pytest.param(
            "Office for National Statistics. Using EPS graphics. TUGboat. 1996;17:288–310.",
            ("family",) * 4 + ("title",) * 3 + ("container", "date"),
            ("Office for National Statistics",),
            id="a-group-alone",
        ),
        # given names first: the last family name without the sentence's period (a real thesis's
        # list, gh-statsrhian's, its names joined without "and")
        pytest.param(
            "So-Zen Yao Charles J. Alpert. Spectral Partitioning.",
            ("given", "family", "given", "given", "family", "title", "title"),
            ("So-Zen Yao", "Charles J. Alpert"),
            id="given-first-the-sentences-period",
        ),
        # a person's name keeps its initials' periods
        pytest.param(
            "Zhai, X., Beyer, L.: Scaling vision transformers.",
            ("family", "given", "family", "given", "title", "title", "title"),
            ("Zhai, X.", "Beyer, L."),
            id="names-and-initials",
        ),
        # "et al." ends the list: a software's name the model doubts after it is no name (a real
        # IEEE list's item, pdf_dev12)
        pytest.param(
            "F. Chollet et al., Keras, 2015.",
            ("given", "family", "author", "author", "family", "date"),
            ("F. Chollet", "others"),
            id="nothing-after-et-al",
        ),
    ],
)
def test_the_written_authors_are_the_names_as_printed_without_the_sentences_period(
    text: str, labels: tuple[str, ...], written: tuple[str, ...]
) -> None:
    tokens = text.split()
    assert len(tokens) == len(labels)
    assert tagger.TaggedReference(text, tuple(tokens), labels).written_authors() == written


@pytest.mark.parametrize(
    ("text", "labels", "title"),
    [
        pytest.param(
            "Haralambous Y. 1994. Typesetting Khmer[J]. Electronic Publishing, 7(4): 197-215.",
            (
                "family",
                "given",
                "date",
                "title",
                "title",
                "container",
                "container",
                "volume",
                "issue",
                "pages",
            ),
            "Typesetting Khmer",
            id="a-journal-article-J",
        ),
        pytest.param(
            "Knuth D E. The TeXbook[M/CD]. Reading: Addison-Wesley, 1984.",
            ("family", "given", "given", "title", "title", "place", "publisher", "date"),
            "The TeXbook",
            id="a-book-on-a-disc-M/CD",
        ),
        pytest.param(
            "Zhai X. Scaling vision transformers[C]//CVPR. 2022.",
            ("family", "given", "title", "title", "title", "date"),
            "Scaling vision transformers",
            id="a-paper-C-before-its-proceedings",
        ),
        # a mark's letters inside the title are the title's
        pytest.param(
            "Smith J. Kernels of degree[N] in fields. Ann Math, 2001.",
            (
                "family",
                "given",
                "title",
                "title",
                "title",
                "title",
                "title",
                "container",
                "container",
                "date",
            ),
            "Kernels of degree[N] in fields",
            id="inside-the-title-it-stays",
        ),
        # a quoted title ends where its quotation closes (a real thesis's list, gh-richardwerner173134's:
        # a title of five letters in quotes)
        pytest.param(
            "H. Garcia-Molina and K. Salem, “Sagas”, ACM SIGMOD Record, 1987.",
            ("given", "family", "author", "given", "family") + ("title",) * 4 + ("date",),
            "Sagas",
            id="closed-then-a-comma",
        ),
        pytest.param(
            'A. Smith, "Deep nets for all," IEEE Trans. Neural Netw., 1999.',
            ("given", "family") + ("title",) * 6 + ("container",) * 2 + ("date",),
            "Deep nets for all",
            id="ieee-comma-inside-the-quotes",
        ),
        # a quotation that opens a title and words going on after it in the same field
        pytest.param(
            "J. Nachbar, “Evolutionary” selection dynamics in games, Int J Game Theory, 1990.",
            ("given", "family") + ("title",) * 5 + ("container",) * 4 + ("date",),
            "Evolutionary” selection dynamics in games",
            id="words-after-the-quotation-go-on",
        ),
        pytest.param(
            "J. Nachbar, “Evolutionary selection dynamics in games, Int J Game Theory, 1990.",
            ("given", "family") + ("title",) * 9 + ("date",),
            "Evolutionary selection dynamics in games, Int J Game Theory",
            id="never-closed",
        ),
        # German's quotation marks, „…“, as biblatex's German styles print a title
        pytest.param(
            "Hans Müller. „Ein Titel über Dinge“. In: Zeitschrift für Dinge 12 (2003).",
            ("given", "family") + ("title",) * 4 + ("other",) + ("container",) * 4 + ("date",),
            "Ein Titel über Dinge",
            id="german-quotation-marks",
        ),
        # a single quotation's close is the apostrophe too: no end is read from it
        pytest.param(
            "A. Smith, ‘Bitcoin’s network’, J. Foo, 2001.",
            ("given", "family") + ("title",) * 4 + ("date",),
            "Bitcoin’s network’, J. Foo",
            id="single-quotes-as-read",
        ),
    ],
)
def test_the_models_title_leaves_out_a_kind_of_works_mark_and_what_follows_its_quotation(
    text: str, labels: tuple[str, ...], title: str
) -> None:
    """GB/T 7714 glues the kind of work's mark to the title ("Title[J]."), which the model reads as
    the title's; a quoted title is the whole quotation, where the model runs on past its close."""
    spans = tagger.tokenize(text)
    tokens = tuple(text[start:end] for start, end in spans)
    assert len(tokens) == len(labels)
    assert tagger._tagged(text, spans, tokens, labels, [1.0] * len(tokens), {}).title == title


def test_the_features_see_shape_punctuation_lexicons_and_position() -> None:
    rows = tagger.token_features(["Zhai,", "X.", "(2021).", "“Scaling", "vision”,", "Journal"])
    assert {"w=zhai", "shape=Xx", "last=,", "BOS"} <= set(rows[0])
    assert "initials" in rows[1]
    assert "year" in rows[2]
    assert "quoted" in rows[4]
    assert "venue" in rows[5] and "EOS" in rows[5]


@pytest.mark.parametrize(
    ("token", "shape", "patterns"),
    [
        ("Zhai,", "Xx", []),  # the shape of the token within its edge's punctuation
        ("Müller", "Xx", []),  # letters beyond ASCII are classed as ASCII's are
        ("\u01c5emal", "x", []),  # a titlecase digraph ("ǅ") is no capital
        ("x²", "xd", ["digit"]),  # a superscript is a digit, though no pattern's
        ("(2021a).", "dx", ["year", "digit"]),
        ("123–145,", "d–d", ["digit", "range"]),
        ("10.1000/xyz123.", "d.d/xd", ["digit", "doi"]),  # of its first twelve characters
        ("arXiv:2101.00001", "xXx:d.d", ["digit", "arxiv"]),
        ("https://x.org/a", "x:/x.x", ["url"]),  # a run of any one character as one
        ("WWW.EXAMPLE.COM", "X.X.", ["url"]),
        ("978-3-16-148410-0", "d-d-d-d", ["digit", "range", "isbn"]),
        ("A.-B.,", "X.-X", ["initials"]),
        ("Th.", "Xx", ["initials"]),
        ("an", "x", []),
    ],
)
def test_a_tokens_shape_and_patterns_are_its_characters_classes_and_what_they_hold(
    token: str, shape: str, patterns: list[str]
) -> None:
    own = tagger._own_features(token)
    assert own[1] == "shape=" + shape
    pattern_names = ("year", "digit", "range", "doi", "arxiv", "url", "isbn", "initials")
    assert [feature for feature in own if feature in pattern_names] == patterns


def test_the_venue_feature_reads_the_words_the_model_was_trained_with_not_the_growing_venue_table() -> None:
    from bibnorm.text.venues import find_venue

    venue_words = tagger._lexicons()[1]
    assert {"neural", "transactions", "conference"} <= venue_words
    # a journal the venue table gained after the model: found as a venue, no venue word of the model's
    assert find_venue("Journal of Instrumentation") is not None
    assert "instrumentation" not in venue_words


def test_the_features_see_where_a_quotation_closed_and_each_tokens_comma_segment() -> None:
    tokens = ["Daniel", "D.", "Lincoll,", "“Semigroups", "of", "Recurrences,”", "Academic", "Press."]
    rows = [set(row) for row in tagger.token_features(tokens)]
    assert {"given-name", "s.first", "s.len=3-4"} <= rows[0]
    assert "s.last" in rows[2] and "given-name" not in rows[2]
    assert "quoted" in rows[4] and "after-quote" not in rows[4]
    assert {"after-quote", "s.first"} <= rows[6] and "quoted" not in rows[6]


def test_the_feature_groups_joined_are_the_features_and_a_chunk_shares_its_group() -> None:
    tokens = ["Smith,", "J.", "A", "title.", "Nature", "2020."]
    groups = tagger.token_feature_groups(tokens)
    assert [[name for group in token for name in group] for token in groups] == tagger.token_features(tokens)
    # own; chunk and its end; segment and its end; place; the neighbours before, then after
    assert all(len(token) == 10 for token in groups)
    assert groups[0][0][:2] == ("w=smith", "shape=Xx")
    # "Smith, J. A title." is one chunk (an initial's period ends none): one group, its ends marked
    assert groups[0][1] is groups[1][1] is groups[2][1] is groups[3][1]
    assert [token[2] for token in groups] == [("c.start",), (), (), ("c.end",), ("c.start",), ("c.end",)]
    assert groups[1][6] == ("-1:w=smith", "-1:shape=Xx", "-1:last=,")
    assert groups[0][6] == ("BOS",) and groups[5][8] == ("EOS",)


def test_texts_tagged_together_are_looked_up_and_another_one_is_tagged_alone() -> None:
    first = "Smith, J. (2020). A title of a paper. Journal of Things, 3(2), 1–10."
    second = "[4] A. Lee and B. Kim, “Another paper,” in Proc. Things, 2019, pp. 5–9."
    together = tagger.TaggedTogether([first, second, first])
    read = together(second)
    alone = tagger.tag_reference(second, weigh=True)
    assert read.labels == alone.labels
    assert read.marginals == pytest.approx(alone.marginals, abs=1e-5)
    assert set(read.label_marginals) == set(tagger.WEIGHED_LABELS)
    assert together(second) is read  # looked up, not tagged again
    other = together("Lee, A. 2021. Not in the list. Venue.")
    assert other.tokens[:2] == ("Lee,", "A.")
    assert together("Lee, A. 2021. Not in the list. Venue.") is other  # tagged alone once


def test_a_taggers_caches_cleared_forget_the_tokens_and_the_networks_groups() -> None:
    reader = tagger.packaged_tagger()
    reader.tag("Smith, J. 2020. A title. Nature.")
    assert tagger._token.cache_info().currsize > 0 and reader._network._group_rows
    reader.clear_caches()
    assert tagger._token.cache_info().currsize == 0 and not reader._network._group_rows


def test_the_token_features_are_cached_per_distinct_token() -> None:
    tagger.clear_token_caches()
    tagger.token_features(["Smith,", "J.,", "Smith,", "J."])
    assert tagger._token.cache_info().misses == 3  # "Smith," once


# ---------------------------------------------------------------- the training data


@pytest.fixture(scope="module")
def make_data() -> ModuleType:
    return script("make_tagger_data")


def test_styles_from_outside_tex_live_are_evaluated_styles_whatever_their_names_split(
    make_data: ModuleType, tmp_path: Path
) -> None:
    records = [make_data.Record(key=f"r{n}", kind="article", title=f"T{n}", authors=[]) for n in range(40)]
    styles = [tmp_path / "zeta.bst", tmp_path / "alpha-journal.bst"]
    jobs = list(make_data.outside_bst_jobs(records, styles, per_style=3))
    assert [(name.rpartition("/")[2], split) for name, _, split in jobs] == [
        ("alpha-journal.bst", "validation"),
        ("zeta.bst", "validation"),
    ]
    validation = {record.key for record in records if make_data.record_split(record.key) == "validation"}
    assert all(len(sample) == 3 and {r.key for r in sample} <= validation for _, sample, _ in jobs)
    # with --works every entry is an evaluation record
    works = make_data.outside_bst_jobs(records, styles, per_style=40, every_record_evaluated=True)
    assert [len(sample) for _, sample, _ in works] == [40, 40]


def test_a_style_from_outside_tex_live_is_kept_only_where_it_is_new(tmp_path: Path) -> None:
    fresh = script("fresh_bst_styles")
    texmf = tmp_path / "texmf" / "bibtex" / "bst"
    texmf.mkdir(parents=True)
    lines = [f"FUNCTION {{f{n}}} {{ pop$ }}" for n in range(40)]
    (texmf / "plain.bst").write_text("\n".join(lines), "latin-1")
    candidates = tmp_path / "candidates"
    candidates.mkdir()
    (candidates / "plain.bst").write_text("% its own\n" + "\n".join(lines[:5]), "latin-1")  # TeX Live's name
    (candidates / "copy.bst").write_text("% a comment\n" + "\n".join(lines), "latin-1")  # the same lines
    own = [f"FUNCTION {{g{n}}} {{ pop$ }}" for n in range(40)]
    (candidates / "journal.bst").write_text("\n".join(own), "latin-1")
    (candidates / "journal2.bst").write_text("\n".join([*own, "% renamed"]), "latin-1")  # a copy of it
    judged = fresh.judged(sorted(candidates.glob("*.bst")), tmp_path / "texmf")
    verdicts = {name: verdict for name, _, _, _, verdict in judged}
    assert verdicts == {
        "copy.bst": "a near copy of a TeX Live style",
        "journal.bst": "kept",
        "journal2.bst": "a near copy of journal",
        "plain.bst": "a TeX Live style's name",
    }


def test_the_venue_words_file_is_what_the_data_script_writes(make_data: ModuleType) -> None:
    table = [{"name": "Journal of Instrumentation", "aliases": ["J. Instrum.", "JINST 3"]}, {"name": "AI"}]
    assert make_data.venue_words(table) == ["instrum", "instrumentation", "jinst", "journal"]
    shipped = (ROOT / "normalizer" / "data" / tagger.VENUE_WORDS_FILE).read_text("utf-8")
    assert shipped.startswith(make_data.VENUE_WORDS_HEADER)


def test_markers_give_each_character_its_field_exactly(make_data: ModuleType) -> None:
    mark = make_data.mark
    marked = (
        mark(1, "Zhai")
        + ", X. (2021). "
        + mark(3, "Scaling " + mark(14, "2106.04560"))
        + ". "
        + mark(4, "CVPR")
    )
    text, labels = make_data.char_labels(marked)
    assert text == "Zhai, X. (2021). Scaling 2106.04560. CVPR"
    assert labels[:4] == ["family"] * 4 and labels[4] is None
    assert labels[text.index("Scaling") : text.index("2106")] == ["title"] * len("Scaling ")
    assert set(labels[text.index("2106") : text.index("2106") + 10]) == {"arxiv"}  # the inner marker wins
    assert labels[-4:] == ["container"] * 4


def test_a_bst_titles_first_letter_before_its_marker_is_the_titles(make_data: ModuleType) -> None:
    # bib_entry puts a title's opening marker after its first letter (a style that lower-cases
    # the title keeps that one); a first word of one letter must still be the title's
    title = "A" + chr(make_data.OPEN + 3) + " survey" + chr(make_data.CLOSE + 3)
    text, labels = make_data.char_labels(make_data.mark(1, "Smith") + ". " + title + ". 2021")
    assert text == "Smith. A survey. 2021"
    assert labels[text.index("A")] == "title" and labels[text.index(".")] is None


def test_tokens_take_the_markers_labels_then_years_given_names_and_joiners(make_data: ModuleType) -> None:
    mark = make_data.mark
    record = make_data.Record(
        key="k",
        kind="article-journal",
        title="Scaling",
        authors=[make_data.Name("Xiaohua", "Zhai"), make_data.Name("Alexander", "Kolesnikov")],
        year=2021,
    )
    marked = (
        f"{mark(1, 'Zhai')}, X., {mark(1, 'Kolesnikov')}, Alexander, et al. (2021) "
        f"“{mark(3, 'Scaling')}”, pp. 1–2"
    )
    text, chars = make_data.char_labels(marked)
    tokens, labels = make_data.token_labels(text, chars, record)
    assert list(zip(tokens, labels, strict=True)) == [
        ("Zhai,", "family"),
        ("X.,", "given"),
        ("Kolesnikov,", "family"),
        ("Alexander,", "given"),
        ("et", "author"),
        ("al.", "author"),
        ("(2021)", "date"),
        ("“Scaling”,", "title"),
        ("pp.", "other"),
        ("1–2", "other"),
    ]


def test_the_generator_is_deterministic_and_labels_a_rendered_style(
    make_data: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("citeproc")
    monkeypatch.setattr(make_data, "_real_list_variant", lambda record, records, chooser: record)  # as given
    record = make_data.Record(
        key="test#lecun",
        kind="article-journal",
        title="Deep learning",
        authors=[make_data.Name("Yann", "LeCun"), make_data.Name("Yoshua", "Bengio")],
        year=2015,
        container="Nature",
        volume="521",
        issue="7553",
        pages="436–444",
        doi="10.1038/nature14539",
    )
    apa = str(ROOT / "fixtures" / "csl" / "styles" / "apa.csl")
    first = make_data._render_style((apa, [record]))
    assert first == make_data._render_style((apa, [record]))
    (row,) = first
    labelled = dict(zip(row["tokens"], row["labels"], strict=True))
    assert labelled["LeCun,"] == "family" and labelled["Y.,"] == "given"
    assert row["truth"]["title"].rstrip(".") == "Deep learning"
    assert row["truth"]["container"].rstrip(",") == "Nature"
    assert row["truth"]["year"] == 2015


def test_a_style_given_as_a_file_renders_alike_wherever_the_file_lies(
    make_data: ModuleType, tmp_path: Path
) -> None:
    pytest.importorskip("citeproc")
    records = [
        make_data.Record(
            key=f"test#{k}",
            kind="article-journal",
            title=f"Work number {k}",
            authors=[make_data.Name("Ada", "Lovelace")],
            year=2000 + k,
            container="Nature",
        )
        for k in range(12)
    ]
    here = ROOT / "fixtures" / "csl" / "styles" / "apa.csl"
    elsewhere = tmp_path / "somewhere" / "else" / "apa.csl"
    elsewhere.parent.mkdir(parents=True)
    elsewhere.write_bytes(here.read_bytes())

    def texts(path: Path) -> list[object]:
        return [row["text"] for row in make_data._render_style((str(path), records))]

    assert texts(here) == texts(elsewhere)


@pytest.mark.parametrize(
    ("style", "split"),
    [
        pytest.param("nature", "validation", id="nature-validation"),
        pytest.param("bmj", "validation", id="bmj-validation"),
        pytest.param("american-statistical-association", "heldout", id="asa-held-out"),
        pytest.param("bst:agufull04", "heldout", id="agufull04-held-out"),
        pytest.param("ieee", "train", id="ieee-training"),
        pytest.param("apa", "train", id="apa-an-anchor-always-trained-on"),
    ],
)
def test_the_three_way_split_is_fixed_by_the_style_name(
    make_data: ModuleType, style: str, split: str
) -> None:
    assert make_data.style_split(style) == split


def test_skipped_styles_of_a_split_are_passed_over_and_no_other_split_is_taken(make_data: ModuleType) -> None:
    """``--skip-validation 3 --validation 2``: the fourth and fifth validation styles, fresh
    beside a file made with ``--validation 3``; none of another split."""
    names = [f"style-{number}" for number in range(200)]
    validation = [name for name in names if make_data.style_split(name) == "validation"]
    wanted = {"train": 0, "validation": 2, "heldout": 0}
    taken = list(make_data.jobs([], names, wanted, 5, {"validation": 3}))
    assert [(name, split) for name, _, split in taken] == [(name, "validation") for name in validation[3:5]]


def test_evaluated_records_are_split_apart_from_the_training_ones(make_data: ModuleType) -> None:
    splits = [make_data.record_split(f"record-{number}") for number in range(400)]
    assert set(splits) == {"train", "validation", "heldout"}
    assert 0.15 < (len(splits) - splits.count("train")) / len(splits) < 0.25


def test_works_given_apart_are_every_evaluated_styles_records(make_data: ModuleType, tmp_path: Path) -> None:
    """``--works FILE.bib``: each evaluated style samples all the file's entries, whatever their
    keys' split, a title printed twice counted once."""
    bib = tmp_path / "works.bib"
    bib.write_text(
        "".join(
            f"@article{{k{number}, author = {{Ada Lovelace}}, title = {{On engines {number}}}, year = 1}}\n"
            for number in range(12)
        )
        + "@article{again, author = {Ada Lovelace}, title = {On Engines 3}, year = 1}\n",
        encoding="utf-8",
    )
    works = make_data.works_of([bib])
    assert len(works) == 12
    names = [f"style-{number}" for number in range(40)]
    wanted = {"train": 0, "validation": 2, "heldout": 1}
    taken = list(make_data.jobs(works, names, wanted, 30, None, True))
    assert sorted(split for _, _, split in taken) == ["heldout", "validation", "validation"]
    assert all(
        sorted(record.key for record in sample) == sorted(work.key for work in works)
        for _, sample, _ in taken
    )


def test_works_given_apart_render_no_training_style(make_data: ModuleType, tmp_path: Path, capsys) -> None:
    bib = tmp_path / "works.bib"
    bib.write_text(
        "@article{k, author = {Ada Lovelace}, title = {On engines}, year = 1843}\n", encoding="utf-8"
    )
    assert make_data.main(["--out", str(tmp_path / "out.jsonl"), "--works", str(bib), "--styles", "3"]) == 1
    assert "--works" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def test_a_bbl_item_becomes_plain_text_with_its_markers(make_data: ModuleType) -> None:
    mark = make_data.mark
    bbl = (
        "\\begin{thebibliography}{1}\n\n\\bibitem[Smith(2021)]{r0}\nJ.~" + mark(1, "Smith") + ".\n"
        "\\newblock ``" + mark(3, "Deep {RNA}") + ",'' {\\em " + mark(4, "Journal") + "}, "
        "pp.~" + mark(8, "1--10") + ", 2021.\n\n\\end{thebibliography}\n"
    )
    (item,) = make_data._bbl_items(bbl).items()
    assert item[0] == "r0"
    text, labels = make_data.char_labels(item[1])
    assert text == "J. Smith. “Deep RNA,” Journal, pp. 1–10, 2021."
    assert labels[text.index("RNA")] == "title" and labels[text.index("10")] == "pages"


def test_a_language_switch_prints_nothing(make_data: ModuleType) -> None:
    """GOST's styles open an entry by switching to its language, which a typeset page never shows."""
    bbl = (
        "\\begin{thebibliography}{1}\n\n\\bibitem{r0}\n\\selectlanguageifdefined{english}\n"
        "Smith~J. Deep learning. 2021.\n\n\\end{thebibliography}\n"
    )
    assert make_data._bbl_items(bbl) == {"r0": "Smith J. Deep learning. 2021."}


@pytest.mark.clients
def test_bibtex_keeps_the_markers_through_a_bst_style(make_data: ModuleType) -> None:
    from clients import need

    need("bibtex", "kpsewhich")
    import subprocess

    plain = subprocess.run(
        ["kpsewhich", "plain.bst"], capture_output=True, text=True, check=False
    ).stdout.strip()
    record = make_data.Record(
        key="test#he",
        kind="paper-conference",
        title="Deep residual learning for image recognition",
        authors=[make_data.Name("Kaiming", "He"), make_data.Name("Xiangyu", "Zhang")],
        year=2016,
        container="Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition",
        pages="770–778",
    )
    (row,) = make_data._render_bst("bst:" + plain, [record])
    assert row["style"] == "bst:plain"
    assert row["truth"]["title"].rstrip(".") == "Deep residual learning for image recognition"
    assert row["truth"]["family"] == "He"
    assert dict(zip(row["tokens"], row["labels"], strict=True))["770–778,"] == "pages"


@pytest.mark.parametrize(
    ("latex", "printed"),
    [
        pytest.param(r"The {\TeX}book", "The TeXbook", id="a-logo-inside-a-word"),
        pytest.param(
            r"Including pictures in {\TeX}", "Including pictures in TeX", id="a-logo-ending-a-title"
        ),
        pytest.param(r"\LaTeXe\ and \MF{} fonts", "LaTeX2e and METAFONT fonts", id="logos-with-spaces"),
        pytest.param(r"Rita\emdash{}an editor", "Rita—an editor", id="a-dash-macro"),
        pytest.param(r"Electronic Pub\-lish\-ing", "Electronic Publishing", id="discretionary-hyphens"),
    ],
)
def test_tex_logos_and_dashes_keep_their_printed_words(
    make_data: ModuleType, latex: str, printed: str
) -> None:
    # pylatexenc drops the macros it does not know, and the title with them ("The book")
    assert make_data._latex_to_text(latex) == printed


def _book(make_data: ModuleType, key: str, title: str, family: str) -> object:
    return make_data.Record(
        key=key,
        kind="book",
        title=title,
        authors=[make_data.Name("Ann", family)],
        year=1990,
        publisher="Press",
    )


def test_a_records_variants_are_short_titles_borrowed_editors_and_first_years(make_data: ModuleType) -> None:
    records = [_book(make_data, f"k{n}", f"Brainstorm: A Tool Number {n}", f"Family{n}") for n in range(40)]
    variants = [
        make_data._variant(record, records, make_data._variant_chooser("apa", record)) for record in records
    ]
    assert variants == [make_data._variant(r, records, make_data._variant_chooser("apa", r)) for r in records]
    titles = {variant.title for variant in variants}
    assert "Brainstorm" in titles and len(titles) > 2  # cut to the main title sometimes, not always
    lent = [variant for variant in variants if variant.editors]
    assert lent and all(variant.editors[0].family.startswith("Family") for variant in lent)
    assert all(variant.editors != records[n].authors for n, variant in enumerate(variants) if variant.editors)
    reprints = [variant for variant in variants if variant.original_year]
    assert reprints and all(variant.original_year < variant.year for variant in reprints)
    translated = [variant for variant in variants if variant.translators]
    assert translated and not any(variant.editors for variant in translated)


def test_an_article_is_printed_without_its_journal_one_time_in_twelve(make_data: ModuleType) -> None:
    records = [
        make_data.Record(
            key=f"k{n}",
            kind="article-journal",
            title="A title",
            authors=[make_data.Name("Ann", "Lee")],
            year=2020,
            container="Nature",
            volume="5",
            pages="1–9",
        )
        for n in range(120)
    ]
    variants = [make_data._variant(r, records, make_data._variant_chooser("apa", r)) for r in records]
    bare = [variant for variant in variants if not variant.container and variant.kind != "report"]
    assert 3 <= len(bare) <= 20
    assert all(variant.kind == "article" and not variant.volume and not variant.pages for variant in bare)
    assert all(variant.key == record.key for variant, record in zip(variants, records, strict=True))


def test_a_reprints_first_year_is_a_note_not_the_date(make_data: ModuleType) -> None:
    if not make_data.shutil.which("bibtex"):
        pytest.skip("bibtex is not installed")
    plain = "/usr/share/texlive/texmf-dist/bibtex/bst/base/plain.bst"
    if not Path(plain).exists():
        pytest.skip("TeX Live's plain.bst is not installed")
    record = make_data.Record(
        key="k", kind="book", title="Typographie", authors=[make_data.Name("Emil", "Ruder")], year=1988,
        publisher="Niggli", original_year=1967,
    )  # fmt: skip
    rows = [make_data._render_bst("bst:" + plain, [record])]
    (row,) = rows[0]
    labelled = list(zip(row["tokens"], row["labels"], strict=True))
    assert [label for token, label in labelled if "1967" in token] == ["note"]
    assert [label for token, label in labelled if "1988" in token] == ["date"]
    assert row["truth"]["year"] == 1988


class _GivenDraws:
    """A generator whose draws the test gives: ``random()`` in turn, ``choice`` the first, ``randint``
    the lowest."""

    def __init__(self, *draws: float) -> None:
        self.draws = list(draws)

    def random(self) -> float:
        return self.draws.pop(0)

    def choice(self, options: list[object]) -> object:
        return options[0]

    def randint(self, low: int, high: int) -> int:
        return low


def _lecun(make_data: ModuleType) -> object:
    return make_data.Record(
        key="k1", kind="article-journal", title="Deep learning", year=2015, container="Nature", volume="521",
        authors=[make_data.Name("Yann", "LeCun"), make_data.Name("Yoshua", "Bengio")], pages="436–444",
    )  # fmt: skip


def _edge(make_data: ModuleType) -> object:
    return make_data.Record(
        key="k2", kind="paper-conference",
        title="Pipelined training for distributed inference on edge devices",
        authors=[make_data.Name("Ann", "Lee")], year=2024, container="Proceedings of the Workshop on Edge AI",
        pages="1–9", publisher="ACM", doi="10.1/x",
    )  # fmt: skip


def _kingma(make_data: ModuleType) -> object:
    return make_data.Record(
        key="k4", kind="paper-conference", title="A method for stochastic optimization", year=2015,
        authors=[make_data.Name("Diederik P.", "Kingma"), make_data.Name("Jimmy", "Ba")],
        container="International Conference on Learning Representations",
    )  # fmt: skip


def _crysalis(make_data: ModuleType) -> object:
    return make_data.Record(
        key="k3", kind="book", title="Crystal structure analysis program",
        authors=[make_data.Name("Ann", "Lee")], year=2006, publisher="Oxford Diffraction", place="Abingdon",
    )  # fmt: skip


def _untitled(make_data: ModuleType) -> object:
    return make_data._untitled(_lecun(make_data), _GivenDraws(0.1))  # one time in three "Anonymous"


def _bare_misc(make_data: ModuleType) -> object:
    return make_data._bare_misc(_edge(make_data), _GivenDraws(0.9))  # its link dropped


def _named_title(make_data: ModuleType) -> object:
    record = _kingma(make_data)
    lenders = [make_data.Record(key="k5", kind="book", title="T", authors=[make_data.Name("Adam", "Smith")])]
    name = make_data._one_word_name(record, lenders, _GivenDraws(0.1))
    return make_data.dataclasses.replace(record, title=name + ": " + record.title)


def _product(make_data: ModuleType) -> object:
    return make_data._product(_crysalis(make_data), _GivenDraws(0.1))  # its name the title's acronym


def _with_species(make_data: ModuleType) -> object:
    # a species' name in parentheses after the title's first word, with its subspecies and authority
    return make_data._with_species(_edge(make_data), _GivenDraws(0.1, 0.1, 0.1))


def _two_species(make_data: ModuleType) -> object:
    # two species after the title, the second's genus abbreviated, neither's subspecies nor authority
    return make_data._with_species(_edge(make_data), _GivenDraws(0.9, 0.9, 0.9, 0.9, 0.9))


def _court_case(make_data: ModuleType) -> object:
    # "Lee v." and the first of the other parties, the first law report, volume 1, page 1
    return make_data._court_case(_edge(make_data), [_edge(make_data)], _GivenDraws(0.1, 0.9))


def _by_a_body(make_data: ModuleType) -> object:
    # a descriptor after the title (the first of the table's), the table's first body as the author
    return make_data._by_a_body(_crysalis(make_data), [_crysalis(make_data)], _GivenDraws(0.1, 0.9))


def _in_a_series(make_data: ModuleType) -> object:
    # the table's first series, number 1
    return make_data._listed_variant(_crysalis(make_data), [], _GivenDraws(0.12))


def _an_edition(make_data: ModuleType) -> object:
    # the table's first edition, "2nd ed.": BibTeX is given "2nd"
    return make_data._listed_variant(_crysalis(make_data), [], _GivenDraws(0.07))


def _web_page(make_data: ModuleType) -> object:
    # by the table's first body, on its site, read in the year after its own (1 January)
    return make_data._web_page(_edge(make_data), [_crysalis(make_data)], _GivenDraws(0.9, 0.1))


def _named_page(make_data: ModuleType) -> object:
    # the table's first body makes the table's first product, by no one; read in the year after
    draws = _GivenDraws(0.9, 0.1, 0.9, 0.9, 0.9, 0.9)
    return make_data._named_page(_edge(make_data), [_crysalis(make_data)], draws)


def _in_a_short_journal(make_data: ModuleType) -> object:
    lender = make_data.dataclasses.replace(_lecun(make_data), key="k6", container="Physica A")
    return make_data._in_a_short_journal(_lecun(make_data), [lender], _GivenDraws(0.9, 0.1))  # untitled


def _versioned_title(make_data: ModuleType) -> object:
    # the first letters of the title's first two words and the first version, after a space
    return make_data._versioned_variant(_kingma(make_data), _GivenDraws(0.01, 0.1))


def _dated_to_the_day(make_data: ModuleType) -> object:
    # the lowest month and day: 1 January
    return make_data._versioned_variant(_edge(make_data), _GivenDraws(0.04))


def _a_report(make_data: ModuleType) -> object:
    # the table's first institution and kind, the number's first form: the year's last digits and 1
    return make_data._as_report(_edge(make_data), _GivenDraws(0.9, 0.9, 0.9))


def _an_untitled_report(make_data: ModuleType) -> object:
    return make_data._as_report(_edge(make_data), _GivenDraws(0.9, 0.1, 0.9))


def _a_dated_title(make_data: ModuleType) -> object:
    # the first form, the lowest day and month: ", January 1, 2024" after the title, in its field
    return make_data._reported_variant(_edge(make_data), [], _GivenDraws(0.155))


def _a_worded_edition(make_data: ModuleType) -> object:
    # the table's first edition in words, "third": BibTeX's style prints its own "edition" after it
    return make_data._reported_variant(_crysalis(make_data), [], _GivenDraws(0.09))


BARE_VARIANTS = [
    pytest.param(
        _untitled, "plain", "Anonymous.|family Nature,|container 521:|volume 436–444,|pages 2015.|date",
        id="plain-an-untitled-article-by-anonymous",
    ),
    pytest.param(
        _untitled, "splncs04", "Anonymous:|family Nature|container 521,|volume 436–444|pages (2015)|date",
        id="splncs04-an-untitled-article-by-anonymous",
    ),
    pytest.param(
        _bare_misc, "splncs04",
        "Lee,|family A.:|given Pipelined|title training|title for|title distributed|title inference|title "
        "on|title edge|title devices|title (2024)|date",
        id="splncs04-a-misc-its-title-then-its-year",
    ),
    pytest.param(
        _bare_misc, "plain",
        "A.|given Lee.|family Pipelined|title training|title for|title distributed|title inference|title "
        "on|title edge|title devices,|title 2024.|date",
        id="plain-a-misc-its-title-then-its-year",
    ),
    pytest.param(
        _named_title, "splncs04",
        "Kingma,|family D.P.,|given Ba,|family J.:|given Adam:|title A|title method|title for|title "
        "stochastic|title optimization.|title In:|other International|container Conference|container "
        "on|container Learning|container Representations|container (2015)|date",
        id="splncs04-a-title-opened-by-a-given-name-and-a-colon",
    ),
    pytest.param(
        _product, "plain",
        "CSAP.|title Oxford|publisher Diffraction,|publisher Abingdon,|place 2006.|date "
        "version|note 1.0.|note",
        id="plain-a-program-without-authors-and-its-version",
    ),
    pytest.param(
        _with_species, "plain",
        "A.|given Lee.|family Pipelined|title (Zea|title mays|title ssp.|title mexicana|title L.)|title "
        "training|title for|title distributed|title inference|title on|title edge|title devices.|title "
        "In|other Proceedings|container of|container the|container Workshop|container on|container "
        "Edge|container AI,|container pages|other 1–9.|pages ACM,|publisher 2024.|date",
        id="plain-a-species-and-its-authority-inside-a-title",
    ),
    pytest.param(
        _two_species, "plain",
        "devices|title between|title Zea|title mays|title and|title Z.|title mays.|title In|other "
        "Proceedings|container of|container the|container Workshop|container on|container Edge|container "
        "AI,|container pages|other 1–9.|pages ACM,|publisher 2024.|date",
        id="plain-two-species-after-a-title-the-second-genus-an-initial",
    ),
    pytest.param(
        _court_case, "plain",
        "Lee|title v.|title Board|title of|title Education.|title U.S.,|container 2024.|date",
        id="plain-a-court-case-its-parties-the-title",
    ),
    pytest.param(
        _by_a_body, "plain",
        "World|family Health|family Organization.|family Crystal|title structure|title analysis|title "
        "program|title [Computer|other software].|other Oxford|publisher Diffraction,|publisher "
        "Abingdon,|place 2006.|date",
        id="plain-an-organisation-as-the-author-a-descriptor-after-the-title",
    ),
    pytest.param(
        _in_a_series, "plain",
        "program,|title volume|other 1|volume of|other Lecture|note Notes|note in|note Computer|note "
        "Science.|note Oxford|publisher Diffraction,|publisher Abingdon,|place 2006.|date",
        id="plain-a-book-in-a-series-and-its-number",
    ),
    pytest.param(
        _an_edition, "plain",
        "program.|title Oxford|publisher Diffraction,|publisher Abingdon,|place 2nd|edition "
        "edition,|other 2006.|date",
        id="plain-an-edition",
    ),
    pytest.param(
        _web_page, "plain",
        "World|family Health|family Organization.|family Pipelined|title training|title for|title "
        "distributed|title inference|title on|title edge|title devices.|title World|container "
        "Health|container Organization,|container 2024.|date Accessed|other 1|other January|other "
        "2025.|other",
        id="plain-a-web-page-by-an-organisation-and-its-date-of-access",
    ),
    pytest.param(
        _named_page, "plain",
        "TensorFlow.|title World|container Health|container Organization,|container 2024.|date "
        "Accessed|other 1|other January|other 2025.|other",
        id="plain-a-page-titled-by-a-product-s-name-by-no-one",
    ),
    pytest.param(
        _in_a_short_journal, "plain",
        "Bengio.|family Physica|container A,|container 521:|volume 436–444,|pages 2015.|date",
        id="plain-an-untitled-article-in-a-journal-of-one-word-and-a-letter",
    ),
    pytest.param(
        _versioned_title, "splncs04",
        "Kingma,|family D.P.,|given Ba,|family J.:|given MeFo|title v2:|title A|title method|title for|title "
        "stochastic|title optimization.|title In:|other International|container Conference|container "
        "on|container Learning|container Representations|container (2015)|date",
        id="splncs04-a-title-opened-by-a-programs-name-its-version-and-a-colon",
    ),
    pytest.param(
        _a_report, "plain",
        "A.|given Lee.|family Pipelined|title training|title for|title distributed|title inference|title "
        "on|title edge|title devices.|title Technical|other Report|other 24-1,|issue University|publisher "
        "of|publisher Manchester,|publisher 2024.|date",
        id="plain-a-report-its-kind-number-and-institution",
    ),
    pytest.param(
        _an_untitled_report, "plain",
        "A.|given Lee.|family Technical|other Report|other 24-1,|issue University|publisher of|publisher "
        "Manchester,|publisher 2024.|date",
        id="plain-an-untitled-report",
    ),
    pytest.param(
        _a_dated_title, "plain",
        "edge|title devices,|title January|other 1,|other 2024.|date In|other Proceedings|container "
        "of|container the|container Workshop|container on|container Edge|container AI,|container pages|other "
        "1–9.|pages ACM,|publisher 2024.|date",
        id="plain-a-date-to-the-day-in-the-titles-field-no-fields",
    ),
    pytest.param(
        _a_worded_edition, "plain",
        "program.|title Oxford|publisher Diffraction,|publisher Abingdon,|place third|edition edition,|other "
        "2006.|date",
        id="plain-an-edition-in-words",
    ),
    pytest.param(
        _dated_to_the_day, "plain",
        "In|other Proceedings|container of|container the|container Workshop|container on|container "
        "Edge|container AI,|container pages|other 1–9.|pages ACM,|publisher January|other 2024.|date",
        id="plain-a-date-with-its-month",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("variant", "style", "labelled"), BARE_VARIANTS)
def test_the_bare_variants_label_what_a_style_prints(
    make_data: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    variant: object,
    style: str,
    labelled: list[object],
) -> None:
    if not make_data.shutil.which("bibtex"):
        pytest.skip("bibtex is not installed")
    bst = (
        Path("/usr/share/texlive/texmf-dist/bibtex/bst")
        / ("base" if style == "plain" else "llncs")
        / f"{style}.bst"
    )
    if not bst.exists():
        pytest.skip(f"TeX Live's {style}.bst is not installed")
    monkeypatch.setattr(make_data, "_variant", lambda record, records, chooser: record)  # this variant only
    (row,) = make_data._render_bst("bst:" + str(bst), [variant(make_data)])  # type: ignore[operator]
    tokens = list(zip(row["tokens"], row["labels"], strict=True))
    expected = [tuple(pair.split("|")) for pair in labelled.split()]
    assert tokens[-len(expected) :] == expected  # after the list number plain adds
    assert ("title" in row["labels"]) == (row["truth"]["title"] is not None)


def test_apa_prints_a_date_to_the_day_its_month_and_day_no_fields(
    make_data: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(make_data, "_variant", lambda record, records, chooser: record)  # this variant only
    apa = str(ROOT / "fixtures" / "csl" / "styles" / "apa.csl")
    page = make_data.Record(
        key="k7", kind="webpage", title="Pipelined training", authors=[make_data.Name("Ann", "Lee")],
        year=2024, url="https://edge.org/pipelined",
    )  # fmt: skip
    (row,) = make_data._render_style((apa, [make_data._versioned_variant(page, _GivenDraws(0.04))]))
    labelled = list(zip(row["tokens"], row["labels"], strict=True))
    day = [("(2024,", "date"), ("January", "other"), ("1).", "other"), ("Pipelined", "title")]
    assert labelled[2:6] == day
    assert row["truth"]["year"] == 2024


def test_a_csl_style_prints_a_reports_kind_and_number_and_an_editions_cue_no_fields(
    make_data: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """APA prints a report's kind and number in brackets after its title, the kind no field's, the
    number labelled as BibTeX's ``number`` is; an edition's cue ("ed." of "2nd ed.") no field's,
    as "pp." is none, the edition's word its own."""
    monkeypatch.setattr(make_data, "_variant", lambda record, records, chooser: record)  # this variant only
    apa = str(ROOT / "fixtures" / "csl" / "styles" / "apa.csl")
    report = make_data._as_report(_crysalis(make_data), _GivenDraws(0.9, 0.9, 0.9))
    edition = make_data.dataclasses.replace(_crysalis(make_data), edition="2nd", printed_edition="2nd ed.")
    rows = make_data._render_style((apa, [report, edition]))
    labelled = [" ".join(map("|".join, zip(row["tokens"], row["labels"], strict=True))) for row in rows]
    assert labelled == [
        "Lee,|family A.|given (2006).|date Crystal|title structure|title analysis|title program|title "
        "(Technical|other Report|other 06-1).|issue University|publisher of|publisher Manchester.|publisher",
        "Lee,|family A.|given (2006).|date Crystal|title structure|title analysis|title program|title "
        "(2nd|edition ed.).|other Oxford|publisher Diffraction.|publisher",
    ]


def test_with_edition_cues_an_editions_cue_is_labelled_no_fields_in_every_file_read(tmp_path: Path) -> None:
    """The data made before the ninth version labelled "edn" of "2nd edn" the edition's where a CSL
    style printed it as given; read with ``edition_cues`` (``--edition-cues-as-other``), the
    training rows read it as the cue it is, and as the file gives it without."""
    data = tmp_path / "data.jsonl"
    row = {
        "style": "s", "split": "train", "text": "Lee, A. Title, 2nd edn. Press, 2006.",
        "tokens": ["Lee,", "A.", "Title,", "2nd", "edn.", "Press,", "2006."],
        "labels": ["family", "given", "title", "edition", "edition", "publisher", "date"],
    }  # fmt: skip
    data.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (read,) = script("train_tagger").training_rows(data, edition_cues=True)
    assert read["labels"] == ["family", "given", "title", "edition", "other", "publisher", "date"]
    (as_given,) = script("train_tagger").training_rows(data)
    assert as_given["labels"] == row["labels"]


def test_the_reported_variants_are_a_few_in_a_hundred_and_change_what_they_name(
    make_data: ModuleType,
) -> None:
    records, variants = _varied_four_kinds(make_data, last=True)
    _, before = _varied_four_kinds(make_data)  # every draw before it as it was
    pairs = list(zip(variants, before, strict=True))
    shapes = make_data._shapes()
    reports = [v for v, b in pairs if v.report_kind and not b.report_kind]
    assert 80 <= len(reports) <= 170  # 3% of 4,000
    assert all(v.kind == "report" and v.issue and v.publisher for v in reports)
    assert all(not v.container and not v.pages and v.report_kind in shapes["report-kinds"] for v in reports)
    assert 0 < sum(not v.title for v in reports) < len(reports) / 3  # one in five untitled
    untitled = [v for v, b in pairs if not v.title and b.title and v.kind == "paper-conference"]
    assert 3 <= len(untitled) <= 25 and all(v.container for v in untitled)  # 1% of 1,000 papers
    unknown = [v for v, b in pairs if "??" in v.pages and "??" not in b.pages]
    assert 8 <= len(unknown) <= 40 and all(v.kind == "article-journal" for v in unknown)  # 2% of 1,000
    worded = shapes["editions-worded"]
    editions = [v for v, b in pairs if v.printed_edition in worded and not b.printed_edition]
    assert 40 <= len(editions) <= 110 and all(v.kind in ("book", "report") for v in editions)  # 4% of 2,000
    months = {month.name for month in make_data.MONTHS}
    retitled = [(v, b) for v, b in pairs if v.title and b.title and v.title != b.title]
    dated = [v for v, _ in retitled if months & set(v.title.replace(",", " ").split())]
    one_letter = [v for v, b in retitled if v.title.split(" ", 1)[-1].casefold() == b.title.casefold()]
    parts = [v for v, _ in retitled if v not in dated and v not in one_letter]
    numbers = {*make_data._ROMAN, *(str(number) for number in range(2, 31))}
    assert 80 <= len(parts) <= 170  # 3% of 4,000
    assert all(numbers & set(re.split(r"[\s.,:]+", v.title)) for v in parts)
    assert 30 <= len(dated) <= 95  # 1.5% of 4,000
    assert 30 <= len(one_letter) <= 95  # 1.5% of 4,000
    assert all(v.title.split()[0] in make_data._ONE_LETTER_WORDS for v in one_letter)
    assert all(name.given in ("A.", "") for v in one_letter for name in v.authors)  # initials; a body none
    assert [v.key for v in variants] == [r.key for r in records]


def test_the_bare_variants_are_a_few_in_a_hundred_and_keep_the_records_key(
    make_data: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a later draw's titles apart
    monkeypatch.setattr(make_data, "_versioned_variant", lambda record, chooser: record)
    monkeypatch.setattr(make_data, "_reported_variant", lambda record, records, chooser: record)
    kinds = ["article-journal", "paper-conference", "book", "report"]
    records = [
        make_data.Record(
            key=f"k{n}", kind=kinds[n % 4], title="A title", authors=[make_data.Name("Ann", "Lee")],
            year=2020, container="Nature" if n % 4 < 2 else "", publisher="Press", doi="10.1/x", url="https://x.org",
            volume="7" if n % 16 else "",  # an article without a volume or pages is never printed untitled
        )
        for n in range(2000)
    ]  # fmt: skip
    variants = [make_data._variant(r, records, make_data._variant_chooser("apa", r)) for r in records]
    untitled = [v for v in variants if not v.title]
    anonymous = [v for v in untitled if v.authors[0].family == "Anonymous"]
    named = [v for v in variants if v.title.endswith(": A title")]
    products = [v for v in variants if not v.authors and v.kind not in ("legal_case", "webpage")]
    bare = [v for v in variants if v.kind == "article" and not v.publisher and not v.doi]
    assert 10 <= len(untitled) <= 45 and 1 <= len(anonymous) < len(untitled)  # 3% and 3% more of 375 articles
    assert all(v.kind == "article-journal" and v.container and v.volume for v in untitled)
    assert 40 <= len(named) <= 120  # 4% of 2,000
    assert all(v.kind in ("book", "report") and v.note.startswith("version ") for v in products)
    assert 10 <= len(products) <= 40  # 2% of 1,000 books and reports
    assert 30 <= len(bare) <= 100 and all(not v.container and not v.pages for v in bare)  # 4% of 1,500
    assert [v.key for v in variants] == [r.key for r in records]


SAMPLE = ROOT / "fixtures" / "tagger" / "sample.jsonl"


def test_the_committed_sample_of_training_data_is_consistent() -> None:
    rows = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines()]
    assert len(rows) == 60
    for row in rows:
        assert [row["text"][start:end] for start, end in tagger.tokenize(row["text"])] == row["tokens"]
        assert len(row["labels"]) == len(row["tokens"])
        assert set(row["labels"]) <= set(tagger.LABELS)
    assert {row["split"] for row in rows} == {"train", "validation", "heldout"}


def test_the_packaged_model_reads_the_titles_of_its_training_styles_in_the_sample() -> None:
    rows = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines()]
    seen = [row for row in rows if row["split"] == "train"]
    read = sum(key(tagger.tag_reference(row["text"]).title) == key(row["truth"]["title"]) for row in seen)
    assert read >= 0.9 * len(seen)


def test_weighing_keeps_each_tokens_marginal_of_the_fields_a_reader_weighs() -> None:
    text = "Smith, J. (2020). A title of a paper. Journal of Things, 3(2), 1–10."
    plain, weighed = tagger.tag_reference(text), tagger.tag_reference(text, weigh=True)
    assert plain.labels == weighed.labels and plain.label_marginals == {}
    assert set(weighed.label_marginals) == set(tagger.WEIGHED_LABELS)
    title = weighed.label_marginals["title"]
    assert len(title) == len(weighed.tokens) and all(0 <= value <= 1 for value in title)
    assert weighed.agreement("title", weighed.title or "") == 1.0  # its own reading
    assert weighed.overlap("title", f"{weighed.title}. Journal of Things") == "runs-on"


def test_the_printed_variants_are_a_few_in_a_hundred_and_keep_the_records_key(
    make_data: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(make_data, "_reported_variant", lambda record, records, chooser: record)  # later
    records = [
        make_data.Record(
            key=f"k{n}", kind="article-journal", title="Seed dormancy in cereals",
            authors=[make_data.Name("Ann", f"Lee{n}")], year=2020, volume="5", pages="1–9",
            container="Theoretical and Applied Genetics",
        )
        for n in range(2000)
    ]  # fmt: skip
    variants = [make_data._variant(r, records, make_data._variant_chooser("apa", r)) for r in records]
    titled = [v for v in variants if v.kind != "webpage"]  # a named page may hold a genus's letters
    species = [v for v in titled if any(genus in v.title for genus, *_ in make_data._SPECIES)]
    cases = [v for v in variants if v.kind == "legal_case"]
    assert 40 <= len(species) <= 120  # 4% of 2,000 titles
    assert all("Seed" in v.title for v in species)
    assert 15 <= len(cases) <= 50  # 1.5% of 2,000
    assert all(" v. " in v.title or v.title.startswith("In re ") for v in cases)
    assert all(not v.authors and v.container in make_data._REPORTERS and v.year for v in cases)
    assert [v.key for v in variants] == [r.key for r in records]


def _varied_four_kinds(make_data: ModuleType, last: bool = False) -> tuple[list[Any], list[Any]]:
    """4,000 records, a journal article, a paper, a book and a report in turn, and their variants:
    without the last draw's (`_reported_variant`) unless ``last``."""
    reported = make_data._reported_variant
    if not last:
        make_data._reported_variant = lambda record, records, chooser: record
    kinds = ["article-journal", "paper-conference", "book", "report"]
    records = [
        make_data.Record(
            key=f"k{n}", kind=kinds[n % 4], title="A title", authors=[make_data.Name("Ann", f"Lee{n}")],
            year=2020, container="Nature" if n % 4 < 2 else "", volume="7" if n % 4 == 0 else "",
        )
        for n in range(4000)
    ]  # fmt: skip
    try:
        variants = [make_data._variant(r, records, make_data._variant_chooser("apa", r)) for r in records]
    finally:
        make_data._reported_variant = reported
    return records, variants


def test_the_listed_variants_are_a_few_in_a_hundred_and_keep_the_records_key(make_data: ModuleType) -> None:
    records, variants = _varied_four_kinds(make_data)
    bodies = [v for v in variants if v.authors and v.authors[0].body and v.kind != "webpage"]
    pages = [v for v in variants if v.kind == "webpage" and v.title.startswith("A title")]  # not a named one
    editions = [v for v in variants if v.printed_edition]
    series = [v for v in variants if v.series]
    assert 80 <= len(bodies) <= 160  # 3% of 4,000
    assert 50 <= len(pages) <= 110 and all(v.url and v.accessed > str(v.year) for v in pages)  # 2%
    assert 50 <= len(editions) <= 110 and all(v.kind in ("book", "report") for v in editions)  # 4% of 2,000
    assert 90 <= len(series) <= 200 and all(v.kind != "article-journal" for v in series)  # 4% of 3,000
    assert all(v.series_number == "" for v in series if v.volume)
    assert [v.key for v in variants] == [r.key for r in records]


def test_the_real_lists_variants_are_a_few_in_a_hundred_and_keep_the_records_key(
    make_data: ModuleType,
) -> None:
    """The tenth draw: an article's journal without its numbers, a project's group as the author."""
    records, _ = _varied_four_kinds(make_data)
    variants = [make_data._as_a_training_style_prints("apa", r, records) for r in records]  # apa trains
    pairs = list(zip(variants, records, strict=True))
    unnumbered = [v for v, r in pairs if r.volume and not v.volume and v.authors == r.authors]
    assert 20 <= len(unnumbered) <= 65  # 4% of the 1,000 articles
    assert all(v.kind == "article-journal" and v.container == "Nature" and v.title for v in unnumbered)
    groups = [v for v, r in pairs if v.authors != r.authors]
    assert 45 <= len(groups) <= 120  # 2% of 4,000
    forms = [form.split("{}") for form in make_data._shapes()["groups"]]
    for variant in groups:
        (group,) = variant.authors
        assert group.body and any(group.family.startswith(a) and group.family.endswith(b) for a, b in forms)
    assert 0 < sum(v.kind == "webpage" for v in groups) < len(groups)  # a web page one time in two
    assert [v.key for v in variants] == [r.key for r in records]


def test_without_the_ninth_draw_the_variants_are_the_eighth_versions(make_data: ModuleType) -> None:
    """`--without-draw reported`: the records' variants as the script made them before that draw."""
    records, eighth = _varied_four_kinds(make_data)  # `_reported_variant` taken out
    make_data.SKIPPED_DRAWS.add("reported")
    try:
        without = [make_data._variant(r, records, make_data._variant_chooser("apa", r)) for r in records]
    finally:
        make_data.SKIPPED_DRAWS.discard("reported")
    assert without == eighth
    _, ninth = _varied_four_kinds(make_data, last=True)
    assert without != ninth


def _a_french_style(make_data: ModuleType, split: str) -> str:
    """A style name of ``split`` that French typography's draw picks (one in `_FRENCH_STYLES`)."""
    names = (f"style-{n}" for n in range(10_000))
    french = (n for n in names if make_data._hash(n + "\0french") % make_data._FRENCH_STYLES == 0)
    return next(n for n in french if make_data.style_split(n) == split)


def test_one_training_style_in_25_prints_french_typographys_spaces_and_quotes(make_data: ModuleType) -> None:
    printed = "Friedman, J. \u201cGreedy: A boosting machine\u201d. In: Annals; 29, 2001. https://x.org/a"
    french = "Friedman, J. « Greedy : A boosting machine ». In : Annals ; 29, 2001. https://x.org/a"
    assert make_data._french_spaced(_a_french_style(make_data, "train"), printed) == french
    # a validation style is never changed: the validation files stay comparable with older ones
    assert make_data._french_spaced(_a_french_style(make_data, "validation"), printed) == printed
    names = [f"style-{n}" for n in range(4000)]
    spaced = [n for n in names if make_data._french_spaced(n, printed) != printed]
    training = [n for n in names if make_data.style_split(n) == "train"]
    assert 0.02 * len(training) <= len(spaced) <= 0.06 * len(training)
    # the markers stay with their characters: a title's colon keeps its field
    k = 3  # the title's marker (`FIELDS`)
    marked = "Lee, A. " + make_data.mark(k, "Greedy: A machine") + ". In: Annals."
    text, chars = make_data.char_labels(make_data._french_spaced(_a_french_style(make_data, "train"), marked))
    assert text == "Lee, A. Greedy : A machine. In : Annals."
    assert chars[text.index(" : ") + 1] == "title" and chars[text.index("In :") + 3] is None


def test_the_named_variants_are_a_few_in_a_hundred_and_keep_the_records_key(make_data: ModuleType) -> None:
    records, variants = _varied_four_kinds(make_data)
    names = {*make_data._shapes()["products"], *make_data._shapes()["bodies"]}
    named = [v for v in variants if v.kind == "webpage" and v.title in names]
    numbered = [v for v in variants if v.title.startswith("A title") and any(c.isdigit() for c in v.title)]
    assert 35 <= len(named) <= 95  # 1.5% of 4,000
    assert all(v.url and v.accessed and v.container for v in named)
    assert all(not v.authors or (len(v.authors) == 1 and v.authors[0].body) for v in named)
    assert sum(not v.authors for v in named) > 0
    assert 0 < sum(v.year is None for v in named) < len(named)
    assert 80 <= len(numbered) <= 170  # 3% of 4,000
    assert [v.key for v in variants] == [r.key for r in records]


def test_the_versioned_variants_are_a_few_in_a_hundred_and_change_a_title_or_a_date_alone(
    make_data: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    records, variants = _varied_four_kinds(make_data)
    monkeypatch.setattr(make_data, "_versioned_variant", lambda record, chooser: record)
    _, before = _varied_four_kinds(make_data)  # every draw before it as it was
    pairs = list(zip(variants, before, strict=True))
    versioned = [(v, b) for v, b in pairs if v.title != b.title]
    dated = [(v, b) for v, b in pairs if v.issued_day]
    assert 80 <= len(versioned) <= 170  # 3% of 4,000
    assert all(v.title.endswith(": " + b.title) and ":" not in b.title and v.authors for v, b in versioned)
    assert 50 <= len(dated) <= 110  # 2% of 4,000
    months_and_days = [tuple(int(part) for part in v.issued_day.split("-")) for v, _ in dated]
    assert all(1 <= month <= 12 and 1 <= day <= 28 for month, day in months_and_days)
    assert all(v.year for v, _ in dated)
    changed = [(v, b) for v, b in pairs if v != b]
    assert len(changed) == len(versioned) + len(dated)
    assert all(make_data.dataclasses.replace(v, title=b.title, issued_day="") == b for v, b in changed)
    assert [v.key for v in variants] == [r.key for r in records]


@pytest.mark.parametrize("collecting", [True, False])
def test_the_collector_waits_while_strings_are_tagged_and_is_left_as_it_was(
    monkeypatch: pytest.MonkeyPatch, collecting: bool
) -> None:
    """Cycles wait for the collector while a call tags (its passes over the caches cost a fifth of a
    cold reading); after the call the collector runs, or not, as before it."""
    model = tagger.packaged_tagger()
    read = model._read_many
    seen: list[bool] = []

    def reading(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return read(*args, **kwargs)

    monkeypatch.setattr(model, "_read_many", reading)
    (gc.enable if collecting else gc.disable)()
    try:
        model.tag_many(["Smith, J. (2020). A title. Journal, 3, 1–10."])
        after = gc.isenabled()
    finally:
        gc.enable()
    assert seen == [False]
    assert after is collecting


def test_the_collector_resumes_when_the_last_of_several_tagging_calls_ends() -> None:
    """Two threads tagging at once: the first to end does not resume the collector under the
    other; the last one does, as it ran when the first began."""
    pause = tagger._CollectionPause()
    assert gc.isenabled()
    pause.__enter__()
    pause.__enter__()
    pause.__exit__()
    assert not gc.isenabled()
    pause.__exit__()
    assert gc.isenabled()


@pytest.mark.parametrize(
    ("tokens", "labels", "marked"),
    [
        # French typography's colon set apart by blanks, read as no field's between the title's words
        pytest.param(("Dynamics", ":", "A", "Practical"), ("title", "other", "title", "title"),
                     ("title", "title", "title", "title"), id="a-spaced-colon"),
        pytest.param(("Analysis", "-", "XX."), ("title", "other", "title"),
                     ("title", "title", "title"), id="a-spaced-dash"),
        # not between the title and another field, nor a word
        pytest.param(("Dynamics", ":", "Springer"), ("title", "other", "publisher"),
                     ("title", "other", "publisher"), id="before-another-field"),
        pytest.param(("Dynamics", "and", "Practice"), ("title", "other", "title"),
                     ("title", "other", "title"), id="a-word"),
        # a part's number before the mark, read as no field's too (a real thesis's "Correlation in
        # seasonal variation of weather. VIII : A preliminary study of world weather.")
        pytest.param(("weather.", "VIII", ":", "A"), ("title", "other", "other", "title"),
                     ("title", "title", "title", "title"), id="a-parts-number-and-a-spaced-colon"),
        pytest.param(("weather.", "VIII", ":", "Nature"), ("title", "other", "other", "container"),
                     ("title", "other", "other", "container"), id="a-parts-number-before-another-field"),
        pytest.param(("weather.", "Vol", ":", "A"), ("title", "other", "other", "title"),
                     ("title", "other", "other", "title"), id="a-word-no-numeral"),
    ],
)  # fmt: skip
def test_a_titles_mark_between_its_words_is_the_titles(
    tokens: tuple[str, ...], labels: tuple[str, ...], marked: tuple[str, ...]
) -> None:
    """One title, not two runs of which the first would be taken."""
    assert tagger._marks_inside_the_title(tokens, labels) == marked


def test_a_title_parted_by_a_spaced_dash_is_read_whole() -> None:
    """A real Vancouver list's item (the model reads the dash as no field's)."""
    text = (
        "Wei W. Time Series Analysis - XX. Univariate and Multivariate Methods. Reading, MA, USA: "
        "Addison-Wesley; 1990."
    )
    assert (
        tagger.tag_reference(text).title == "Time Series Analysis - XX. Univariate and Multivariate Methods"
    )
