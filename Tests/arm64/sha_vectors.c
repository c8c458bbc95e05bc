// Runs CHookCrypto's arm64 SHA-256 and SHA-1 block functions (the ARMv8 cryptography extensions) on
// official vectors, under qemu-aarch64 on a machine that is not arm64: `.ci/checks/35-arm64-sha.sh`.
// Freestanding (no libc for arm64 here): it pads the messages itself and talks to Linux by system call.
#include <stddef.h>
#include <stdint.h>

#include "CHookCrypto.h"

static long sys3(long number, long a, long b, long c) {
    register long x8 __asm__("x8") = number;
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    __asm__ volatile("svc 0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x8) : "memory");
    return x0;
}

static void say(const char *text) {
    size_t length = 0;
    while (text[length]) length++;
    sys3(64, 1, (long)text, (long)length);  // write(1, …)
}

static void *copy(void *to, const void *from, size_t count) {
    uint8_t *t = to;
    const uint8_t *f = from;
    while (count--) *t++ = *f++;
    return to;
}

// Pads `message` (FIPS 180-4) into `blocks` and returns the block count; `length` < 1000 here.
static size_t pad(const uint8_t *message, size_t length, uint8_t *blocks) {
    size_t total = ((length + 8) / 64 + 1) * 64;
    for (size_t i = 0; i < total; i++) blocks[i] = 0;
    copy(blocks, message, length);
    blocks[length] = 0x80;
    uint64_t bits = (uint64_t)length * 8;
    for (int i = 0; i < 8; i++) blocks[total - 1 - i] = (uint8_t)(bits >> (8 * i));
    return total / 64;
}

static void hex(const uint32_t *words, int count, char *out) {
    const char *digits = "0123456789abcdef";
    for (int w = 0; w < count; w++) {
        for (int nibble = 7; nibble >= 0; nibble--) *out++ = digits[(words[w] >> (4 * nibble)) & 15];
    }
    *out = 0;
}

static int same(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

struct vector {
    const char *message;
    const char *sha256;
    const char *sha1;
};

// FIPS 180-2 appendix examples and the classic pangram.
static const struct vector vectors[] = {
    {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
     "a9993e364706816aba3e25717850c26c9cd0d89d"},
    {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
     "da39a3ee5e6b4b0d3255bfef95601890afd80709"},
    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
     "84983e441c3bd26ebaae4aa1f95129e5e54670f1"},
    {"The quick brown fox jumps over the lazy dog",
     "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592",
     "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"},
};

void _start(void) {
    static uint8_t blocks[1024];
    char text[80];
    int failures = 0;
    for (size_t v = 0; v < sizeof vectors / sizeof vectors[0]; v++) {
        size_t length = 0;
        while (vectors[v].message[length]) length++;
        size_t count = pad((const uint8_t *)vectors[v].message, length, blocks);

        uint32_t h256[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                            0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
        hookcheck_sha256_compress_hardware(h256, blocks, count);
        hex(h256, 8, text);
        if (!same(text, vectors[v].sha256)) {
            say("FAIL sha256 \""), say(vectors[v].message), say("\" gave "), say(text), say("\n");
            failures++;
        }

        uint32_t h1[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
        hookcheck_sha1_compress_hardware(h1, blocks, count);
        hex(h1, 5, text);
        if (!same(text, vectors[v].sha1)) {
            say("FAIL sha1 \""), say(vectors[v].message), say("\" gave "), say(text), say("\n");
            failures++;
        }
    }
    say(failures == 0 ? "arm64 SHA-256 and SHA-1: every vector passed\n" : "arm64 SHA: vectors failed\n");
    sys3(93, failures != 0, 0, 0);  // exit
    for (;;) {}
}
