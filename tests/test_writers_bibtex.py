"""Specification of the BibTeX and biblatex writers (bibnorm.writers.bibtex) and the registry."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
from bibnorm.bib.bibfile import FormatOptions, format_bibtex
from bibnorm.config import Settings
from bibnorm.errors import UsageError
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.resolvers.semantic_scholar import paper_to_reference
from bibnorm.text.titles import plain_text
from bibnorm.writers import WriterOptions, format_for_output, get_writer, infer_format
from bibnorm.writers import bibtex as bibtex_module
from bibnorm.writers.bibtex import STYLES, Mode, bibliography_of, render
from bibnorm.writers.bibtex_entry import entry_fields
from bibnorm.writers.bibtex_layout import written_entries
from bibtex_oracle import render_through_writer, written_by_bibtexparser
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from paths import VERIFY_DEV
from records import PUBLISHED

BIBTEX = get_writer("bibtex")
BIBLATEX = get_writer("biblatex")

# arXiv 2303.14027 as the snapshot has it, plus a made-up code link for the code field.
POINCARE = Reference(
    title="Poincaré ResNet",
    authors=(
        Person(given="Max", family="Spengler", particle="van"),
        Person(given="Erwin", family="Berkhout"),
        Person(given="Pascal", family="Mettes"),
    ),
    issued=PartialDate(year=2023, month=3),
    ids=Identifiers(arxiv_id="2303.14027"),
    primary_class="cs.CV",
    code_links=("https://github.com/maxvanspengler/poincare-resnet",),
)
JOURNAL = Reference(
    title="Multi-Symmetry Ensembles",
    authors=(Person(given="Marin", family="Soljačić"), Person(literal="H1 Collaboration")),
    issued=PartialDate(year=2024, month=1, day=5),
    entry_type="article",
    venue="Journal of Machine Learning Research",
    volume="25",
    number="3",
    pages="1--20",
    ids=Identifiers(arxiv_id="2303.02484", doi="10.5555/jmlr.2024.3"),
)


# Expected entries are written plainly and laid out by `format_bibtex`: the writers lay
# their text out exactly as `bibnorm format` does, so `check` finds nothing (BN602).
def flat(text: str) -> str:
    """An entry's text with runs of spaces collapsed (alignment aside)."""
    return re.sub(r" +", " ", text)


POINCARE_HEAD = (
    "@misc{vanspengler2023poincare,\n"
    "  author = {van Spengler, Max and Berkhout, Erwin and Mettes, Pascal},\n"
    "  title = {Poincar{\\'e} {ResNet}},\n"
    "  howpublished = {arXiv:2303.14027 [cs.CV]},\n"
    "  year = 2023,\n"
    "  month = mar,\n"
)
# Full names (the default): the venue table's name of NeurIPS in 2017, "(NIPS)".
VASWANI_HEAD = (
    "@inproceedings{vaswani2017attention,\n"
    "  author = {Vaswani, Ashish and Shazeer, Noam},\n"
    "  title = {Attention Is All You Need},\n"
    "  booktitle = {Advances in Neural Information Processing Systems (NIPS)},\n"
    "  volume = 30,\n"
    "  pages = {5998--6008},\n"
    "  year = 2017,\n"
    "  month = dec,\n"
    "  publisher = {Curran Associates, Inc.},\n"
)


