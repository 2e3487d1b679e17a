"""A quoted title with words between it and the sentence of names: a quotation inside the
title, or a multi-volume work's title before "Vol. 1:" and the volume's own (quoted from its
italics). References as biblatex's standard styles print them; the names end at their sentence."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        pytest.param("Martha Nussbaum. Aristotle’s “De Motu Animalium.” Princeton: Princeton University "
                     "Press, 1978.", "Aristotle’s De Motu Animalium", ("Martha Nussbaum",),
                     id="a-quotation-ends-the-title"),
        pytest.param("Averroes. Des Averroës Abhandlung: “Über die Möglichkeit der Conjunktion” oder “Über "
                     "den materiellen Intellekt.” Ed., trans., and annot. by Ludwig Hannes. Halle an der "
                     "Saale: C. A. Kaemmerer, 1892.",
                     "Des Averroës Abhandlung: Über die Möglichkeit der Conjunktion oder Über den "
                     "materiellen Intellekt", ("Averroes",), id="two-quotations-inside-the-title"),
        pytest.param("Friedrich Nietzsche. Sämtliche Werke. Kritische Studienausgabe. Vol. 1: “Die Geburt "
                     "der Tragödie. Unzeitgemäße Betrachtungen I–IV. Nachgelassene Schriften 1870–1973”. "
                     "Ed. by Giorgio Colli and Mazzino Montinari. München: Taschenbuch-Verlag, 1988.",
                     "Die Geburt der Tragödie. Unzeitgemäße Betrachtungen I–IV. Nachgelassene Schriften "
                     "1870–1973", ("Friedrich Nietzsche",), id="a-volumes-own-title"),
        pytest.param("Donald E. Knuth. Computers & Typesetting. Vol. A: “The TEXbook”. Reading, Mass.: "
                     "Addison-Wesley, 1984.", "The TEXbook", ("Donald E. Knuth",),
                     id="an-ampersand-in-the-works-title-joins-no-names"),
        pytest.param("S A Nastase, Y Liu, K A Norman, and U Hasson. The “Narratives” fMRI dataset for "
                     "evaluating models of naturalistic language comprehension. Sci. Data, 8:250, 2021.",
                     "The “Narratives” fMRI dataset for evaluating models of naturalistic language "
                     "comprehension",
                     ("S A Nastase", "Y Liu", "K A Norman", "U Hasson"), id="initials-without-periods-unsrt"),
        pytest.param("Gordon E. Moore. “Cramming more components onto integrated circuits.” In: Electronics "
                     "38.8 (1965), pp. 114–117.", "Cramming more components onto integrated circuits",
                     ("Gordon E. Moore",), id="nothing-between"),
        pytest.param("John Smith. 2015. “A Title of Some Length.” In Proceedings of the Conference.",
                     "A Title of Some Length", ("John Smith",), id="a-year-between-is-no-title"),
        pytest.param("B. Smith Jr. and C. Doe, “A Title of Some Length,” in Proc. Conf., 2001.",
                     "A Title of Some Length", ("B. Smith Jr", "C. Doe"), id="more-names-between"),
    ],
)  # fmt: skip
def test_words_between_the_names_and_the_quotes(text: str, title: str, authors: tuple[str, ...]) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, authors)
