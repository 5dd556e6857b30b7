#!/bin/sh
# `duizhao corpus add|list|remove` end to end: exact outputs and exit codes, duplicates skipped
# by content (same text in another file name), removal by id and by path, and the errors for
# a missing document and a missing file.
set -u
BIN=${DZ_BIN:-build/duizhao}
C=tests/cases/sim
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/c.db
fail=0
expect() { # expect NAME WANT GOT
  if [ "$2" != "$3" ]; then printf 'FAIL %s\n--- want\n%s\n--- got\n%s\n' "$1" "$2" "$3"; fail=1; fi
}
cp $C/tpl_b.txt "$tmp/copy_of_b.txt"
out=$("$BIN" corpus add --db "$db" $C/tpl_a.txt $C/tpl_b.txt "$tmp/copy_of_b.txt" 2>&1); rc=$?
expect add "加入 2 个文档，跳过内容重复的 1 个，失败 0 个；语料库现有 2 个文档。 rc=0" "$out rc=$rc"
out=$("$BIN" corpus list --db "$db")
expect list "$(printf '1\t194 字\t%s\n2\t112 字\t%s' $C/tpl_a.txt $C/tpl_b.txt)" "$out"
out=$("$BIN" corpus add --db "$db" $C/nothing.txt 2>&1); rc=$?
expect missing-file "duizhao corpus: 无法打开文件 $C/nothing.txt：文件不存在
加入 0 个文档，跳过内容重复的 0 个，失败 1 个；语料库现有 2 个文档。 rc=2" "$out rc=$rc"
out=$("$BIN" corpus remove --db "$db" 1 $C/tpl_b.txt); rc=$?
expect remove "已删除 1
已删除 2 rc=0" "$out rc=$rc"
out=$("$BIN" corpus remove --db "$db" 7 2>&1); rc=$?
expect remove-missing "duizhao corpus: 语料库中没有编号为 7 的文档。 rc=2" "$out rc=$rc"
out=$("$BIN" corpus list --db "$db"); expect empty "" "$out"
[ $fail = 0 ] && echo ok
exit $fail
