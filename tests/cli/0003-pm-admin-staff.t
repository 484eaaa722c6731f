#!/bin/sh
# pm-admin staff add, list, set, leave: the register and every refusal
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

me=$(id -un)
pm-admin init > /dev/null

# refused: exit status STATUS, stderr exactly MESSAGE, the database
# exactly as before
refused() {
	_status=$1 _msg=$2 _desc=$3
	shift 3
	dump > "$T/before.sql"
	run "$@"
	is_rc "$_status" "$_desc: exit $_status"
	is_err "$_msg" "$_desc: says why"
	dump > "$T/after.sql"
	holds "$_desc: nothing written" cmp -s "$T/before.sql" "$T/after.sql"
}

# adding, with Chinese departments and roles
run pm-admin staff add 张伟 --dept 客服部 --role 管家 --phone '+86 138-0013-8000' --area '3栋,5栋'
is_rc 0 "add a butler with Chinese department and role"
is_out_file /dev/null "add prints nothing"
run pm-admin staff add 李娜 --dept service --role clerk --joined 2024/3/1
is_rc 0 "add a clerk who joined in 2024"
run env PM_USER=王芳 pm-admin staff add 王强 --dept 工程部 --role 维修工
is_rc 0 "add a repairman (aliases 工程部, 维修工)"
is "$(sql "SELECT name, dept, role, ifnull(phone, '-'), ifnull(area, '-'), joined FROM staff ORDER BY id")" \
"张伟|service|butler|13800138000|3栋,5栋|2026-11-30
李娜|service|clerk|-|-|2024-03-01
王强|engineering|repair|-|-|2026-11-30" "stored with English keys, the phone normalised, dates ISO"
is "$(sql "SELECT record, change, clerk IS NULL FROM audit ORDER BY id")" \
"staff 张伟|staff added: service, butler, from 2026-11-30|1
staff 李娜|staff added: service, clerk, from 2024-03-01|1
staff 王强|staff added: engineering, repair, from 2026-11-30|0" "each add is in the audit log"
is "$(sql "SELECT login, clerk, prog, verb FROM audit WHERE id = 3")" "$me|王芳|pm-admin|staff add" \
	"with the login, the declared clerk (PM_USER), binary and verb"
is "$(sql "SELECT count(*) FROM audit WHERE change LIKE '%8000%'")" 0 "the phone is not in the log"

# listing
run pm-admin staff list
is_rc 0 "list"
is_out 'name,dept,role,phone,area,joined,left_on
王强,engineering,repair,,,2026-11-30,
张伟,service,butler,138****8000,"3栋,5栋",2026-11-30,
李娜,service,clerk,,,2024-03-01,' "csv by department, role and name, the phone masked"
run pm-admin staff list --reveal --no-header --role 管家
is_out '张伟,service,butler,13800138000,"3栋,5栋",2026-11-30,' "--reveal shows it; --role takes Chinese"
run pm-admin staff list --dept 工程部 -o json
is_out '[
  {"name": "王强", "dept": "engineering", "role": "repair", "phone": null, "area": null, "joined": "2026-11-30", "left_on": null}
]' "--dept and json"
run pm-admin staff list -o table
is_out 'Name  Department   Role    Phone        Area     Joined      Left
----  -----------  ------  -----------  -------  ----------  ----
王强  engineering  repair                        2026-11-30
张伟  service      butler  138****8000  3栋,5栋  2026-11-30
李娜  service      clerk                         2024-03-01' "a table aligned by display width"
run pm-admin staff
is_rc 0 "'staff' alone lists"
out_has "张伟,service,butler" "the same list"
run pm-admin staff list --role boss
is_rc 64 "an unknown role to list by is a usage error"
is_err "pm-admin: unknown role 'boss' (one of: clerk, butler, supervisor, manager, engineer, repair, security, cleaning, finance)" \
	"listing the roles"
run pm-admin staff list --dept sales
is_rc 64 "so is an unknown department"

# every refusal of add leaves the database as it was
refused 65 "pm-admin: '张伟' is already on the staff: tell them apart, e.g. '张伟(service)'" \
	"a name current staff already has" pm-admin staff add 张伟 --dept service --role clerk
