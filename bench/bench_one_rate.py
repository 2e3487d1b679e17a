"""One rate per source whatever the engine: a venue verified on 1, 2 and 4 worker processes and on
2 Dask workers, every source behind a referee that counts requests arriving under its spacing.

The sources are the verify world's fakes on 127.0.0.1 (Semantic Scholar, arXiv, Crossref), each
behind a `fakes.rate_referee.RateReferee` keeping the spacing given (Crossref's lists and single
works apart). Every run starts on a cold cache. Printed per engine: wall time, requests per
source, violations per source (requests that came sooner than the spacing after the previous
one), and whether the results folder is byte-identical to one worker's.

``--per-process`` measures the spacing as it was before it was shared (each process keeping its
own): the turns' folder is made unusable, so each session spaces only its own requests.

Usage: ``python bench/bench_one_rate.py [--spacing 0.2] [--documents 24] [--per-process]``
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bibnorm.cli import main  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from corpus_runs import folder_bytes, two_dask_workers  # noqa: E402
from fakes.verify_world import refereed_world, write_venue  # noqa: E402

ENGINES = ("1 process", "2 processes", "4 processes", "2 Dask workers")


@contextlib.contextmanager
def options_for(engine: str):
    if "Dask" in engine:
        with two_dask_workers(processes=True) as cluster:
            yield ["--scheduler", cluster.scheduler_address]
    else:
        yield ["--workers", engine.split()[0]]


def main_() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--spacing", type=float, default=0.2)
    parser.add_argument("--documents", type=int, default=24)
    parser.add_argument("--per-process", action="store_true")
    arguments = parser.parse_args()
    spacing = arguments.spacing
    print(
        f"verify a venue of {arguments.documents} documents against fakes spaced {spacing} s"
        + (" (spacing kept per process)" if arguments.per_process else " (one spacing per source)")
    )
    print(f"{'engine':16}{'wall':>8}  {'requests (s2/arxiv/crossref)':30}{'violations':>12}  same as 1")
    with refereed_world(spacing) as world, tempfile.TemporaryDirectory() as tmp:
        env = world.env()
        folder = Path(tmp)
        (folder / "venue").mkdir()
        write_venue(folder / "venue", arguments.documents)
        baseline = None
        for number, engine in enumerate(ENGINES):
            cache = folder / f"cache{number}"
            if arguments.per_process:  # a file where the turns' folder would be: no shared turns
                cache.mkdir()
                (cache / "spacing").write_text("", encoding="utf-8")
            world.reset()
            with contextlib.chdir(folder), options_for(engine) as options:
                started = time.monotonic()
                result = CliRunner().invoke(
                    main,
                    ["verify", "venue", "--out", f"out{number}", *options],
                    env=env | {"BIBNORM_CACHE_DIR": str(cache)},
                )
                wall = time.monotonic() - started
            assert result.exit_code in (0, 3), result.output
            written = folder_bytes(folder / f"out{number}")
            baseline = baseline or written
            counts = "/".join(str(referee.requests()) for referee in world.referees.values())
            violations = sum(len(found) for found in world.violations().values())
            print(f"{engine:16}{wall:>7.1f}s  {counts:30}{violations:>12}  {written == baseline}")


if __name__ == "__main__":
    main_()
