#!/usr/bin/env python3
"""Renders hookcheck Markdown reports as GitHub would (GitHub-flavoured tables, inline HTML) and checks what a
reviewer sees: every suite opens with a case x probe matrix whose rows all have the header's cell count, every
<details> closes, failures list root causes before what follows from them, and the text fits GitHub's 1 MiB step
summary. Writes the HTML beside each report; with --screenshot and a Chromium on PATH, also a PNG.

usage: render_report.py [--screenshot] [--expect-failures] REPORT.md...
"""
import html.parser
import os
import re
import shutil
import subprocess
import sys

from markdown_it import MarkdownIt

STEP_SUMMARY_LIMIT = 1024 * 1024
STYLE = """body{font-family:-apple-system,Segoe UI,Noto Sans,Helvetica,Arial,sans-serif,Noto Color Emoji;
max-width:1012px;margin:24px auto;font-size:14px;color:#1f2328}table{border-collapse:collapse;margin:8px 0}
td,th{border:1px solid #d1d9e0;padding:4px 10px}tr:nth-child(2n){background:#f6f8fa}details{margin:4px 0}
pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:240px}h2{border-bottom:1px solid #d1d9e0}"""


class Tables(html.parser.HTMLParser):
    """Collects every table's rows as cell counts, and the nesting of <details>."""

    def __init__(self):
        super().__init__()
        self.tables, self.depth, self.max_depth, self.summaries = [], 0, 0, []
        self._row, self._in_summary = None, False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self._row = 0
        elif tag in ("td", "th") and self._row is not None:
            self._row += 1
        elif tag == "details":
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
        elif tag == "summary":
            self._in_summary = True
            self.summaries.append("")

    def handle_endtag(self, tag):
        if tag == "tr" and self._row is not None:
            self.tables[-1].append(self._row)
            self._row = None
        elif tag == "details":
            self.depth -= 1
        elif tag == "summary":
            self._in_summary = False

    def handle_data(self, data):
        if self._in_summary:
            self.summaries[-1] += data


def check(path, expect_failures):
    text = open(path, encoding="utf-8").read()
    problems = []
    size = len(text.encode("utf-8"))
    if size > STEP_SUMMARY_LIMIT:
        problems.append(f"{size} bytes, over GitHub's {STEP_SUMMARY_LIMIT}-byte step summary")
    body = MarkdownIt("gfm-like", {"html": True, "linkify": False}).disable("linkify").render(text)
    parser = Tables()
    parser.feed(body)
    if parser.depth != 0:
        problems.append(f"<details> not balanced (depth {parser.depth} at the end)")
    suites = len(re.findall(r"^## ", text, flags=re.M))
    matrices = [t for t in parser.tables if t]
    for index, rows in enumerate(matrices):
        if any(count != rows[0] for count in rows):
            problems.append(f"table {index + 1}: rows with {sorted(set(rows))} cells")
    header_matrices = len(re.findall(r"^\| case \| ", text, flags=re.M))
    if header_matrices != suites:
        problems.append(f"{suites} suites but {header_matrices} case x probe matrices")
    failures = [s for s in parser.summaries if "(failed)" in s or "(error)" in s]
    if expect_failures and not failures:
        problems.append("no failure is shown in a <details> block")
    # Root causes first: within each suite, no failure that follows from another precedes a root cause.
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        if "Following from a root cause above" in section:
            head, tail = section.split("Following from a root cause above", 1)
            if "<summary>" not in head:
                problems.append("a suite lists failures that follow from a root cause, but no root cause first")
    out = os.path.splitext(path)[0] + ".html"
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(f"<!doctype html><meta charset=utf-8><style>{STYLE}</style>{body}")
    print(f"{path}: {size} bytes, {suites} suites, {len(matrices)} tables, {len(failures)} failures shown, "
          f"details nested {parser.max_depth} deep -> {out}")
    return problems, out


def main(argv):
    screenshot = "--screenshot" in argv
    expect_failures = "--expect-failures" in argv
    paths = [a for a in argv if not a.startswith("--")]
    failed = False
    for path in paths:
        problems, out = check(path, expect_failures)
        for problem in problems:
            print(f"{path}: {problem}")
            failed = True
        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        if screenshot and browser:
            png = os.path.splitext(path)[0] + ".png"
            subprocess.run(
                [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 f"--screenshot={png}", "--window-size=1100,1600", "file://" + os.path.abspath(out)],
                check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
            print(f"{path}: screenshot {png}" if os.path.exists(png) else f"{path}: no screenshot")
        elif screenshot:
            print("no Chromium on PATH: no screenshot")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
