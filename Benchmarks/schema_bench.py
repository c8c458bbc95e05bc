#!/usr/bin/env python3
"""Validations per second with Python's jsonschema on the same data as schemabench: the case bodies of a
suite against the schemas its cases name by $id in its "schemas" folder (Benchmarks/schema.sh).

    python3 Benchmarks/schema_bench.py SUITE [--seconds S]
"""
import json
import sys
import time
from pathlib import Path

from jsonschema import Draft7Validator, Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7, DRAFT202012


def main():
    args = sys.argv[1:]
    seconds = 3.0
    if "--seconds" in args:
        index = args.index("--seconds")
        seconds = float(args[index + 1])
        del args[index : index + 2]
    suite_path = Path(args[0] if args else "Suites/github.json")
    suite = json.loads(suite_path.read_text())
    folder = suite_path.parent / suite["schemas"]
    resources = []
    for file in sorted(folder.rglob("*.json")):
        schema = json.loads(file.read_text())
        spec = DRAFT7 if "draft-07" in schema.get("$schema", "") else DRAFT202012
        resources.append((schema.get("$id", str(file.relative_to(folder))), Resource.from_contents(schema, default_specification=spec)))
    registry = Registry().with_resources(resources)
    work = []
    for case in suite["cases"]:
        if "schema" not in case:
            continue
        schema = case["schema"]
        validator_class = Draft7Validator if "draft-07" in schema.get("$schema", "") else Draft202012Validator
        work.append((validator_class(schema, registry=registry), case["body"]))
    count = failures = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for validator, body in work:
            if not validator.is_valid(body):
                failures += 1
            count += 1
    elapsed = time.perf_counter() - start
    print(f"validations/s {int(count / elapsed)} failures {failures} schemas {len(work)}")


if __name__ == "__main__":
    main()
