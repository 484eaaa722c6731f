#!/bin/sh
# BAD-INPUTS 13: duplicate, missing and unknown header names; Chinese
# aliases.  Policy: a missing required column or two columns for one
# field is an error (65); an unknown column is a warning and ignored (0)
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf 'unit,name,unit\n1-2-101,陈静,1-2-101\n' > "$T/dup.csv"
run pm-owner import "$T/dup.csv"
is_rc 65 "a header named twice"
is_err "pm-owner: $T/dup.csv:1: columns 'unit' and 'unit' both give 'unit'" "is an error naming both"
printf 'unit,房号,name\n1-2-101,1-2-101,陈静\n' > "$T/alias.csv"
run pm-owner import "$T/alias.csv"
is_rc 65 "a field given by its name and its alias"
is_err "pm-owner: $T/alias.csv:1: columns 'unit' and '房号' both give 'unit'" "is an error too"
printf 'room,name\n1-2-101,陈静\n' > "$T/missing.csv"
run pm-owner import "$T/missing.csv"
is_rc 65 "no unit column"
is_err "pm-owner: $T/missing.csv:1: no 'unit' column (or '房号')" "names the missing column"
unchanged "none of them wrote anything"

printf '房号,姓名,电话,建筑面积,颜色\n1-2-101,陈静,13700001111,88.50,红\n' > "$T/zh.csv"
run pm-owner import "$T/zh.csv"
is_rc 0 "Chinese header aliases import; an unknown column does not stop it"
is_err "pm-owner: $T/zh.csv:1: 颜色: warning: unknown column, ignored (name it with --map 'header=field')" \
	"the unknown column is a warning naming it"
is "$(sql "SELECT u.building_area, p.name FROM unit u JOIN ownership o ON o.unit_id = u.id JOIN person p ON p.id = o.person_id WHERE u.code = '1-2-101'")" \
	"8850|陈静" "房号, 姓名 and 建筑面积 read as unit, name and building_area"

done_testing
