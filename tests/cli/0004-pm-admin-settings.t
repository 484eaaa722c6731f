#!/bin/sh
# pm-admin settings list, get, set: defaults, checks, storage, the zone
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

pm-admin init --estate 阳光花园 > /dev/null

# refused: exit status STATUS, stderr has TEXT, the database exactly as before
refused() {
	_status=$1 _text=$2 _desc=$3
	shift 3
	dump > "$T/before.sql"
	run "$@"
	is_rc "$_status" "$_desc: exit $_status"
	err_has "$_text" "$_desc: says why"
	dump > "$T/after.sql"
	holds "$_desc: nothing written" cmp -s "$T/before.sql" "$T/after.sql"
}

run pm-admin settings list
is_rc 0 "list"
is "$(head -n 1 "$T/out")" "name,value,default,description" "a header of stable keys"
out_has 'estate.name,阳光花园,,"the estate'"'"'s name, printed on receipts, notices and reports"' \
	"the estate's name from init, with its empty default"
out_has "timezone,Asia/Shanghai,Asia/Shanghai,the estate's time zone: every local date and deadline is in it" \
	"the zone at its default"
out_has "callback.safety_days,2,2," "the seeds' deadlines: safety 2 days"
out_has "callback.leak_days,3,3," "leaks 3 days"
out_has "callback.other_days,7,7," "other repairs 7 days"
out_has "complaint.reply_hours,72,72," "complaints 72 hours"
out_has "rework.hours,24,24," "rework 24 hours"
out_has "reno.review_days,2,2," "renovation review 2 days"
out_has "survey.ratio_percent,20,20," "surveys 20%"
out_has "survey.collect_days,15,15," "collected in half a month"
run pm-admin settings
is_rc 0 "'settings' alone lists"
out_has "callback.leak_days,3,3," "the same list"
run pm-admin settings -o json
is_rc 0 "'settings -o json' lists as json"
out_has '{"name": "timezone", "value": "Asia/Shanghai", "default": "Asia/Shanghai", ' "objects keyed by name"

run pm-admin settings get callback.leak_days
is_rc 0 "get"
is_out 3 "a default"
run pm-admin settings get estate.name
is_out 阳光花园 "a stored value"

# set, and setting the default again removes the row
run pm-admin settings set callback.leak_days 5
is_rc 0 "set"
is_out_file /dev/null "set prints nothing"
is "$(sql "SELECT value FROM setting WHERE key = 'callback.leak_days'")" 5 "stored"
run pm-admin settings get callback.leak_days
is_out 5 "and read back"
run pm-admin settings list
out_has "callback.leak_days,5,3," "the list shows value and default"
is "$(sql "SELECT record, change, prog, verb FROM audit ORDER BY id DESC LIMIT 1")" \
	"setting callback.leak_days|3 -> 5|pm-admin|settings set" "the change is in the log"
run pm-admin settings set callback.leak_days +03
is_rc 0 "set the default back (written +03)"
is "$(sql "SELECT count(*) FROM setting WHERE key = 'callback.leak_days'")" 0 "the row is gone"
is "$(sql "SELECT change FROM audit ORDER BY id DESC LIMIT 1")" "5 -> +03" "logged as typed"
run pm-admin settings set visit.monthly_target 040
is "$(sql "SELECT value FROM setting WHERE key = 'visit.monthly_target'")" 40 "a number is stored plainly"
run pm-admin settings set fee.movein_billing days
is_rc 0 "set a choice"
is "$(sql "SELECT value FROM setting WHERE key = 'fee.movein_billing'")" days "stored"

# refusals
refused 65 "pm-admin: setting 'callback.leak_days': '0': out of range" \
	"a value out of range" pm-admin settings set callback.leak_days 0
refused 65 "pm-admin: setting 'callback.leak_days': '366': out of range" \
	"a value past the top" pm-admin settings set callback.leak_days 366
