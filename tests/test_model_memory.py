"""The models' per-item cost: what a million-item run keeps of each item is shared where it can be,
without changing what a model says about itself."""

from bibnorm.models import Origin, Query, QueryKind


def _query(line: int, **extra: object) -> Query:
    return Query.model_validate(
        {"index": line, "origin": Origin(path="titles.txt", line=line), "kind": QueryKind.TITLE, **extra}
    )


def test_instances_given_the_same_fields_share_one_set_of_their_names() -> None:
    first, second = _query(1, title="A"), _query(2, title="B")
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert first.origin.__pydantic_fields_set__ is second.origin.__pydantic_fields_set__


def test_each_instance_still_knows_which_fields_it_was_given() -> None:
    assert _query(1, title="A").model_fields_set == {"index", "origin", "kind", "title"}
    assert _query(2, doi="10.1/x").model_fields_set == {"index", "origin", "kind", "doi"}
    assert _query(3, title="A").model_dump(exclude_unset=True) == {
        "index": 3,
        "origin": {"path": "titles.txt", "line": 3},
        "kind": QueryKind.TITLE,
        "title": "A",
    }


def test_a_copy_with_changes_never_changes_what_the_others_were_given() -> None:
    first, second = _query(1, title="A"), _query(2, title="B")
    keyed = first.model_copy(update={"key": "vaswani2017"})
    assert keyed.model_fields_set == {"index", "origin", "kind", "title", "key"}
    assert first.model_fields_set == second.model_fields_set == {"index", "origin", "kind", "title"}
