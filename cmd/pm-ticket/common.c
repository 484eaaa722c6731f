/* common.c - what pm-ticket's verbs share: ticket lists, transactions, listings */
#include <string.h>

#include "ticket.h"

int
ticket_keys(char **args, size_t n, struct pm_strv *keys)
{
	struct pm_err err = {0};
	size_t i;

	for (i = 0; i < n; i++) {
		if (!strcmp(args[i], "-")) {
			if (pm_keys_read("-", pm_keys_id, keys, &err) < 0)
				return pm_cli_fail(&err);
		} else if (pm_strv_add(keys, args[i], strlen(args[i])) < 0) {
			pm_err_oom(&err);
			return pm_cli_fail(&err);
		}
	}
	return 0;
}

int
ticket_listing(int (*fn)(struct pm_db *, const void *, struct pm_out *, struct pm_err *),
	       const void *arg, const char *record)
{
	struct pm_err err = {0};
	struct pm_db *db;
	struct pm_out *out;
	int rc;

	if ((rc = pm_cli_open(&db)))
		return rc;
	if (record && (rc = pm_cli_audit_reveal(db, record, "revealed phone numbers")))
		return rc;
	if (!(out = pm_cli_out())) {
		pm_db_close(db);
		return PM_EXIT_OSERR;
	}
	rc = fn(db, arg, out, &err);
	pm_db_close(db);
	if (rc < 0) {
		pm_out_free(out);
		return pm_cli_fail(&err);
	}
	return pm_cli_finish(out);
}
