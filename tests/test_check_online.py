"""`bibnorm check`'s online checks (BN501, BN502) end to end, against both fake APIs.

The real click group runs with the fakes of tests/fakes/servers.py behind
``BIBNORM_ARXIV_API_URL``/``BIBNORM_S2_API_URL``, no politeness delay, a fresh
requests-cache directory per test, and a ``bibnorm.toml`` in the working directory that
makes retries immediate. Every paper used here is one the fakes serve as it was recorded
in ``shared/reference/api-samples/`` (no gold-derived or synthetic record), so the
expected findings follow from the recorded answers:

- S2 ``search-match-arxiv-paper.json``: arXiv 1706.03762, venue "Neural Information
  Processing Systems" (→ the venue table's NeurIPS name), year 2017, no DOI;
- S2 ``paper-by-doi.json``: arXiv 2304.05376, journal "Nature Machine Intelligence",
  DOI 10.1038/s42256-024-00832-8, year 2023 (the preprint's); Crossref's record of that DOI
  (``work-journal-article-orcid-license-funder.json``, on the fake Crossref) dates the
  article 2024, which BN501 names;
- S2 ``search-full-fields-first-20-of-100.json``: arXiv 2207.14382, publicationVenue
  "Neural Computation" (journal), DOI 10.1162/neco_a_01563, year 2022; arXiv 2310.20216,
  publicationVenue "North American Chapter of the Association for Computational
  Linguistics" (conference), year 2023, whose only DOI is arXiv's 10.48550/arXiv.2310.20216;
- arXiv ``id-list-single-v7-default-max-results.atom.xml``: 1706.03762, latest v7;
  ``id-list-single-v2-published-ne-updated.atom.xml``: 2003.08934, latest v2. The arXiv
  fake holds no 2304.05376.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_FINDINGS, main
from bibnorm.text.venues import find_venue
from click.testing import CliRunner, Result
from fakes.dblp_dump import record_xml, write_dump
from fakes.servers import FakeApis, running_fakes
from paths import GOLD

# Immediate, bounded retries: a failing fake costs milliseconds, not the default backoff.
CONFIG = "max_attempts = 2\nbackoff_base = 0.0\ntimeout = 5.0\n"

FIX_HINT = "; cite that version (bibnorm fix --upgrade-preprints)"
# The 2017 proceedings were still "NIPS" (the name changed in 2018).
NEURIPS = "Advances in Neural Information Processing Systems (NIPS)"
NAACL = (
    "Proceedings of the Conference of the North American Chapter of the Association for "
    "Computational Linguistics (NAACL)"
)
NOTE = "bibnorm: note: online checks skipped: "

# Each entry is seven lines; `bib` joins them with one blank line, so the n-th entry of a
# file starts on line 1 + 8 * (n - 1): 1, 9, 17.
BRAN_PREPRINT = """\
@article{bran2023augmenting,
  title = {Augmenting large language models with chemistry tools},
  author = {Bran, Andres M. and Cox, Sam and Schilter, Oliver and White, Andrew D. and Schwaller, P.},
  journal = {arXiv preprint arXiv:2304.05376},
  year = {2023},
  url = {https://arxiv.org/abs/2304.05376},
}"""
VASWANI_V1 = """\
@misc{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob},
  year = {2017},
  eprint = {1706.03762v1},
  archiveprefix = {arXiv},
}"""
SEJNOWSKI_PREPRINT = """\
@misc{sejnowski2022large,
  title = {Large Language Models and the Reverse Turing Test},
  author = {Sejnowski, Terrence},
  year = {2022},
  eprint = {2207.14382},
  archiveprefix = {arXiv},
}"""
JONES_PREPRINT = """\
@misc{jones2023gpt4,
  title = {Does {GPT-4} pass the Turing test?},
  author = {Jones, Cameron R. and Bergen, Benjamin K.},
  year = {2023},
  eprint = {2310.20216},
  archiveprefix = {arXiv},
}"""
# An offline error (BN302: an author list that ends with "and") that cites no arXiv paper.
BROKEN = """\
@article{broken,
  author = {Doe, Jane and},
  title = {An Entry Written in a Hurry},
  pages = {1--2},
  volume = {1},
  number = {1},
}"""


def bran_bn501(line: int) -> str:
    return (
        f"refs.bib:{line}: bran2023augmenting: BN501 warning: arXiv:2304.05376 was published in "
        "Nature Machine Intelligence 2024, doi 10.1038/s42256-024-00832-8" + FIX_HINT
    )


def vaswani_bn501(line: int) -> str:
    return (
        f"refs.bib:{line}: vaswani2017attention: BN501 warning: arXiv:1706.03762 was published in "
        f"{NEURIPS} 2017" + FIX_HINT
    )


def bn502(line: int, arxiv_id: str, pinned: int, latest: int) -> str:
    return (
        f"refs.bib:{line}: vaswani2017attention: BN502 warning: cites arXiv:{arxiv_id}v{pinned} but "
        f"v{latest} is the latest; drop the version unless you mean that one"
    )


SEJNOWSKI_BN501 = (
    "refs.bib:1: sejnowski2022large: BN501 warning: arXiv:2207.14382 was published in Neural Computation "
    "2022, doi 10.1162/neco_a_01563" + FIX_HINT
)
BROKEN_BN302 = "refs.bib:2: broken: BN302 error: author list: ends with 'and'"


def bib(*entries: str) -> str:
    return "\n\n".join(entries) + "\n"


@pytest.fixture(scope="module")
def apis() -> Iterator[FakeApis]:
    with running_fakes() as fakes:
        yield fakes


@pytest.fixture
def fakes(apis: FakeApis) -> Iterator[FakeApis]:
    """The module's fakes with empty request logs and no fault armed, before and after."""
    apis.reset()
    yield apis
    apis.reset()


