# civlint - the front door. `make` builds ./civlint with the runtime
# libraries only, `make check` runs every test (and needs Check), `make
# lint-posts` lints the sample posts (installing the Debian packages first
# when they are missing and you are root). `make dist` writes the release
# tarball, `make check-package` tests the tarball and the Debian package.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/civlint
MANDIR ?= $(PREFIX)/share/man
# Vim's compiler plugin (:compiler civlint): /usr/share/vim/vimfiles is on
# Debian vim's 'runtimepath'; the plugin does nothing until it is chosen
VIMDIR ?= $(PREFIX)/share/vim/vimfiles
CC ?= cc
PKG_CONFIG ?= pkg-config
VERSION ?= 0.1.0
CFLAGS ?= -O2 -g
# C++ only for src/source/tomlmeta.cpp, the one contained exception to "C
# only" (toml++, see tomlmeta.h); linked with the C objects and -lstdc++.
CXX ?= c++
CXXFLAGS ?= -O2 -g
# pkg-config names of the libraries (ci/install-deps --runtime installs
# them; Check, for the unit tests only, comes with --test).
PKGS := libcmark-gfm libpcre2-8 hunspell yaml-0.1 jansson tomlplusplus libexttextcat
TEST_PKGS := check

# Warnings are errors only in the developer/CI build (`make WERROR=1`, which
# .ci/run uses): a release built with a newer compiler that warns about
# something new must still build.
WERROR ?=
WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter $(if $(filter 1,$(WERROR)),-Werror)
CPPFLAGS += -Isrc -D_GNU_SOURCE -DCIV_VERSION='"$(VERSION)"'
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) -MMD -MP

# pkg-config is asked only when a target needs the libraries, so `make help`
# or `make clean` work on a bare machine.
DEPS_OK = $(shell $(PKG_CONFIG) --exists $(PKGS) && command -v $(UNMUNCH) >/dev/null && echo yes)
TEST_DEPS_OK = $(shell $(PKG_CONFIG) --exists $(TEST_PKGS) && for t in python3 git codespell vim nvim emacs; do command -v $$t >/dev/null || exit 1; done && python3 -c 'import jsonschema' 2>/dev/null && echo yes)
LIB_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
LIB_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lstdc++ -lpthread
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS))
CHECK_LIBS = $(shell $(PKG_CONFIG) --libs $(TEST_PKGS))

