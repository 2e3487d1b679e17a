"""The bundled copy of the workplace's shared data stays identical to the original.

The tests read ``fixtures/shared/`` so they pass in any plain clone. Where the original
folder exists beside the repository (this workplace), every file of the copy must match it byte
for byte, so a refreshed original never goes unnoticed.
"""

import pytest
from paths import ROOT, SHARED

ORIGINAL = ROOT.parent / "shared"


def test_the_bundled_copy_holds_the_pages_and_reference_data() -> None:
    assert len(list((SHARED / "inputs" / "hf-papers").glob("*.txt"))) == 5
    assert (SHARED / "reference" / "dev-gold.jsonl").stat().st_size > 0
    assert (SHARED / "reference" / "verify-dev" / "dev_public.bib").stat().st_size > 0


@pytest.mark.skipif(not (ORIGINAL / "reference").is_dir(), reason="no shared/ folder beside this clone")
def test_the_bundled_copy_matches_the_original() -> None:
    for part in ("inputs", "reference"):
        originals = sorted(p.relative_to(ORIGINAL) for p in (ORIGINAL / part).rglob("*") if p.is_file())
        copies = sorted(p.relative_to(SHARED) for p in (SHARED / part).rglob("*") if p.is_file())
        assert copies == originals
        for relative in originals:
            assert (SHARED / relative).read_bytes() == (ORIGINAL / relative).read_bytes(), relative
