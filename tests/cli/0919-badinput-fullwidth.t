#!/bin/sh
# BAD-INPUTS 19: full-width digits and letters in phone, ID, area and
# unit code are folded to ASCII before checking (names are left alone)
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
printf '%s\n' 'unit,building_area,name,phone,id_no' \
	'３－２－１５０１,８９．３７,ＡＢ陈静,１３７００００１１１１,３１０１１５１９８５０５２０４５６ｘ' > "$T/fw.csv"
run pm-owner import "$T/fw.csv"
is_rc 0 "a row typed in full-width imports"
is "$(sql "SELECT u.code, u.building_area, p.phone, p.id_no, p.name FROM unit u JOIN ownership o ON o.unit_id = u.id JOIN person p ON p.id = o.person_id WHERE u.code = '3-2-1501'")" \
	"3-2-1501|8937|13700001111|31011519850520456X|ＡＢ陈静" \
	"code, area, phone and ID folded to ASCII (ｘ to X); the name kept as typed"

done_testing
