#!/usr/bin/env bash
# The formatting gate: swift-format (shipped with the toolchain) in strict lint mode.
set -euo pipefail
swift format lint --strict --parallel --recursive Sources Tests Benchmarks Tools Package.swift
echo "swift format: clean"
