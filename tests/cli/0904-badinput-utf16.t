#!/bin/sh
# BAD-INPUTS 4: UTF-16LE with a BOM, tab-separated (Excel "Unicode Text");
# also UTF-16BE
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
# as Excel writes it: a cell with quotes is quoted, its quotes doubled
printf 'unit\tname\tremark\r\n1-2-101\t陈静\t"有逗号, 也有""引号"""\r\n' > "$T/u8.txt"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$T/u8.txt"; } > "$T/le.txt"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$T/u8.txt"; } > "$T/be.txt"
run pm-owner import "$T/le.txt"
is_rc 0 "UTF-16LE with a BOM, tab-separated, imports"
is "$(sql "SELECT p.name, u.remark FROM unit u JOIN ownership o ON o.unit_id = u.id JOIN person p ON p.id = o.person_id WHERE u.code = '1-2-101'")" \
	'陈静|有逗号, 也有"引号"' "read as TSV: the comma and quotes are data"
rm -f "$PM_DB"*
base_estate
run pm-owner import "$T/be.txt"
is_rc 0 "UTF-16BE with a BOM imports too"
is "$(sql "SELECT remark FROM unit WHERE code = '1-2-101'")" '有逗号, 也有"引号"' "with the same fields"

done_testing
