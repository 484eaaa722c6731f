# pm-tools - the customer-service desk of a residential estate
#
#   make            build the binaries into $(O)/bin
#   make check      install missing build and test tools (as root), build,
#                   run every test, build again with ASan+UBSan and run
#                   every test there too; ends "N passed, N failed"
#   make demo       build, create a demo estate, print a monthly report
#   make install    PREFIX, DESTDIR, BINDIR, MANDIR, ... honoured
#   make lint       mandoc -Tlint on man/, shellcheck on the scripts
#   make bench      benchmarks against the sqlite3 shell (see bench/)
#   make fuzz       libFuzzer harnesses (clang), FUZZ_SECONDS each (see tests/fuzz/README)
#   make deps       install the Debian packages the build and tests need

VERSION = 0.1.0

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
LOCALEDIR ?= $(DATADIR)/locale
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
# Debian's zsh has vendor-completions in its fpath, not site-functions
ZSHCOMPDIR ?= $(DATADIR)/zsh/vendor-completions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d

O ?= build
CC ?= cc
PKG_CONFIG ?= pkg-config
SQLITE_CFLAGS ?= $(shell $(PKG_CONFIG) --cflags sqlite3 2>/dev/null)
SQLITE_LIBS ?= $(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null || echo -lsqlite3)
CSV_LIBS ?= -lcsv
XLSX_LIBS ?= $(shell $(PKG_CONFIG) --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter)
CMOCKA_LIBS ?= $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

CFLAGS ?= -O2 -g
# the warnings stay whatever CFLAGS the user gives
override CFLAGS += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wformat=2 \
	-Wno-format-nonliteral -Wvla -MMD -MP -Ilib -Icmd $(SQLITE_CFLAGS) \
	-DPM_VERSION='"$(VERSION)"' -DPM_BUG_ADDRESS='"https://pm-tools.invalid/issues"' \
	-DPM_LOCALEDIR='"$(LOCALEDIR)"'
UNISTRING_LIBS ?= -lunistring
LDLIBS += $(SQLITE_LIBS) $(CSV_LIBS) $(XLSX_LIBS) $(UNISTRING_LIBS)

# FUZZ=1: the libFuzzer build of tests/fuzz (clang; make fuzz does this)
ifeq ($(FUZZ),1)
SAN = 1
override CFLAGS += -fsanitize=fuzzer-no-link
endif

# SAN=1: AddressSanitizer (with LeakSanitizer) and UBSan, every finding fatal
ifeq ($(SAN),1)
override CFLAGS += -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
override LDFLAGS += -fsanitize=address,undefined
endif

