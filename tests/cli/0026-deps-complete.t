#!/bin/sh
# Every program the tests run that Debian does not always install is in
# tools/deps.sh, so a fresh machine's make check runs them instead of
# failing ("xmllint: not found") or skipping.  The programs are found
# by scanning the tests for words in command position and for
# `command -v NAME`; each that is on this machine is traced to its
# Debian package with dpkg -S; essential and required packages are
# always there.  Words of prose that happen to name a program are
# listed in not_programs.
# shellcheck source=tests/cli/lib.sh disable=SC1091
. "$(dirname "$0")/lib.sh"

if ! command -v dpkg > /dev/null 2>&1; then
	echo "1..0 # SKIP not a Debian system (no dpkg)"
	exit 0
fi
deps=$PM_TOP/tools/deps.sh
# shellcheck disable=SC2016 # the patterns are for sed, not the shell
pkgs=$(sed -n 's/^\(build\|test\)_pkgs="\(.*\)"$/\2/p' "$deps" | tr ' ' '\n')
# make and gcc are the README's own first step (and .ci/run's)
pkgs="$pkgs
make
gcc"
not_programs=" as dir open size w write less man col top ss "

words() {
	cat "$PM_TOP"/tests/cli/*.t "$PM_TOP"/tests/cli/*.sh "$PM_TOP"/tests/run.sh |
		sed -e 's/#.*$//' |
		grep -oE '(^|[|;&(`]|\$\(|\brun |\bholds |\bif |\bthen |\bdo |\bwhile |\b! |command -v )[[:space:]]*/?[a-z][a-z0-9_./+-]*' |
		sed -E 's/.*[[:space:]|;&(`]//; s/^\$\(//' | sort -u
}

package_of() { # PATH: the package owning it, under either /bin or /usr/bin
	for p in "$1" "/usr$1" "${1#/usr}"; do
		pkg=$(dpkg -S "$p" 2>/dev/null | grep -v "^diversion" | head -n 1 | cut -d: -f1)
		[ -n "$pkg" ] && echo "$pkg" && return 0
	done
	return 1
}

# what the listed packages bring along: /usr/bin/python3 is
# python3-minimal's, which deps.sh's python3 pre-depends on
# shellcheck disable=SC2086 # one package a word
pulled=$(dpkg-query -W -f='${Depends}, ${Pre-Depends}\n' $pkgs 2>/dev/null |
	tr ',|' '[\n*]' | sed -e 's/([^)]*)//g; s/:any//; s/[[:space:]]//g' | grep -v '^$' | sort -u)

checked=0
for w in $(words); do
	case $not_programs in *" $w "*) continue ;; esac
	p=$(command -v "$w" 2>/dev/null) || continue
	case $p in /*) ;; *) continue ;; esac    # a builtin or a function
	case $p in "$PM_BUILD"/* | "$PM_TOP"/*) continue ;; esac
	pkg=$(package_of "$p") || pkg=$(package_of "$(readlink -f "$p")") || continue
	prio=$(dpkg-query -W -f='${Essential} ${Priority}' "$pkg" 2>/dev/null)
	case $prio in yes* | *required) continue ;; esac
	checked=$((checked + 1))
	if printf '%s\n' "$pkgs" | grep -qx "$pkg"; then
		ok "$w ($pkg) is installed by tools/deps.sh"
	elif printf '%s\n' "$pulled" | grep -qx "$pkg"; then
		ok "$w ($pkg) is installed by tools/deps.sh, as a dependency of one it lists"
	else
		not_ok "$w ($pkg) is installed by tools/deps.sh" "the tests run $w; add $pkg to test_pkgs"
	fi
done
holds "the scan found the programs it must (sqlite3, xmllint, mandoc)" test "$checked" -ge 3

done_testing
