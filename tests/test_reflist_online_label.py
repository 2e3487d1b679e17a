"""IEEE's "[Online]." opening a wrapped line is no label of a reference of its own; a bracketed
label is followed by the reference, not by punctuation. Lines as biblatex-ieee prints them
(its own documentation, texlive-doc)."""

from __future__ import annotations

from bibnorm.readers.refs import read_refs

_LIST = """[17] V. Jacobson. “Modified TCP congestion avoidance algorithm.” (1990-04),
[Online]. Available: ftp://ftp.isi.edu/end2end/end2end-interest-1990.mail.
[18] R. Jain, K. K. Ramakrishnan, and D. M. Chiu, “Congestion avoidance in computer networks with a
connectionless network layer,” Digital Equipment Corporation, Tech. Rep. DEC-TR-506, 1987.
[19] N. C. Loh, “High-resolution micromachined interferometric accelerometer,” M.S. thesis,
Massachusetts Institute of Technology, Cambridge, MA, 1992."""


def test_online_in_brackets_goes_on_the_reference_before() -> None:
    queries = read_refs(_LIST, "refs.txt")
    assert [query.label for query in queries] == ["17", "18", "19"]
    assert queries[0].raw.endswith(
        "[Online]. Available: ftp://ftp.isi.edu/end2end/end2end-interest-1990.mail."
    )
    assert queries[0].title == "Modified TCP congestion avoidance algorithm"


def test_alphabetic_labels_still_open_references() -> None:
    text = (
        "[Knu84] Donald E. Knuth. The TeXbook. Reading, Mass.: Addison-Wesley, 1984.\n"
        "[Lam94] Leslie Lamport. LaTeX: A Document Preparation System. Addison-Wesley, 1994.\n"
        "[Mit04] Frank Mittelbach. The LaTeX Companion. 2nd ed. Addison-Wesley, 2004."
    )
    queries = read_refs(text, "refs.txt")
    assert [query.raw.split(".")[0] for query in queries] == [
        "Donald E",
        "Leslie Lamport",
        "Frank Mittelbach",
    ]
