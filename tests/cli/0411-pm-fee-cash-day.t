#!/bin/sh
# Cash back-dated into a day whose cash was handed to finance (issue 13
# item 1: a back-dated record never lands in a closed day): refused,
# naming the hand-over; other methods and today's cash are recorded.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
pm-admin staff add 李会计 --dept finance --role finance
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area) VALUES ('1-1-101', '1', '1', 1, '101', 8937);
     INSERT INTO movein(unit_id, date) VALUES (1, '2026-01-10')"
pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-01
PM_NOW=2026-11-29T09:00 pm-fee bill --period 2026-11 > /dev/null
PM_NOW=2026-11-29T09:00 pm-fee pay 1-1-101 100 --method cash > /dev/null
PM_NOW=2026-11-29T17:30 run pm-fee handover --to 李会计
is_rc 0 "the day's cash is handed over"
is_out "H2026-000001: 100.00 handed to 李会计; 2026-11-29: at the desk before the day 0.00, cash receipts 100.00, voids and refunds 0.00, handed over 100.00, left 0.00" \
	"all of it"

export PM_NOW=2026-11-30T10:00
before=$(dump)
run pm-fee pay 1-1-101 20 --method cash --date 2026-11-29
is_rc 65 "cash back-dated into a handed-over day is refused"
is_err "pm-fee: cash for 2026-11-29 was handed over already (H2026-000001, 2026-11-29): record it as today's" \
	"naming the hand-over"
run pm-fee pay 1-1-101 20 --method cash --date 2026-11-28
is_rc 65 "and into a day before it"
run pm-fee deposit take 1-1-101 500 --method cash --kind reno --date 2026-11-29
is_rc 65 "a cash deposit likewise"
is "$(dump)" "$before" "nothing was written"

run pm-fee pay 1-1-101 20 --method transfer --date 2026-11-29
is_rc 0 "a transfer back-dated to that day is recorded: it never was in the box"
run pm-fee pay 1-1-101 20 --method cash
is_rc 0 "today's cash is recorded"
is "$(sql "SELECT date, method, amount FROM payment ORDER BY id")" "2026-11-29|cash|10000
2026-11-29|transfer|2000
2026-11-30|cash|2000" "the payments, each on its day"
run pm-admin check --invariants
is_rc 0 "the invariants hold"
done_testing
