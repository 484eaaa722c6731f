#!/bin/sh
# fresh-debian-check.sh [-k] [-w] [-s SUITE] - make check on a fresh minimal
# Debian, following the README's set-up exactly
#
#   sudo sh tools/fresh-debian-check.sh          # about 15 minutes on 2 cores
#
# Debootstraps a minimal Debian (--variant=minbase, SUITE bookworm by
# default) into a temporary folder, puts a fresh clone of this
# repository's HEAD in /root/pm-tools there (-w: a copy of the work tree
# as it is, uncommitted changes included, without build/), and runs
# inside it, as root, what the README tells a new user to run:
#
#   apt-get update && apt-get install -y make gcc
#   make demo
#   make check          (which installs the rest through tools/deps.sh)
#
# Prints make check's total ("N passed, N failed", its last line but for
# make's own error line), the tests that failed, and exits with make
# check's status (1 when a step before it failed).  Everything the
# chroot printed goes to a log, whose name is printed first; it is kept.
# /proc, /dev/pts and /dev/shm are mounted in the chroot and unmounted
# on any exit; the chroot is removed afterwards unless -k (keep) is given.
#
# Environment: PM_DEBIAN_MIRROR, the Debian mirror to debootstrap from
# (default: debootstrap's own); TMPDIR, where the chroot and log go.
# Needs root and debootstrap: without them it says so and exits 77
# (skipped).  64 for a usage error.
set -eu

usage() {
	echo "usage: fresh-debian-check.sh [-k] [-w] [-s SUITE]" >&2
	exit 64
}

keep=0
worktree=0
suite=bookworm
while getopts kws: opt; do
	case $opt in
	k) keep=1 ;;
	w) worktree=1 ;;
	s) suite=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# = 0 ] || usage

if [ "$(id -u)" != 0 ]; then
	echo "fresh-debian-check: needs root (debootstrap and chroot); run it with sudo" >&2
	exit 77
fi
if ! command -v debootstrap >/dev/null 2>&1; then
	echo "fresh-debian-check: debootstrap is not installed (apt-get install debootstrap)" >&2
	exit 77
fi

top=$(cd "$(dirname "$0")/.." && pwd)
root=$(mktemp -d "${TMPDIR:-/tmp}/fresh-debian.XXXXXX")
chmod 755 "$root"
log=$root.log
: > "$log"
src=$root/root/pm-tools

# the mounts below $root, deepest first (both run from the traps)
# shellcheck disable=SC2317
mounted() {
	awk -v r="$root/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r
}

# shellcheck disable=SC2317
cleanup() {
	status=$?
	trap - EXIT INT TERM HUP
	set +e
	tries=0
	while [ -n "$(mounted)" ] && [ "$tries" -lt 10 ]; do
		for m in $(mounted); do
			umount "$m" 2>/dev/null
		done
		tries=$((tries + 1))
		[ -n "$(mounted)" ] && sleep 1
	done
	for m in $(mounted); do
		umount -l "$m"
	done
	if [ -n "$(mounted)" ]; then
		echo "fresh-debian-check: still mounted below $root; not removing it" >&2
	elif [ "$keep" = 1 ]; then
		echo "fresh-debian-check: the chroot is kept in $root" >&2
	else
		rm -rf "$root"
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

step() { printf '== %s\n' "$*" | tee -a "$log" >&2; }

echo "fresh-debian-check: the log is $log" >&2
step "debootstrap --variant=minbase $suite into $root"
# shellcheck disable=SC2086 # no mirror: debootstrap's default
if ! debootstrap --variant=minbase "$suite" "$root" ${PM_DEBIAN_MIRROR:-} >> "$log" 2>&1; then
	echo "fresh-debian-check: debootstrap failed; the end of $log:" >&2
	tail -n 5 "$log" >&2
	exit 1
fi

if [ "$worktree" = 1 ] || ! git -C "$top" rev-parse --verify -q HEAD > /dev/null 2>&1; then
	step "copying the work tree $top"
	mkdir -p "$src"
	(cd "$top" && tar --exclude=./build --exclude=./.git -cf - .) | (cd "$src" && tar -xf -)
else
	head=$(git -C "$top" rev-parse HEAD)
	step "cloning $top at $head"
	git clone -q --no-checkout "$top" "$src" >> "$log" 2>&1
	git -C "$src" checkout -q --detach "$head" >> "$log" 2>&1
fi

# a fresh machine's /proc, its own ptys (tests drive zsh and tmux) and /dev/shm
mount -t proc proc "$root/proc"
mkdir -p "$root/dev/pts" "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts"
rm -f "$root/dev/ptmx"
ln -s pts/ptmx "$root/dev/ptmx"
mount -t tmpfs -o mode=1777 shm "$root/dev/shm"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

# the README's commands, nothing more, in a root login's environment
inside() {
	chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb DEBIAN_FRONTEND=noninteractive \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		/bin/sh -c "cd /root/pm-tools && $1"
}

step "apt-get install make gcc"
if ! inside 'apt-get update && apt-get install -y make gcc' >> "$log" 2>&1; then
	echo "fresh-debian-check: apt-get install make gcc failed; the end of $log:" >&2
	tail -n 5 "$log" >&2
	exit 1
fi

step "make demo"
if ! inside 'make demo' >> "$log" 2>&1; then
	echo "fresh-debian-check: make demo failed; the end of $log:" >&2
	tail -n 5 "$log" >&2
	exit 1
fi

step "make check"
: > "$root.check"
status=0
inside 'make check' > "$root.check" 2>&1 || status=$?
cat "$root.check" >> "$log"
# the total (make's own "Error 1" follows it on a failure), else the last line
last=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$root.check" | tail -n 1)
[ -n "$last" ] || last=$(tail -n 1 "$root.check")
grep '^FAIL' "$root.check" >&2 || true
rm -f "$root.check"
echo "fresh-debian-check: make check in a fresh $suite (exit $status): $last"
exit "$status"
