"""Specification of bibnorm.resolve.keys: key formulas, presets, transliteration, collisions."""

from __future__ import annotations

import pytest
from bibnorm.errors import UsageError
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.resolve.keys import (
    PRESETS,
    KeyBook,
    assign_keys,
    make_key,
    stop_words,
    transliterate,
    validate_key_format,
)

ZHAI = Reference(
    title="Scaling Vision Transformers",
    authors=(Person(given="Xiaohua", family="Zhai"), Person(given="Alexander", family="Kolesnikov")),
    issued=PartialDate(year=2021, month=6),
    ids=Identifiers(arxiv_id="2106.04560"),
)
VIT = Reference(
    title="An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
    authors=(Person(given="Alexey", family="Dosovitskiy"),),
    issued=PartialDate(year=2020),
    ids=Identifiers(arxiv_id="2010.11929"),
)
KAISER = Reference(
    title="One Model To Learn Them All",
    authors=(Person(given="Łukasz", family="Kaiser"),),
    issued=PartialDate(year=2017),
    ids=Identifiers(arxiv_id="1706.05137"),
)
MULLER = Reference(
    title="Über Attention", authors=(Person(given="Jörg", family="Müller"),), issued=PartialDate(year=2023)
)
VAN = Reference(
    title="Poincaré ResNet",
    authors=(Person(given="Max", family="Spengler", particle="van"),),
    issued=PartialDate(year=2023),
    ids=Identifiers(arxiv_id="2303.14027"),
)
H1 = Reference(
    title="The Proton Structure", authors=(Person(literal="H1 Collaboration"),), issued=PartialDate(year=1999)
)
ANON = Reference(title="The Pile: An 800GB Dataset", issued=PartialDate(year=2020))
OLD = Reference(
    title="Old Style",
    authors=(Person(given="A.", family="Witten"),),
    ids=Identifiers(arxiv_id="hep-th/9901001"),
)
DBLP_KNOWN = VIT.model_copy(
    update={"ids": Identifiers(arxiv_id="2010.11929", dblp="conf/iclr/DosovitskiyB0WZ21")}
)


@pytest.mark.parametrize(
    ("reference", "fmt", "key"),
    [
        pytest.param(ZHAI, "google", "zhai2021scaling", id="google"),
        pytest.param(ZHAI, "{family}{year}{firstword}", "zhai2021scaling", id="google-formula"),
        pytest.param(VIT, "google", "dosovitskiy2020image", id="google-skips-stopword-an"),
        pytest.param(KAISER, "google", "kaiser2017one", id="google-l-stroke-given-unused"),
        pytest.param(MULLER, "google", "muller2023uber", id="google-transliterates"),
        pytest.param(VAN, "google", "spengler2023poincare", id="google-particle-dropped"),
        pytest.param(H1, "google", "h11999proton", id="literal-first-word"),
        pytest.param(ANON, "google", "anon2020pile", id="no-authors-anon"),
        pytest.param(OLD, "google", "wittenold", id="no-year-omitted"),
        pytest.param(ZHAI, "bbt", "Zhai2021ScalingVisionTransformers", id="bbt"),
        pytest.param(VIT, "bbt", "Dosovitskiy2020ImageIsWorth", id="bbt-stopwords"),
        pytest.param(MULLER, "bbt", "Muller2023UberAttention", id="bbt-transliterated"),
        pytest.param(ANON, "bbt", "Anon2020Pile800GBDataset", id="bbt-anon"),
        pytest.param(ZHAI, "arxiv", "2106.04560", id="arxiv"),
        pytest.param(OLD, "arxiv", "hep-th/9901001", id="arxiv-old-style"),
        pytest.param(MULLER, "arxiv", "muller2023uber", id="arxiv-missing-falls-back"),
        pytest.param(ZHAI, "dblp", "DBLP:journals/corr/abs-2106-04560", id="dblp-corr"),
        pytest.param(DBLP_KNOWN, "dblp", "DBLP:conf/iclr/DosovitskiyB0WZ21", id="dblp-known"),
        pytest.param(MULLER, "dblp", "muller2023uber", id="dblp-missing-falls-back"),
        pytest.param(ZHAI, "{auth}_{year}", "Zhai_2021", id="literal-text"),
        pytest.param(ZHAI, "{family} {year}!", "zhai2021", id="unsafe-chars-dropped"),
    ],
)
def test_make_key(reference: Reference, fmt: str, key: str) -> None:
    assert make_key(reference, fmt) == key


@pytest.mark.parametrize(
    ("text", "ascii"),
    [
        pytest.param("Łukasz", "Lukasz", id="L-stroke"),
        pytest.param("Müller", "Muller", id="umlaut"),
        pytest.param("Øyvind", "Oyvind", id="o-slash"),
        pytest.param("Straße", "Strasse", id="eszett"),
        pytest.param("Æsir", "AEsir", id="ae"),
        pytest.param("Soljačić", "Soljacic", id="caron"),
        pytest.param("Đặng", "Dang", id="vietnamese"),
        pytest.param("中文x", "x", id="other-scripts-dropped"),
    ],
)
def test_transliterate(text: str, ascii: str) -> None:
    assert transliterate(text) == ascii


