/* util.c - what pm-survey's verbs share: the write transaction, units
 * from arguments or a pipe, files written whole */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/outfile.h"
#include "verbs.h"

int
sv_units(const struct pm_strv *args, struct pm_strv *units)
{
	struct pm_err err = {0};
	size_t i;

	for (i = 0; i < args->n; i++) {
		if (!strcmp(args->v[i], "-")) {
			if (pm_keys_read("-", pm_keys_unit, units, &err) < 0)
				return pm_cli_fail(&err);
		} else if (pm_strv_add(units, args->v[i], strlen(args->v[i])) < 0) {
			pm_err_oom(&err);
			return pm_cli_fail(&err);
		}
	}
	return 0;
}

int
sv_write_file(const char *path, const char *data, size_t n)
{
	struct pm_err err = {0};
	struct pm_outfile file;
	struct pm_outfile_guard guard = {"--svg", NULL, NULL};
	char *db = NULL;
	int rc = 0;

	if (!strcmp(path, "-")) {
		if (fwrite(data, 1, n, stdout) != n) {
			pm_err_set(&err, PM_EXIT_IO, _("write error: %s"), strerror(errno));
			return pm_cli_fail(&err);
		}
		return 0;
	}
	if (pm_db_path(pm_cli.db_opt, &db, &err) < 0)
		return pm_cli_fail(&err);
	guard.db = db;
	if (pm_outfile_open(&file, path, &guard, 1, &err) < 0)
		rc = -1;
	else if (fwrite(data, 1, n, file.fp) != n) {
		pm_err_set(&err, PM_EXIT_IO, _("cannot write '%s': %s"), path, strerror(errno));
		pm_outfile_abort(&file);
		rc = -1;
	} else if (pm_outfile_commit(&file, &guard, &err) < 0)
		rc = -1;
	free(db);
	return rc < 0 ? pm_cli_fail(&err) : 0;
}

int
sv_mem_open(struct sv_mem *m)
{
	struct pm_err err = {0};

	memset(m, 0, sizeof *m);
	if (!(m->fp = open_memstream(&m->data, &m->len))) {
		pm_err_oom(&err);
		return pm_cli_fail(&err);
	}
	/* the format stdout would get: a terminal gets a table */
	if (pm_cli.out.format == PM_FMT_DEFAULT && !pm_cli.out.excel && isatty(fileno(stdout))) {
		struct pm_outopts o = pm_cli.out;

		o.format = PM_FMT_TABLE;
		m->out = pm_out_new(m->fp, &o, &err);
	} else {
		struct pm_outopts o = pm_cli.out;

		if (o.format == PM_FMT_DEFAULT)
			o.format = PM_FMT_CSV;
		m->out = pm_out_new(m->fp, &o, &err);
	}
	if (!m->out) {
		fclose(m->fp);
		free(m->data);
		m->fp = NULL;
		m->data = NULL;
		return pm_cli_fail(&err);
	}
	return 0;
}

int
sv_mem_flush(struct sv_mem *m)
{
	struct pm_err err = {0};
	int rc = 0;

	if (pm_out_finish(m->out, &err) < 0)
		rc = pm_cli_fail(&err);
	m->out = NULL;
	if (fclose(m->fp) != 0 && !rc) {
		pm_err_oom(&err);
		rc = pm_cli_fail(&err);
	}
	m->fp = NULL;
	if (!rc && m->len && fwrite(m->data, 1, m->len, stdout) != m->len) {
		pm_err_set(&err, PM_EXIT_IO, _("write error: %s"), strerror(errno));
		rc = pm_cli_fail(&err);
	}
	free(m->data);
	m->data = NULL;
	return rc;
}

void
sv_mem_free(struct sv_mem *m)
{
	if (m->out)
		pm_out_free(m->out);
	if (m->fp)
		fclose(m->fp);
	free(m->data);
	memset(m, 0, sizeof *m);
}

error_t
sv_parse(int key, char *arg, struct argp_state *state)
{
	struct sv_args *a = state->input;

	switch (key) {
	case OPT_QUARTER:
		pm_cli_period(state, "--quarter", arg, PM_PERIOD_QUARTER);
		a->quarter = arg;
		break;
	case OPT_BY: a->by = arg; break;
	case OPT_COLLECTOR: a->collector = arg; break;
	case OPT_DATE: a->date = arg; break;
	case OPT_SEED:
		a->seed = pm_cli_long(state, "--seed", arg, 0, INT64_MAX);
		a->have_seed = 1;
		break;
	case OPT_REDO: a->redo = 1; break;
	case OPT_REPEAT: a->repeat = 1; break;
	case OPT_CHECK: a->check = 1; break;
	case OPT_ALL: a->all = 1; break;
	case OPT_SVG:
		if (!*arg)
			argp_error(state, _("--svg needs a file name"));
		a->svg = arg;
		break;
	case OPT_ITEM: a->item = arg; break;
	case OPT_YEAR: a->year = pm_cli_long(state, "--year", arg, 1, 9999); break;
	case OPT_ISSUE: pm_cli_date(state, "--issue", arg); a->issue = arg; break;
	case OPT_DUE: pm_cli_date(state, "--due", arg); a->due = arg; break;
	case OPT_FORM: a->form = arg; break;
	case OPT_RATIO: a->ratio = pm_cli_long(state, "--ratio", arg, 1, 100); break;
	case OPT_PROBLEM:
		if (pm_strv_add(&a->problems, arg, strlen(arg)) < 0)
			argp_failure(state, PM_EXIT_OSERR, ENOMEM, NULL);
		break;
	case OPT_SUGGESTION: a->suggestion = arg; break;
	case OPT_REPLACE: a->replace = 1; break;
	case OPT_ENCODING: a->encoding = arg; break;
	case OPT_DRY_RUN: a->dry_run = 1; break;
	case OPT_HTML: a->html = 1; break;
	case OPT_SCALE: a->scale = arg; break;
	case OPT_ROUND:
		if (!*arg)
			argp_error(state, _("--round needs a round's name"));
		a->round = arg;
		break;
	case OPT_BUTLER: a->butler = arg; break;
	case OPT_NAME: a->name = arg; break;
	case ARGP_KEY_ARG:
		if (a->max_pos >= 0 && (int)a->pos.n >= a->max_pos)
			argp_error(state, _("unexpected argument '%s'"), arg);
		if (pm_strv_add(&a->pos, arg, strlen(arg)) < 0)
			argp_failure(state, PM_EXIT_OSERR, ENOMEM, NULL);
		break;
	case ARGP_KEY_END:
		if ((int)a->pos.n < a->min_pos)
			argp_error(state, _("give %s"), a->pos_name ? _(a->pos_name) : "");
		if (a->quarter && a->year)
			argp_error(state, _("give --quarter or --year, not both"));
		if (a->round && a->quarter)
			argp_error(state, _("give --quarter or --round, not both"));
		if (a->round && a->year)
			argp_error(state, _("give --round or --year, not both"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

void
sv_args_free(struct sv_args *a)
{
	pm_strv_free(&a->pos);
	pm_strv_free(&a->problems);
}
