#!/bin/sh
# similar and batch on inputs with nothing in them: an empty file against an empty corpus, and
# a folder without documents. Under the sanitizer build these passed NULL to qsort (UBSan).
set -eu
bin=${DZ_BIN:-build/duizhao}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: > "$tmp/empty.txt"
"$bin" corpus list --db "$tmp/c.db" > /dev/null  # an empty corpus
"$bin" similar --db "$tmp/c.db" "$tmp/empty.txt" > "$tmp/sim.out" 2> "$tmp/sim.err" || { echo "FAIL: similar exit $?"; cat "$tmp/sim.err"; exit 1; }
grep -q '复制比 0.0%（共 0 字）' "$tmp/sim.out" || { echo "FAIL: similar output"; cat "$tmp/sim.out"; exit 1; }
grep -q '是空的' "$tmp/sim.err" || { echo "FAIL: no empty-corpus warning"; cat "$tmp/sim.err"; exit 1; }
# A mistyped --db is an error and creates nothing (a read-only command must not report 0%).
rc=0; "$bin" similar --db "$tmp/typo.db" "$tmp/empty.txt" > /dev/null 2> "$tmp/typo.err" || rc=$?
[ "$rc" = 2 ] || { echo "FAIL: similar with a missing corpus exits $rc"; exit 1; }
grep -q "找不到语料库 $tmp/typo.db" "$tmp/typo.err" || { echo "FAIL: missing-corpus message"; cat "$tmp/typo.err"; exit 1; }
[ ! -e "$tmp/typo.db" ] || { echo "FAIL: similar created $tmp/typo.db"; exit 1; }
mkdir "$tmp/nodocs" && echo x > "$tmp/nodocs/README"
rc=0; "$bin" batch "$tmp/nodocs" > /dev/null 2> "$tmp/batch.err" || rc=$?
[ "$rc" = 2 ] || { echo "FAIL: batch of a folder without documents exits $rc"; cat "$tmp/batch.err"; exit 1; }
grep -q '至少需要两个文件' "$tmp/batch.err" || { echo "FAIL: batch message"; cat "$tmp/batch.err"; exit 1; }
echo "empty inputs ok"