@dataclass
class Checker:
    """Runs ``bibnorm check`` in a working directory holding ``bibnorm.toml`` and ``refs.bib``."""

    apis: FakeApis
    folder: Path
    cache: Path

    def write(self, text: str) -> None:
        (self.folder / "refs.bib").write_text(text, encoding="utf-8")

    def run(self, *args: str, env: dict[str, str] | None = None) -> Result:
        return self.invoke("check", *args, env=env)

    def invoke(self, command: str, *args: str, env: dict[str, str] | None = None) -> Result:
        """``bibnorm COMMAND ARGS refs.bib`` in the folder, against the fakes."""
        with contextlib.chdir(self.folder):
            return CliRunner().invoke(
                main, [command, *args, "refs.bib"], env={**self.apis.env(self.cache), **(env or {})}
            )

    def requests(self) -> dict[str, int]:
        """Requests each fake received since the last reset (retries included)."""
        return self.apis.request_counts()


@pytest.fixture
def checker(fakes: FakeApis, tmp_path: Path) -> Checker:
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "bibnorm.toml").write_text(CONFIG, encoding="utf-8")
    return Checker(fakes, folder, tmp_path / "cache")


def summary(errors: int, warnings: int) -> str:
    return f"{errors} error(s), {warnings} warning(s) in 1 file(s)"


def codes(result: Result) -> list[str]:
    """The code of every finding line (``PATH:LINE: KEY: CODE message``) on stdout."""
    return [line.split(": ", 2)[2].split(" ", 1)[0] for line in result.stdout.splitlines()]


# --------------------------------------------------------------------------- BN501


def test_a_preprint_of_a_published_paper_gets_one_bn501_naming_venue_year_and_doi(
    checker: Checker,
) -> None:
    checker.write(bib(BRAN_PREPRINT))
    result = checker.run("--select", "BN5")
    assert result.stdout.splitlines() == [bran_bn501(1)]
    assert result.stderr.splitlines() == [summary(0, 1)]
    assert result.exit_code == 0  # BN501 is a warning
    # One S2 batch call for the one cited id; nothing pins a version, so arXiv is not asked.
    assert checker.requests() == {"arxiv": 0, "s2": 1, "dblp": 0, "crossref": 1}
    (call,) = checker.apis.s2_requests
    assert (call.method, call.path) == ("POST", "/graph/v1/paper/batch")
    assert call.json() == {"ids": ["ARXIV:2304.05376"]}


