"""Whether ``bibnorm fix`` changes what a natbib document typesets, on the corpus's real files.

For each ``.bib`` file of a corpus manifest (the unseen corpus's unless ``--manifest``), in
the order of their paths, this bench runs ``bibnorm fix --offline --in-place`` on a copy,
then typesets a small document that ``\\nocite{*}``s the original and the fixed file:
``natbib`` with ``plainnat``, no ``url`` or ``hyperref`` package (so a ``doi`` or ``url``
value is typeset as ordinary text, where ``_``, ``%``, ``#``, ``&`` need their backslash),
``\\usepackage[utf8]{inputenc}``, and again with
``[latin1]`` for a file that is not UTF-8 (the file's own encoding). Each document is run
through pdflatex, bibtex, pdflatex, pdflatex (niced, each with a timeout); the bench compares
pdflatex's exit status, its error lines (``! ...``) and the text ``pdftotext`` reads back from
the PDF: identical, equal once words split at a line end are joined and hyphens and spaces
left out (the paragraph set on other lines), equal apart from the ``doi``/``URL`` words (what
fix rewrites on purpose), or different (the first difference printed). pdflatex's errors are
placed on the ``.bbl`` line they stopped on: an error on a line fix changed that has more
bare ``_``, ``#``, ``&``, ``$`` or ``^`` than before is fix's doing ("fix unescaped a
character"); the same errors with only DOI/URL lines changed are the same compile (pdflatex's
recovery from an error reads back differently once a line moves); an error gone from a DOI/URL
line while the rest of the ``.bbl`` is unchanged is a repair (a ``%`` in a URL that ended the
line and left ``\\url`` running to the end of the file: the bibliography after it is typeset
now, with the errors of its own unchanged lines).

    python bench/bench_typeset_fix.py --corpus /work/corpus-unseen --out DIR \\
        [--manifest bench/corpus/unseen-manifest.csv] [--jobs 2] [--limit N] [--until 10:10] \\
        [--timeout 180]

Each file's result is appended to ``DIR/results.jsonl`` as it comes; a run given the same
``--out`` goes on from there. Prints counts: same, different (first difference of each), failed
both before and after, and the files not done before ``--until``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_assemble

DOCUMENT = r"""\documentclass{article}
\usepackage[%s]{inputenc}
\usepackage{natbib}
\pagestyle{empty}
\begin{document}
\nocite{*}
\bibliographystyle{plainnat}
\bibliography{refs}
\end{document}
"""

# Words of the text that belong to a DOI or URL as plainnat prints them ("doi: 10.x/y", "URL
# http://..."): the fields fix rewrites on purpose (bare DOIs, https links).
INPUT_LINE = re.compile(r"l\.\d+ (.*)")
# pdflatex's errors when a '%' in a URL comments out the '}' of \url and its argument runs on
RUNAWAY = re.compile(r"File ended while scanning|ended by \\end\{document\}")
IDENTIFIER_WORD = re.compile(r"doi|url|https?:|www\.|10\.\d|arxiv", re.IGNORECASE)


def run(command: list[str], cwd: Path, timeout: float) -> tuple[int | None, str]:
    """Exit status (None on timeout) and stdout of ``command``, niced."""
    env = dict(os.environ, max_print_line="100000", error_line="254", half_error_line="238")
    try:
        done = subprocess.run(
            ["nice", "-n", "15", *command],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None, ""
    return done.returncode, done.stdout.decode("latin-1")


def typeset(folder: Path, bib: bytes, encoding: str, timeout: float) -> dict[str, Any]:
    """pdflatex/bibtex/pdflatex×2 of the document citing ``bib``: exits, error lines, text."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "refs.bib").write_bytes(bib)
    (folder / "doc.tex").write_text(DOCUMENT % encoding, encoding="ascii")
    latex = ["pdflatex", "-interaction=nonstopmode", "doc.tex"]
    exits: list[int | None] = []
    for command in (latex, ["bibtex", "doc"], latex, latex):
        status, _ = run(command, folder, timeout)
        exits.append(status)
        if status is None:
            break
    log = (folder / "doc.log").read_text(encoding="latin-1") if (folder / "doc.log").is_file() else ""
    errors = latex_errors(log)
    blg = (folder / "doc.blg").read_text(encoding="latin-1") if (folder / "doc.blg").is_file() else ""
    bibtex_errors = len(re.findall(r"---line \d+ of file|I'm skipping whatever remains", blg))
    text = ""
    if (folder / "doc.pdf").is_file():
        status, text = run(["pdftotext", "-enc", "UTF-8", "doc.pdf", "-"], folder, timeout)
    return {
        "exits": exits,
        "timed_out": None in exits,
        "errors": errors,
        "bibtex_errors": bibtex_errors,
        "pdf": (folder / "doc.pdf").is_file(),
        "text": text,
        "bbl": (folder / "doc.bbl").read_text(encoding="latin-1") if (folder / "doc.bbl").is_file() else "",
    }


