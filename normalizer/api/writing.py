"""Writing resolved references as a bibliography: `write` (the text) and `render` (the text
and the writer's warnings), in any format of the writers' registry (`bibnorm.writers.WRITERS`).

Entries are laid out as ``bibnorm format`` keeps them (`bibnorm.api.settings.format_options_from`,
with the journal names the settings ask for), so ``bibnorm check`` on fresh output has nothing to
reformat; the same resolutions give byte-identical text.
"""

from __future__ import annotations

from collections.abc import Sequence

from bibnorm import writers
from bibnorm.bib.bibfile import FormatOptions
from bibnorm.config import Settings, load_settings
from bibnorm.models import Reference, Resolution
from bibnorm.writers import Rendered

from .resolving import written_entries
from .settings import format_options_from

Entries = Sequence[Resolution] | Sequence[tuple[str, Reference]]


def render(
    resolutions: Entries,
    *,
    format: str = "bibtex",
    settings: Settings | None = None,
    layout: FormatOptions | None = None,
) -> Rendered:
    """The bibliography of the resolved items (or of ``(key, reference)`` pairs) in ``format``
    (a writer's name: bibtex, biblatex, csl-json, csl-yaml, hayagriva, ris), with the warnings
    the writer had. ``settings`` default to the configured ones; ``layout`` to the one
    ``format`` keeps with the settings' journal names."""
    settings = settings or load_settings()
    layout = layout or format_options_from(settings, journal_names="full")
    options = writers.WriterOptions.from_settings(settings, layout=layout)
    return writers.get_writer(format).render(_entries(resolutions), options)


def write(resolutions: Entries, *, format: str = "bibtex", settings: Settings | None = None) -> str:
    """`render`'s text alone, in the layout ``bibnorm format`` keeps."""
    return render(resolutions, format=format, settings=settings).text


def _entries(given: Entries) -> list[tuple[str, Reference]]:
    if all(isinstance(item, Resolution) for item in given):
        return written_entries([item for item in given if isinstance(item, Resolution)])
    return [item for item in given if isinstance(item, tuple)]
