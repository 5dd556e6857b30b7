#!/usr/bin/python3
"""Every list formulation of data/lexicon/formulations.tsv, written in canonical order, gives no
finding; written in reverse, it gives exactly one formulation.order whose suggestion is the
canonical enumeration. Every wrong name variant gives one formulation.name with its correction.
The cases come from the data, so a new entry is tested the day it is added."""
import json
import os
import subprocess
import sys
import tempfile

src = os.environ.get("DZ_SOURCE_DIR", ".")
binary = os.environ.get("DZ_BIN", os.path.join(src, "build", "duizhao"))

lists, names = [], []
with open(os.path.join(src, "data/lexicon/formulations.tsv"), encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        parts = [p.split("/")[0] for p in cols[3].split("|")]
        if cols[2] == "list":
            lists.append(parts)
        else:
            for v in filter(None, cols[4].split("|")):
                wrong, _, right = v.partition(">")
                names.append((wrong, right or parts[0]))


def check(lines):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as t:
        t.write("\n".join(lines) + "\n")
    try:
        out = subprocess.run([binary, "check", "--format", "json", "--rules", "text.*,formulation.*", t.name],
                             capture_output=True, text=True)
    finally:
        os.unlink(t.name)
    if out.returncode not in (0, 1):
        sys.exit("duizhao failed: " + out.stderr)
    return json.loads(out.stdout)["findings"]


fail = 0
ok = check(["要做到" + "、".join(p) + "。" for p in lists])
for f in ok:
    print("FAIL: finding on a canonical enumeration:", f["line"], f["rule"], f["text"])
    fail = 1
rev = check(["要做到" + "、".join(reversed(p)) + "。" for p in lists])
by_line = {}
for f in rev:
    by_line.setdefault(f["line"], []).append(f)
for i, p in enumerate(lists, 1):
    got = by_line.get(i, [])
    if len(got) != 1 or got[0]["rule"] != "formulation.order" or got[0]["suggestion"] != "、".join(p):
        print("FAIL: reversed", "、".join(p), "->", [(g["rule"], g["suggestion"]) for g in got])
        fail = 1
nm = check(["认真学习" + w + "。" for w, _ in names])
by_line = {}
for f in nm:
    by_line.setdefault(f["line"], []).append(f)
for i, (w, r) in enumerate(names, 1):
    got = [g for g in by_line.get(i, []) if g["rule"] == "formulation.name"]
    if len(got) != 1 or got[0]["text"] != w or got[0]["suggestion"] != r:
        print("FAIL: name variant", w, "->", [(g["rule"], g["text"], g["suggestion"]) for g in by_line.get(i, [])])
        fail = 1
print("formulations: %d lists in order and reversed, %d name variants" % (len(lists), len(names)))
sys.exit(fail)