@pytest.mark.parametrize(
    ("key", "reference", "doi_link", "expected"),
    [
        # Every common style prints howpublished on @misc: the id there alone (eprint, arXiv's
        # DOI and page would print it again in ACM-Reference-Format, plainnat, biblatex).
        pytest.param(
            "vanspengler2023poincare",
            POINCARE,
            None,
            POINCARE_HEAD + "  code = {https://github.com/maxvanspengler/poincare-resnet}\n}\n",
            id="preprint",
        ),
        pytest.param(
            "vanspengler2023poincare",
            POINCARE,
            "url+note",
            POINCARE_HEAD
            + "  eprint = {2303.14027},\n  archivePrefix = {arXiv},\n  primaryClass = {cs.CV},\n"
            "  doi = {10.48550/arXiv.2303.14027},\n  url = {https://arxiv.org/abs/2303.14027},\n"
            "  code = {https://github.com/maxvanspengler/poincare-resnet}\n}\n",
            id="preprint-doi-link",
        ),
        # No DOI: the free copy's id is how a reader finds the paper, in the note every style
        # prints, and nowhere else.
        pytest.param(
            "vaswani2017attention",
            PUBLISHED,
            None,
            VASWANI_HEAD + "  note = {arXiv:1706.03762 [cs.CL]}\n}\n",
            id="no-doi",
        ),
        # --doi-link keeps the arXiv fields, never arXiv's DOI on a published paper.
        pytest.param(
            "vaswani2017attention",
            PUBLISHED,
            "url+note",
            VASWANI_HEAD + "  eprint = {1706.03762},\n  archivePrefix = {arXiv},\n  primaryClass = {cs.CL},\n"
            "  url = {https://arxiv.org/abs/1706.03762}\n}\n",
            id="no-doi-doi-link",
        ),
    ],
)
def test_preprint_and_paper_without_doi(
    key: str, reference: Reference, doi_link: str | None, expected: str
) -> None:
    options = WriterOptions(doi_link=doi_link)  # type: ignore[arg-type]
    assert BIBTEX.write([(key, reference)], options) == format_bibtex(expected)


def test_article_with_published_doi_and_literal_name() -> None:
    # The DOI in the note every style prints, and not in doi (plainnat would print it twice); the
    # preprint's eprint stays, which only ACM-Reference-Format and biblatex print.
    assert BIBTEX.write([("k", JOURNAL)], WriterOptions()) == format_bibtex(
        "@article{k,\n"
        "  author = {Solja{\\v{c}}i{\\'c}, Marin and {H1 Collaboration}},\n"
        "  title = {Multi-Symmetry Ensembles},\n"
        "  journal = {Journal of Machine Learning Research},\n"
        "  volume = 25,\n"
        "  number = 3,\n"
        "  pages = {1--20},\n"
        "  year = 2024,\n"
        "  month = jan,\n"
        "  note = {doi: 10.5555/jmlr.2024.3},\n"
        "  eprint = {2303.02484},\n"
        "  archivePrefix = {arXiv}\n"
        "}\n"
    )


@pytest.mark.parametrize(
    ("doi_link", "note", "url"),
    [
        pytest.param(
            "url+note", "doi: 10.1007/11880561\\_13", "https://doi.org/10.1007/11880561_13", id="url+note"
        ),
        pytest.param("url", None, "https://doi.org/10.1007/11880561_13", id="url"),
        pytest.param("note", "doi: 10.1007/11880561\\_13", "https://arxiv.org/abs/2303.02484", id="note"),
        pytest.param("none", None, "https://arxiv.org/abs/2303.02484", id="none"),
    ],
)
def test_a_published_doi_goes_where_styles_that_ignore_doi_print_it(
    doi_link: str, note: str | None, url: str
) -> None:
    """plain and abbrv print only ``note``, IEEEtran ``url`` and ``note``; the DOI's underscore
    is escaped where it is text (note) and raw where it is read verbatim (doi, url)."""
    reference = JOURNAL.model_copy(
        update={"ids": Identifiers(doi="10.1007/11880561_13", arxiv_id="2303.02484")}
    )
    text = BIBTEX.write([("k", reference)], WriterOptions(doi_link=doi_link))  # type: ignore[arg-type]
    fields = {f.key: f.value for f in bibtexparser.parse_string(text).entries[0].fields}
    assert (fields.get("note"), fields["url"], fields["doi"]) == (note, url, "10.1007/11880561_13")
    assert fields["eprint"] == "2303.02484"  # the preprint stays findable


def test_the_doi_link_comes_from_the_settings() -> None:
    # `doi_link = "note"` in bibnorm.toml / --doi-link note reach the writer.
    assert WriterOptions.from_settings(Settings(doi_link="note")).doi_link == "note"
    assert WriterOptions.from_settings(Settings()).doi_link is None  # each id once, in note


