#!/bin/sh
# pm-reno: a tenant's application with consent, due (late reviews,
# overruns, notices, inspections) as of a date, --reveal audited, usage
# errors
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null
pm-admin staff add 李工 --dept engineering --role engineer
pm-admin staff add 王经理 --dept management --role manager
pm-admin staff add 保安甲 --dept security --role security
sql "INSERT INTO unit(code, building, entrance, floor, room) VALUES ('1-1-101', '1', '1', 1, '101'),
      ('1-1-102', '1', '1', 1, '102'), ('2-1-201', '2', '1', 2, '201');
     INSERT INTO person(name, phone) VALUES ('张三', '13800138000'), ('李租客', '13900139000'), ('王五', NULL);
     INSERT INTO ownership(unit_id, person_id) VALUES (1, 1), (2, 3), (3, 3);
     INSERT INTO lease(unit_id, person_id, start, end_on) VALUES (2, 2, '2026-01-01', '2027-12-31')"

export PM_NOW=2026-11-02T09:00
run pm-reno apply 1-1-102 --applicant 李租客 --consent '业主王五书面同意 2026-11-01' \
	--contractor 甲公司 --scope 刷墙 --start 2026-11-10 --end 2026-11-20
is_out "Z2026-000001" "a tenant applies with the owner's consent"
is "$(sql "SELECT party, consent FROM reno")" "tenant|业主王五书面同意 2026-11-01" "recorded as a tenant, with the consent"
run pm-reno apply 1-1-101 --applicant 张三 --contractor 乙公司 --scope 换地板 --start 2026-11-05 --end 2026-11-06
run pm-reno apply 2-1-201 --applicant 王五 --contractor 丙公司 --scope 全屋 --start 2026-11-02 --end 2026-11-30
pm-reno review Z2026-000001 --first --approve --by 李工
pm-reno review Z2026-000001 --second --approve --by 王经理
pm-reno review Z2026-000003 --first --approve --by 李工
pm-reno review Z2026-000003 --second --approve --by 王经理
pm-reno pay Z2026-000003 --deposit 3000 --method transfer > /dev/null
pm-reno start Z2026-000003
pm-reno worker add Z2026-000003 赵师傅 --id 440304199206154561 --phone 13600136000 > /dev/null

run pm-reno due --date 2026-11-04
is_rc 0 "due, listing"
is_out "kind,permit,unit,ref,due,days_late,detail
inspections,Z2026-000003,2-1-201,,2026-11-04,0,0 of 2 inspections" "on the 4th only the site missing inspections"
PM_NOW=2026-11-04T11:00 pm-reno inspect Z2026-000003 --by 保安甲
PM_NOW=2026-11-04T16:00 pm-reno inspect Z2026-000003 --by 保安甲
run pm-reno due --date 2026-11-04 --check
is_rc 0 "two inspections that day: nothing late, exit 0"
is_out "kind,permit,unit,ref,due,days_late,detail" "an empty list"
run pm-reno due --date 2026-11-05 --check
is_rc 1 "the next day the review of Z2026-000002 is late"
is_out "kind,permit,unit,ref,due,days_late,detail
inspections,Z2026-000003,2-1-201,,2026-11-05,0,0 of 2 inspections
review,Z2026-000002,1-1-101,,2026-11-04,1,first review" "2 days from the 2nd was the 4th"
run pm-reno due --date 2026-11-25
is_out "kind,permit,unit,ref,due,days_late,detail
inspections,Z2026-000003,2-1-201,,2026-11-25,0,0 of 2 inspections
overrun,Z2026-000001,1-1-102,,2026-11-20,5,approved
review,Z2026-000002,1-1-101,,2026-11-04,21,first review" "an approved work past its planned end"
pm-admin settings set reno.review_days 30
run pm-reno due --date 2026-11-25
out_lacks "review," "the deadline follows the setting"
pm-admin settings set reno.inspections_per_day 0
run pm-reno due --date 2026-11-25
out_lacks "inspections," "and so does the number of inspections"

run pm-reno worker list Z2026-000003 --reveal
is_out "name,id_no,phone,trade,added,pass
赵师傅,440304199206154561,13600136000,,2026-11-02T09:00:00," "--reveal shows the numbers"
is "$(sql "SELECT count(*) FROM audit WHERE change = 'revealed phone and ID numbers'")" 1 "and is audited"

# usage errors and bad input
run pm-reno review Z2026-000002 --approve --by 李工
is_rc 64 "review needs --first or --second"
run pm-reno review Z2026-000002 --first --approve --reject x --by 李工
is_rc 64 "and one verdict"
run pm-reno review Z2026-999999 --first --approve --by 李工
is_rc 65 "an unknown permit"
is_err "pm-reno: no renovation 'Z2026-999999' (see pm-reno list)" "is named"
run pm-reno apply 1-1-101 --applicant 张三 --contractor x --scope y --start 2026-12-01 --end 2026-12-31 --attach "$T/nosuch.pdf"
is_rc 66 "a missing attachment is 66"
is "$(sql "SELECT count(*) FROM reno")" 3 "and nothing was written"
run pm-reno pay Z2026-000001 --deposit -5 --method cash
is_rc 64 "a negative deposit is a usage error"
run pm-reno pay Z2026-000001 --method cash
is_rc 64 "the deposit is required"
run pm-reno list --status nosuch
is_rc 64 "an unknown status"
run pm-reno summary --month 2026-13
is_rc 64 "a bad month"
run pm-reno frobnicate
is_rc 64 "an unknown verb"
run pm-reno list 1-1-102
is_out "permit,unit,applicant,contractor,status,start,end,submitted,approved,deposit
Z2026-000001,1-1-102,李租客,甲公司,approved,2026-11-10,2026-11-20,2026-11-02T09:00,2026-11-02T09:00," "list for a unit"

done_testing
