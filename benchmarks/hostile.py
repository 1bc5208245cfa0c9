"""Time every hostile fact file of the test suite through a real `aigap` process.

Issue 4's budget: each case answers within 2 seconds and 200 MB on a 2-core
machine, with libyaml and with the pure-Python parser. The tests check the
messages, exit codes and memory; this script measures the time.

    python benchmarks/hostile.py            # every case, both parsers
    python benchmarks/hostile.py --runs 3   # median of three runs each
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile_cases import CASES, run_aigap

BUDGET_SECONDS = 2.0
BUDGET_MB = 200.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per case (median reported)")
    args = parser.parse_args()
    print("| case | parser | exit | seconds | peak MB | within budget |")
    print("|---|---|---:|---:|---:|---|")
    misses = 0
    for name, (make, _expected, code) in CASES.items():
        for python_parser in (False, True):
            with tempfile.TemporaryDirectory() as tmp:
                path = make(Path(tmp))
                runs = [
                    run_aigap(["--facts", str(path), "gap", "mmlu"], python_parser, Path(tmp))
                    for _ in range(args.runs)
                ]
            seconds = statistics.median(r[2] for r in runs)
            peak = max(r[3] for r in runs)
            ok = all(r[0] == code for r in runs) and seconds <= BUDGET_SECONDS
            ok = ok and peak <= BUDGET_MB
            misses += not ok
            parser_name = "python" if python_parser else "libyaml"
            print(
                f"| {name} | {parser_name} | {runs[0][0]} | {seconds:.2f} | {peak:.0f} | "
                f"{'yes' if ok else 'NO'} |"
            )
    print(f"\n{misses} case(s) over budget" if misses else "\nevery case within budget")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
