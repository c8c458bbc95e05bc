// SHA-256 and SHA-1 block compression on the CPU's own SHA instructions, for HookCheck's SHA256 and SHA1.
// x86-64: the SHA extensions (SHA-NI); arm64: the ARMv8 cryptography extensions. The instructions are
// compiled in with per-function target attributes, so the rest of the build needs no flags, and used
// only when the CPU says it has them: call hookcheck_sha256_hardware_available() (or the sha1 one) first.
#ifndef CHOOKCRYPTO_H
#define CHOOKCRYPTO_H

#include <stddef.h>
#include <stdint.h>

#if !defined(__clang__) && !defined(_Nonnull)
#define _Nonnull
#endif

#ifdef __cplusplus
extern "C" {
#endif

/// 1 when this CPU (and this build) can run hookcheck_sha256_compress_hardware, else 0. Detected once:
/// cpuid on x86-64, getauxval(AT_HWCAP) on Linux arm64, sysctl on Apple arm64.
int hookcheck_sha256_hardware_available(void);

/// Compresses `count` consecutive 64-byte blocks at `blocks` into the chaining value `state`
/// (a, b, c, d, e, f, g, h in host order). Only when hookcheck_sha256_hardware_available() is 1.
void hookcheck_sha256_compress_hardware(uint32_t *_Nonnull state, const uint8_t *_Nonnull blocks, size_t count);

/// 1 when this CPU (and this build) can run hookcheck_sha1_compress_hardware, else 0; detected as above
/// (the SHA extensions on x86-64, HWCAP_SHA1 / FEAT_SHA1 on arm64).
int hookcheck_sha1_hardware_available(void);

/// Compresses `count` consecutive 64-byte blocks at `blocks` into the SHA-1 chaining value `state`
/// (a, b, c, d, e in host order). Only when hookcheck_sha1_hardware_available() is 1.
void hookcheck_sha1_compress_hardware(uint32_t *_Nonnull state, const uint8_t *_Nonnull blocks, size_t count);

#ifdef __cplusplus
}
#endif

#endif
