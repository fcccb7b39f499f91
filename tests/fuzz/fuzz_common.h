/* fuzz_common.h - what the fuzz harnesses share: where the shipped data
 * lives, and the libFuzzer entry points both harnesses define.
 *
 * The harnesses are plain C with no libFuzzer dependency, so the same
 * LLVMFuzzerTestOneInput is linked either with clang's -fsanitize=fuzzer
 * (make fuzz) or with replay.c and gcc (make check replays every saved
 * regression input without clang). */
#ifndef CIV_FUZZ_COMMON_H
#define CIV_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* The source tree: rules/ and dictionaries/ are read from here. The
 * Makefile passes -DCIV_FUZZ_ROOT; CIVLINT_DATADIR overrides it at run time. */
#ifndef CIV_FUZZ_ROOT
#define CIV_FUZZ_ROOT "."
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The data folder (holding rules/), as above; static storage. */
const char *civ_fuzz_datadir(void);

#endif