SRC := $(sort $(wildcard src/*/*.c))
LIB_SRC := $(filter-out src/driver/main.c,$(SRC))
BUILD ?= build
CXX_SRC := $(sort $(wildcard src/*/*.cpp))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(CXX_SRC:%.cpp=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/src/driver/main.o
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
TEST_BIN := $(BUILD)/tests/unit-tests

.PHONY: all deps test-deps package-deps dist distcheck check-package deps-check size-check realworld check check-unit check-formats check-golden check-asan check-valgrind lint-posts \
        install uninstall clean golden-update help bench bench-scaling wordindex

all: deps civlint wordindex

# When a library is missing: root installs the exact packages, anyone else
# gets the command to run. `make` asks only for the runtime libraries;
# `make check` also for the test tools (Check, python3 with jsonschema, git,
# codespell).
deps:
	@if [ "$(DEPS_OK)" != yes ]; then \
	  if [ "$$(id -u)" = 0 ] && [ -x ci/install-deps ]; then ci/install-deps --runtime; \
	  else echo "civlint: missing libraries; run: sudo ci/install-deps --runtime" >&2; \
	       echo "  (sudo apt-get install -y build-essential pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libpcre2-dev libhunspell-dev hunspell-en-us hunspell-en-gb hunspell-tools libexttextcat-dev libexttextcat-data libyaml-dev libjansson-dev libtomlplusplus-dev)" >&2; exit 1; fi; \
	fi

test-deps: deps
	@if [ "$(TEST_DEPS_OK)" != yes ]; then \
	  if [ "$$(id -u)" = 0 ]; then ci/install-deps --test; \
	  else echo "civlint: make check needs the test tools; run: sudo ci/install-deps --test" >&2; exit 1; fi; \
	fi

# The install paths are compiled in; this header is rewritten only when they
# change, so `make install PREFIX=...` rebuilds exactly what depends on it.
$(BUILD)/civ_paths.h: FORCE
	@mkdir -p $(dir $@)
	@printf '#define CIV_DATADIR "%s"\n' '$(DATADIR)' > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi
FORCE:
$(MAIN_OBJ): $(BUILD)/civ_paths.h
$(MAIN_OBJ): CPPFLAGS += -I$(BUILD)

# The commit civlint is built from, for --version: from git when this is a
# checkout of civlint itself (.git here, so a tarball unpacked inside some
# other repository does not take that repository's commit), else from the
# file COMMIT that `make dist` puts in the tarball, else none. Rewritten only
# when it changes, so a new commit recompiles cli.c alone.
$(BUILD)/civ_version.h: FORCE
	@mkdir -p $(dir $@)
	@c=; if [ -e .git ] && c=$$(git rev-parse --short=12 HEAD 2>/dev/null); then \
	   git diff --quiet HEAD -- 2>/dev/null || c="$$c-dirty"; \
	 elif [ -f COMMIT ]; then c=$$(head -c 64 COMMIT | tr -cd '0-9a-z-'); fi; \
	 printf '#define CIV_COMMIT "%s"\n' "$$c" > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi
$(BUILD)/src/driver/cli.o: $(BUILD)/civ_version.h
$(BUILD)/src/driver/cli.o: CPPFLAGS += -I$(BUILD)

civlint: $(LIB_OBJ) $(MAIN_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIB_LIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LIB_CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.cpp
	@mkdir -p $(dir $@)
	$(CXX) $(CPPFLAGS) -std=c++17 -Wall -Wextra $(if $(filter 1,$(WERROR)),-Werror) $(CXXFLAGS) -MMD -MP $(LIB_CFLAGS) -c -o $@ $<

# Check's flags only where Check is used: the unit tests.
$(BUILD)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LIB_CFLAGS) $(CHECK_CFLAGS) -c -o $@ $<

# Every tests/unit/test_*.c defines `Suite *suite_NAME(void)`; the list is
# generated so adding a test file needs no other edit.
TEST_FILES := $(sort $(wildcard tests/unit/test_*.c))
$(BUILD)/tests/unit/suites.h: $(TEST_FILES)
	@mkdir -p $(dir $@)
	sed -n 's/^Suite \*\(suite_[a-z0-9_]*\)(void).*/SUITE(\1)/p' $(TEST_FILES) > $@.tmp && mv $@.tmp $@

$(BUILD)/tests/unit/main.o: $(BUILD)/tests/unit/suites.h
$(BUILD)/tests/unit/main.o: CPPFLAGS += -I$(BUILD)/tests/unit

$(TEST_BIN): $(LIB_OBJ) $(TEST_SRC:%.c=$(BUILD)/%.o)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIB_LIBS) $(CHECK_LIBS)

# The word index of each installed dictionary (src/spell/wordindex.h):
# unmunch (Debian hunspell-tools) expands the .dic and the house dictionary
# with the .aff's affix rules, and tools/mkwordindex keeps the forms
# hunspell accepts in a file civlint memory-maps. Rebuilt when the
# dictionary or the house dictionary changes; civlint also checks a hash
# of them and falls back to asking hunspell when the index is stale.
HUNSPELL_DIR ?= /usr/share/hunspell
WORDINDEX_LANGS ?= en_US en_GB
UNMUNCH ?= unmunch
WORDINDEX := $(foreach l,$(WORDINDEX_LANGS),$(if $(wildcard $(HUNSPELL_DIR)/$(l).dic),dictionaries/$(l).wordindex))
MKWORDINDEX := $(BUILD)/tools/mkwordindex
# and of Debian's wamerican-huge, when installed (see below)
KNOWN_LIST ?= /usr/share/dict/american-english-huge
KNOWNINDEX := $(if $(wildcard $(KNOWN_LIST)),dictionaries/american-english-huge.knownindex)
wordindex: $(WORDINDEX) $(KNOWNINDEX)

