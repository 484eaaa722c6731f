/* import.c - pm-owner import: bulk import of an owner roll */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "owner.h"
#include "core/keys.h"
#include "core/outfile.h"
#include "owner/roll.h"

enum { OPT_DRY_RUN = 0x100, OPT_ENCODING, OPT_SKIP_BAD, OPT_ERRORS, OPT_MAP, OPT_TSV };
enum { OPT_QUIET = 'q' };

static const struct argp_option options[] = {
	{"dry-run", OPT_DRY_RUN, NULL, 0, N_("check every row and report what would change; write nothing"), 0},
	{"encoding", OPT_ENCODING, N_("ENC"), 0, N_("the file's encoding: utf-8, gbk, gb18030, utf-16 (default: detect)"), 0},
	{"skip-bad", OPT_SKIP_BAD, NULL, 0, N_("import the good rows even when some are refused (exit 65 all the same)"), 0},
	{"errors", OPT_ERRORS, N_("FILE"), 0, N_("write the refused rows, with line and reason, as CSV for Excel"), 0},
	{"map", OPT_MAP, N_("HEADER=FIELD"), 0, N_("read the column HEADER as FIELD (or 'ignore' it); repeatable"), 0},
	{"tsv", OPT_TSV, NULL, 0, N_("the file is tab-separated (detected from the header otherwise)"), 0},
	{"quiet", OPT_QUIET, NULL, 0, N_("no summary and no progress, for cron: only what is wrong"), 0},
	{NULL, 0, NULL, 0, NULL, 0},
};

struct args {
	struct pm_roll_opts o;
	struct pm_strv maps;
	const char *errors;
	int quiet;
};


