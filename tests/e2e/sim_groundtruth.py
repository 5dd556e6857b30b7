#!/usr/bin/python3
"""Originality with known ground truth. A generator builds documents whose copied passages
are known exactly (our own random filler and passages, the seed read from ../shared at run
time), runs `duizhao corpus add` / `similar` / `batch`, and checks the passages found:

- a passage pasted into filler is found with its exact original byte offsets in both texts;
- edited copies (one character in 40 substituted, punctuation made half-width, traditional
  characters via opencc s2t, paragraphs shuffled) each come back as ONE passage per pasted unit;
- negative: report20.a against rural2018 gives no passage (only stock phrases are shared);
- positive: report20.a against report20.b is about 100% copied, in one passage;
- the seed against a document that copies three of its points: exactly those three passages;
- many files checked at once (threads sharing prepared sources) give what each gives alone;
- the golden JSON of `similar` on the small files of tests/cases/sim.
"""
import json, os, random, subprocess, sys, tempfile

BIN = os.environ.get("DZ_BIN", "build/duizhao")
SHARED = os.environ.get("DZ_SHARED_DIR", "../shared")
SRC = os.environ.get("DZ_SOURCE_DIR", ".")
POOL = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
        "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本")
HALF = {"，": ",", "。": ".", "；": ";"}
rng = random.Random(20231127)
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def text(n):
    out, k = [], 0
    while k < n:
        m = min(rng.randint(8, 25), n - k)
        out.append("".join(rng.choices(POOL, k=m)) + rng.choice("，，。；"))
        k += m
    return "".join(out)


def passage(n):
    """A passage that starts and ends with an ideograph, so its span is unambiguous."""
    return "".join(rng.choices(POOL, k=4)) + text(n - 8) + "".join(rng.choices(POOL, k=4))


def run(*args):
    p = subprocess.run([BIN] + list(args), capture_output=True)
    if p.returncode != 0:
        failures.append("duizhao %s exited %d: %s" % (" ".join(args), p.returncode, p.stderr.decode()))
        return None
    return p.stdout.decode()


def similar(db, path):
    out = run("similar", "--db", db, "--format", "json", path)
    return json.loads(out) if out else {"passages": [], "sources": [], "copy_ratio": 0}


def b(s):
    return len(s.encode())