@pytest.mark.parametrize("doi", [None, "10.48550/arXiv.2303.02484"], ids=["no-doi", "arxiv-doi"])
def test_no_doi_link_without_a_publisher_doi_nor_on_a_preprint(doi: str | None) -> None:
    for reference in (JOURNAL, POINCARE):
        changed = reference.model_copy(update={"ids": Identifiers(doi=doi, arxiv_id="2303.02484")})
        text = BIBTEX.write([("k", changed)], WriterOptions(doi_link="url+note"))
        fields = {f.key: f.value for f in bibtexparser.parse_string(text).entries[0].fields}
        assert "note" not in fields and fields["url"] == "https://arxiv.org/abs/2303.02484"


def test_biblatex_online_with_iso_date_and_unicode() -> None:
    reference = POINCARE.model_copy(update={"issued": PartialDate(year=2023, month=3, day=24)})
    assert BIBLATEX.write([("k", reference)], WriterOptions()) == format_bibtex(
        "@online{k,\n"
        "  author = {van Spengler, Max and Berkhout, Erwin and Mettes, Pascal},\n"
        "  title = {Poincaré {ResNet}},\n"
        "  date = {2023-03-24},\n"
        "  eprint = {2303.14027},\n"
        "  eprinttype = {arxiv},\n"
        "  eprintclass = {cs.CV},\n"
        # biblatex prints eprint, doi and url: arXiv's DOI and page would show the id thrice.
        "  verba = {https://github.com/maxvanspengler/poincare-resnet}\n"
        "}\n"
    )


def test_biblatex_article_journaltitle_no_publisher() -> None:
    reference = JOURNAL.model_copy(update={"publisher": "JMLR"})
    text = BIBLATEX.write([("k", reference)], WriterOptions())
    assert " journaltitle = {Journal of Machine Learning Research},\n" in flat(text)
    assert " date = {2024-01-05},\n" in flat(text)
    assert "publisher" not in text
    assert "@article{k," in text


def test_unicode_option_keeps_non_ascii_in_bibtex() -> None:
    text = BIBTEX.write([("k", JOURNAL)], WriterOptions(unicode=True))
    assert " author = {Soljačić, Marin and {H1 Collaboration}},\n" in flat(text)


def test_published_type_without_venue_falls_back_to_misc_with_warning() -> None:
    reference = POINCARE.model_copy(update={"entry_type": "article"})
    rendered = BIBTEX.render([("k", reference)], WriterOptions())
    assert rendered.text.startswith("@misc{k,\n")
    assert [p.code for p in rendered.warnings] == ["output.no_venue"]


@pytest.mark.parametrize(
    ("title", "written", "removed"),
    [
        pytest.param(
            "Poincar\u202eTeNseR \u202c\u2066ok\u2069", "{PoincarTeNseR} ok", 4, id="bidi-override-isolate"
        ),
        pytest.param("Poincar\u00e9\u200b Res\u2060Net\ufeff", "Poincar{\\'e} {ResNet}", 3, id="zero-width"),
        pytest.param("\u200fPoincar\u00e9 ResNet\u200e", "Poincar{\\'e} {ResNet}", 2, id="direction-marks"),
        pytest.param("Poincar\u00e9 ResNet", "Poincar{\\'e} {ResNet}", 0, id="none"),
    ],
)
def test_invisible_direction_and_zero_width_characters_leave_the_title_with_a_warning(
    title: str, written: str, removed: int
) -> None:
    """Invisible characters that reorder or split a title (Trojan Source) are not
    written; a warning says how many went."""
    rendered = BIBTEX.render([("k", POINCARE.model_copy(update={"title": title}))], WriterOptions())
    assert f" title = {{{written}}},\n" in flat(rendered.text)
    warnings = [p.message for p in rendered.warnings if p.code == "output.invisible_characters"]
    expected = f"k: title: removed {removed} invisible direction or zero-width character(s)"
    assert warnings == ([expected] if removed else [])


