#!/usr/bin/env bash
# Issue 14 (one core under the CLI and the library): every file move and type rename, in order, so the
# merger can replay them on other branches' code. Run from the repository root; safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."

mv_if() { # git mv SRC DST when SRC still exists
    if [ -e "$1" ]; then mkdir -p "$(dirname "$2")"; git mv "$1" "$2"; fi
}
# sed -i over every Swift file in Sources, Tests and Benchmarks
sed_swift() {
    find Sources Tests Benchmarks -name '*.swift' -print0 | xargs -0 sed -i -E "$@"
}

# --- 1. The CLI leaves the library: Sources/HookCheck/CLI -> Sources/HookCheckCLI (not a product) ---
if [ -d Sources/HookCheck/CLI ]; then
    mkdir -p Sources/HookCheckCLI
    for f in Sources/HookCheck/CLI/*; do git mv "$f" Sources/HookCheckCLI/; done
    rmdir Sources/HookCheck/CLI 2>/dev/null || true
fi
mv_if Sources/HookCheck/Send/ProgressPrinter.swift Sources/HookCheckCLI/ProgressPrinter.swift
# The unused UnavailableCommand goes.
if [ -e Sources/HookCheckCLI/Commands/UnavailableCommand.swift ]; then
    git rm -qf Sources/HookCheckCLI/Commands/UnavailableCommand.swift
fi
