"""The shapes of the DOIs registrants mint by a rule: whole, not whole (cut or with a number glued
on), or of no kind the table knows. The rows are real DOIs and the forms pages printed them in."""

from __future__ import annotations

import json

import pytest
from bibnorm.text import data_file
from bibnorm.text.doi_shapes import SHAPES, doi_shape

TABLE = json.loads(data_file("doi-shapes.json").read_text("utf-8"))["shapes"]


@pytest.mark.parametrize(
    ("doi", "whole"),
    [
        # whole: each as a reference printed it (bench/pdf_heldout)
        pytest.param("10.1038/nature11993", True, id="Nature, an article"),
        pytest.param("10.1038/nrg.2016.114", True, id="Nature, a journal code and year"),
        pytest.param("10.1016/j.molcel.2014.08.019", True, id="Elsevier, a journal article"),
        pytest.param("10.1016/j.heliyon.2019.e01950", True, id="Elsevier, an e-number"),
        pytest.param("10.1016/0378-1119(95)00639-7", True, id="Elsevier, a PII"),
        pytest.param("10.1093/nar/gkab1036", True, id="Oxford"),
        pytest.param("10.1101/556993", True, id="bioRxiv, numbered"),
        pytest.param("10.1101/2020.04.14.20065771", True, id="medRxiv, dated: eight digits"),
        pytest.param("10.1038/s41562-016-0021", True, id="Springer Nature, no check character"),
        pytest.param("10.1007/978-981-13-1426-1_6", True, id="Springer, a chapter"),
        pytest.param("10.48550/arXiv.1303.3997", True, id="arXiv's DataCite DOI"),
        pytest.param("10.18653/v1/D17-1160", True, id="ACL Anthology"),
        pytest.param("10.1214/07-STS236", True, id="IMS"),
        # not whole: a PubMed id glued on, or a line break's cut
        pytest.param("10.1038/nature1199323446346", False, id="a PubMed id glued on"),
        pytest.param("10.1016/j.cell.2014.09.00125242744", False, id="a PubMed id glued on Elsevier's"),
        pytest.param("10.1080/15476286.2015.10", False, id="cut where the line broke"),
        pytest.param("10.18653/v1/D1", False, id="cut by a font's spacing"),
        pytest.param("10.1186/s40537-01600436", False, id="a hyphen taken by a page range's dash"),
        pytest.param("10.1101/2023.03.17.53315", False, id="a dated preprint cut"),
        # no shape known: the registrant chooses freely
        pytest.param("10.1145/3290353", None, id="ACM"),
        pytest.param("10.1234/anything", None, id="any other"),
    ],
)
def test_a_doi_s_shape(doi: str, whole: bool | None) -> None:
    assert doi_shape(doi) is whole


@pytest.mark.parametrize("shape", TABLE, ids=[one["registrant"] for one in TABLE])
def test_every_example_of_the_table_is_whole_by_its_own_shape(shape: dict[str, object]) -> None:
    examples = shape["examples"]
    assert isinstance(examples, list) and examples
    for example in examples:
        (first,) = [one for one in SHAPES if one.kind.match(example)][:1]
        assert first.registrant == shape["registrant"], example  # no earlier kind takes it
        assert doi_shape(example) is True, example
