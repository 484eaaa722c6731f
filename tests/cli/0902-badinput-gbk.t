#!/bin/sh
# BAD-INPUTS 2: GBK / GB18030 as Excel saves "CSV" on Chinese Windows:
# detected (not UTF-8 -> GB18030) or named with --encoding; stored as UTF-8.
# The 1000-row roll-excel-gbk.csv is in 0200-pm-owner-import.t.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf '房号,业主姓名,备注\r\n1-2-101,张三丰,一楼东户\r\n1-2-102,欧阳锋,\r\n' | iconv -f UTF-8 -t GB18030 > "$T/gbk.csv"
run pm-owner import "$T/gbk.csv"
is_rc 0 "a GBK roll imports without --encoding"
is "$(sql "SELECT p.name, hex(p.name) FROM unit u JOIN ownership o ON o.unit_id = u.id JOIN person p ON p.id = o.person_id WHERE u.code = '1-2-101'")" \
	"张三丰|E5BCA0E4B889E4B8B0" "the name is stored as UTF-8"
is "$(sql "SELECT remark FROM unit WHERE code = '1-2-101'")" 一楼东户 "and so is the remark"

rm -f "$PM_DB"*
base_estate
run pm-owner import --encoding=gbk "$T/gbk.csv"
is_rc 0 "--encoding=gbk"
is "$(sql "SELECT count(*) FROM person WHERE name IN ('张三丰', '欧阳锋')")" 2 "gives the same people"
run pm-owner import --encoding=gb18030 "$T/gbk.csv"
is_rc 0 "--encoding=gb18030 reads it as well"
out_has "units: 0 added, 0 updated, 2 unchanged" "and finds nothing new"

done_testing
