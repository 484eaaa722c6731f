#!/bin/sh
# deps.sh [build] - make sure the Debian packages pm-tools needs are here
#
# Installs what is missing with apt-get when run as root (as on a fresh
# CI machine); otherwise prints the exact command to run and fails.
# "build" checks only what building needs; no argument adds the test
# tools, and the zh_CN.UTF-8 locale the translation tests run in.
set -eu

# zlib1g-dev: xlsxwriter.pc links -lz, and libxlsxwriter-dev does not pull it in
build_pkgs="gcc make pkg-config libsqlite3-dev libcsv-dev libxlsxwriter-dev zlib1g-dev libunistring-dev gettext tzdata python3"
test_pkgs="libcmocka-dev sqlite3 mandoc shellcheck locales libc-l10n bash-completion zsh fish chromium fonts-noto-cjk librsvg2-bin poppler-utils libxml2-utils time fontconfig"

pkgs=$build_pkgs
[ "${1:-}" = build ] || pkgs="$pkgs $test_pkgs"

missing=
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
		missing="$missing $p"
	fi
done

need_locale=
if [ "${1:-}" != build ] && ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\{0,1\}8$'; then
	need_locale=1
fi

[ -z "$missing" ] && [ -z "$need_locale" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	[ -n "$missing" ] && echo "deps: missing Debian packages:$missing" >&2 &&
		echo "deps: run as root: apt-get install -y$missing" >&2
	[ -n "$need_locale" ] && echo "deps: the zh_CN.UTF-8 locale is missing;" \
		"as root: echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen && locale-gen" >&2
	exit 1
fi

if [ -n "$missing" ]; then
	echo "deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	# shellcheck disable=SC2086
	apt-get install -y --no-install-recommends $missing >/dev/null 2>&1 || {
		apt-get update >/dev/null
		# shellcheck disable=SC2086
		apt-get install -y --no-install-recommends $missing >/dev/null
	}
fi
if [ "${1:-}" != build ] && ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\{0,1\}8$'; then
	echo "deps: generating the zh_CN.UTF-8 locale" >&2
	grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null ||
		echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen
	locale-gen >/dev/null
fi
