#!/bin/sh
# BAD-INPUTS 26: cells starting = + - @ (=HYPERLINK(...)) in free text
# are imported verbatim.  Policy (DESIGN.md, Output): plain CSV export is
# for machines and re-import, so it is verbatim too; --excel (the file a
# desk opens) guards them with a leading ', and typed numeric columns
# (areas) are never prefixed.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
cat > "$T/f.csv" <<'CSV'
unit,building_area,name,remark,parking
1-2-101,80.5,=1+2,"=HYPERLINK(""http://x"",""y"")",+1
1-2-102,80.5,@SUM(A1),-2,@B2
CSV
run pm-owner import "$T/f.csv"
is_rc 0 "formula-like cells import"
is "$(sql "SELECT group_concat(u.remark || '|' || u.parking || '|' || p.name, ' ') FROM unit u JOIN ownership o ON o.unit_id = u.id JOIN person p ON p.id = o.person_id WHERE u.code LIKE '1-2-%'")" \
	'=HYPERLINK("http://x","y")|+1|=1+2 -2|@B2|@SUM(A1)' "stored verbatim"
run pm-owner export --reveal -o csv
is_rc 0 "plain CSV export"
out_has '1-2-101,80.50,,,residential,,,+1,=1+2,,,,,,"=HYPERLINK(""http://x"",""y"")"' "is verbatim (it imports back)"
run pm-owner export --reveal --excel
is_rc 0 "--excel export"
out_has "1-2-101,80.50,,,residential,,,\"'+1\",\"'=1+2\",,,,,,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" \
	"guards every formula cell with a leading '"
out_has "1-2-102,80.50,,,residential,,,\"'@B2\",\"'@SUM(A1)\",,,,,,\"'-2\"" "including - and @"
out_lacks "\"'80.50\"" "the area, a typed number, is not prefixed"

done_testing
