#!/usr/bin/python3
"""The corpus database under abuse: a corrupt file, a foreign SQLite file and a database locked
by another process each give a clear Chinese error (exact text) and exit code 2; a
`corpus add` killed in the middle keeps every committed batch, leaves a sound database, and
a second run completes the import, skipping what is already there. A new corpus of one batch
is built in memory and appears whole (a sound WAL database, the same as one built on disk) or,
when the import is killed, not at all."""
import os, random, signal, sqlite3, subprocess, sys, tempfile, time

BIN = os.environ.get("DZ_BIN", "build/duizhao")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args):
    p = subprocess.run([BIN] + list(args), capture_output=True)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def main():
    work = tempfile.mkdtemp(prefix="dz-sim-store-")
    doc = os.path.join(work, "doc.txt")
    open(doc, "w", encoding="utf-8").write("加强机关作风建设，持续开展作风整顿，建立首问负责、限时办结、责任追究等工作机制。")

    # Corrupt file.
    bad = os.path.join(work, "bad.db")
    open(bad, "wb").write(bytes(random.Random(1).randrange(256) for _ in range(8192)))
    rc, out, err = run("corpus", "list", "--db", bad)
    check(rc == 2, "corrupt: exit 2 (got %d)" % rc)
    check(err == "duizhao corpus: 语料库数据库 %s 已损坏或不是数据库文件。请从备份恢复，或用 --db 指定另一个数据库文件。\n" % bad,
          "corrupt: message %r" % err)
    rc, out, err = run("similar", "--db", bad, doc)
    check(rc == 2 and "已损坏" in err, "corrupt: similar refuses too (%d %r)" % (rc, err))

    # A SQLite database that is not ours.
    foreign = os.path.join(work, "foreign.db")
    c = sqlite3.connect(foreign)
    c.execute("CREATE TABLE t(x)")
    c.commit()
    c.close()
    rc, out, err = run("corpus", "add", "--db", foreign, doc)
    check(rc == 2 and err == "duizhao corpus: %s 不是 duizhao 语料库数据库。请用 --db 指定另一个文件。\n" % foreign,
          "foreign: message %r" % err)

    # Locked by another writer.
    db = os.path.join(work, "c.db")
    rc, out, err = run("corpus", "add", "--db", db, doc)
    check(rc == 0, "add: exit 0 (%r)" % err)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    t = time.time()
    rc, out, err = run("corpus", "add", "--db", db, doc)
    holder.execute("ROLLBACK")
    holder.close()
    check(rc == 2, "locked: exit 2 (got %d)" % rc)
    check(err == "duizhao corpus: 语料库数据库 %s 正被其他程序占用（已等待 5 秒）。请等其他 duizhao 进程结束后重试。\n" % db,
          "locked: message %r" % err)
    check(time.time() - t >= 4.5, "locked: waited for the lock")

    # A new corpus of one batch is built in memory and written whole: a sound database in WAL
    # mode, nothing left beside it, the same list and answers as a corpus built on disk (its
    # first document in memory, the others added to the file).
    docs = []
    for i in range(3):
        docs.append(os.path.join(work, "n%d.txt" % i))
        open(docs[-1], "w", encoding="utf-8").write("".join(random.Random(i).choices("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后", k=600)))
    ndb, mdb = os.path.join(work, "n.db"), os.path.join(work, "m.db")
    rc, out, err = run("corpus", "add", "--db", ndb, *docs)
    check(rc == 0 and out == "加入 3 个文档，跳过内容重复的 0 个，失败 0 个；语料库现有 3 个文档。\n", "new: add (%r %r)" % (out, err))
    check(sorted(f for f in os.listdir(work) if f.startswith("n.db")) == ["n.db"], "new: nothing beside it: %s" % os.listdir(work))
    with open(ndb, "rb") as f:
        check(f.read(20)[18:20] == bytes([2, 2]), "new: header says WAL")
    c = sqlite3.connect(ndb)
    check(c.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "new: integrity_check ok")
    check(c.execute("PRAGMA journal_mode").fetchone()[0] == "wal", "new: WAL mode")
    c.close()
    run("corpus", "add", "--db", mdb, docs[0])
    rc, out, err = run("corpus", "add", "--db", mdb, *docs[1:])
    check(rc == 0 and out.endswith("语料库现有 3 个文档。\n"), "new: on disk (%r %r)" % (out, err))
    qn = os.path.join(work, "qn.txt")
    open(qn, "w", encoding="utf-8").write("自己写的开头。" + open(docs[1], encoding="utf-8").read()[100:300])
    strip = lambda s: s.replace(ndb, "DB").replace(mdb, "DB")
    for cmd in (("corpus", "list"), ("similar", "--format", "json", qn)):
        a, b = run(cmd[0], "--db", ndb, *cmd[1:]), run(cmd[0], "--db", mdb, *cmd[1:])
        check(a[0] == 0 and strip(a[1]) == strip(b[1]) and "n1.txt" in a[1], "new: %s the same as on disk" % cmd[0])
    # Killed while reading its second file (a FIFO nobody writes): no database at all.
    fifo, fdb = os.path.join(work, "slow.txt"), os.path.join(work, "f.db")
    os.mkfifo(fifo)
    p = subprocess.Popen([BIN, "corpus", "add", "--db", fdb, docs[0], fifo], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    check(p.poll() is None, "new: the import waits on the FIFO")
    p.send_signal(signal.SIGKILL)
    p.wait()
    check([f for f in os.listdir(work) if f.startswith("f.db")] == [], "new: killed, no database: %s" % os.listdir(work))
    rc, out, err = run("corpus", "add", "--db", fdb, docs[0])
    check(rc == 0 and out.endswith("语料库现有 1 个文档。\n"), "new: a second run creates it (%r)" % err)

    # Interrupted import.
    src = os.path.join(work, "many")
    os.makedirs(src)
    rng = random.Random(7)
    pool = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    n = 3000
    for i in range(n):
        open(os.path.join(src, "d%04d.txt" % i), "w", encoding="utf-8").write("".join(rng.choices(pool, k=1500)))
    idb = os.path.join(work, "i.db")
    p = subprocess.Popen([BIN, "corpus", "add", "--db", idb, src], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    committed = 0
    deadline = time.time() + 60
    while time.time() < deadline and p.poll() is None:
        try:
            r = sqlite3.connect(idb, timeout=0.1)
            committed = r.execute("SELECT count(*) FROM documents").fetchone()[0]
            r.close()
        except sqlite3.Error:
            pass
        if committed >= 400:
            break
        time.sleep(0.02)
    p.send_signal(signal.SIGKILL)
    p.wait()
    check(0 < committed < n, "interrupt: killed mid-import (%d committed)" % committed)
    rc, out, err = run("corpus", "list", "--db", idb)
    kept = len(out.splitlines())
    check(rc == 0 and kept >= committed, "interrupt: %d documents kept, %d were committed (%r)" % (kept, committed, err))
    r = sqlite3.connect(idb)
    check(r.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "interrupt: integrity_check ok")
    check(r.execute("SELECT count(*) FROM sqlite_master WHERE name='postings_h'").fetchone()[0] == 1,
          "interrupt: posting index rebuilt at open")
    r.close()
    rc, out, err = run("corpus", "add", "--db", idb, src)
    check(rc == 0 and out == "加入 %d 个文档，跳过内容重复的 %d 个，失败 0 个；语料库现有 %d 个文档。\n" % (n - kept, kept, n),
          "interrupt: second run completes (%r %r)" % (out, err))
    q = os.path.join(work, "q.txt")
    open(q, "w", encoding="utf-8").write("开头自己写的几句话。" + open(os.path.join(src, "d0123.txt"), encoding="utf-8").read()[:200])
    rc, out, err = run("similar", "--db", idb, q)
    check(rc == 0 and "d0123.txt" in out, "interrupt: the index answers queries (%r)" % out[:300])

    # A database of schema version 1 (same tables, fingerprints of the former hash function) is
    # re-fingerprinted from its stored bodies on first open, in one transaction.
    old = os.path.join(work, "old.db")
    rc, out, err = run("corpus", "add", "--db", old, os.path.join(src, "d0123.txt"), os.path.join(src, "d0124.txt"))
    check(rc == 0, "v1: add (%r)" % err)
    c = sqlite3.connect(old)
    before = c.execute("SELECT count(*) FROM postings").fetchone()[0]
    c.execute("UPDATE schema_version SET version=1")
    c.execute("UPDATE postings SET h = (h + 12345) % 281474976710656")  # hashes no query computes any more
    c.commit()
    c.close()
    rc, out, err = run("similar", "--db", old, q)
    check(rc == 0 and "d0123.txt" in out and "d0124.txt" not in out, "v1: found after migration (%r %r)" % (out[:300], err))
    c = sqlite3.connect(old)
    check(c.execute("SELECT version FROM schema_version").fetchone()[0] == 2, "v1: now version 2")
    check(c.execute("SELECT count(*) FROM postings").fetchone()[0] == before, "v1: as many postings as before")
    check(c.execute("SELECT count(*) FROM documents WHERE p1 - p0 + 1 > 0").fetchone()[0] == 2, "v1: posting ranges set")
    c.close()
    c = sqlite3.connect(old)
    c.execute("UPDATE schema_version SET version=3")
    c.commit()
    c.close()
    rc, out, err = run("similar", "--db", old, q)
    check(rc == 2 and err == "duizhao similar: 语料库数据库 %s 由更新版本的 duizhao 创建（格式版本 3），请升级 duizhao。\n" % old,
          "newer version refused (%d %r)" % (rc, err))

    subprocess.run(["rm", "-rf", work])
    if failures:
        print("%d failure(s)" % len(failures))
        sys.exit(1)
    print("ok")


main()
