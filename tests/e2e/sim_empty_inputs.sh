#!/bin/sh
# similar, corpus add and batch on inputs with nothing in them: a text without letters against an
# empty corpus, and a folder without documents (under the sanitizer build these passed NULL to
# qsort, UBSan); an empty file, which is an input error, not a clean 0% result.
set -eu
bin=${DZ_BIN:-build/duizhao}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: > "$tmp/empty.txt"
"$bin" corpus list --db "$tmp/c.db" > /dev/null  # an empty corpus
echo '。' > "$tmp/nochars.txt"  # no letters: nothing to fingerprint
"$bin" similar --db "$tmp/c.db" "$tmp/nochars.txt" > "$tmp/sim.out" 2> "$tmp/sim.err" || { echo "FAIL: similar exit $?"; cat "$tmp/sim.err"; exit 1; }
grep -q '复制比 0.0%（共 0 字）' "$tmp/sim.out" || { echo "FAIL: similar output"; cat "$tmp/sim.out"; exit 1; }
grep -q '语料库 .* 是空的' "$tmp/sim.err" || { echo "FAIL: no empty-corpus warning"; cat "$tmp/sim.err"; exit 1; }
# An empty file is an input error (it would otherwise read as 0% copied).
rc=0; "$bin" similar --db "$tmp/c.db" "$tmp/empty.txt" > "$tmp/sim.out" 2> "$tmp/sim.err" || rc=$?
[ "$rc" = 2 ] && [ ! -s "$tmp/sim.out" ] || { echo "FAIL: similar on an empty file exits $rc"; cat "$tmp/sim.out"; exit 1; }
[ "$(tail -n 1 "$tmp/sim.err")" = "duizhao similar: 文件 $tmp/empty.txt 是空的，没有可检查的内容。请确认选择了正确的文件。" ] ||
  { echo "FAIL: similar empty-file message"; cat "$tmp/sim.err"; exit 1; }
# Several files in JSON are written as they are checked: a failing file stops the report after
# the files before it and leaves the array open, so that it cannot pass for a whole report.
rc=0; "$bin" similar --db "$tmp/c.db" --format json "$tmp/nochars.txt" "$tmp/empty.txt" "$tmp/nochars.txt" \
  > "$tmp/sim.out" 2> "$tmp/sim.err" || rc=$?
[ "$rc" = 2 ] || { echo "FAIL: similar with a failing file among several exits $rc"; exit 1; }
[ "$(tail -n 1 "$tmp/sim.err")" = "duizhao similar: 文件 $tmp/empty.txt 是空的，没有可检查的内容。请确认选择了正确的文件。" ] ||
  { echo "FAIL: similar message for a failing file among several"; cat "$tmp/sim.err"; exit 1; }
[ "$(head -n 1 "$tmp/sim.out")" = '[' ] && [ "$(grep -c '"file"' "$tmp/sim.out")" = 1 ] &&
  ! tail -n 1 "$tmp/sim.out" | grep -q '^]' || { echo "FAIL: similar output before a failing file"; cat "$tmp/sim.out"; exit 1; }
# corpus add skips an empty file with a message, adds the others, and exits 2 at the end.
printf '一、学习贯彻方面\n理论学习不够深入系统，满足于读原文、记笔记。\n' > "$tmp/good.txt"
printf ' \n\n' > "$tmp/blank.txt"
rc=0; "$bin" corpus add --db "$tmp/add.db" "$tmp/empty.txt" "$tmp/good.txt" "$tmp/blank.txt" > "$tmp/add.out" 2> "$tmp/add.err" || rc=$?
[ "$rc" = 2 ] || { echo "FAIL: corpus add with empty files exits $rc"; exit 1; }
grep -qx '加入 1 个文档，跳过内容重复的 0 个，失败 2 个；语料库现有 1 个文档。' "$tmp/add.out" || { echo "FAIL: corpus add summary"; cat "$tmp/add.out"; exit 1; }
grep -qx "duizhao corpus: 文件 $tmp/empty.txt 是空的，没有可检查的内容。请确认选择了正确的文件。" "$tmp/add.err" &&
  grep -qx "duizhao corpus: 文件 $tmp/blank.txt 是空的（只有空格或空行），没有可检查的内容。请确认选择了正确的文件。" "$tmp/add.err" ||
  { echo "FAIL: corpus add messages"; cat "$tmp/add.err"; exit 1; }
"$bin" corpus list --db "$tmp/add.db" | grep -q "good.txt$" || { echo "FAIL: good.txt not added"; exit 1; }
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
