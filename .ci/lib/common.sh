# Sourced by the checks in .ci/checks/ (`. .ci/lib/common.sh NAME` from the repository root): the set-up
# they share, written once.
# - The toolchain is on PATH and SHARED names ../shared.
# - `hookcheck_bin [--build]` sets $bin to $HOOKCHECK_BIN or the debug build's binary; with --build it
#   builds the product first, without it the binary must already be there (CI builds before the checks).
# - `require_python MODULE...` stops the check (exit 1) when a Python peer does not import, saying what
#   to install.
# - `make_work` sets $work to a new temporary folder. On exit every process the check started in the
#   background is stopped and waited for, and the folder removed.
check_name="$1"
export PATH="/opt/swift/usr/bin:$PATH"
SHARED="${SHARED:-$(cd .. && pwd)/shared}"

hookcheck_bin() {
    if [ "${1:-}" = --build ]; then swift build --product hookcheck >/dev/null; fi
    bin="${HOOKCHECK_BIN:-$(swift build --show-bin-path)/hookcheck}"
    [ -x "$bin" ] || { echo "$check_name: $bin is missing; build first (swift build)"; exit 1; }
}

require_python() {
    local imports
    imports="$(printf '%s, ' "$@")"
    python3 -c "import ${imports%, }" 2>/dev/null \
        || { echo "$check_name: the Python peers do not import ($*); run: python3 -m pip install -r Tests/interop/requirements.txt"; exit 1; }
}

make_work() {
    work="$(mktemp -d)"
    trap common_cleanup EXIT
}

common_cleanup() {
    local pid
    for pid in $(jobs -p); do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
