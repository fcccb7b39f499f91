/* langid.h - which language a piece of text is in, by libexttextcat's
 * n-gram profiles (Debian libexttextcat-data), for the spelling check's
 * foreign paragraphs (checks/spelling_lang.c).
 *
 * The classifier is loaded once per process, at the first call (about
 * 10 ms; never for a post without a candidate paragraph), and shared
 * behind a lock: libexttextcat's handle keeps its working buffers. */
#ifndef CIV_LANGID_H
#define CIV_LANGID_H

#include <stdbool.h>
#include <stddef.h>

/* Writes the best guess for text[0..n) into code (a language code such as
 * "es", "fr" or "en", NUL-terminated, at most cap - 1 bytes) and returns
 * true; false when the text is too short or matches no profile well, or
 * when the profiles are not installed. Thread-safe. */
bool civ_langid_guess(const char *text, size_t n, char *code, size_t cap);

#endif