def test_zero_width_joiners_that_scripts_need_stay() -> None:
    # A Persian word with its zero-width non-joiner, an emoji sequence with its zero-width joiner.
    title = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 and \U0001f469\u200d\U0001f52c"
    rendered = BIBTEX.render(
        [("k", POINCARE.model_copy(update={"title": title}))], WriterOptions(unicode=True)
    )
    assert "\u200c" in rendered.text and "\u200d" in rendered.text
    assert not [p for p in rendered.warnings if p.code == "output.invisible_characters"]


def test_character_without_latex_form_warns_not_crashes() -> None:
    reference = POINCARE.model_copy(update={"title": "中文 Poincaré"})
    rendered = BIBTEX.render([("k", reference)], WriterOptions())
    assert " title = {中文 Poincar{\\'e}},\n" in flat(rendered.text)
    assert [p.code for p in rendered.warnings] == ["latex.no_form", "latex.no_form"]
    assert "U+4E2D" in rendered.warnings[0].message


def test_name_forms() -> None:
    people = (
        Person(given="Martin Luther", family="King", suffix="Jr."),
        Person(given="Jan", family="Berg", particle="van der"),
        Person(given="Stéphane", family="Ascoli", particle="d'"),
        Person(family="Prabhat"),
        Person(literal="Google Research & DeepMind"),
        Person(given="A.", family="Smith, and Sons"),
    )
    reference = Reference(title="T", authors=people)
    text = BIBTEX.write([("k", reference)], WriterOptions())
    assert (
        "  author = {King, Jr., Martin Luther and van der Berg, Jan and d'Ascoli, St{\\'e}phane"
        " and Prabhat and {Google Research \\& DeepMind} and {Smith, and Sons}, A.},\n"
    ) in text


@pytest.mark.parametrize(
    ("person", "written"),
    [
        # BibTeX splits name words at hyphens and reads a lower-case piece as a particle:
        # "d'Alch{\'e}-Buc" would print "d'Alché Buc"; braced as dblp writes it, it stays whole.
        pytest.param(Person(given="Florence", family="d'Alché-Buc"), "d'Alch{\\'e}{-}Buc, Florence",
                     id="lower-case-piece-before-a-hyphen"),
        pytest.param(Person(given="Florence", family="Alché-Buc", particle="d'"),
                     "d'Alch{\\'e}{-}Buc, Florence", id="glued-particle-before-a-hyphen"),
        pytest.param(Person(given="Ana", family="Berg-Smith", particle="van der"), "van der Berg-Smith, Ana",
                     id="spaced-particle-stays-a-particle"),
        pytest.param(Person(given="Lluis", family="Gomez-Bigorda"), "Gomez-Bigorda, Lluis",
                     id="capitalised-pieces-left-as-written"),
        pytest.param(Person(given="Jean-Baptiste", family="Alayrac"), "Alayrac, Jean-Baptiste",
                     id="given-names-keep-their-initials"),
        pytest.param(Person(given="Ana", family="Perez-y-Gasset"), "Perez{-}y{-}Gasset, Ana",
                     id="lower-case-piece-inside"),
    ],
)  # fmt: skip
def test_hyphenated_family_names_stay_whole(person: Person, written: str) -> None:
    reference = Reference(title="T", authors=(person,), editors=(person,), entry_type="inproceedings",
                          venue="V")  # fmt: skip
    text = BIBTEX.write([("k", reference)], WriterOptions())
    assert f"  author    = {{{written}}},\n  editor    = {{{written}}},\n" in text


def test_output_order_is_input_order_and_deterministic() -> None:
    pairs = [("z", POINCARE), ("a", PUBLISHED), ("m", JOURNAL)]
    first = BIBTEX.write(pairs, WriterOptions())
    assert [e.key for e in bibtexparser.parse_string(first).entries] == ["z", "a", "m"]
    assert first.encode() == BIBTEX.write(list(pairs), WriterOptions()).encode()
    assert BIBLATEX.write(pairs, WriterOptions()).encode() == BIBLATEX.write(pairs, WriterOptions()).encode()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("bibtex", "bibtex", id="bibtex"),
        pytest.param("BibLaTeX", "biblatex", id="case-insensitive"),
        pytest.param("csl-json", "csl-json", id="csl"),
    ],
)
def test_get_writer(name: str, expected: str) -> None:
    assert get_writer(name).name == expected


