"""dblp's record exports per proceedings volume, not per paper: the five pages resolved cold against
the fakes both ways, their requests counted and their outputs compared byte for byte.

Every conference record the fake dblp serves gets an export naming its volume's editors and
publisher (synthetic names, the same for every paper of one volume, as dblp's standard export
copies the volume's into each paper's entry), so that the comparison covers entries with editors.
"Per paper" is the enricher with `volume_of` answering None (every paper asks its own export),
as before the exports were shared.

Usage: ``python bench/bench_dblp_volumes.py``
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

import bibnorm.resolvers.dblp as dblp  # noqa: E402
from bench_requests import PAGES, read_inputs, synthetic_completion  # noqa: E402
from bibnorm.cli import main  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from fakes.dblp_api import CONFERENCE, FakeDblp, standard_export  # noqa: E402
from fakes.servers import running_fakes  # noqa: E402


def give_volumes_editors(fake: FakeDblp) -> None:
    for record in fake.records:
        if record.get("type") != CONFERENCE or record.get("key") in fake.exports:
            continue
        volume = f"{record['key'].rsplit('/', 1)[0]} {record['venue']} {record['year']}"
        family = "".join(ch for ch in volume.title() if ch.isalnum())
        proceedings = (
            f"  editor       = {{Ada {family} and Alan {family}}},\n  publisher    = {{Press of {family}}},\n"
        )
        fake.exports[record["key"]] = standard_export(record).replace("  title ", proceedings + "  title ", 1)


def main_() -> None:
    queries = read_inputs([str(p) for p in PAGES])
    completion = synthetic_completion((q.title, q.abstract) for q in queries if q.title)
    worlds = {
        "complete": {"arxiv_records": completion.arxiv_records, "s2_papers": completion.s2_papers},
        "as is": {},
    }
    shared = dblp.volume_of
    print(
        f"{'world':10}{'exports per paper':>18}{'per volume':>12}{'dblp requests':>16}"
        "  entries with editors  identical"
    )
    for world, data in worlds.items():
        runs = {}
        for mode, volume_of in (("paper", lambda record: None), ("volume", shared)):
            dblp.volume_of = volume_of
            with tempfile.TemporaryDirectory() as tmp, running_fakes(**data) as apis, contextlib.chdir(tmp):
                give_volumes_editors(apis.dblp)
                env = {**apis.env(Path(tmp) / "cache"), "BIBNORM_DBLP_INDEX": ""}
                result = CliRunner().invoke(
                    main, ["resolve", *map(str, PAGES), "-q", "-o", "out.bib"], env=env
                )
                assert result.exit_code == 0, result.output
                runs[mode] = (
                    Path(tmp, "out.bib").read_bytes(),
                    len(apis.dblp.exports_asked),
                    len(apis.dblp.requests),
                )
        dblp.volume_of = shared
        (before, exports_before, requests_before), (after, exports_after, requests_after) = (
            runs["paper"],
            runs["volume"],
        )
        print(
            f"{world:10}{exports_before:>18}{exports_after:>12}{f'{requests_before} -> {requests_after}':>16}"
            f"  {after.count(b'editor '):>20}  {before == after}"
        )


if __name__ == "__main__":
    main_()
