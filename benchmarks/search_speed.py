"""Search's start-to-finish time at 100,000 facts against the floor app (issue 18).

    python benchmarks/search_speed.py [--runs N] [--size N]

The same cases as benchmarks/run.py's SEARCH list (and `search deepseek`, an
everyday command), without the rest of run.py's cases: a quicker check while
working on search. Whole processes, warm cache, medians; the floor app is
run.py's (a minimal Typer + Rich app printing a five-row table).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate_facts  # noqa: E402
from run import FLOOR_APP, SEARCH, SEARCH_TARGET, Case, aigap_command  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="aigap-search-speed-"))
    subprocess.run(
        [sys.executable, str(HERE / "generate_facts.py"), str(args.size)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    base = generate_facts.DEFAULT_OUT / generate_facts.file_name(args.size)
    floor = work / "floor.py"
    floor.write_text(FLOOR_APP)
    cache = work / "cache"
    cache.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIGAP_")}
    env.update(AIGAP_CACHE_DIR=str(cache), COLUMNS="100", NO_COLOR="1", TERM="dumb")
    aigap = aigap_command()
    cases = [Case("floor app", [sys.executable, str(floor)], env, args.runs)]
    for argv in [["search", "deepseek"], *SEARCH]:
        command = [*aigap, "--no-packaged", "--facts", str(base), *argv]
        cases.append(Case(f"`aigap {' '.join(argv)}`", command, env, args.runs))
    for case in cases:  # the first run of each writes the cache
        case.run_once(record=False)
    for _ in range(args.runs):  # interleaved, so load changes hit every case alike
        for case in cases:
            case.run_once()
    floor_median = statistics.median(cases[0].times)
    print(f"\n{args.size:,} facts, warm cache, median of {args.runs} runs\n")
    print("| case | median | × floor | target |")
    print("|---|---:|---:|---|")
    for case in cases:
        median = statistics.median(case.times)
        ratio = median / floor_median
        target = (
            ""
            if case is cases[0]
            else f"≤ {SEARCH_TARGET}×: {'yes' if ratio <= SEARCH_TARGET else 'NO'}"
        )
        print(f"| {case.name} | {median * 1000:.0f} ms | {ratio:.2f}× | {target} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
