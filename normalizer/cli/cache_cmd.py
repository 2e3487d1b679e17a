"""``bibnorm cache info|clear``: inspect or empty the HTTP response cache."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import click

from normalizer.cli._options import UserPath
from normalizer.config import load_settings
from resolvers._http import CACHE_FILE


@click.group("cache")
def command() -> None:
    """Inspect or clear the HTTP cache that makes repeated runs free.

    Every arXiv and Semantic Scholar answer is cached (SQLite, 30 days), so a
    second run over the same input makes no request, and --offline runs answer
    from it. API keys are never stored. Location: $BIBNORM_CACHE_DIR or
    ~/.cache/bibnorm.

    \b
    Examples:
      bibnorm cache info
      bibnorm cache info --json
      bibnorm cache clear
    """


def _cache_file(cache_dir: Path | None) -> Path:
    settings = load_settings({"cache_dir": cache_dir})
    return settings.cache_dir / CACHE_FILE


@command.command("info")
@click.option("--cache-dir", type=UserPath(path_type=Path, file_okay=False), default=None)
@click.option("--json", "json_out", is_flag=True, help="Print the figures as JSON.")
def info(cache_dir: Path | None, json_out: bool) -> None:
    """Show where the cache is, how many responses it holds and its size."""
    path = _cache_file(cache_dir)
    responses = 0
    if path.exists():
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            try:
                responses = db.execute("select count(*) from responses").fetchone()[0]
            except sqlite3.DatabaseError:
                responses = 0
    size = path.stat().st_size if path.exists() else 0
    figures = {"path": str(path), "exists": path.exists(), "responses": responses, "bytes": size}
    if json_out:
        click.echo(json.dumps(figures, indent=2))
    else:
        click.echo(f"cache: {figures['path']}")
        click.echo(f"responses: {responses}")
        click.echo(f"size: {size / 1e6:.1f} MB")


@command.command("clear")
@click.option("--cache-dir", type=UserPath(path_type=Path, file_okay=False), default=None)
def clear(cache_dir: Path | None) -> None:
    """Delete every cached response (the next run asks the APIs again)."""
    path = _cache_file(cache_dir)
    removed = 0
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if candidate.exists():
            candidate.unlink()
            removed += 1
    click.echo(f"cleared {path}" if removed else f"nothing to clear at {path}", err=True)
