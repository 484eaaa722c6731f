/*
 * fuzz.h - what every harness in tests/fuzz shares
 *
 * A harness is a libFuzzer entry point, LLVMFuzzerTestOneInput(), plus
 * checks of the properties that must hold for any input: a violated
 * property is a crash (abort), exactly like an ASan finding.  The same
 * file is built two ways: by `make fuzz` with clang and libFuzzer, and by
 * every build of `make tests` with replay.c as its main(), which feeds
 * the files under tests/fuzz/regressions/ and the seed corpus through the
 * same function (tests/cli/0890-fuzz-regressions.t).
 */
#ifndef PM_FUZZ_H
#define PM_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A property that must hold: abort with the file and line when it does not. */
#define FUZZ_CHECK(cond)                                                          \
	do {                                                                      \
		if (!(cond)) {                                                    \
			fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, \
			    __LINE__, #cond);                                     \
			abort();                                                  \
		}                                                                 \
	} while (0)

/* The input as a file: a memfd opened by its /proc path (no disk I/O).
 * Writes the path into path (at least 64 bytes); returns the fd to close,
 * or -1 (then the harness skips the input). */
int fuzz_file(const uint8_t *data, size_t size, char *path);

#endif
