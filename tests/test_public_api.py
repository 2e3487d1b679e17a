"""What ``import bibnorm`` offers: every public name listed by `dir`, typed for type checkers
(tests/typing/public_api.py is the probe mypy checks), imported only when first used; the one way
to make settings and its messages; queries made from text a program holds."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import bibnorm
import pytest
from bibnorm.errors import ConfigError, InputError, UsageError
from paths import ROOT

INIT = ROOT / "normalizer" / "__init__.py"


def test_dir_lists_every_public_name() -> None:
    listed = dir(bibnorm)
    assert set(bibnorm.__all__) <= set(listed)
    assert {"read", "resolve_queries", "verify_references", "Settings", "Query", "__version__"} <= set(listed)
    assert not [name for name in listed if name.startswith("_") and not name.startswith("__")]


def _typed_names() -> dict[str, str]:
    """Each name the ``if TYPE_CHECKING:`` block of bibnorm/__init__.py imports → its module."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(
        node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    return {
        alias.asname or alias.name: node.module or ""
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def test_type_checkers_see_each_public_name_where_it_is_imported_from() -> None:
    assert _typed_names() == bibnorm._PUBLIC


@pytest.mark.parametrize("name", bibnorm.__all__)
def test_each_public_name_is_the_object_its_module_defines(name: str) -> None:
    __import__(bibnorm._PUBLIC[name])
    assert getattr(bibnorm, name) is getattr(sys.modules[bibnorm._PUBLIC[name]], name)


def test_a_function_returns_models_the_package_exports() -> None:
    queries = bibnorm.queries_from_text("Attention Is All You Need")
    assert type(queries[0]) is bibnorm.Query and type(queries[0].origin) is bibnorm.Origin
    assert queries[0].kind is bibnorm.QueryKind.TITLE


def test_importing_bibnorm_imports_none_of_its_modules() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, bibnorm; print(sorted(m for m in sys.modules if m.partition('.')[0] == 'bibnorm'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip() == "['bibnorm']"


def test_a_misspelt_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="module 'bibnorm' has no attribute 'raed'"):
        bibnorm.raed  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.parametrize(
    ("text", "kinds", "said"),
    [
        pytest.param("Attention Is All You Need", ["title"], ["Attention Is All You Need"], id="a-title"),
        pytest.param(
            "Attention Is All You Need\narXiv:1706.03762\n\n10.1145/3292500.3330701",
            ["title", "arxiv_id", "doi"],
            ["Attention Is All You Need", "1706.03762", "10.1145/3292500.3330701"],
            id="a-title-an-arxiv-id-and-a-doi",
        ),
        pytest.param(
            "[1] A. Vaswani, N. Shazeer, N. Parmar, J. Uszkoreit, L. Jones, A. N. Gomez, L. Kaiser, and "
            "I. Polosukhin. Attention is all you need. In NeurIPS, 2017.\n"
            "[2] K. He, X. Zhang, S. Ren, and J. Sun. Deep residual learning for image recognition. "
            "In CVPR, 2016.\n"
            "[3] J. Devlin, M.-W. Chang, K. Lee, and K. Toutanova. BERT: Pre-training of deep "
            "bidirectional transformers for language understanding. In NAACL, 2019.\n",
            ["title", "title", "title"],
            [
                "Attention is all you need",
                "Deep residual learning for image recognition",
                "BERT: Pre-training of deep bidirectional transformers for language understanding",
            ],
            id="a-pasted-reference-list",
        ),
        pytest.param(
            ["Deep Residual Learning for Image Recognition", "https://arxiv.org/abs/2403.07392v2"],
            ["title", "arxiv_id"],
            ["Deep Residual Learning for Image Recognition", "2403.07392"],
            id="a-list-of-strings",
        ),
        pytest.param(
            [
                "A. Vaswani, N. Shazeer, and N. Parmar. Attention is all you need. In NeurIPS, 2017.",
                "Vaswani A, Shazeer N, Parmar N. Attention is all you need. Adv Neural Inf Process Syst. "
                "2017;30.",
            ],
            ["title", "title"],
            ["Attention is all you need", "Attention is all you need"],
            id="one-pasted-reference-a-string",
        ),
    ],
)
def test_queries_from_text_reads_titles_ids_and_references(
    text: str | list[str], kinds: list[str], said: list[str]
) -> None:
    queries = bibnorm.queries_from_text(text)
    assert [query.kind.value for query in queries] == kinds
    assert [query.title or query.arxiv_id or query.doi for query in queries] == said
    assert [query.index for query in queries] == list(range(len(queries)))
    assert {query.origin.path for query in queries} == {"<text>"}


def test_a_list_of_strings_numbers_each_by_its_place() -> None:
    queries = bibnorm.queries_from_text(["First title here", "Second title here"], name="mine")
    assert [(q.origin.path, q.origin.line) for q in queries] == [("mine", 1), ("mine", 2)]


def test_queries_from_text_reads_a_forced_format() -> None:
    (query,) = bibnorm.queries_from_text(
        "@article{k, title={A Title Read as BibTeX}, year={2020}}", input_format="bib"
    )
    assert (query.title, query.key) == ("A Title Read as BibTeX", "k")


@pytest.mark.parametrize(
    ("text", "forced", "error", "message"),
    [
        pytest.param("  \n", None, InputError, "<text>: input is empty", id="blank"),
        pytest.param([], None, InputError, "<text>: no text given", id="no-strings"),
        pytest.param(["a title", ""], None, InputError, r"<text>\[2\]: input is empty", id="a-blank-string"),
        pytest.param('{"not": "references"}', None, InputError, "<text>: looks like JSON", id="json"),
        pytest.param("a title", "nope", UsageError, "unknown input format 'nope'", id="unknown-format"),
        pytest.param("a title", "pdf", UsageError, "pdf is read from its file, not from text", id="binary"),
    ],
)
def test_text_that_cannot_be_read_is_one_line(
    text: str | list[str], forced: str | None, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        bibnorm.queries_from_text(text, input_format=forced)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        pytest.param(
            {"arxiv_url": "http://x"},
            "unknown setting 'arxiv_url' (did you mean 'arxiv_api_url'?)",
            id="near",
        ),
        pytest.param({"colour": "blue"}, "unknown setting 'colour'", id="far"),
    ],
)
def test_an_unknown_setting_is_named_as_given(
    overrides: dict[str, object], message: str, tmp_path: Path
) -> None:
    with pytest.raises(ConfigError) as raised:
        bibnorm.load_settings(overrides, environ={}, cwd=tmp_path)
    assert str(raised.value) == message


def test_an_unknown_key_of_a_file_is_named_with_the_file(tmp_path: Path) -> None:
    (tmp_path / "bibnorm.toml").write_text("s2-delays = 2\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        bibnorm.load_settings(environ={}, cwd=tmp_path)
    assert (
        str(raised.value)
        == f"{tmp_path / 'bibnorm.toml'}: s2-delays: unknown setting (did you mean 's2_delay'?)"
    )


def test_settings_or_overrides_not_both(tmp_path: Path) -> None:
    settings = bibnorm.load_settings({"offline": True, "cache_dir": tmp_path}, environ={}, cwd=tmp_path)
    with pytest.raises(UsageError, match="give settings or overrides, not both"):
        bibnorm.verify_references(["refs.bib"], settings=settings, overrides={"offline": True})