LIB_SRC := $(sort $(wildcard lib/*/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(O)/%.o) $(O)/gen/schema.o
SCHEMA := $(sort $(wildcard lib/schema/*.sql))
COMMON_OBJ := $(patsubst %.c,$(O)/%.o,$(wildcard cmd/common/*.c))
BINS := $(notdir $(wildcard cmd/pm-*))
BIN_PATHS := $(BINS:%=$(O)/bin/%)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
TOOL_BINS := $(patsubst tests/tools/%.c,$(O)/tests/%,$(filter-out tests/tools/failmalloc.c tests/tools/fakefs.c,$(wildcard tests/tools/*.c)))
FUZZ_TARGETS ?= $(patsubst tests/fuzz/fuzz_%.c,%,$(filter-out tests/fuzz/fuzz_file.c,$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_REPLAY := $(FUZZ_TARGETS:%=$(O)/tests/fuzz-replay-%)
FUZZ_SECONDS ?= 600
FUZZ_JOBS ?= 2
# LIBCSV_SRC=path/to/libcsv.c compiles libcsv into the fuzz build, so that
# libFuzzer sees its branches too; without it the system library is linked
LIBCSV_SRC ?=
TEST_HELPERS := $(O)/tests/failmalloc.so $(O)/tests/fakefs.so
MANS := $(wildcard man/*.[1-8])
# translations: man/LANG/PAGE.N goes to $(MANDIR)/LANG/manN, where
# man -L LANG and LANG=... man look for it
L10N_MANS := $(wildcard man/*/*.[1-8])
PO := $(wildcard po/*.po)
MO := $(PO:po/%.po=$(O)/locale/%/LC_MESSAGES/pm-tools.mo)
SCRIPTS := tools/*.sh tests/run.sh tests/cli/*.sh tests/cli/*.t .ci/run \
	$(wildcard examples/*.sh bench/*.sh tests/fuzz/*.sh)

all: $(BIN_PATHS) $(MO)

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/gen/schema.c: tools/sql2c.sh $(SCHEMA)
	@mkdir -p $(@D)
	sh tools/sql2c.sh $(SCHEMA) > $@.tmp && mv $@.tmp $@

$(O)/gen/schema.o: $(O)/gen/schema.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/libpm.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

define bin_rule
$(O)/bin/$(1): $(patsubst %.c,$(O)/%.o,$(wildcard cmd/$(1)/*.c)) $(COMMON_OBJ) $(O)/libpm.a
	@mkdir -p $$(@D)
	$$(CC) $$(LDFLAGS) -o $$@ $$^ $$(LDLIBS)
endef
$(foreach b,$(BINS),$(eval $(call bin_rule,$(b))))

$(O)/tests/%: tests/unit/%.c $(O)/libpm.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(O)/libpm.a $(LDLIBS) $(CMOCKA_LIBS)

$(O)/tests/csvdump: tests/tools/csvdump.c $(O)/libpm.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(O)/libpm.a $(LDLIBS)

# the fuzz harnesses outside libFuzzer: replay.c feeds them files
$(O)/tests/fuzz-replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz_file.c $(O)/libpm.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests/fuzz $(LDFLAGS) -o $@ $< tests/fuzz/replay.c tests/fuzz/fuzz_file.c \
		$(O)/libpm.a $(LDLIBS)

# and inside it (FUZZ=1 only)
$(O)/fuzz/fuzz-%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_file.c $(O)/libpm.a $(if $(LIBCSV_SRC),$(O)/fuzz/libcsv.o)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests/fuzz -fsanitize=fuzzer $(LDFLAGS) -o $@ $< tests/fuzz/fuzz_file.c \
		$(O)/libpm.a $(if $(LIBCSV_SRC),$(O)/fuzz/libcsv.o $(SQLITE_LIBS) $(XLSX_LIBS) $(UNISTRING_LIBS),$(LDLIBS))

# the Debian header declares csv_error() and friends without const
$(O)/fuzz/libcsv.o: $(LIBCSV_SRC)
	@mkdir -p $(@D)
	sed -e 's/const struct csv_parser \*p/struct csv_parser *p/' -e 's/^const char \*$$/char */' $< > $(O)/fuzz/libcsv.c
	$(CC) -O1 -g -fsanitize=fuzzer-no-link,address,undefined -include assert.h -include stdlib.h \
		-include stdio.h -Wno-incompatible-pointer-types-discards-qualifiers -c -o $@ $(O)/fuzz/libcsv.c

fuzz-build: $(FUZZ_TARGETS:%=$(O)/fuzz/fuzz-%)

# a failing malloc for the fault tests (LD_PRELOAD), never in a binary
$(O)/tests/failmalloc.so: tests/tools/failmalloc.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Werror -fPIC -shared -o $@ $< -ldl

# statfs() that reports a network file system (LD_PRELOAD), never in a binary
$(O)/tests/fakefs.so: tests/tools/fakefs.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Werror -fPIC -shared -o $@ $< -ldl

$(O)/locale/%/LC_MESSAGES/pm-tools.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

tests: all $(UNIT_BINS) $(TOOL_BINS) $(FUZZ_REPLAY) $(TEST_HELPERS)

deps:
	@sh tools/deps.sh

# Every test twice: the normal build, then ASan+UBSan.  The last line is
# the total, "N passed, N failed"; the exit status says whether all passed.
check:
	@sh tools/deps.sh
	@$(MAKE) --no-print-directory tests
	@$(MAKE) --no-print-directory O=$(O)/san SAN=1 tests
	@sh tests/run.sh $(O) $(O)/san

# Only the normal build, for a quick run while working.
check-quick: tests
	@sh tests/run.sh $(O)

demo:
	@sh tools/deps.sh build
	@$(MAKE) --no-print-directory all
	@sh tools/demo.sh $(O)

bench: all
	@sh bench/run.sh $(O)

# The stress and crash tests STRESS_ROUNDS times in a row (default 20);
# never part of check.
STRESS_ROUNDS ?= 20
stress: all
	@sh tools/stress.sh $(O) $(STRESS_ROUNDS)

# Shell completions are generated from the binaries themselves (their
# hidden __complete verb); a test fails when these files are stale.
completions: all
	python3 tools/gencomp.py $(O)/bin completions

# Each harness of tests/fuzz for FUZZ_SECONDS, FUZZ_JOBS at a time; never
# part of check.  Findings land in $(O)/fuzz/artifacts/TARGET/.
fuzz:
	@$(MAKE) --no-print-directory O=$(O)/fuzz-build CC=clang FUZZ=1 \
		LIBCSV_SRC=$(LIBCSV_SRC) fuzz-build
	@sh tests/fuzz/run.sh $(O)/fuzz-build/fuzz $(FUZZ_SECONDS) $(FUZZ_JOBS) $(FUZZ_TARGETS)

lint:
	mandoc -Tlint -Wwarning $(MANS) $(L10N_MANS)
	shellcheck -x -s sh $(filter-out completions/%,$(SCRIPTS))

# POT=elsewhere writes the template there (tests/cli/0013-po-complete.t)
POT ?= po/pm-tools.pot
pot: $(POT)
$(POT): $(LIB_SRC) $(wildcard cmd/*/*.c cmd/*/*.h lib/*/*.h)
	xgettext --from-code=UTF-8 -k_ -kN_ -o $@ --package-name=pm-tools \
		--package-version=$(VERSION) $(sort $^)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	install -m 755 $(BIN_PATHS) $(DESTDIR)$(BINDIR)/
	for m in $(MANS); do \
		s=$${m##*.}; install -d $(DESTDIR)$(MANDIR)/man$$s; \
		install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s/; done
	for m in $(L10N_MANS); do \
		l=$${m#man/}; l=$${l%%/*}; s=$${m##*.}; \
		install -d $(DESTDIR)$(MANDIR)/$$l/man$$s; \
		install -m 644 $$m $(DESTDIR)$(MANDIR)/$$l/man$$s/; done
	for l in $(PO:po/%.po=%); do \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		install -m 644 $(O)/locale/$$l/LC_MESSAGES/pm-tools.mo \
			$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/; done
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	for b in $(BINS); do \
		install -m 644 completions/bash/pm $(DESTDIR)$(BASHCOMPDIR)/$$b; done
	install -m 644 completions/zsh/_pm $(DESTDIR)$(ZSHCOMPDIR)/_pm
	for b in $(BINS); do \
		install -m 644 completions/fish/pm.fish $(DESTDIR)$(FISHCOMPDIR)/$$b.fish; done

uninstall:
	for b in $(BINS); do \
		rm -f $(DESTDIR)$(BINDIR)/$$b $(DESTDIR)$(BASHCOMPDIR)/$$b \
			$(DESTDIR)$(FISHCOMPDIR)/$$b.fish; done
	for m in $(MANS); do s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done
	for m in $(L10N_MANS); do l=$${m#man/}; l=$${l%%/*}; s=$${m##*.}; \
		rm -f $(DESTDIR)$(MANDIR)/$$l/man$$s/$${m##*/}; done
	for l in $(PO:po/%.po=%); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/pm-tools.mo; done
	rm -f $(DESTDIR)$(ZSHCOMPDIR)/_pm

clean:
	rm -rf $(O)

.PHONY: all tests deps check check-quick demo bench stress fuzz fuzz-build lint pot install uninstall clean completions
.DELETE_ON_ERROR:

-include $(shell find $(O) -name '*.d' 2>/dev/null)
