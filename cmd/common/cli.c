/* cli.c - verb dispatch, common options and reporting for every binary */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "complete.h"
#include "core/audit.h"
#include "core/buf.h"
#include "core/settings.h"
#include "core/validate.h"
#include "admin/staff.h"
#include "fee/deposit.h"
#include "fee/fee.h"
#include "reno/reno.h"
#include "owner/moves.h"
#include "owner/registers.h"
#include "owner/ties.h"
#include "owner/unit.h"
#include "survey/survey.h"
#include "ticket/ticket.h"
#include "core/i18n.h"

struct pm_cli pm_cli;

enum {
	OPT_NO_HEADER = 0x1000,
	OPT_EXCEL,
	OPT_REVEAL,
	OPT_DB,
};

static const struct argp_option common_options[] = {
	{"db", OPT_DB, N_("FILE"), 0, N_("the estate database (default: $PM_DB, else ~/.local/share/pm/pm.db)"), -1},
	{"format", 'o', N_("FORMAT"), 0, N_("output as csv, tsv, table, json, html or xlsx (default: table on a terminal, else csv)"), -1},
	{"no-header", OPT_NO_HEADER, NULL, 0, N_("leave out the header row"), -1},
	{"excel", OPT_EXCEL, NULL, 0, N_("csv for Excel: UTF-8 BOM, CRLF, formula cells guarded"), -1},
	{"reveal", OPT_REVEAL, NULL, 0, N_("show phone and ID numbers in full (recorded in the audit log)"), -1},
	{NULL, 0, NULL, 0, NULL, 0},
};