refused 65 "pm-admin: '张伟' is already on the staff: tell them apart, e.g. '张伟(service)'" \
	"the same name with spaces around" pm-admin staff add ' 张伟　' --dept service --role clerk
refused 65 "pm-admin: unknown role 'boss' (one of: clerk, butler, supervisor, manager, engineer, repair, security, cleaning, finance)" \
	"an unknown role" pm-admin staff add 赵六 --dept service --role boss
refused 65 "pm-admin: unknown department 'sales' (one of: service, engineering, security, cleaning, finance, management)" \
	"an unknown department" pm-admin staff add 赵六 --dept sales --role clerk
refused 65 "pm-admin: phone: phone has 10 digits" \
	"a phone with 10 digits" pm-admin staff add 赵六 --dept service --role clerk --phone 1380013800
err_lacks 1380013800 "the message does not repeat the number"
refused 65 "pm-admin: phone: not a phone number" \
	"a phone with letters" pm-admin staff add 赵六 --dept service --role clerk --phone 138-abc
refused 65 "pm-admin: date '2026-02-30': no such date" \
	"a joining date that does not exist" pm-admin staff add 赵六 --dept service --role clerk --joined 2026-02-30
refused 65 "pm-admin: name: name too long" \
	"a name over 50 characters" pm-admin staff add 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一 \
	--dept service --role clerk
refused 65 "pm-admin: name: name holds a control character" \
	"a name with a bidi override" pm-admin staff add "$(printf 'abc\342\200\256def')" --dept service --role clerk
refused 65 "pm-admin: name: name missing" \
	"a blank name" pm-admin staff add '  ' --dept service --role clerk
refused 64 "pm-admin: a staff member needs a name, a department and a role" \
	"no role" pm-admin staff add 赵六 --dept service
run pm-admin staff add --dept service --role clerk
is_rc 64 "no name is a usage error"
err_has "give the staff member's NAME" "saying what is missing"
run pm-admin staff add 赵六 钱七 --dept service --role clerk
is_rc 64 "two names are a usage error"

# set
run pm-admin staff set 张伟 --role 经理 --phone '(0571) 8888 6666'
is_rc 0 "set a role (经理) and a landline"
is "$(sql "SELECT role, phone FROM staff WHERE name = '张伟'")" "manager|0571-88886666" "both stored"
is "$(sql "SELECT record, change FROM audit ORDER BY id DESC LIMIT 1")" "staff 张伟|role=manager phone changed" \
	"the log says what changed, not the number"
run pm-admin staff list --no-header --role manager
is_out '张伟,service,manager,0571-****6666,"3栋,5栋",2026-11-30,' "a landline masked to its area code and last four"
run pm-admin staff set ' 张伟 ' --name '张伟(客服)' --area 全部
is_rc 0 "rename, and change the area"
is "$(sql "SELECT name, area FROM staff WHERE id = 1")" "张伟(客服)|全部" "renamed"
is "$(sql "SELECT record, change FROM audit ORDER BY id DESC LIMIT 1")" "staff 张伟|name=张伟(客服) area=全部" \
	"recorded under the old name, trimmed"
refused 65 "pm-admin: no current staff member '张伟' (see pm-admin staff list)" \
	"the old name is no one now" pm-admin staff set 张伟 --role clerk
refused 65 "pm-admin: '李娜' is already on the staff" \
	"renaming onto someone else's name" pm-admin staff set 王强 --name 李娜
refused 65 "pm-admin: unknown role 'boss' (one of: clerk, butler, supervisor, manager, engineer, repair, security, cleaning, finance)" \
	"setting an unknown role" pm-admin staff set 王强 --role boss
refused 65 "pm-admin: phone: phone has 12 digits" \
	"setting a 12-digit phone" pm-admin staff set 王强 --phone 138001380001
dump > "$T/before.sql"
run pm-admin staff set 王强
is_rc 64 "set with nothing to change is a usage error"
err_has "nothing to change: give --name, --dept, --role, --phone, --area or --joined" "saying what can change"
dump > "$T/after.sql"
holds "and nothing is written" cmp -s "$T/before.sql" "$T/after.sql"

