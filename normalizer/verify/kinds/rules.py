"""The registry of entry kinds: which rules judge each kind, and how ``verify --list`` describes them.

Papers are judged by `bibnorm.verify.judge.judge`; every other kind by its module's rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bibnorm.verify.claims import Answers, Claim
from bibnorm.verify.judge import EntryVerdict, judge
from bibnorm.verify.kinds import EntryKind
from bibnorm.verify.kinds.books import judge_book
from bibnorm.verify.kinds.software import judge_dataset, judge_software
from bibnorm.verify.kinds.standards import judge_standard
from bibnorm.verify.kinds.theses import judge_thesis
from bibnorm.verify.kinds.web import judge_other, judge_web_page

Rules = Callable[[Claim, Answers, date], EntryVerdict]


@dataclass(frozen=True)
class KindRules:
    kind: EntryKind
    judge: Rules
    entries: str  # which entries are of this kind
    summary: str  # what is checked, against what


KINDS: tuple[KindRules, ...] = (
    KindRules(
        EntryKind.PAPER,
        judge,
        entries=(
            "@article, @inproceedings, @incollection, @proceedings, @techreport; @misc with an arXiv id, a "
            "DOI or a venue"
        ),
        summary=(
            "DOI, arXiv id and title against Semantic Scholar, arXiv and Crossref: BN70x-BN74x; a title no "
            "source holds is not_found"
        ),
    ),
    KindRules(
        EntryKind.BOOK,
        judge_book,
        entries="@book, @inbook, @collection, @mvbook, @booklet, @periodical",
        summary=(
            "ISBN (BN761) and title against Open Library (BN762, BN712, BN763), DOI against Crossref; a "
            "paper of the same title never counts; nothing found: unverifiable"
        ),
    ),
    KindRules(
        EntryKind.THESIS,
        judge_thesis,
        entries="@phdthesis, @mastersthesis, @thesis",
        summary="school (BN766), DOI and arXiv id; no source holds theses: unverifiable",
    ),
    KindRules(
        EntryKind.SOFTWARE,
        judge_software,
        entries="@software, @manual; @misc/@online with a repository link, a Zenodo DOI or a version",
        summary="a URL or DOI (BN767), a DOI a source holds; repositories are not asked: unverifiable",
    ),
    KindRules(
        EntryKind.DATASET,
        judge_dataset,
        entries="@dataset; @misc with a data-repository DOI or link",
        summary="a URL or DOI (BN767), a DOI a source holds; unverifiable otherwise",
    ),
    KindRules(
        EntryKind.STANDARD,
        judge_standard,
        entries=(
            "@standard; RFCs; @misc/@manual/@techreport of ISO, IEC, IEEE Std, ITU-T, NIST, W3C, OGC, ..."
        ),
        summary=(
            "an RFC by its number against Crossref (BN764, BN765, year BN722); others by DOI; unverifiable "
            "otherwise"
        ),
    ),
    KindRules(
        EntryKind.WEB,
        judge_web_page,
        entries="@online, @electronic, @www; @misc whose only locator is a link to no paper's page",
        summary="never fetched, never called fabricated: unverifiable unless a DOI names another work",
    ),
    KindRules(
        EntryKind.OTHER,
        judge_other,
        entries="@patent, @unpublished",
        summary="no source holds them: unverifiable unless an identifier names another work",
    ),
)
RULES: dict[EntryKind, Rules] = {rules.kind: rules.judge for rules in KINDS}
