"""What a hostile answer costs a run: peak memory and wall time of one request to a
source that sends an endless body, a gzip bomb or a slow drip, with the default caps
(``max_response_mb`` 32, ``timeout`` 30 s unless ``--timeout`` says otherwise).

Each case runs in its own child process (`CHILD`: a session from `build_session`, one GET);
the bench serves the hostile answers from `tests/fakes/hostile_api.py` in this process and
reports the child's ``ru_maxrss`` (from ``os.wait4``) and wall time. Before the caps, the
endless and bomb answers grew the process past 3 GB and the drip never ended.

    python bench/bench_hostile_http.py                 # 1 GB bomb, drip cut at 5 s
    python bench/bench_hostile_http.py --bomb-mb 64    # quicker
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import fakes.hostile_api as hostile  # noqa: E402

CHILD = """
import sys, tempfile
from pathlib import Path
from bibnorm.config import Settings
from bibnorm.resolvers._http import SourceUnavailable
from bibnorm.resolvers._session import build_session

url, timeout = sys.argv[1], float(sys.argv[2])
settings = Settings(cache_dir=Path(tempfile.mkdtemp()), s2_api_url=url + "/graph/v1", max_attempts=1,
                    timeout=timeout)
try:
    build_session(settings).get(url + "/graph/v1/paper/X")
    print("read in full")
except SourceUnavailable as error:
    print(error)
"""


def measure(url: str, timeout: float) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and the one line of one child's request."""
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url, str(timeout)],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    said = child.stdout.read().decode().strip()
    _, _, usage = os.wait4(child.pid, 0)
    return time.monotonic() - started, usage.ru_maxrss / 1024, said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bomb-mb", type=int, default=1024, help="what the gzip bomb inflates to")
    parser.add_argument("--timeout", type=float, default=5.0, help="the run's timeout, seconds")
    args = parser.parse_args()
    hostile.BOMB_MB = args.bomb_mb
    started = time.monotonic()
    sent = len(hostile.gzip_bomb())
    print(f"gzip bomb: {args.bomb_mb} MB as {sent / 1e6:.1f} MB sent ({time.monotonic() - started:.1f} s)")
    baseline = measure("http://127.0.0.1:9", args.timeout)  # refused at once: start-up only
    print(f"{'answer':<14} {'wall s':>7} {'peak MB':>8}  what the run says")
    print(f"{'(none)':<14} {baseline[0]:>7.1f} {baseline[1]:>8.0f}  {baseline[2]}")
    for mode in ("endless", "gzip-bomb", "drip", "drip-headers"):
        script = hostile.Script(mode=mode)  # type: ignore[arg-type]
        server = hostile.HostileServer(script).start()
        try:
            wall, peak, said = measure(server.url, args.timeout)
        finally:
            server.stop()
        print(f"{mode:<14} {wall:>7.1f} {peak:>8.0f}  {said}")


if __name__ == "__main__":
    main()
