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
