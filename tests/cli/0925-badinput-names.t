#!/bin/sh
# BAD-INPUTS 25: names with quotes, SQL, emoji and 4-byte characters are
# stored and exported byte for byte (bound parameters); a name over
# PM_NAME_MAX characters, a control character or a bidi override is a
# row error
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
cat > "$T/names.csv" <<'CSV'
unit,name,remark
1-2-101,O'Brien,
1-2-102,"'); DROP TABLE person;--",
1-2-103,"张三""",
1-2-104,𠀀😀,
1-2-105,"Robert""); DELETE FROM unit; --",'; SELECT 1
CSV
run pm-owner import "$T/names.csv"
is_rc 0 "awkward names import"
is "$(sql "SELECT count(*) FROM person")" 8 "the person table is still there, with every name"
is "$(sql "SELECT group_concat(hex(p.name), ' ') FROM (SELECT p.name FROM unit u JOIN ownership o ON o.unit_id = u.id JOIN person p ON p.id = o.person_id WHERE u.code LIKE '1-2-%' ORDER BY u.code) p")" \
	"$(for n in "O'Brien" "'); DROP TABLE person;--" '张三"' '𠀀😀' 'Robert"); DELETE FROM unit; --'; do printf '%s' "$n" | od -An -tx1 | tr -d ' \n' | tr a-f A-F; printf ' '; done | sed 's/ $//')" \
	"stored byte for byte"
run pm-owner export --reveal -o csv
cp "$T/out" "$T/export.csv"
PM_DB=$T/copy.db pm-admin init > /dev/null
PM_DB=$T/copy.db run pm-owner import "$T/export.csv"
is_rc 0 "the export imports again"
is "$(sqlite3 "$T/copy.db" "SELECT group_concat(name, '|') FROM (SELECT name FROM person ORDER BY name)")" \
	"$(sql "SELECT group_concat(name, '|') FROM (SELECT name FROM person ORDER BY name)")" "to the same names"

dump > "$T/before"
long=$(awk 'BEGIN { for (i = 0; i < 51; i++) printf "张" }')
printf 'unit,name\n1-2-106,%s\n1-2-107,a\342\200\256b\n1-2-108,a\001b\n1-2-109,"a\nb"\n' "$long" > "$T/bad.csv"
run pm-owner import "$T/bad.csv"
is_rc 65 "long names and control characters are refused"
is_err "pm-owner: $T/bad.csv:2: name: name too long
pm-owner: $T/bad.csv:3: name: name holds a control character
pm-owner: $T/bad.csv:4: name: name holds a control character
pm-owner: $T/bad.csv:5: name: name holds a control character" "a 51-character name, U+202E, U+0001 and a line break"
unchanged "nothing was imported"

done_testing
