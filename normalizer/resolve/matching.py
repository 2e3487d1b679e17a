"""Deciding whether a candidate record is the paper a query means.

A wrong match is worse than no match, so the rules are conservative and every
decision carries its evidence:

- the **title key** (case, accents, LaTeX, punctuation, dashes and whitespace
  removed) being equal is strong evidence;
- otherwise the titles must be nearly identical character by character
  (`MatchThresholds.accept`) *and* differ only by typo-level edits of long
  alphabetic words — never by a number, a short token, an added or a missing word —
  so "Scaling Vision Transformers" never becomes "Scaling Vision Transformers to
  22 Billion Parameters", nor "GPT-3" "GPT-4";
- an abstract, when both sides have one, confirms a revised title
  (`abstract_confirms`) or vetoes an identical title (`abstract_contradicts`);
- two acceptable candidates for different papers within `ambiguity_margin` make
  the item ambiguous rather than guessed;
- an identifier is evidence, not an order: the record an item's DOI, arXiv id or link names is
  its paper only when the item's own title and authors agree with that record
  (`identifier_names_item`, the one rule resolve, ``tex``, verify and the assistant's tools
  share); otherwise the identifier names another work, and the item is not resolved to it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bibnorm.config import MatchThresholds
from bibnorm.models import (
    Candidate,
    Evidence,
    Problem,
    Query,
    Reference,
    ScoredCandidate,
    Severity,
    Status,
)
from bibnorm.text.printed import title_misread
from bibnorm.text.titles import (
    abstract_similarity,
    only_typo_differences,
    plain_text,
    same_title,
    same_title_or_latin_shaped,
    title_key,
    title_similarity,
    title_variant,
    title_words,
)


def query_identity(query: Query) -> str:
    """The key under which two input items count as the same request."""
    if query.arxiv_id:
        return f"arxiv:{query.arxiv_id}".casefold()
    if query.doi:
        return f"doi:{query.doi}".casefold()
    title = query.title or ""
    identity = f"title:{title_key(title)}{_other_scripts_letters(title)}"
    if query.author_names or query.year:
        # The same title with other authors or another year may be another paper
        # ("Deep learning" by LeCun et al. 2015 is not every "Deep learning").
        words = {w for name in query.author_names for w in (*title_words(name), _other_scripts_letters(name))}
        names = ",".join(sorted(words - {""}))
        identity += f"|{query.year or ''}|{names}"
    return identity


def _other_scripts_letters(text: str) -> str:
    """The letters of ``text`` in scripts other than Latin and Greek, which comparison keys leave
    out (`title_words` folds to ASCII): without them two Chinese titles of one year, "走向宪政"
    and "乡土中国", would be one request."""
    if text.isascii():
        return ""
    return "".join(
        ch for ch in text.casefold() if ch.isalpha() and not _FOLDED_SCRIPT.match(unicodedata.name(ch, ""))
    )


_FOLDED_SCRIPT = re.compile(r"LATIN|GREEK")


REWORDED_TITLE = 0.8  # title similarity at which an identifier's record may carry a reworded title

IDENTIFIER_NAMES_ANOTHER_WORK = "match.identifier_names_another_work"  # the problem's code


def identifier_names_item(
    title: str | None,
    author_names: Sequence[str],
    record: Reference,
    thresholds: MatchThresholds,
    *,
    printed: str = "",
) -> bool:
    """Whether the record an item's identifier names is the work the item's own title and
    authors describe: the one rule for an item that carries both (a ``.bib`` entry, a reference
    read from a list or a PDF, an assistant's call), shared by resolve, ``tex``, verify and the
    assistant's tools.

    The title must be the record's by the bar of a title match (the same key, typo-level edits,
    a harmless variant: a dropped subtitle, a British spelling; for a printed reference, the
    record's title standing in its text where its reader split it elsewhere), or a reworded
    title (`REWORDED_TITLE`: a paper retitled between versions); and none of the names the item
    gives may be missing from the record when both name authors. An item with no title of its
    own has nothing to weigh against its identifier. ``author_names``: the name words or names
    as written; ``printed``: the item's printed text, for a reference read from a list.
    """
    if not title or not title_words(title):
        return True
    if _names_agree(author_names, record) is False:
        return False
    return (
        same_title_or_latin_shaped(title, record.title)
        or (
            only_typo_differences(title, record.title)
            and title_similarity(title, record.title) >= thresholds.accept
        )
        or title_variant(title, record.title) is not None
        or bool(printed and title_misread(printed, title, record.title))
        or title_similarity(title, record.title) >= REWORDED_TITLE
    )


def score_candidate(query: Query, candidate: Candidate, thresholds: MatchThresholds) -> ScoredCandidate:
    """Score one candidate against one query and say whether it is acceptable on its own.

    A record found by the query's identifier is acceptable only when the query's own title and
    authors agree with it (`identifier_names_item`)."""
    reference = candidate.reference
    if candidate.by_identifier:
        return _score_by_identifier(query, candidate, thresholds)

    query_title = query.title or ""
    similarity = title_similarity(query_title, reference.title)
    key_equal = same_title(query_title, reference.title)
    abstract = abstract_similarity(query.abstract, reference.abstract)

    score = similarity if abstract is None else 0.7 * similarity + 0.3 * abstract
    acceptable, notes = _title_verdict(
        query_title, reference.title, key_equal, similarity, abstract, thresholds
    )

    authors = authors_agree(query, reference)
    if authors is True:
        notes.append("an author the input names is on the record")
    elif authors is False:
        acceptable = False
        notes.append("none of the authors the input names is on the record: another paper")
    venue = venue_agrees(query, reference)
    if venue is True:
        notes.append("the input's venue is the record's")
    elif venue is False:
        # Not a rejection: a reference list may cite the preprint of a published paper.
        notes.append(f"the input names another venue ({query.venue})")
    year = year_consistent(query, reference, thresholds)
    if year is False:
        acceptable = False
        notes.append(f"the input's year {query.year} is before the paper existed")

    evidence = Evidence(
        title_similarity=round(similarity, 4),
        title_key_equal=key_equal,
        abstract_similarity=None if abstract is None else round(abstract, 4),
        authors_agree=authors,
        year_consistent=year,
        venue_agrees=venue,
        notes=tuple(notes),
    )
    return ScoredCandidate(
        candidate=candidate, score=round(score, 4), evidence=evidence, acceptable=acceptable
    )


def _score_by_identifier(query: Query, candidate: Candidate, thresholds: MatchThresholds) -> ScoredCandidate:
    reference = candidate.reference
    if not query.title:
        evidence = Evidence(by_identifier=True, notes=("found by the identifier the input gave",))
        return ScoredCandidate(candidate=candidate, score=1.0, evidence=evidence, acceptable=True)
    similarity = title_similarity(query.title, reference.title)
    agrees = identifier_names_item(
        query.title, query.author_names, reference, thresholds, printed=query.raw if query.printed else ""
    )
    notes = (
        ("found by the identifier the input gave",)
        if agrees
        else (
            "the identifier the input gave names another work: its record has another title or other authors",
        )
    )
    evidence = Evidence(
        by_identifier=True,
        title_similarity=round(similarity, 4),
        title_key_equal=similarity == 1.0,
        authors_agree=authors_agree(query, reference),
        notes=notes,
    )
    # A record the identifier names but the item does not describe ranks by its title alone.
    score = 1.0 if agrees else round(similarity, 4)
    return ScoredCandidate(candidate=candidate, score=score, evidence=evidence, acceptable=agrees)


def _title_verdict(
    query_title: str,
    title: str,
    same_key: bool,
    similarity: float,
    abstract: float | None,
    thresholds: MatchThresholds,
) -> tuple[bool, list[str]]:
    """Whether the titles (and the abstracts, when both sides have one) say this is the paper,
    with the notes that say why."""
    if same_key or (only_typo_differences(query_title, title) and similarity >= thresholds.accept):
        # The same title (or a typo of it): the abstracts can still say it is another paper.
        acceptable = abstract is None or abstract >= thresholds.abstract_contradicts
        if not same_key:
            return acceptable, ["titles differ only by typo-level edits"]
        if acceptable:
            return True, ["normalized titles identical"]
        return False, [
            "normalized titles identical",
            "abstracts disagree: probably a different paper with the same title",
        ]
    if (
        abstract is not None
        and abstract >= thresholds.abstract_confirms
        and similarity >= thresholds.title_floor
    ):
        return True, ["title differs but the abstract confirms the paper (title revised?)"]
    return False, ["titles differ in words, not just spelling"]


_WRITTEN_WORD = re.compile(r"[^\W_]+")


def authors_agree(query: Query, reference: Reference) -> bool | None:
    """Whether a family name on the record is among the name words the input gives.

    ``None`` when either side names nobody. Given names in the input only make this
    looser, never a reason to reject: rejection needs no overlap at all.
    """
    return _authors_agree(query.author_names, reference)


def _names_agree(author_names: Sequence[str], record: Reference) -> bool | None:
    """Whether a name the input gives is on the record, looser than `authors_agree`: any word of
    a person's name on either side (a source that took "Molins A" for given name "Molins" and
    family name "A" still names Molins), or a name the record writes run together
    ("PawelHitczenko") holding a name word of 4 letters or more. ``None`` when either side
    names nobody."""
    if not author_names or not record.authors:
        return None
    mine = {word for name in author_names for word in title_words(name) if len(word) > 1}
    written = [
        " ".join((person.given, person.particle, person.family, person.literal)) for person in record.authors
    ]
    theirs = {word for name in written for word in title_words(name)}
    if mine & theirs:
        return True
    glued = ["".join(title_words(name)) for name in written]
    return any(word in name for word in mine if len(word) >= 4 for name in glued)


def _authors_agree(author_names: Sequence[str], reference: Reference) -> bool | None:
    if not author_names or not reference.authors:
        return None
    mine = {word for name in author_names for word in title_words(name) if len(word) > 1}
    theirs = {word for person in reference.authors for word in title_words(person.family or person.literal)}
    return bool(mine & theirs)


def venue_agrees(query: Query, reference: Reference) -> bool | None:
    """Whether the input's venue is the record's; ``None`` unless both are in the venue table."""
    from bibnorm.text.venues import find_venue  # local: the venue table is large

    mine, theirs = find_venue(query.venue), find_venue(reference.venue)
    if mine is None or theirs is None or not mine.is_publication or not theirs.is_publication:
        return None
    return mine.short == theirs.short


def year_consistent(query: Query, reference: Reference, thresholds: MatchThresholds) -> bool | None:
    """False when the input's year is before the record's first version could be cited."""
    earliest = reference.first_version or reference.issued
    if query.year is None or earliest is None:
        return None
    return query.year >= earliest.year - thresholds.years_before_preprint


def is_generic_title(title: str | None, thresholds: MatchThresholds) -> bool:
    """A title short enough to name many papers ("Deep Learning", "Attention").

    Few words, short and ordinary ones: "Layer Normalization" could name many papers;
    "Visualizing Teleportation" (long words), "MobileNets" (a coined name: a capital
    inside the word) and "0" (no letters) each name one.
    """
    words = title_words(title or "")
    written = _WRITTEN_WORD.findall(plain_text(title or ""))
    coined = any(not word.isalpha() or any(ch.isupper() for ch in word[1:]) for word in written)
    return (
        bool(words)
        and not coined
        and len(words) <= thresholds.generic_title_words
        and len("".join(words)) <= thresholds.generic_title_letters
    )


def _corroborated(scored: ScoredCandidate, thresholds: MatchThresholds) -> bool:
    evidence = scored.evidence
    abstract = evidence.abstract_similarity
    return bool(
        evidence.authors_agree
        or evidence.year_consistent
        or evidence.venue_agrees
        or (abstract is not None and abstract >= thresholds.abstract_confirms)
    )


@dataclass(frozen=True)
class Decision:
    status: Status
    best: ScoredCandidate | None
    ranked: tuple[ScoredCandidate, ...]
    problems: tuple[Problem, ...] = ()


def _paper_identity(scored: ScoredCandidate) -> str:
    ids = scored.candidate.reference.ids
    return ids.arxiv_id or ids.doi or ids.s2_paper_id or title_key(scored.candidate.reference.title)


def choose(query: Query, candidates: Sequence[Candidate], thresholds: MatchThresholds) -> Decision:
    """Resolve, call ambiguous, or abstain, given all candidates one source offered."""
    ranked = sorted(
        (score_candidate(query, c, thresholds) for c in candidates),
        key=lambda s: (-s.score, not s.candidate.by_identifier, _paper_identity(s)),
    )
    acceptable = [s for s in ranked if s.acceptable]
    if not acceptable:
        return Decision(Status.UNRESOLVED, None, tuple(ranked))
    best = acceptable[0]
    if (
        not best.candidate.by_identifier
        and is_generic_title(query.title, thresholds)
        and not _corroborated(best, thresholds)
    ):
        problem = Problem(
            code="match.generic_title",
            message=f"{query.title!r} names many papers; give an author or a year to pick one",
            severity=Severity.WARNING,
        )
        return Decision(Status.AMBIGUOUS, None, tuple(ranked), (problem,))
    rivals = [
        s
        for s in acceptable[1:]
        if _paper_identity(s) != _paper_identity(best) and best.score - s.score < thresholds.ambiguity_margin
    ]
    if rivals and not best.candidate.by_identifier:
        names = ", ".join(_paper_identity(s) for s in [best, *rivals])
        problem = Problem(
            code="match.ambiguous",
            message=f"several records fit equally well: {names}",
            severity=Severity.WARNING,
        )
        return Decision(Status.AMBIGUOUS, None, tuple(ranked), (problem,))
    return Decision(Status.RESOLVED, best, tuple(ranked))
