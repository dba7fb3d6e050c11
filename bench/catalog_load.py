"""Whole-process timings of the AWS catalog: cold build and warm load.

    .venv/bin/python bench/catalog_load.py [--runs 5]

Each measurement starts a fresh Python process with its own empty (cold) or
filled (warm) cache directory, so interpreter start-up and imports are
included, as a user sees them.  Also reported: the interpreter doing nothing
and the import of ``notelint.aws.catalog`` alone, so that the load itself
(warm minus import) can be read off.  Medians of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

LOAD = "from notelint.aws.catalog import load_catalog; load_catalog()"
IMPORT = "import notelint.aws.catalog"
IN_PROCESS = (
    "import time; t = time.perf_counter(); from notelint.aws.catalog import load_catalog; "
    "i = time.perf_counter(); load_catalog(); print(time.perf_counter() - i)"
)


def _run(code: str, cache: str) -> tuple[float, str]:
    env = {**os.environ, "NOTELINT_CACHE_DIR": cache}
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - start, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    results: dict[str, list[float]] = {k: [] for k in ("python -c pass", "import", "cold build", "warm load", "load in-process")}
    with tempfile.TemporaryDirectory() as warm:
        _run(LOAD, warm)  # fill the warm cache
        for _ in range(runs):
            results["python -c pass"].append(_run("pass", warm)[0])
            results["import"].append(_run(IMPORT, warm)[0])
            results["warm load"].append(_run(LOAD, warm)[0])
            results["load in-process"].append(float(_run(IN_PROCESS, warm)[1]))
    for _ in range(max(1, min(runs, 3))):  # a cold build takes seconds
        with tempfile.TemporaryDirectory() as cold:
            results["cold build"].append(_run(LOAD, cold)[0])
    print(f"python {sys.version.split()[0]}, median of {runs} runs (cold: {len(results['cold build'])})")
    for name, values in results.items():
        print(f"  {name:<16} {statistics.median(values) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