def test_get_writer_unknown_is_usage_error() -> None:
    with pytest.raises(UsageError, match="bibtex, biblatex, csl-json, hayagriva, csl-yaml, ris"):
        get_writer("docx")


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        pytest.param("out.bib", "bibtex", id="bib"),
        pytest.param(Path("dir/refs.JSON"), "csl-json", id="json-upper"),
        pytest.param("-", None, id="stdout"),
        pytest.param(None, None, id="none"),
        pytest.param("refs.txt", None, id="unknown"),
    ],
)
def test_infer_format(path: str | Path | None, fmt: str | None) -> None:
    assert infer_format(path) == fmt


@pytest.mark.parametrize(
    ("path", "among", "fmt"),
    [
        pytest.param("out.bib", None, "bibtex", id="bib"),
        pytest.param("dir/refs.JSON", None, "csl-json", id="json-upper"),
        pytest.param("-", None, None, id="stdout"),
        pytest.param("/dev/stdout", None, None, id="no-suffix"),
        pytest.param("refs.bib", ("bibtex", "biblatex"), "bibtex", id="bib-among-tex-formats"),
    ],
)
def test_format_for_output(path: str, among: tuple[str, ...] | None, fmt: str | None) -> None:
    assert format_for_output(path, among=among) == fmt


@pytest.mark.parametrize(
    ("path", "among", "known"),
    [
        pytest.param(
            "out.txt",
            None,
            ".bib (bibtex), .json (csl-json), .yml (hayagriva), .yaml (hayagriva), .ris (ris)",
            id="txt",
        ),
        pytest.param("refs.json", ("bibtex", "biblatex"), ".bib (bibtex)", id="json-among-tex-formats"),
    ],
)
def test_format_for_output_refuses_an_unknown_suffix(
    path: str, among: tuple[str, ...] | None, known: str
) -> None:
    with pytest.raises(UsageError) as raised:
        format_for_output(path, among=among)
    assert f"known: {known}, or '-' for standard output" in str(raised.value)


# ---------------------------------------------------------------------------------------------
# Round trip: model → BibTeX → bibtexparser → LaTeX decoded → the same people and titles.

ROUND_TRIP_NAMES = [
    pytest.param(Person(given="Łukasz", family="Kaiser"), id="l-stroke"),
    pytest.param(Person(given="Jörg", family="Müller"), id="umlaut"),
    pytest.param(Person(given="Jan", family="Berg", particle="van der"), id="van-der"),
    pytest.param(Person(given="Max", family="Spengler", particle="van"), id="van"),
    pytest.param(Person(given="Florence", family="d'Alché-Buc"), id="hyphen-after-lower-case"),
    pytest.param(Person(given="Florence", family="Alché-Buc", particle="d'"), id="hyphen-after-particle"),
    pytest.param(Person(given="John", family="Neumann", particle="von"), id="von"),
    pytest.param(Person(given="María", family="Cruz", particle="de la"), id="de-la"),
    pytest.param(Person(given="Stéphane", family="Ascoli", particle="d'"), id="d-apostrophe"),
    pytest.param(Person(given="Martin Luther", family="King", suffix="Jr."), id="jr"),
    pytest.param(Person(given="John", family="Smith", suffix="III"), id="iii"),
    pytest.param(Person(literal="H1 Collaboration"), id="collaboration"),
    pytest.param(Person(literal="The ATLAS Collaboration"), id="the-collaboration"),
    pytest.param(Person(literal="AI & Society Lab"), id="literal-ampersand"),
    pytest.param(Person(given="Marin", family="Soljačić"), id="caron"),
    pytest.param(Person(given="Hervé", family="Jégou"), id="acute"),
    pytest.param(Person(given="Romain", family="Brégier"), id="bregier"),
    pytest.param(Person(given="Christoph", family="Hümmer"), id="huemmer"),
    pytest.param(Person(given="Gül", family="Varol"), id="gul"),
    pytest.param(Person(family="Prabhat"), id="single-name"),
    pytest.param(Person(given="Jean-Baptiste", family="Alayrac"), id="hyphenated-given"),
    pytest.param(Person(given="Andrew G.", family="Howard"), id="initial"),
    pytest.param(Person(given="Øyvind", family="Tafjord"), id="o-slash"),
    pytest.param(Person(given="Cathy", family="O'Neil"), id="apostrophe-family"),
    pytest.param(Person(given="Gabriel", family="García Márquez"), id="compound-family"),
    pytest.param(Person(given="Çağlar", family="Gülçehre"), id="cedilla-breve"),
    pytest.param(Person(given="Antonín", family="Dvořák"), id="r-caron"),
    pytest.param(Person(given="Anders", family="Ångström"), id="ring"),
    pytest.param(Person(given="Zoë", family="Kravitz"), id="diaeresis"),
    pytest.param(Person(given="Uğur", family="Şahin"), id="s-cedilla"),
    pytest.param(Person(given="Thị", family="Nguyễn"), id="vietnamese-stacked"),
    pytest.param(Person(given="Wolfgang", family="Großmann"), id="eszett"),
]


