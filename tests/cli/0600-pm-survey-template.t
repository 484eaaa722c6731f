#!/bin/sh
# pm-survey template: the built-in form, versions, scales; answers keep
# the version they were given on
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init > /dev/null

run pm-survey template list
is_rc 0 "template list"
is_out "template,version,scale,items,rounds,created
default,1,three,客服、安保、保洁、绿化、维修、收费、社区活动,0," \
	"the built-in form: seven items on the three-point scale"
run pm-survey template
is_rc 0 "template alone lists"
run pm-survey template show
is_out "pos,item,label,scale
1,service,客服,three
2,security,安保,three
3,cleaning,保洁,three
4,landscaping,绿化,three
5,repairs,维修,three
6,fees,收费,three
7,activities,社区活动,three" "template show: the items in form order"

# a five-point version of the same form: no items given, the latest's kept
run pm-survey template add default --scale five
is_rc 0 "a new version on another scale"
is_out "default:2 added" "is version 2"
run pm-survey template show default:2
out_has "5,repairs,维修,five" "with the same items, five-point"
run pm-survey template show default:1
out_has "5,repairs,维修,three" "version 1 is unchanged"
is "$(sql "SELECT count(*) FROM audit WHERE record = 'survey template'")" 1 "the addition is audited"

# a form of one's own
run pm-survey template add 管家回访 --scale 五级 attitude=服务态度 speed=响应速度
is_rc 0 "a new form with items given, scale in Chinese"
is_out "管家回访:1 added" "is version 1 of its name"
run pm-survey template show 管家回访
is_out "pos,item,label,scale
1,attitude,服务态度,five
2,speed,响应速度,five" "its items"

dump > "$T/before"
run pm-survey template add x --scale seven a=A
is_rc 65 "an unknown scale is refused"
is_err "pm-survey: unknown scale 'seven' (one of: three, five)" "listing the scales"
run pm-survey template add x a=A a=B
is_rc 65 "an item twice is refused"
is_err "pm-survey: item 'a' is on the form twice" "naming it"
run pm-survey template add x 'a b=A'
is_rc 65 "a key with a space is refused"
err_has "item key 'a b'" "naming it"
run pm-survey template add x a=
is_rc 64 "an item without a label is a usage error"
is_err "pm-survey: 'a=': give KEY=LABEL, e.g. repairs=维修" "with an example"
run pm-survey template add nosuch
is_rc 65 "no items and no earlier version"
is_err "pm-survey: no survey template 'nosuch' (see pm-survey template list)" "is refused"
run pm-survey template add
is_rc 64 "a name is needed"
dump > "$T/after"
if cmp -s "$T/before" "$T/after"; then ok "refused additions wrote nothing"; else not_ok "refused additions wrote nothing"; fi
run pm-survey template show default:9
is_rc 65 "an unknown version"
run pm-survey template show default:x
is_rc 65 "a version that is not a number"

# a round on version 1; then version 3 changes the labels: the answers
# given on version 1 keep version 1's items
sql "INSERT INTO unit (code, building, room) VALUES ('1-1-101', '1', '101')"
pm-admin staff add 王芳 --dept service --role butler > /dev/null
pm-survey new --quarter 2026Q4 --form default:1 > /dev/null
pm-survey issue --quarter 2026Q4 --by 王芳 --allow-repeat 1-1-101 > /dev/null
pm-survey template add default service=客户服务 security=秩序维护 > /dev/null
run pm-survey answer 1-1-101 客服=满意 维修=不满意
is_rc 0 "answers to a round on version 1"
is "$(sql "SELECT t.version, i.label, a.score FROM survey_answer a JOIN survey_item i ON i.id = a.item_id
	JOIN survey_template t ON t.id = i.template_id ORDER BY i.pos")" "1|客服|3
1|维修|1" "are stored against version 1's items"
run pm-survey template list
out_has "default,1,three,客服、安保、保洁、绿化、维修、收费、社区活动,1," "version 1 is used by one round"
out_has "default,3,three,客户服务、秩序维护,0,2026-11-30" "version 3 by none"
pm-survey new --quarter 2027Q1 > /dev/null
is "$(sql "SELECT t.version FROM survey_round r JOIN survey_template t ON t.id = r.template_id WHERE r.quarter = '2027Q1'")" \
	3 "a new round takes the latest version"

done_testing
