"""False alarms of ``bibnorm verify`` on real entries with abbreviated journals and accented names.

The 417 MathSciNet entries of ``tests/corpus/abbreviated/spdes-bib.bib`` (provenance in
tests/corpus/README.md), every one a correct citation whose ``journal`` is an abbreviation
("Probab. Theory Related Fields") and whose authors' names carry TeX accents. The sources are the
fakes of tests/fakes on 127.0.0.1 holding each paper as `fakes.bib_world` builds it without
bibnorm: names in ASCII (anyascii), the journal by the entry's ``fjournal``, MathSciNet's full
title. Every entry flagged is a false alarm; printed: the verdicts, each flagged entry with its
findings, and the findings by code. ``tests/test_verify_abbreviated.py`` holds the same figure.

    python bench/bench_verify_abbreviated.py [BIB]
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests")]

from anyascii import anyascii  # noqa: E402
from bibnorm.cli import main as bibnorm  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from fakes.bib_world import serving, world_papers  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "abbreviated" / "spdes-bib.bib"


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    papers, arxiv_records, _ = world_papers(
        corpus.read_text(encoding="utf-8"), spell_name=anyascii, venue_fields=("fjournal",)
    )
    with serving(papers, arxiv_records) as env, tempfile.TemporaryDirectory() as cache:
        result = CliRunner().invoke(
            bibnorm, ["verify", str(corpus), "--json", "-q"], env={**env, "BIBNORM_CACHE_DIR": cache}
        )
    document = json.loads(result.stdout)
    codes: Counter[str] = Counter()
    for entry in document["entries"]:
        if entry["verdict"] == "verified":
            continue
        for found in entry["findings"]:
            codes[found["code"]] += 1
            print(f"{entry['key']}\t{entry['verdict']}\t{found['code']}\t{found['message']}")
    summary = document["summary"]
    print(
        f"entries {summary['entries']}, verified {summary['verified']}, flagged "
        f"{summary['entries'] - summary['verified']}; findings {dict(sorted(codes.items()))}"
    )


if __name__ == "__main__":
    main()
