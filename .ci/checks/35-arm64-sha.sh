#!/usr/bin/env bash
# The arm64 SHA-256 and SHA-1 code paths (ARMv8 cryptography extensions) in CHookCrypto, run on official
# vectors under qemu-aarch64 (-cpu max) on a machine that is not arm64: the toolchain's clang builds a
# freestanding arm64 program (Tests/arm64/sha_vectors.c) with the same C files the package builds.
# On an arm64 machine `swift test` already runs these paths natively. Skips, saying so, without qemu.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib/common.sh 35-arm64-sha
if [ "$(uname -m)" = aarch64 ] || [ "$(uname -m)" = arm64 ]; then
    echo "arm64 SHA check: this machine is arm64, so swift test ran the paths natively"
    exit 0
fi
command -v qemu-aarch64 >/dev/null 2>&1 || { echo "arm64 SHA check skipped: qemu-aarch64 (qemu-user) is not installed"; exit 0; }
clang="$(command -v clang || echo /opt/swift/usr/bin/clang)"
make_work
"$clang" --target=aarch64-unknown-none-elf -ffreestanding -fno-builtin -nostdlib -static -fuse-ld=lld -O2 -Wall \
    -I Sources/CHookCrypto/include Tests/arm64/sha_vectors.c Sources/CHookCrypto/sha256.c Sources/CHookCrypto/sha1.c \
    Sources/CHookCrypto/cpu.c \
    -o "$work/sha-vectors"
qemu-aarch64 -cpu max "$work/sha-vectors"
