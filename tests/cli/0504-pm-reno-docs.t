#!/bin/sh
# pm-reno's papers: the rectification notice and a worker's temporary pass
# as documents to print (-o html), with the estate's name and signatures
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init --estate 阳光花园 > /dev/null
pm-admin staff add 李工 --dept engineering --role engineer > /dev/null
pm-admin staff add 王经理 --dept management --role manager > /dev/null
pm-admin staff add 保安甲 --dept security --role security > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area) VALUES ('1-1-101', '1', '1', 1, '101', 8937);
     INSERT INTO person(name, phone) VALUES ('张三', '13800138000');
     INSERT INTO ownership(unit_id, person_id) VALUES (1, 1);
     INSERT INTO movein(unit_id, date) VALUES (1, '2026-01-01')"
pm-fee item add reno --name 装修管理费 --basis fixed --rate 300 --since 2026-01 > /dev/null
Z=$(PM_NOW=2026-11-20T09:00 pm-reno apply 1-1-101 --applicant 张三 --contractor 好家装修 --scope 厨卫翻新 \
	--start 2026-12-01 --end 2026-12-31)
PM_NOW=2026-11-20T10:00 pm-reno review "$Z" --first --approve --by 李工 > /dev/null
PM_NOW=2026-11-21T10:00 pm-reno review "$Z" --second --approve --by 王经理 > /dev/null
PM_NOW=2026-11-21T11:00 pm-reno worker add "$Z" 赵师傅 --id 11010519491231002X --trade 木工 > /dev/null
PM_NOW=2026-11-21T11:30 pm-reno pay "$Z" --deposit 2000 --fee 300 --method cash > /dev/null 2>&1
L=$(PM_NOW=2026-11-21T12:00 pm-reno pass issue "$Z" 赵师傅)
PM_NOW=2026-12-01T08:00 pm-reno start "$Z" > /dev/null
PM_NOW=2026-12-01T12:30 pm-reno inspect "$Z" --by 保安甲 --violation 违时施工 --found 午休时间施工 > /dev/null
W=$(PM_NOW=2026-12-01T13:00 pm-reno notice "$Z" --deadline 2026-12-02)

run pm-reno notice --print "$W" -o html
is_rc 0 "notice --print -o html"
out_has '<p class="estate">阳光花园</p>' "the estate's name on top"
out_has "<h1>Rectification notice (违规整改通知书)</h1>" "titled"
out_has "<tr><th>Notice</th><td>$W</td></tr>" "the notice's number"
out_has "<tr><th>Put right by</th><td>2026-12-02</td></tr>" "its deadline"
out_has "<tr><th>Found by</th><td>保安甲</td></tr>" "who found the violation"
out_has '<div>Site supervisor</div><div>Contractor</div><div>Owner</div>' "three signature lines"
run env LC_ALL=zh_CN.UTF-8 pm-reno notice --print "$W" -o html
out_has '2026年12月2日' "dates the Chinese way under Chinese messages"
run pm-reno notice --print "$W"
is_rc 0 "notice --print as text still works"
out_has "$W" "and names the notice"

run pm-reno pass print "$L" -o html
is_rc 0 "pass print -o html"
out_has "<h1>Temporary pass (临时出入证)</h1>" "titled as a pass"
out_has "<tr><th>Worker</th><td>赵师傅</td></tr>" "the worker"
out_has "<tr><th>ID number</th><td>110105********002X</td></tr>" "the ID number masked"
out_has "<tr><th>Valid until</th><td>2026-12-31</td></tr>" "valid until the planned end"
run pm-reno pass print L2026-000099 -o html
is_rc 65 "an unknown pass"
is_err "pm-reno: no pass 'L2026-000099'" "is named"

done_testing
