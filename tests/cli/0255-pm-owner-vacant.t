#!/bin/sh
# pm-owner vacant and inspect: the vacant-unit list (空置房清单), weekly
# inspections, and overdue on the exact day boundaries
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

# occupied: 1-1-101, 1-1-102 (since 2023-11-04); vacant (owned, never
# moved in): 1-1-202, 1-1-403, 1-1-801, 2-1-104; unsold: 9-1-101
cat > "$T/roll.csv" <<'CSV'
unit,building_area,usable_area,type,name,phone,id_no,move_in,remark
1-1-101,63.14,52.42,储藏室,房强雨,16763170669,370102199801232729,2018-10-04,
1-1-102,48.01,38.62,住宅,闵涵诺,13837783533,110105199808104261,2023-11-04,
1-1-202,154.80,119.80,住宅,顾强栋,16903289218,310115196601270859,,
1-1-403,53.67,40.86,商铺,曲轩玉,19875428343,510107196506030918,,
1-1-801,141.31,116.72,住宅,施雪萍,17627495349,110105199504288727,,
2-1-104,52.32,43.74,车库,祁红超,13270601210,37010220000111851X,,
9-1-101,88.00,70.00,住宅,,,,,
CSV
run pm-owner import "$T/roll.csv"
is_rc 0 "seed: the roll imports"
run pm-admin staff add 王管家 --dept service --role butler --joined 2026-01-01
is_rc 0 "seed: a butler"
run pm-admin staff add 保洁刘 --dept cleaning --role cleaning --joined 2026-01-01
is_rc 0 "seed: a cleaner"

run pm-owner vacant
is_rc 0 "vacant"
is_out "unit,type,owner,last_inspected,inspected_by,cleaned,problems,due
1-1-202,residential,顾强栋,,,,,
1-1-403,shop,曲轩玉,,,,,
1-1-801,residential,施雪萍,,,,,
2-1-104,garage,祁红超,,,,," "owned units nobody moved into or rents; none inspected yet"

inspect() {
	run pm-owner inspect "$@"
	is_rc 0 "$PM_NOW: inspect $*"
}
export PM_NOW=2026-11-16T10:00:00
inspect 2-1-104 --by 保洁刘 --cleaned
export PM_NOW=2026-11-22T10:00:00
inspect 1-1-403 --by 王管家 --problems 卫生间漏水
export PM_NOW=2026-11-23T09:00:00
inspect 1-1-202 --by 王管家 --cleaned
is "$(wc -c < "$T/out")" 0 "inspect prints nothing"
is "$(sql "SELECT date, (SELECT name FROM staff WHERE id = staff_id), cleaned, problems FROM vacant_check ORDER BY id DESC LIMIT 1")" \
	"2026-11-23|王管家|1|" "date, who and cleaned are kept"
is "$(sql "SELECT record, change FROM audit WHERE verb = 'inspect' ORDER BY id DESC LIMIT 1")" \
	"1-1-202|vacant unit inspected on 2026-11-23 by 王管家, cleaned" "audited"
export PM_NOW=2026-11-25T10:00:00
inspect 2-1-104 --date 2026-11-24
inspect 1-1-102 --date 2023-11-01 --by 王管家
is "$(sql "SELECT count(*) FROM vacant_check WHERE date = '2023-11-01'")" 1 \
	"a back-dated inspection of a unit vacant that day, occupied since, is accepted"

# today 2026-11-30; inspections every 7 days:
#   2-1-104  last 11-24, due 12-01
#   1-1-202  last 11-23, due 11-30 (today: due, not overdue)
#   1-1-403  last 11-22, due 11-29 (overdue)
#   1-1-801  never inspected (overdue)
export PM_NOW=2026-11-30T09:00:00
run pm-owner vacant
is_out "unit,type,owner,last_inspected,inspected_by,cleaned,problems,due
1-1-202,residential,顾强栋,2026-11-23,王管家,yes,,2026-11-30
1-1-403,shop,曲轩玉,2026-11-22,王管家,no,卫生间漏水,2026-11-29
1-1-801,residential,施雪萍,,,,,
2-1-104,garage,祁红超,2026-11-24,,no,,2026-12-01" "the last inspection of each, and the next due"
run pm-owner vacant --overdue --no-header
is_out "1-1-403,shop,曲轩玉,2026-11-22,王管家,no,卫生间漏水,2026-11-29
1-1-801,residential,施雪萍,,,,," "--overdue on 11-30: due yesterday, and never inspected"
run pm-owner vacant --overdue --check
is_rc 1 "--check exits 1 when units are listed"

export PM_NOW=2026-12-01T00:00:00
run pm-owner vacant --overdue --no-header
is_out "1-1-202,residential,顾强栋,2026-11-23,王管家,yes,,2026-11-30
1-1-403,shop,曲轩玉,2026-11-22,王管家,no,卫生间漏水,2026-11-29
1-1-801,residential,施雪萍,,,,," "on 12-01 the unit due on 11-30 is overdue, the one due today is not"
export PM_NOW=2026-12-02T00:00:00
run pm-owner vacant --overdue --no-header
is "$(cut -d, -f1 "$T/out" | tr '\n' ' ')" "1-1-202 1-1-403 1-1-801 2-1-104 " "on 12-02 all four"

