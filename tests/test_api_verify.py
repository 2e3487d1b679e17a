"""The public verify/check/format/fix calls (bibnorm.api): the rules they hold whatever the command
line — how a verification's failure is weighed, what each refuses — beside the page of examples
(docs/api-verify.md, run by tests/test_docs_api_verify.py)."""

from __future__ import annotations

from pathlib import Path

import bibnorm
import pytest
from bibnorm.api.verifying import Failure, Verification
from bibnorm.errors import UsageError
from bibnorm.models import Severity
from bibnorm.verify.judge import EntryVerdict, Verdict, VerifyFinding
from bibnorm.verify.run import VerifyOutcome


def _entry(verdict: Verdict, *codes: str, because: tuple[str, ...] = ()) -> EntryVerdict:
    findings = tuple(
        VerifyFinding(code=code, severity=Severity.WARNING, message="m", field="doi") for code in codes
    )
    return EntryVerdict(
        key="k", path="refs.bib", line=1, verdict=verdict, findings=findings, unverifiable_because=because
    )


def _failure(*verdicts: EntryVerdict, conditions: frozenset[str] = frozenset()) -> Failure | None:
    return Verification(outcome=VerifyOutcome(verdicts=list(verdicts))).failure(conditions)


@pytest.mark.parametrize(
    ("verdicts", "conditions", "expected"),
    [
        pytest.param([_entry(Verdict.VERIFIED)], frozenset(), None, id="verified-passes"),
        pytest.param([_entry(Verdict.MISMATCH)], frozenset(), Failure.FINDINGS, id="mismatch-fails"),
        pytest.param([_entry(Verdict.NOT_FOUND)], frozenset(), Failure.FINDINGS, id="not-found-fails"),
        pytest.param(
            [_entry(Verdict.VERIFIED, "BN751")], frozenset(), None, id="retracted-passes-unless-asked"
        ),
        pytest.param(
            [_entry(Verdict.VERIFIED, "BN751")],
            frozenset({"retracted"}),
            Failure.FINDINGS,
            id="retracted-fails-when-asked",
        ),
        pytest.param(
            [_entry(Verdict.UNVERIFIABLE, because=("offline",))],
            frozenset({"unverifiable"}),
            Failure.NOTHING_VERIFIED,
            id="nothing-verified-before-strict",
        ),
        pytest.param(
            [_entry(Verdict.VERIFIED), _entry(Verdict.UNVERIFIABLE, because=("offline",))],
            frozenset({"unverifiable"}),
            Failure.FINDINGS,
            id="strict-fails-on-one-unverifiable",
        ),
        pytest.param(
            [_entry(Verdict.VERIFIED), _entry(Verdict.UNVERIFIABLE, because=("offline",))],
            frozenset(),
            None,
            id="one-unverifiable-passes-without-strict",
        ),
    ],
)
def test_a_verification_fails_by_the_first_rule_that_applies(
    verdicts: list[EntryVerdict], conditions: frozenset[str], expected: Failure | None
) -> None:
    assert _failure(*verdicts, conditions=conditions) is expected


def test_a_draft_is_audited_against_bib_files_not_items_already_read(tmp_path: Path) -> None:
    draft = tmp_path / "paper.tex"
    draft.write_text("\\cite{a}\n", encoding="utf-8")
    with pytest.raises(UsageError, match="not from items already read"):
        bibnorm.verify_references([bibnorm.ReadInput("library")], tex=draft)


