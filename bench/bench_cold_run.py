"""The five bundled pages resolved cold at the sources' real rates: wall time, requests per item by
source, rate violations, then warm and offline.

``bibnorm resolve`` (the default chain, OpenAlex off without a key) runs on the five scraped pages
(695 items, 610 distinct) against the test fakes on 127.0.0.1, each behind a
`fakes.rate_referee.RateReferee` that keeps the source's documented limit and answers 429 to a
request that comes sooner (arXiv one request every 3 s, Semantic Scholar 1 s, dblp 2 s, Crossref's
lists 1 s and single works 0.25 s), with bibnorm's default spacing. The worlds are
`bench_requests`' ("complete": a synthetic arXiv record for every page title the fakes lack, as
real arXiv holds nearly every Hugging Face daily paper; "complete + DOIs": the gold papers at
DOI-registering venues also carry a publisher DOI; "as is": the fakes as they are, 433 titles on
no source). ``--index`` adds a run with a local dblp index (built from the fake dblp's records).

Printed per run: wall time, requests per distinct item per source, when each source was first
and last asked (seconds from the start: sources asked side by side overlap), violations at the
referees, requests asked twice (the same GET), and the output's SHA-256 (the same figure across
runs means byte-identical output).
Then the same command on the warm cache, and ``--offline`` on it.

``--scale 0.1`` divides every rate by ten (spacing and referee alike) for a quick look; the
documented figures are at ``--scale 1`` (about 5 to 20 minutes a world).

Usage: ``python bench/bench_cold_run.py [--world complete] [--index] [--scale 1]``
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from bench_requests import PAGES, page_worlds  # noqa: E402
from bibnorm.cli import main  # noqa: E402
from bibnorm.readers import read_inputs  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from fakes.dblp_dump import write_fake_dump  # noqa: E402
from fakes.rate_referee import RateReferee, crossref_limit  # noqa: E402
from fakes.servers import FakeApis, running_fakes  # noqa: E402

CHAIN = "snapshot,arxiv,s2,dblp,crossref,openalex"
# The documented limits (docs/sources.md, "Rates"): seconds between two requests.
LIMITS = {"arxiv": 3.0, "s2": 1.0, "dblp": 2.0, "crossref": 0.25, "crossref-search": 1.0}


@contextlib.contextmanager
def refereed(apis: FakeApis, scale: float) -> Iterator[dict[str, RateReferee]]:
    """A referee in front of each fake, keeping the real limits (times ``scale``), refusing with 429."""
    referees = {
        "arxiv": RateReferee(apis.arxiv.url, LIMITS["arxiv"] * scale, refuse=True),
        "s2": RateReferee(apis.s2.url, LIMITS["s2"] * scale, refuse=True),
        "dblp": RateReferee(apis.dblp.url, LIMITS["dblp"] * scale, refuse=True),
        "crossref": RateReferee(
            apis.crossref.url,
            LIMITS["crossref"] * scale,
            refuse=True,
            kind=crossref_limit,
            gaps={"list": LIMITS["crossref-search"] * scale},
        ),
    }
    for referee in referees.values():
        referee.start()
    try:
        yield referees
    finally:
        for referee in referees.values():
            referee.stop()


def environment(
    apis: FakeApis, referees: dict[str, RateReferee], cache: Path, scale: float
) -> dict[str, str]:
    return apis.env(cache) | {
        "BIBNORM_ARXIV_API_URL": referees["arxiv"].url,
        "BIBNORM_S2_API_URL": referees["s2"].url,
        "BIBNORM_DBLP_API_URL": referees["dblp"].url,
        "BIBNORM_CROSSREF_API_URL": referees["crossref"].url,
        "BIBNORM_ARXIV_DELAY": str(LIMITS["arxiv"] * scale),
        "BIBNORM_S2_DELAY": str(LIMITS["s2"] * scale),
        "BIBNORM_DBLP_DELAY": str(LIMITS["dblp"] * scale),
        "BIBNORM_CROSSREF_DELAY": str(LIMITS["crossref"] * scale),
        "BIBNORM_CROSSREF_SEARCH_DELAY": str(LIMITS["crossref-search"] * scale),
    }


def resolve(folder: Path, env: dict[str, str], *extra: str) -> tuple[float, dict, str]:
    """One ``bibnorm resolve`` of the pages: wall seconds, the report, the .bib's SHA-256."""
    with contextlib.chdir(folder):
        started = time.monotonic()
        result = CliRunner().invoke(
            main,
            [
                "resolve",
                *map(str, PAGES),
                "--resolvers",
                CHAIN,
                "-q",
                "-o",
                "out.bib",
                "--report",
                "r.json",
                *extra,
            ],
            env=env,
        )
        wall = time.monotonic() - started
    assert result.exit_code in (0, 3), result.output
    report = json.loads((folder / "r.json").read_text(encoding="utf-8"))
    return wall, report, hashlib.sha256((folder / "out.bib").read_bytes()).hexdigest()[:12]


