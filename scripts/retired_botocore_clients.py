#!/usr/bin/env python3
"""Generate notelint/data/knowledge/retired-clients.yaml: AWS services whose
botocore client has been removed, found by comparing the client folders of
older botocore releases with the installed one.

This is a maintainer's script, run by hand when botocore is upgraded; it needs
the PyPI registry (to download old botocore wheels).  notelint itself reads
only the committed YAML, offline.

    python scripts/retired_botocore_clients.py [--since 1.20.0] [--every-days 180]

Method: take a release about every ``--every-days`` days from ``--since`` up
to the installed botocore, list the clients (``botocore/data/<client>/``)
each one ships, and for every client missing from the installed botocore,
bisect the releases between the last checkpoint that had it and the first that
did not, to name the exact release that dropped it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import urllib.request
import zipfile
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import botocore
import yaml
from packaging.version import Version

OUT = Path(__file__).resolve().parent.parent / "notelint" / "data" / "knowledge" / "retired-clients.yaml"
WHEELS = Path(tempfile.gettempdir()) / "notelint-botocore-wheels"


def releases() -> list[tuple[Version, date]]:
    with urllib.request.urlopen("https://pypi.org/pypi/botocore/json", timeout=60) as response:
        data = json.load(response)
    found = []
    for version, files in data["releases"].items():
        wheels = [f for f in files if f["filename"].endswith(".whl") and not f.get("yanked")]
        if wheels:
            found.append((Version(version), date.fromisoformat(wheels[0]["upload_time"][:10])))
    return sorted(found)


def wheel(version: Version) -> Path:
    WHEELS.mkdir(parents=True, exist_ok=True)
    existing = sorted(WHEELS.glob(f"botocore-{version}-*.whl"))
    if existing:
        return existing[0]
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
         f"botocore=={version}", "--dest", str(WHEELS)],
        check=True,
    )
    return sorted(WHEELS.glob(f"botocore-{version}-*.whl"))[0]


@lru_cache(maxsize=None)
def clients(version: Version) -> dict[str, str]:
    """Client name -> path (inside the wheel) of its newest service-2 model."""
    models: dict[str, str] = {}
    with zipfile.ZipFile(wheel(version)) as archive:
        for name in archive.namelist():
            parts = name.split("/")
            if len(parts) == 5 and parts[:2] == ["botocore", "data"] and parts[4].startswith("service-2.json"):
                client = parts[2]
                if client not in models or parts[3] > models[client].split("/")[3]:
                    models[client] = name
    return models


def metadata(version: Version, client: str) -> dict:
    with zipfile.ZipFile(wheel(version)) as archive:
        name = clients(version)[client]
        raw = archive.read(name)
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return json.loads(raw).get("metadata", {})


def installed_clients() -> set[str]:
    data = Path(botocore.__file__).parent / "data"
    return {p.name for p in data.iterdir() if p.is_dir() and any(p.glob("*/service-2.json*"))}


def checkpoints(history: list[tuple[Version, date]], since: Version, every: timedelta) -> list[Version]:
    chosen, last = [], None
    for version, released in history:
        if version < since:
            continue
        if last is None or released - last >= every:
            chosen.append(version)
            last = released
    return chosen


def first_without(client: str, candidates: list[Version]) -> Version:
    """The first release in ``candidates`` without ``client`` (the last one is known to lack it)."""
    low, high = 0, len(candidates) - 1
    while low < high:
        middle = (low + high) // 2
        if client in clients(candidates[middle]):
            low = middle + 1
        else:
            high = middle
    return candidates[low]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--since", default="1.20.0", help="oldest botocore release to compare")
    parser.add_argument("--every-days", type=int, default=180, help="days between checkpoints")
    args = parser.parse_args()

    current = Version(botocore.__version__)
    history = [(v, d) for v, d in releases() if v <= current]
    released = dict(history)
    points = checkpoints(history, Version(args.since), timedelta(days=args.every_days))
    now = installed_clients()
    order = [v for v, _ in history]

    retired = []
    seen: dict[str, Version] = {}  # client -> last checkpoint that had it
    for version in points:
        for client in clients(version):
            seen[client] = version
    for client in sorted(set(seen) - now):
        last_with = seen[client]
        after = [v for v in order if v > last_with]
        removed_in = first_without(client, after + [current]) if after else current
        previous = order[order.index(removed_in) - 1]
        meta = metadata(previous, client)
        retired.append(
            {
                "client": client,
                "service_id": meta.get("serviceId", ""),
                "full_name": meta.get("serviceFullName", ""),
                "abbreviation": meta.get("serviceAbbreviation", ""),
                "last_release_with_client": str(previous),
                "removed_in": str(removed_in),
                "removed_on": released[removed_in].isoformat(),
            }
        )
        print(f"{client}: removed in {removed_in} ({released[removed_in]})", file=sys.stderr)

    document = {
        "generated_by": "scripts/retired_botocore_clients.py",
        "compared": {
            "installed": str(current),
            "checkpoints": [str(v) for v in points],
            "every_days": args.every_days,
        },
        "retired": retired,
    }
    header = (
        "# Derived data: AWS services whose botocore client was removed.  Do not edit by hand;\n"
        "# regenerate with `python scripts/retired_botocore_clients.py` after upgrading botocore.\n"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"wrote {OUT} ({len(retired)} retired clients)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
