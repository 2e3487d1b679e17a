"""File input and output that never loses what the user had.

One import for the whole ground floor of files, gathered from the modules that own them:

- `bibnorm.io.writing` — `write_atomic` (an interrupted run leaves the old file or the new
  one, never a truncated mix; links, devices and modes as a careful program handles them),
  `write_stdout` (whole or an error), `locked`, `held_folder` (one writer a folder),
  `remove_temporaries`, `make_folders`, `refuse_missing_home`, and the record `WRITTEN` of
  what a run already changed;
- `bibnorm.io.places` — where a run may write, decided before any work starts: `expand_user`,
  `named_output` (a path a file's content names), `pin_output` / `write_pinned`, and
  `refuse_clashes` (no output is an input, no two outputs one file);
- `bibnorm.io.reading` — `read_text` / `read_bytes`: one-line errors, a bound on what one input
  may cost (`input_limit`), standard input read once, and `LineCounter`;
- `bibnorm.io.encodings` — `decode_text` (UTF-8, UTF-16, the legacy encodings of Chinese,
  Japanese and Korean TeX, Windows-1252, line by line for a file that mixes it with UTF-8) and
  `decode_kept` (text that encodes back to the same bytes).

May import: bibnorm.errors.
"""

from __future__ import annotations

from bibnorm.io.encodings import (
    BINARY_MAGIC,
    ENCODING_NOTES,
    LEGACY_ENCODING,
    LEGACY_NAME,
    NOTICES,
    EncodingNotes,
    KeptEncoding,
    decode_kept,
    decode_lines,
    decode_text,
    east_asian,
    encoding_note,
    refuse_binary,
)
from bibnorm.io.places import (
    PinnedOutput,
    Role,
    expand_user,
    named_output,
    pin_output,
    refuse_clashes,
    write_pinned,
)
from bibnorm.io.reading import (
    INPUT_LIMIT,
    INPUT_LIMIT_VARIABLE,
    LineCounter,
    input_limit,
    read_bytes,
    read_text,
    size_limit,
)
from bibnorm.io.writing import (
    HELD,
    STALE_AFTER,
    STDIO,
    WRITTEN,
    WrittenFiles,
    adopt_mode,
    current_umask,
    held_folder,
    locked,
    make_folders,
    refuse_missing_home,
    remove_stale_temporaries,
    remove_temporaries,
    replace_atomically,
    resolve_output,
    same_file,
    silence_stdout,
    temporary_beside,
    write_atomic,
    write_stdout,
)

__all__ = [
    "BINARY_MAGIC",
    "ENCODING_NOTES",
    "HELD",
    "INPUT_LIMIT",
    "INPUT_LIMIT_VARIABLE",
    "LEGACY_ENCODING",
    "LEGACY_NAME",
    "NOTICES",
    "STALE_AFTER",
    "STDIO",
    "WRITTEN",
    "EncodingNotes",
    "KeptEncoding",
    "LineCounter",
    "PinnedOutput",
    "Role",
    "WrittenFiles",
    "adopt_mode",
    "current_umask",
    "decode_kept",
    "decode_lines",
    "decode_text",
    "east_asian",
    "encoding_note",
    "expand_user",
    "held_folder",
    "input_limit",
    "locked",
    "make_folders",
    "named_output",
    "pin_output",
    "read_bytes",
    "read_text",
    "refuse_binary",
    "refuse_clashes",
    "refuse_missing_home",
    "remove_stale_temporaries",
    "remove_temporaries",
    "replace_atomically",
    "resolve_output",
    "same_file",
    "silence_stdout",
    "size_limit",
    "start_run",
    "temporary_beside",
    "write_atomic",
    "write_pinned",
    "write_stdout",
]


def start_run() -> None:
    """Forget the records of an earlier run in this process (a command invoked again in-process,
    as tests and embedding programs do, says its notes and lists its written files afresh)."""
    WRITTEN.clear()
    ENCODING_NOTES.told.clear()
