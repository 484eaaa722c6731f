/*
 * ledger.h - SQL that several parts of pm-fee share (internal to lib/fee,
 * and to the invariants of lib/admin)
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

/* Every movement of cash at the desk: d date, t time, ord, kind, ref,
 * unit, cin and cout (fen).  The journal (journal.c) and the admin's
 * invariant that the desk's cash is never below nothing (admin/
 * invariants.c) read it. */
#define PM_FEE_CASH_SQL \
	"SELECT p.date AS d, p.at AS t, 1 AS ord, 'payment' AS kind, p.receipt AS ref," \
	"  u.code AS unit, p.amount AS cin, 0 AS cout, p.payer AS detail" \
	" FROM payment p JOIN unit u ON u.id = p.unit_id WHERE p.method = 'cash'" \
	" UNION ALL SELECT p.voided, p.void_at, 2, 'void', p.receipt, u.code, 0, p.amount," \
	"  p.void_reason FROM payment p JOIN unit u ON u.id = p.unit_id" \
	" WHERE p.method = 'cash' AND p.voided IS NOT NULL" \
	" UNION ALL SELECT d.date, d.at, 3, 'deposit', d.no, u.code, d.amount, 0, d.purpose" \
	" FROM deposit d JOIN unit u ON u.id = d.unit_id WHERE d.method = 'cash'" \
	" UNION ALL SELECT d.refunded, d.refund_at, 4, 'refund', d.no, u.code, 0, d.refund_amount," \
	"  d.purpose FROM deposit d JOIN unit u ON u.id = d.unit_id" \
	" WHERE d.refund_method = 'cash' AND d.refunded IS NOT NULL AND d.refund_amount > 0" \
	" UNION ALL SELECT h.date, h.at, 5, 'handover', h.no, NULL, 0, h.amount, s.name" \
	" FROM handover h JOIN staff s ON s.id = h.staff_id"

#endif