def test_a_corpus_is_verified_without_a_lockfile(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--lock and --update-lock are for one bibliography"):
        bibnorm.verify_corpus(tmp_path, tmp_path / "out", bibnorm.VerifyOptions(update_lock=True))


def test_format_of_text_keeps_what_bibtex_reads_and_says_what_changed() -> None:
    formatted = bibnorm.format("@Article{a, Title={X}, author={Y}}\n")
    assert formatted.text == "@article{a,\n  author = {Y},\n  title  = {X},\n}\n"
    assert formatted.changed and formatted.kept == ()
    assert not bibnorm.format(formatted.text).changed


def test_fix_writes_nothing_until_asked(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text("@misc{a, title={X}, doi={https://doi.org/10.1000/XYZ}}\n", encoding="utf-8")
    [fixed] = bibnorm.fix([str(path)])
    assert "  doi   = {10.1000/XYZ},\n" in fixed.text
    assert path.read_text(encoding="utf-8") == fixed.original
    fixed.write()
    assert path.read_text(encoding="utf-8") == fixed.text


def test_check_without_facts_leaves_the_online_checks_silent(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text("@misc{a,\n  title  = {X},\n  eprint = {2101.00001v1},\n}\n", encoding="utf-8")
    checked = bibnorm.check([str(path)])
    assert not any(f.code.startswith("BN5") for f in checked.findings)
    asked: list[dict[str, int | None]] = []
    bibnorm.check([str(path)], preprint_facts=lambda wanted: asked.append(dict(wanted)))
    assert asked == [{"2101.00001": 1}]


# --------------------------------------------------------------------------- one way to configure

MESSY = (
    "@Article{b, Title={X}, journal={Physical Review Letters}, doi={https://doi.org/10.1000/XYZ}}\n"
    "@misc{a, title={Y}}\n"
)


def test_check_reads_which_checks_run_from_the_settings(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(MESSY, encoding="utf-8")
    every = {f.code for f in bibnorm.check([str(path)], bibnorm.Settings()).findings}
    assert {"BN401", "BN602"} <= every
    ignoring = bibnorm.check([str(path)], bibnorm.Settings(check={"ignore": ["BN401"]}))
    assert {f.code for f in ignoring.findings} == every - {"BN401"}
    selecting = bibnorm.check([str(path)], overrides={"check": {"select": "BN4"}})
    assert {f.code for f in selecting.findings} == {"BN401"}


def test_format_and_fix_lay_out_as_the_settings_say(tmp_path: Path) -> None:
    settings = bibnorm.Settings(journal_names="abbreviated", format={"sort": True, "indent": "    "})
    formatted = bibnorm.format(MESSY, settings)
    assert formatted.text.startswith("@misc{a,\n    title = {Y},\n}\n\n@article{b,\n")
    assert "    journal = {Phys. Rev. Lett.},\n" in formatted.text
    path = tmp_path / "refs.bib"
    path.write_text(MESSY, encoding="utf-8")
    [fixed] = bibnorm.fix([str(path)], settings)
    assert fixed.text == formatted.text.replace("{https://doi.org/10.1000/XYZ}", "{10.1000/XYZ}")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        pytest.param(
            {"check": {"selct": ["BN2"]}},
            "unknown setting 'check.selct' (did you mean 'check.select'?)",
            id="check-key",
        ),
        pytest.param(
            {"format": {"month_macro": True}},
            "unknown setting 'format.month_macro' (did you mean 'format.month-macros'?)",
            id="format-key",
        ),
        pytest.param(
            {"arxiv_url": "http://localhost:1"},
            "unknown setting 'arxiv_url' (did you mean 'arxiv_api_url'?)",
            id="top-level-key",
        ),
        pytest.param(
            {"check": {"select": 5}},
            'check: select must be a list of codes, e.g. ["BN2", "BN301"]',
            id="check-select-not-codes",
        ),
    ],
)
def test_a_key_no_setting_has_is_named_as_given(tmp_path: Path, overrides: dict, message: str) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(MESSY, encoding="utf-8")
    with pytest.raises(bibnorm.BibnormError) as refused:
        bibnorm.check([str(path)], overrides=overrides)
    assert str(refused.value) == message


def test_a_key_of_a_config_file_table_is_named_with_its_file(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "bibnorm.toml").write_text('[format]\nindnt = "  "\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(bibnorm.BibnormError) as refused:
        bibnorm.format(MESSY)
    said = "[format] 'indnt': unknown setting (did you mean 'indent'?)"
    assert str(refused.value) == f"{tmp_path / 'bibnorm.toml'}: {said}"


def test_an_unknown_key_of_a_table_of_settings_is_named_with_the_key_it_may_mean(
    tmp_path: Path, monkeypatch
) -> None:
    (tmp_path / "bibnorm.toml").write_text("[thresholds]\nacept = 0.99\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(bibnorm.BibnormError) as refused:
        bibnorm.load_settings()
    said = "unknown setting 'thresholds.acept' (did you mean 'thresholds.accept'?)"
    assert str(refused.value) == f"{tmp_path / 'bibnorm.toml'}: {said}"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[check]\nselct = ["BN1"]\n', "[check] 'selct': unknown setting (did you mean 'select'?)"),
        ("[format]\nindnt = 2\n", "[format] 'indnt': unknown setting (did you mean 'indent'?)"),
    ],
)
def test_load_settings_refuses_a_tables_unknown_key_when_it_reads_the_file(
    tmp_path: Path, monkeypatch, table: str, message: str
) -> None:
    (tmp_path / "bibnorm.toml").write_text(table, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(bibnorm.BibnormError) as refused:
        bibnorm.load_settings()  # not at the first call that reads the table
    assert str(refused.value) == f"{tmp_path / 'bibnorm.toml'}: {message}"


def test_format_given_a_list_of_paths_says_what_it_takes_in_one_line() -> None:
    with pytest.raises(UsageError) as refused:
        bibnorm.format(["refs.bib"])  # type: ignore[arg-type]  (as `check` takes its files)
    assert str(refused.value).startswith("format takes BibTeX text or a BibSource, not a list")


def test_settings_and_overrides_are_not_given_together(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="give settings or overrides, not both"):
        bibnorm.format(MESSY, bibnorm.Settings(), overrides={"bst": "plain"})


def test_the_older_objects_still_work_and_say_they_are_deprecated(tmp_path: Path) -> None:
    from bibnorm.bib.bibfile import FormatOptions
    from bibnorm.bib.checks.base import CheckConfig

    path = tmp_path / "refs.bib"
    path.write_text(MESSY, encoding="utf-8")
    with pytest.deprecated_call():
        checked = bibnorm.check([str(path)], CheckConfig(select=("BN4",)))
    assert {f.code for f in checked.findings} == {"BN401"}
    with pytest.deprecated_call():
        formatted = bibnorm.format(MESSY, FormatOptions(indent="\t"))
    assert formatted.text.startswith("@article{b,\n\ttitle   = {X},\n")
    with pytest.deprecated_call():
        [fixed] = bibnorm.fix([str(path)], FormatOptions(indent="\t"), bst="plain")
    assert "\tnote    = {doi: 10.1000/XYZ}," in fixed.text.splitlines()


def test_a_commands_option_replaces_the_one_key_of_its_table() -> None:
    """`check --select BN2` keeps the config file's ignore; `format --sort` its indent."""
    from bibnorm.api.settings import with_table

    settings = bibnorm.Settings(check={"select": ["BN4"], "ignore": ["BN401"]}, format={"indent": "\t"})
    assert with_table(settings, "check", select="BN2", ignore=None).check == {
        "select": "BN2",
        "ignore": ["BN401"],
    }
    assert with_table(settings, "format", sort=True).format == {"indent": "\t", "sort": True}
    assert with_table(settings, "check", select=None) is settings
