/*
 * csvdump - read a CSV with pm_csvin and print its rows as JSON
 *
 *   csvdump [-e ENCODING] [-d DELIM] [-k] [-l] [-r] [-v] [-m] FILE
 *
 * By default the first row is the header and every later row becomes an
 * object keyed by it, all values strings: the shape of the csv-spectrum
 * expected files.  A row with fewer fields than the header has fewer
 * keys; fields past the header are keyed "_4", "_5" (by position, from 1).
 *
 *   -e ENC   the encoding option (gbk, utf-16, ...); default: detect
 *   -d C     the delimiter (',' ';' 't' for tab); default: detect
 *   -k       keep all-blank rows
 *   -l       add "_line": the physical line each row starts on
 *   -r       raw: every row (the header too) as an array of strings
 *   -v       on stderr: "encoding=E delim=D blank=N rows=N" at the end
 *   -m       on stderr: "maxrss=KB" at the end, even after an error
 *
 * On an error: "csvdump: message" on stderr, exit status the pm_err code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/csvin.h"

static void
json_str(const char *s, size_t n)
{
	size_t i;

	putchar('"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '\r')
			fputs("\\r", stdout);
		else if (c == '\t')
			fputs("\\t", stdout);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void
report_rss(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) == 0)
		fprintf(stderr, "maxrss=%ld\n", ru.ru_maxrss);
}

int
main(int argc, char **argv)
{
	struct pm_csvin_opts o = {NULL, 0, 0};
	struct pm_err err = {0, NULL};
	struct pm_csvin *in;
	struct pm_row *row;
	struct pm_field *hdr = NULL;
	char *hbuf = NULL;
	size_t nhdr = 0, i;
	long nrows = 0;
	int c, lines = 0, raw = 0, verbose = 0, rss = 0, rc, first = 1;

	while ((c = getopt(argc, argv, "e:d:klrvm")) != -1) {
		switch (c) {
		case 'e': o.encoding = optarg; break;
		case 'd': o.delim = optarg[0] == 't' ? '\t' : optarg[0]; break;
		case 'k': o.keep_blank = 1; break;
		case 'l': lines = 1; break;
		case 'r': raw = 1; break;
		case 'v': verbose = 1; break;
		case 'm': rss = 1; break;
		default:
			fprintf(stderr, "usage: csvdump [-e ENC] [-d C] [-klrvm] FILE\n");
			return 64;
		}
	}
	if (optind + 1 != argc) {
		fprintf(stderr, "usage: csvdump [-e ENC] [-d C] [-klrvm] FILE\n");
		return 64;
	}
	in = pm_csvin_open(argv[optind], &o, &err);
	if (!in) {
		fprintf(stderr, "csvdump: %s\n", pm_err_msg(&err));
		rc = err.code;
		pm_err_clear(&err);
		if (rss)
			report_rss();
		return rc;
	}
	putchar('[');
	while ((rc = pm_csvin_read(in, &row, &err)) > 0) {
		if (!raw && !hdr) {
			/* keep the header: the row's fields die at the next read */
			size_t total = 0, off = 0;

			for (i = 0; i < row->n; i++)
				total += row->f[i].len;
			hdr = calloc(row->n ? row->n : 1, sizeof *hdr);
			hbuf = malloc(total ? total : 1);
			if (!hdr || !hbuf) {
				fprintf(stderr, "csvdump: out of memory\n");
				rc = -1;
				err.code = 71;
				break;
			}
			for (i = 0; i < row->n; i++) {
				memcpy(hbuf + off, row->f[i].s, row->f[i].len);
				hdr[i].s = hbuf + off;
				hdr[i].len = row->f[i].len;
				off += row->f[i].len;
			}
			nhdr = row->n;
			continue;
		}
		nrows++;
		fputs(first ? "\n  " : ",\n  ", stdout);
		first = 0;
		putchar(raw ? '[' : '{');
		if (lines) {
			if (raw)
				printf("\"%ld\"", row->line);
			else
				printf("\"_line\": \"%ld\"", row->line);
		}
		for (i = 0; i < row->n; i++) {
			if (i || lines)
				fputs(", ", stdout);
			if (!raw) {
				if (i < nhdr) {
					json_str(hdr[i].s, hdr[i].len);
				} else {
					char key[32];

					snprintf(key, sizeof key, "_%zu", i + 1);
					json_str(key, strlen(key));
				}
				fputs(": ", stdout);
			}
			json_str(row->f[i].s, row->f[i].len);
		}
		putchar(raw ? ']' : '}');
	}
	fputs(first ? "]\n" : "\n]\n", stdout);
	if (verbose)
		fprintf(stderr, "encoding=%s delim=%s blank=%ld rows=%ld\n",
		    pm_csvin_encoding(in),
		    pm_csvin_delim(in) == '\t' ? "tab" : (char[]){(char)pm_csvin_delim(in), 0},
		    pm_csvin_blank_rows(in), nrows);
	pm_csvin_close(in);
	free(hdr);
	free(hbuf);
	if (rss)
		report_rss();
	if (rc < 0) {
		if (err.msg)
			fprintf(stderr, "csvdump: %s\n", pm_err_msg(&err));
		rc = err.code ? err.code : 70;
		pm_err_clear(&err);
		return rc;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "csvdump: write error\n");
		return 74;
	}
	return 0;
}