refused 65 "pm-admin: setting 'complaint.reply_hours': '72h': not a whole number" \
	"a value of the wrong type" pm-admin settings set complaint.reply_hours 72h
refused 65 "pm-admin: setting 'complaint.reply_hours': '': not a whole number" \
	"an empty number" pm-admin settings set complaint.reply_hours ''
refused 65 "pm-admin: setting 'fee.movein_billing': 'day': not one of the choices" \
	"a choice that is not one" pm-admin settings set fee.movein_billing day
refused 65 "pm-admin: setting 'timezone': 'Asia/Beijing': unknown time zone" \
	"a zone that does not exist" pm-admin settings set timezone Asia/Beijing
refused 65 "pm-admin: setting 'timezone': 'Asia': unknown time zone" \
	"a folder of zones" pm-admin settings set timezone Asia
refused 65 "pm-admin: setting 'timezone': '../../etc/passwd': unknown time zone" \
	"a path" pm-admin settings set timezone ../../etc/passwd
refused 64 "pm-admin settings set: unknown setting 'nope' (see pm-admin settings list)" \
	"an unknown setting" pm-admin settings set nope 1
refused 64 "pm-admin settings set: give a setting NAME and its VALUE" \
	"a setting without a value" pm-admin settings set timezone
refused 64 "pm-admin settings set: unexpected argument 'x'" \
	"a value too many" pm-admin settings set timezone UTC x
run pm-admin settings get nope
is_rc 64 "get of an unknown setting is a usage error"
is "$(head -n 1 "$T/err")" "pm-admin settings get: unknown setting 'nope' (see pm-admin settings list)" "naming it"
run pm-admin settings get
is_rc 64 "get without a name is a usage error"
run pm-admin settings frob
is_rc 64 "an unknown sub-verb is a usage error"
is_err "pm-admin: no verb 'frob' (see 'pm-admin settings --help')" "naming it"

# the estate's zone decides local dates, whatever the caller's TZ:
# 20:00 UTC is 04:00 the next day in Shanghai, 21:00 the same day in Paris
run env PM_NOW=2026-11-30T20:00:00Z pm-admin staff add 张伟 --dept service --role clerk
is "$(sql "SELECT joined FROM staff WHERE name = '张伟'")" 2026-12-01 "Shanghai: joined the next day"
is "$(sql "SELECT at FROM audit ORDER BY id DESC LIMIT 1")" 2026-12-01T04:00:00 "logged at Shanghai time"
run pm-admin settings set timezone Europe/Paris
is_rc 0 "set the zone"
run env PM_NOW=2026-11-30T20:00:00Z TZ=Asia/Tokyo pm-admin staff add 李娜 --dept service --role clerk
is "$(sql "SELECT joined FROM staff WHERE name = '李娜'")" 2026-11-30 "Paris: the same day, whatever TZ says"
is "$(sql "SELECT at FROM audit ORDER BY id DESC LIMIT 1")" 2026-11-30T21:00:00 "logged at Paris time"
run env -u TZ PM_NOW=2026-11-30T20:00:00Z pm-admin log --since 2026-11-30 --until 2026-11-30 --record 李娜 --no-header
is_out "$(sql "SELECT id FROM audit ORDER BY id DESC LIMIT 1"),2026-11-30T21:00:00,$(id -un),,pm-admin,staff add,staff 李娜,\"staff added: service, clerk, from 2026-11-30\"" \
	"cron (no TZ) reads the same local days"

# init sets the zone too, and checks it
run pm-admin init --timezone Asia/Shanghai
is_rc 0 "init --timezone"
is "$(sql "SELECT count(*) FROM setting WHERE key = 'timezone'")" 0 "back at the default: no row"
refused 65 "pm-admin: setting 'timezone': 'Mars/Olympus': unknown time zone" \
	"init with an unknown zone" pm-admin init --timezone Mars/Olympus

done_testing