def latex_errors(log: str) -> list[tuple[str, str]]:
    """Each error of pdflatex's log: its ``! ...`` line and the input line it stopped on (the
    text after ``l.N``, a leading ``...`` left out; "" when the log does not say)."""
    lines = log.splitlines()
    errors: list[tuple[str, str]] = []
    for number, line in enumerate(lines):
        if line.startswith("! "):
            where = ""
            for following in lines[number + 1 : number + 20]:
                found = INPUT_LINE.match(following)
                if found:
                    where = found.group(1).removeprefix("...")
                    break
            errors.append((line, where))
    return errors


def changed_bbl_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines of each ``.bbl`` that the other does not have."""
    old, new = before.splitlines(), after.splitlines()
    return [line for line in old if line not in set(new)], [line for line in new if line not in set(old)]


def bare(char: str, lines: list[str]) -> int:
    """How many times ``char`` stands in ``lines`` without a backslash before it."""
    return sum(len(re.findall(r"(?<!\\)" + re.escape(char), line)) for line in lines)


def on_lines(errors: list[tuple[str, str]], lines: list[str]) -> list[tuple[str, str]]:
    """The errors whose input line is one of ``lines``."""
    return [error for error in errors if error[1].strip() and any(error[1] in line for line in lines)]


def words(text: str) -> list[str]:
    """The words of pdftotext's text, a word split at a line end joined again."""
    return re.sub(r"-\n", "", text).split()


def squashed(text_words: list[str]) -> str:
    """The words run together without hyphens: a paragraph set again on other lines breaks at
    other hyphens, and pdftotext reads a stretched space after ':' or ',' as a word break."""
    return "".join(text_words).replace("-", "").replace("\u00ad", "")


def without_identifiers(text_words: list[str]) -> list[str]:
    """The words, less a DOI or URL and the word after plainnat's 'doi:' or 'URL' label."""
    kept: list[str] = []
    for number, word in enumerate(text_words):
        label = number > 0 and text_words[number - 1] in ("doi:", "URL")
        if not (label or IDENTIFIER_WORD.search(word)):
            kept.append(word)
    return kept


def compare_texts(before: str, after: str) -> dict[str, Any]:
    """How the two texts differ: 'identical', 'reflowed', 'identifiers' or 'different'."""
    if before == after:
        return {"text": "identical"}
    old, new = words(before), words(after)
    if squashed(old) == squashed(new):
        return {"text": "reflowed"}
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    first: str | None = None
    identifiers_only = True
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        near = old[max(0, i1 - 2) : i2] + new[max(0, j1 - 2) : j2]
        if not any(IDENTIFIER_WORD.search(word) for word in near):
            identifiers_only = False
        if first is None or (not identifiers_only and first.startswith("[id] ")):
            context = " ".join(old[max(0, i1 - 6) : i1])
            label = "[id] " if identifiers_only else ""
            first = f"{label}…{context} [{' '.join(old[i1:i2])[:160]}] → [{' '.join(new[j1:j2])[:160]}]"
        if not identifiers_only:
            break
    if squashed(without_identifiers(old)) == squashed(without_identifiers(new)):
        return {"text": "identifiers", "first": first}
    return {"text": "different", "first": first}


