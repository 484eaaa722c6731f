/*
 * person.h - people named on the command line: owners, tenants, residents
 *
 * A person is found by ID number, else by name and phone, else created;
 * every value is checked by the rules of validate.h.  Used inside the
 * caller's write transaction.
 */
#ifndef PM_PERSON_H
#define PM_PERSON_H

#include <stdint.h>

#include "core/db.h"
#include "core/err.h"

struct pm_person_in {
	const char *name;    /* required */
	const char *phone;   /* mobile or landline, or NULL */
	const char *id_no;   /* or NULL */
};

/* The person's row, found or created; *created says which.  65 with a
 * "name: ...", "phone: ..." or "ID number: ..." reason for a bad value,
 * and when the ID number belongs to someone of another name. */
int pm_person_get(struct pm_db *db, const struct pm_person_in *p, int64_t *id, int *created,
		  struct pm_err *err);

#endif