def test_a_published_and_pinned_preprint_gets_both_findings(checker: Checker) -> None:
    checker.write(bib(BRAN_PREPRINT, VASWANI_V1))
    result = checker.run("--select", "BN5")
    assert result.stdout.splitlines() == [
        bran_bn501(1),
        vaswani_bn501(9),
        bn502(9, "1706.03762", pinned=1, latest=7),
    ]
    assert result.stderr.splitlines() == [summary(0, 3)]
    assert result.exit_code == 0
    # One call per source for the whole file: every id in one S2 batch, pinned ids in one id_list.
    assert checker.requests() == {"arxiv": 1, "s2": 1, "dblp": 0, "crossref": 1}
    assert checker.apis.s2_requests[0].json() == {"ids": ["ARXIV:1706.03762", "ARXIV:2304.05376"]}


@pytest.mark.parametrize(
    "published",
    [
        pytest.param(
            """\
@inproceedings{vaswani2017nips,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam},
  booktitle = {Advances in Neural Information Processing Systems},
  year = {2017},
  eprint = {1706.03762},
}""",
            id="inproceedings-booktitle-eprint",
        ),
        pytest.param(
            """\
@inproceedings{vaswani2017url,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam},
  booktitle = {NeurIPS},
  year = {2017},
  url = {https://arxiv.org/abs/1706.03762},
}""",
            id="inproceedings-booktitle-arxiv-url",
        ),
        pytest.param(
            """\
@article{bran2024augmenting,
  title = {Augmenting large language models with chemistry tools},
  author = {Bran, Andres M. and Schwaller, P.},
  journal = {Nature Machine Intelligence},
  year = {2024},
  eprint = {2304.05376},
}""",
            id="article-journal-eprint",
        ),
    ],
)
def test_an_entry_that_already_cites_the_published_version_gets_no_bn501(
    checker: Checker, published: str
) -> None:
    # The preprint first is the control: S2 answered, and only the preprint is reported.
    checker.write(bib(SEJNOWSKI_PREPRINT, published))
    result = checker.run("--select", "BN5")
    assert result.stdout.splitlines() == [SEJNOWSKI_BN501]
    assert result.stderr.splitlines() == [summary(0, 1)]
    assert result.exit_code == 0
    (call,) = checker.apis.s2_requests
    assert len(call.json()["ids"]) == 2  # the published entry's paper was looked up too


def test_bn501_never_names_the_arxiv_doi_as_the_published_versions_doi(checker: Checker) -> None:
    checker.write(bib(JONES_PREPRINT))
    result = checker.run("--select", "BN501")
    assert result.stdout.splitlines() == [
        f"refs.bib:1: jones2023gpt4: BN501 warning: arXiv:2310.20216 was published in {NAACL} 2023" + FIX_HINT
    ]


# --------------------------------------------------------------------------- BN502


@pytest.mark.parametrize(
    ("eprint", "expected", "arxiv_requests"),
    [
        pytest.param("1706.03762v1", bn502(1, "1706.03762", pinned=1, latest=7), 1, id="v1-of-v7"),
        pytest.param("1706.03762v5", bn502(1, "1706.03762", pinned=5, latest=7), 1, id="v5-of-v7"),
        pytest.param("2003.08934v1", bn502(1, "2003.08934", pinned=1, latest=2), 1, id="v1-of-v2"),
        pytest.param("1706.03762v7", None, 1, id="pins-the-latest"),
        pytest.param("2304.05376v1", None, 1, id="paper-arxiv-does-not-hold"),
        pytest.param("1706.03762", None, 0, id="no-version-pinned-nothing-asked"),
    ],
)
def test_a_pinned_version_older_than_arxivs_latest_gets_bn502(
    checker: Checker, eprint: str, expected: str | None, arxiv_requests: int
) -> None:
    checker.write(bib(VASWANI_V1.replace("1706.03762v1", eprint)))
    result = checker.run("--select", "BN502")
    assert result.stdout.splitlines() == ([expected] if expected else [])
    assert result.stderr.splitlines() == [summary(0, 1 if expected else 0)]
    assert result.exit_code == 0
    # Only arXiv is asked (BN501 is not selected), version-less, for exactly the pinned id.
    assert checker.requests() == {"arxiv": arxiv_requests, "s2": 0, "dblp": 0, "crossref": 0}
    for path, params in checker.apis.arxiv_requests:
        assert path == "/api/query"
        assert (params["id_list"], params["max_results"]) == (eprint.split("v")[0], "1")


