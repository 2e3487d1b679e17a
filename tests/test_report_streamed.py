"""The JSON report (``--report``, ``--json``) is written item by item as each is made, never held
whole (`bibnorm.resolve.report.ReportItems`, `report_chunks`), and its text is exactly what
``json.dumps(report, indent=2)`` gives."""

from __future__ import annotations

import json

import pytest
from bibnorm.models import Origin, Query, QueryKind, Resolution, Status
from bibnorm.resolve import report as reporting


def resolutions(count: int) -> list[Resolution]:
    return [
        Resolution(
            query=Query(
                index=n, origin=Origin(path="t.txt", line=n + 1), kind=QueryKind.TITLE, title=f"Título «{n}»"
            ),
            status=Status.UNRESOLVED,
        )
        for n in range(count)
    ]


def test_the_report_text_is_json_dumps_of_the_report_in_pieces() -> None:
    report = reporting.streamed_report(resolutions(3000), {"items": 3000})
    report["items"].mark_kept({7: "kept2020key"})

    pieces = list(reporting.report_chunks(report))

    materialised = {**report, "items": [dict(item) for item in report["items"]]}
    assert "".join(pieces) == json.dumps(materialised, indent=2, ensure_ascii=False) + "\n"
    assert len(pieces) > 10  # written as it is made, a block at a time
    items = json.loads("".join(pieces))["items"]
    assert [item["kept_previous"] for item in items[6:9]] == [None, "kept2020key", None]


def test_the_items_are_made_when_they_are_reached(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    original = reporting.item_json

    def counted(resolution: Resolution) -> dict:
        made.append(resolution.query.index)
        return original(resolution)

    monkeypatch.setattr(reporting, "item_json", counted)
    report = reporting.streamed_report(resolutions(5000), {"items": 5000})
    first = next(reporting.report_chunks(report))

    assert made == list(range(len(made)))  # in order, and only as far as the first block needed
    assert 0 < len(made) < 5000
    assert first.startswith('{\n  "version": 1,\n  "items": [\n')
    assert len(report["items"]) == 5000 and report["items"][4999]["index"] == 4999


def test_a_report_is_never_written_with_its_items_missing() -> None:
    """The items are a sequence, not a list that looks empty to ``json``'s fast encoder: plain
    ``json.dumps`` refuses it, `dump_json` and `report_chunks` write every item."""
    from bibnorm.api.resolve_files import dump_json

    report = reporting.streamed_report(resolutions(3), {"items": 3})
    with pytest.raises(TypeError):
        json.dumps(report)
    assert len(json.loads(dump_json(report))["items"]) == 3
    assert json.loads("".join(reporting.report_chunks(report)))["items"] == list(report["items"])


def test_an_empty_report_is_json_dumps_of_it() -> None:
    report = reporting.streamed_report([], {"items": 0})
    assert "".join(reporting.report_chunks(report)) == json.dumps({**report, "items": []}, indent=2) + "\n"
