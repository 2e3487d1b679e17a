"""A back-reference at an item's end (hyperref's backref as abnTeX2 and classicthesis print it,
biblatex's ``backref``) lists the pages that cite the item: it is left out of the item before
the item is read, so its pages are no pages or year of the work and its words no title.
Items as the theses and papers of the development sets print them."""

from __future__ import annotations

import pytest
from bibnorm.readers._reflist import without_back_reference
from bibnorm.readers.refs import read_refs


@pytest.mark.parametrize(
    ("item", "left"),
    [
        pytest.param(
            "KOLIVER, C.; DORNELES, R. V. Título do trabalho. UFRGS, 2004. Citado na página 18.",
            "KOLIVER, C.; DORNELES, R. V. Título do trabalho. UFRGS, 2004.",
            id="abnTeX2, one page",
        ),
        pytest.param(
            'GOUGH, J.; BRYANT, D. Mastering API Architecture. [S.l.]: "O’Reilly Media, Inc.", '
            "2021. Citado 2 vezes nas páginas 21 e 25.",
            'GOUGH, J.; BRYANT, D. Mastering API Architecture. [S.l.]: "O’Reilly Media, Inc.", 2021.',
            id="abnTeX2, cited twice",
        ),
        pytest.param(
            "SILVA, A. Um título. 2019. Citado nas páginas 3, 5, 8 e 12.",
            "SILVA, A. Um título. 2019.",
            id="abnTeX2, four pages",
        ),
        pytest.param(
            "J. Andreas. Measuring compositionality in representation learning. CoRR, abs/1902.07181, 2019. "
            "URL http://arxiv.org/abs/1902.07181. (Cited on page 124.)",
            "J. Andreas. Measuring compositionality in representation learning. CoRR, abs/1902.07181, 2019. "
            "URL http://arxiv.org/abs/1902.07181.",
            id="classicthesis, one page",
        ),
        pytest.param(
            "A. Author. A title. In Proceedings of EMNLP, Brussels, Oct. 2018a. (Cited\non pages 29 and 57.)",
            "A. Author. A title. In Proceedings of EMNLP, Brussels, Oct. 2018a.",
            id="classicthesis, two pages over a line break",
        ),
        pytest.param(
            "A. Author. A title. 2018. (Cited on pages 3, 5, and 12.)",
            "A. Author. A title. 2018.",
            id="English serial comma",
        ),
        pytest.param(
            "D. E. Knuth. The TeXbook. Addison-Wesley, 1984 (cit. on pp. 3, 7).",
            "D. E. Knuth. The TeXbook. Addison-Wesley, 1984.",
            id="biblatex abbreviated, its period kept",
        ),
        pytest.param(
            "D. E. Knuth. The TeXbook. Addison-Wesley, 1984 (cited on page 5).",
            "D. E. Knuth. The TeXbook. Addison-Wesley, 1984.",
            id="biblatex in full",
        ),
        pytest.param(
            "B. Bruegge and A. Dutoit, “Object-oriented software engineering,” 2009. (Citato a pagina 3)",
            "B. Bruegge and A. Dutoit, “Object-oriented software engineering,” 2009.",
            id="Italian",
        ),
        pytest.param(
            "D. E. Knuth. Das TeXbuch. Addison-Wesley, 1984 (siehe S. 5).",
            "D. E. Knuth. Das TeXbuch. Addison-Wesley, 1984.",
            id="German biblatex's see, in parentheses",
        ),
        pytest.param("M. Müller. Titel. 2005. Zitiert auf Seite 5.", "M. Müller. Titel. 2005.", id="German"),
        pytest.param(
            "SILVA, A. Título. 2019. Nenhuma citação no texto.", "SILVA, A. Título. 2019.", id="uncited"
        ),
        pytest.param("A. Author. A title. 2001. ↑ 12, 15", "A. Author. A title. 2001.", id="an arrow"),
    ],
)
def test_a_back_reference_is_left_out_of_its_item(item: str, left: str) -> None:
    assert without_back_reference(item) == left


@pytest.mark.parametrize(
    "item",
    [
        pytest.param("A. Author. A title. Verlag, 2010, siehe S. 5.", id="see outside parentheses"),
        pytest.param("A. Author. A title. J. Chem. 5, 2001, p. 12.", id="a page of the work"),
        pytest.param("A. Author. Cited on page 18: a novel. Knopf, 2001.", id="the words in a title"),
        pytest.param("Citado na página 18.", id="nothing else"),
    ],
)
def test_no_back_reference_stays_as_printed(item: str) -> None:
    assert without_back_reference(item) == item


def test_the_reference_before_a_back_reference_is_read_without_it() -> None:
    text = (
        "HOSTINGER. O que é CSS? 2019. Disponível em: <https://www.hostinger.com.br/tutoriais/o-que-e-css/>. "
        "Citado na página 39.\n\n"
        "GOUGH, J.; BRYANT, D.; AUBURN, M. Mastering API Architecture. [S.l.]: O’Reilly Media, 2021. "
        "Citado 2 vezes nas páginas 21 e 25.\n"
    )
    queries = read_refs(text, "refs.txt")
    assert [(query.title, query.year) for query in queries] == [
        ("O que é CSS?", 2019),
        ("Mastering API Architecture", 2021),
    ]
    assert all("Citado" not in query.raw for query in queries)
