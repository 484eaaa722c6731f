#!/bin/sh
# pm-owner list and show: filters, formats, masking, status
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null || exit 1

cat > "$T/roll.csv" <<'ROLL'
unit,building_area,usable_area,type,name,phone,id_no,move_in,remark
1-1-101,63.14,52.42,储藏室,房强雨,16763170669,370102199801232729,2018-10-04,精装修
1-1-102,48.01,38.62,住宅,闵涵诺,13837783533,110105199808104261,,
2-1-101,178.99,148.88,住宅,柯凯,17683449786,33010619870116761X,2021-11-06,"=HYPERLINK(""x"")"
10-1-101,164.17,134.76,车库,冯子俊,19286570704,320106199510196621,2023-04-01,
2-1-102,90.00,,住宅,,,,,
ROLL
run pm-owner import "$T/roll.csv"
is_rc 0 "the roll imports"

run pm-owner list
is_rc 0 "list"
is_out "unit,building,type,building_area,usable_area,status,owner,phone,move_in
1-1-101,1,storage,63.14,52.42,occupied,房强雨,167****0669,2018-10-04
1-1-102,1,residential,48.01,38.62,vacant,闵涵诺,138****3533,
2-1-101,2,residential,178.99,148.88,occupied,柯凯,176****9786,2021-11-06
2-1-102,2,residential,90.00,,unsold,,,
10-1-101,10,garage,164.17,134.76,occupied,冯子俊,192****0704,2023-04-01" \
	"csv when piped, in natural unit order, phones masked, status derived"

run pm-owner list --reveal --status occupied --building 2
is_out "unit,building,type,building_area,usable_area,status,owner,phone,move_in
2-1-101,2,residential,178.99,148.88,occupied,柯凯,17683449786,2021-11-06" "--status and --building filter; --reveal shows phones"
run pm-owner list --status 空置 --no-header
is_out "1-1-102,1,residential,48.01,38.62,vacant,闵涵诺,138****3533," "Chinese status keywords; --no-header"
run pm-owner list --type 车库 -o tsv
is_out "unit	building	type	building_area	usable_area	status	owner	phone	move_in
10-1-101	10	garage	164.17	134.76	occupied	冯子俊	192****0704	2023-04-01" "--type in Chinese; tsv"
run pm-owner list --not-moved-in --no-header
is_out "1-1-102,1,residential,48.01,38.62,vacant,闵涵诺,138****3533,
2-1-102,2,residential,90.00,,unsold,,," "--not-moved-in"
run pm-owner list --phone 0704 --no-header
is_out "10-1-101,10,garage,164.17,134.76,occupied,冯子俊,192****0704,2023-04-01" "--phone with the last four digits"
run pm-owner list --owner 柯 --no-header
is_out "2-1-101,2,residential,178.99,148.88,occupied,柯凯,176****9786,2021-11-06" "--owner matches part of a name"
run pm-owner list --status sold
is_rc 64 "an unknown status is a usage error"
err_has "unknown status 'sold'" "naming it"
run pm-owner list --phone abc
is_rc 64 "a --phone that is no phone is a usage error"

run pm-owner list --building 1 -o json
is_out '[
  {"unit": "1-1-101", "building": "1", "type": "storage", "building_area": 63.14, "usable_area": 52.42, "status": "occupied", "owner": "房强雨", "phone": "167****0669", "move_in": "2018-10-04"},
  {"unit": "1-1-102", "building": "1", "type": "residential", "building_area": 48.01, "usable_area": 38.62, "status": "vacant", "owner": "闵涵诺", "phone": "138****3533", "move_in": null}
]' "json: numbers bare, null for nothing"

run pm-owner list --building 1 -o table
is_out "Unit     Building  Type         Building area  Usable area  Status    Owner   Phone        Moved in
-------  --------  -----------  -------------  -----------  --------  ------  -----------  ----------
1-1-101  1         storage              63.14        52.42  occupied  房强雨  167****0669  2018-10-04
1-1-102  1         residential          48.01        38.62  vacant    闵涵诺  138****3533" \
	"table: Chinese aligned by display width, numbers to the right"

run pm-owner export --excel --reveal
is "$(head -c 3 "$T/out" | od -An -tx1 | tr -d ' ')" efbbbf "--excel starts with a BOM"
holds "--excel ends lines with CRLF" grep -q "$(printf '\r')\$" "$T/out"
out_has "\"'=HYPERLINK(\"\"x\"\")\"" "--excel guards a formula in a text cell"
out_has ",178.99," "but not numbers"

run pm-owner show 3栋2单元1501
is_rc 65 "show of a unit that does not exist"
is_err "pm-owner: no unit '3-2-1501'" "names the normalized code"
run pm-owner show 'x y!'
is_rc 65 "show of something that is no unit code"
run pm-owner show 2栋1单元101室 -o json
is_rc 0 "show accepts the unit written the Chinese way"
out_has '"unit": {"unit": "2-1-101"' "the unit section is one object"
out_has '"owners": [' "the owners section a list"
out_has '"visits": []' "every section is there, even when empty"
out_has '"id_no": "330106********761X"' "ID masked in the archive"

done_testing
