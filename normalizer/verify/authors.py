"""Authors: whether two spellings name one person, and the author findings (BN711–BN715) of an
entry against the record of its paper.

A name matches up to initials, accents, particles, hyphens and the order of Chinese names
(`same_person`); what is left is matched through a corrected spelling (`corrected_person`).
A preprint and its publication may list the authors differently: a citation that follows
either version is correct (`version_author_findings`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from bibnorm.models import Person, Reference
from bibnorm.text import data_file
from bibnorm.text.names import family_forms, name_words, one_edit, parse_name
from bibnorm.text.titles import same_title, title_words
from bibnorm.verify.claims import Answer, Answers, Claim
from bibnorm.verify.codes import VerifyFinding, finding

# Names written where a real author goes ("John Doe", "Firstname Lastname"), as `title_words`
# gives their words, from normalizer/data/placeholder-names.json.
_PLACEHOLDER_NAMES = frozenset(json.loads(data_file("placeholder-names.json").read_text("utf-8"))["names"])

# Sources cut long author lists (a world record of PaLM lists 10 of its 67 authors).
TRUNCATED_AUTHOR_LISTS = 10


def placeholder_findings(claim: Claim) -> list[VerifyFinding]:
    """BN711 for each claimed author that stands for no one ("John Doe", "et al."), wrong
    whatever the sources say."""
    return [
        finding("BN711", "author", f"'{name}' is a placeholder, not an author", found=name)
        for name in claim.authors
        if " ".join(title_words(name)) in _PLACEHOLDER_NAMES
    ]


_BARE_ACCENT = re.compile(r"\\[`'^\"~=.uvHcdbk](?=[A-Za-z])")  # "\vZ": an accent written without braces


def _words(text: str) -> str:
    return "".join(name_words(_BARE_ACCENT.sub("", text)))


@lru_cache(maxsize=32768)  # every pair of a claim's and a record's authors is compared
def _name_key(person: Person) -> tuple[frozenset[str], str]:
    """(family name keys, first initial): what must agree for two spellings to be one person.
    A family name has more than one key when it can be spelt out ("Fründ": frund, fruend)."""
    if person.is_literal:
        return frozenset({_words(person.literal)} - {""}), ""
    family = family_forms(_BARE_ACCENT.sub("", f"{person.particle} {person.family}"))
    given = name_words(_BARE_ACCENT.sub("", person.given))
    return frozenset(family), given[0][0] if given else ""


@lru_cache(maxsize=32768)
def _whole_name(person: Person) -> tuple[str, ...]:
    """The name's words in reading order, wherever the given/family split falls."""
    if person.is_literal:
        return name_words(_BARE_ACCENT.sub("", person.literal))
    return name_words(_BARE_ACCENT.sub("", f"{person.given} {person.particle} {person.family}"))


def same_person(a: Person, b: Person) -> bool:
    """Equal up to initials, accents and how a letter is spelt without them ("Łukasz",
    "{\\L}ukasz", "Lukasz"; "Fründ", "Fruend"), particles, hyphens, where the family name
    starts ("Suresh Ragupathi, Sridhar" is "Sridhar Suresh Ragupathi") and the order of
    Chinese names."""
    (family_a, initial_a), (family_b, initial_b) = _name_key(a), _name_key(b)
    if family_a & family_b:
        return not initial_a or not initial_b or initial_a == initial_b
    whole_a, whole_b = _whole_name(a), _whole_name(b)
    if whole_a and "".join(whole_a) == "".join(whole_b):
        return True
    # Initials on one side, a family name of several words on the other ("S. S. Ragupathi").
    if (
        len(whole_a) > 1
        and len(whole_b) > 1
        and whole_a[-1] == whole_b[-1]
        and whole_a[0][0] == whole_b[0][0]
    ):
        return True
    # "Zhang Wei" for "Wei Zhang": given and family names written the other way round.
    given_a, given_b = _words(a.given), _words(b.given)
    return bool(given_a) and given_a in family_b and given_b in family_a


def corrected_person(a: Person, b: Person) -> bool:
    """The same person under a spelling one source corrected: one letter changed, swapped,
    added or dropped in a long family name ("Mexatas" on arXiv, "Metaxas" on dblp), or a
    double family name that contains the other ("Gomez" beside "Gomez-Bigorda") — always with
    the same first initial. Tried only for names no author matched as `same_person`."""
    (family_a, initial_a), (family_b, initial_b) = _name_key(a), _name_key(b)
    if not initial_a or initial_a != initial_b or a.is_literal or b.is_literal:
        return False
    if any(one_edit(x, y) for x in family_a for y in family_b):
        return True
    words_a = set(name_words(f"{a.particle} {a.family}"))
    words_b = set(name_words(f"{b.particle} {b.family}"))
    return bool(words_a and words_b) and words_a != words_b and (words_a <= words_b or words_b <= words_a)


