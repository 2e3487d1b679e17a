"""The MCP server: `bibnorm.assist.tools` served through the official ``mcp`` SDK (v2).

The tools are declared once, in `TOOLS` (function, description, hints, parameters). Each tool
runs in a worker thread (the library blocks on sources and files; the event loop
keeps answering), and turns every failure into an MCP tool error (``isError`` with one line),
never a traceback: a `BibnormError` says its own line, anything else its type and message.
The tools say their limits in their descriptions, so an assistant can keep to them.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

import anyio.to_thread
from bibnorm import writers
from bibnorm.assist import tools
from bibnorm.assist.tools import MAX_ITEMS, MAX_LOOKUP_CHARS, MAX_TEXT_CHARS, AssistConfig
from bibnorm.text.clean import inert_text
from mcp.server import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import ToolAnnotations
from pydantic import Field

NAME = "bibnorm"
INSTRUCTIONS = (
    "bibnorm turns references into verified bibliographies. Never cite a paper you have not looked "
    "up: use lookup_reference or resolve_references to get real records (an unresolved reference "
    "stays unresolved; its candidates are not matches), and verify_bibliography to check a .bib "
    "before handing it over. Tools are read-only; a call ends after "
    f"{tools.CALL_SECONDS:g} s: ask about fewer references at a time when one does."
)
READ_ONLY = ToolAnnotations(
    read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=True
)
OFFLINE_ONLY = ToolAnnotations(
    read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False
)

# The caps and the choices are said in the schemas too (maxLength, enum), so a client can check
# a call before making it; the tools check them again (`bibnorm.assist.tools`), each in one line.
OneReference = Annotated[
    str,
    Field(
        description="A title, arXiv id/URL, DOI or reference string",
        json_schema_extra={"maxLength": MAX_LOOKUP_CHARS},
    ),
]
References = Annotated[
    str,
    Field(
        description="The references, in any format bibnorm resolve reads",
        json_schema_extra={"maxLength": MAX_TEXT_CHARS},
    ),
]
BibtexText = Annotated[
    str, Field(description="The BibTeX text", json_schema_extra={"maxLength": MAX_TEXT_CHARS})
]
Bibtex = Annotated[
    str | None, Field(description=f"BibTeX text (at most {MAX_TEXT_CHARS:,} characters); or give path")
]
FORMATS = ", ".join(sorted(writers.WRITERS))
OutputFormat = Annotated[
    str,
    Field(
        description=f"The bibliography's format: one of {FORMATS}",
        json_schema_extra={"enum": sorted(writers.WRITERS)},
    ),
]
BST_STYLES = ", ".join(tools.BST_NAMES)
BstStyle = Annotated[
    str | None,
    Field(
        description=f"The BibTeX style the file is typeset in: one of {BST_STYLES}",
        json_schema_extra={"enum": [*tools.BST_NAMES, None]},
    ),
]
BibPath = Annotated[
    str | None,
    Field(description="A .bib file under a folder the user opened with --root (relative: to the first)"),
]


def _call(budget: tools.CallBudget, function: Callable[..., dict[str, Any]], *args: Any) -> Any:
    """The tool's result under ``budget``, inert (`inert_answer`); any failure, and a call
    stopped, as a `ToolError` with one line."""
    try:
        with tools.within(budget):
            return inert_answer(function(*args))
    except tools.CallStopped as stopped:
        raise ToolError(str(stopped)) from None
    except Exception as error:
        raise ToolError(inert_text(tools.describe_error(error))) from None


def inert_answer(value: Any) -> Any:
    """An answer without a control, direction-override or tag character in any of its texts
    (`bibnorm.text.clean.inert_text`): what a source wrote reaches the assistant as text it sees,
    never as hidden instructions or text shown in another order than it is read."""
    if isinstance(value, str):
        return inert_text(value)
    if isinstance(value, dict):
        return {inert_answer(key): inert_answer(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [inert_answer(item) for item in value]
    return value


async def _in_thread(
    function: Callable[..., dict[str, Any]], *args: Any, seconds: float | None = None
) -> dict[str, Any]:
    """The tool run in a worker thread under a `tools.CallBudget` of ``seconds`` (default
    `tools.CALL_SECONDS`). Cancelled (the assistant's ``notifications/cancelled``, a closed
    connection), the call returns at once and its thread asks no source after its current step."""
    budget = tools.CallBudget(tools.CALL_SECONDS if seconds is None else seconds)
    try:
        result: dict[str, Any] = await anyio.to_thread.run_sync(
            functools.partial(_call, budget, function, *args), abandon_on_cancel=True
        )
    finally:
        budget.cancel()  # done or abandoned: nothing more is asked for this call
    return result


@dataclass(frozen=True)
class ToolSpec:
    """One tool as the assistant sees it: the plain function of `bibnorm.assist.tools` it runs
    (called with the `AssistConfig` first, then the arguments in ``parameters``' order), what it
    says it does, its hints, and its parameters (their names, types with descriptions, defaults)."""

    function: Callable[..., dict[str, Any]]
    description: str
    annotations: ToolAnnotations
    parameters: tuple[inspect.Parameter, ...]

    def served(self, config: AssistConfig) -> Callable[..., Any]:
        """The coroutine the SDK calls, with the tool's name and signature (the SDK builds the
        tool's input schema from them)."""
        signature = inspect.Signature(list(self.parameters), return_annotation=dict[str, Any])

        async def call(**arguments: Any) -> dict[str, Any]:
            bound = signature.bind(**arguments)
            bound.apply_defaults()
            return await _in_thread(self.function, config, *bound.args)

        call.__name__ = self.function.__name__
        call.__signature__ = signature  # type: ignore[attr-defined]
        return call


def _parameter(name: str, annotation: Any, default: Any = inspect.Parameter.empty) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=annotation, default=default
    )


