"""``bibnorm.fix``: the safe fixes ``check`` suggests applied to ``.bib`` files — canonical layout,
bare DOIs, canonical arXiv, DOI and code links, and (given a way to find them) the published
versions of arXiv preprints — returned as texts and diffs, written only when asked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from bibnorm.api.formatting import layout_and_style, read_source, unified_diff, write_safely
from bibnorm.bib.bibfile import BibFile, FormatOptions, parse_bibtex, render
from bibnorm.bib.checks.base import CheckConfig, arxiv_ids, index_file
from bibnorm.bib.fix import apply_fixes
from bibnorm.config import BstName, Settings
from bibnorm.io import KeptEncoding
from bibnorm.models import Reference
from pydantic import BaseModel, ConfigDict

# The one check whose findings ``fix`` acts on when upgrading preprints: BN501, a published version.
UPGRADE_CHECKS = CheckConfig(select=("BN501",))

# What finds the published versions of arXiv preprints: the ids wanted (id → the version an entry
# pins, or None) in, each published record by arXiv id out (none for an id not known published).
PublishedVersions = Callable[[Mapping[str, int | None]], Mapping[str, Reference]]


class Fixed(BaseModel):
    """One file fixed: its text before and after (``text``), the file as read (``before``) and
    the encoding it is written back in (its own, byte for byte where nothing changed: BibTeX
    reads bytes, and a Windows-1252 file turned into UTF-8 would typeset differently)."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    path: str
    original: str
    text: str
    before: BibFile
    encoding: KeptEncoding = KeptEncoding()

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def diff(self) -> str:
        """The unified diff of the fixes ("" when none)."""
        return unified_diff(self.path, self.original, self.text)

    def write(self) -> None:
        """Rewrite the file with the fixes, refusing if an entry would be lost (atomic write)."""
        write_safely(self.path, self.before, self.text, encoding=self.encoding)


def fix(
    files: Sequence[str],
    settings: Settings | None = None,
    *,
    overrides: Mapping[str, Any] | None = None,
    published_versions: PublishedVersions | None = None,
    today: date | None = None,
    options: FormatOptions | None = None,
    bst: BstName | None = None,
) -> list[Fixed]:
    """Each of ``files`` with the safe fixes applied and laid out as ``format`` lays it out with
    the same ``settings`` (or the settings `bibnorm.load_settings` makes of ``overrides``), in
    order.

    With ``published_versions`` (``fix --upgrade-preprints`` passes one that asks Semantic
    Scholar, the local dblp index and Crossref), every arXiv preprint with a published version
    becomes that version; a ``bibnorm-upgrade`` field names the sources and the date (``today``).
    With the settings' ``bst`` (the BibTeX style the file is typeset in), each DOI and arXiv id
    goes where that style prints it exactly once (`bibnorm.api.bst.ids_for_style`).

    ``options`` (a `FormatOptions`, also accepted in the place of ``settings``) and ``bst`` are
    the older way to say the same: deprecated, they are used as they are."""
    chosen, bst = layout_and_style(settings, overrides, options, bst)
    read = [read_source(path) for path in files]
    loaded = [(source.text, parse_bibtex(source.text, source.path)) for source in read]
    published: Mapping[str, Reference] | None = None
    note = ""
    if published_versions is not None:
        published = published_versions(arxiv_ids(index_file(b, UPGRADE_CHECKS) for _, b in loaded))
        by_dblp = any(record.provenance.get("venue") == "dblp" for record in published.values())
        asked = "Semantic Scholar and dblp" if by_dblp else "Semantic Scholar"
        note = f"{asked}, {(today or date.today()).isoformat()}"
    fixed = [(text, bibfile, apply_fixes(bibfile, published, note)) for text, bibfile in loaded]
    if bst is not None:
        from bibnorm.api.bst import ids_for_style  # local: it pulls in the BibTeX writer

        fixed = [(text, bibfile, ids_for_style(after, bst)) for text, bibfile, after in fixed]
    return [
        Fixed(
            path=bibfile.path,
            original=text,
            text=render(after, chosen),
            before=bibfile,
            encoding=source.encoding,
        )
        for (text, bibfile, after), source in zip(fixed, read, strict=True)
    ]


__all__ = ["UPGRADE_CHECKS", "Fixed", "PublishedVersions", "fix"]
