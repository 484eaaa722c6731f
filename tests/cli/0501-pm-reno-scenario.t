#!/bin/sh
# pm-reno, one renovation from application to refund: a rejection and a
# resubmission, workers and passes (one lost), a violation and its
# rectification, an extension, acceptance and a refund with deductions.
# At every step the log, the pass register and pm-fee's deposit ledger
# agree; every step out of order is refused with 65 and writes nothing.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init --estate 阳光花园 > /dev/null
pm-admin staff add 李工 --dept engineering --role engineer
pm-admin staff add 王经理 --dept management --role manager
pm-admin staff add 保安甲 --dept security --role security
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area) VALUES ('1-1-101', '1', '1', 1, '101', 8937);
     INSERT INTO person(name, phone) VALUES ('张三', '13800138000'), ('李租客', '13900139000'), ('路人', NULL);
     INSERT INTO ownership(unit_id, person_id) VALUES (1, 1);
     INSERT INTO lease(unit_id, person_id, start) VALUES (1, 2, '2026-01-01');
     INSERT INTO movein(unit_id, date) VALUES (1, '2026-01-01')"
pm-fee item add reno --name 装修管理费 --basis fixed --rate 300 --since 2026-01
printf 'drawing' > "$T/drawing.pdf"
printf 'id copies' > "$T/ids.pdf"
Z=Z2026-000001

# agree STATUS EVENT: the renovation is in STATUS, its log ends with
# EVENT, the passes out by the register are those the log issued and
# did not see back, and pm-fee's deposit ledger holds what the
# renovation says it does
agree() {
	is "$(sql "SELECT status FROM reno WHERE no = '$Z'")" "$1" "status $1"
	pm-reno log $Z > "$T/log"
	is "$(tail -n 1 "$T/log" | cut -d, -f2)" "$2" "the log ends with '$2'"
	pm-reno passes $Z > "$T/passes"
	out_register=$(grep -c ',out,' "$T/passes")
	out_log=$(( $(grep -c ',pass issued,' "$T/log") - $(grep -c ',pass returned,' "$T/log") - $(grep -c ',pass lost,' "$T/log") ))
	is "$out_register" "$out_log" "$1: the pass register and the log agree ($out_log out)"
	pm-fee deposit list 1-1-101 > "$T/deposits"
	case $1 in
	applied|reviewed|approved|rejected)
		if [ "$(sql "SELECT paid IS NULL FROM reno WHERE no = '$Z'")" = 1 ]; then
			is "$(grep -c D2026 "$T/deposits")" 0 "$1: no deposit in the ledger"
		else
			is "$(grep -c 'D2026-000001,2026-11-25,1-1-101,reno,2000.00,cash,好家装修,renovation Z2026-000001,,,' "$T/deposits")" 1 "$1: the deposit is held"
		fi ;;
	started|finished)
		is "$(grep -c 'D2026-000001,2026-11-25,1-1-101,reno,2000.00,cash,好家装修,renovation Z2026-000001,,,' "$T/deposits")" 1 "$1: the deposit is held in pm-fee" ;;
	refunded)
		is "$(grep -c 'D2026-000001,2026-11-25,1-1-101,reno,2000.00,cash,好家装修,renovation Z2026-000001,2027-01-06,200.00,1800.00' "$T/deposits")" 1 "refunded: pm-fee shows the refund and the deduction" ;;
	esac
}

# refused CMD...: exit 65, the message, and nothing written
refused() {
	_want=$1
	shift
	_before=$(dump)
	run "$@"
	is_rc 65 "refused: $*"
	err_has "$_want" "  saying: $_want"
	is "$(dump)" "$_before" "  and writing nothing"
}

PM_NOW=2026-11-20T09:00
refused "'李租客' is a tenant: record the owner's consent with --consent" \
	pm-reno apply 1-1-101 --applicant 李租客 --contractor x --scope y --start 2026-12-01 --end 2026-12-31
