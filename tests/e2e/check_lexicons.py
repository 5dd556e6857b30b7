#!/usr/bin/python3
"""Data-driven checks of the word lists through the CLI: every wrong form of confusions.tsv gives
one text.confusion with its correction, while the right forms, the exceptions and every
legitimate reduplication of reduplication.tsv give no word-level finding; every residue pattern
gives one text.residue."""
import json
import os
import subprocess
import sys
import tempfile

src = os.environ.get("DZ_SOURCE_DIR", ".")
binary = os.environ.get("DZ_BIN", os.path.join(src, "build", "duizhao"))


def rows(name):
    with open(os.path.join(src, "data/lexicon", name), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                yield line.rstrip("\n").split("\t")


def check(lines, rules):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as t:
        t.write("\n".join(lines) + "\n")
    try:
        out = subprocess.run([binary, "check", "--format", "json", "--rules", rules, t.name],
                             capture_output=True, text=True)
    finally:
        os.unlink(t.name)
    if out.returncode not in (0, 1):
        sys.exit("duizhao failed: " + out.stderr)
    found = {}
    for f in json.loads(out.stdout)["findings"]:
        found.setdefault(f["line"], []).append(f)
    return found


fail = 0
conf = list(rows("confusions.tsv"))
# A neutral frame: the word between two characters that form no word with it.
got = check(["。" + c[0] + "。" for c in conf], "text.confusion")
for i, c in enumerate(conf, 1):
    g = got.get(i, [])
    if len(g) != 1 or g[0]["text"] != c[0] or g[0]["suggestion"] != c[1]:
        print("FAIL: confusion", c[0], "->", [(x["text"], x["suggestion"]) for x in g])
        fail = 1
clean = [c[1] for c in conf] + [e for c in conf for e in c[2].split("|") if e]
clean += [r[0] for r in rows("reduplication.tsv")]
got = check(["。" + w + "。" for w in clean], "text.*,formulation.*")
for i, w in enumerate(clean, 1):
    for x in got.get(i, []):
        print("FAIL: finding on a correct form", w, x["rule"], x["text"])
        fail = 1
res = list(rows("residue.tsv"))
# Body lines (a paragraph follows), so the parser does not take them as the trailing residue.
lines = []
for r in res:
    lines += ["这是正文。" + r[0] + "相关内容。", "正文继续。"]
got = check(lines, "text.residue")
for i, r in enumerate(res):
    g = got.get(2 * i + 1, [])
    if len(g) != 1 or r[0] not in g[0]["text"]:
        print("FAIL: residue", r[0], "->", [x["text"] for x in g])
        fail = 1
print("lexicons: %d confusions, %d correct forms, %d residue patterns" % (len(conf), len(clean), len(res)))
sys.exit(fail)
