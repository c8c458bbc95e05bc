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

# --- 3. Public names that clash with Swift Testing or swift-crypto ---
# SourceLocation (Swift Testing) -> TextPosition. Only HookCheck's own: tests' `sourceLocation: SourceLocation
# = #_sourceLocation` parameters are Swift Testing's and stay.
mv_if Sources/HookCheck/JSON/SourceLocation.swift Sources/HookCheck/JSON/TextPosition.swift
find Sources/HookCheck Benchmarks Fuzz -name '*.swift' -print0 | xargs -0 perl -pi -e 's/\bSourceLocation\b/TextPosition/g'
for f in $(grep -rlE 'import struct HookCheck\.SourceLocation|DocumentLimitTests' Tests --include='*.swift' || true); do
    perl -pi -e 's/^import struct HookCheck\.SourceLocation\n//; s/\bSourceLocation\((line|column)/TextPosition($1/g; s/-> SourceLocation\b/-> TextPosition/g' "$f"
done
perl -pi -e 's/\bSourceLocation\(line:/TextPosition(line:/g' Tests/HookCheckTests/Hardening/DocumentLimitTests.swift
# Expectation (Swift Testing) -> DeliveryExpectation; JSONParseError.Expectation (nested) stays.
mv_if Sources/HookCheck/Suite/Expectation.swift Sources/HookCheck/Suite/DeliveryExpectation.swift
find Sources/HookCheck Tests Benchmarks -name '*.swift' ! -name JSONParseError.swift -print0 |
    xargs -0 perl -pi -e 's/(?<![.\w])Expectation\b(?! Failed)/DeliveryExpectation/g'
# The tests' workaround typealias goes.
if [ -e Tests/HookCheckTests/Send/SuiteExpectation.swift ]; then git rm -qf Tests/HookCheckTests/Send/SuiteExpectation.swift; fi
find Tests -name '*.swift' -print0 | xargs -0 perl -pi -e 's/\bSuiteExpectation\b/DeliveryExpectation/g'
# SHA256, HMAC and the rest of Crypto/ (swift-crypto's names) become package: not HookCheck's public API.
for f in Sources/HookCheck/Crypto/*.swift; do
    perl -pi -e 's/^(\s*(?:@\w+\s+)*)public\b/$1package/' "$f"
done
# The JSON machinery underneath (scanner, byte scans) is package too; the JSON API (JSONValue, JSONParser,
# JSONWriter, JSONDocument, JSONPointer, TextPosition, JSONParseError) stays public: the fuzzers, a separate
# package, use it, and none of its names clash.
for f in Sources/HookCheck/JSON/{ByteScan,JSONScanner}.swift; do
    [ -e "$f" ] && perl -pi -e 's/^(\s*(?:@\w+\s+)*)public\b/$1package/' "$f"
done

# --- 2. EmbeddedReceiver.Route folds into ReceiverRoute; the core (Harness.send) starts ReferenceReceiver ---
for f in Sources/HookCheck/Send/EmbeddedReceiver.swift Sources/HookCheck/Send/EmbeddedReceiver+Reference.swift \
    Sources/HookCheck/Receiver/ReferenceReceiver+Embedded.swift; do
    if [ -e "$f" ]; then git rm -qf "$f"; fi
done
find Sources Tests -name '*.swift' -print0 | xargs -0 perl -pi -e 's/\bEmbeddedReceiver\.routes\(/ReceiverRoute.routes(/g; s/\bEmbeddedReceiver\.Route\b/ReceiverRoute/g'

# --- 6. One home per helper, one concern per file ---
# SignalWatch and TerminationSignal become one CLI file (signals are the command line's business).
if [ -e Sources/HookCheck/Capture/SignalWatch.swift ]; then git rm -qf Sources/HookCheck/Capture/SignalWatch.swift; fi
mv_if Sources/HookCheck/Receiver/TerminationSignal.swift Sources/HookCheckCLI/TerminationSignal.swift
find Sources Tests -name '*.swift' -print0 | xargs -0 perl -pi -e 's/\bSignalWatch\(/TerminationSignal.Watch(/g'
# CaptureLineScanner reads capture files: Check/ -> Capture/.
mv_if Sources/HookCheck/Check/CaptureLineScanner.swift Sources/HookCheck/Capture/CaptureLineScanner.swift
mv_if Tests/HookCheckTests/Check/CaptureLineScannerTests.swift Tests/HookCheckTests/Capture/CaptureLineScannerTests.swift
# File names say what they hold.
mv_if Sources/HookCheck/Suite/Phrase.swift Sources/HookCheck/Support/MessageWording.swift
find Sources Tests -name '*.swift' -print0 | xargs -0 perl -pi -e 's/\bPhrase\b/MessageWording/g'
mv_if Sources/HookCheck/Report/ReportNames.swift Sources/HookCheck/Report/ReportNaming.swift
find Sources Tests -name '*.swift' -print0 | xargs -0 perl -pi -e 's/\bReportNames\b/ReportNaming/g'
mv_if Sources/HookCheck/Profiles/Profile+Query.swift Sources/HookCheck/Profiles/Profile+FormEncoding.swift
# Duration -> seconds has one home, beside the other shared helpers.
mv_if Sources/HookCheck/Send/Duration+Seconds.swift Sources/HookCheck/Support/Duration+Seconds.swift

# --- 7. Shared test support: one raw-socket peer and package paths for every test target ---
if [ -e Tests/hookcheckTests/ListenRawPeer.swift ]; then git rm -qf Tests/hookcheckTests/ListenRawPeer.swift; fi
find Tests -name '*.swift' -print0 | xargs -0 perl -pi -e 's/\bListenRawPeer\(port:/RawPeer(port:/g'
# Well-known header names are spelled once (HookHTTP/HTTPHeaderName.swift), in HookHTTP's own code.
for f in $(ls Sources/HookHTTP/*.swift | grep -v HTTPHeaderName.swift); do
    perl -pi -e 's/"Content-Length"/HTTPHeaderName.contentLength/g; s/"Transfer-Encoding"/HTTPHeaderName.transferEncoding/g; s/(?<![-\w])"Connection"/HTTPHeaderName.connection/g; s/"Content-Type"/HTTPHeaderName.contentType/g; s/"Retry-After"/HTTPHeaderName.retryAfter/g; s/\("Date",/(HTTPHeaderName.date,/g' "$f"
done

# --- Access the CLI target needs (same package, other module): package instead of internal ---
perl -pi -e 's/^    static func format\(_ seconds: Double\)/    package static func format(_ seconds: Double)/' Sources/HookCheck/Send/ProbeJudge.swift
perl -pi -e 's/^    var inSeconds: Double/    package var inSeconds: Double/' Sources/HookCheck/Support/Duration+Seconds.swift