refused "'路人' is neither an owner nor a tenant of the unit: only they may apply" \
	pm-reno apply 1-1-101 --applicant 路人 --contractor x --scope y --start 2026-12-01 --end 2026-12-31
refused "the planned end 2026-11-30 is before the start 2026-12-01" \
	pm-reno apply 1-1-101 --applicant 张三 --contractor x --scope y --start 2026-12-01 --end 2026-11-30
refused "planned start '2026-02-30': " \
	pm-reno apply 1-1-101 --applicant 张三 --contractor x --scope y --start 2026-02-30 --end 2026-11-30
run pm-reno apply 1栋1单元101 --applicant 张三 --contractor 好家装修 --phone 13700137000 \
	--scope 厨卫翻新 --start 2026-11-26 --end 2026-12-31 --attach "$T/drawing.pdf" --attach "$T/ids.pdf"
is_rc 0 "the owner applies"
is_out "$Z" "and gets the permit number"
is "$(sql "SELECT group_concat(name) FROM attachment WHERE kind = 'reno'")" "drawing.pdf,ids.pdf" \
	"drawings and ID copies are attached"
agree applied applied

PM_NOW=2026-11-20T10:00
refused "$Z: the second review comes after the first (its status is applied)" \
	pm-reno review $Z --second --approve --by 王经理
refused "the first review needs a engineer, and '王经理' is a manager" \
	pm-reno review $Z --first --approve --by 王经理
refused "$Z: no passes before the application is approved (its status is applied)" \
	pm-reno pass issue $Z 赵师傅
refused "$Z: fees and the deposit are paid once the application is approved (its status is applied)" \
	pm-reno pay $Z --deposit 2000 --method cash
PM_NOW=2026-11-20T14:00 run pm-reno review $Z --first --approve --by 李工
is_rc 0 "the first review, by the equipment supervisor"
agree reviewed "first review: approved"
PM_NOW=2026-11-21T09:00
refused "the second review needs a manager, and '李工' is a engineer" \
	pm-reno review $Z --second --reject 图纸不全 --by 李工
run pm-reno review $Z --second --reject 图纸不全 --by 王经理
is_rc 0 "the manager rejects it"
agree rejected "second review: rejected"
refused "$Z: it is not waiting for a review (its status is rejected)" \
	pm-reno review $Z --first --approve --by 李工
PM_NOW=2026-11-21T15:00 run pm-reno resubmit $Z --scope 厨卫翻新（附水电图） --attach "$T/drawing.pdf"
is_rc 0 "amended and resubmitted"
agree applied resubmitted
is "$(sql "SELECT round FROM reno")" 2 "a second round"

PM_NOW=2026-11-24T10:00 run pm-reno review $Z --first --approve --by 李工
PM_NOW=2026-11-24T11:00 run pm-reno review $Z --second --approve --by 王经理
is_rc 0 "both reviews passed"
agree approved "second review: approved"

# workers, then payment, then passes
PM_NOW=2026-11-24T14:00
refused "worker '孙师傅': " pm-reno worker add $Z 孙师傅 --id 110105194912310021
run pm-reno worker add $Z 赵师傅 --id 11010519491231002X --trade 木工 --phone 13600136000
is_rc 0 "a worker registered"
run pm-reno worker add $Z 钱师傅 --id 320102198001011238 --trade 水电
is_rc 0 "another"
refused "$Z: that ID number is registered already" pm-reno worker add $Z 赵二 --id 11010519491231002X
run pm-reno worker list $Z
is_out "name,id_no,phone,trade,added,pass
赵师傅,110105********002X,136****6000,木工,2026-11-24T14:00:00,
钱师傅,320102********1238,,水电,2026-11-24T14:00:00," "workers, ID and phone masked"
refused "$Z: no passes before the fees and the deposit are paid (its status is approved)" \
	pm-reno pass issue $Z 赵师傅
refused "$Z: work starts once the fees and the deposit are paid (its status is approved)" \
	pm-reno start $Z

