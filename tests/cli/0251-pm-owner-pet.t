#!/bin/sh
# pm-owner pet add, remove, list: kinds in English or Chinese, one pet
# per licence number, removal by licence or by name
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
CSV
run pm-owner import "$T/roll.csv"
is_rc 0 "seed: the roll imports"

run pm-owner pet add 1-1-101 --name 旺财 --breed 柯基 --licence ' 京犬字ab-001 ' --expires 2027-03-31
is_rc 0 "pet add: a dog by default"
is "$(wc -c < "$T/out")" 0 "prints nothing"
is "$(sql "SELECT kind, name, breed, licence, expires FROM pet")" "dog|旺财|柯基|京犬字AB-001|2027-03-31" \
	"the licence number is cleaned like a code"
is "$(sql "SELECT record, change FROM audit WHERE verb = 'pet add'")" \
	"1-1-101|dog added, name 旺财, breed 柯基, licence 京犬字AB-001, expires 2027-03-31" "audited"

run pm-owner pet add 1-1-101 --kind 猫 --name 咪咪
is_rc 0 "a cat, the kind in Chinese"
run pm-owner pet add 1-1-102 --kind 狗 --name 旺财 --licence B-002 --expires 2026-12-15
is_rc 0 "another 旺财 in another unit"
run pm-owner pet add 1-1-102 --kind dog --name 旺财 --licence B-003
is_rc 0 "and a second 旺财 in the same unit"

run pm-owner pet list
is_rc 0 "pet list"
is_out "unit,kind,name,breed,licence,expires,removed
1-1-101,dog,旺财,柯基,京犬字AB-001,2027-03-31,
1-1-101,cat,咪咪,,,,
1-1-102,dog,旺财,,B-002,2026-12-15,
1-1-102,dog,旺财,,B-003,," "by unit, in the order registered"
run pm-owner pet list --expiring 15d --no-header
is_out "1-1-102,dog,旺财,,B-002,2026-12-15," "--expiring 15d takes the licence expiring on today + 15"
run pm-owner pet list --expiring 14d --no-header
is "$(wc -c < "$T/out")" 0 "and --expiring 14d does not"
run pm-owner pet list --unit 1-1-101 --no-header
is_out "1-1-101,dog,旺财,柯基,京犬字AB-001,2027-03-31,
1-1-101,cat,咪咪,,,," "--unit"

# refusals
dump > "$T/before"
run pm-owner pet add 1-1-102 --licence 京犬字ab-001
is_rc 65 "a licence number held by another pet"
is_err "pm-owner: licence '京犬字AB-001' is already held by a pet of unit 1-1-101" "names its unit"
run pm-owner pet add 1-1-102 --kind 鱼 --name 小金
is_rc 65 "an unknown kind"
is_err "pm-owner: unknown kind of pet '鱼' (one of: dog, cat, bird, other)" "lists the kinds"
run pm-owner pet add 1-1-102 --name "$(printf 'a\001b')"
is_rc 65 "a name with a control character"
is_err "pm-owner: name: name holds a control character" "says so"
run pm-owner pet add 9-9-909 --name 小白
is_rc 65 "no such unit"
run pm-owner pet remove 1-1-101 --licence NOPE
is_rc 65 "removing a licence the unit does not have"
is_err "pm-owner: unit 1-1-101 has no pet with licence 'NOPE'" "says so"
run pm-owner pet remove 1-1-101 --name 小黑
is_rc 65 "removing a name the unit does not have"
is_err "pm-owner: unit 1-1-101 has no pet called '小黑'" "says so"
run pm-owner pet remove 1-1-102 --name 旺财
is_rc 65 "a name two pets of the unit answer to"
is_err "pm-owner: unit 1-1-102 has 2 pets called '旺财': give --licence" "asks for the licence"
run pm-owner pet remove 1-1-101 --name 咪咪 --date 2026-12-01
is_rc 65 "a removal in the future"
run pm-owner pet remove 1-1-102 --licence B-002 --name 旺财
is_rc 64 "both --licence and --name"
err_has "which pet? give --licence TEXT or --name TEXT (one of them)" "says to give one"
run pm-owner pet remove 1-1-102
is_rc 64 "neither"
run pm-owner pet add
is_rc 64 "add without UNIT"
run pm-owner pet add 1-1-102 --kind cat
is_rc 64 "a pet with neither name nor licence"
err_has "which pet? give --name TEXT or --licence TEXT" "asks for one"
run pm-owner pet add 1-1-102 --name ' '
is_rc 64 "a blank name is none"
unchanged "refused writes changed nothing"

run pm-owner pet remove 1-1-102 --licence b-002 --date 2026-11-28
is_rc 0 "remove by licence"
is "$(sql "SELECT removed FROM pet WHERE licence = 'B-002'")" 2026-11-28 "the day is kept"
is "$(sql "SELECT record, change FROM audit WHERE verb = 'pet remove'")" \
	"1-1-102|dog B-002 removed on 2026-11-28" "audited"
run pm-owner pet remove 1-1-102 --name 旺财
is_rc 0 "now the name picks one"
run pm-owner pet remove 1-1-101 --name 咪咪
is_rc 0 "remove by name"
is "$(sql "SELECT removed FROM pet WHERE name = '咪咪'")" 2026-11-30 "today by default"
run pm-owner pet list --no-header
is_out "1-1-101,dog,旺财,柯基,京犬字AB-001,2027-03-31," "removed pets are not listed"
run pm-owner pet list --all --no-header --unit 1-1-102
is_out "1-1-102,dog,旺财,,B-002,2026-12-15,2026-11-28
1-1-102,dog,旺财,,B-003,,2026-11-30" "unless --all"
run pm-owner pet add 1-1-101 --licence B-002
is_rc 0 "a removed pet's licence number is free again"
run pm-owner show 1-1-102 -o csv
is "$(sed -n '/^\[pets\]/,/^$/p' "$T/out")" "[pets]
kind,name,breed,licence,expires,removed
dog,旺财,,B-002,2026-12-15,2026-11-28
dog,旺财,,B-003,,2026-11-30" "the household archive keeps them"

done_testing
