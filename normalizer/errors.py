"""Fatal errors with user-ready, one-line messages.

Only conditions that stop the whole run raise; per-item trouble is a `Problem`.
The CLI turns every `BibnormError` into one line on stderr and exit code 1
(``UsageError`` gives 2), in exactly one place.
"""


class BibnormError(Exception):
    """Base class: ``str(error)`` is the whole message a user sees."""

    exit_code = 1


class UsageError(BibnormError):
    """The user asked for something impossible (bad option combination, unknown format)."""

    exit_code = 2


class InputError(BibnormError):
    """An input file is missing, unreadable or not in the expected format."""


class ReadingTimeError(InputError):
    """Reading an input took more than its time budget (a text or PDF built to stall the reader?)."""


class ConfigError(BibnormError):
    """A configuration file or environment variable has an invalid value."""


class SnapshotError(BibnormError):
    """The snapshot index is missing, corrupt or of an unknown schema."""


class OutputError(BibnormError):
    """An output file could not be written (the previous file is left intact)."""


class SafetyError(BibnormError):
    """A write was refused because it would have lost data (e.g. entries vanished)."""


class CacheError(BibnormError):
    """The HTTP cache cannot be used (unwritable folder, damaged database)."""


class WorkerError(BibnormError):
    """A worker process died (killed by hand or by the out-of-memory killer)."""


# Where bibnorm is installed from: it is not on PyPI, so an extra is asked for with its git URL.
REPOSITORY = "https://github.com/bibnorm/bibnorm"
# The optional extras, by name → what each adds (pyproject.toml's [project.optional-dependencies],
# which tests/test_install_lines.py holds this to).
EXTRAS = {"mcp": "'mcp>=2.3,<3'", "dask": "'distributed>=2024.1'", "watch": "'watchfiles>=0.21'"}


def needs_extra(what: str, extra: str) -> UsageError:
    """The one line for a feature whose optional extra is not installed: the two commands that add
    it, to a pip environment and to a pipx one, both valid as they stand."""
    return UsageError(
        f"{what}, an optional extra: pip install 'bibnorm[{extra}] @ git+{REPOSITORY}' "
        f"(in a pipx install: pipx inject bibnorm {EXTRAS[extra]})"
    )


# What an error message may quote of something the user (or a file) gave: enough to recognise
# it, never a 5 MB configuration key or a value with line breaks that would split the one line.
QUOTE_LIMIT = 80
MESSAGE_LIMIT = 1000


def shown(text: object, limit: int = QUOTE_LIMIT) -> str:
    """``text`` quoted for a message: ``repr`` style (so control characters are visible), and
    cut to about ``limit`` characters with the full length said."""
    value = str(text)
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}… ({len(value):,} characters)"


def one_line(message: str, limit: int = MESSAGE_LIMIT) -> str:
    """``message`` as one printable line: control characters escaped, and at most ``limit``
    characters (the last safeguard of the one place errors are printed)."""
    line = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in message[: limit + 1])
    return line if len(line) <= limit else f"{line[: limit - 1]}…"