def _full_family(person: Person) -> str:
    if not person.particle:
        return person.family
    glue = "" if person.particle.endswith("'") else " "
    return person.particle + glue + person.family


def _decoded_people(author_field: str) -> list[tuple[str, str, str, str]]:
    people = []
    for name in split_multiple_persons_names(author_field):
        parts = parse_single_name_into_parts(name)
        if (
            not (parts.first or parts.von or parts.jr)
            and len(parts.last) == 1
            and parts.last[0].startswith("{")
        ):
            people.append(("", "", "", plain_text(parts.last[0])))
            continue
        family = " ".join([*parts.von, *parts.last])
        people.append(
            (plain_text(" ".join(parts.first)), plain_text(family), plain_text(" ".join(parts.jr)), "")
        )
    return people


@pytest.mark.parametrize("unicode", [pytest.param(False, id="latex"), pytest.param(True, id="unicode")])
@pytest.mark.parametrize("person", ROUND_TRIP_NAMES)
def test_names_round_trip(person: Person, unicode: bool) -> None:
    reference = Reference(title="T", authors=(person, Person(given="Ada", family="Lovelace")))
    text = BIBTEX.write([("k", reference)], WriterOptions(unicode=unicode))
    entry = bibtexparser.parse_string(text).entries[0]
    expected = (person.given, _full_family(person), person.suffix, person.literal)
    assert _decoded_people(entry["author"]) == [expected, ("Ada", "Lovelace", "", "")]


ROUND_TRIP_TITLES = [
    pytest.param(
        "ViT-CoMer: Vision Transformer with Convolutional Multi-scale Feature Interaction", id="vit-comer"
    ),
    pytest.param(
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding", id="bert"
    ),
    pytest.param("PanGu-π: Enhancing Language Model Architectures via Nonlinearity Compensation", id="pangu"),
    pytest.param("Poincaré ResNet", id="poincare"),
    pytest.param("Attention Is All You Need", id="plain"),
    pytest.param("R&D at 50% of #1 with a_b", id="specials"),
    pytest.param("An $O(N \\log N)$ Algorithm for $k$-Means", id="math"),
    pytest.param("ImageNet-21K Pretraining for the Masses", id="imagenet-21k"),
    pytest.param("T5: Exploring the Limits of Transfer Learning", id="t5"),
    pytest.param("3D Gaussian Splatting for Real-Time Radiance Field Rendering", id="3d"),
    pytest.param("mPLUG-Owl: Modularization Empowers Large Language Models", id="mplug"),
    pytest.param("Ego4D: Around the World in 3,000 Hours of Egocentric Video", id="ego4d"),
    pytest.param("Is ChatGPT a Good Translator? Yes With GPT-4 As The Engine", id="chatgpt"),
    pytest.param("Segment Anything — or Not – 1–2", id="dashes"),
    pytest.param("Über die Quantenmechanik der Elektronen", id="german"),
    pytest.param("ΔNeRF and α-Blending with β-VAE", id="greek"),
    pytest.param("Multi-HMR: Multi-Person Whole-Body Human Mesh Recovery in a Single Shot", id="multi-hmr"),
    pytest.param("VLTSeg: Simple Transfer of CLIP-Based Vision-Language Representations", id="vltseg"),
    pytest.param("CroCo v2: Improved Cross-view Completion Pre-training", id="croco"),
    pytest.param("A 100%-Accurate Model? Not Quite", id="percent-hyphen"),
    pytest.param("Nguyễn's Dvořák Ångström Şahin Study", id="accents-everywhere"),
    pytest.param("C++ & C# in Practice", id="c-plus-plus"),
    pytest.param("Costs of $5", id="lone-dollar"),
]


