"""What a book, thesis or report prints after its title is no part of it: a firm as publisher,
an edition with its page count, a thesis's or report's kind. Lines as econ-bst's sample document
sets them (texlive-doc; its .bib is the truth), Harvard's (agsm, real third-party .bib files), an
IETF document's number, the publisher's sentence after amsplain's "Names, Title.", and titles that
must stay whole."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference, read_refs


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("Brooke, Anthony, and David Kendrick (2003) GAMS: A User’s Guide, "
                     "GAMS Development Corporation.", "GAMS: A User’s Guide", id="firm-after-a-comma"),
        pytest.param("Ryza, Sandy, and Uri Laserson (2015) Advanced Analytics with Spark Patterns "
                     "for Learning from Data at Scale: O’reilly & Associates Inc.",
                     "Advanced Analytics with Spark Patterns for Learning from Data at Scale",
                     id="firm-after-a-colon"),
        pytest.param("Milne-Thomson, L. M. (1968) Theoretical Hydrodynamics, 5th edition, 480, "
                     "London: MaCmillan Press.", "Theoretical Hydrodynamics", id="edition-and-page-count"),
        pytest.param("Milne-Thomson, L. M., 1968. Theoretical Hydrodynamics, 5th edition, p. 480, "
                     "London: MaCmillan Press.", "Theoretical Hydrodynamics", id="edition-and-pages"),
        pytest.param("Takeda, Shiro (2005) An Economic Analysis of Environmental Regulations "
                     "Ph.D. dissertation, Hitotsubashi University.",
                     "An Economic Analysis of Environmental Regulations", id="thesis-kind-after-title"),
        pytest.param("Peri, Giovanni (2007) Immigrants’ Complementarities and Native Wages: Evidence from "
                     "California.Technical report, National Bureau of Economic Research, Cambridge, MA.",
                     "Immigrants’ Complementarities and Native Wages: Evidence from California",
                     id="report-kind-after-the-titles-period"),
        pytest.param("Smith, John (2010) “Ownership and Control: The Incorporated Firm,” Journal of Firms, "
                     "3, 1–20.", "Ownership and Control: The Incorporated Firm", id="firm-in-a-title"),
        pytest.param("Doe, Jane (2012) “Writing My Ph.D. Thesis in Five Minutes,” Journal of Advice, 2, 3–4.",
                     "Writing My Ph.D. Thesis in Five Minutes", id="a-title-about-a-thesis-stays"),
        pytest.param("Fagin, R., Halpern, J. Y. & Vardi, M. Y. (1995), Reasoning About Knowledge, MIT Press, "
                     "Cambridge, Massachusetts.", "Reasoning About Knowledge", id="press-and-two-places"),
        pytest.param("Rule, J. B. (1989), Theories of civil violence, Univ of California Press.",
                     "Theories of civil violence", id="harvard-press-named-with-of"),
        pytest.param("Doe, Jane (2012) Writing a Ph.D. thesis in five minutes. Journal of Advice, 2, 3–4.",
                     "Writing a Ph.D. thesis in five minutes", id="a-title-about-a-thesis-unquoted-stays"),
        # an IETF document's series and number (a thesis's plain list, github:BramBonne/Thesis)
        pytest.param("T. Dierks and E. Rescorla. The Transport Layer Security (TLS) Protocol Version 1.1. "
                     "RFC 4346 (Proposed Standard), April 2006. Obsoleted by RFC 5246.",
                     "The Transport Layer Security (TLS) Protocol Version 1.1", id="rfc-after-the-title"),
        pytest.param("S. Bradner, “Key words for use in RFCs to Indicate Requirement Levels,” RFC 2119, "
                     "Mar. 1997.", "Key words for use in RFCs to Indicate Requirement Levels",
                     id="rfc-in-a-title"),
        # amsplain's names and title in one sentence, the publisher's after it (github:ivanmbur/Monografia)
        pytest.param("R. Haag, Local Quantum Physics: Fields, Particles, Algebras. Springer, 2 ed., 1992.",
                     "Local Quantum Physics: Fields, Particles, Algebras", id="names-and-title-one-sentence"),
        pytest.param("A. Smith and B. Jones, editors. Big Book of Things. Springer, 2001.",
                     "Big Book of Things", id="editors-sentence-stays-theirs"),
    ],
)  # fmt: skip
def test_what_follows_a_books_title_is_no_part_of_it(text: str, title: str) -> None:
    assert parse_reference(text).title == title


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        pytest.param("Attwood, Feona. ed. 2009. Mainstreaming Sex: the Sexualization of Western Culture. "
                     "I. B. Tauris.", "Mainstreaming Sex: the Sexualization of Western Culture", 2009,
                     id="aea"),
        pytest.param("Helpman, E., Razin, A., eds. , 1991. International Trade and Trade Policy. "
                     "Cambridge, MA: MIT Press.", "International Trade and Trade Policy", 1991, id="jet"),
        pytest.param("Jones, Ronald W., and Peter B. Kenen. eds. 1984. Handbook of International Economics. "
                     "Volume 1. Amsterdam: Elsevier.", "Handbook of International Economics", 1984,
                     id="aea-volume"),
    ],
)  # fmt: skip
def test_an_edited_books_marker_before_its_year_is_no_title(text: str, title: str, year: int) -> None:
    """econ-bst's AEA and JET variants print "ed."/"eds." between the editors and the year."""
    reference = parse_reference(text)
    assert (reference.title, reference.year) == (title, year)
    assert reference.authors[0] in ("Attwood, Feona", "Helpman, E.", "Jones, Ronald W")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # more names after the comma than the name pattern takes (an apalike list of a Chinese
        # thesis, the team's corpus; an ABNT-like list, github:fedecaccia/master)
        pytest.param("V. G. Ganzha, E. W. Mayr and E. V. Vorozhtsov (c2000). Computer algebra in scientific "
                     "computing: CASC 2000. Berlin: Springer.",
                     "Computer algebra in scientific computing: CASC 2000", id="names-a-date-glued-on"),
        pytest.param("P.J. Blanco, J. L., Feijóo, R., Buscaglia, G. Black-box decomposition approach for "
                     "computational hemodynamics: One-dimensional models. Computer Methods in Applied "
                     "Mechanics and Engineering, 200, 1389–1405, 2010.",
                     "Black-box decomposition approach for computational hemodynamics: "
                     "One-dimensional models",
                     id="inverted-names-after-a-given-first-one"),
        # a whole reference in one sentence (siam, github:dlavado/simods-scenenet): read as before
        pytest.param("R. Guidotti, A. Monreale, S. Ruggieri, F. Turini, F. Giannotti, and D. Pedreschi, A "
                     "survey of methods for explaining black box models, ACM computing surveys (CSUR), 51 "
                     "(2018), pp. 1–42.", "A survey of methods for explaining black box models", id="siam"),
    ],
)  # fmt: skip
def test_what_follows_names_after_a_comma_is_a_title_only_when_no_name_or_year(text: str, title: str) -> None:
    assert read_refs(text, "list.txt")[0].title == title
