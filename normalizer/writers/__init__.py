"""Output writers, chosen by name or by the output file's suffix (a registry, as in pybtex).

==========  ========  =================================================
name        suffix    module
==========  ========  =================================================
bibtex      ``.bib``  `bibnorm.writers.bibtex` (LaTeX-escaped BibTeX)
biblatex    (none)    `bibnorm.writers.bibtex` (biblatex/biber, Unicode)
csl-json    ``.json`` `bibnorm.writers.csl_json` (CSL-JSON for pandoc, Zotero)
hayagriva   ``.yml``  `bibnorm.writers.hayagriva` (Typst's bibliography
            ``.yaml`` format; CSL YAML only by name)
csl-yaml    (none)    `bibnorm.writers.csl_yaml` (CSL YAML for pandoc, Quarto)
ris         ``.ris``  `bibnorm.writers.ris` (RIS for reference managers)
==========  ========  =================================================

Every writer takes the references with their citation keys, in output order, and
`WriterOptions`; `WriterSpec.render` returns the text and per-entry warnings
(`models.Problem`), `WriterSpec.write` just the text. Writers do no I/O: the CLI
writes the text atomically with `bibnorm.io.write_atomic`.

May import: the ground (bibnorm.models, bibnorm.identifiers, bibnorm.errors, bibnorm.config,
bibnorm.io, bibnorm.processes, bibnorm.safejson), then bibnorm.text, bibnorm.resolve and
bibnorm.bib: the layer the readers share (pyproject.toml's import contracts).
"""

from __future__ import annotations

import importlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from types import MappingProxyType
from typing import Literal, Protocol

from bibnorm.bib.bibfile import FormatOptions
from bibnorm.config import BstName, JournalNames, Settings
from bibnorm.errors import UsageError
from bibnorm.models import Problem, Reference
from bibnorm.text.clean import inert_text
from pydantic import BaseModel, ConfigDict

__all__ = [
    "WRITERS",
    "Rendered",
    "WriterOptions",
    "WriterSpec",
    "format_for_output",
    "get_writer",
    "infer_format",
    "spell_venues",
]


class WriterOptions(BaseModel):
    """What a writer may vary.

    - ``unicode``: keep non-ASCII characters in BibTeX instead of LaTeX escapes
      (``--unicode``); biblatex keeps Latin letters either way, CSL-JSON is always Unicode.
    - ``layout``: the canonical ``bibnorm format`` layout (``[tool.bibnorm.format]``) the
      BibTeX and biblatex writers lay their text out in, so ``check`` on fresh output
      finds nothing to reformat (BN602).
    - ``style``: the BibTeX entry layout (``--style``): bibnorm's own or an export preset
      (`bibnorm.writers.bibtex.STYLES`).
    - ``doi_link``: an earlier layout of bibnorm's BibTeX entries, keeping ``doi``, ``eprint``
      and ``url``, with the publisher DOI also in ``url`` and/or ``note``
      (`bibnorm.writers.bibtex.DOI_LINKS`). None (the default): each DOI and arXiv id in
      ``note`` or ``howpublished`` alone, which every common style prints once
      (`bibnorm.writers.bibtex_styles.EVERY_STYLE_PRINTS`).
    - ``bst``: the BibTeX style the output will be typeset in (``--bst``); its family's
      fields carry each DOI and arXiv id where that style prints it exactly once
      (`bibnorm.writers.bibtex.BST_FAMILIES`). Unset: ``doi_link`` decides.
    - ``journal_names``: journals and conferences written in ``full``, ``abbreviated``
      (ISO 4 for journals, the acronym for conferences) or ``as-given``; one spelling per
      venue in the whole output (`spell_venues`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    unicode: bool = False
    layout: FormatOptions = FormatOptions()
    style: Literal["bibnorm", "arxiv", "dblp", "google-scholar"] = "bibnorm"  # BibTeX only
    doi_link: Literal["url+note", "url", "note", "none"] | None = None  # BibTeX's own layout only
    bst: BstName | None = None  # BibTeX's own layout only
    journal_names: JournalNames = "full"

    @classmethod
    def from_settings(cls, settings: Settings, layout: FormatOptions | None = None) -> WriterOptions:
        """The writer options a run's settings (and ``[tool.bibnorm.format]``) ask for."""
        return cls(
            unicode=settings.unicode,
            layout=layout or FormatOptions(),
            style=settings.style,
            doi_link=settings.doi_link,
            bst=settings.bst,
            journal_names=settings.journal_names or "full",
        )