@pytest.mark.parametrize("unicode", [pytest.param(False, id="latex"), pytest.param(True, id="unicode")])
@pytest.mark.parametrize("title", ROUND_TRIP_TITLES)
def test_titles_round_trip(title: str, unicode: bool) -> None:
    text = BIBTEX.write([("k", Reference(title=title))], WriterOptions(unicode=unicode))
    entry = bibtexparser.parse_string(text).entries[0]
    assert plain_text(entry["title"]) == title


def test_several_code_links_are_one_list_in_every_format() -> None:
    reference = POINCARE.model_copy(
        update={"code_links": ("https://github.com/a/b", "https://gitlab.com/c/d")}
    )
    joined = "{https://github.com/a/b and https://gitlab.com/c/d},"
    assert f" code = {joined}" in flat(BIBTEX.write([("k", reference)], WriterOptions()))
    assert f" verba = {joined}" in flat(BIBLATEX.write([("k", reference)], WriterOptions()))


def test_biblatex_writes_greek_as_commands_and_latin_as_utf8() -> None:
    reference = POINCARE.model_copy(update={"title": "PanGu-π: Poincaré Δ"})
    assert " title = {{PanGu}-{\\ensuremath{\\pi}}: Poincaré {\\ensuremath{\\Delta}}}," in flat(
        BIBLATEX.write([("k", reference)], WriterOptions())
    )
    # --unicode: a UTF-8 engine takes everything as is.
    assert " title = {{PanGu}-π: Poincaré Δ}," in flat(
        BIBLATEX.write([("k", reference)], WriterOptions(unicode=True))
    )


def _world_references() -> list[tuple[str, Reference]]:
    """Every Semantic Scholar record of the verify development world (1,600 papers: articles,
    proceedings and preprints, names and venues in many scripts)."""
    lines = (VERIFY_DEV / "dev_public.world.jsonl").read_text(encoding="utf-8").splitlines()
    papers = [record["s2"] for record in map(json.loads, lines) if record.get("s2")]
    return [(f"key{number}", paper_to_reference(paper)) for number, paper in enumerate(papers)]


WORLD = _world_references()


