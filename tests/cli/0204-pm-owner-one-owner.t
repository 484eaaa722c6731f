#!/bin/sh
# pm-owner: one owner set and one occupant at a time (issue 13 item 2):
# a transfer by verb or by roll ends the old ownership the day the new
# starts and the seller's occupancy; stated shares add up to at most
# 100%; leases of a unit never overlap and a future one can be
# cancelled; a roll giving one ID number two names is refused for that row
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init --estate 阳光花园 > /dev/null

# no two ownerships of a unit that overlap: the old one ends (until) on
# or before the day the other starts
overlaps() {
	sql "SELECT count(*) FROM ownership a JOIN ownership b ON a.unit_id = b.unit_id AND a.id <> b.id
	     AND a.since IS NOT NULL AND b.since IS NOT NULL AND a.since <> b.since
	     AND a.since < coalesce(b.until, '9999') AND b.since < coalesce(a.until, '9999')"
}

# --- a re-imported roll with a new owner ---------------------------------
printf 'unit,name,phone,since,move_in\n3-2-1501,张三,13800000001,2020-05-01,2020-06-01\n' > "$T/roll1.csv"
run pm-owner import "$T/roll1.csv"
is_rc 0 "the first roll imports"
printf 'unit,name,phone,since,move_in\n3-2-1501,李四,13800000002,2026-08-15,\n' > "$T/roll2.csv"
run pm-owner import "$T/roll2.csv"
is_rc 0 "a later roll with a new owner imports"
is "$(sql "SELECT p.name, o.since, coalesce(o.until, '-') FROM ownership o JOIN person p ON p.id = o.person_id
	WHERE o.unit_id = (SELECT id FROM unit WHERE code = '3-2-1501') ORDER BY o.id")" \
	"张三|2020-05-01|2026-08-15
李四|2026-08-15|-" "the old ownership ends the day the new one starts, not on the import date"
is "$(overlaps)" 0 "no two owners at once"
run pm-owner list -o csv
out_has "3-2-1501" "the unit is listed"
is "$(pm-owner list -o csv | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "status") c = i } $1 == "3-2-1501" { print $c }')" \
	"vacant" "the seller's move-in no longer makes it occupied"
run pm-owner movein 3-2-1501 --date 2026-11-20
is_rc 0 "the buyer can move in without a move-out for the seller"
is "$(sql "SELECT p.name FROM movein m JOIN person p ON p.id = m.person_id ORDER BY m.date DESC LIMIT 1")" \
	"李四" "the move-in is the buyer's"

# a roll that dates the sale before the current owner bought it
printf 'unit,name,since\n3-2-1501,王五,2025-01-01\n' > "$T/roll3.csv"
dump > "$T/before"
run pm-owner import "$T/roll3.csv"
is_rc 65 "a roll selling before the current owners bought is refused"
err_has "roll3.csv:2: since: 3-2-1501: the current owners hold it since after 2025-01-01: check the date" \
	"as a bad row with file:line"
dump > "$T/after"
holds "and nothing is written" cmp -s "$T/before" "$T/after"

# --- pm-owner transfer ends the seller's occupancy ------------------------
run pm-owner unit add 5-1-801
run pm-owner transfer 5-1-801 --to 赵六 --phone 13900000001 --date 2026-01-10
is_rc 0 "the first owner"
run pm-owner movein 5-1-801 --date 2026-02-01
is_rc 0 "who moves in"
run pm-owner transfer 5-1-801 --to 孙八 --phone 13900000002 --date 2026-11-01
is_rc 0 "a sale"
is "$(sql "SELECT p.name, o.since, coalesce(o.until, '-') FROM ownership o JOIN person p ON p.id = o.person_id
	WHERE o.unit_id = (SELECT id FROM unit WHERE code = '5-1-801') ORDER BY o.id")" \
	"赵六|2026-01-10|2026-11-01
孙八|2026-11-01|-" "the seller's ownership ends the day the buyer's starts"
run pm-owner movein 5-1-801 --date 2026-01-20
is_rc 65 "the buyer's move-in is not dated before the seller's"
is_err "pm-owner: cannot move in 5-1-801 on 2026-01-20: the last move-in was on 2026-02-01" "saying when that was"
run pm-owner movein 5-1-801 --date 2026-11-05
is_rc 0 "the buyer moves in without a move-out for the seller"
run pm-owner movein 5-1-801 --date 2026-11-06
is_rc 65 "and it is occupied now"
is_err "pm-owner: 5-1-801 is already moved into: record the move-out first, or --amend the move-in" \
	"by the buyer"

# the seller still gets a goods release permit after the sale
run pm-owner unit add 5-1-802
run pm-owner transfer 5-1-802 --to 钱七 --phone 13900000003 --date 2026-01-10
run pm-owner movein 5-1-802 --date 2026-02-01
run pm-owner transfer 5-1-802 --to 冯九 --phone 13900000004 --date 2026-11-01
run pm-owner moveout 5-1-802 --date 2026-11-03
is_rc 0 "the seller moves out after the sale"
is "$(sql "SELECT count(*) FROM moveout WHERE unit_id = (SELECT id FROM unit WHERE code = '5-1-802')")" 1 \
	"with a permit"
