"""API tests of `duizhao serve` against the real binary on free loopback ports.

Every endpoint, every error status (400/401/404/405/413/415), the token rule, the access log
(no document text in it) and a graceful shutdown under load (SIGTERM while clients loop:
every answer that arrives is complete, a request in flight finishes, exit code 0).
Debian python3, standard library only. Prints "N passed, N failed".
"""
import atexit
import http.client
import json
import shutil
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid

REPO = os.environ.get("DZ_SOURCE_DIR", os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SHARED = os.environ.get("DZ_SHARED_DIR", os.path.join(REPO, "..", "shared"))
BIN = os.environ.get("DZ_BIN", os.path.join(REPO, "build", "duizhao"))
SEED = os.path.join(SHARED, "seed", "000_1a5eb086ddff5998.txt")
TMP = tempfile.mkdtemp(prefix="dz-api-")

passed = failed = 0
SERVERS = []


@atexit.register
def cleanup():
    """Whatever happens, no server outlives the test and the scratch folder goes."""
    for p in SERVERS:
        if p.poll() is None:
            p.kill()
            p.wait()
    shutil.rmtree(TMP, ignore_errors=True)


def ok(cond, what):
    global passed, failed
    if cond:
        passed += 1
        print("ok   " + what)
    else:
        failed += 1
        print("FAIL " + what)


class Server:
    """`duizhao serve` on 127.0.0.1:0; the URL comes from its first stderr line."""

    def __init__(self, *args, env=None):
        self.log_path = os.path.join(TMP, "serve-%s.log" % uuid.uuid4().hex[:8])
        self.log = open(self.log_path, "w+b")
        e = dict(os.environ)
        e.pop("DUIZHAO_TOKEN", None)
        e.update(env or {})
        self.proc = subprocess.Popen([BIN, "serve", "--listen", "127.0.0.1:0", "--db", os.path.join(TMP, "corpus.db")] + list(args),
                                     stdout=subprocess.DEVNULL, stderr=self.log, env=e)
        SERVERS.append(self.proc)
        deadline = time.time() + 15
        while time.time() < deadline:
            m = re.search(rb"http://127\.0\.0\.1:(\d+)/", open(self.log_path, "rb").read())
            if m:
                self.port = int(m.group(1))
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError("server did not start: " + open(self.log_path, "rb").read().decode())

    def request(self, method, path, body=None, headers=None, timeout=30):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data

    def json(self, method, path, obj=None, headers=None):
        h = {"Content-Type": "application/json"} if obj is not None else {}
        h.update(headers or {})
        st, hd, data = self.request(method, path, json.dumps(obj, ensure_ascii=False).encode() if obj is not None else None, h)
        try:
            return st, hd, json.loads(data)
        except ValueError:
            return st, hd, {"_raw": data[:200]}

    def stop(self, sig=signal.SIGTERM):
        self.proc.send_signal(sig)
        rc = self.proc.wait(timeout=30)
        return rc, open(self.log_path, "rb").read().decode("utf-8", "replace")


def multipart(fields, files):
    b = "dzb" + uuid.uuid4().hex
    out = b""
    for k, v in fields.items():
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" % (b, k)).encode() + v.encode() + b"\r\n"
    for name, data in files:
        out += ("--%s\r\nContent-Disposition: form-data; name=\"files\"; filename=\"%s\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\n" % (b, name)).encode() + data + b"\r\n"
    out += ("--%s--\r\n" % b).encode()
    return out, {"Content-Type": "multipart/form-data; boundary=" + b}


def err_of(body):
    return (body.get("error") or {}).get("message", "")


def main():
    seed = open(SEED, "rb").read()
    s = Server("--max-body", "2M")
    st, hd, h = s.json("GET", "/healthz")
    ok(st == 200 and h.get("status") == "ok", "GET /healthz answers ok")
    feat = h.get("features", {})
    ok(feat == {"check": True, "similar": True, "docx": True}, "every feature is there: %s" % feat)

    # --- the page -------------------------------------------------------------------------
    st, hd, data = s.request("GET", "/")
    ok(st == 200 and hd["content-type"].startswith("text/html") and "对照".encode() in data, "GET / serves the page")
    ok("default-src 'self'" in hd.get("content-security-policy", ""), "the page has a CSP with no external sources")
    st, hd, data = s.request("GET", "/app.js")
    ok(st == 200 and hd["content-type"].startswith("text/javascript"), "GET /app.js")
    st, hd, data = s.request("GET", "/app.css")
    ok(st == 200 and hd["content-type"].startswith("text/css"), "GET /app.css")
    st, hd, body = s.json("GET", "/no-such-page.html")
    ok(st == 404 and err_of(body) == "找不到页面 /no-such-page.html。", "404 for an unknown page, in Chinese")
    st, hd, body = s.json("GET", "/../etc/passwd")
    ok(st in (400, 404), "no path traversal (%d)" % st)
    st, hd, _ = s.request("HEAD", "/")
    ok(st == 200, "HEAD /")

    # --- /api/parse -----------------------------------------------------------------------
    st, hd, body = s.json("POST", "/api/parse", {"text": "一、存在问题\n（一）理论学习方面。\n一是学习不够。", "name": "a.txt"})
    kids = body.get("root", {}).get("children", [])
    ok(st == 200 and body.get("schema") == 1 and body.get("file") == "a.txt" and kids and kids[0]["title"] == "存在问题",
       "POST /api/parse (JSON text) gives the outline")
    data, h = multipart({}, [("材料.txt", seed)])
    st, hd, raw = s.request("POST", "/api/parse", data, h)
    body = json.loads(raw)
    ok(st == 200 and body["file"] == "材料.txt" and body["size"] == len(seed), "POST /api/parse (multipart upload of the seed)")
    st, hd, raw = s.request("POST", "/api/parse", "一、存在问题\n".encode("gb18030"), {"Content-Type": "text/plain"})
    ok(st == 200 and json.loads(raw)["encoding"] == "GB18030", "POST /api/parse (text/plain body in GB18030)")

    # --- error statuses -------------------------------------------------------------------
    st, hd, body = s.request("POST", "/api/parse", b"{not json", {"Content-Type": "application/json"})
    body = json.loads(body)
    ok(st == 400 and body["error"]["code"] == "bad_json" and err_of(body).startswith("请求不是有效的 JSON"), "400 for malformed JSON")
    st, hd, body = s.json("POST", "/api/parse", {"profile": "auto"})
    ok(st == 400 and err_of(body) == "请求中没有文档：请提供 text 字段，或上传一个 .txt/.docx 文件。", "400 when no document is given")
    st, hd, body = s.json("POST", "/api/parse", {"text": 5})
    ok(st == 400 and err_of(body) == "字段 text 应为字符串。", "400 for a text that is not a string")
    data, h = multipart({}, [("bin.txt", b"\x00\x01\x02binary\x00" * 20)])
    st, hd, raw = s.request("POST", "/api/parse", data, h)
    ok(st == 400 and "二进制" in err_of(json.loads(raw)), "400 for binary bytes named .txt")
    st, hd, raw = s.request("POST", "/api/parse", b"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc",
                            {"Content-Type": "multipart/form-data; boundary=x"})
    ok(st == 400 and json.loads(raw)["error"]["code"] == "bad_multipart", "400 for a truncated multipart body")
    st, hd, raw = s.request("POST", "/api/parse", b"abc", {"Content-Type": "multipart/form-data"})
    ok(st == 400 and err_of(json.loads(raw)) == "multipart/form-data 请求缺少 boundary 参数。", "400 for multipart without boundary")
    st, hd, body = s.json("GET", "/api/nothing")
    ok(st == 404 and err_of(body) == "没有这个接口：/api/nothing。接口列表见 docs/http-api.md。", "404 for an unknown endpoint")
    st, hd, body = s.json("GET", "/api/parse")
    ok(st == 405 and hd.get("allow") == "POST" and err_of(body) == "/api/parse 不支持 GET 方法，请使用 POST。", "405 with Allow for a wrong method")
    st, hd, body = s.json("DELETE", "/api/corpus")
    ok(st == 405 and "GET" in hd.get("allow", "") and "POST" in hd.get("allow", ""), "405 lists every method of /api/corpus")
    st, hd, body = s.json("POST", "/index.html")
    ok(st == 405, "405 for POST to a page")
    big = b"a" * (3 << 20)
    st, hd, raw = s.request("POST", "/api/parse", big, {"Content-Type": "text/plain"})
    ok(st == 413 and err_of(json.loads(raw)).startswith("上传内容超过上限 2 MiB"), "413 past --max-body (Content-Length)")
    # chunked: no Content-Length, the limit is found while reading
    c = http.client.HTTPConnection("127.0.0.1", s.port, timeout=30)
    c.request("POST", "/api/parse", body=iter([b"a" * (1 << 20)] * 3), headers={"Content-Type": "text/plain"}, encode_chunked=True)
    r = c.getresponse()
    raw = r.read()
    c.close()
    ok(r.status == 413 and json.loads(raw)["error"]["code"] == "too_large", "413 past --max-body (chunked)")
    st, hd, raw = s.request("POST", "/api/parse", b"x", {"Content-Type": "image/png"})
    ok(st == 415 and err_of(json.loads(raw)).startswith("不支持的请求类型“image/png”"), "415 for an unsupported Content-Type")
    data, h = multipart({}, [("旧材料.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)])
    st, hd, raw = s.request("POST", "/api/parse", data, h)
    ok(st == 415 and err_of(json.loads(raw)) == "不支持的文件类型“旧材料.doc”：请上传 .txt、.md 或 .docx 文件（.doc、.wps 请先在 Word/WPS 中另存为 .docx）。",
       "415 for a .doc upload")
    data, h = multipart({}, [("renamed.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)])
    st, hd, raw = s.request("POST", "/api/parse", data, h)
    ok(st == 415, "415 for an OLE (.doc) file renamed .txt (sniffed)")
    data, h = multipart({}, [("a.txt", b"x"), ("b.txt", b"y")])
    st, hd, raw = s.request("POST", "/api/parse", data, h)
    ok(st == 400 and json.loads(raw)["error"]["code"] == "too_many_documents", "400 for two documents to a one-document endpoint")

    # --- check ---------------------------------------------------------------
    st, hd, body = s.json("POST", "/api/check", {"text": seed.decode(), "name": "seed.txt"})
    fs = body.get("findings", [])
    ok(st == 200 and body.get("schema") == 1 and len(fs) >= 8, "POST /api/check on the seed (%d findings)" % len(fs))
    ok(any("政治素养" in (f.get("text") or "") + f.get("message", "") for f in fs), "the 政治素养 finding is there")
    ok(body.get("text") == seed.decode() and all("dstart" in f for f in fs), "check answer carries the text and decoded spans")
    ok(isinstance(body.get("outline"), dict), "check answer carries the outline")
    rep = [f for f in fs if f.get("text") == "以学以学"]
    ok(len(rep) == 1 and rep[0].get("suggestion") == "以学", "以学以学 → 以学")
    st, hd, body2 = s.json("POST", "/api/check", {"text": seed.decode(), "dictionary": ["以学以学"]})
    ok(st == 200 and not any(f.get("text") == "以学以学" for f in body2["findings"]), "a dictionary word is not flagged")
    sm = body2.get("summary", {})
    ok(sm.get("total") == len(body2["findings"]) == len(fs) - 1 and
       sm.get("error", 0) + sm.get("warning", 0) + sm.get("info", 0) == sm.get("total"), "the summary is recounted after filtering")
    st, hd, body2 = s.json("POST", "/api/check", {"text": seed.decode(), "ignore": "text.*"})
    ok(st == 200 and body2["findings"] and not any(f["rule"].startswith("text.") for f in body2["findings"]), "ignore globs drop rules")
    st, hd, body2 = s.json("POST", "/api/check", {"text": seed.decode(), "rules": "text.repaet"})
    ok(st == 400 and body2["error"]["code"] == "bad_option" and "text.repaet" in err_of(body2),
       "a rules glob that matches no rule is 400, not a clean report: " + err_of(body2))
    st, hd, body2 = s.json("POST", "/api/check", {"text": seed.decode(), "profile": 5})
    ok(st == 400 and body2["error"]["code"] == "bad_option", "a profile that is not a string is 400: " + err_of(body2))
    st, hd, body2 = s.json("POST", "/api/check", {"text": seed.decode(), "rules": "text.*,structure.*"})
    ok(st == 200 and body2["findings"], "rules globs that match keep their findings")
    st, hd, body2 = s.json("POST", "/api/check", {"text": seed.decode(), "profile": "no-such-profile"})
    ok(st == 400, "400 for an unknown profile: " + err_of(body2))
    data, h = multipart({"options": json.dumps({"profile": "auto"})}, [("seed.txt", seed)])
    st, hd, raw = s.request("POST", "/api/check", data, h)
    ok(st == 200 and json.loads(raw)["file"] == "seed.txt", "POST /api/check (multipart upload)")
    st, hd, raw = s.request("POST", "/api/check?format=html", json.dumps({"text": seed.decode()}).encode(), {"Content-Type": "application/json"})
    ok(st == 200 and hd["content-type"].startswith("text/html") and b"<html" in raw.lower(), "POST /api/check?format=html")
    st, hd, body = s.json("GET", "/api/profiles")
    ok(st == 200 and len(body.get("profiles", [])) >= 2 and all("id" in p and "aspects" in p for p in body["profiles"]), "GET /api/profiles")
    # --- originality ---------------------------------------------------------
    st, hd, body = s.json("GET", "/api/corpus")
    ok(st == 200 and body.get("documents") == [], "GET /api/corpus (empty)")
    data, h = multipart({}, [("模板.txt", seed)])
    st, hd, raw = s.request("POST", "/api/corpus", data, h)
    added = json.loads(raw).get("added", [])
    ok(st == 200 and len(added) == 1 and not added[0]["duplicate"], "POST /api/corpus adds a document")
    st, hd, raw = s.request("POST", "/api/corpus", data, h)
    ok(st == 200 and json.loads(raw)["added"][0]["duplicate"], "the same document again is a duplicate")
    st, hd, body = s.json("POST", "/api/similar", {"text": seed.decode()[:3000]})
    ok(st == 200 and body.get("copy_ratio", 0) > 0.9 and body.get("passages"), "POST /api/similar finds the copy")
    ok(all("text" in p and "source_text" in p for p in body.get("passages", [])), "passages carry both texts")
    lines = seed.decode().split("\n")
    files = [("a.txt", seed), ("b.txt", "\n".join(lines[:30]).encode()), ("c.txt", open(os.path.join(SHARED, "bench/sim/rural2018.txt"), "rb").read()),
             ("d.txt", open(os.path.join(SHARED, "bench/sim/report20.a.txt"), "rb").read())]
    data, h = multipart({}, files)
    st, hd, raw = s.request("POST", "/api/batch", data, h)
    b = json.loads(raw)
    ok(st == 200 and len(b.get("matrix", [])) == 4 and b["matrix"][1][0] > 0.8, "POST /api/batch: 4×4 matrix, b is in a")
    st, hd, raw = s.request("POST", "/api/batch?format=html", data, h)
    ok(st == 200 and hd["content-type"].startswith("text/html"), "POST /api/batch?format=html")
    st, hd, body = s.json("DELETE", "/api/corpus/%d" % added[0]["id"])
    ok(st == 200, "DELETE /api/corpus/ID")
    st, hd, body = s.json("DELETE", "/api/corpus/999999")
    ok(st == 404, "404 deleting an unknown corpus id")
    st, hd, body = s.json("DELETE", "/api/corpus/abc")
    ok(st == 400, "400 for a corpus id that is not a number")
    data, h = multipart({}, [("only.txt", seed)])
    st, hd, raw = s.request("POST", "/api/batch", data, h)
    ok(st == 400, "400 for a batch of one file")
    # --- Word files ----------------------------------------------------------
    st, hd, raw = s.request("POST", "/api/fmt", json.dumps({"text": seed.decode(), "name": "seed.txt"}).encode(), {"Content-Type": "application/json"})
    ok(st == 200 and raw[:2] == b"PK" and "wordprocessingml" in hd["content-type"] and ".docx" in hd.get("content-disposition", ""),
       "POST /api/fmt returns a .docx")
    st, hd, raw = s.request("POST", "/api/fix", json.dumps({"text": seed.decode(), "tracked": True}).encode(), {"Content-Type": "application/json"})
    ok(st == 200 and raw[:2] == b"PK" and b"word/comments.xml" in raw, "POST /api/fix returns a tracked-changes .docx with comments")

    # --- access log: method, path, status, duration; no document text --------------------
    marker = "独一无二的文档内容标记"
    s.json("POST", "/api/parse", {"text": marker})
    rc, log = s.stop()
    ok(rc == 0, "SIGTERM: exit code 0")
    ok(re.search(r"^\S+ POST /api/parse 200 [\d.]+ms \d+B$", log, re.M) is not None, "access log lines: method path status duration")
    ok(re.search(r"^\S+ GET /api/parse 405 ", log, re.M) is not None, "error statuses are logged")
    ok(marker not in log and "存在问题" not in log, "no document text in the log")

    # --- the token rule -------------------------------------------------------------------
    t = Server("--token", "s3cret-token")
    s2 = Server("--max-body", "1M")
    st, hd, body = t.json("POST", "/api/parse", {"text": "一、存在问题"})
    ok(st == 401 and hd.get("www-authenticate", "").startswith("Bearer") and body["error"]["code"] == "unauthorized", "401 without a token")
    st, hd, body = t.json("POST", "/api/parse", {"text": "一、存在问题"}, {"Authorization": "Bearer wrong"})
    ok(st == 401, "401 with a wrong token")
    st, hd, body = t.json("POST", "/api/parse", {"text": "一、存在问题"}, {"Authorization": "Bearer s3cret-token"})
    ok(st == 200, "200 with the right token")
    st, hd, _ = t.request("GET", "/healthz")
    ok(st == 200, "/healthz needs no token")
    st, hd, _ = t.request("GET", "/")
    ok(st == 200, "the page itself needs no token (it asks for one)")
    raw_sock = socket.create_connection(("127.0.0.1", t.port), timeout=10)
    raw_sock.sendall(b"POST /api/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                     b"Content-Length: 31457280\r\nExpect: 100-continue\r\n\r\n")
    first = raw_sock.recv(4096)
    raw_sock.close()
    ok(first.startswith(b"HTTP/1.1 401"), "no token: refused before the body is sent")
    raw_sock = socket.create_connection(("127.0.0.1", s2.port), timeout=10)
    raw_sock.sendall(b"POST /api/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                     b"Content-Length: 31457280\r\nExpect: 100-continue\r\n\r\n")
    first = raw_sock.recv(4096)
    raw_sock.close()
    ok(first.startswith(b"HTTP/1.1 413"), "413 before the body is sent when the client waits (Expect: 100-continue)")
    s2.stop()
    t.stop(signal.SIGINT)
    e = Server(env={"DUIZHAO_TOKEN": "from-env"})
    st, hd, body = e.json("POST", "/api/parse", {"text": "一"})
    st2, hd, body = e.json("POST", "/api/parse", {"text": "一"}, {"Authorization": "Bearer from-env"})
    ok(st == 401 and st2 == 200, "DUIZHAO_TOKEN sets the token")
    rc, _ = e.stop(signal.SIGINT)
    ok(rc == 0, "SIGINT: exit code 0")
    env = dict(os.environ)
    env.pop("DUIZHAO_TOKEN", None)
    p = subprocess.run([BIN, "serve", "--listen", "0.0.0.0:0"], capture_output=True, env=env, timeout=10)
    ok(p.returncode == 2 and p.stderr.decode() ==
       "duizhao serve: 拒绝在非本机地址 0.0.0.0:0 上提供服务：请用 --token 或环境变量 DUIZHAO_TOKEN 设置访问令牌，或改用 127.0.0.1。\n",
       "a non-loopback address without a token is refused (exit 2)")
    p = subprocess.run([BIN, "serve", "--listen", "localhost"], capture_output=True, env=env, timeout=10)
    ok(p.returncode == 2 and "格式不对" in p.stderr.decode(), "a listen address without a port is a usage error")
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    p = subprocess.run([BIN, "serve", "--listen", "127.0.0.1:%d" % busy.getsockname()[1]], capture_output=True, env=env, timeout=10)
    busy.close()
    ok(p.returncode == 2 and "已被占用" in p.stderr.decode(), "a busy port gets a clear error (exit 2)")
    p = subprocess.run([BIN, "serve", "--max-body", "lots"], capture_output=True, env=env, timeout=10)
    ok(p.returncode == 2, "a bad --max-body is a usage error")

    # --- limits: idle timeout, request timeout, connection limit ----------------------------
    lim = Server("--quiet", "--idle-timeout", "1", "--request-timeout", "2")
    idle = socket.create_connection(("127.0.0.1", lim.port), timeout=8)
    t0 = time.time()
    try:
        got = idle.recv(100)
    except OSError:
        got = b""
    ok(got == b"" and time.time() - t0 < 6, "a silent connection is closed after the idle timeout (%.1f s)" % (time.time() - t0))
    idle.close()
    slow = socket.create_connection(("127.0.0.1", lim.port), timeout=8)
    slow.sendall(b"POST /api/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n")
    t0 = time.time()
    dropped = False
    while time.time() - t0 < 8:
        try:
            slow.sendall(b"a")
            time.sleep(0.3)
        except OSError:
            dropped = True
            break
        slow.setblocking(False)
        try:
            if slow.recv(100) == b"":
                dropped = True
                break
        except BlockingIOError:
            pass
        except OSError:
            dropped = True
            break
        slow.setblocking(True)
    took = time.time() - t0
    ok(dropped and 1.5 < took < 6, "a body trickled in slower than the request timeout is dropped (%.1f s)" % took)
    slow.close()
    lim.stop()
    cap = Server("--quiet", "--threads", "1", "--max-connections", "2")
    held = []
    for _ in range(2):
        h = socket.create_connection(("127.0.0.1", cap.port), timeout=5)
        h.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # headers not finished: the connection stays busy
        held.append(h)
    time.sleep(0.3)
    extra = socket.create_connection(("127.0.0.1", cap.port), timeout=5)
    try:
        extra.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        third = extra.recv(100)
    except OSError:
        third = b""
    extra.close()
    ok(third == b"", "past --max-connections a new connection is closed without an answer")
    for h in held:
        h.close()
    time.sleep(0.3)
    st, hd, _ = cap.request("GET", "/healthz")
    ok(st == 200, "once connections are free again, requests are served")
    cap.stop()

    # --- graceful shutdown under load -----------------------------------------------------
    g = Server("--quiet")
    doc = json.dumps({"text": seed.decode()}).encode()
    path = "/api/check"
    results = {"ok": 0, "bad": 0, "refused": 0}
    lock = threading.Lock()
    stop_at = time.time() + 20

    def client():
        for _ in range(400):  # bounded
            if time.time() > stop_at:
                return
            try:
                c = http.client.HTTPConnection("127.0.0.1", g.port, timeout=20)
                c.request("POST", path, body=doc, headers={"Content-Type": "application/json"})
                r = c.getresponse()
                data = r.read()
                c.close()
                good = r.status == 200 and json.loads(data).get("schema") == 1
                with lock:
                    results["ok" if good else "bad"] += 1
            except (ConnectionError, OSError, http.client.HTTPException):
                with lock:
                    results["refused"] += 1
                return

    # One request in flight across the signal: headers and half the body first.
    slow = socket.create_connection(("127.0.0.1", g.port))
    slow.sendall(("POST /api/parse HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(doc)).encode())
    slow.sendall(doc[: len(doc) // 2])
    threads = [threading.Thread(target=client) for _ in range(4)]
    for th in threads:
        th.start()
    time.sleep(0.5)
    g.proc.send_signal(signal.SIGTERM)
    time.sleep(0.2)
    slow.sendall(doc[len(doc) // 2:])
    slow.settimeout(15)
    reply = b""
    try:
        while True:
            chunk = slow.recv(65536)
            if not chunk:
                break
            reply += chunk
    except socket.timeout:
        pass
    slow.close()
    for th in threads:
        th.join()
    rc = g.proc.wait(timeout=30)
    head, _, rest = reply.partition(b"\r\n\r\n")
    ok(head.startswith(b"HTTP/1.1 200") and json.loads(rest).get("schema") == 1, "a request in flight at SIGTERM is answered in full")
    ok(results["ok"] > 0 and results["bad"] == 0, "under load every completed answer is well-formed (%s)" % results)
    ok(rc == 0, "shutdown under load: exit code 0")

    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