# --------------------------------------------------------------------------- the dblp index

# VLTSeg (dev-gold 2312.02021) is a preprint on Semantic Scholar's record; a synthetic dblp record
# of the same title and authors at ICLR 2024 stands for a publication only dblp knows of.
VLTSEG = next(
    row
    for row in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())
    if row["arxiv_id"] == "2312.02021"
)
VLTSEG_PREPRINT = f"""\
@misc{{hummer2023vltseg,
  title = {{{VLTSEG["title"]}}},
  author = {{{" and ".join(VLTSEG["authors"])}}},
  year = {{2023}},
  eprint = {{2312.02021}},
  archiveprefix = {{arXiv}},
}}"""
ICLR = find_venue("ICLR")
assert ICLR is not None


@pytest.fixture
def vltseg_index(tmp_path: Path) -> Path:
    """A dblp index holding one (synthetic) publication: VLTSeg at ICLR 2024."""
    dump = tmp_path / "dump" / "dblp.xml"
    dump.parent.mkdir()
    info = {
        "type": "Conference and Workshop Papers",
        "key": "conf/iclr/Synthetic24",
        "authors": {"author": VLTSEG["authors"]},
        "title": VLTSEG["title"] + ".",
        "venue": "ICLR",
        "year": "2024",
    }
    write_dump([record_xml(info)], dump)
    index = tmp_path / "dblp.sqlite"
    assert CliRunner().invoke(main, ["index", "build", str(dump), "-o", str(index)]).exit_code == 0
    return index


def test_the_dblp_index_names_a_publication_semantic_scholar_lists_as_a_preprint(
    checker: Checker, vltseg_index: Path
) -> None:
    checker.write(bib(VLTSEG_PREPRINT))
    assert checker.run("--select", "BN501").stdout == ""  # S2 alone: a preprint
    result = checker.run("--select", "BN501", env={"BIBNORM_DBLP_INDEX": str(vltseg_index)})
    assert result.stdout.splitlines() == [
        f"refs.bib:1: hummer2023vltseg: BN501 warning: arXiv:2312.02021 was published in {ICLR.name} 2024"
        + FIX_HINT
    ]
    assert checker.requests()["dblp"] == 0


def test_fix_upgrades_to_the_publication_the_dblp_index_holds(checker: Checker, vltseg_index: Path) -> None:
    checker.write(bib(VLTSEG_PREPRINT))
    with contextlib.chdir(checker.folder):
        result = CliRunner().invoke(
            main,
            ["fix", "--upgrade-preprints", "refs.bib"],
            env={**checker.apis.env(checker.cache), "BIBNORM_DBLP_INDEX": str(vltseg_index)},
        )
    assert result.exit_code == 0, result.output
    added = [" ".join(line[1:].split()) for line in result.stdout.splitlines() if line.startswith("+ ")]
    assert f"booktitle = {{{ICLR.name}}}," in added
    assert "year = {2024}," in added
    assert any(
        line.startswith("bibnorm-upgrade = {from arXiv:2312.02021; Semantic Scholar and dblp, ")
        for line in added
    )


# --------------------------------------------------------------------------- offline and cache


@pytest.mark.parametrize(
    ("args", "env"),
    [
        pytest.param(("--offline",), {}, id="option"),
        pytest.param((), {"BIBNORM_OFFLINE": "1"}, id="environment"),
    ],
)
def test_offline_reports_no_bn5xx_and_sends_no_request(
    checker: Checker, args: tuple[str, ...], env: dict[str, str]
) -> None:
    checker.write(bib(BRAN_PREPRINT, VASWANI_V1))
    result = checker.run("--select", "BN5", *args, env=env)
    assert result.stdout == ""
    assert result.stderr.splitlines() == [summary(0, 0)]
    assert result.exit_code == 0
    assert checker.requests() == {"arxiv": 0, "s2": 0, "dblp": 0, "crossref": 0}