static error_t
common_parse(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case OPT_DB:
		if (!*arg)
			argp_error(state, _("--db needs a file name"));
		pm_cli.db_opt = arg;
		break;
	case 'o':
		if (pm_format_parse(arg, &pm_cli.out.format) < 0)
			argp_error(state, _("unknown format '%s' (csv, tsv, table, json, html, xlsx)"), arg);
		break;
	case OPT_NO_HEADER:
		pm_cli.out.no_header = 1;
		break;
	case OPT_EXCEL:
		pm_cli.out.excel = 1;
		break;
	case OPT_REVEAL:
		pm_cli.out.reveal = 1;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp common_argp = {common_options, common_parse, NULL, NULL, NULL, NULL, PM_TEXTDOMAIN};

const struct argp_child pm_cli_children[] = {
	{&common_argp, 0, N_("Common options:"), 1},
	{NULL, 0, NULL, 0},
};

void
pm_cli_warn(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", pm_cli.prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
pm_cli_fail(struct pm_err *err)
{
	int code = err->code ? err->code : PM_EXIT_SOFTWARE;

	pm_cli_warn("%s", pm_err_msg(err));
	pm_err_clear(err);
	return code;
}

static int
open_db(struct pm_db **db, int create)
{
	struct pm_err err = {0};
	struct stat st;
	char *path;
	int rc;

	if (pm_db_path(pm_cli.db_opt, &path, &err) < 0)
		return pm_cli_fail(&err);
	/* a mistyped --db must not become a new, empty estate: under cron
	 * "nothing overdue" from it reads as good news */
	if (!create && stat(path, &st) != 0 && errno == ENOENT) {
		pm_err_set(&err, PM_EXIT_NOINPUT,
		    _("no estate database at '%s' (create one with pm-admin init)"), path);
		free(path);
		return pm_cli_fail(&err);
	}
	rc = pm_db_open(path, 0, db, &err);
	free(path);
	if (rc < 0)
		return pm_cli_fail(&err);
	return 0;
}

int
pm_cli_open(struct pm_db **db)
{
	return open_db(db, 0);
}

int
pm_cli_create(struct pm_db **db)
{
	return open_db(db, 1);
}

int
pm_cli_audit_reveal(struct pm_db *db, const char *record, const char *what)
{
	struct pm_err err = {0};

	if (!pm_cli.out.reveal)
		return 0;
	if (pm_db_begin(db, &err) < 0 || pm_audit(db, record, what, &err) < 0 ||
	    pm_db_commit(db, &err) < 0) {
		pm_db_close(db);
		return pm_cli_fail(&err);
	}
	return 0;
}

int
pm_cli_begin(struct pm_db **db)
{
	struct pm_err err = {0};
	int rc;

	if ((rc = pm_cli_open(db)))
		return rc;
	if (pm_db_begin(*db, &err) < 0) {
		pm_db_close(*db);
		return pm_cli_fail(&err);
	}
	return 0;
}

int
pm_cli_end(struct pm_db *db, int failed, int dry, struct pm_err *err)
{
	if (!failed && dry) {
		pm_db_rollback(db);
		pm_db_close(db);
		return 0;
	}
	if (!failed && pm_db_commit(db, err) == 0) {
		pm_db_close(db);
		pm_cli.saved = 1;
		return 0;
	}
	pm_db_close(db);  /* rolls back */
	return pm_cli_fail(err);
}

int
pm_cli_write(int (*fn)(struct pm_db *db, void *arg, struct pm_err *err), void *arg)
{
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	if ((rc = pm_cli_begin(&db)))
		return rc;
	return pm_cli_end(db, fn(db, arg, &err) < 0, 0, &err);
}

struct pm_out *
pm_cli_out(void)
{
	struct pm_err err = {0};
	struct pm_out *out = pm_out_new(stdout, &pm_cli.out, &err);

	if (!out)
		pm_cli_fail(&err);
	return out;
}

struct pm_out *
pm_cli_out_titled(struct pm_db *db, const char *title)
{
	static char *estate;
	struct pm_err err = {0};

	if (!estate && pm_setting_get(db, "estate.name", &estate, &err) < 0)
		pm_err_clear(&err);
	pm_cli.out.title = title;
	pm_cli.out.estate = estate;
	return pm_cli_out();
}

int
pm_cli_finish(struct pm_out *out)
{
	struct pm_err err = {0};

	if (pm_out_finish(out, &err) < 0)
		return pm_cli_fail(&err);
	return 0;
}

void
pm_cli_parse(const struct argp *argp, int argc, char **argv, void *input)
{
	static char help[] = "--help";
	struct argp a = *argp;
	error_t e;
	int i;

	if (pm_cli.complete)
		pm_complete_parse(argp);
	/* argp translates args_doc, and the translation of "" is the
	 * catalogue's header: with a catalogue in use, no args_doc instead
	 * (the same usage line, less a trailing blank). */
	if (a.args_doc && !*a.args_doc && *_(a.args_doc))
		a.args_doc = NULL;
	/* -h is help wherever it comes, as before the verb (no verb has an
	 * -h of its own); after "--" it is an argument */
	for (i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "-h"))
			argv[i] = help;
	/* argp reports a usage error and exits by itself; what it returns
	 * is a failure of its own (ENOMEM), after which the verb's
	 * arguments were never parsed: stop here, never run the verb */
	e = argp_parse(&a, argc, argv, 0, NULL, input);
	if (e) {
		pm_cli_warn("%s", e == ENOMEM ? _("out of memory") : strerror(e));
		exit(e == ENOMEM ? PM_EXIT_OSERR : PM_EXIT_USAGE);
	}
	/* before the verb does anything: a workbook is not for a terminal */
	if (pm_cli.out.format == PM_FMT_XLSX && isatty(STDOUT_FILENO) && !pm_cli.complete) {
		pm_cli_warn("%s", _("-o xlsx writes a workbook, not text: redirect it to a file (> list.xlsx)"));
		exit(PM_EXIT_USAGE);
	}
}

int
pm_cli_open_quiet(struct pm_db **db)
{
	struct pm_err err = {0};
	struct stat st;
	char *path;
	int rc;

	if (pm_db_path(pm_cli.db_opt, &path, &err) < 0) {
		pm_err_clear(&err);
		return PM_EXIT_USAGE;
	}
	rc = stat(path, &st) == 0 ? pm_db_open(path, 0, db, &err) : -1;
	free(path);
	pm_err_clear(&err);
	return rc < 0 ? PM_EXIT_NOINPUT : 0;
}

long
pm_cli_long(struct argp_state *state, const char *opt, const char *arg, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (end == arg || *end || errno == ERANGE)
		argp_error(state, _("%s: '%s' is not a whole number"), opt, arg);
	else if (v < min || v > max)
		argp_error(state, _("%s: %ld is out of range (%ld to %ld)"), opt, v, min, max);
	return v;
}

struct pm_date
pm_cli_date(struct argp_state *state, const char *opt, const char *arg)
{
	struct pm_date d = {1970, 1, 1};
	enum pm_date_rc rc = pm_date_parse(arg, strlen(arg), &d);

	if (rc != PM_DATE_OK)
		argp_error(state, _("%s: '%s': %s"), opt, arg, pm_date_reason(rc));
	return d;
}

struct pm_period
pm_cli_period(struct argp_state *state, const char *opt, const char *arg, int kind)
{
	static const char *const forms[] = {
		"2026-11-30", "2026-W48", "2026-11", "2026Q4", "2026",
	};
	struct pm_period p = {0};
	int rc = kind < 0 ? pm_period_parse(arg, &p)
	    : pm_period_parse_kind(arg, (enum pm_period_kind)kind, &p);

	if (rc < 0) {
		if (kind < 0)
			argp_error(state, _("%s: '%s' is not a period (2026-11, 2026Q4, 2026-W48, 2026)"),
			    opt, arg);
		else
			argp_error(state, _("%s: '%s' is not a period like %s"), opt, arg, forms[kind]);
	}
	return p;
}

int64_t
pm_cli_span(struct argp_state *state, const char *opt, const char *arg)
{
	int64_t s = 0;

	if (pm_span_parse(arg, &s) < 0)
		argp_error(state, _("%s: '%s' is not a span like 30d, 24h or 2w"), opt, arg);
	return s;
}

static const struct pm_verb *
find_verb(const struct pm_verb *verbs, const char *name)
{
	for (; verbs->name; verbs++)
		if (!strcmp(verbs->name, name))
			return verbs;
	return NULL;
}

/* "Usage: prog VERB ..." and the verb list, to fp. */
static void
usage(FILE *fp, const char *prog, const struct pm_verb *verbs, const char *doc)
{
	const struct pm_verb *v;
	size_t w = 0;

	fprintf(fp, _("Usage: %s VERB [OPTION...] [ARG...]\n"), prog);
	if (doc)
		fprintf(fp, "%s\n", _(doc));
	fprintf(fp, "\n%s\n", _("Verbs:"));
	for (v = verbs; v->name; v++)
		if (v->summary && strlen(v->name) > w)
			w = strlen(v->name);
	for (v = verbs; v->name; v++)
		if (v->summary)
			fprintf(fp, "  %-*s  %s\n", (int)w, v->name, _(v->summary));
	fprintf(fp, _("\n'%s help VERB' or '%s VERB --help' describes a verb; man %s has it all.\n"),
	    prog, prog, pm_cli.prog);
}

static int
run_verb(const struct pm_verb *v, const char *prog, int argc, char **argv)
{
	char *name;
	int rc;

	if (asprintf(&name, "%s %s", prog, v->name) < 0) {
		pm_cli_warn("%s", _("out of memory"));
		return PM_EXIT_OSERR;
	}
	argv[0] = name;
	rc = v->run(argc, argv);
	free(name);
	return rc;
}

static int dispatch_top(int argc, char **argv, const struct pm_verb *verbs);

/* Dispatch argv[1..] among verbs.  argv[0] names the program so far. */
/*
 * Who is writing: the login, and the clerk PM_USER declares.  The
 * clerk is stored on every record and printed on receipts, so it is
 * held to the rule of a person's name (one line of valid UTF-8, no
 * control or bidi character, at most PM_NAME_MAX characters, trimmed):
 * a newline in it would forge a second line on a receipt.
 */
static int
set_actor(void)
{
	static struct pm_buf clerk = PM_BUF_INIT;
	const char *env = getenv("PM_USER"), *why;

	if (env && *env && (why = pm_name_normalize(env, strlen(env), &clerk))) {
		pm_cli_warn(_("PM_USER: %s: set it to your name as the staff register has it"), why);
		return PM_EXIT_USAGE;
	}
	pm_audit_actor(pm_cli.prog, pm_cli.verb, NULL, env && *env ? pm_buf_str(&clerk) : NULL);
	return 0;
}

static int
dispatch(int argc, char **argv, const struct pm_verb *verbs, const char *doc, int top,
	 const char *default_verb)
{
	const char *prog = argv[0];
	const struct pm_verb *v;
	int i = 1, rc;

	/* common options may come before the verb: pm-owner --db x list */
	while (i < argc && argv[i][0] == '-' && argv[i][1]) {
		const char *a = argv[i];

		if (!strcmp(a, "--help") || !strcmp(a, "-?") || !strcmp(a, "-h") ||
		    !strcmp(a, "--usage")) {
			usage(stdout, prog, verbs, doc);
			return 0;
		}
		if (top && (!strcmp(a, "--version") || !strcmp(a, "-V"))) {
			printf("%s\n", argp_program_version);
			return 0;
		}
		if (!strcmp(a, "--no-header") || !strcmp(a, "--excel") || !strcmp(a, "--reveal")) {
			common_parse(!strcmp(a, "--no-header") ? OPT_NO_HEADER :
			    !strcmp(a, "--excel") ? OPT_EXCEL : OPT_REVEAL, NULL, NULL);
			i++;
			continue;
		}
		if ((!strcmp(a, "--db") || !strcmp(a, "-o") || !strcmp(a, "--format")) && i + 1 < argc) {
			const char *val = argv[i + 1];

			if (!strcmp(a, "--db")) {
				pm_cli.db_opt = val;
			} else if (pm_format_parse(val, &pm_cli.out.format) < 0) {
				pm_cli_warn(_("unknown format '%s' (csv, tsv, table, json, html, xlsx)"), val);
				return PM_EXIT_USAGE;
			}
			i += 2;
			continue;
		}
		if (!strncmp(a, "--db=", 5) && a[5]) {
			pm_cli.db_opt = a + 5;
			i++;
			continue;
		}
		/* --format=json, and -ojson as argp takes it after the verb */
		if (!strncmp(a, "--format=", 9) || (!strncmp(a, "-o", 2) && a[2])) {
			const char *val = a[1] == 'o' ? a + 2 : a + 9;

			if (pm_format_parse(val, &pm_cli.out.format) < 0) {
				pm_cli_warn(_("unknown format '%s' (csv, tsv, table, json, html, xlsx)"), val);
				return PM_EXIT_USAGE;
			}
			i++;
			continue;
		}
		if (!strcmp(a, "--db") || !strcmp(a, "-o") || !strcmp(a, "--format")) {
			pm_cli_warn(_("option '%s' needs a value"), a);
			return PM_EXIT_USAGE;
		}
		pm_cli_warn(_("unknown option '%s' before the verb"), a);
		usage(stderr, prog, verbs, doc);
		return PM_EXIT_USAGE;
	}
	if (pm_cli.complete == PM_COMPLETE_VERBS && i >= argc) {
		pm_complete_verbs(verbs);
		return 0;
	}
	if (pm_cli.complete && i >= argc)
		return 0;
	if (top && i < argc && !strcmp(argv[i], "__complete") && i == 1)
		return pm_complete_main(argc - i, argv + i, verbs, dispatch_top);
	if (i >= argc && default_verb) {
		v = find_verb(verbs, default_verb);
		if (asprintf((char **)&pm_cli.verb, "%s %s", pm_cli.verb, v->name) < 0)
			return PM_EXIT_OSERR;
		if ((rc = set_actor()))
			return rc;
		argv[i - 1] = argv[0];
		return run_verb(v, prog, 1, argv + i - 1);
	}
	if (i >= argc) {
		usage(stderr, prog, verbs, doc);
		return PM_EXIT_USAGE;
	}
	if (!strcmp(argv[i], "help")) {
		char help[] = "--help";
		char *hargv[3];

		if (i + 1 >= argc) {
			usage(stdout, prog, verbs, doc);
			return 0;
		}
		if (!(v = find_verb(verbs, argv[i + 1]))) {
			pm_cli_warn(_("no verb '%s' (see '%s --help')"), argv[i + 1], prog);
			return PM_EXIT_USAGE;
		}
		hargv[0] = argv[0];
		hargv[1] = help;
		hargv[2] = NULL;
		return run_verb(v, prog, 2, hargv);
	}
	if (!(v = find_verb(verbs, argv[i]))) {
		pm_cli_warn(_("no verb '%s' (see '%s --help')"), argv[i], prog);
		return PM_EXIT_USAGE;
	}
	if (top)
		pm_cli.verb = v->name;
	else if (asprintf((char **)&pm_cli.verb, "%s %s", pm_cli.verb, v->name) < 0)
		return PM_EXIT_OSERR;
	if ((rc = set_actor()))
		return rc;
	argv[i] = argv[0];
	return run_verb(v, prog, argc - i, argv + i);
}

/* The top level again, for __complete, which has consumed its own words. */
static int
dispatch_top(int argc, char **argv, const struct pm_verb *verbs)
{
	return dispatch(argc, argv, verbs, NULL, 1, NULL);
}

int
pm_cli_put(char *data, size_t len)
{
	if (len)
		(void)!fwrite(data, 1, len, stdout);
	free(data);
	return 0;
}

int
pm_cli_sub(int argc, char **argv, const struct pm_verb *subs, const char *doc,
	   const char *default_verb)
{
	return dispatch(argc, argv, subs, doc, 0, default_verb);
}

/* Keyword columns shown by their Chinese names in tables (out.h).  Every
 * domain's tables: one place, since every binary links them all. */
static void
register_keywords(void)
{
	static const struct {
		const char *key;
		const struct pm_keyword *table;
	} k[] = {
		{"type", pm_unit_types}, {"status", pm_unit_statuses},
		{"how", pm_ownership_hows}, {"relation", pm_resident_relations},
		{"kind", pm_pet_kinds}, {"role", pm_staff_roles}, {"dept", pm_staff_depts},
		{"kind", pm_ticket_kinds}, {"category", pm_ticket_categories},
		{"channel", pm_ticket_channels}, {"priority", pm_ticket_priorities},
		{"status", pm_ticket_statuses}, {"result", pm_callback_results},
		{"result", pm_recheck_results}, {"cause", pm_survey_causes},
		{"cause_class", pm_survey_causes}, {"scale", pm_survey_scales},
		{"kind", pm_survey_kinds},
		{"method", pm_fee_methods}, {"basis", pm_fee_bases}, {"cycle", pm_fee_cycles},
		{"meter", pm_fee_meters}, {"kind", pm_deposit_kinds},
		{"status", pm_reno_statuses}, {"violation", pm_reno_violations},
		{"kind", pm_reno_violations},
		/* flags, and the words the programs write themselves; where two
		 * tables share a word under one key, the first one's name wins */
		{"metric", pm_ticket_stats_words}, {"key", pm_ticket_stats_words},
		{"batch", pm_yes_no}, {"keys_signed", pm_yes_no}, {"signed", pm_yes_no},
		{"overdue", pm_yes_no}, {"cleaned", pm_yes_no}, {"on_time", pm_yes_no},
		{"vital", pm_yes_no}, {"inspection", pm_movein_inspections},
		{"event", pm_move_events}, {"event", pm_reno_events},
		{"what", pm_ticket_steps}, {"item", pm_ticket_due_items}, {"state", pm_due_states},
		{"entry", pm_fee_entries}, {"what", pm_fee_close_lines}, {"key", pm_fee_close_lines},
		{"key", pm_fee_methods}, {"check", pm_fee_checks},
		{"kind", pm_reno_late}, {"state", pm_pass_states},
		{"what", pm_reno_summary_lines}, {"key", pm_reno_summary_lines}, {"key", pm_reno_violations},
		{"key", pm_ticket_kinds}, {"key", pm_ticket_categories},
		{"group", pm_group_all}, {"of", pm_reno_file_kinds},
	};
	size_t i;

	for (i = 0; i < sizeof k / sizeof k[0]; i++)
		if (pm_out_keywords(k[i].key, k[i].table) < 0)
			abort();  /* out.c's registry is too small: a build mistake */
}

int
pm_cli_main(int argc, char **argv, const struct pm_verb *verbs, const char *doc)
{
	const char *slash;
	int rc;

	pm_i18n_init();
	register_keywords();
	argp_err_exit_status = PM_EXIT_USAGE;
	slash = argc > 0 ? strrchr(argv[0], '/') : NULL;
	pm_cli.prog = slash ? slash + 1 : argc > 0 ? argv[0] : "pm";
	argv[0] = (char *)pm_cli.prog;
	rc = dispatch(argc, argv, verbs, doc, 1, NULL);
	/* stdout must really have been written: a full disk is an error */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (rc == 0 || rc == PM_EXIT_FOUND) {
			/* a clerk seeing an error types the ticket again:
			 * say that it is in the database all the same */
			if (pm_cli.saved)
				pm_cli_warn(_("write error: %s; but the change was saved: do not repeat it"),
				    strerror(errno ? errno : EIO));
			else
				pm_cli_warn(_("write error: %s"), strerror(errno ? errno : EIO));
			rc = PM_EXIT_IO;
		}
	}
	if (fclose(stdout) != 0 && (rc == 0 || rc == PM_EXIT_FOUND)) {
		fprintf(stderr, "%s: %s\n", pm_cli.prog, _("write error"));
		rc = PM_EXIT_IO;
	}
	return rc;
}
