# Sourced by the benchmark scripts: `summary_row WORK HOOKCHECK ANCHOR RATIO TARGET` adds one row to the
# table Benchmarks/run prints at the end (the file BENCH_SUMMARY names); a script run on its own, without
# BENCH_SUMMARY, prints only its own section.
summary_row() {
    [ -n "${BENCH_SUMMARY:-}" ] || return 0
    # Fields are separated by the unit separator, which `read` does not merge when a field is empty (a tab it does).
    printf '%s\037%s\037%s\037%s\037%s\n' "$@" >>"$BENCH_SUMMARY"
}