def claimed_people(claim: Claim) -> list[Person]:
    return [parse_name(name) for name in claim.authors]


def authors_overlap(claim: Claim, record: Reference) -> bool:
    mine = claimed_people(claim)
    return any(same_person(m, t) for m in mine for t in record.authors)


def _pairing(mine: Sequence[Person], theirs: Sequence[Person]) -> list[int | None]:
    """For each claimed author, the index of the same person on the record (or None): first
    by `same_person`, then what is left by `corrected_person`, so that a loose match never
    takes a record author another claimed name matches exactly."""
    used: set[int] = set()
    pairing: list[int | None] = [None] * len(mine)
    for alike in (same_person, corrected_person):
        for position, person in enumerate(mine):
            if pairing[position] is not None:
                continue
            index = next(
                (i for i, other in enumerate(theirs) if i not in used and alike(person, other)), None
            )
            if index is not None:
                used.add(index)
                pairing[position] = index
    return pairing


def version_author_findings(
    claim: Claim, record: Reference, source: str, answers: Answers
) -> list[VerifyFinding]:
    """The author findings against the matched record, unless the authors are as another
    version of the same paper lists them: a preprint and its publication may differ in order,
    in who is listed, and in spelling, and a citation that follows either is correct."""
    findings = list(author_findings(claim, record, source))
    if not findings:
        return findings
    for other in _versions(record, answers, claim.title):
        if other.record is not None and not list(author_findings(claim, other.record, other.source)):
            return []
    return findings


SAME_PAPER_AUTHORS = 0.5  # of the shorter list, for two records of one title to be one paper


def _versions(record: Reference, answers: Answers, claimed_title: str) -> list[Answer]:
    """The other records the sources hold of the paper ``record`` is: the same title (the
    record's, or the claimed one: a published version may be retitled, and the citation follow
    it), and at least half of the shorter author list the same people (two papers may share a
    title)."""
    versions = []
    for answer in (*answers.by_doi, *answers.by_arxiv_id, *answers.by_title, *answers.of_paper):
        other = answer.record
        if other is None or other is record:
            continue
        if not (same_title(other.title, record.title) or same_title(other.title, claimed_title)):
            continue
        shorter = min(len(other.authors), len(record.authors))
        shared = sum(any(same_person(a, b) for b in record.authors) for a in other.authors)
        if shorter and shared >= SAME_PAPER_AUTHORS * shorter:
            versions.append(answer)
    return versions


def _names(people: Iterable[Person]) -> str:
    return "; ".join(person.display() for person in people)


def author_findings(claim: Claim, record: Reference, source: str) -> Iterator[VerifyFinding]:
    """The claimed authors against the record's: none of them on the paper (BN712), a stranger
    (BN713), authors left out without "and others" (BN714), another order (BN715)."""
    mine = claimed_people(claim)
    theirs = [person for person in record.authors if person.display().strip()]
    if not mine or not theirs:
        return
    unreadable = len(record.authors) - len(theirs)  # names the source sent that no parser reads ("\\vZ")
    expected, found = _names(theirs), _names(mine)
    for code, message in _author_problems(mine, theirs, unreadable, claim.and_others):
        yield finding(code, "author", message, expected=expected, found=found, source=source)


def _author_problems(
    mine: Sequence[Person], theirs: Sequence[Person], unreadable: int, and_others: bool
) -> Iterator[tuple[str, str]]:
    """(code, message) of each way the claimed authors differ from the record's."""
    pairing = _pairing(mine, theirs)
    matched = [index for index in pairing if index is not None]
    if not matched:
        yield "BN712", "none of the authors listed wrote this paper"
        return
    strangers = _strangers(mine, pairing, theirs, unreadable)
    if strangers:
        yield "BN713", f"not an author of this paper: {_names(strangers)}"
    listed = set(matched)
    missing = [person for i, person in enumerate(theirs) if i not in listed]
    if missing and not and_others:
        yield "BN714", f"{len(missing)} of the paper's {len(theirs)} authors missing: {_names(missing)}"
    if matched != sorted(matched) or (and_others and matched[0] != 0):
        yield "BN715", "authors listed in another order than on the paper"


def _strangers(
    mine: Sequence[Person], pairing: Sequence[int | None], theirs: Sequence[Person], unreadable: int
) -> list[Person]:
    """The claimed authors the record does not list, unless the record is what hides them: a
    long list the source cut short (and the entry names everyone it lists), or as many names
    the source sent unreadable."""
    strangers = [person for person, index in zip(mine, pairing, strict=True) if index is None]
    matched = len(mine) - len(strangers)
    if strangers and len(theirs) >= TRUNCATED_AUTHOR_LISTS and matched == len(theirs):
        return []
    return [] if len(strangers) <= unreadable else strangers