def test_a_second_identical_run_is_answered_from_the_cache(checker: Checker) -> None:
    checker.write(bib(BRAN_PREPRINT, VASWANI_V1))
    first = checker.run("--select", "BN5")
    assert first.stdout.splitlines() == [
        bran_bn501(1),
        vaswani_bn501(9),
        bn502(9, "1706.03762", pinned=1, latest=7),
    ]
    assert checker.requests() == {"arxiv": 1, "s2": 1, "dblp": 0, "crossref": 1}
    checker.apis.reset()
    second = checker.run("--select", "BN5")
    assert checker.requests() == {"arxiv": 0, "s2": 0, "dblp": 0, "crossref": 0}
    assert (second.exit_code, second.stdout, second.stderr) == (first.exit_code, first.stdout, first.stderr)


# ------------------------------------------------------- the options of each command that asks

# Both ask Semantic Scholar for published versions; each takes --online, --s2-api-key, --cache-dir.
ASKING = [
    pytest.param(("check", "--select", "BN501"), id="check"),
    pytest.param(("fix", "--upgrade-preprints"), id="fix"),
]
PUBLISHED_IN = "Nature Machine Intelligence"  # in check's BN501 line and in fix's diff alike


@pytest.mark.parametrize("command", ASKING)
def test_online_undoes_an_offline_environment(checker: Checker, command: tuple[str, ...]) -> None:
    checker.write(bib(BRAN_PREPRINT))
    offline = checker.invoke(*command, env={"BIBNORM_OFFLINE": "1"})
    assert checker.requests()["s2"] == 0
    assert PUBLISHED_IN not in offline.stdout
    online = checker.invoke(*command, "--offline", "--online", env={"BIBNORM_OFFLINE": "1"})
    assert checker.requests()["s2"] == 1
    assert PUBLISHED_IN in online.stdout
    assert online.exit_code == 0, online.output


@pytest.mark.parametrize("command", ASKING)
def test_the_key_and_the_cache_folder_of_the_command_line_are_the_ones_used(
    checker: Checker, tmp_path: Path, command: tuple[str, ...]
) -> None:
    checker.write(bib(BRAN_PREPRINT))
    own_cache = tmp_path / "own-cache"
    result = checker.invoke(*command, "--s2-api-key", "key-of-the-option", "--cache-dir", str(own_cache))
    assert result.exit_code == 0, result.output
    assert PUBLISHED_IN in result.stdout
    assert [request.headers.get("x-api-key") for request in checker.apis.s2_requests] == ["key-of-the-option"]
    assert any(own_cache.iterdir())
    assert not checker.cache.exists()  # the environment's cache folder was not used


# --------------------------------------------------------------------------- a failing source

FaultPlan = Callable[[int], str | None]


def always(fault: str) -> FaultPlan:
    """A fault plan that fails every request to one fake."""
    return lambda number: fault


FAULTS = [
    pytest.param(None, always("500"), id="s2-http-500"),
    pytest.param(None, always("non_json"), id="s2-html-page"),
    pytest.param(always("503"), None, id="arxiv-http-503"),
    pytest.param(always("truncated"), None, id="arxiv-truncated-feed"),
    pytest.param(always("503"), always("503"), id="both-http-503"),
]


def test_healthy_fakes_baseline_for_the_fault_tests(checker: Checker) -> None:
    checker.write(bib(BROKEN, BRAN_PREPRINT, VASWANI_V1))
    result = checker.run("--select", "BN302,BN5")
    assert result.stdout.splitlines() == [
        BROKEN_BN302,
        bran_bn501(9),
        vaswani_bn501(17),
        bn502(17, "1706.03762", pinned=1, latest=7),
    ]
    assert result.stderr.splitlines() == [summary(1, 3)]
    assert result.exit_code == EXIT_FINDINGS