def test_stop_words_come_from_csl_list() -> None:
    words = stop_words()
    assert {"a", "an", "the", "of", "for", "via"} <= words
    assert "according to" not in words  # phrases are not single title words


def test_presets_are_named() -> None:
    assert set(PRESETS) == {"google", "bbt", "arxiv", "dblp"}


@pytest.mark.parametrize(
    "fmt",
    [
        pytest.param("{family}{yaer}", id="typo"),
        pytest.param("plain", id="no-placeholder"),
        pytest.param("{family}}", id="unbalanced"),
        pytest.param("gogle", id="unknown-preset"),
    ],
)
def test_validate_key_format_rejects(fmt: str) -> None:
    with pytest.raises(UsageError):
        validate_key_format(fmt)


def test_validate_key_format_names_the_placeholder() -> None:
    with pytest.raises(UsageError, match=r"\{yaer\}"):
        validate_key_format("{family}{yaer}")


def _same_key_pair() -> tuple[Reference, Reference]:
    first = ZHAI
    second = ZHAI.model_copy(update={"title": "Scaling Laws", "ids": Identifiers(arxiv_id="2001.08361")})
    return first, second


def test_collisions_get_suffixes_by_paper_identity_not_input_order() -> None:
    zhai, laws = _same_key_pair()  # both want zhai2021scaling; 2001.08361 sorts first
    assert assign_keys([(zhai, None), (laws, None)], "google") == ["zhai2021scalinga", "zhai2021scaling"]
    assert assign_keys([(laws, None), (zhai, None)], "google") == ["zhai2021scaling", "zhai2021scalinga"]


def test_three_way_collision_a_b() -> None:
    zhai, laws = _same_key_pair()
    third = ZHAI.model_copy(update={"ids": Identifiers(arxiv_id="2206.00001")})
    keys = assign_keys([(third, None), (zhai, None), (laws, None)], "google")
    assert keys == ["zhai2021scalingb", "zhai2021scalinga", "zhai2021scaling"]


def test_existing_keys_kept_and_reserved() -> None:
    zhai, laws = _same_key_pair()
    wanted = [(zhai, None), (laws, "zhai2021scaling")]
    assert assign_keys(wanted, "google") == ["zhai2021scalinga", "zhai2021scaling"]


def test_rekey_ignores_existing_keys() -> None:
    assert assign_keys([(ZHAI, "Zhai:2021")], "google", keep_existing=False) == ["zhai2021scaling"]


def test_repeated_existing_key_suffixed_in_input_order() -> None:
    assert assign_keys([(ZHAI, "mykey"), (VIT, "mykey")], "google") == ["mykey", "mykeya"]


def test_collisions_case_insensitive() -> None:
    assert assign_keys([(ZHAI, "Zhai2021Scaling"), (ZHAI, None)], "google") == [
        "Zhai2021Scaling",
        "zhai2021scalinga",
    ]


def test_suffix_does_not_steal_another_papers_bare_key() -> None:
    # "anon2020pilea" would be the collision suffix of anon2020pile, but another paper wants it bare.
    pile_a = ANON.model_copy(update={"title": "Pilea Plants"})
    keys = assign_keys([(ANON, None), (ANON, None), (pile_a, None)], "google")
    assert keys == ["anon2020pile", "anon2020pileb", "anon2020pilea"]


def test_unknown_format_raises_usage_error() -> None:
    with pytest.raises(UsageError):
        assign_keys([(ZHAI, None)], "{nope}")


def test_stable_across_runs() -> None:
    wanted = [(r, None) for r in (ZHAI, VIT, KAISER, MULLER, VAN, H1, ANON, OLD)]
    assert assign_keys(wanted, "bbt") == assign_keys(list(wanted), "bbt")


def test_a_key_book_finds_a_paper_by_arxiv_id_doi_or_title() -> None:
    book = KeyBook()
    preprint = Reference(title="Scaling Vision Transformers", ids=Identifiers(arxiv_id="2106.04560"))
    book.add_reference("zhai2021scaling", preprint)
    published = preprint.model_copy(
        update={"issued": PartialDate(year=2022), "entry_type": "inproceedings", "venue": "CVPR"}
    )
    assert book.key_for(published) == "zhai2021scaling"  # the year changed; the key did not
    assert book.key_for(Reference(title="Scaling vision transformers.")) == "zhai2021scaling"
    other_paper = Reference(title="Scaling Vision Transformers", ids=Identifiers(arxiv_id="2301.00001"))
    assert book.key_for(other_paper) is None  # same title, another paper
    assert book.key_for(Reference(title="Scaling Vision Transformers to 22 Billion Parameters")) is None
    book.add("vaswani", ["doi:10.5555/3295222.3295349"])
    assert book.key_for(Reference(title="Other", ids=Identifiers(doi="10.5555/3295222.3295349"))) == "vaswani"