run pm-owner moveout 5-1-802 --date 2026-11-04
is_rc 65 "but only once"
is_err "pm-owner: 5-1-802: nobody has moved in (it is vacant)" "saying nobody has moved in"

# --- shares --------------------------------------------------------------
run pm-owner unit add 6-1-101
run pm-owner transfer 6-1-101 --to 周一 --phone 13900000011 --share 70 --date 2026-03-01
is_rc 0 "an owner with 70%"
dump > "$T/before"
run pm-owner transfer 6-1-101 --to 吴二 --phone 13900000012 --co-owner --share 100
is_rc 65 "a co-owner bringing the shares to 170% is refused"
is_err "pm-owner: 6-1-101: shares would add up to 170.00%: at most 100%" "naming the unit and the total"
dump > "$T/after"
holds "and nothing is written" cmp -s "$T/before" "$T/after"
run pm-owner transfer 6-1-101 --to 吴二 --phone 13900000012 --co-owner --share 30
is_rc 0 "a co-owner with 30% makes 100%"

printf 'unit,name,share\n7-1-101,郑甲,70%%\n7-1-101,郑乙,100%%\n7-1-102,王丙,50%%\n' > "$T/shares.csv"
dump > "$T/before"
run pm-owner import "$T/shares.csv"
is_rc 65 "a roll whose co-owners hold 170% is refused"
err_has "shares.csv:3: share: 7-1-101: shares would add up to 170.00%: at most 100%" "as a bad row with file:line"
dump > "$T/after"
holds "and nothing is written" cmp -s "$T/before" "$T/after"
run pm-owner import --skip-bad "$T/shares.csv"
is_rc 65 "--skip-bad imports the rest, still exiting 65"
is "$(sql "SELECT u.code, p.name, o.share FROM ownership o JOIN person p ON p.id = o.person_id
	JOIN unit u ON u.id = o.unit_id WHERE u.code LIKE '7-%' ORDER BY o.id")" \
	"7-1-101|郑甲|7000
7-1-102|王丙|5000" "without the row over 100%"

# --- leases --------------------------------------------------------------
run pm-owner lease add 6-1-101 --tenant 租客甲 --phone 13700000001 --start 2026-06-01 --end 2027-05-31
is_rc 0 "a lease"
dump > "$T/before"
run pm-owner lease add 6-1-101 --tenant 租客乙 --phone 13700000002 --start 2027-01-01
is_rc 65 "a lease overlapping it is refused"
is_err "pm-owner: 6-1-101 already has a lease from 2026-06-01 to 2027-05-31: the leases of a unit may not overlap" \
	"naming the other lease's dates"
run pm-owner lease add 6-1-101 --tenant 租客乙 --phone 13700000002 --start 2026-01-01 --end 2026-06-01
is_rc 65 "one ending on the other's first day overlaps too"
dump > "$T/after"
holds "and nothing is written" cmp -s "$T/before" "$T/after"
run pm-owner lease end 6-1-101 --date 2026-12-15
is_rc 0 "ending the lease early"
run pm-owner lease add 6-1-101 --tenant 租客乙 --phone 13700000002 --start 2026-12-15
is_rc 0 "a lease from the day the last one ended"
run pm-owner lease end 6-1-101 --tenant 租客乙 --date 2026-12-01
is_rc 65 "a lease cannot be ended before it starts"
run pm-owner lease cancel 6-1-101 --tenant 租客甲
is_rc 65 "cancelling only touches leases that have not started"
is_err "pm-owner: 6-1-101 has no lease to '租客甲' that starts after today (2026-11-30)" "saying so"
run pm-owner lease cancel 6-1-101 --reason 租客反悔
is_rc 0 "but it can be cancelled"
is "$(sql "SELECT start, ended, remark FROM lease WHERE person_id = (SELECT id FROM person WHERE name = '租客乙')")" \
	"2026-12-15|2026-12-15|cancelled: 租客反悔" "ended on its first day, with the reason"
run pm-owner lease add 6-1-101 --tenant 租客丙 --phone 13700000003 --start 2026-12-20
is_rc 0 "a cancelled lease is in nobody's way"

# --- one ID number under two names in one roll ----------------------------
printf 'unit,name,phone,id_no\n8-1-101,陈甲,13600000001,110105198001011238\n8-1-102,陈乙,13600000002,110105198001011238\n8-1-103,陈甲,13600000001,110105198001011238\n8-1-104,林丁,13600000004,110105198502022349\n' > "$T/ids.csv"
dump > "$T/before"
run pm-owner import "$T/ids.csv"
is_rc 65 "a roll giving one ID number two names is refused"
err_has "ids.csv:3: id_no: the same ID number is on line 2 under another name" "as a bad row with file:line"
err_lacks "110105198001011238" "never printing the number"
dump > "$T/after"
holds "and nothing is written" cmp -s "$T/before" "$T/after"
run pm-owner import --skip-bad "$T/ids.csv"
is_rc 65 "--skip-bad imports the rest, still exiting 65"
is "$(sql "SELECT u.code, p.name, p.phone FROM ownership o JOIN person p ON p.id = o.person_id
	JOIN unit u ON u.id = o.unit_id WHERE u.code LIKE '8-%' ORDER BY u.code")" \
	"8-1-101|陈甲|13600000001
8-1-103|陈甲|13600000001
8-1-104|林丁|13600000004" "the first owner keeps name and phone"

done_testing