def compare_file(source: Path, work: Path, bibnorm: str, timeout: float) -> dict[str, Any]:
    """Fix a copy of ``source`` and typeset both with each encoding the file calls for."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    before = source.read_bytes()
    fixed = work / "fixed.bib"
    fixed.write_bytes(before)
    status, _ = run([bibnorm, "fix", "--offline", "--in-place", str(fixed)], work, timeout)
    result: dict[str, Any] = {"fix_exit": status}
    after = fixed.read_bytes()
    result["fix_changed"] = after != before
    try:
        before.decode("utf-8")
        encodings = ["utf8"]
    except UnicodeDecodeError:
        encodings = ["utf8", "latin1"]
    result["utf8_file"] = encodings == ["utf8"]
    for encoding in encodings:
        if not result["fix_changed"]:
            result[encoding] = {"verdict": "same", "text": "identical", "unchanged_file": True}
            continue
        old = typeset(work / f"{encoding}-before", before, encoding, timeout)
        new = typeset(work / f"{encoding}-after", after, encoding, timeout)
        gone, came = changed_bbl_lines(old["bbl"], new["bbl"])
        errors_before, errors_after = on_lines(old["errors"], gone), on_lines(new["errors"], came)
        outcome: dict[str, Any] = {
            "before_exits": old["exits"],
            "after_exits": new["exits"],
            "before_errors": [e[0] for e in old["errors"][:5]],
            "after_errors": [e[0] for e in new["errors"][:5]],
            "before_error_count": len(old["errors"]),
            "after_error_count": len(new["errors"]),
            # .bbl lines fix changed, and whether each is a DOI/URL line
            "bbl_lines_changed": len(came),
            "bbl_changed_outside_doi_url": [line for line in gone + came if not IDENTIFIER_WORD.search(line)][
                :3
            ],
            # errors on a .bbl line fix changed: fix's doing (after) or undoing (before)
            "errors_on_changed_lines_before": errors_before[:3],
            "errors_on_changed_lines_after": errors_after[:3],
        }
        outcome.update(compare_texts(old["text"], new["text"]))
        failed_before = bool(old["errors"]) or old["timed_out"] or not old["pdf"]
        same_errors = [e[0] for e in old["errors"]] == [e[0] for e in new["errors"]] and (
            old["exits"] == new["exits"]
        )
        only_identifiers = not outcome["bbl_changed_outside_doi_url"]
        unescaped = {char: bare(char, came) - bare(char, gone) for char in "_#&$^"}
        unescaped = {char: more for char, more in unescaped.items() if more > 0}
        kept = {char: sum(line.count("\\" + char) for line in gone + came) for char in unescaped}
        gone_errors = Counter(e[0] for e in old["errors"]) - Counter(e[0] for e in new["errors"])
        runaway_gone = any(RUNAWAY.search(message) for message in gone_errors)
        # a '%' fix took out of a \url line (a DOI URL's '%2F' decoded) no longer ends that line
        percent_removed = bare("%", gone) > bare("%", came)
        if errors_after and unescaped:
            # more bare '_', '#', '&', '$' or '^' on the lines fix changed, and an error on one of them
            outcome["verdict"] = "different: fix unescaped a character"
            outcome["first"] = (
                f"{errors_after[0]}; more bare {unescaped} (escaped ones on those lines: {kept})"
            )
        elif same_errors and outcome["text"] in ("identical", "reflowed"):
            outcome["verdict"] = "failed both" if failed_before else "same"
        elif same_errors and outcome["text"] == "identifiers":
            outcome["verdict"] = (
                "failed both, same outside doi/url" if failed_before else "same outside doi/url"
            )
        elif same_errors and only_identifiers and failed_before:
            # the same errors, only DOI/URL lines changed: pdflatex's recovery from an error (text
            # set in math mode) reads back differently once a line moves
            outcome["verdict"] = "failed both, same errors, text differs"
        elif only_identifiers and (runaway_gone or errors_before or percent_removed):
            # an error on a DOI/URL line fix rewrote (a '%' in a URL ended the line, \url ran to
            # the end of the file) is gone; the rest of the bibliography is typeset now, with the
            # errors of its own unchanged lines
            outcome["verdict"] = "different: fix repaired a doi/url"
            outcome["first"] = (
                f"gone: {sorted(gone_errors)[:2] or errors_before[:1]}; "
                f"errors {len(old['errors'])}→{len(new['errors'])}, none on a line fix changed"
            )
        else:
            outcome["verdict"] = "different"
            if not same_errors:
                outcome["first"] = (
                    f"errors {len(old['errors'])}→{len(new['errors'])}, exits {old['exits']}→{new['exits']}; "
                    f"text: {outcome.get('first') or outcome['text']}"
                )
        result[encoding] = outcome
    shutil.rmtree(work, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpus-unseen"))
    parser.add_argument(
        "--manifest", type=Path, default=corpus_assemble.UNSEEN_MANIFEST, help="the corpus's manifest"
    )
    parser.add_argument("--out", type=Path, required=True, help="results.jsonl goes here")
    parser.add_argument("--bibnorm", default=str(Path(sys.executable).with_name("bibnorm")))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per command")
    parser.add_argument("--until", default="", help="HH:MM UTC: start no file after this")
    args = parser.parse_args()
    rows = corpus_assemble.read_manifest(args.manifest)
    paths = sorted(p for p in (args.corpus / corpus_assemble.local_name(r) for r in rows) if p.is_file())
    if args.limit:
        paths = paths[: args.limit]
    args.out.mkdir(parents=True, exist_ok=True)
    journal = args.out / "results.jsonl"
    results: dict[str, dict[str, Any]] = {}
    if journal.is_file():
        for line in journal.read_text().splitlines():
            record = json.loads(line)
            results[record["path"]] = record["result"]
    deadline = None
    if args.until:
        hours, minutes = map(int, args.until.split(":"))
        now = datetime.datetime.now(datetime.UTC)
        deadline = now.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    writing = threading.Lock()

    def one(number: int, path: Path) -> None:
        if deadline and datetime.datetime.now(datetime.UTC) >= deadline:
            return
        result = compare_file(path, args.out / "work" / str(number), args.bibnorm, args.timeout)
        with writing:
            results[str(path)] = result
            with journal.open("a") as handle:
                handle.write(json.dumps({"path": str(path), "result": result}) + "\n")
            verdicts = [result[e]["verdict"] for e in ("utf8", "latin1") if e in result]
            print(f"{len(results)}/{len(paths)} {path.relative_to(args.corpus)}: {verdicts}", flush=True)

    todo = [(n, p) for n, p in enumerate(paths) if str(p) not in results]
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        list(pool.map(lambda item: one(*item), todo))
    report(paths, results, args.corpus)


def report(paths: list[Path], results: dict[str, dict[str, Any]], corpus: Path) -> None:
    done = [p for p in paths if str(p) in results]
    print(f"\nfiles done: {len(done)} of {len(paths)} (in name order)")
    print(
        f"fix changed {sum(1 for p in done if results[str(p)]['fix_changed'])}; "
        f"non-UTF-8 files {sum(1 for p in done if not results[str(p)]['utf8_file'])}"
    )
    for encoding in ("utf8", "latin1"):
        counts: dict[str, int] = {}
        listed: list[str] = []
        for path in done:
            outcome = results[str(path)].get(encoding)
            if outcome is None:
                continue
            counts[outcome["verdict"]] = counts.get(outcome["verdict"], 0) + 1
            if outcome["verdict"] not in ("same",) and not outcome.get("unchanged_file"):
                listed.append(
                    f"  {outcome['verdict']}: {path.relative_to(corpus)}: {outcome.get('first', '')}"
                    f" errors {outcome['before_error_count']}→{outcome['after_error_count']}"
                    f" {outcome['before_errors'][:1]}→{outcome['after_errors'][:1]}"
                )
        print(f"[{encoding}] " + ", ".join(f"{v}: {n}" for v, n in sorted(counts.items())))
        print("\n".join(listed))


if __name__ == "__main__":
    main()
