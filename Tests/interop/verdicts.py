#!/usr/bin/env python3
"""Holds the verdicts of `hookcheck run --json` reports against an expected-verdict table; used by
.ci/checks/22-interop-receivers.sh, which holds the table.

    verdicts.py TABLE MERGED REPORT_DIR

TABLE has one row a line, whitespace-separated, `#` comments:

    receiver-glob  case-glob  probe-glob  verdict-now  [change  verdict-after]

A result's expected verdict is that of the last row matching receiver, case and probe (default `passed`).
The verdict is a result status (passed, failed, error, skipped), `absent` (no such result: a probe the
run does not send yet) or `n/a` (skipped or absent: a probe that cannot apply to the profile). A row with a change expects verdict-after once the change is named in MERGED (a
comma- or space-separated list), verdict-now until then. REPORT_DIR holds RECEIVER.json per receiver.
Every row must match some result (or expect `absent`), so a stale row fails too. Exits 1 on any mismatch."""
import fnmatch
import json
import re
import sys
from pathlib import Path

STATUSES = {"passed", "failed", "error", "skipped", "absent", "n/a"}


def fits(status, verdict):
    """`n/a`: a probe that cannot apply to the profile, reported as skipped or (once the reports leave such
    probes out) not at all."""
    return status in ("skipped", "absent") if verdict == "n/a" else status == verdict


def read_table(path):
    rows = []
    for number, line in enumerate(Path(path).read_text().splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        if len(fields) not in (4, 6) or fields[3] not in STATUSES or (len(fields) == 6 and fields[5] not in STATUSES):
            sys.exit(f"{path}:{number}: expected 'receiver case probe verdict [change verdict]', found {line!r}")
        rows.append({"line": number, "receiver": fields[0], "case": fields[1], "probe": fields[2], "now": fields[3],
                     "change": fields[4] if len(fields) == 6 else None,
                     "after": fields[5] if len(fields) == 6 else None, "used": False})
    return rows


def expected(row, merged):
    return row["after"] if row["change"] and row["change"] in merged else row["now"]


def main():
    table, merged, reports = sys.argv[1], set(re.split(r"[,\s]+", sys.argv[2].strip())) - {""}, Path(sys.argv[3])
    rows = read_table(table)
    known_changes = {row["change"] for row in rows if row["change"]}
    for change in sorted(merged - known_changes):
        print(f"verdicts: note: no row waits for the merged change {change!r}")
    mismatches = 0
    for report in sorted(reports.glob("*.json")):
        receiver = report.stem
        data = json.loads(report.read_text())
        results = [result for suite in data["suites"] for result in suite["results"]]
        counts = {}
        for result in results:
            verdict = "passed"
            for row in rows:
                if (fnmatch.fnmatchcase(receiver, row["receiver"]) and fnmatch.fnmatchcase(result["case"], row["case"])
                        and fnmatch.fnmatchcase(result["check"], row["probe"])):
                    row["used"] = True
                    verdict = expected(row, merged)
            counts[result["status"]] = counts.get(result["status"], 0) + 1
            if not fits(result["status"], verdict):
                mismatches += 1
                message = (result.get("message") or "").replace("\n", " ")[:220]
                print(f"MISMATCH {receiver}: {result['name']}: expected {verdict}, got {result['status']}: {message}")
        for row in rows:
            if expected(row, merged) in ("absent", "n/a") and fnmatch.fnmatchcase(receiver, row["receiver"]):
                row["used"] = True
                present = [r for r in results if fnmatch.fnmatchcase(r["case"], row["case"])
                           and fnmatch.fnmatchcase(r["check"], row["probe"])]
                if present and expected(row, merged) == "absent":
                    mismatches += 1
                    print(f"MISMATCH {receiver}: {present[0]['name']}: expected absent, got {present[0]['status']}")
        summary = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
        print(f"{receiver}: {len(results)} results ({summary})")
    for row in rows:
        if not row["used"]:
            mismatches += 1
            print(f"STALE ROW {table}:{row['line']}: matches no result of any receiver")
    print(f"verdicts: {mismatches} mismatch{'es' if mismatches != 1 else ''}; run-side changes counted as merged: "
          f"{', '.join(sorted(merged)) or 'none'}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