@pytest.mark.parametrize(("arxiv_plan", "s2_plan"), FAULTS)
@pytest.mark.parametrize(
    ("entries", "offline_lines", "status"),
    [
        pytest.param((BROKEN, BRAN_PREPRINT, VASWANI_V1), [BROKEN_BN302], EXIT_FINDINGS, id="offline-error"),
        pytest.param((BRAN_PREPRINT, VASWANI_V1), [], 0, id="no-offline-finding"),
    ],
)
def test_a_failing_source_never_breaks_the_run(
    checker: Checker,
    arxiv_plan: FaultPlan | None,
    s2_plan: FaultPlan | None,
    entries: tuple[str, ...],
    offline_lines: list[str],
    status: int,
) -> None:
    checker.write(bib(*entries))
    checker.apis.plan_faults(arxiv_plan, s2_plan)
    result = checker.run("--select", "BN302,BN5")
    assert result.exit_code == status  # decided by the offline findings alone
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stdout.splitlines()[: len(offline_lines)] == offline_lines
    # The failed source's check says nothing: no guess from a missing answer.
    failed_codes = {"BN501"} if s2_plan is not None else set()
    failed_codes |= {"BN502"} if arxiv_plan is not None else set()
    assert failed_codes.isdisjoint(codes(result))
    # The session tried twice (max_attempts = 2 in bibnorm.toml), then gave up.
    requests = checker.requests()
    if s2_plan is not None:
        assert requests["s2"] == 2
    if arxiv_plan is not None and s2_plan is None:
        assert requests["arxiv"] == 2
    if s2_plan is not None:
        assert requests["arxiv"] == 0  # the online checks are already skipped: arXiv is not asked


@pytest.mark.parametrize(("arxiv_plan", "s2_plan"), FAULTS)
def test_a_failing_source_skips_the_online_checks_with_one_note(
    checker: Checker, arxiv_plan: FaultPlan | None, s2_plan: FaultPlan | None
) -> None:
    checker.write(bib(BROKEN, BRAN_PREPRINT, VASWANI_V1))
    checker.apis.plan_faults(arxiv_plan, s2_plan)
    result = checker.run("--select", "BN302,BN5")
    assert result.exit_code == EXIT_FINDINGS
    assert result.stdout.splitlines() == [BROKEN_BN302]
    *notes, last = result.stderr.splitlines()
    assert last == summary(1, 0)
    assert len(notes) == 1, notes
    assert notes[0].startswith(NOTE), notes


def test_a_failed_lookup_is_not_cached(checker: Checker) -> None:
    checker.write(bib(BRAN_PREPRINT, VASWANI_V1))
    checker.apis.plan_faults(always("503"), always("503"))
    failed = checker.run("--select", "BN5")
    assert failed.stdout == ""
    checker.apis.reset()  # the sources are back
    result = checker.run("--select", "BN5")
    assert checker.requests() == {"arxiv": 1, "s2": 1, "dblp": 0, "crossref": 1}
    assert result.stdout.splitlines() == [
        bran_bn501(1),
        vaswani_bn501(9),
        bn502(9, "1706.03762", pinned=1, latest=7),
    ]


# --------------------------------------------------------------------------- --json


def test_json_output_holds_the_bn501_finding_with_every_field(checker: Checker) -> None:
    checker.write(bib(BRAN_PREPRINT, VASWANI_V1))
    result = checker.run("--json", "--select", "BN501")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {
            "path": "refs.bib",
            "line": 1,
            "key": "bran2023augmenting",
            "code": "BN501",
            "severity": "warning",
            "message": "arXiv:2304.05376 was published in Nature Machine Intelligence 2024, "
            "doi 10.1038/s42256-024-00832-8" + FIX_HINT,
        },
        {
            "path": "refs.bib",
            "line": 9,
            "key": "vaswani2017attention",
            "code": "BN501",
            "severity": "warning",
            "message": f"arXiv:1706.03762 was published in {NEURIPS} 2017" + FIX_HINT,
        },
    ]
    # BN502 not selected: arXiv not asked
    assert checker.requests() == {"arxiv": 0, "s2": 1, "dblp": 0, "crossref": 1}


# --------------------------------------------------------------------------- the lockfile


