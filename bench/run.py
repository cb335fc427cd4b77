"""Run benchmarks: ``.venv/bin/python bench/run.py [CASE ...] [--size N ...]``.

Prints a table (seconds, peak memory, ours/reference ratio) and saves it as
JSON in bench/results/. Benchmarks never run as part of the test suite.
"""
import argparse
import importlib
import pkgutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402


def discover():
    import cases

    found = {}
    for info in pkgutil.iter_modules(cases.__path__):
        module = importlib.import_module(f"cases.{info.name}")
        for case in getattr(module, "CASES", []):
            found[case.name] = case
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("cases", nargs="*", help="case names (default: all); see --list")
    parser.add_argument("--size", type=int, action="append", help="generated data size (rows); repeatable")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs per timing")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--out", type=Path, default=None, help="JSON result file")
    args = parser.parse_args(argv)
    available = discover()
    if args.list:
        for name, case in sorted(available.items()):
            print(f"{name:30} {case.note}")
        return 0
    names = args.cases or sorted(available)
    unknown = [n for n in names if n not in available]
    if unknown:
        parser.error(f"unknown case(s) {unknown}; known: {sorted(available)}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="clusteratlas-bench-") as tmp:
        for name in names:
            case = available[name]
            sizes = args.size or case.sizes or [10000]
            for size in sizes:
                if case.sizes and size not in case.sizes and args.size is None:
                    continue
                work = Path(tmp) / f"{name}-{size}"
                work.mkdir()
                rows.append(harness.run_case(case, harness.Context(size=size, workdir=work), args.repeat))
    print(harness.format_table(rows))
    out = args.out or Path(__file__).resolve().parent / "results" / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    harness.save(rows, out)
    print(f"saved {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
