#!/bin/sh
# pm-owner vehicle add, remove, list: plates normalized, one registration
# per plate, refused writes leave the database as it was
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null || exit 1

# unchanged DESC: the database is as it was when dumped to $T/before
unchanged() {
	dump > "$T/after"
	if cmp -s "$T/before" "$T/after"; then
		ok "$1"
	else
		not_ok "$1" "$(diff "$T/before" "$T/after" | head -n 20)"
	fi
}

cat > "$T/roll.csv" <<'CSV'
unit,building_area,usable_area,type,name,phone,id_no,move_in,remark
1-1-101,63.14,52.42,储藏室,房强雨,16763170669,370102199801232729,2018-10-04,
1-1-102,48.01,38.62,住宅,闵涵诺,13837783533,110105199808104261,2023-11-04,
2-1-104,52.32,43.74,车库,祁红超,13270601210,37010220000111851X,,
CSV
run pm-owner import "$T/roll.csv"
is_rc 0 "seed: the roll imports"

# add: the plate as a clerk types it, stored normalized
run pm-owner vehicle add 1-1-101 --plate '京a·123 45' --space b2-101 --pass p001 --expires 2026-12-30
is_rc 0 "vehicle add"
is "$(wc -c < "$T/out")" 0 "prints nothing"
is "$(sql "SELECT plate, space, pass_no, expires, removed IS NULL FROM vehicle")" \
	"京A12345|B2-101|P001|2026-12-30|1" "plate, space and pass are normalized"
is "$(sql "SELECT prog, verb, record, change FROM audit WHERE verb = 'vehicle add'")" \
	"pm-owner|vehicle add|1-1-101|vehicle 京A12345 added, space B2-101, pass P001, expires 2026-12-30" \
	"the write is audited"

run pm-owner vehicle add 1栋1单元102 --plate 京AD12345 --expires 2027/1/5
is_rc 0 "a new-energy plate, a unit written in Chinese, a date with slashes"
run pm-owner vehicle add 2-1-104 --plate 粤B1234挂
is_rc 0 "a trailer plate"
run pm-owner vehicle add 2-1-104 --plate '沪Ｂ６６６６６'
is_rc 0 "full-width letters and digits"

run pm-owner vehicle list
is_rc 0 "vehicle list"
is_out "unit,plate,space,pass_no,expires,removed
1-1-101,京A12345,B2-101,P001,2026-12-30,
1-1-102,京AD12345,,,2027-01-05,
2-1-104,沪B66666,,,,
2-1-104,粤B1234挂,,,," "lists every vehicle by unit, then plate"

run pm-owner vehicle
is_rc 0 "vehicle without a sub-verb lists"
out_has "京AD12345" "the same list"

run pm-owner vehicle list --unit 1-1-102 --no-header
is_out "1-1-102,京AD12345,,,2027-01-05," "--unit"
run pm-owner vehicle list --expiring 30d --no-header
is_out "1-1-101,京A12345,B2-101,P001,2026-12-30," "--expiring 30d: passes expiring by today + 30 days"

# the same plate again, however written, is refused and nothing changes
dump > "$T/before"
run pm-owner vehicle add 1-1-102 --plate '京A-12345'
is_rc 65 "a plate registered and not removed is refused"
is_err "pm-owner: plate '京A12345' is already registered to unit 1-1-101" "naming the unit it is registered to"
unchanged "nothing was written"

for p in XA12345 京12345 京A1234 京A1234567 'A京12345' '京A12#45' '京A1234挂5'; do
	run pm-owner vehicle add 1-1-102 --plate "$p"
	is_rc 65 "plate '$p' is refused"
	is_err "pm-owner: plate '$p': not a plate like 京A12345" "with the reason"
done
run pm-owner vehicle add 1-1-102 --plate ' '
is_rc 65 "a blank plate is refused"
is_err "pm-owner: plate ' ': plate missing" "as missing"
run pm-owner vehicle add 9-9-909 --plate 京B11111
is_rc 65 "a unit that does not exist"
is_err "pm-owner: no unit '9-9-909'" "is named"
run pm-owner vehicle add 1-2-3-4-5 --plate 京B11111
is_rc 65 "a unit code that cannot be one"
err_has "pm-owner: unit '1-2-3-4-5': " "says why"
unchanged "none of the refused adds wrote anything"

# usage errors
run pm-owner vehicle add 1-1-102
is_rc 64 "add without --plate"
err_has "which vehicle? give --plate TEXT" "says what is missing"
run pm-owner vehicle add --plate 京B11111
is_rc 64 "add without UNIT"
err_has "which unit? give UNIT" "says what is missing"
run pm-owner vehicle add 1-1-102 1-1-101 --plate 京B11111
is_rc 64 "two units"
run pm-owner vehicle add 1-1-102 --plate 京B11111 --expires 2026-02-30
is_rc 64 "an expiry that is no date"
err_has "--expires: '2026-02-30'" "names the option and the value"
run pm-owner vehicle list --expiring soon
is_rc 64 "--expiring that is no span"
run pm-owner vehicle list --expiring 36h
is_rc 64 "--expiring in part-days"
err_has "is not whole days" "says so"
run pm-owner vehicle frob
is_rc 64 "an unknown sub-verb"

# remove
run pm-owner vehicle remove --plate 京a12345 --date 2026-11-20
is_rc 0 "vehicle remove"
is "$(sql "SELECT removed FROM vehicle WHERE plate = '京A12345'")" 2026-11-20 "the day it left is kept"
is "$(sql "SELECT record, change FROM audit WHERE verb = 'vehicle remove'")" \
	"1-1-101|vehicle 京A12345 removed on 2026-11-20" "and audited"
run pm-owner vehicle list --unit 1-1-101
is_out "unit,plate,space,pass_no,expires,removed" "a removed vehicle is no longer listed"
run pm-owner vehicle list --unit 1-1-101 --all --no-header
is_out "1-1-101,京A12345,B2-101,P001,2026-12-30,2026-11-20" "but is with --all"
run pm-owner show 1-1-101 -o json
out_has '"plate": "京A12345", "space": "B2-101", "pass_no": "P001", "expires": "2026-12-30", "removed": "2026-11-20"' \
	"and stays in the household archive"

dump > "$T/before"
run pm-owner vehicle remove --plate 京A12345
is_rc 65 "removing it again is refused"
is_err "pm-owner: no vehicle '京A12345' is registered" "as not registered"
run pm-owner vehicle remove --plate 京AD12345 --date 2026-12-01
is_rc 65 "a removal dated in the future is refused"
is_err "pm-owner: date 2026-12-01 is in the future" "with the date"
run pm-owner vehicle remove --plate 京
is_rc 65 "a bad plate"
run pm-owner vehicle remove
is_rc 64 "remove without --plate"
unchanged "refused removals wrote nothing"

run pm-owner vehicle add 1-1-102 --plate 京A12345
is_rc 0 "a removed plate may be registered again, to another unit"
is "$(sql "SELECT count(*) FROM vehicle WHERE plate = '京A12345'")" 2 "the old record is kept beside the new"

done_testing