def _resolve_with_lock(checker: Checker) -> dict[str, dict[str, object]]:
    """``bibnorm resolve refs.bib --update-lock`` against the fakes: the lock a team commits."""
    with contextlib.chdir(checker.folder):
        resolved = CliRunner().invoke(
            main,
            ["resolve", "refs.bib", "--update-lock", "-q", "-o", "resolved.bib"],
            env=checker.apis.env(checker.cache),
        )
    assert resolved.exit_code == 0, resolved.output
    items: dict[str, dict[str, object]] = json.loads((checker.folder / "bibnorm.lock").read_text())["items"]
    return items


def test_a_committed_lock_answers_the_online_checks_with_no_network(checker: Checker) -> None:
    checker.write(bib(BRAN_PREPRINT, SEJNOWSKI_PREPRINT))
    items = _resolve_with_lock(checker)
    assert {"arxiv:2304.05376", "arxiv:2207.14382"} <= set(items)
    checker.apis.reset()
    checker.cache = checker.cache.parent / "empty-cache"  # not even the HTTP cache helps
    for offline in (["--offline"], []):
        result = checker.run("--select", "BN501", *offline)
        assert result.stdout.splitlines() == [
            bran_bn501(1),
            SEJNOWSKI_BN501.replace("refs.bib:1:", "refs.bib:9:"),
        ]
        assert checker.requests() == {"arxiv": 0, "s2": 0, "dblp": 0, "crossref": 0}


def test_ids_the_lock_lacks_are_asked_online_and_only_those(checker: Checker) -> None:
    checker.write(bib(BRAN_PREPRINT))
    _resolve_with_lock(checker)
    checker.write(bib(BRAN_PREPRINT, SEJNOWSKI_PREPRINT))  # a citation added after the lock
    checker.apis.reset()
    result = checker.run("--select", "BN501")
    assert result.stdout.splitlines() == [
        bran_bn501(1),
        SEJNOWSKI_BN501.replace("refs.bib:1:", "refs.bib:9:"),
    ]
    (call,) = checker.apis.s2_requests
    assert call.json() == {"ids": ["ARXIV:2207.14382"]}
    offline = checker.run("--select", "BN501", "--offline")
    assert offline.stdout.splitlines() == [bran_bn501(1)]  # the lock's answer; the new id waits


def test_a_lock_that_says_preprint_keeps_the_check_quiet_offline(checker: Checker, tmp_path: Path) -> None:
    from datetime import date

    from bibnorm.bib.lockfile import Lock, LockItem, save_lock
    from bibnorm.models import Identifiers, Reference

    preprint = Reference(title="Augmenting large language models with chemistry tools", entry_type="preprint")
    preprint = preprint.model_copy(update={"ids": Identifiers(arxiv_id="2304.05376")})
    item = LockItem(
        input="arxiv:2304.05376", arxiv_id="2304.05376", date=str(date(2023, 4, 12)), reference=preprint
    )
    save_lock(tmp_path / "team.lock", Lock(items={item.input: item}))
    checker.write(bib(BRAN_PREPRINT))
    result = checker.run("--select", "BN501", "--lock", str(tmp_path / "team.lock"))
    assert result.stdout == ""  # the lock decided it was a preprint then; no request re-decides it
    assert checker.requests() == {"arxiv": 0, "s2": 0, "dblp": 0, "crossref": 0}


def test_with_a_lock_a_pinned_version_is_still_checked_against_arxiv(checker: Checker) -> None:
    # The lock records the version a citation resolved to, not arXiv's newest: BN502 asks arXiv.
    checker.write(bib(BRAN_PREPRINT, VASWANI_V1))
    _resolve_with_lock(checker)
    checker.apis.reset()
    result = checker.run("--select", "BN5")
    assert result.stdout.splitlines() == [
        bran_bn501(1),
        vaswani_bn501(9),
        bn502(9, "1706.03762", pinned=1, latest=7),
    ]
    assert checker.requests()["s2"] == 0  # both published versions came from the lock
    offline = checker.run("--select", "BN5", "--offline")
    assert offline.stdout.splitlines() == [bran_bn501(1), vaswani_bn501(9)]