# leave
refused 65 "pm-admin: '李娜' cannot leave on 2024-01-01, before joining" \
	"leaving before joining" pm-admin staff leave 李娜 --date 2024-01-01
refused 65 "pm-admin: date 'someday': not a date (write 2026-11-30)" \
	"leaving on no date" pm-admin staff leave 李娜 --date someday
refused 65 "pm-admin: no current staff member '赵六' (see pm-admin staff list)" \
	"someone who is not on the staff" pm-admin staff leave 赵六
run pm-admin staff leave 李娜 --date 2026年11月15日
is_rc 0 "leave on a date written the Chinese way"
run pm-admin staff leave 王强
is_rc 0 "leave today"
is "$(sql "SELECT name, left_on FROM staff WHERE left_on IS NOT NULL ORDER BY id")" "李娜|2026-11-15
王强|2026-11-30" "both recorded"
refused 65 "pm-admin: no current staff member '李娜' (see pm-admin staff list)" \
	"leaving twice" pm-admin staff leave 李娜
run pm-admin staff list --no-header
is_out '张伟(客服),service,manager,0571-****6666,全部,2026-11-30,' "those who left are not listed"
run pm-admin staff list --all --no-header --role clerk
is_out '李娜,service,clerk,,,2024-03-01,2026-11-15' "unless --all"
run pm-admin staff add 李娜 --dept finance --role 出纳
is_rc 0 "a name is free again once its holder left"
is "$(sql "SELECT count(*) FROM staff WHERE name = '李娜'")" 2 "two 李娜, one current"
is "$(sql "SELECT group_concat(record || ':' || change, ';') FROM audit WHERE verb = 'staff leave'")" \
	"staff 李娜:left on 2026-11-15;staff 王强:left on 2026-11-30" "leaving is in the log"

# a write that fails half-way leaves nothing: PM_NOW is read inside the transaction
refused 64 "pm-admin: PM_NOW: cannot read 'soon' as a time (write 2026-11-30T09:00:00)" \
	"a bad PM_NOW" env PM_NOW=soon pm-admin staff add 赵六 --dept service --role clerk

# leaving with open work: a warning listing it, and how to hand it on
sql "INSERT INTO unit(code, building, entrance, floor, room, type) VALUES ('1-1-101', '1', '1', 1, '101', 'residential')"
pm-admin staff add 周敏 --dept service --role clerk > /dev/null
pm-admin staff add 吴刚 --dept engineering --role repair > /dev/null
PM_USER=周敏 PM_NOW=2026-11-20T10:00:00 pm-ticket new --category leak --unit 1-1-101 卫生间渗水 > /dev/null
PM_USER=周敏 PM_NOW=2026-11-20T11:00:00 pm-ticket finish T2026-1 --done 补漏
PM_USER=周敏 PM_NOW=2026-11-21T10:00:00 pm-ticket new --category plumbing --unit 1-1-101 水管 > /dev/null
PM_USER=周敏 PM_NOW=2026-11-21T10:10:00 pm-ticket dispatch T2026-2 --to 吴刚
run pm-admin staff leave 周敏
is_rc 0 "someone with a callback still to make leaves"
is_err "pm-admin: '周敏' leaves with 1 open: T2026-000001 (callback); hand callbacks and replies over with 'pm-ticket handover TICKET --to NAME' and dispatch work again with 'pm-ticket dispatch TICKET --to NAME'" \
	"is warned, with the tickets and what to run"
run pm-admin staff leave 吴刚
is_err "pm-admin: '吴刚' leaves with 1 open: T2026-000002 (dispatched to them); hand callbacks and replies over with 'pm-ticket handover TICKET --to NAME' and dispatch work again with 'pm-ticket dispatch TICKET --to NAME'" \
	"work dispatched to them counts too"
pm-admin staff add 郑洁 --dept service --role clerk > /dev/null
run pm-admin staff leave 郑洁
is_rc 0 "someone with nothing open"
holds "leaves quietly" [ ! -s "$T/err" ]

done_testing
