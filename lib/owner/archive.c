/* archive.c - the sections of the household archive, in print order */
#include "archive.h"
#include "core/i18n.h"
#include "fee/fee.h"
#include "owner.h"
#include "reno/reno.h"
#include "survey/survey.h"
#include "ticket/ticket.h"

const struct pm_archive_section pm_archive_sections[] = {
	{N_("unit"), pm_owner_archive_unit},
	{N_("owners"), pm_owner_archive_owners},
	{N_("tenants"), pm_owner_archive_tenants},
	{N_("residents"), pm_owner_archive_residents},
	{N_("moves"), pm_owner_archive_moves},
	{N_("vehicles"), pm_owner_archive_vehicles},
	{N_("pets"), pm_owner_archive_pets},
	{N_("keys"), pm_owner_archive_keys},
	{N_("visits"), pm_owner_archive_visits},
	{N_("tickets"), pm_ticket_archive},
	{N_("surveys"), pm_survey_archive},
	{N_("bills"), pm_fee_archive_bills},
	{N_("payments"), pm_fee_archive_payments},
	{N_("deposits"), pm_fee_archive_deposits},
	{N_("renovations"), pm_reno_archive},
	/* other domains add their sections here */
	{NULL, NULL},
};

int
pm_archive_write(struct pm_db *db, int64_t unit_id, struct pm_out *out, struct pm_err *err)
{
	const struct pm_archive_section *s;

	for (s = pm_archive_sections; s->name; s++)
		if (s->fn(db, unit_id, out, err) < 0)
			return -1;
	return 0;
}
