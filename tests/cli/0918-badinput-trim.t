#!/bin/sh
# BAD-INPUTS 18: ASCII spaces and tabs, U+3000 and NBSP around a cell are
# trimmed by the one rule of utf8.h (libcsv's ASCII trimming is off)
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
# name: spaces and a tab; unit: U+3000 both sides; phone: NBSP; remark: U+3000 and U+200B
printf 'unit,name,phone,remark\n\343\200\2001-2-101\343\200\200,"  陈 静\t ",\302\24013700001111\302\240,\343\200\200东户\342\200\213\n' > "$T/trim.csv"
run pm-owner import "$T/trim.csv"
is_rc 0 "cells wrapped in ASCII and Unicode white space import"
is "$(sql "SELECT u.code || '|' || p.name || '|' || p.phone || '|' || u.remark FROM unit u JOIN ownership o ON o.unit_id = u.id JOIN person p ON p.id = o.person_id WHERE u.code = '1-2-101'")" \
	"1-2-101|陈 静|13700001111|东户" "trimmed at both ends, inner space kept"

done_testing