BIBTEX_OR_PATH = (_parameter("bibtex", Bibtex, None), _parameter("path", BibPath, None))

TOOLS = (
    ToolSpec(
        tools.lookup_reference,
        "Look up ONE reference — a title, an arXiv id or URL, a DOI, or one reference string "
        f"(at most {MAX_LOOKUP_CHARS:,} characters) — in the configured sources. Returns its record "
        "(title, ids, venue, key) with the match score and evidence when it resolved; otherwise "
        "status 'unresolved' or 'ambiguous' with the best candidates and their scores, which are "
        "NOT matches: never cite them as the reference.",
        READ_ONLY,
        (_parameter("reference", OneReference),),
    ),
    ToolSpec(
        tools.resolve_references,
        "Resolve many references — one per line (titles, arXiv ids, DOIs), a pasted reference "
        "list, a Hugging Face papers page, BibTeX or CSL-JSON; at most "
        f"{MAX_TEXT_CHARS:,} characters and {MAX_ITEMS} references — into a bibliography "
        f"({FORMATS}), the same text 'bibnorm resolve' writes. References that did not "
        "resolve are listed in not_resolved, with candidates; read from text, they are left out "
        "of the bibliography, and the user's own entries (BibTeX, CSL-JSON, RIS) are written in "
        "it as they give themselves (their as_given key): nothing of the user's is lost.",
        READ_ONLY,
        (
            _parameter("text", References),
            _parameter("format", OutputFormat, "bibtex"),
        ),
    ),
    ToolSpec(
        tools.verify_bibliography,
        "Verify a bibliography: is every entry a real work, cited faithfully (title, authors, "
        "year, venue, DOI, arXiv id)? Give the BibTeX text or a path under a folder the user "
        f"opened; at most {MAX_TEXT_CHARS:,} characters and {MAX_ITEMS} entries. Each entry gets "
        "a verdict — verified, mismatch, not_found (every source answered, none holds it), "
        "unverifiable (a source could not be asked) — with its findings (code, severity, message).",
        READ_ONLY,
        BIBTEX_OR_PATH,
    ),
    ToolSpec(
        tools.check_bibtex,
        "Check a .bib (the text or a path under an opened folder; at most "
        f"{MAX_TEXT_CHARS:,} characters) as 'bibnorm check' does, without asking any source: "
        "syntax BibTeX misreads, duplicates, missing fields, malformed names, identifiers, "
        "layout. Returns findings with code, severity, line, key and message.",
        OFFLINE_ONLY,
        BIBTEX_OR_PATH,
    ),
    ToolSpec(
        tools.format_bibtex,
        f"Format BibTeX text (at most {MAX_TEXT_CHARS:,} characters) in bibnorm's canonical layout, "
        "as 'bibnorm format' does: nothing BibTeX reads is changed, no entry is lost; blocks that "
        "cannot be parsed are kept as they are and listed. With bst (the BibTeX style the file is "
        "typeset in), each DOI and arXiv id goes where that style prints it exactly once.",
        OFFLINE_ONLY,
        (_parameter("bibtex", BibtexText), _parameter("bst", BstStyle, None)),
    ),
)


def build_server(config: AssistConfig) -> MCPServer:
    """An MCP server whose tools (`TOOLS`) run against ``config``'s sources and roots."""
    from bibnorm import __version__

    server = MCPServer(NAME, version=__version__, instructions=INSTRUCTIONS, log_level="WARNING")
    for spec in TOOLS:
        server.add_tool(spec.served(config), description=spec.description, annotations=spec.annotations)
    return server