PM_NOW=2026-11-25T09:00 run pm-reno pay $Z --deposit 2000 --fee 300 --method 现金
is_rc 0 "the contractor pays"
is_out "D2026-000001 R2026-000001" "the deposit's number and the fee's receipt"
agree approved paid
run pm-fee bills 1-1-101 -o csv
is_out "unit,item,period,amount,adjusted,paid,owed,how
1-1-101,reno,2026-11-25,300.00,0.00,300.00,0.00,1 × 300.00 = 300.00 (renovation $Z)" \
	"the fee is a line in pm-fee, paid"
run pm-fee payments 1-1-101 -o csv
is_out "receipt,date,unit,amount,method,allocated,payer,ref,clerk,voided,void_reason
R2026-000001,2026-11-25,1-1-101,300.00,cash,300.00,好家装修,,root,," "with its receipt"
refused "$Z: the fees and the deposit have been paid already (its status is approved)" \
	pm-reno pay $Z --deposit 2000 --method cash
refused "$Z: no worker '孙师傅' registered (pm-reno worker add first)" pm-reno pass issue $Z 孙师傅
PM_NOW=2026-11-25T10:00 run pm-reno pass issue $Z 赵师傅
is_out "L2026-000001" "a pass"
agree approved "pass issued"
PM_NOW=2026-11-25T10:01 run pm-reno pass issue $Z 钱师傅
is_out "L2026-000002" "another"
refused "$Z: '赵师傅' has a pass out already" pm-reno pass issue $Z 赵师傅
refused "$Z: a site is inspected while the work goes on (its status is approved)" \
	pm-reno inspect $Z --by 保安甲

# the permit is for its planned days (issue 13: time order): not a day before
PM_NOW=2026-11-25T17:00 refused "cannot start $Z on 2026-11-25: its planned start is 2026-11-26" \
	pm-reno start $Z
PM_NOW=2026-11-26T08:00 run pm-reno start $Z
is_rc 0 "work starts"
agree started started
refused "$Z: no violation without a notice: record it with pm-reno inspect first" \
	pm-reno notice $Z --deadline 2026-11-28
PM_NOW=2026-11-26T10:00 run pm-reno inspect $Z --by 保安甲 --note 一切正常
is_rc 0 "an inspection that finds nothing wrong"
refused "unknown violation 'smoking'" pm-reno inspect $Z --by 保安甲 --violation smoking --found x
refused "give the what was found" pm-reno inspect $Z --by 保安甲 --violation hours
PM_NOW=2026-11-26T12:30 run pm-reno inspect $Z --by 保安甲 --violation 违时施工 --found 午休时间电钻施工
is_rc 0 "a violation"
agree started "inspection: violation"
PM_NOW=2026-11-26T13:00 run pm-reno notice $Z --deadline 2026-11-28
is_rc 0 "a rectification notice"
is_out "W2026-000001" "numbered"
agree started notice
run pm-reno notice --print W2026-000001
is_out "阳光花园
RECTIFICATION NOTICE W2026-000001

Renovation: $Z, unit 1-1-101
Contractor: 好家装修
Found:      2026-11-26T12:30 by 保安甲: hours
Issued:     2026-11-26

hours: 午休时间电钻施工

Put this right by 2026-11-28." "printable"
refused "$Z: no violation without a notice: record it with pm-reno inspect first" \
	pm-reno notice $Z --deadline 2026-11-28

PM_NOW=2026-11-27T10:00 run pm-reno pass lost L2026-000002 --note 钱师傅丢失
is_rc 0 "a pass lost"
agree started "pass lost"
PM_NOW=2026-11-27T10:30 run pm-reno pass issue $Z 钱师傅
is_out "L2026-000003" "a new one for the same worker"
refused "pass L2026-000002 is not out (returned or lost)" pm-reno pass return L2026-000002

