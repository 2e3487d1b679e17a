"""Hand-made records several test modules write out (each module keeps its own variants)."""

from __future__ import annotations

from normalizer.models import Identifiers, PartialDate, Person, Reference

# The NeurIPS version of arXiv 1706.03762, with the fields a proceedings entry carries.
PUBLISHED = Reference(
    title="Attention Is All You Need",
    authors=(Person(given="Ashish", family="Vaswani"), Person(given="Noam", family="Shazeer")),
    issued=PartialDate(year=2017, month=12),
    entry_type="inproceedings",
    venue="Advances in Neural Information Processing Systems",
    volume="30",
    pages="5998-6008",
    publisher="Curran Associates, Inc.",
    ids=Identifiers(arxiv_id="1706.03762"),
    primary_class="cs.CL",
)
