#!/bin/sh
# 0015-zh-values.t - under zh_CN.UTF-8 a table shows in Chinese the words
# the programs write themselves (a ticket's steps, journal and statement
# entries, the renovation log, yes and no, due states, statistics), while
# csv keeps the English words scripts match on
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init --estate 阳光花园 > /dev/null
sql "INSERT INTO unit(code, building, entrance, floor, room, building_area) VALUES
	('1-1-101', '1', '1', 1, '101', 8937), ('1-1-102', '1', '1', 1, '102', 10000);
     INSERT INTO person(name, phone) VALUES ('张三', '13800138000'), ('李四', '13900139000');
     INSERT INTO ownership(unit_id, person_id) VALUES (1, 1), (2, 2);
     INSERT INTO movein(unit_id, date) VALUES (1, '2026-01-10')"
pm-admin staff add 王芳 --dept service --role clerk > /dev/null
pm-admin staff add 张伟 --dept engineering --role repair > /dev/null
pm-admin staff add 李工 --dept engineering --role engineer > /dev/null
pm-admin staff add 刘洋 --dept management --role manager > /dev/null
PM_USER=王芳
export PM_USER

# a repair, finished and called back late
PM_NOW=2026-11-20T09:00:00 pm-ticket new --unit 1-1-101 --category leak "卫生间渗水" > /dev/null
PM_NOW=2026-11-20T09:10:00 pm-ticket dispatch T2026-000001 --dept engineering --to 张伟 > /dev/null
PM_NOW=2026-11-20T15:00:00 pm-ticket finish T2026-000001 --done "更换密封圈" > /dev/null
PM_NOW=2026-11-28T10:00:00 pm-ticket callback T2026-000001 --result satisfied > /dev/null
# another waiting for its callback
PM_NOW=2026-11-25T09:00:00 pm-ticket new --unit 1-1-102 --category leak "厨房漏水" > /dev/null
PM_NOW=2026-11-25T15:00:00 pm-ticket finish T2026-000002 --by 张伟 --done "换管" > /dev/null 2>&1

# a month billed, a payment, a cash journal
pm-fee item add mgmt --name 物业费 --basis area --rate 2.35 --since 2026-01 > /dev/null
PM_NOW=2026-11-01T08:00:00 pm-fee bill --period 2026-11 > /dev/null
pm-fee pay 1-1-101 300 --method cash > /dev/null 2>&1

# a move-in with a failed inspection
pm-owner movein 1-1-102 --keys 2把 --inspection failed --defects 墙面裂缝 --signed all > /dev/null

# a renovation applied for and approved at the first review
PM_NOW=2026-11-09T10:00 pm-reno apply 1-1-101 --applicant 张三 --contractor 好家装修 \
	--scope 厨卫翻新 --start 2026-11-16 --end 2026-12-15 > /dev/null
PM_NOW=2026-11-10T10:00 pm-reno review Z2026-000001 --first --approve --by 李工 > /dev/null

LC_ALL=zh_CN.UTF-8
export LC_ALL

run pm-ticket show T2026-000001 -o table
is_rc 0 "a ticket in a table"
out_has "2026年11月20日 09:10  派工" "its history's steps are Chinese, with the date the Chinese way"
out_has "  完工  " "finish is 完工"
out_has "  回访  " "callback is 回访"
run pm-ticket show T2026-000001 -o csv
out_has ",dispatch," "csv keeps the English step"

run pm-ticket due -o table
out_has "T2026-000002  回访" "what is due is named in Chinese"
out_has "已逾期" "and that it is late"
run pm-ticket due -o csv --no-header
out_has ",callback,2026-11-28T15:00:00,overdue," "csv keeps callback and overdue"

run pm-ticket stats --month 2026-11 -o table
out_has "指标    明细" "the statistics' header says 明细, not 钥匙"
out_has "工单    受理" "metrics and keys are Chinese"
out_has "回访    按时率 %" "down to the percentages"
out_has "类型    报修" "kinds in the key column too"

run pm-fee journal --date 2026-11-30 -o table
out_has "期初余额" "the journal opens in Chinese"
out_has "收款" "a payment is 收款"
out_has "期末余额" "and closes in Chinese"
run pm-fee journal --date 2026-11-30 -o csv --no-header
out_has ",payment," "csv keeps payment"

run pm-fee statement 1-1-101 -o table
out_has "账单" "a statement's bill line"
run pm-fee rate --period 2026-11 -o table
out_has "分组  应收" "the rate's header"
out_has "实收" "collected is 实收, not the ticket's 受理时间"
out_has "全部" "the whole estate is 全部"
run pm-fee check -o table
out_has "账单明细    正常" "each check is named and passes in Chinese"
run pm-fee check -o csv --no-header
out_has "lines,正常" "csv keeps the check's English name; the result is a message"

run pm-owner movein 1-1-102 --sheet -o table
out_has "不合格" "a failed inspection reads 不合格"
out_has "是" "yes reads 是"
out_has "否" "and no 否"
run pm-owner movein --pending -o table
out_has "否" "not overdue"
run pm-owner show 1-1-102 -o table
out_has "事项:   入住" "the move's event is 入住 (one move: a record, label: value)"
out_has "日期:   2026年11月30日" "dated the Chinese way"
out_has "验房不合格: 墙面裂缝" "and its detail is written in Chinese too"

run pm-reno log Z2026-000001 -o table
out_has "2026年11月9日 10:00   提交申请" "the renovation log in Chinese, its minutes dated too"
out_has "初审通过" "the review step"
run pm-reno log Z2026-000001 -o csv --no-header
out_has "2026-11-10T10:00,first review: approved," "csv keeps the stored event"

run pm-fee receipt R2026-000001 -o html
out_has "收费明细" "the receipt's lines are headed in Chinese"

# the same in English, so the checks above are not vacuous
LC_ALL=C.UTF-8
run pm-ticket show T2026-000001 -o table
out_has "2026-11-20T09:10:00  dispatch" "in C.UTF-8 the steps stay English"
run pm-fee check -o table
out_has "lines     ok" "and so do the checks"
run pm-owner show 1-1-102 -o table
out_has "inspection failed: 墙面裂缝" "and the move's detail"

done_testing
