/* langid.c - see langid.h. */
#include "spell/langid.h"

#include <pthread.h>
#include <string.h>
#include <textcat.h>

/* Where Debian's libexttextcat-data puts the profiles. */
#define TEXTCAT_DIR "/usr/share/libexttextcat/"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static void *handle; /* NULL when the profiles are missing */

static void load(void)
{
    handle = special_textcat_Init(TEXTCAT_DIR "fpdb.conf", TEXTCAT_DIR);
}

bool civ_langid_guess(const char *text, size_t n, char *code, size_t cap)
{
    pthread_once(&once, load);
    if (!handle || cap < 2)
        return false;
    pthread_mutex_lock(&lock);
    /* "[es--utf8][ca--utf8]" (best first), "SHORT" or "UNKNOWN" */
    const char *r = textcat_Classify(handle, text, n);
    bool ok = r && r[0] == '[';
    if (ok) {
        size_t k = 0;
        for (const char *p = r + 1; *p && *p != '-' && *p != ']' && k + 1 < cap; p++)
            code[k++] = *p;
        code[k] = '\0';
        ok = k > 0;
    }
    pthread_mutex_unlock(&lock);
    return ok;
}
