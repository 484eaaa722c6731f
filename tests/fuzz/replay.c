/*
 * replay.c - the main() of a harness outside libFuzzer
 *
 *   fuzz-replay-TARGET FILE...
 *
 * feeds each file through LLVMFuzzerTestOneInput() once, as libFuzzer
 * does when given files instead of a corpus directory.  A crash or a
 * failed property aborts (and under ASan+UBSan reports); a clean run
 * prints one line per file and exits 0.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int
main(int argc, char **argv)
{
	int i;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		unsigned char *buf = NULL;
		size_t len = 0, cap = 0, n;

		if (!fp) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			return 66;
		}
		for (;;) {
			if (len == cap) {
				unsigned char *b = realloc(buf, cap = cap ? cap * 2 : 4096);

				if (!b) {
					fprintf(stderr, "out of memory\n");
					return 71;
				}
				buf = b;
			}
			n = fread(buf + len, 1, cap - len, fp);
			if (n == 0)
				break;
			len += n;
		}
		if (ferror(fp)) {
			fprintf(stderr, "%s: read error\n", argv[i]);
			return 74;
		}
		fclose(fp);
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
		printf("ok %s\n", argv[i]);
	}
	return 0;
}
