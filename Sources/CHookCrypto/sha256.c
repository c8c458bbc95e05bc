// SHA-256 compression with the CPU's SHA instructions: Intel's SHA extensions on x86-64 and the ARMv8
// cryptography extensions on arm64. The structure follows the public descriptions of the instructions
// (Intel's "New Instructions Supporting the Secure Hash Algorithm on Intel Architecture Processors" and
// Arm's A64 SHA256H/SHA256H2/SHA256SU0/SHA256SU1): four rounds per step, and the message schedule for
// the step four groups ahead computed alongside.
#include "CHookCrypto.h"
#include "sha_target.h"

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#if defined(__x86_64__) || defined(_M_X64)

// One step: four rounds on w (= W[t..t+3] + K[t..t+3]), two per sha256rnds2.
#define ROUNDS4(wk)                                                                                          \
    do {                                                                                                     \
        __m128i step = (wk);                                                                                 \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, step);                                                      \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(step, 0x0E));                             \
    } while (0)

// W[t..t+3] for the group four ahead of m0, from the four groups before it (m0 oldest).
#define SCHEDULE(m0, m1, m2, m3)                                                                             \
    (m0) = _mm_sha256msg2_epu32(                                                                             \
        _mm_add_epi32(_mm_sha256msg1_epu32((m0), (m1)), _mm_alignr_epi8((m3), (m2), 4)), (m3))

HOOKCHECK_SHA_TARGET
void hookcheck_sha256_compress_hardware(uint32_t *state, const uint8_t *blocks, size_t count) {
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    // The instructions keep the state as ABEF and CDGH.
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
    const __m128i *k = (const __m128i *)K;

    for (size_t block = 0; block < count; block++, blocks += 64) {
        const __m128i abefStart = abef, cdghStart = cdgh;
        __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 0)), byteSwap);
        __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16)), byteSwap);
        __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 32)), byteSwap);
        __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 48)), byteSwap);

        for (int group = 0; group < 12; group += 4) {
            ROUNDS4(_mm_add_epi32(m0, _mm_loadu_si128(&k[group + 0])));
            SCHEDULE(m0, m1, m2, m3);
            ROUNDS4(_mm_add_epi32(m1, _mm_loadu_si128(&k[group + 1])));
            SCHEDULE(m1, m2, m3, m0);
            ROUNDS4(_mm_add_epi32(m2, _mm_loadu_si128(&k[group + 2])));
            SCHEDULE(m2, m3, m0, m1);
            ROUNDS4(_mm_add_epi32(m3, _mm_loadu_si128(&k[group + 3])));
            SCHEDULE(m3, m0, m1, m2);
        }
        ROUNDS4(_mm_add_epi32(m0, _mm_loadu_si128(&k[12])));
        ROUNDS4(_mm_add_epi32(m1, _mm_loadu_si128(&k[13])));
        ROUNDS4(_mm_add_epi32(m2, _mm_loadu_si128(&k[14])));
        ROUNDS4(_mm_add_epi32(m3, _mm_loadu_si128(&k[15])));

        abef = _mm_add_epi32(abef, abefStart);
        cdgh = _mm_add_epi32(cdgh, cdghStart);
    }

    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#elif defined(__aarch64__) || defined(_M_ARM64)

HOOKCHECK_SHA_TARGET
void hookcheck_sha256_compress_hardware(uint32_t *state, const uint8_t *blocks, size_t count) {
    uint32x4_t abcd = vld1q_u32(&state[0]);
    uint32x4_t efgh = vld1q_u32(&state[4]);

    for (size_t block = 0; block < count; block++, blocks += 64) {
        const uint32x4_t abcdStart = abcd, efghStart = efgh;
        uint32x4_t m[4];
        for (int i = 0; i < 4; i++) {
            m[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(blocks + 16 * i)));
        }
        for (int group = 0; group < 16; group++) {
            const uint32x4_t wk = vaddq_u32(m[group & 3], vld1q_u32(&K[4 * group]));
            if (group < 12) {
                m[group & 3] = vsha256su1q_u32(
                    vsha256su0q_u32(m[group & 3], m[(group + 1) & 3]), m[(group + 2) & 3], m[(group + 3) & 3]);
            }
            const uint32x4_t abcdBefore = abcd;
            abcd = vsha256hq_u32(abcd, efgh, wk);
            efgh = vsha256h2q_u32(efgh, abcdBefore, wk);
        }
        abcd = vaddq_u32(abcd, abcdStart);
        efgh = vaddq_u32(efgh, efghStart);
    }
    vst1q_u32(&state[0], abcd);
    vst1q_u32(&state[4], efgh);
}

#else

// Never called: hookcheck_sha256_hardware_available() is 0 here.
void hookcheck_sha256_compress_hardware(uint32_t *state, const uint8_t *blocks, size_t count) {
    (void)state, (void)blocks, (void)count;
    __builtin_trap();
}

#endif