$(MKWORDINDEX): tools/mkwordindex.c $(BUILD)/src/spell/wordindex.o $(BUILD)/src/base/util.o
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LIB_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIB_LIBS)

# The builder is an order-only prerequisite: another BUILD folder's
# builder (make check-asan) does not make the same index again.
dictionaries/%.wordindex: tools/mkwordindex.c src/spell/wordindex.c src/spell/wordindex.h dictionaries/house.dic \
                          $(HUNSPELL_DIR)/%.aff $(HUNSPELL_DIR)/%.dic | $(MKWORDINDEX)
	@mkdir -p $(BUILD)/wordindex
	$(UNMUNCH) $(HUNSPELL_DIR)/$*.dic $(HUNSPELL_DIR)/$*.aff > $(BUILD)/wordindex/$*.forms 2>/dev/null
	$(UNMUNCH) dictionaries/house.dic $(HUNSPELL_DIR)/$*.aff >> $(BUILD)/wordindex/$*.forms 2>/dev/null
	$(MKWORDINDEX) $@ $(BUILD)/wordindex/$*.forms $(HUNSPELL_DIR)/$*.aff $(HUNSPELL_DIR)/$*.dic dictionaries/house.dic

# The index of Debian's wamerican-huge (src/spell/known.h), which civlint
# maps instead of reading the list at its first unknown word. Keyed by a
# hash of the list's contents: after a package upgrade civlint reads the
# list as before (-v says so). Without the package, none is built.
MKKNOWNINDEX := $(BUILD)/tools/mkknownindex

$(MKKNOWNINDEX): tools/mkknownindex.c $(BUILD)/src/spell/known.o $(BUILD)/src/spell/wordindex.o $(BUILD)/src/base/util.o
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LIB_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIB_LIBS)

dictionaries/american-english-huge.knownindex: tools/mkknownindex.c src/spell/known.c src/spell/known.h \
                                               src/spell/wordindex.c $(KNOWN_LIST) | $(MKKNOWNINDEX)
	$(MKKNOWNINDEX) $@ $(KNOWN_LIST)

lint-posts: all
	./civlint posts/

check: test-deps all $(TEST_BIN)
	$(MAKE) --no-print-directory deps-check size-check
	tests/golden/run ./civlint
	tests/spec-corpus ./civlint
	tests/json-schema ./civlint
	tests/parallel-order ./civlint
	tests/prefilter-same ./civlint
	tests/gating-cli ./civlint
	tests/safe-io ./civlint
	tests/totals-line ./civlint
	tests/formats/run ./civlint
	tests/spell-accuracy ./civlint
	tests/config-spelling ./civlint
	tests/author-sections ./civlint
	tools/spans-outside-templates.py --self-test
	tests/spell-vocabulary ./civlint
	tests/man-options ./civlint
	tests/readme-options ./civlint
	tests/doc-links/run --self-test
	tests/scaling/run ./civlint
	tests/lsp/run ./civlint
	tests/lsp/nvim ./civlint
	tests/lsp/eglot ./civlint
	tests/editors/vim ./civlint
	tests/editors/vim ./civlint nvim
	tests/editors/emacs ./civlint
	tests/editors/vscode ./civlint
	tests/editors/color-auto ./civlint
	$(MAKE) --no-print-directory check-hardening
	$(TEST_BIN)

# The architecture as a test: no part uses a part ARCHITECTURE.md forbids,
# by #include lines and by the symbols the objects call; no cycle.
deps-check: civlint
	tests/deps-check --self-test
	tests/deps-check --objects $(BUILD)

# main.c <= 250 lines, every .c <= 700, every function <= 120.
size-check:
	tests/size-check

# Every output format through a parser, the SARIF validator and Chromium.
check-formats: all
	tests/formats/run ./civlint

check-unit: test-deps all $(TEST_BIN)
	$(TEST_BIN)

check-golden: all
	tests/golden/run ./civlint

golden-update: all
	tests/golden/run --update ./civlint