@pytest.mark.parametrize(
    ("mode", "unicode", "style"),
    [
        pytest.param("bibtex", False, "bibnorm", id="bibtex"),
        pytest.param("bibtex", True, "bibnorm", id="bibtex-unicode"),
        pytest.param("biblatex", False, "bibnorm", id="biblatex"),
        pytest.param("biblatex", True, "bibnorm", id="biblatex-unicode"),
        *(pytest.param("bibtex", False, style, id=f"bibtex-{style}") for style in STYLES),
    ],
)
def test_render_writes_what_bibtexparsers_writer_and_format_write(
    mode: Mode, unicode: bool, style: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = WriterOptions(unicode=unicode, style=style)
    expected = render_through_writer(WORLD, options, mode)
    with monkeypatch.context() as patched:  # the direct way, never `format` of the writer's text
        patched.setattr(bibtex_module, "format_bibtex", None)
        assert render(WORLD, options, mode) == expected
    assert expected.text.count("\n@") + 1 == len(WORLD)


@pytest.mark.parametrize(
    "layout",
    [
        pytest.param(FormatOptions(journal_names="abbreviated"), id="venues-abbreviated"),
        pytest.param(FormatOptions(journal_names="full", sort=True), id="venues-full-sorted"),
        pytest.param(FormatOptions(align=False, indent="\t", newline="\r\n"), id="tabs-crlf-unaligned"),
        pytest.param(FormatOptions(month_macros=True, field_order=("url", "title")), id="own-field-order"),
    ],
)
def test_render_lays_entries_out_as_format_would_in_any_layout(
    layout: FormatOptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `[tool.bibnorm.format]` layout: `format` respells venues, sorts, indents and orders
    fields of the writer's text; the direct way does the same without that text."""
    options = WriterOptions(layout=layout)
    expected = render_through_writer(WORLD, options, "bibtex")
    with monkeypatch.context() as patched:
        patched.setattr(bibtex_module, "format_bibtex", None)
        assert render(WORLD, options, "bibtex") == expected


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("Line\nbreak", id="line-break"),
        pytest.param("A carriage\rreturn", id="carriage-return"),
        pytest.param("Ends with a backslash \\", id="trailing-backslash"),
        pytest.param("Line\nbreak then\n@article{inside", id="block-start-in-value"),
        # Enough \r\n line ends in a few such entries would make \r\n the whole file's.
        pytest.param("Windows\r\nline\r\nends", id="crlf"),
    ],
)
def test_an_awkward_entry_sends_the_file_through_format(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry whose text might read back otherwise is not laid out directly: `format` reads
    the writer's text of the whole file (bibtexparser's text, byte for byte), so the file is
    the long way's, whatever the value does to the entries around it."""
    update = {"pages": value, "url": value, "code_links": (value,)}
    references = [*WORLD[:2], ("a", POINCARE.model_copy(update=update)), *WORLD[2:4]]
    expected = render_through_writer(references, WriterOptions(), "bibtex")
    formatted: list[str] = []
    format_bibtex = bibtex_module.format_bibtex
    with monkeypatch.context() as patched:
        patched.setattr(
            bibtex_module,
            "format_bibtex",
            lambda text, layout: formatted.append(text) or format_bibtex(text, layout),
        )
        assert render(references, WriterOptions(), "bibtex") == expected
    assert formatted == [written_by_bibtexparser(references, WriterOptions(), "bibtex")]


@pytest.mark.parametrize("mode", ["bibtex", "biblatex"])
def test_the_writers_text_is_bibtexparsers(mode: Mode) -> None:
    """The text `format` reads for an awkward file is what bibtexparser's writer writes."""
    evidence = bibliography_of(WORLD)
    entries = [entry_fields(key, reference, mode, WriterOptions(), evidence) for key, reference in WORLD]
    written = written_entries(
        [(entry.entry_type, key, entry.fields) for (key, _), entry in zip(WORLD, entries, strict=True)]
    )
    assert written == written_by_bibtexparser(WORLD, WriterOptions(), mode)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("Braces } {unbalanced", id="unbalanced-braces"),
        pytest.param("Braces {inside} twice {here}", id="balanced-braces"),
        pytest.param("A \\{literal\\} brace, a comma, and = signs", id="escaped-braces"),
        pytest.param("Line\nbreak then\n@article{inside", id="block-start-in-value"),
        pytest.param('"Quoted" words and 100% of #hashes', id="quotes-and-specials"),
        pytest.param("Ends with a backslash \\", id="trailing-backslash"),
        pytest.param("A carriage\rreturn", id="carriage-return"),
    ],
)
@pytest.mark.parametrize("mode", ["bibtex", "biblatex"])
def test_render_of_awkward_values_is_the_writers_too(mode: Mode, value: str) -> None:
    update = {"title": value, "pages": value, "url": value, "code_links": (value,)}
    references = [("a", POINCARE.model_copy(update=update)), *WORLD[:3]]
    assert render(references, WriterOptions(), mode) == render_through_writer(
        references, WriterOptions(), mode
    )


def test_a_key_given_twice_is_refused() -> None:
    """A bibliography names each entry once: two entries under one key are a caller's error."""
    with pytest.raises(ValueError, match=r"Duplicate keys found: \['k'\]"):
        render([("k", POINCARE), ("k", JOURNAL)], WriterOptions(), "bibtex")