class Rendered(BaseModel):
    """A writer's output: the file text and per-entry warnings (never fatal)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    warnings: tuple[Problem, ...] = ()


class RenderFunction(Protocol):
    def __call__(self, references: Sequence[tuple[str, Reference]], options: WriterOptions) -> Rendered: ...


@dataclass(frozen=True)
class WriterSpec:
    """One registered output format; the module is imported on first use."""

    name: str
    suffixes: tuple[str, ...]
    module: str
    function: str
    description: str

    def render(self, references: Sequence[tuple[str, Reference]], options: WriterOptions) -> Rendered:
        """Text and warnings for ``(key, reference)`` pairs, in the order given, every venue
        spelt as ``options.journal_names`` asks (`spell_venues`)."""
        module = importlib.import_module(self.module)
        function: RenderFunction = getattr(module, self.function)
        rendered = function(spell_venues(references, options.journal_names), options)
        # The one place every format's text passes: no control, direction-override or tag
        # character from a source or an input reaches a file, a terminal or an assistant.
        text = inert_text(rendered.text)
        return rendered if text is rendered.text else rendered.model_copy(update={"text": text})

    def write(self, references: Sequence[tuple[str, Reference]], options: WriterOptions) -> str:
        """Just the text of `render`."""
        return self.render(references, options).text


WRITERS: Mapping[str, WriterSpec] = MappingProxyType(
    {
        "bibtex": WriterSpec(
            "bibtex", (".bib",), "bibnorm.writers.bibtex", "render_bibtex", "BibTeX, LaTeX-escaped"
        ),
        "biblatex": WriterSpec(
            "biblatex", (), "bibnorm.writers.bibtex", "render_biblatex", "biblatex/biber, Unicode"
        ),
        "csl-json": WriterSpec(
            "csl-json",
            (".json",),
            "bibnorm.writers.csl_json",
            "render_csl_json",
            "CSL-JSON (pandoc, Zotero)",
        ),
        "hayagriva": WriterSpec(
            "hayagriva",
            (".yml", ".yaml"),
            "bibnorm.writers.hayagriva",
            "render_hayagriva",
            "Hayagriva YAML (Typst)",
        ),
        "csl-yaml": WriterSpec(
            "csl-yaml", (), "bibnorm.writers.csl_yaml", "render_csl_yaml", "CSL YAML (pandoc, Quarto)"
        ),
        "ris": WriterSpec("ris", (".ris",), "bibnorm.writers.ris", "render_ris", "RIS (reference managers)"),
    }
)


def spell_venues(
    references: Sequence[tuple[str, Reference]], form: JournalNames
) -> list[tuple[str, Reference]]:
    """Every published entry's venue in ``form`` (`bibnorm.text.journals.venue_spelling`),
    and one spelling per journal in the whole output: entries of one journal that no data
    knows — the same ISSN, or the same name up to case and punctuation — take the spelling
    the first of them got. ``as-given`` leaves every venue as its record spells it."""
    published = ("article", "inproceedings")
    if form == "as-given" or not any(r.venue and r.entry_type in published for _, r in references):
        return list(references)  # nothing to spell: preprints only (and no venue table read)
    chosen: dict[str, str] = {}  # journal identity (ISSN or name key) → its spelling in this output
    out: list[tuple[str, Reference]] = []
    for key, reference in references:
        venue = reference.venue
        if venue and reference.entry_type in published:
            spelt = _spelling(reference, venue, form, chosen)
            if spelt != venue:
                reference = reference.model_copy(update={"venue": spelt})
        out.append((key, reference))
    return out


def _spelling(reference: Reference, venue: str, form: JournalNames, chosen: dict[str, str]) -> str:
    """``venue`` in ``form``, or the spelling an earlier entry of the same journal (ISSN or name
    key) got; remembered in ``chosen`` for the entries after it."""
    from bibnorm.text.journals import journal_key, venue_spelling  # local: the journal list is large

    journal = reference.entry_type == "article"
    year = reference.issued.year if reference.issued else None
    spelt = venue_spelling(venue, journal=journal, year=year, form=form, short=reference.venue_short)
    identities = [f"issn:{issn}" for issn in reference.issn] if journal else []
    identities.append(f"{reference.entry_type}:{journal_key(venue)}")
    spelt = next((chosen[i] for i in identities if i in chosen), None) or spelt
    for identity in identities:
        chosen.setdefault(identity, spelt)
    return spelt


def get_writer(name: str) -> WriterSpec:
    """The writer registered under ``name``; `UsageError` for an unknown name."""
    try:
        return WRITERS[name.strip().lower()]
    except KeyError:
        raise UsageError(f"unknown output format {name!r}; choose one of: {', '.join(WRITERS)}") from None


def infer_format(output_path: str | PurePath | None) -> str | None:
    """The format a file name's suffix implies (``out.bib`` → ``bibtex``), or None (stdout, unknown)."""
    if output_path is None or str(output_path) == "-":
        return None
    suffix = PurePath(output_path).suffix.lower()
    for spec in WRITERS.values():
        if suffix in spec.suffixes:
            return spec.name
    return None


def format_for_output(output_path: str | PurePath, *, among: Collection[str] | None = None) -> str | None:
    """The format ``-o``'s suffix names, checked: ``out.bib`` → ``bibtex``.

    None for stdout and a name without a suffix (``/dev/stdout``, ``/dev/fd/63``): the
    command's default applies. Any other suffix (``out.txt``) is a `UsageError` listing
    the suffixes of the writers ``among`` (default: all), rather than BibTeX under a
    name that promises something else; ``--format`` chooses the format for any name.
    """
    if str(output_path) == "-" or not PurePath(output_path).suffix:
        return None
    names = [name for name in WRITERS if among is None or name in among]
    suffix = PurePath(output_path).suffix.lower()
    for name in names:
        if suffix in WRITERS[name].suffixes:
            return name
    known = ", ".join(f"{known} ({name})" for name in names for known in WRITERS[name].suffixes)
    raise UsageError(
        f"-o/--output {output_path}: unknown output suffix {suffix!r}; known: {known},"
        " or '-' for standard output; --format chooses the format for any other name"
    )