run pm-admin settings set vacant.inspect_days 9
is_rc 0 "inspections every 9 days"
run pm-owner vacant --overdue --no-header
is "$(cut -d, -f1,8 "$T/out" | tr '\n' ' ')" "1-1-403,2026-12-01 1-1-801, " \
	"the setting moves the due days: 11-23 + 9 is today, 11-22 + 9 was yesterday"
run pm-admin settings set vacant.inspect_days 7
is_rc 0 "back to 7"

run pm-owner vacant --building 2 --no-header
is_out "2-1-104,garage,祁红超,2026-11-24,,no,,2026-12-01" "--building"
run pm-owner vacant --building 3 --check
is_rc 0 "--check exits 0 when nothing is listed"
is_out "unit,type,owner,last_inspected,inspected_by,cleaned,problems,due" "and prints the header only"

# a unit let from 12-01 is no longer vacant (the lease written by hand
# here, as pm-owner lease would)
sql "INSERT INTO person(name, phone) VALUES ('租客甲', '13900001111');
	INSERT INTO lease(unit_id, person_id, start, end_on) VALUES
	((SELECT id FROM unit WHERE code = '1-1-403'), (SELECT id FROM person WHERE name = '租客甲'),
	 '2026-12-01', '2027-11-30');"
run pm-owner vacant --no-header
is "$(cut -d, -f1 "$T/out" | tr '\n' ' ')" "1-1-202 1-1-801 2-1-104 " "a unit let drops off the list"

# refused inspections write nothing
dump > "$T/before"
run pm-owner inspect 1-1-101
is_rc 65 "an occupied unit is not inspected"
is_err "pm-owner: unit 1-1-101 was occupied on 2026-12-02, not vacant: only vacant units are inspected" \
	"says what it was"
run pm-owner inspect 1-1-403
is_rc 65 "nor a unit let"
err_has "was rented on 2026-12-02" "says so"
run pm-owner inspect 9-1-101
is_rc 65 "nor one unsold"
err_has "was unsold on 2026-12-02" "says so"
run pm-owner inspect 1-1-102 --date 2023-11-04
is_rc 65 "nor a unit on the day it was moved into"
err_has "was occupied on 2023-11-04" "says so"
run pm-owner inspect 1-1-202 --date 2026-12-03
is_rc 65 "an inspection dated tomorrow"
is_err "pm-owner: date 2026-12-03 is in the future" "is refused"
run pm-owner inspect 1-1-202 --by 张三
is_rc 65 "someone not on the staff"
run env PM_USER=张三 pm-owner inspect 1-1-202
is_rc 65 "nor, without --by, a \$PM_USER not on it"
is_err "pm-owner: no current staff member '张三' (see pm-admin staff list)" "names them"
run pm-owner inspect 1-1-202 --problems "$(printf 'a\033b')"
is_rc 65 "problems with a control character"
is_err "pm-owner: problems: text holds a control character" "say so"
run pm-owner inspect 9-9-909
is_rc 65 "no such unit"
run pm-owner inspect
is_rc 64 "no unit"
err_has "which unit? give UNIT" "asks which"
run pm-owner inspect 1-1-202 1-1-101 1-1-801
is_rc 65 "a round with an occupied unit in it"
err_has "unit 1-1-101 was occupied on 2026-12-02" "names the unit"
printf 'unit\n1-1-202\n1-1-101\n' > "$T/round.csv"
run_in "$T/round.csv" pm-owner inspect -
is_rc 65 "the same read from standard input"
printf 'room,x\n1-1-202,1\n' > "$T/nounit.csv"
run_in "$T/nounit.csv" pm-owner inspect -
is_rc 65 "standard input without a unit column"
is_err "pm-owner: <stdin>: no 'unit' column" "says so"
run pm-owner vacant 1-1-202
is_rc 64 "vacant takes no argument"
unchanged "refused inspections wrote nothing"

# a round: the overdue list piped back in, several units in one go
pm-owner vacant --overdue > "$T/due.csv"
run_in "$T/due.csv" pm-owner inspect - --by 王管家 --cleaned
is_rc 0 "inspect - reads the unit column of the overdue list"
is "$(sql "SELECT group_concat(code, ' ') FROM (SELECT u.code FROM vacant_check c JOIN unit u ON u.id = c.unit_id WHERE c.date = '2026-12-02' ORDER BY u.code)")" \
	"1-1-202 1-1-801 2-1-104" "every unit of the round is recorded"
is "$(sql "SELECT count(*) FROM audit WHERE verb = 'inspect' AND change LIKE '%on 2026-12-02%'")" 3 "each audited"
run pm-owner vacant --overdue --check
is_rc 0 "and none is overdue any more"
run pm-owner inspect 1-1-202 1-1-801 --date 2026-12-01
is_rc 0 "several units as arguments"

done_testing
