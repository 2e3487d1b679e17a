"""Where the tests' bundled data lives, anchored on this file.

``fixtures/shared/`` is a byte-for-byte copy of the workplace's shared folder (real scraped
pages, recorded API responses, verified records, the verify dev set), so the test suite runs in
any plain clone of the repository. ``tests/test_fixtures.py`` checks the copy against the
original where the original exists.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = FIXTURES / "shared"
REFERENCE = SHARED / "reference"
API_SAMPLES = REFERENCE / "api-samples"
HF_PAGES_DIR = SHARED / "inputs" / "hf-papers"
GOLD = REFERENCE / "dev-gold.jsonl"
DEV_SNAPSHOT = REFERENCE / "dev-snapshot.jsonl"
VERIFY_DEV = REFERENCE / "verify-dev"
