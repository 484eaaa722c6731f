/* db.c - pm-admin init, migrate, backup, restore, check */
#include <stdlib.h>
#include <sys/stat.h>

#include "admin.h"
#include "admin/maint.h"
#include "core/audit.h"
#include "core/settings.h"

struct init_args {
	const char *estate;
	const char *timezone;
};

static const struct argp_option init_options[] = {
	{"estate", 'e', N_("NAME"), 0, N_("the estate's name (printed on receipts and notices)"), 0},
	{"timezone", 'z', N_("ZONE"), 0, N_("the estate's time zone (default Asia/Shanghai)"), 0},
	{NULL, 0, NULL, 0, NULL, 0},
};

static error_t
init_parse(int key, char *arg, struct argp_state *state)
{
	struct init_args *a = state->input;

	switch (key) {
	case 'e': a->estate = arg; break;
	case 'z': a->timezone = arg; break;
	case ARGP_KEY_ARG: argp_error(state, _("unexpected argument '%s'"), arg); break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
admin_init(int argc, char **argv)
{
	static const struct argp argp = {init_options, init_parse, "",
	    N_("Create the estate database, or bring an existing one up to date.  "
	       "Safe to run again."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct init_args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct stat st;
	char *path;
	int existed, rc, version = 0;

	pm_cli_parse(&argp, argc, argv, &a);
	if (pm_db_path(pm_cli.db_opt, &path, &err) < 0)
		return pm_cli_fail(&err);
	existed = stat(path, &st) == 0 && st.st_size > 0;
	free(path);
	if ((rc = pm_cli_create(&db)))
		return rc;
	if (a.estate || a.timezone) {
		if (pm_db_begin(db, &err) < 0 ||
		    (a.estate && pm_setting_set(db, "estate.name", a.estate, NULL, &err) < 0) ||
		    (a.timezone && pm_setting_set(db, "timezone", a.timezone, NULL, &err) < 0) ||
		    pm_auditf(db, "settings", &err, "init:%s%s%s%s", a.estate ? " estate.name=" : "",
			a.estate ? a.estate : "", a.timezone ? " timezone=" : "",
			a.timezone ? a.timezone : "") < 0 ||
		    pm_db_commit(db, &err) < 0) {
			pm_db_close(db);
			return pm_cli_fail(&err);
		}
	}
	if (pm_db_schema_version(db, &version, &err) < 0) {
		pm_db_close(db);
		return pm_cli_fail(&err);
	}
	printf(existed ? _("%s: up to date (schema version %d)\n")
		       : _("%s: created (schema version %d)\n"), pm_db_name(db), version);
	pm_db_close(db);
	return 0;
}

struct migrate_args {
	int status;
};

static const struct argp_option migrate_options[] = {
	{"status", 's', NULL, 0, N_("only show the database's schema version and the latest"), 0},
	{NULL, 0, NULL, 0, NULL, 0},
};

static error_t
migrate_parse(int key, char *arg, struct argp_state *state)
{
	struct migrate_args *a = state->input;

	switch (key) {
	case 's': a->status = 1; break;
	case ARGP_KEY_ARG: argp_error(state, _("unexpected argument '%s'"), arg); break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
admin_migrate(int argc, char **argv)
{
	static const struct argp argp = {migrate_options, migrate_parse, "",
	    N_("Apply the schema migrations this program has and the database lacks, "
	       "each in its own transaction."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct migrate_args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	char *path;
	int version, applied = 0;

	pm_cli_parse(&argp, argc, argv, &a);
	if (pm_db_path(pm_cli.db_opt, &path, &err) < 0)
		return pm_cli_fail(&err);
	if (pm_db_open(path, PM_DB_NOMIGRATE, &db, &err) < 0) {
		free(path);
		return pm_cli_fail(&err);
	}
	free(path);
	if (!a.status && pm_db_migrate(db, &applied, &err) < 0)
		goto fail;
	if (pm_db_schema_version(db, &version, &err) < 0)
		goto fail;
	if (a.status)
		printf(_("schema version %d of %d\n"), version, pm_db_schema_latest());
	else
		printf(_("%d migration(s) applied; schema version %d\n"), applied, version);
	pm_db_close(db);
	return 0;
fail:
	pm_db_close(db);
	return pm_cli_fail(&err);
}

struct backup_args {
	const char *dest;
	int force;
};

static const struct argp_option backup_options[] = {
	{"force", 'f', NULL, 0, N_("replace FILE if it exists"), 0},
	{NULL, 0, NULL, 0, NULL, 0},
};

static error_t
backup_parse(int key, char *arg, struct argp_state *state)
{
	struct backup_args *a = state->input;

	switch (key) {
	case 'f': a->force = 1; break;
	case ARGP_KEY_ARG:
		if (a->dest)
			argp_error(state, _("one backup file at a time"));
		a->dest = arg;
		break;
	case ARGP_KEY_END:
		if (!a->dest)
			argp_error(state, _("where to? give the backup FILE"));
		break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
admin_backup(int argc, char **argv)
{
	static const struct argp argp = {backup_options, backup_parse, N_("FILE"),
	    N_("Copy the database to FILE with SQLite's online backup: a consistent copy "
	       "even while the desk and cron write."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct backup_args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if ((rc = pm_cli_open(&db)))
		return rc;
	rc = pm_db_backup(db, a.dest, a.force, &err);
	pm_db_close(db);
	if (rc < 0)
		return pm_cli_fail(&err);
	return 0;
}

struct restore_args {
	const char *file;
	int force;
};

static const struct argp_option restore_options[] = {
	{"force", 'f', NULL, 0, N_("restore even when rows of FILE refer to missing records"), 0},
	{NULL, 0, NULL, 0, NULL, 0},
};

static error_t
restore_parse(int key, char *arg, struct argp_state *state)
{
	struct restore_args *a = state->input;

	switch (key) {
	case 'f': a->force = 1; break;
	case ARGP_KEY_ARG:
		if (a->file)
			argp_error(state, _("one backup file at a time"));
		a->file = arg;
		break;
	case ARGP_KEY_END:
		if (!a->file)
			argp_error(state, _("from what? give the backup FILE"));
		break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
admin_restore(int argc, char **argv)
{
	static const struct argp argp = {restore_options, restore_parse, N_("FILE"),
	    N_("Put the backup FILE back in place of the database, after checking it, under "
	       "the write lock and through the database's own -wal; the old database is kept "
	       "aside as DB.before-restore-YYYYMMDDTHHMMSS."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct restore_args a = {0};
	struct pm_restore r = {0};
	struct pm_err err = {0};
	char *path;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if (pm_db_path(pm_cli.db_opt, &path, &err) < 0)
		return pm_cli_fail(&err);
	r.force = a.force;
	rc = pm_db_restore(path, a.file, &r, &err);
	if (rc == 0) {
		printf(_("%s: restored from '%s' (schema version %d)\n"), path, a.file, r.version);
		if (r.aside)
			printf(_("the old database is kept as '%s'\n"), r.aside);
	} else if (r.aside)
		pm_cli_warn(_("the old database is kept as '%s'"), r.aside);
	free(r.aside);
	free(path);
	return rc < 0 ? pm_cli_fail(&err) : 0;
}

struct check_args {
	int invariants;
};

static const struct argp_option check_options[] = {
	{"invariants", 'i', NULL, 0,
	    N_("only the rules across records: the books balance, numbers have no gaps, "
	       "one owner set and one household at a time, ... (see pm-admin(1))"), 0},
	{NULL, 0, NULL, 0, NULL, 0},
};

static error_t
check_parse(int key, char *arg, struct argp_state *state)
{
	struct check_args *a = state->input;

	switch (key) {
	case 'i': a->invariants = 1; break;
	case ARGP_KEY_ARG: argp_error(state, _("unexpected argument '%s'"), arg); break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

int
admin_check(int argc, char **argv)
{
	static const struct argp argp = {check_options, check_parse, "",
	    N_("Check the database: SQLite's integrity check and every foreign key, "
	       "then the rules across records (--invariants: only those).  "
	       "Exit 1 when anything is wrong."), pm_cli_children, NULL, PM_TEXTDOMAIN};
	struct check_args a = {0};
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	long problems = 0;
	char *path;
	int rc;

	pm_cli_parse(&argp, argc, argv, &a);
	if (pm_db_path(pm_cli.db_opt, &path, &err) < 0)
		return pm_cli_fail(&err);
	/* check must work on a damaged file and change nothing: no
	 * migration, and settings too damaged to read are its finding,
	 * not a reason to stop before looking */
	rc = pm_db_open(path, PM_DB_NOMIGRATE, &db, &err);
	free(path);
	if (rc < 0)
		return pm_cli_fail(&err);
	if (!(out = pm_cli_out())) {
		pm_db_close(db);
		return PM_EXIT_OSERR;
	}
	rc = a.invariants ? pm_db_check_invariants(db, out, &problems, &err)
			  : pm_db_check(db, out, &problems, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_out_free(out);
		return pm_cli_fail(&err);
	}
	if ((rc = pm_cli_finish(out)))
		return rc;
	return problems ? PM_EXIT_FOUND : 0;
}
