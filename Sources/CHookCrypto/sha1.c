// SHA-1 compression with the CPU's SHA instructions: Intel's SHA extensions (SHA1RNDS4, SHA1NEXTE,
// SHA1MSG1, SHA1MSG2) on x86-64 and the ARMv8 cryptography extensions (SHA1C/SHA1P/SHA1M, SHA1H,
// SHA1SU0/SHA1SU1) on arm64. Twenty steps of four rounds; the message group four steps ahead is computed
// alongside (W[t] = rol1(W[t-3] ^ W[t-8] ^ W[t-14] ^ W[t-16])). GitHub's X-Hub-Signature and Twilio's
// signatures are HMAC-SHA1, so the sender computes one per delivery.
#include "CHookCrypto.h"
#include "sha_target.h"

#if defined(__x86_64__) || defined(_M_X64)

// Steps `first` to `last` (of 0 to 19) with round function `function` (an immediate of SHA1RNDS4, so
// each group of five steps is its own loop). Step 0 is done before: its E comes straight from the state.
#define STEPS(first, last, function)                                                                         \
    for (int step = (first); step <= (last); step++) {                                                       \
        if (step >= 4) {                                                                                     \
            /* w[step & 3] held W for step - 4; the others hold steps - 3, - 2 and - 1. */                  \
            w[step & 3] = _mm_sha1msg2_epu32(                                                                \
                _mm_xor_si128(_mm_sha1msg1_epu32(w[step & 3], w[(step + 1) & 3]), w[(step + 2) & 3]),        \
                w[(step + 3) & 3]);                                                                          \
        }                                                                                                    \
        const __m128i e = _mm_sha1nexte_epu32(previous, w[step & 3]);                                        \
        previous = abcd;                                                                                     \
        abcd = _mm_sha1rnds4_epu32(abcd, e, (function));                                                     \
    }

HOOKCHECK_SHA_TARGET
void hookcheck_sha1_compress_hardware(uint32_t *state, const uint8_t *blocks, size_t count) {
    // The whole 16 bytes reversed: W[t] lands in the top lane, where the instructions want it.
    const __m128i byteSwap = _mm_set_epi64x(0x0001020304050607ULL, 0x08090a0b0c0d0e0fULL);
    // A in the top lane, D in the bottom; E alone in the top lane of its register.
    __m128i abcd = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)state), 0x1B);
    __m128i e0 = _mm_set_epi32((int)state[4], 0, 0, 0);

    for (size_t block = 0; block < count; block++, blocks += 64) {
        const __m128i abcdStart = abcd, eStart = e0;
        __m128i w[4];
        for (int i = 0; i < 4; i++) {
            w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16 * i)), byteSwap);
        }
        // The state before the previous step's rounds: SHA1NEXTE derives this step's E from its A.
        __m128i previous = abcd;
        abcd = _mm_sha1rnds4_epu32(abcd, _mm_add_epi32(e0, w[0]), 0);
        STEPS(1, 4, 0)
        STEPS(5, 9, 1)
        STEPS(10, 14, 2)
        STEPS(15, 19, 3)
        e0 = _mm_sha1nexte_epu32(previous, eStart);
        abcd = _mm_add_epi32(abcd, abcdStart);
    }

    _mm_storeu_si128((__m128i *)state, _mm_shuffle_epi32(abcd, 0x1B));
    state[4] = (uint32_t)_mm_extract_epi32(e0, 3);
}

#elif defined(__aarch64__) || defined(_M_ARM64)

HOOKCHECK_SHA_TARGET
void hookcheck_sha1_compress_hardware(uint32_t *state, const uint8_t *blocks, size_t count) {
    static const uint32_t K[4] = {0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6};
    uint32x4_t abcd = vld1q_u32(state);
    uint32_t e0 = state[4];

    for (size_t block = 0; block < count; block++, blocks += 64) {
        const uint32x4_t abcdStart = abcd;
        const uint32_t eStart = e0;
        uint32x4_t w[4];
        for (int i = 0; i < 4; i++) {
            w[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(blocks + 16 * i)));
        }
        for (int step = 0; step < 20; step++) {
            const uint32x4_t wk = vaddq_u32(w[step & 3], vdupq_n_u32(K[step / 5]));
            const uint32_t next = vsha1h_u32(vgetq_lane_u32(abcd, 0));
            switch (step / 5) {
            case 0: abcd = vsha1cq_u32(abcd, e0, wk); break;
            case 2: abcd = vsha1mq_u32(abcd, e0, wk); break;
            default: abcd = vsha1pq_u32(abcd, e0, wk); break;
            }
            e0 = next;
            if (step < 16) {
                // W for step + 4, from steps + 0 to + 3.
                w[step & 3] = vsha1su1q_u32(
                    vsha1su0q_u32(w[step & 3], w[(step + 1) & 3], w[(step + 2) & 3]), w[(step + 3) & 3]);
            }
        }
        abcd = vaddq_u32(abcd, abcdStart);
        e0 += eStart;
    }
    vst1q_u32(state, abcd);
    state[4] = e0;
}

#else

// Never called: hookcheck_sha1_hardware_available() is 0 here.
void hookcheck_sha1_compress_hardware(uint32_t *state, const uint8_t *blocks, size_t count) {
    (void)state, (void)blocks, (void)count;
    __builtin_trap();
}

#endif