static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct args *a = state->input;

	switch (key) {
	case OPT_DRY_RUN: a->o.dry_run = 1; break;
	case OPT_ENCODING: a->o.encoding = arg; break;
	case OPT_SKIP_BAD: a->o.skip_bad = 1; break;
	case OPT_ERRORS: a->errors = arg; break;
	case OPT_TSV: a->o.delim = '\t'; break;
	case OPT_QUIET: a->quiet = 1; break;
	case OPT_MAP:
		if (!strchr(arg, '='))
			argp_error(state, _("--map '%s': write it as 'header=field'"), arg);
		if (pm_strv_add(&a->maps, arg, strlen(arg)) < 0)
			argp_failure(state, PM_EXIT_OSERR, ENOMEM, "--map");
		break;
	case ARGP_KEY_ARG:
		if (a->o.path)
			argp_error(state, _("one roll at a time"));
		a->o.path = arg;
		break;
	case ARGP_KEY_END:
		if (!a->o.path)
			argp_error(state, _("which roll? give a FILE, or - for standard input"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

/* Rows, rate and time on a terminal's stderr, from the 4096th row and
 * then at most twice a second, so that a long import is not a blank
 * screen; cleared for the summary; never in a pipe or a log. */
struct progress {
	const char *name;
	struct timespec start, last;
	int shown;
};

static double
since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void
show_progress(void *ctx, long rows)
{
	struct progress *p = ctx;
	struct timespec now;
	double t;

	/* the first report at once (4096 rows in), then twice a second */
	if (clock_gettime(CLOCK_MONOTONIC, &now) != 0 || (p->shown && since(&p->last, &now) < 0.5))
		return;
	p->last = now;
	t = since(&p->start, &now);
	fprintf(stderr, _("\r%s: %ld rows, %.0f rows/s, %.0f s"), p->name, rows,
	    t > 0 ? (double)rows / t : 0.0, t);
	p->shown = 1;
}

/* The --errors file: the refused rows as the clerk wrote them, with the
 * line and every reason in front, written beside the target and renamed
 * into place at the end. */
struct report {
	FILE *fp;                 /* file.fp while the file is open */
	struct pm_outfile file;
	struct pm_outfile_guard guard;
	char *db_path;            /* the guard's: the database is closed before the file */
	long line;                /* the row being collected */
	struct pm_buf reasons;
	struct pm_strv cells;
	int header_done;
	int failed;
	struct progress *prog;    /* a progress line to clear before a message */
};

static void
csv_cell(FILE *fp, const char *s, int first)
{
	if (!first)
		fputc(',', fp);
	/* the file is for Excel: guard cells it would run as formulas */
	if (*s && strchr("=+-@\t\r", *s)) {
		fputs("\"'", fp);
	} else if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, fp);
		return;
	} else {
		fputc('"', fp);
	}
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

static void
flush_row(struct report *r)
{
	size_t i;

	if (!r->fp || !r->line)
		return;
	fprintf(r->fp, "%ld", r->line);
	csv_cell(r->fp, pm_buf_str(&r->reasons), 0);
	for (i = 0; i < r->cells.n; i++)
		csv_cell(r->fp, r->cells.v[i], 0);
	fputs("\r\n", r->fp);
	r->line = 0;
	pm_buf_reset(&r->reasons);
	pm_strv_free(&r->cells);
}

static int
on_problem(void *ctx, const struct pm_roll_problem *p)
{
	struct report *r = ctx;
	size_t i;

	if (r->prog && r->prog->shown) {
		fputs("\r\033[K", stderr);
		r->prog->shown = 0;
	}
	if (p->warning)
		pm_cli_warn(_("%s:%ld: %s: warning: %s"), p->file, p->line, p->column, p->reason);
	else if (p->column)
		pm_cli_warn("%s:%ld: %s: %s", p->file, p->line, p->column, p->reason);
	else
		pm_cli_warn("%s:%ld: %s", p->file, p->line, p->reason);
	if (!r->fp || p->warning || !p->row)
		return 0;
	if (!r->header_done) {
		fputs("\xEF\xBB\xBFline,reason", r->fp);
		for (i = 0; i < p->header->names.n; i++)
			csv_cell(r->fp, p->header->names.v[i], 0);
		fputs("\r\n", r->fp);
		r->header_done = 1;
	}
	if (r->line != p->line) {
		flush_row(r);
		r->line = p->line;
		for (i = 0; i < p->row->n; i++)
			if (pm_strv_add(&r->cells, p->row->f[i].s, p->row->f[i].len) < 0)
				return -1;
	}
	if (r->reasons.len)
		pm_buf_adds(&r->reasons, "; ");
	if (p->column)
		pm_buf_addf(&r->reasons, "%s: ", p->column);
	pm_buf_adds(&r->reasons, p->reason);
	return 0;
}

static int
open_errors(struct report *r, const char *path, const struct pm_db *db, const char *input)
{
	struct pm_err err = {0};

	if (!(r->db_path = strdup(pm_db_name(db))))
		return PM_EXIT_OSERR;
	r->guard.option = "--errors";
	r->guard.db = r->db_path;
	r->guard.input = input;
	if (pm_outfile_open(&r->file, path, &r->guard, 0, &err) < 0)
		return pm_cli_fail(&err);
	r->fp = r->file.fp;
	return 0;
}

/* Finish the --errors file: renamed into place, or removed when the
 * roll had nothing to refuse.  0 or an exit status. */
static int
close_errors(struct report *r, long rejected)
{
	struct pm_err err = {0};
	int rc = 0;

	if (r->fp) {
		flush_row(r);
		if (!rejected)
			pm_outfile_abort(&r->file);
		else if (pm_outfile_commit(&r->file, &r->guard, &err) < 0)
			rc = pm_cli_fail(&err);
	}
	free(r->db_path);
	pm_buf_free(&r->reasons);
	pm_strv_free(&r->cells);
	return rc;
}

int
owner_import(int argc, char **argv)
{
	static const struct argp argp = {options, parse, N_("FILE|-"),
	    N_("Import an owner roll as Excel and developers hand it over.  Every refused row "
	       "is reported as FILE:LINE: column: reason; nothing is written unless every row "
	       "is good (or --skip-bad).  Importing again updates in place."),
	    pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct args a = {0};
	struct report rep = {0};
	struct pm_roll_stats st;
	struct progress prog = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc, erc;

	pm_cli_parse(&argp, argc, argv, &a);
	a.o.maps = &a.maps;
	if (!a.quiet && isatty(STDERR_FILENO) && clock_gettime(CLOCK_MONOTONIC, &prog.start) == 0) {
		prog.name = a.o.path;
		prog.last = prog.start;
		a.o.progress = show_progress;
		a.o.progress_ctx = &prog;
		rep.prog = &prog;
	}
	if ((rc = pm_cli_open(&db))) {
		pm_strv_free(&a.maps);
		return rc;
	}
	if (a.errors && (rc = open_errors(&rep, a.errors, db, a.o.path))) {
		free(rep.db_path);
		pm_db_close(db);
		pm_strv_free(&a.maps);
		return rc;
	}
	rc = pm_roll_import(db, &a.o, &st, on_problem, &rep, &err);
	if (prog.shown)
		fputs("\r\033[K", stderr);  /* the summary takes its place */
	pm_db_close(db);
	pm_strv_free(&a.maps);
	erc = close_errors(&rep, rc > 0 ? st.rejected : 0);
	if (rc < 0)
		return pm_cli_fail(&err);
	pm_cli.saved = !a.o.dry_run && (rc == 0 || a.o.skip_bad);
	if (a.quiet && rc == 0)
		return erc;
	printf(_("%s: %ld rows"), a.o.path, st.rows);
	if (st.blank)
		printf(_(", %ld blank rows skipped"), st.blank);
	printf("\n");
	printf(_("units: %ld added, %ld updated, %ld unchanged\n"), st.units_added,
	    st.units_updated, st.units_unchanged);
	printf(_("people: %ld added, %ld updated, %ld unchanged\n"), st.people_added,
	    st.people_updated, st.people_unchanged);
	printf(_("rejected: %ld\n"), st.rejected);
	if (a.o.dry_run)
		printf("%s\n", _("dry run: nothing was written"));
	else if (st.rejected && !a.o.skip_bad)
		printf("%s\n", _("nothing was written: correct the rows above, or give --skip-bad"));
	if (erc)
		return erc;
	return rc > 0 ? PM_EXIT_DATA : 0;
}
