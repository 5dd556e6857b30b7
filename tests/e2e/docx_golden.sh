#!/bin/sh
# Golden cases on .docx files built by the test itself (tests/docx/make_fixtures.py):
# tests/docx/cases/<name>.cmd holds duizhao arguments (@FIX@ = the fixture folder, @OUT@ = a
# scratch folder); <name>.out is the whole expected stdout, <name>.err the expected stderr,
# <name>.exit the exit code (default 0). DZ_UPDATE=1 rewrites them: review before committing.
set -u
src=${DZ_SOURCE_DIR:-.}
bin=${DZ_BIN:-build/duizhao}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fix="$work/fixtures"
/usr/bin/python3 "$src/tests/docx/make_fixtures.py" "$fix" || exit 1
fail=0
for cmd in "$src"/tests/docx/cases/*.cmd; do
  base=${cmd%.cmd}
  args=$(sed -e "s|@FIX@|$fix|g" -e "s|@OUT@|$work|g" "$cmd" | head -n 1)
  # shellcheck disable=SC2086
  eval "\"$bin\" $args" >"$work/out" 2>"$work/err"
  rc=$?
  sed -i "s|$fix|@FIX@|g; s|$work|@OUT@|g" "$work/out" "$work/err"
  if [ "${DZ_UPDATE:-0}" = 1 ]; then
    cp "$work/out" "$base.out"
    if [ -s "$work/err" ]; then cp "$work/err" "$base.err"; else rm -f "$base.err"; fi
    if [ "$rc" != 0 ]; then echo "$rc" >"$base.exit"; else rm -f "$base.exit"; fi
    continue
  fi
  want=0
  [ -f "$base.exit" ] && want=$(cat "$base.exit")
  ok=1
  diff -u "$base.out" "$work/out" || ok=0
  if [ -f "$base.err" ]; then diff -u "$base.err" "$work/err" || ok=0; elif [ -s "$work/err" ]; then cat "$work/err"; ok=0; fi
  [ "$rc" = "$want" ] || { echo "exit $rc, expected $want"; ok=0; }
  [ $ok = 1 ] || { echo "FAIL: $(basename "$base")"; fail=1; }
done
exit $fail