def main():
    work = tempfile.mkdtemp(prefix="dz-sim-gt-")
    db = os.path.join(work, "c.db")

    def w(name, s):
        path = os.path.join(work, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(s)
        return path

    # Templates in the corpus.
    t1 = passage(300)
    paras = [passage(rng.randint(90, 140)) for _ in range(4)]
    t2 = "\n".join(paras) + "\n"
    p1, p2 = w("t1.txt", t1), w("t2.txt", t2)
    run("corpus", "add", "--db", db, p1, p2)

    # 1. Pasted passage: exact offsets on both sides.
    pre, post = text(500) + "\n", "\n" + text(400)
    r = similar(db, w("paste.txt", pre + t1 + post))
    ps = r["passages"]
    check(len(ps) == 1, "paste: one passage (got %d)" % len(ps))
    if ps:
        check((ps[0]["start"], ps[0]["end"]) == (b(pre), b(pre) + b(t1)), "paste: exact offsets %s" % ps[0])
        check((ps[0]["source_start"], ps[0]["source_end"]) == (0, b(t1)), "paste: exact source offsets")

    # 2. Edited copies, each ONE passage.
    cs = list(t1)
    for i in range(20, len(cs) - 5, 40):
        cs[i] = "龘"  # never in the pool
    subst = "".join(cs)
    half = "".join(HALF.get(c, c) for c in t1)
    trad = subprocess.run(["opencc", "-c", "s2t.json"], input=t1.encode(), capture_output=True).stdout.decode()
    check(trad != t1, "opencc s2t changed the passage")
    for name, body in (("subst", subst), ("half", half), ("trad", trad)):
        pre = text(rng.randint(100, 600)) + "\n"
        r = similar(db, w(name + ".txt", pre + body + "\n" + text(300)))
        ps = r["passages"]
        check(len(ps) == 1, "%s: one passage (got %d)" % (name, len(ps)))
        if ps:
            check(ps[0]["start"] == b(pre) and ps[0]["end"] == b(pre) + b(body), "%s: offsets %s" % (name, ps[0]))
            check(ps[0]["chars"] >= 280, "%s: covers the passage (%d chars)" % (name, ps[0]["chars"]))

    # Shuffled paragraphs of t2 with filler between: one passage per paragraph.
    order = [2, 0, 3, 1]
    body, spans = "", []
    for k in order:
        body += text(rng.randint(60, 120)) + "\n"
        spans.append((b(body), b(body) + b(paras[k]), k))
        body += paras[k] + "\n"
    r = similar(db, w("shuffled.txt", body))
    ps = sorted(r["passages"], key=lambda x: x["start"])
    check(len(ps) == 4, "shuffled: four passages (got %d)" % len(ps))
    for p, (s, e, k) in zip(ps, spans):
        check((p["start"], p["end"]) == (s, e), "shuffled: paragraph %d offsets %s" % (k, p))
        src_s = b("\n".join(paras[:k]) + ("\n" if k else ""))
        check(p["source_start"] == src_s, "shuffled: paragraph %d source offset" % k)

    # 3. Negative and positive pairs from the shared bench data.
    a, bb, rural = (os.path.join(SHARED, "bench", "sim", f) for f in ("report20.a.txt", "report20.b.txt", "rural2018.txt"))
    out = json.loads(run("batch", "--no-mtime", "--format", "json", a, rural) or "{}")
    check(out.get("pairs") == [], "negative: report20.a vs rural2018 has no passage: %s" % out.get("pairs"))
    out = json.loads(run("batch", "--no-mtime", "--format", "json", a, bb) or "{}")
    pairs = out.get("pairs", [])
    check(len(pairs) == 1 and len(pairs[0]["passages"]) == 1, "positive: one passage")
    if pairs:
        check(pairs[0]["a_in_b"] >= 0.99 and pairs[0]["b_in_a"] >= 0.99, "positive: ~100%% (%s)" % pairs[0]["a_in_b"])

    # 4. The seed and a document that copies three of its points.
    seed = os.path.join(SHARED, "seed", "000_1a5eb086ddff5998.txt")
    lines = open(seed, "rb").read().decode().split("\n")
    picks = [i for i, l in enumerate(lines) if l.startswith(("一是", "二是", "三是"))][1:12:5]
    check(len(picks) == 3, "seed: three points picked")
    sdb = os.path.join(work, "seed.db")
    run("corpus", "add", "--db", sdb, seed)
    doc, want = "", []
    heads = {0: "一、存在问题\n", 2: "二、整改措施\n"}  # level-1 parts around the copies
    part_of = []
    for n, i in enumerate(picks):
        if n in heads:
            doc += heads[n]
        # 龘 (in neither the filler pool nor the seed) fences the copy, so exact extension
        # cannot run on into a filler character that happens to equal the seed's next one.
        doc += text(rng.randint(80, 200)) + "龘\n"
        pt = lines[i].rstrip("。")  # the final 。 is not a matched character
        src = b("\n".join(lines[:i]) + "\n")
        want.append((b(doc), b(doc) + b(pt), src, src + b(pt)))
        part_of.append(0 if n < 2 else 1)
        doc += lines[i] + "\n龘\n"
    doc += text(150) + "\n"
    r = similar(sdb, w("copies3.txt", doc))
    got = sorted((p["start"], p["end"], p["source_start"], p["source_end"]) for p in r["passages"])
    check(got == want, "seed: three passages at exact offsets\n  got  %s\n  want %s" % (got, want))
    # Per-part ratios: copied characters (letters, digits, ideographs) over the part's.
    alnum = lambda s: sum(1 for c in s if c.isalnum())
    cut = doc.index(heads[2])
    parts_txt = [doc[:cut], doc[cut:]]
    copied = [0, 0]
    for n, i in enumerate(picks):
        copied[part_of[n]] += alnum(lines[i])
    parts = r.get("parts", [])
    check([p["title"] for p in parts] == ["一、存在问题", "二、整改措施"], "seed: parts %s" % parts)
    for k, p in enumerate(parts[:2]):
        exp = copied[k] / alnum(parts_txt[k])
        check(abs(p["ratio"] - exp) < 0.0002, "seed: part %d ratio %s, expected %.4f" % (k, p["ratio"], exp))

    # 5. Many files at once: the checking threads share one cache of prepared sources, look
    # postings up in memory (a single file goes to the store) and write the JSON array in input
    # order as they go; each element must equal the file checked alone. Every sixth file holds
    # its template twice (fingerprints that repeat), every fourth a phrase that 22 of the 28
    # corpus documents hold (over the document-frequency cap of 20).
    mdb = os.path.join(work, "many.db")
    tpls = [w("many_t%d.txt" % i, passage(200)) for i in range(6)]
    common = passage(40)
    shared = [w("many_c%02d.txt" % i, text(100) + "\n" + common + "\n" + text(100)) for i in range(22)]
    run("corpus", "add", "--db", mdb, *(tpls + shared))
    docs = []
    for i in range(48):
        body = list(open(tpls[i % 6], encoding="utf-8").read())
        for j in range(10 + i % 20, len(body) - 5, 40):
            body[j] = "龘"  # one character in 40 substituted
        body = "".join(HALF.get(c, c) for c in body) if i % 2 else "".join(body)
        if i % 6 == 5:
            body += "\n" + text(100) + "\n" + body
        tail = text(200) + ("\n" + common + "\n" + text(50) if i % 4 == 3 else "")
        docs.append(w("many_d%02d.txt" % i, text(rng.randint(50, 400)) + "\n" + body + "\n" + tail))
    out = run("similar", "--db", mdb, "--format", "json", *docs)
    many = json.loads(out) if out else []
    alone = [similar(mdb, d) for d in docs]
    check(len(many) == 48 and many == alone, "48 files at once differ from each checked alone")
    srcs = [{s["id"]: s["path"] for s in r["sources"]} for r in many]
    from_tpl = [len([p for p in r["passages"] if srcs[i][p["source"]] in tpls]) for i, r in enumerate(many)]
    check(from_tpl == [2 if i % 6 == 5 else 1 for i in range(48)],
          "48 files: one passage of the template each, two where it is there twice: %s" % from_tpl)
    # The phrase's inner fingerprints are in all 22 and capped; those at its ends depend on the
    # text around it, are rarer and may still find it (documented: the cap is per fingerprint).
    nshared = [len([p for p in srcs[i].values() if p in shared]) for i in range(48)]
    check(all(nshared[i] < 22 if i % 4 == 3 else nshared[i] == 0 for i in range(48)),
          "48 files: the common phrase never found in all 22 documents (capped): %s" % nshared)

    # 6. Golden JSON of `similar` on small hand-written files.
    cases = os.path.join("tests", "cases", "sim")
    gdb = os.path.join(work, "g.db")
    run("corpus", "add", "--db", gdb, os.path.join(cases, "tpl_a.txt"), os.path.join(cases, "tpl_b.txt"))
    for fmt, ext in (("json", "json"), ("text", "txt"), ("html", "html")):
        out = run("similar", "--db", gdb, "--format", fmt, os.path.join(cases, "query.txt")) or ""
        gold = os.path.join(SRC, "tests", "e2e", "sim_similar_query." + ext)
        if os.environ.get("DZ_UPDATE") == "1":
            with open(gold, "w", encoding="utf-8") as f:
                f.write(out)
        check(out == open(gold, encoding="utf-8").read(), "golden similar %s differs from %s:\n%s" % (fmt, gold, out))

    subprocess.run(["rm", "-rf", work])
    if failures:
        print("%d failure(s)" % len(failures))
        sys.exit(1)
    print("ok")


main()
