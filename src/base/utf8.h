/* utf8.h - strict UTF-8 decoding.
 *
 * Strict means what RFC 3629 allows: no overlong forms, no surrogates
 * (U+D800-U+DFFF), nothing above U+10FFFF. */
#ifndef CIV_UTF8_H
#define CIV_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[0..n). Returns its length in bytes (1-4) and
 * stores it in *cp, or returns 0 when the bytes there are not valid UTF-8
 * (then *cp is U+FFFD and the caller should skip one byte). n must be > 0. */
size_t civ_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Encodes cp into out (at least 4 bytes) and returns the length. */
size_t civ_utf8_encode(uint32_t cp, char *out);

/* Number of code points in s[0..n), counting each invalid byte as one. */
size_t civ_utf8_count(const char *s, size_t n);

/* True for a UTF-8 continuation byte (10xxxxxx). */
static inline bool civ_utf8_is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

#endif
