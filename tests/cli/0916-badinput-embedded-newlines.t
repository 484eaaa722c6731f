#!/bin/sh
# BAD-INPUTS 16: quoted fields with CRLF or LF inside (csv-spectrum's
# newlines*) are kept byte for byte, through export and import again
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,name,remark\r\n1-2-101,陈静,"第一行\r\n第二行"\r\n1-2-102,周杰,"a\nb\n"\r\n1-2-103,吴磊,"引""号\r\n,逗号"\r\n' > "$T/nl.csv"
run pm-owner import "$T/nl.csv"
is_rc 0 "a roll with line breaks inside quotes imports"
hex() { printf '%b' "$1" | od -An -tx1 | tr -d ' \n' | tr a-f A-F; }
is "$(sql "SELECT hex(remark) FROM unit WHERE code = '1-2-101'")" "$(hex '第一行\r\n第二行')" "CRLF inside quotes kept"
is "$(sql "SELECT hex(remark) FROM unit WHERE code = '1-2-102'")" "$(hex 'a\nb\n')" "LF inside quotes kept, a trailing one too"
is "$(sql "SELECT hex(remark) FROM unit WHERE code = '1-2-103'")" "$(hex '引"号\r\n,逗号')" "quotes, CRLF and commas together"
run pm-owner export --reveal -o csv
cp "$T/out" "$T/export.csv"
PM_DB=$T/copy.db pm-admin init > /dev/null
PM_DB=$T/copy.db run pm-owner import "$T/export.csv"
is_rc 0 "the export imports into a new database"
is "$(sqlite3 "$T/copy.db" "SELECT group_concat(hex(remark), ' ') FROM (SELECT remark FROM unit WHERE code LIKE '1-2-%' ORDER BY code)")" \
	"$(sql "SELECT group_concat(hex(remark), ' ') FROM (SELECT remark FROM unit WHERE code LIKE '1-2-%' ORDER BY code)")" \
	"with every remark byte for byte"

done_testing
