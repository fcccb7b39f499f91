/* work.c - see work.h. */
#include "base/work.h"

#include <stdatomic.h>
#include <stdlib.h>

bool civ_work_on;
static atomic_ullong total;

void civ_work_add(size_t n)
{
    atomic_fetch_add_explicit(&total, n, memory_order_relaxed);
}

void civ_work_init(void)
{
    const char *e = getenv("CIVLINT_WORK");
    civ_work_on = e && *e;
}

unsigned long long civ_work_total(void)
{
    return atomic_load_explicit(&total, memory_order_relaxed);
}