# Address and undefined-behaviour sanitizers over every test.
check-asan: test-deps
	$(MAKE) BUILD=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  CXXFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" civlint-asan

# the full teardown at exit, so leak detection covers it (main.c, free_at_exit)
civlint-asan: export CIVLINT_FREE_AT_EXIT = 1
civlint-asan: $(LIB_OBJ) $(MAIN_OBJ) $(TEST_BIN) wordindex
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $(BUILD)/civlint $(LIB_OBJ) $(MAIN_OBJ) $(LIB_LIBS)
	cp -r rules $(BUILD)/ 2>/dev/null || true
	cp -r dictionaries $(BUILD)/ 2>/dev/null || true
	CK_FORK=no ASAN_OPTIONS=detect_leaks=1 tests/golden/run $(BUILD)/civlint
	CK_FORK=no ASAN_OPTIONS=detect_leaks=1 tests/spec-corpus $(BUILD)/civlint
	ASAN_OPTIONS=detect_leaks=1 tests/parallel-order $(BUILD)/civlint
	ASAN_OPTIONS=detect_leaks=1 tests/gating-cli $(BUILD)/civlint
	CK_FORK=no ASAN_OPTIONS=detect_leaks=1 tests/formats/run $(BUILD)/civlint
	ASAN_OPTIONS=detect_leaks=1 tests/spell-accuracy $(BUILD)/civlint
	ASAN_OPTIONS=detect_leaks=1 tests/spell-vocabulary $(BUILD)/civlint
	ASAN_OPTIONS=detect_leaks=1 tests/lsp/run $(BUILD)/civlint
	ASAN_OPTIONS=detect_leaks=1 $(MAKE) --no-print-directory BUILD=$(BUILD) check-hardening CIVLINT=$(BUILD)/civlint
	CK_FORK=no $(TEST_BIN)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rules $(DESTDIR)$(DATADIR)/dictionaries $(DESTDIR)$(MANDIR)/man1
	install -m 755 civlint $(DESTDIR)$(BINDIR)/civlint
	install -m 644 rules/*.yml $(DESTDIR)$(DATADIR)/rules/
	install -m 644 dictionaries/*.dic $(DESTDIR)$(DATADIR)/dictionaries/
	$(if $(WORDINDEX),install -m 644 $(WORDINDEX) $(DESTDIR)$(DATADIR)/dictionaries/)
	$(if $(KNOWNINDEX),install -m 644 $(KNOWNINDEX) $(DESTDIR)$(DATADIR)/dictionaries/)
	install -m 644 civlint.1 $(DESTDIR)$(MANDIR)/man1/civlint.1
	install -d $(DESTDIR)$(VIMDIR)/compiler
	install -m 644 docs/editors/vim/compiler/civlint.vim $(DESTDIR)$(VIMDIR)/compiler/civlint.vim

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/civlint $(DESTDIR)$(MANDIR)/man1/civlint.1 $(DESTDIR)$(VIMDIR)/compiler/civlint.vim
	rm -rf $(DESTDIR)$(DATADIR)

package-deps:
	@ok=yes; for t in dpkg-buildpackage dh lintian fakeroot pre-commit yamllint git; do \
	   command -v $$t >/dev/null || ok=no; done; \
	 python3 -c 'import yaml' 2>/dev/null || ok=no; \
	 if [ $$ok = no ]; then \
	  if [ "$$(id -u)" = 0 ]; then ci/install-deps --package; \
	  else echo "civlint: make check-package needs: sudo ci/install-deps --package" >&2; exit 1; fi; \
	fi

# The release tarball civlint-VERSION.tar.gz, unpacking to civlint-VERSION/:
# every file git tracks, as it is in the working tree (`git stash create`
# snapshots uncommitted edits without touching the tree or the stash), plus
# COMMIT, the commit --version reports when built without .git. Needs a git
# checkout; file times are the commit's, so the same tree gives the same
# tarball.
DIST := civlint-$(VERSION)
dist:
	@[ -e .git ] || { echo "make dist: needs a git checkout of civlint" >&2; exit 1; }
	@mkdir -p $(BUILD)/dist
	@tree=$$(git stash create) ; c=$$(git rev-parse --short=12 HEAD); \
	 if [ -n "$$tree" ]; then c="$$c-dirty"; else tree=HEAD; fi; \
	 echo "$$c" > $(BUILD)/dist/COMMIT; \
	 git archive --format=tar --prefix=$(DIST)/ --add-file=$(BUILD)/dist/COMMIT "$$tree" | gzip -n -9 > $(DIST).tar.gz.tmp
	@mv $(DIST).tar.gz.tmp $(DIST).tar.gz
	@echo "make dist: wrote $(DIST).tar.gz (commit $$(cat $(BUILD)/dist/COMMIT))"

# The tarball unpacked in a temporary folder, built with the runtime
# libraries only (a pkg-config that cannot find Check, no apt-get),
# installed under a temporary PREFIX and run from there.
distcheck: dist
	tests/dist-build $(DIST).tar.gz

# Everything about shipping civlint (.ci/run runs it; needs
# ci/install-deps --package): the tarball, the Debian package (built,
# linted, its contents and its binary run from the unpacked tree, and
# installed with apt-get when CIVLINT_TEST_INSTALL=1 and root), the
# pre-commit hook in a throwaway repository, the CI YAML files and the
# action's shell. About 2 minutes on 2 cores (three builds of civlint).
check-package: package-deps all distcheck
	tests/ci-yaml
	tests/action-run ./civlint
	tests/deb-package $(DIST).tar.gz
	tests/pre-commit-hook $(DIST).tar.gz

clean:
	rm -rf build build-asan build-fuzz build-fuzz-fast build-fuzz-long civlint bench/floor civlint-*.tar.gz dictionaries/*.wordindex dictionaries/*.knownindex

# Precision on real posts nobody here wrote (never part of check: the corpus
# lives beside the project, in ../shared). Findings per 1,000 words per source
# and rule, the most frequent flagged texts, and, with JUDGMENTS=FILE (a TSV of
# hand-judged findings), how the judged ones fare.
REALPOSTS ?= ../shared/corpora/real-posts
REPORT ?= ../shared/bench/real-posts-report
JUDGMENTS ?=
# REALWORLD_ARGS: extra civlint arguments, e.g. --config FILE with the site
# settings the corpus copies dropped (each source's generator).
REALWORLD_ARGS ?=
realworld: civlint
	@[ -d "$(REALPOSTS)" ] && [ -x "$(REPORT)" ] || \
	  { echo "realworld: needs the corpus $(REALPOSTS) and $(REPORT) (set REALPOSTS=, REPORT=)" >&2; exit 1; }
	$(REPORT) ./civlint $(REALPOSTS) $(if $(JUDGMENTS),--judgments $(JUDGMENTS)) $(if $(REALWORLD_ARGS),-- $(REALWORLD_ARGS))

# Benchmark (never part of check): civlint against the floors and peers,
# on a generated corpus of N posts (default 1000); see bench/run.
bench: all bench/floor
	@if ! dpkg -s fortunes codespell hunspell time >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then ci/install-deps --bench; \
	  else echo "bench: missing packages; run: sudo ci/install-deps --bench" >&2; exit 1; fi; \
	fi
	@[ -x bench/node_modules/.bin/cspell ] && [ -x bench/node_modules/.bin/markdownlint-cli2 ] || \
	  echo "bench: to compare with the peers, run: npm install --prefix bench cspell@9 markdownlint-cli2" >&2
	bench/run --posts $(or $(N),1000)
	bench/lsp-latency ./civlint

# Wall times of one post with 10k...80k of each construct (never part of
# check; tests/scaling/run is the test, counting work).
bench-scaling: civlint
	tests/scaling/bench ./civlint

bench/floor: bench/floor.c
	$(CC) -std=c11 $(WARN) $(CFLAGS) $(CPPFLAGS) $(LIB_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_LIBS)

help:
	@echo "targets: all check deps-check size-check realworld check-asan check-valgrind fuzz fuzz-long lint-posts install uninstall dist distcheck check-package clean golden-update bench bench-scaling"

include tests/hardening.mk

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
