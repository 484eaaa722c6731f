#!/bin/sh
# pm-owner key in, out, list: keys in custody (钥匙托管), when and by whom
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
1-1-202,154.80,119.80,住宅,顾强栋,16903289218,310115196601270859,,
CSV
run pm-owner import "$T/roll.csv"
is_rc 0 "seed: the roll imports"
run pm-admin staff add 李娜 --dept service --role clerk
is_rc 0 "seed: a clerk"

export PM_NOW=2026-11-02T10:15:00
run pm-owner key in 1-1-202 --what 入户门钥匙2把 --from 顾强栋 --by 李娜
is_rc 0 "key in"
is "$(wc -c < "$T/out")" 0 "prints nothing"
is "$(sql "SELECT what, taken, (SELECT name FROM staff WHERE id = taken_by), from_whom, returned FROM key_custody")" \
	"入户门钥匙2把|2026-11-02T10:15:00|李娜|顾强栋|" "what, when, by whom and from whom"
is "$(sql "SELECT record, change FROM audit WHERE verb = 'key in'")" \
	"1-1-202|key taken into custody: 入户门钥匙2把, from 顾强栋, by 李娜" "audited"

export PM_NOW=2026-11-03T08:00:00
run pm-owner key in 1-1-202 --what 信箱钥匙
is_rc 0 "a second key of the unit, no one named"
run pm-owner key in 1-1-101 --what 车库遥控器
is_rc 0 "a key of another unit"

dump > "$T/before"
run pm-owner key in 1-1-202 --what ' 入户门钥匙2把 '
is_rc 65 "a key already held is refused"
is_err "pm-owner: unit 1-1-202: '入户门钥匙2把' is already in custody" "says so"
run pm-owner key in 1-1-202 --what 阳台钥匙 --by 张三
is_rc 65 "someone not on the staff"
is_err "pm-owner: no current staff member '张三' (see pm-admin staff list)" "is named"
run pm-owner key in 9-9-909 --what 钥匙
is_rc 65 "no such unit"
run pm-owner key in 1-1-202 --what ' '
is_rc 64 "a blank --what"
run pm-owner key in 1-1-202
is_rc 64 "key in without --what"
err_has "which key? give --what TEXT" "says what is missing"
run pm-owner key out 1-1-202 --what 阳台钥匙
is_rc 65 "handing back a key not held"
is_err "pm-owner: unit 1-1-202: '阳台钥匙' is not in custody" "says so"
run pm-owner key out
is_rc 64 "key out without UNIT"
unchanged "refused writes changed nothing"

run pm-owner key list
is_rc 0 "key list"
is_out "unit,what,taken,taken_by,from_whom,returned,returned_to
1-1-101,车库遥控器,2026-11-03T08:00:00,,,,
1-1-202,信箱钥匙,2026-11-03T08:00:00,,,,
1-1-202,入户门钥匙2把,2026-11-02T10:15:00,李娜,顾强栋,," "newest first"

export PM_NOW=2026-11-20T16:40:00
run pm-owner key out 1-1-202 --what 信箱钥匙 --to 顾强栋
is_rc 0 "key out, one key"
is "$(sql "SELECT returned, returned_to FROM key_custody WHERE what = '信箱钥匙'")" \
	"2026-11-20T16:40:00|顾强栋" "when and to whom"
is "$(sql "SELECT record, change FROM audit WHERE verb = 'key out'")" \
	"1-1-202|key returned: 信箱钥匙, to 顾强栋" "audited"
run pm-owner key list --held
is_out "unit,what,taken,taken_by,from_whom,returned,returned_to
1-1-101,车库遥控器,2026-11-03T08:00:00,,,,
1-1-202,入户门钥匙2把,2026-11-02T10:15:00,李娜,顾强栋,," "--held: only keys still in custody"

run pm-owner key in 1-1-202 --what 信箱钥匙
is_rc 0 "a key handed back may be taken in again"
export PM_NOW=2026-11-21T09:00:00
run pm-owner key out 1-1-202 --to 顾强栋
is_rc 0 "key out without --what hands back every key of the unit"
is "$(sql "SELECT count(*) FROM key_custody WHERE unit_id = (SELECT id FROM unit WHERE code = '1-1-202') AND returned IS NULL")" \
	0 "none of the unit's keys is held"
is "$(sql "SELECT change FROM audit WHERE verb = 'key out' ORDER BY id DESC LIMIT 1")" \
	"key returned: 入户门钥匙2把, 信箱钥匙, to 顾强栋" "one audit row names them all"
run pm-owner key out 1-1-202
is_rc 65 "and then there are none"
is_err "pm-owner: unit 1-1-202 has no keys in custody" "says so"

run pm-owner key list --unit 1-1-202 --no-header
is_out "1-1-202,信箱钥匙,2026-11-20T16:40:00,,,2026-11-21T09:00:00,顾强栋
1-1-202,信箱钥匙,2026-11-03T08:00:00,,,2026-11-20T16:40:00,顾强栋
1-1-202,入户门钥匙2把,2026-11-02T10:15:00,李娜,顾强栋,2026-11-21T09:00:00,顾强栋" "--unit: the whole history"
run pm-owner key list --held --unit 1栋1单元101 --no-header
is_out "1-1-101,车库遥控器,2026-11-03T08:00:00,,,," "--held and --unit together"
run pm-owner key
is_rc 0 "key without a sub-verb lists"

run env PM_USER=李娜 pm-owner key in 1-1-101 --what 信箱钥匙
is_rc 0 "without --by, \$PM_USER took it"
is "$(sql "SELECT s.name FROM key_custody k JOIN staff s ON s.id = k.taken_by WHERE k.what = '信箱钥匙' AND k.unit_id = (SELECT id FROM unit WHERE code = '1-1-101')")" \
	李娜 "and is recorded"
run pm-owner key out 1-1-101 --what 信箱钥匙
is_rc 0 "and handed back"

done_testing
