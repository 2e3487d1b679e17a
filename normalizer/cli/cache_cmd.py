"""``bibnorm cache info|clear``: inspect or empty the HTTP response cache."""

from __future__ import annotations

import json
from pathlib import Path

import click
from bibnorm.cli._options import cache_dir_option
from bibnorm.config import load_settings
from bibnorm.errors import CacheError
from bibnorm.resolvers import cache_file_in, cached_responses


@click.group("cache")
def command() -> None:
    """Inspect or clear the HTTP cache that makes repeated runs free.

    Every answer of the online sources (arXiv, Semantic Scholar, dblp's search,
    Crossref, OpenAlex, Open Library) is cached (SQLite, 30 days), so a second
    run over the same input makes no request, and --offline runs answer from it.
    API keys are never stored. Location: $BIBNORM_CACHE_DIR, else
    $XDG_CACHE_HOME/bibnorm or ~/.cache/bibnorm. 'clear' leaves the local
    indexes ('bibnorm index build') alone.

    \b
    Examples:
      bibnorm cache info
      bibnorm cache info --json
      bibnorm cache clear
    """


def _cache_folder(cache_dir: Path | None) -> Path:
    return load_settings({"cache_dir": cache_dir}).cache_dir


@command.command("info")
@cache_dir_option
@click.option("--json", "json_out", is_flag=True, help="Print the figures as JSON.")
def info(cache_dir: Path | None, json_out: bool) -> None:
    """Show where the cache is, how many responses it holds and its size.

    A cache folder that is a file, or a database that is damaged or unreadable, is an
    error (exit 1), never "0 responses".
    """
    path, responses = cached_responses(_cache_folder(cache_dir))
    size = path.stat().st_size if path.exists() else 0
    figures = {"path": str(path), "exists": path.exists(), "responses": responses, "bytes": size}
    if json_out:
        click.echo(json.dumps(figures, indent=2))
    else:
        click.echo(f"cache: {figures['path']}")
        click.echo(f"responses: {responses}")
        click.echo(f"size: {size / 1e6:.1f} MB")


@command.command("clear")
@cache_dir_option
def clear(cache_dir: Path | None) -> None:
    """Delete every cached response (the next run asks the APIs again)."""
    path = cache_file_in(_cache_folder(cache_dir))
    removed = 0
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if candidate.is_dir():
            raise CacheError(f"{candidate} is a folder, not the cache database; nothing was removed")
        try:
            candidate.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise CacheError(f"cannot remove {candidate}: {error.strerror or error}") from None
        removed += 1
    click.echo(f"cleared {path}" if removed else f"nothing to clear at {path}", err=True)