# the morning of the 29th: what cron sees
PM_NOW=2026-11-29T08:00
run pm-reno due --check
is_rc 1 "due --check: something is late"
is_out "kind,permit,unit,ref,due,days_late,detail
inspections,$Z,1-1-101,,2026-11-29,0,0 of 2 inspections
notice,$Z,1-1-101,W2026-000001,2026-11-28,1,hours: 午休时间电钻施工" \
	"the overdue notice, and today's missing inspections"
run env -i PATH="$PATH" PM_DB="$PM_DB" PM_NOW="$PM_NOW" pm-reno due --check
is_rc 1 "the same from cron: no TZ, no LANG, no HOME"
is_out "kind,permit,unit,ref,due,days_late,detail
inspections,$Z,1-1-101,,2026-11-29,0,0 of 2 inspections
notice,$Z,1-1-101,W2026-000001,2026-11-28,1,hours: 午休时间电钻施工" "exactly the same"
refused "$Z: passes still out (L2026-000001, L2026-000003): collect them first" \
	pm-reno finish $Z --by 李工
refused "$Z: the deposit is refunded after the work is accepted (its status is started)" \
	pm-reno refund $Z --method cash

PM_NOW=2026-11-29T10:00 run pm-reno rectified W2026-000001 --by 保安甲
is_rc 0 "rectified"
agree started rectified
refused "notice W2026-000001 has been rectified already" pm-reno rectified W2026-000001 --by 保安甲

PM_NOW=2026-12-20T09:00
refused "$Z: the new end 2026-12-31 is not after the planned end 2026-12-31" \
	pm-reno extend $Z --until 2026-12-31
run pm-reno extend $Z --until 2027-01-10 --reason 材料延误
is_rc 0 "extended"
agree started extended
run pm-reno passes --active
is_out "pass,name,id_no,trade,unit,permit,contractor,issued,valid_until,state,closed
L2026-000001,赵师傅,110105********002X,木工,1-1-101,$Z,好家装修,2026-11-25T10:00,2027-01-10,out,
L2026-000003,钱师傅,320102********1238,水电,1-1-101,$Z,好家装修,2026-11-27T10:30,2027-01-10,out," \
	"the gate's list: the passes follow the new end"

PM_NOW=2027-01-05T16:00
run pm-reno pass return L2026-000001
run pm-reno pass return L2026-000003
agree started "pass returned"
refused "the acceptance inspection needs a engineer|manager|supervisor, and '保安甲' is a security" \
	pm-reno finish $Z --by 保安甲
run pm-reno finish $Z --by 李工 --note 验收合格
is_rc 0 "the acceptance inspection"
agree finished finished
refused "$Z: the work has been accepted already (its status is finished)" pm-reno finish $Z --by 李工
refused "deductions of 2500.00 are more than the deposit of 2000.00" \
	pm-reno refund $Z --method cash --deduct 2500 --reason 太多
PM_NOW=2027-01-06T09:00 run pm-reno refund $Z --method cash --deduct 200 --reason 公共走廊墙面损坏
is_rc 0 "the deposit refunded less a deduction"
is_out "$Z: 1800.00 refunded" "says what went back"
agree refunded refunded
PM_NOW=2027-01-06T09:00
refused "$Z: the deposit has been refunded already (its status is refunded)" \
	pm-reno refund $Z --method cash
run pm-fee deposit deductions D2026-000001
is_out "deposit,amount,reason
D2026-000001,200.00,公共走廊墙面损坏" "the deduction and its reason are in pm-fee"
run pm-fee check
is_rc 0 "pm-fee's books balance"

