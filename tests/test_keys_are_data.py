"""A citation key or a field value from any input or source is data, never syntax, in every
output: a key BibTeX or biber would read as more than a key is replaced by a generated one (with
a warning), and no output carries a control, direction-override or tag character."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bibnorm import writers
from bibnorm.assist.server import inert_answer
from bibnorm.cli import EXIT_OK, main
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.resolve.keys import KEY_LONGEST, is_citation_key
from click.testing import CliRunner

HOSTILE = 'ok}@preamble{"\\input{/etc/hostname}"}@misc{inj'
ARXIV = "2312.02021"  # a paper of the dev snapshot (conftest's dev_index)
GENERATED = "hummer2023vltseg"
# The paper's own title: an item whose title is not its identifier's record's is another work.
TITLE = (
    "VLTSeg: Simple Transfer of CLIP-Based Vision-Language Representations for Domain Generalized "
    "Semantic Segmentation"
)
UNSAFE = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\U000e0041", "\U000e007f")


@pytest.mark.parametrize(
    ("key", "valid"),
    [
        pytest.param("zhai2021scaling", True, id="google"),
        pytest.param("DBLP:journals/corr/abs-2106-04560", True, id="dblp"),
        pytest.param("hep-th/9901001", True, id="old-arxiv"),
        pytest.param("Müller_2020.v2+x", True, id="unicode-letters-and-punctuation"),
        pytest.param("k" * KEY_LONGEST, True, id="longest"),
        pytest.param(HOSTILE, False, id="preamble-injection"),
        pytest.param("a}b", False, id="closing-brace"),
        pytest.param("a{b", False, id="opening-brace"),
        pytest.param("a,b", False, id="comma-ends-a-bibtex-key"),
        pytest.param("a b", False, id="space"),
        pytest.param("a%b", False, id="comment-sign"),
        pytest.param("a\\b", False, id="backslash"),
        pytest.param("a#b", False, id="biber-concatenation"),
        pytest.param("a=b", False, id="biber-equals"),
        pytest.param("a\x1b[31mb", False, id="escape-sequence"),
        pytest.param("a\u202eb", False, id="bidi-override"),
        pytest.param("a\U000e0041b", False, id="tag-character"),
        pytest.param("a\u200bb", False, id="zero-width-space"),
        pytest.param("", False, id="empty"),
        pytest.param("k" * (KEY_LONGEST + 1), False, id="too-long"),
    ],
)
def test_a_citation_key_is_what_bibtex_and_biber_read_as_one_key(key: str, valid: bool) -> None:
    assert is_citation_key(key) is valid


def _csl_json(key: str) -> str:
    return json.dumps(
        [{"id": key, "type": "article", "title": TITLE, "URL": f"https://arxiv.org/abs/{ARXIV}"}]
    )


INPUTS = {
    "csl-json-id": ("in.json", _csl_json(HOSTILE)),
    "csl-json-citation-key": (
        "in.json",
        json.dumps([{"id": "x", "citation-key": HOSTILE, "title": TITLE, "URL": f"arXiv:{ARXIV}"}]),
    ),
    "ris-id": ("in.ris", f"TY  - JOUR\nID  - {HOSTILE}\nUR  - https://arxiv.org/abs/{ARXIV}\nER  - \n"),
}


def resolve(folder: Path, dev_index: Path, *arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main,
        ["resolve", *arguments, "--snapshot", str(dev_index), "--offline"],
        env={"BIBNORM_CACHE_DIR": str(folder / "cache"), "S2_API_KEY": ""},
    )
    return result.exit_code, result.stderr


@pytest.mark.parametrize("given", INPUTS, ids=list(INPUTS))
@pytest.mark.parametrize("output_format", sorted(writers.WRITERS))
def test_a_key_from_an_input_that_is_not_a_key_is_replaced_with_a_warning_in_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dev_index: Path, given: str, output_format: str
) -> None:
    monkeypatch.chdir(tmp_path)
    name, text = INPUTS[given]
    Path(name).write_text(text, encoding="utf-8")

    code, stderr = resolve(tmp_path, dev_index, name, "-o", "out", "-f", output_format)

    written = Path("out").read_text(encoding="utf-8")
    assert code == EXIT_OK
    assert GENERATED in written
    assert "preamble" not in written and "hostname" not in written
    assert f"{name}:1: its key " in stderr and "a generated key is written instead" in stderr


def test_a_key_an_earlier_output_gave_that_is_not_a_key_is_not_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dev_index: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("in.txt").write_text(f"arXiv:{ARXIV}\n", encoding="utf-8")
    earlier = json.loads(_csl_json(HOSTILE))
    earlier[0]["title"] = "VLTSeg: Simple Transfer of CLIP-Based Vision-Language Representations"
    Path("out.json").write_text(json.dumps(earlier), encoding="utf-8")

    code, _ = resolve(tmp_path, dev_index, "in.txt", "-o", "out.json")

    assert code == EXIT_OK
    assert [item["id"] for item in json.loads(Path("out.json").read_text(encoding="utf-8"))] == [GENERATED]


HOSTILE_RECORD = Reference(
    title="Attention\x1b]0;owned\x07 Is All You \u202eNeed\U000e0041\U000e007f",
    authors=(Person(given="Ashish\x1b[2J", family="Vas\u2066wani\x9b"),),
    venue="NeurIPS\x1b[31m",
    publisher="Curran\u202d",
    issued=PartialDate(year=2017),
    ids=Identifiers(arxiv_id="1706.03762"),
)


@pytest.mark.parametrize("output_format", sorted(writers.WRITERS))
def test_no_output_format_carries_a_control_bidi_or_tag_character_of_a_record(output_format: str) -> None:
    writer = writers.get_writer(output_format)
    text = writer.write([("vaswani2017attention", HOSTILE_RECORD)], writers.WriterOptions())
    assert not [ch for ch in UNSAFE if ch in text]
    assert "Vaswani" in text or "Vas" in text


def test_an_assistant_never_gets_a_control_bidi_or_tag_character_in_an_answer() -> None:
    answer = {"items": [{"title": "A\x1b[8mhidden\U000e0049\U000e0067", "authors": ["B\u202ec"]}], "n": 1}
    assert inert_answer(answer) == {"items": [{"title": "A[8mhidden", "authors": ["Bc"]}], "n": 1}


# --- the real clients: BibTeX and biber read what was written ---------------------------------------

DOCUMENT = {
    "bibtex": (
        "\\documentclass{article}\\begin{document}\\nocite{*}\\bibliographystyle{plain}"
        "\\bibliography{refs}\\end{document}\n"
    ),
    "biber": (
        "\\documentclass{article}\\usepackage[backend=biber]{biblatex}\\addbibresource{refs.bib}"
        "\\begin{document}\\nocite{*}\\printbibliography\\end{document}\n"
    ),
}


@pytest.mark.clients
@pytest.mark.parametrize("given", INPUTS, ids=list(INPUTS))
@pytest.mark.parametrize(("backend", "output_format"), [("bibtex", "bibtex"), ("biber", "biblatex")])
def test_a_hostile_key_compiled_with_pdflatex_and_bibtex_or_biber_typesets_nothing_of_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dev_index: Path,
    given: str,
    backend: str,
    output_format: str,
) -> None:
    missing = [tool for tool in ("pdflatex", backend) if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{' and '.join(missing)} not installed (TeX Live, biber)")
    monkeypatch.chdir(tmp_path)
    name, text = INPUTS[given]
    Path(name).write_text(text, encoding="utf-8")
    assert resolve(tmp_path, dev_index, name, "-o", "refs.bib", "-f", output_format)[0] == EXIT_OK
    Path("paper.tex").write_text(DOCUMENT[backend], encoding="utf-8")

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    run("pdflatex", "-interaction=nonstopmode", "-no-shell-escape", "paper.tex")
    cited = run(backend, "paper")
    run("pdflatex", "-interaction=nonstopmode", "-no-shell-escape", "paper.tex")

    assert cited.returncode == 0, cited.stdout + cited.stderr
    bbl = Path("paper.bbl").read_text(encoding="utf-8")
    assert GENERATED in bbl and "semantic segmentation" in bbl.lower()  # the entry was read
    assert "\\input" not in bbl and "hostname" not in bbl and "preamble" not in bbl
    assert "/etc/hostname" not in Path("paper.log").read_text(encoding="utf-8", errors="replace")


def test_an_input_bibs_entries_kept_as_read_lose_control_and_bidi_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dev_index: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    hostile = "A Paper No Index Holds\x1b]0;owned\x07 \u202eevil"
    found = f"@misc{{vlt,\n  title = {{{TITLE}}},\n  eprint = {{{ARXIV}}}\n}}\n"  # one the index holds
    Path("in.bib").write_text(
        f"@misc{{nobody2020,\n  title = {{{hostile}}},\n  year = {{2020}}\n}}\n{found}", "utf-8"
    )

    code, _ = resolve(tmp_path, dev_index, "in.bib", "-o", "out.bib")

    written = Path("out.bib").read_text(encoding="utf-8")
    assert code == EXIT_OK
    assert "A Paper No Index Holds]0;owned evil" in written  # kept, as read, but inert
    assert not [ch for ch in UNSAFE if ch in written]
