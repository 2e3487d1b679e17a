"""BN6xx: style (citation keys that follow the configured formula, canonical formatting)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bibnorm.bib.bibfile import (
    BibEntry,
    BibFile,
    StringBlock,
    is_canonical,
    iter_entries,
)
from bibnorm.bib.checks.base import CheckContext, Finding, entry_arxiv_id, name_list
from bibnorm.identifiers import canonical_doi
from bibnorm.models import Identifiers, PartialDate, Reference

# -- BN6xx: style ----------------------------------------------------------------------------------


def reference_of(entry: BibEntry) -> Reference:
    """A `Reference` with what an entry says that citation keys are made of."""
    from bibnorm.text.names import parse_name
    from bibnorm.text.titles import plain_text  # local: only the key check needs it

    author = entry.get("author") or entry.get("editor") or ""
    names = [n for n in name_list(author) if n and n.lower() != "others"] if "{" not in author[:1] else []
    year_text = re.search(r"\d{4}", entry.get("year") or entry.get("date") or "")
    arxiv = entry_arxiv_id(entry)
    doi = entry.get("doi")
    return Reference(
        title=plain_text(entry.get("title") or ""),
        authors=tuple(parse_name(n) for n in names),
        issued=PartialDate(year=int(year_text.group())) if year_text else None,
        ids=Identifiers(arxiv_id=arxiv.id if arxiv else None, doi=canonical_doi(doi) if doi else None),
    )


def keys_follow_format(files: Sequence[BibFile], ctx: CheckContext) -> Iterator[Finding]:
    fmt = ctx.config.key_format
    if not fmt:
        return
    from bibnorm.resolve.keys import make_key  # local: keys pulls in the transliteration tables

    for bibfile, entry in iter_entries(files):
        expected = make_key(reference_of(entry), fmt)
        key = entry.key
        if key == expected or (
            key.startswith(expected) and key[len(expected) :].isalpha() and key[-1].islower()
        ):
            continue  # the formula's key, or it with a collision suffix
        yield ctx.finding(
            "BN601", bibfile.path, entry.line, key, f"key does not follow {fmt!r}: expected {expected!r}"
        )


def not_formatted(files: Sequence[BibFile], ctx: CheckContext) -> Iterator[Finding]:
    options = ctx.config.format_options
    order = {name: i for i, name in enumerate(options.field_order)}
    for bibfile in files:
        for block in bibfile.blocks:
            if not isinstance(block, BibEntry | StringBlock) or not block.raw:
                continue
            if not is_canonical(block, options, order):
                key = block.key if isinstance(block, BibEntry) else None
                yield ctx.finding(
                    "BN602",
                    bibfile.path,
                    block.line,
                    key,
                    "not formatted like `bibnorm format` (run it with --in-place)",
                )