run pm-reno log $Z
is_out "at,event,staff,clerk,detail
2026-11-20T09:00,applied,,root,\"张三 (owner), 好家装修, 2026-11-26..2026-12-31, 2 attached\"
2026-11-20T14:00,first review: approved,李工,root,by 李工
2026-11-21T09:00,second review: rejected,王经理,root,by 王经理: 图纸不全
2026-11-21T15:00,resubmitted,,root,\"round 2, scope: 厨卫翻新（附水电图）, 1 attached\"
2026-11-24T10:00,first review: approved,李工,root,by 李工
2026-11-24T11:00,second review: approved,王经理,root,by 王经理
2026-11-24T14:00,worker registered,,root,\"赵师傅 (木工), ID 110105********002X\"
2026-11-24T14:00,worker registered,,root,\"钱师傅 (水电), ID 320102********1238\"
2026-11-25T09:00,paid,,root,\"deposit D2026-000001 2000.00, fee reno 300.00 receipt R2026-000001\"
2026-11-25T10:00,pass issued,,root,\"L2026-000001 to 赵师傅, valid until 2026-12-31\"
2026-11-25T10:01,pass issued,,root,\"L2026-000002 to 钱师傅, valid until 2026-12-31\"
2026-11-26T08:00,started,,root,owner told work may start; site supervisor told to watch it
2026-11-26T10:00,inspection: ok,保安甲,root,by 保安甲: 一切正常
2026-11-26T12:30,inspection: violation,保安甲,root,by 保安甲: hours: 午休时间电钻施工
2026-11-26T13:00,notice,,root,\"W2026-000001, rectify by 2026-11-28: hours: 午休时间电钻施工\"
2026-11-27T10:00,pass lost,,root,L2026-000002: 钱师傅丢失
2026-11-27T10:30,pass issued,,root,\"L2026-000003 to 钱师傅, valid until 2026-12-31\"
2026-11-29T10:00,rectified,保安甲,root,\"W2026-000001, checked by 保安甲\"
2026-12-20T09:00,extended,,root,\"2026-12-31 -> 2027-01-10, 2 passes follow: 材料延误\"
2027-01-05T16:00,pass returned,,root,L2026-000001
2027-01-05T16:00,pass returned,,root,L2026-000003
2027-01-05T16:00,finished,李工,root,accepted by 李工: 验收合格; security told
2027-01-06T09:00,refunded,,root,deposit D2026-000001: 1800.00 refunded; 200.00 kept: 公共走廊墙面损坏" \
	"the whole history"

run pm-reno summary --month 2026-11
is_out "month,what,key,count,amount
2026-11,applications,,1,
2026-11,resubmissions,,1,
2026-11,approvals,,1,
2026-11,rejections,,1,
2026-11,review_hours,average,68,
2026-11,violations,hours,1,
2026-11,notices,issued,1,
2026-11,notices,rectified,1,
2026-11,finished,,0,
2026-11,deposits,taken,1,2000.00
2026-11,deposits,refunded,0,0.00
2026-11,deposits,deducted,0,0.00
2026-11,deposits,held,1,2000.00" \
	"November: review took 68 hours from resubmission to approval"
run pm-reno list --status 已退押金
is_out "permit,unit,applicant,contractor,status,start,end,submitted,approved,deposit
$Z,1-1-101,张三,好家装修,refunded,2026-11-26,2027-01-10,2026-11-21T15:00,2026-11-24T11:00,D2026-000001" \
	"list by status, in Chinese too"

# the files handed in: listed in order, each one retrievable byte for byte
run pm-reno files $Z
is_rc 0 "files"
is "$(cut -d, -f1-4 "$T/out")" "file,of,detail,name
1,application,,drawing.pdf
2,application,,ids.pdf
3,application,,drawing.pdf" "the application's two files and the resubmission's drawing"
run pm-reno files $Z 2
is_rc 0 "file 2"
holds "is the ID copies, byte for byte" cmp -s "$T/out" "$T/ids.pdf"
before=$(dump)
run pm-reno files $Z 9
is_rc 65 "a file the renovation does not have"
is_err "pm-reno: the renovation has no file 9 (see pm-reno files)" "says so"
run pm-reno files $Z x
is_rc 64 "a file number that is not one"
is "$(dump)" "$before" "reading files writes nothing"

done_testing
