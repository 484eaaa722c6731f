#!/bin/sh
# BAD-INPUTS 50: what pm-owner export writes, pm-owner import reads back
# to the same bytes, as TSV and as CSV.  TSV used to escape a tab as \t
# and a line break as \n, which import kept as two characters, doubled
# backslashes, and broke on a quote; it is now quoted as Excel writes
# it, which the importer already read.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh disable=SC1091
. "$(dirname "$0")/badinput.sh"

pm-admin init > /dev/null || exit 1
{
	printf '%s\n' 'unit,name,phone,id_no,remark'
	printf '%s\n' "1-1-101,王伟,$PH1,$ID1,\"tab	inside\""
	printf '%s\n' '1-1-102,李娜,,,"line1' 'line2"'
	printf '1-1-103,赵敏,,,"crlf\r\nline"\n'
	printf '%s\n' '1-1-104,孙丽,,,"back\slash \n \t \\ not escapes"'
	printf '%s\n' '1-1-105,"Li ""Si""",,,"5"" pipe, ""q"""'
	printf '%s\n' '1-1-106,O'"'"'Brien,,,"""leading quote"'
	printf '%s\n' '1-1-107,吴军,,,"=HYPERLINK(""http://x"",""a,b"")"'
	printf '%s\n' '1-1-108,郑洁,,,"a,b;c|d"'
} > "$T/roll.csv"
pm-owner import "$T/roll.csv" > /dev/null || exit 1
remarks() {
	sqlite3 "$1" "SELECT code, hex(remark), (SELECT group_concat(hex(p.name) || ':' || hex(ifnull(p.phone, '')) || ':' || hex(ifnull(p.id_no, '')))
		FROM ownership o JOIN person p ON p.id = o.person_id WHERE o.unit_id = unit.id) FROM unit ORDER BY code"
}
remarks "$PM_DB" > "$T/a.hex"
is "$(sql "SELECT hex(remark) FROM unit WHERE code = '1-1-101'")" "$(printf 'tab\tinside' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" \
	"the roll's tab is stored as a tab"

for fmt in tsv csv; do
	pm-owner export --reveal -o $fmt > "$T/a.$fmt"
	pm-admin --db "$T/$fmt.db" init > /dev/null
	run sh -c "pm-owner export --reveal -o $fmt | pm-owner --db '$T/$fmt.db' import -"
	is_rc 0 "$fmt: export | import into a new database"
	out_has "people: 8 added" "$fmt: every person arrives"
	remarks "$T/$fmt.db" > "$T/$fmt.hex"
	holds "$fmt: names and remarks byte for byte" cmp -s "$T/a.hex" "$T/$fmt.hex"
	pm-owner --db "$T/$fmt.db" export --reveal -o $fmt > "$T/b.$fmt"
	holds "$fmt: the second export is the first" cmp -s "$T/a.$fmt" "$T/b.$fmt"
	run sh -c "pm-owner export --reveal -o $fmt | pm-owner import -"
	is_rc 0 "$fmt: re-import into the same database"
	out_has "people: 0 added, 0 updated, 8 unchanged" "$fmt: changes nothing"
done
remarks "$PM_DB" > "$T/again.hex"
holds "the database still holds the roll's bytes" cmp -s "$T/a.hex" "$T/again.hex"

# the TSV itself: quoted only where Excel quotes
grep '^1-1-105' "$T/a.tsv" > "$T/line"
holds "a quote doubles inside a quoted field" grep -q '	"Li ""Si"""	' "$T/line"
grep '^1-1-108' "$T/a.tsv" > "$T/line"
holds "a comma needs no quotes in TSV" grep -q '	a,b;c|d$' "$T/line"
is "$(grep -c 'tab\\t' "$T/a.tsv")" 0 "a tab is not written as an escape"

done_testing
