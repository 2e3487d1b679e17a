"""Findings about existing ``.bib`` files: the checks behind ``bibnorm check``.

Every check has a stable code (documented in ``docs/checks.md``), a name, a default
severity and a pure function. Most checks look at one entry at a time (``run``, over
parsed files, `bibnorm.bib.bibfile.BibFile`), so they can run on any piece of a file,
in parallel (`scan_text`); the checks that compare entries (duplicates, undefined
macros, the online ones) read a `FileIndex` instead (``run_index``): the few facts of
each entry they need, small enough for a worker process to send back.
Codes are grouped by hundreds:

- ``BN1xx`` the file as BibTeX reads it (blocks it cannot read as meant, undefined
  macros, fields given twice, entries inside comments),
- ``BN2xx`` duplicates,
- ``BN3xx`` field content (required fields, author lists, title capitals),
- ``BN4xx`` identifiers and links,
- ``BN5xx`` facts only a metadata source knows (published versions, newer arXiv
  versions); they read `OnlineFacts` the caller looked up, and stay silent without them,
- ``BN6xx`` style (citation keys, formatting).

`run_checks` does no I/O: the CLI reads the files and, unless offline, asks the
sources for the facts the ``BN5xx`` checks need (`arxiv_ids` says which).
`scan_text` + `finish_checks` are the same checks split in two around that lookup.

May import: bibnorm.resolve, bibnorm.text and the ground (bibnorm.models,
bibnorm.identifiers, bibnorm.errors, bibnorm.config, bibnorm.io,
bibnorm.processes, bibnorm.safejson).
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Iterable, Iterator, Mapping, Sequence

from bibnorm.bib.bibfile import (
    BibFile,
)
from bibnorm.bib.checks.base import (
    Check,
    CheckConfig,
    CheckContext,
    FileIndex,
    Finding,
    OnlineFacts,
    index_file,
)
from bibnorm.bib.checks.duplicates import duplicate_keys, other_versions, same_paper, same_work
from bibnorm.bib.checks.fields import (
    et_al_in_names,
    malformed_names,
    missing_fields,
    missing_parents,
    parents_before_children,
    split_names,
    unprotected_acronyms,
)
from bibnorm.bib.checks.identifiers import code_links, doi_form, empty_identifiers, url_form
from bibnorm.bib.checks.online import pinned_versions, published_versions
from bibnorm.bib.checks.structure import (
    duplicate_fields,
    entries_in_comments,
    failed_blocks,
    undefined_macros,
)
from bibnorm.bib.checks.style import keys_follow_format, not_formatted
from bibnorm.models import Severity

# -- the registry ----------------------------------------------------------------------------------

E, W, NOTE = Severity.ERROR, Severity.WARNING, Severity.INFO

CHECKS: tuple[Check, ...] = (
    Check("BN101", "parse-error", E, "BibTeX cannot read a block (kept verbatim)", failed_blocks("BN101")),
    Check(
        "BN102",
        "undefined-string",
        W,
        "a field uses an @string macro no file given defines (or defines only below)",
        run_index=undefined_macros,
    ),
    Check(
        "BN103",
        "missing-comma",
        E,
        "no comma between two fields: BibTeX loses the rest",
        failed_blocks("BN103"),
    ),
    Check(
        "BN104",
        "unbalanced-braces",
        E,
        "a brace or quote BibTeX reads differently: it swallows or skips text",
        failed_blocks("BN104"),
    ),
    Check("BN105", "duplicate-field", W, "a field given twice: BibTeX keeps the first", duplicate_fields),
    Check(
        "BN106",
        "comment-in-entry",
        E,
        "a % comment inside an entry: BibTeX stops reading it there",
        failed_blocks("BN106"),
    ),
    Check(
        "BN107", "entry-in-comment", W, "an entry inside a comment, which BibTeX reads", entries_in_comments
    ),
    Check("BN201", "duplicate-key", E, "two entries share a citation key", run_index=duplicate_keys),
    Check(
        "BN202",
        "duplicate-arxiv",
        E,
        "two keys cite the same arXiv paper",
        run_index=same_paper("BN202", "arXiv id", lambda entry: entry.arxiv.id if entry.arxiv else None),
    ),
    Check(
        "BN203",
        "duplicate-doi",
        E,
        "two keys cite the same DOI",
        run_index=same_paper("BN203", "DOI", lambda entry: entry.doi),
    ),
    Check(
        "BN204",
        "duplicate-work",
        W,
        "two keys have the same title, year and first author",
        run_index=same_work,
    ),
    Check(
        "BN205",
        "same-title",
        NOTE,
        "two keys share a title but not year or first author (versions, editions)",
        run_index=other_versions,
    ),
    Check(
        "BN301",
        "missing-field",
        W,
        "a field the entry type requires is missing (crossref/xdata count)",
        run_index=missing_fields,
    ),
    Check("BN302", "malformed-names", E, "an author/editor list is malformed", malformed_names),
    Check("BN303", "et-al", W, "'et al.' written into an author list", et_al_in_names),
    Check("BN304", "split-name", NOTE, "one-word names that look like one name split in two", split_names),
    Check("BN305", "unprotected-acronym", W, "title capitals not protected by braces", unprotected_acronyms),
    Check(
        "BN306",
        "missing-parent",
        E,
        "a crossref/xdata key that no file checked defines",
        run_index=missing_parents,
    ),
    Check(
        "BN307",
        "parent-before-child",
        W,
        "a crossref parent stands before an entry naming it (BibTeX reads it too late)",
        run_index=parents_before_children,
    ),
    Check("BN401", "doi-form", W, "doi field is a URL or not a DOI", doi_form),
    Check("BN402", "url-form", W, "arXiv/DOI url not in canonical https form", url_form),
    Check("BN403", "code-link", W, "code repository link not canonical", code_links),
    Check(
        "BN404",
        "empty-identifier",
        NOTE,
        "an identifier field (doi, url, eprint…) is empty",
        empty_identifiers,
    ),
    Check(
        "BN501",
        "arxiv-published",
        W,
        "an arXiv preprint has a published version",
        run_index=published_versions,
        online=True,
    ),
    Check(
        "BN502",
        "arxiv-version",
        W,
        "a pinned arXiv version has a newer one",
        run_index=pinned_versions,
        online=True,
    ),
    Check("BN601", "key-format", W, "key does not follow the configured key format", keys_follow_format),
    Check("BN602", "not-formatted", W, "entry differs from `bibnorm format` output", not_formatted),
)

_SEVERITY: Mapping[str, Severity] = {check.code: check.severity for check in CHECKS}


def run_checks(
    files: Sequence[BibFile], config: CheckConfig | None = None, online: OnlineFacts | None = None
) -> list[Finding]:
    """All findings of the enabled checks, sorted by file order, line and code.

    ``online`` feeds the BN5xx checks; without it they report nothing.
    """
    config = config or CheckConfig()
    findings = [finding for bibfile in files for finding in _entry_findings(config, bibfile)]
    return finish_checks(findings, [index_file(bibfile, config) for bibfile in files], config, online)


def scan_text(
    text: str, path: str, config: CheckConfig, *, jobs: int | None = None
) -> tuple[list[Finding], FileIndex]:
    """The per-entry findings of one file's text and its index, computed on ``jobs`` CPUs.

    Each piece's findings and index stay pickled (a quarter of their size as objects) until the
    text is let go of: a caller that hands over its only reference to the text
    (``scan_text(read_text(path), ...)``) never holds a large file's text and the facts of all
    its entries at once.
    """
    from bibnorm.bib.parallel import map_pieces  # local: only the CLI's big files need processes

    pickled = map_pieces(text, path, functools.partial(_scan_piece, config), jobs=jobs)
    del text
    pieces: list[tuple[list[Finding], FileIndex]] = [pickle.loads(piece) for piece in pickled]
    return [finding for findings, _ in pieces for finding in findings], FileIndex.join([i for _, i in pieces])


def _scan_piece(config: CheckConfig, piece: BibFile) -> bytes:
    result = (list(_entry_findings(config, piece)), index_file(piece, config))
    return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)


def _entry_findings(config: CheckConfig, bibfile: BibFile) -> Iterator[Finding]:
    ctx = CheckContext(config=config, severities=_SEVERITY)
    for check in CHECKS:
        if check.run is not None and config.enabled(check.code):
            yield from check.run([bibfile], ctx)


def finish_checks(
    entry_findings: Iterable[Finding],
    indexes: Sequence[FileIndex],
    config: CheckConfig,
    online: OnlineFacts | None = None,
) -> list[Finding]:
    """``entry_findings`` plus the findings of the checks that compare entries, sorted."""
    ctx = CheckContext(config=config, severities=_SEVERITY, online=online)
    findings = list(entry_findings)
    for check in CHECKS:
        if check.run_index is not None and config.enabled(check.code):
            findings.extend(check.run_index(indexes, ctx))
    order = {index.path: i for i, index in enumerate(indexes)}
    codes = {check.code: i for i, check in enumerate(CHECKS)}
    findings.sort(key=lambda f: (order.get(f.path, len(order)), f.line, codes[f.code]))
    return findings