def measure(world: str, data: dict, scale: float, index: Path | None) -> None:
    label = world + (" + dblp index" if index else "")
    with (
        tempfile.TemporaryDirectory() as tmp,
        running_fakes(**data) as apis,
        refereed(apis, scale) as referees,
    ):
        env = environment(apis, referees, Path(tmp) / "cache", scale) | {
            "BIBNORM_DBLP_INDEX": str(index or "")
        }
        started = time.monotonic()
        wall, report, digest = resolve(Path(tmp), env)
        distinct = sum(1 for item in report["items"] if item.get("duplicate_of") is None)
        requests = report["summary"].get("requests") or {}
        per_source = ", ".join(f"{s} {n / distinct:.3f}" for s, n in sorted(requests.items()) if n)
        spans = []
        for name, referee in referees.items():
            arrivals = sorted(t for times in referee.arrivals.values() for t in times)
            if arrivals:
                spans.append(f"{name} {arrivals[0] - started:.0f}-{arrivals[-1] - started:.0f} s")
        violations = sum(len(referee.violations) for referee in referees.values())
        # The same GET twice (a POST's ids are in its body: S2's batches are not counted here).
        twice = sum(
            count - 1
            for referee in referees.values()
            for path, count in Counter(referee.asked).items()
            if count > 1 and "/paper/batch" not in path
        )
        total = sum(requests.values())
        print(
            f"{label}: cold {wall / 60:.2f} min ({wall:.0f} s), {total} requests = "
            f"{total / distinct:.3f} per item ({per_source}); violations {violations}; "
            f"asked twice {twice}; output {digest}"
        )
        print(f"  sources asked: {'; '.join(spans)}")
        warm_wall, warm, warm_digest = resolve(Path(tmp), env)
        offline_wall, _, offline_digest = resolve(Path(tmp), env | {"BIBNORM_OFFLINE": "1"})
        print(
            f"  warm {warm_wall:.1f} s, {warm['summary'].get('requests_total', 0)} requests, "
            f"output {warm_digest}; offline {offline_wall:.1f} s, output {offline_digest}"
        )


def main_() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--world", choices=("complete", "complete + DOIs", "as is"), default="complete")
    parser.add_argument("--index", action="store_true", help="also run with a local dblp index")
    parser.add_argument("--scale", type=float, default=1.0, help="rates times this (1: the real ones)")
    arguments = parser.parse_args()
    queries = read_inputs([str(p) for p in PAGES])
    data = page_worlds()[arguments.world]
    print(
        f"bibnorm resolve, {len(PAGES)} pages ({len(queries)} items), "
        f"cold at the real rates x {arguments.scale:g}"
    )
    measure(arguments.world, data, arguments.scale, None)
    if arguments.index:
        with tempfile.TemporaryDirectory() as dumps:
            dump, index = Path(dumps) / "dblp.xml.gz", Path(dumps) / "dblp.sqlite"
            write_fake_dump(dump)
            built = CliRunner().invoke(main, ["index", "build", str(dump), "-o", str(index)])
            assert built.exit_code == 0, built.output
            measure(arguments.world, data, arguments.scale, index)


if __name__ == "__main__":
    main_()
