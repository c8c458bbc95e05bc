// Whether this CPU has the SHA instructions sha256.c and sha1.c use, detected once per process:
// cpuid on x86-64 (the SHA extensions bring SHA-1 and SHA-256 together, with SSSE3 and SSE4.1 for the
// shuffles), getauxval(AT_HWCAP) on Linux arm64, sysctl on Apple arm64.
#include "CHookCrypto.h"

#if defined(__x86_64__) || defined(_M_X64)

#include <cpuid.h>

static int has_sha_extensions(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    const int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    const int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

static int detect_sha256(void) { return has_sha_extensions(); }
static int detect_sha1(void) { return has_sha_extensions(); }

#elif defined(__aarch64__) || defined(_M_ARM64)

#if defined(__linux__)
#include <sys/auxv.h>
#elif defined(__APPLE__)
#include <sys/sysctl.h>
#endif
#ifndef HWCAP_SHA1
#define HWCAP_SHA1 (1 << 5)
#endif
#ifndef HWCAP_SHA2
#define HWCAP_SHA2 (1 << 6)
#endif

// `capability` is the Linux HWCAP bit, `feature` the Apple sysctl name.
static int has_feature(unsigned long capability, const char *feature) {
#if defined(__linux__)
    (void)feature;
    return (getauxval(AT_HWCAP) & capability) != 0;
#elif defined(__APPLE__)
    (void)capability;
    int value = 0;
    size_t size = sizeof(value);
    if (sysctlbyname(feature, &value, &size, NULL, 0) == 0) return value != 0;
#if defined(__ARM_FEATURE_SHA2) || defined(__ARM_FEATURE_CRYPTO)
    return 1;  // every Apple arm64 CPU has them; older systems lack the sysctl name
#else
    return 0;
#endif
#else
    (void)capability;
    (void)feature;
    return 0;
#endif
}

static int detect_sha256(void) { return has_feature(HWCAP_SHA2, "hw.optional.arm.FEAT_SHA256"); }
static int detect_sha1(void) { return has_feature(HWCAP_SHA1, "hw.optional.arm.FEAT_SHA1"); }

#else

static int detect_sha256(void) { return 0; }
static int detect_sha1(void) { return 0; }

#endif

// Racing first calls compute the same answer; the store is a plain int.
static int cached(volatile int *cache, int (*detect)(void)) {
    int value = *cache;
    if (value < 0) {
        value = detect();
        *cache = value;
    }
    return value;
}

int hookcheck_sha256_hardware_available(void) {
    static volatile int cache = -1;
    return cached(&cache, detect_sha256);
}

int hookcheck_sha1_hardware_available(void) {
    static volatile int cache = -1;
    return cached(&cache, detect_sha1);
}
