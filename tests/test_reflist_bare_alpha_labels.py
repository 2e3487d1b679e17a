"""LNCS's class prints alphabetic labels bare, a period after each ("BDF+ 03. Paul Barham, …"),
and a work without a year by its letters alone ("Dre. Ulrich Drepper. …"). Where most of a list's
references open with such a label, half of them dated, the labels are no part of the references:
not their first author."""

from __future__ import annotations

from bibnorm.readers._label_forms import bare_alpha_labels
from bibnorm.readers._reflist import split_paragraphs

# a seminar paper's list (llncs with alpha labels), one reference a paragraph
LNCS_ALPHA = """BDF+ 03. Paul Barham, Boris Dragovic, Keir Fraser, Steven Hand, Tim Harris, Alex Ho, Rolf
Neugebauer, Ian Pratt, and Andrew Warfield. Xen and the art of virtualization. ACM SIGOPS
Operating Systems Review, 37(5):164–177, 2003.

CFH+ 05. Christopher Clark, Keir Fraser, Steven Hand, Jacob Gorm Hansen, Eric Jul, Christian
Limpach, Ian Pratt, and Andrew Warfield. Live migration of virtual machines. In NSDI, 2005.

Dre. Ulrich Drepper. Memory part 2: CPU caches. http://lwn.net/Articles/252125/. 2007.

HG07. Michael R. Hines and Kartik Gopalan. MemX: supporting large memory workloads in Xen
virtual machines. In VTDC, 2007.

xen. Xen - Wikipedia. http://en.wikipedia.org/wiki/Xen. Accessed: 2014-06-02."""


def test_bare_alphabetic_labels_are_the_references_labels() -> None:
    items = split_paragraphs(LNCS_ALPHA).items
    assert [item.label for item in items] == ["BDF+ 03", "CFH+ 05", "Dre", "HG07", "xen"]
    assert [item.text.split(",")[0].split(".")[0] for item in items] == [
        "Paul Barham",
        "Christopher Clark",
        "Ulrich Drepper",
        "Michael R",
        "Xen - Wikipedia",
    ]


def test_an_unlabelled_list_keeps_its_opening_words() -> None:
    """A list whose references open with names and a period ("Smith. Title") is no labelled one:
    no label holds a year's digits."""
    texts = [
        "Knuth. The Art of Computer Programming. Addison-Wesley, 1968.",
        "Dijkstra. A note on two problems in connexion with graphs. 1959.",
        "Hoare. Quicksort. The Computer Journal, 1962.",
    ]
    assert bare_alpha_labels(texts) == [None, None, None]


def test_a_few_dated_labels_are_not_enough() -> None:
    """Two dated labels, fewer than three, may be words the references open with."""
    texts = ["HG07. Michael Hines. MemX. 2007.", "BDF03. Paul Barham. Xen. 2003.", "Dre. Ulrich. 2007."]
    assert bare_alpha_labels(texts) == [None, None, None]
