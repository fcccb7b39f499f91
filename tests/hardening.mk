# hardening.mk - the reliability targets (issue 7), included by the Makefile:
#   check-hardening  replays every saved fuzz input (regressions and seeds)
#                    through the harnesses built with $(CC), then runs the
#                    bad-input matrix (tests/bad-input); part of `make check`
#                    and `make check-asan`
#   check-valgrind   memcheck over every golden test (both formats) and the
#                    fuzz replays and the language server's sessions
#                    (tests/lsp/run): no errors, nothing definitely or
#                    indirectly lost
#   fuzz             builds the libFuzzer harnesses with clang and clang++
#                    (address + undefined; tomlmeta.cpp too, so the TOML
#                    wrapper is instrumented; without UBSan's vptr check,
#                    whose C++ runtime the C link does not pull in) and
#                    runs each for FUZZ_TIME seconds
#   fuzz-long        the campaign (tests/fuzz/campaign): each harness for
#                    FUZZ_LONG_TIME seconds built without sanitizers (full
#                    speed) plus FUZZ_LONG_ASAN_TIME under ASan/UBSan; the
#                    working corpus and summary.tsv in FUZZ_WORK (not git).
#                    FUZZ_NICE=19 shares a busy machine politely
# Nothing here needs clang except `fuzz`.

FUZZ_TIME ?= 60
FUZZ_CC ?= clang
FUZZ_CXX ?= clang++
FUZZ_BUILD ?= build-fuzz
FUZZ_MAX_LEN ?= 16384
FUZZ_LONG_TIME ?= 1800
FUZZ_LONG_ASAN_TIME ?= 600
FUZZ_FAST_BUILD ?= build-fuzz-fast
FUZZ_WORK ?= build-fuzz-long
FUZZ_NICE ?= 0
CIVLINT ?= ./civlint
FUZZERS := lint config model frontmatter lsp
FUZZ_REPLAY := $(FUZZERS:%=$(BUILD)/tests/fuzz-replay-%)
FUZZ_BIN := $(FUZZERS:%=$(BUILD)/tests/fuzz-%)
VALGRIND ?= valgrind
VALGRIND_FLAGS ?= --quiet --error-exitcode=1 --leak-check=full \
  --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect

.PHONY: check-hardening fuzz fuzz-bins fuzz-asan-bins fuzz-long

# kept: they are intermediate files of the chained pattern rules below
.SECONDARY: $(FUZZERS:%=$(BUILD)/tests/fuzz/fuzz_%.o) $(BUILD)/tests/fuzz/replay.o
$(BUILD)/tests/fuzz/%.o: CPPFLAGS += -DCIV_FUZZ_ROOT='"$(CURDIR)"'

# The same harness code, linked with a plain main that replays files.
$(BUILD)/tests/fuzz-replay-%: $(LIB_OBJ) $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/replay.o
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIB_LIBS)

check-hardening: $(FUZZ_REPLAY)
	$(BUILD)/tests/fuzz-replay-lint tests/fuzz/regressions/lint tests/fuzz/corpus/lint
	$(BUILD)/tests/fuzz-replay-config tests/fuzz/regressions/config tests/fuzz/corpus/config rules
	$(BUILD)/tests/fuzz-replay-model tests/fuzz/regressions/model tests/fuzz/regressions/lint tests/fuzz/corpus/lint
	$(BUILD)/tests/fuzz-replay-frontmatter tests/fuzz/regressions/frontmatter tests/fuzz/corpus/frontmatter
	$(BUILD)/tests/fuzz-replay-lsp tests/fuzz/regressions/lsp tests/fuzz/corpus/lsp
	tests/bad-input $(CIVLINT)

check-valgrind: export CIVLINT_FREE_AT_EXIT = 1
check-valgrind: all $(FUZZ_REPLAY)
	tests/valgrind-golden ./civlint
	CIVLINT_NO_JIT=1 $(VALGRIND) $(VALGRIND_FLAGS) $(BUILD)/tests/fuzz-replay-lint tests/fuzz/regressions/lint tests/fuzz/corpus/lint
	CIVLINT_NO_JIT=1 $(VALGRIND) $(VALGRIND_FLAGS) $(BUILD)/tests/fuzz-replay-config tests/fuzz/regressions/config tests/fuzz/corpus/config
	$(VALGRIND) $(VALGRIND_FLAGS) $(BUILD)/tests/fuzz-replay-model tests/fuzz/regressions/model tests/fuzz/regressions/lint tests/fuzz/corpus/lint
	$(VALGRIND) $(VALGRIND_FLAGS) $(BUILD)/tests/fuzz-replay-frontmatter tests/fuzz/regressions/frontmatter tests/fuzz/corpus/frontmatter
	CIVLINT_NO_JIT=1 $(VALGRIND) $(VALGRIND_FLAGS) $(BUILD)/tests/fuzz-replay-lsp tests/fuzz/regressions/lsp tests/fuzz/corpus/lsp
	CIVLINT_NO_JIT=1 LSP_WRAP="$(VALGRIND) $(VALGRIND_FLAGS) --error-exitcode=99" tests/lsp/run ./civlint

# libFuzzer binaries: every object built with clang and the fuzzer's
# coverage instrumentation, in a separate build folder.
$(BUILD)/tests/fuzz-%: $(LIB_OBJ) $(BUILD)/tests/fuzz/fuzz_%.o
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LIB_LIBS)

fuzz-bins: $(FUZZ_BIN)

fuzz-asan-bins: deps
	$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) CXX=$(FUZZ_CXX) \
	  CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  CXXFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=vptr -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" fuzz-bins

fuzz: fuzz-asan-bins
	for f in $(FUZZERS); do \
	  FUZZ_MAX_LEN=$(FUZZ_MAX_LEN) tests/fuzz/run $(FUZZ_BUILD) $$f $(FUZZ_TIME) || exit 1; \
	done

# The campaign: the same harnesses built a second time without sanitizers
# (coverage instrumentation only, -O2), so the long runs go at full speed.
fuzz-long: fuzz-asan-bins
	$(MAKE) --no-print-directory BUILD=$(FUZZ_FAST_BUILD) CC=$(FUZZ_CC) CXX=$(FUZZ_CXX) \
	  CFLAGS="-O2 -g -fsanitize=fuzzer-no-link" CXXFLAGS="-O2 -g -fsanitize=fuzzer-no-link" \
	  LDFLAGS= fuzz-bins
	FUZZ_MAX_LEN=$(FUZZ_MAX_LEN) nice -n $(FUZZ_NICE) tests/fuzz/campaign $(FUZZ_FAST_BUILD) $(FUZZ_BUILD) \
	  $(FUZZ_WORK) $(FUZZ_LONG_TIME) $(FUZZ_LONG_ASAN_TIME) $(FUZZ_HARNESSES)
