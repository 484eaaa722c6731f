#!/bin/sh
# BAD-INPUTS 34: a database on NFS or SMB is refused (78): WAL's shared
# memory does not reach across hosts.  statfs() is made to say NFS, SMB
# and CIFS by tests/tools/fakefs.c (LD_PRELOAD, test-only).
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/badinput.sh
. "$(dirname "$0")/badinput.sh"

base_estate
shim=$PM_BUILD/tests/fakefs.so
# the ASan runtime wants to be first; a preloaded shim is fine here
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
export ASAN_OPTIONS
for fs in 0x6969:NFS 0x517B:SMB 0xFF534D42:CIFS 0xFE534D42:SMB2; do
	LD_PRELOAD=$shim PM_FAKE_FSTYPE=${fs%%:*} run pm-owner list -o csv
	is_rc 78 "${fs#*:}: refused"
	is_err "pm-owner: database '$PM_DB' is on a network file system: keep it on a local disk" "${fs#*:}: saying why"
done
LD_PRELOAD=$shim PM_FAKE_FSTYPE=0x6969 run pm-owner import "$T/base.csv"
is_rc 78 "a write on NFS is refused too"
unchanged "nothing was written"
LD_PRELOAD=$shim PM_FAKE_FSTYPE=0xEF53 run pm-owner list -o csv
is_rc 0 "ext4 (the shim itself) is fine"

done_testing
