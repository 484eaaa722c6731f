/* pm-fee - money: fee items and rates, meter readings, bills, payments
 * and receipts, arrears, the collection rate, the cash journal and its
 * monthly close, deposits */
#include "fee.h"

const char *argp_program_version = "pm-fee (pm-tools) " PM_VERSION;
const char *argp_program_bug_address = PM_BUG_ADDRESS;

static const struct pm_verb verbs[] = {
	{"item", fee_item, N_("fee items and their rates: add, list, rate, rates, retire")},
	{"reading", fee_reading, N_("meter readings: add, import, list")},
	{"bill", fee_bill, N_("raise a period's bills (idempotent; --dry-run first)")},
	{"bills", fee_bills, N_("list bill lines with how each was computed")},
	{"charge", fee_charge, N_("charge a one-off fee to a unit")},
	{"adjust", fee_adjust, N_("correct a bill line by an amount, with a reason")},
	{"pay", fee_pay, N_("take a payment and give a receipt")},
	{"void", fee_void, N_("void a mistaken payment, with a reason")},
	{"receipt", fee_receipt, N_("print a receipt")},
	{"payments", fee_payments, N_("list payments")},
	{"arrears", fee_arrears, N_("who owes what and for how long; reminder letters")},
	{"statement", fee_statement, N_("a unit's bills, payments and balance")},
	{"rate", fee_rate, N_("the collection rate of a period")},
	{"journal", fee_journal, N_("the cash journal with its running balance")},
	{"handover", fee_handover, N_("hand the desk's cash to finance")},
	{"close", fee_close, N_("close a month: record its totals and lock it")},
	{"totals", fee_totals, N_("a month's totals by method, item, cash and deposits")},
	{"check", fee_check, N_("check that the books balance (exit 1 on findings)")},
	{"deposit", fee_deposit, N_("deposits: take, refund, list")},
	{NULL, NULL, NULL},
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs,
	    N_("Money: fee items, meter readings, bills, payments and receipts, arrears, the "
	       "collection rate, the cash journal and its monthly close, deposits."));
}
