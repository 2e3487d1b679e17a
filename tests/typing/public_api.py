"""What a type checker sees of `bibnorm`'s public names: checked by mypy in the `types` tox env
(`mypy tests/typing`), never run. `assert_type` fails the check when a name's type is not the one
written; each `type: ignore` marks a line mypy must reject, and `warn_unused_ignores` fails the
check if it ever stops rejecting it (a public name turned `Any` again)."""

from __future__ import annotations

from pathlib import Path
from typing import assert_type

import bibnorm


def probe(sources: bibnorm.Sources) -> None:
    settings = bibnorm.load_settings({"offline": True})
    assert_type(settings, bibnorm.Settings)

    queries = bibnorm.read([Path("refs.txt")])
    assert_type(queries, list[bibnorm.Query])
    assert_type(bibnorm.queries_from_text("Attention Is All You Need"), list[bibnorm.Query])
    assert_type(queries[0].kind, bibnorm.QueryKind)
    assert_type(queries[0].origin, bibnorm.Origin)

    result = bibnorm.resolve_queries(queries, sources=sources, settings=settings)
    assert_type(result, bibnorm.ResolveResult)
    assert_type(result.resolutions, list[bibnorm.Resolution])
    assert_type(result.resolutions[0].reference, bibnorm.Reference | None)
    assert_type(bibnorm.render(result.resolutions, settings=settings), bibnorm.Rendered)
    assert_type(bibnorm.write(result.resolutions, settings=settings), str)

    verification = bibnorm.verify_references(["refs.bib"], settings=settings)
    assert_type(verification, bibnorm.Verification)
    assert_type(verification.outcome, bibnorm.VerifyOutcome)
    assert_type(verification.findings(), list[bibnorm.Finding])
    assert_type(verification.failure(), bibnorm.Failure | None)
    assert_type(bibnorm.check(["refs.bib"], settings), bibnorm.Checked)
    assert_type(bibnorm.format("@misc{a, title={A}}", settings), bibnorm.Formatted)
    assert_type(bibnorm.fix(["refs.bib"], overrides={"bst": "plain"}), list[bibnorm.Fixed])
    assert_type(bibnorm.__version__, str)

    # Wrong annotations and names mypy must refuse (were the names `Any`, it would accept them).
    count: int = bibnorm.read(["refs.txt"])  # type: ignore[assignment]
    verified: str = bibnorm.verify_references(["refs.bib"])  # type: ignore[assignment]
    bibnorm.raed(["refs.txt"])  # type: ignore[attr-defined]
    print(count, verified)
