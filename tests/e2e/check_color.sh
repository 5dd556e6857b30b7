#!/bin/sh
# `duizhao check` colours its text report only on a terminal: under a pseudo-terminal (script)
# the severity and carets carry ANSI red; piped, or with NO_COLOR set, there is no escape byte.
set -eu
bin=${DZ_BIN:-build/duizhao}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '我们要再接再励。\n' > "$tmp/a.txt"
script -qec "$bin check $tmp/a.txt" /dev/null > "$tmp/tty.out" || true
grep -q "$(printf '\033\\[1;31m')错误" "$tmp/tty.out" || { echo "FAIL: no colour on a terminal"; cat "$tmp/tty.out"; exit 1; }
"$bin" check "$tmp/a.txt" > "$tmp/pipe.out" || true
if grep -q "$(printf '\033')" "$tmp/pipe.out"; then echo "FAIL: colour in a pipe"; exit 1; fi
NO_COLOR=1 script -qec "$bin check $tmp/a.txt" /dev/null > "$tmp/nocolor.out" || true
if grep -q "$(printf '\033\\[1;31m')" "$tmp/nocolor.out"; then echo "FAIL: colour despite NO_COLOR"; exit 1; fi
grep -q '再接再励' "$tmp/pipe.out" || { echo "FAIL: finding missing"; exit 1; }
echo "check colour ok"
