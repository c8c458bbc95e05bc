// The compiler target attribute that enables the SHA instructions for one function, so the rest of the
// build needs no flags; and the intrinsics' headers. Shared by sha256.c and sha1.c.
#ifndef HOOKCHECK_SHA_TARGET_H
#define HOOKCHECK_SHA_TARGET_H

#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>
#define HOOKCHECK_SHA_TARGET __attribute__((target("sha,sse4.1,ssse3")))
#elif defined(__aarch64__) || defined(_M_ARM64)
#include <arm_neon.h>
#if defined(__clang__)
#define HOOKCHECK_SHA_TARGET __attribute__((target("sha2")))
#else
#define HOOKCHECK_SHA_TARGET __attribute__((target("+crypto")))
#endif
#endif

#endif
