/* tx.c - what pm-fee's verbs share: the transaction, output, unit lists */
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/keys.h"
#include "fee.h"
#include "owner/unit.h"

int
fee_output(fee_out_fn fn, void *arg, int write, int dry)
{
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	if ((rc = write ? pm_cli_begin(&db) : pm_cli_open(&db)))
		return rc;
	if (!(out = pm_cli_out())) {
		pm_db_close(db);
		return PM_EXIT_OSERR;
	}
	/* phone and ID numbers in full are a disclosure: on the record */
	rc = pm_cli.out.reveal ? pm_audit(db, NULL, "revealed phone and ID numbers", &err) : 0;
	if (rc == 0)
		rc = fn(db, arg, out, &err);
	if (rc < 0) {
		pm_out_free(out);
		pm_db_close(db);
		return pm_cli_fail(&err);
	}
	if (write) {
		if ((rc = pm_cli_end(db, 0, dry, &err))) {
			pm_out_free(out);
			return rc;
		}
		if (dry)
			pm_cli_warn("%s", _("dry run: nothing written"));
	} else {
		pm_db_close(db);
	}
	return pm_cli_finish(out);
}

int
fee_units(struct pm_db *db, char *const *args, size_t n, int64_t **ids, size_t *nids,
	  struct pm_err *err)
{
	struct pm_strv keys = PM_STRV_INIT;
	size_t i, k = 0;
	int rc = -1;

	*ids = NULL;
	*nids = 0;
	for (i = 0; i < n; i++) {
		if (!strcmp(args[i], "-")) {
			if (pm_keys_read("-", pm_keys_unit, &keys, err) < 0)
				goto out;
		} else if (pm_strv_add(&keys, args[i], strlen(args[i])) < 0) {
			pm_err_oom(err);
			goto out;
		}
	}
	if (keys.n && !(*ids = calloc(keys.n, sizeof **ids))) {
		pm_err_oom(err);
		goto out;
	}
	for (i = 0; i < keys.n; i++, k++)
		if (pm_unit_find(db, keys.v[i], &(*ids)[k], NULL, err) < 0)
			goto out;
	*nids = k;
	rc = 0;
out:
	if (rc < 0) {
		free(*ids);
		*ids = NULL;
	}
	pm_strv_free(&keys);
	return rc;
}

static int
negative_number(const char *s)
{
	return s[0] == '-' && ((s[1] >= '0' && s[1] <= '9') || s[1] == '.');
}

/* Is argv[i] a negative number that is not the value of the option
 * before it ("--amount -5" leaves -5 to argp)? */
static int
movable(char **argv, int i)
{
	const char *prev = argv[i - 1];

	return negative_number(argv[i]) &&
	    (i == 1 || prev[0] != '-' || negative_number(prev) || strchr(prev, '='));
}

char **
fee_negatives(int *argc, char **argv)
{
	static char dd[] = "--";
	char **v;
	int i, j, n = 0;

	for (i = 1; i < *argc; i++) {
		if (!strcmp(argv[i], "--"))
			return argv;
		n += movable(argv, i);
	}
	if (!n || !(v = calloc((size_t)*argc + 2, sizeof *v)))
		return argv;
	/* everything else in order, then "--", then the numbers in order */
	v[0] = argv[0];
	for (i = 1, j = 1; i < *argc; i++)
		if (!movable(argv, i))
			v[j++] = argv[i];
	v[j++] = dd;
	for (i = 1; i < *argc; i++)
		if (movable(argv, i))
			v[j++] = argv[i];
	v[j] = NULL;
	*argc = j;
	return v;
}
