"""``bibnorm cache info|clear``: inspect or empty the HTTP response cache (`bibnorm.api.cache`)."""

from __future__ import annotations

import json
from pathlib import Path

import click
from bibnorm.api.cache import cache_info, clear_cache
from bibnorm.cli._options import cache_dir_option
from bibnorm.config import Settings, load_settings


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


def _settings(cache_dir: Path | None) -> Settings:
    return load_settings({"cache_dir": cache_dir})


@command.command("info")
@cache_dir_option
@click.option("--json", "json_out", is_flag=True, help="Print the figures as JSON.")
def info(cache_dir: Path | None, json_out: bool) -> None:
    """Show where the cache is, how many responses it holds and its size.

    A cache folder that is a file, or a database that is damaged or unreadable, is an
    error (exit 1), never "0 responses".
    """
    figures = cache_info(_settings(cache_dir))
    if json_out:
        click.echo(json.dumps(figures.model_dump(mode="json"), indent=2))
    else:
        click.echo(f"cache: {figures.path}")
        click.echo(f"responses: {figures.responses}")
        click.echo(f"size: {figures.bytes / 1e6:.1f} MB")


@command.command("clear")
@cache_dir_option
def clear(cache_dir: Path | None) -> None:
    """Delete every cached response (the next run asks the APIs again)."""
    cleared = clear_cache(_settings(cache_dir))
    said = f"cleared {cleared.path}" if cleared.removed else f"nothing to clear at {cleared.path}"
    click.echo(said, err=True)
