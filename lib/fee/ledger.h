/*
 * ledger.h - SQL that several parts of pm-fee share (internal to lib/fee)
 */
#ifndef PM_FEE_LEDGER_H
#define PM_FEE_LEDGER_H

/* What the bill line aliased "b" still owes: its amount, plus its
 * adjustments, less the allocations of payments that are not void. */
#define PM_FEE_ADJ_SQL \
	"coalesce((SELECT sum(j.amount) FROM adjustment j WHERE j.bill_id = b.id), 0)"
#define PM_FEE_PAID_SQL \
	"coalesce((SELECT sum(l.amount) FROM alloc l JOIN payment p ON p.id = l.payment_id" \
	" WHERE l.bill_id = b.id AND p.voided IS NULL), 0)"
#define PM_FEE_OWED_SQL "(b.amount + " PM_FEE_ADJ_SQL " - " PM_FEE_PAID_SQL ")"

/* Months between two dates' months: (y2*12+m2) - (y1*12+m1), for text
 * dates; the age of a line in months is this from its first day to today. */
#define PM_FEE_MONTHS_SQL(a, b) \
	"((CAST(substr(" b ", 1, 4) AS INTEGER) * 12 + CAST(substr(" b ", 6, 2) AS INTEGER))" \
	" - (CAST(substr(" a ", 1, 4) AS INTEGER) * 12 + CAST(substr(" a ", 6, 2) AS INTEGER)))"

#endif
