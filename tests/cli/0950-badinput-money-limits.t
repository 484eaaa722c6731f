#!/bin/sh
# BAD-INPUTS 46 and 47: an amount above the money limit (100,000,000.00
# yuan) is refused wherever money is typed, and a database whose totals
# cannot be added up (amounts written there by other means) gives a clear
# error, never a wrapped number or a crash; pm-fee check reports it.
# The close is also the regression test of the double free in
# pm_fee_close (issue 14, item 3): it finalized a statement and then
# again on the way out when the totals failed; run this file with
# PM_BUILD=build/san to have ASan watch it.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

LIMIT='above the limit of 100000000.00'
base_estate
pm-fee item add repair --name 维修费 --basis fixed --rate 50 --since 2026-01 > /dev/null
dump > "$T/before"

# row 46: above the limit, either as typed or past int64
for amount in 92233720368547758.07 92233720368547758.08 100000000.01 '100,000,000.01' \
	'¥100000000.01' 99999999999999999999999; do
	run pm-fee pay 1-1-101 "$amount" --method cash
	is_rc 65 "pay '$amount' is refused"
	is_err "pm-fee: amount '$amount': $LIMIT" "and the message names the amount and the limit"
done
unchanged "refused payments write nothing"

run pm-fee pay 1-1-101 100000000.01 --method cash
is_rc 65 "one fen above the limit is refused"
unchanged "and writes nothing"
run pm-fee pay 1-1-101 100000000.00 --method cash
is_rc 0 "a payment of exactly the limit is taken"
is "$(sql "SELECT amount FROM payment")" 10000000000 "to the fen"

run pm-fee deposit take 1-1-102 100000000.01 --method cash --for 装修押金
is_rc 65 "a deposit above the limit is refused"
is_err "pm-fee: amount '100000000.01': $LIMIT" "naming the amount and the limit"
is "$(sql "SELECT count(*) FROM deposit")" 0 "no deposit is written"

run pm-fee charge 1-1-101 repair --amount 100000000.01
is_rc 65 "a charge above the limit is refused"
is_err "pm-fee: amount '100000000.01': $LIMIT" "naming the amount and the limit"
run pm-fee adjust 1-1-101 repair 2026-11 -100000000.01 --reason x
is_rc 65 "an adjustment above the limit (either sign) is refused"
err_has "'-100000000.01': $LIMIT" "naming the amount and the limit"
is "$(sql "SELECT count(*) FROM bill") $(sql "SELECT count(*) FROM adjustment")" "0 0" \
	"no charge, no adjustment written"

run pm-reno pay Z2026-000001 --deposit 92233720368547758.07 --method cash
is_rc 64 "a renovation deposit (an option) above the limit is a usage error"
err_has "--deposit: '92233720368547758.07': $LIMIT" "naming the option, the amount and the limit"

# row 47: two payments written by other means whose total is past int64
# (the limit keeps them out of pm-fee pay)
for n in 1 2; do
	sql "INSERT INTO payment(receipt, unit_id, amount, method, date, at, clerk)
		SELECT 'R2026-90000$n', id, 5000000000000000000, 'cash', '2026-11-0$n',
		'2026-11-0${n}T10:00:00', 'sql' FROM unit WHERE code = '1-1-102'"
done
dump > "$T/before"
OVER="a total overflows: the database holds amounts far above the limit of 100000000.00 (see pm-fee check)"

run pm-fee totals --month 2026-11
is_rc 65 "totals: refused, not wrapped"
is_err "pm-fee: reading the books: $OVER" "with a clear message"

PM_NOW=2026-11-30T18:00 run pm-fee close --month 2026-11
is_rc 65 "close: a clear error, no crash (the double free of issue 14)"
is_err "pm-fee: reading the books: $OVER" "with a clear message"
unchanged "and the month is not closed"

run pm-fee journal
is_rc 65 "the cash journal's balance: refused, not wrapped"

run pm-fee statement 1-1-102
is_rc 65 "a unit's statement: refused, not wrapped"
err_has "the total of the statement overflows" "the running balance says so"

run pm-fee check
is_rc 1 "pm-fee check finds the books cannot be summed"
out_has "amounts,2 amounts above the limit of 100000000.00" "it counts the amounts above the limit"
out_has "sums,the total of payments overflows" "and says which total overflows"
out_has "books,not checked: a total overflows" "and does not call the books fine"
unchanged "check writes nothing"

done_testing
