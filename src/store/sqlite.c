/*
** SQLite implementation of the corpus store (store.h).
**
** Schema (version 2; version 1 had the same tables, with fingerprints from XXH3 k-gram hashes,
** and is re-fingerprinted from the stored bodies on open):
**   schema_version(version)                 one row; a newer file is refused
**   documents(id, path, hash UNIQUE, chars, mtime, added, p0, p1)
**   bodies(id, body)                        original bytes, apart so listing stays cheap
**   postings(h, doc) + index postings_h(h, doc)
** Hashes are stored as their top 48 bits (6-byte integers instead of 9): at 20 million
** postings a false hit has a probability of about 1e-7 per lookup and alignment checks the
** text anyway. A document's postings are inserted together, so their rowids form the range
** [p0, p1], which makes removal a range delete without a second index.
**
** Every message about the database itself starts with "语料库数据库 <path>".
**
** Safety: WAL journal, synchronous=NORMAL, a busy timeout, and the caller commits per batch
** of documents, so killing an import loses at most the batch in progress. A new corpus of one
** batch can instead be built in memory and published whole (sq_publish): a copy beside the
** target, synced, then linked to the target's name, so the path holds a complete database or
** none. A bulk import drops
** postings_h first and builds it once at the end (far faster than maintaining it row by row);
** if the process dies in between, the next open rebuilds it.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>

#include "store/store.h"
#include "util/error.h"

#define SCHEMA_VERSION 2
#define APP_ID 0x647A6462 /* "dzdb" */

#define POST_SIZES 7 /* postings go 64, 32, ..., 1 per INSERT statement (by the binary digits of
                       ** the rest): the per-statement cost is most of inserting a few rows */

typedef struct sq_store {
  dz_store base;
  sqlite3 *db;
  char *path;       /* the file, or for an in-memory store the file it is published to */
  int in_memory;    /* built in memory by dz__store_sqlite_open_new, written out by sq_publish */
  int timeout_ms;
  sqlite3_stmt *ins_doc, *ins_body, *lookup, *find_hash;
  sqlite3_stmt *ins_post[POST_SIZES]; /* INSERT of 2^i postings, prepared on first use */
  sqlite3_stmt *set_span; /* UPDATE documents SET p0, p1 */
  sqlite3_stmt *count, *begin_read, *commit_read, *get; /* per-query statements, prepared once */
} sq_store;


static const char *SCHEMA =
    "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS documents(id INTEGER PRIMARY KEY, path TEXT NOT NULL,"
    " hash TEXT NOT NULL UNIQUE, chars INTEGER NOT NULL, mtime INTEGER NOT NULL,"
    " added INTEGER NOT NULL, p0 INTEGER, p1 INTEGER);"
    "CREATE TABLE IF NOT EXISTS bodies(id INTEGER PRIMARY KEY, body BLOB NOT NULL);"
    "CREATE TABLE IF NOT EXISTS postings(h INTEGER NOT NULL, doc INTEGER NOT NULL);";

/* Turn an SQLite failure into a Chinese message naming the database and what to do. */
static int sq_err(sq_store *s, int rc, dz_error *err) {
  int base = rc & 0xFF;
  const char *msg = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
  switch (base) {
  case SQLITE_NOTADB:
  case SQLITE_CORRUPT:
    return dz__error_set(err, DZ_EINVALID,
                         "语料库数据库 %s 已损坏或不是数据库文件。请从备份恢复，或用 --db 指定另一个数据库文件。",
                         s->path);
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    return dz__error_set(err, DZ_EIO,
                         "语料库数据库 %s 正被其他程序占用（已等待 %d 秒）。请等其他 duizhao 进程结束后重试。",
                         s->path, (s->timeout_ms + 999) / 1000);
  case SQLITE_CANTOPEN:
  case SQLITE_PERM:
  case SQLITE_READONLY:
    return dz__error_set(err, DZ_EIO, "语料库数据库 %s 无法打开或写入：%s。请检查路径和权限。", s->path, msg);
  case SQLITE_FULL:
    return dz__error_set(err, DZ_EIO, "语料库数据库 %s 无法写入：磁盘已满。", s->path);
  case SQLITE_NOMEM:
    return dz__error_nomem(err);
  default:
    return dz__error_set(err, DZ_EIO, "语料库数据库 %s 出错：%s", s->path, msg);
  }
}

/* Run SQL without results; failures become store errors. */
static int exec(sq_store *s, const char *sql, dz_error *err) {
  int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
  return rc == SQLITE_OK ? DZ_OK : sq_err(s, rc, err);
}

/* A statement kept for the life of the store. */
static int prep(sq_store *s, sqlite3_stmt **st, const char *sql, dz_error *err) {
  int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
  return rc == SQLITE_OK ? DZ_OK : sq_err(s, rc, err);
}

/* Step a kept statement (prepared on first use) that returns nothing or one integer (*v),
** then reset it: a query runs three of these, and preparing them each time cost more than
** the rest of the query's store access. */
static int step_kept(sq_store *s, sqlite3_stmt **st, const char *sql, int64_t *v, dz_error *err) {
  if (!*st) {
    int rc = prep(s, st, sql, err);
    if (rc) return rc;
  }
  int rc = sqlite3_step(*st), out = DZ_OK;
  if (rc == SQLITE_ROW && v) *v = sqlite3_column_int64(*st, 0);
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE) out = sq_err(s, rc, err);
  sqlite3_reset(*st);
  return out;
}

/* Run a statement that returns one integer (or none: *v unchanged, returns 1). */
static int one_int(sq_store *s, const char *sql, int64_t *v, dz_error *err) {
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
  if (rc != SQLITE_OK) return sq_err(s, rc, err);
  rc = sqlite3_step(st);
  int out = 1;
  if (rc == SQLITE_ROW) *v = sqlite3_column_int64(st, 0), out = 0;
  else if (rc != SQLITE_DONE) out = sq_err(s, rc, err);
  sqlite3_finalize(st);
  return out;
}

/* Finalize statements and close the connection (NULL-safe). */
static void sq_close(dz_store *base) {
  sq_store *s = (sq_store *)base;
  if (!s) return;
  sqlite3_finalize(s->ins_doc);
  sqlite3_finalize(s->ins_body);
  for (int i = 0; i < POST_SIZES; i++) sqlite3_finalize(s->ins_post[i]);
  sqlite3_finalize(s->set_span);
  sqlite3_finalize(s->lookup);
  sqlite3_finalize(s->find_hash);
  sqlite3_finalize(s->count);
  sqlite3_finalize(s->begin_read);
  sqlite3_finalize(s->commit_read);
  sqlite3_finalize(s->get);
  if (s->db) sqlite3_close(s->db);
  free(s->path);
  free(s);
}

static int sq_begin(dz_store *b, dz_error *err) { return exec((sq_store *)b, "BEGIN IMMEDIATE", err); }
static int sq_commit(dz_store *b, dz_error *err) { return exec((sq_store *)b, "COMMIT", err); }
static void sq_rollback(dz_store *b) { sqlite3_exec(((sq_store *)b)->db, "ROLLBACK", NULL, NULL, NULL); }

/* A read transaction around a query, unless the caller already has a transaction. */
static int sq_snapshot(dz_store *b, int on, dz_error *err) {
  sq_store *s = (sq_store *)b;
  if (on && !sqlite3_get_autocommit(s->db)) return DZ_OK; /* inside the caller's transaction */
  if (!on && sqlite3_get_autocommit(s->db)) return DZ_OK;
  return on ? step_kept(s, &s->begin_read, "BEGIN", NULL, err) : step_kept(s, &s->commit_read, "COMMIT", NULL, err);
}

/* Drop the posting index for a bulk import, or build it back. */
static int sq_bulk(dz_store *b, int on, dz_error *err) {
  sq_store *s = (sq_store *)b;
  return exec(s, on ? "DROP INDEX IF EXISTS postings_h"
                    : "CREATE INDEX IF NOT EXISTS postings_h ON postings(h, doc)", err);
}

/* The id of a document with this content hash (DZ_ENOTFOUND when none). */
static int sq_find_hash(dz_store *b, const char *hash, int64_t *id, dz_error *err) {
  sq_store *s = (sq_store *)b;
  int rc0 = s->find_hash ? DZ_OK : prep(s, &s->find_hash, "SELECT id FROM documents WHERE hash=?", err);
  if (rc0) return rc0;
  sqlite3_reset(s->find_hash);
  sqlite3_bind_text(s->find_hash, 1, hash, -1, SQLITE_STATIC);
  int rc = sqlite3_step(s->find_hash);
  if (rc == SQLITE_ROW) {
    *id = sqlite3_column_int64(s->find_hash, 0);
    sqlite3_reset(s->find_hash);
    return DZ_OK;
  }
  sqlite3_reset(s->find_hash);
  return rc == SQLITE_DONE ? DZ_ENOTFOUND : sq_err(s, rc, err);
}

/* Step a write statement to completion and reset it. */
static int step_done(sq_store *s, sqlite3_stmt *st, dz_error *err) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  return rc == SQLITE_DONE ? DZ_OK : sq_err(s, rc, err);
}

/* The statements that write, prepared on the first write: a check only reads, and parsing
** them was most of opening a database. */
static int prep_writes(sq_store *s, dz_error *err) {
  if (s->set_span) return DZ_OK;
  int rc = prep(s, &s->ins_doc, "INSERT INTO documents(path, hash, chars, mtime, added) VALUES(?,?,?,?,?)", err);
  if (!rc) rc = prep(s, &s->ins_body, "INSERT INTO bodies(id, body) VALUES(?,?)", err);
  if (!rc) rc = prep(s, &s->set_span, "UPDATE documents SET p0=?, p1=? WHERE id=?", err); /* last: the flag */
  return rc;
}

/* The INSERT of 2^k postings, prepared on its first use. */
static int post_stmt(sq_store *s, int k, sqlite3_stmt **out, dz_error *err) {
  if (!s->ins_post[k]) {
    char sql[64 + (1 << (POST_SIZES - 1)) * 8] = "INSERT INTO postings(h, doc) VALUES(?,?)";
    for (int i = 1; i < 1 << k; i++) strcat(sql, ",(?,?)");
    int rc = prep(s, &s->ins_post[k], sql, err);
    if (rc) return rc;
  }
  *out = s->ins_post[k];
  return DZ_OK;
}

/* Insert document `doc`'s postings and record their rowid range [p0, p1] ([0, -1] for none):
** a single writer appends them, so they are consecutive. */
static int put_postings(sq_store *s, int64_t doc, const uint64_t *fps, size_t nfps, dz_error *err) {
  int64_t p0 = 0, p1 = -1;
  for (size_t i = 0; i < nfps;) {
    int k = POST_SIZES - 1;
    while ((size_t)1 << k > nfps - i) k--;
    size_t m = (size_t)1 << k;
    sqlite3_stmt *st;
    int rc = post_stmt(s, k, &st, err);
    if (rc) return rc;
    for (size_t j = 0; j < m; j++) {
      sqlite3_bind_int64(st, (int)(2 * j + 1), (int64_t)dz__store_key(fps[i + j]));
      sqlite3_bind_int64(st, (int)(2 * j + 2), doc);
    }
    if ((rc = step_done(s, st, err))) return rc;
    int64_t last = sqlite3_last_insert_rowid(s->db);
    if (i == 0) p0 = last - (int64_t)m + 1;
    p1 = last;
    i += m;
  }
  sqlite3_bind_int64(s->set_span, 1, p0);
  sqlite3_bind_int64(s->set_span, 2, p1);
  sqlite3_bind_int64(s->set_span, 3, doc);
  return step_done(s, s->set_span, err);
}

/* See store.h. */
static int sq_add(dz_store *b, const dz_store_doc *d, const uint64_t *fps, size_t nfps, int64_t *id,
                  dz_error *err) {
  sq_store *s = (sq_store *)b;
  int rc0 = prep_writes(s, err);
  if (rc0) return rc0;
  sqlite3_stmt *st = s->ins_doc;
  sqlite3_bind_text(st, 1, d->path, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, d->hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 3, d->chars);
  sqlite3_bind_int64(st, 4, d->mtime);
  sqlite3_bind_int64(st, 5, d->added);
  int rc = step_done(s, st, err);
  if (rc) return rc;
  int64_t doc = sqlite3_last_insert_rowid(s->db);
  sqlite3_bind_int64(s->ins_body, 1, doc);
  sqlite3_bind_blob64(s->ins_body, 2, d->body ? d->body : "", d->body_len, SQLITE_STATIC);
  if ((rc = step_done(s, s->ins_body, err))) return rc;
  if ((rc = put_postings(s, doc, fps, nfps, err))) return rc;
  *id = doc;
  return DZ_OK;
}


/* Prepare `sql` (one ? for the document id) and step to its row: *st is left on the row for
** the caller to read and finalize. DZ_ENOTFOUND when there is no such document. */
static int row_by_id(sq_store *s, const char *sql, int64_t id, sqlite3_stmt **st, dz_error *err) {
  int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
  if (rc != SQLITE_OK) return sq_err(s, rc, err);
  sqlite3_bind_int64(*st, 1, id);
  rc = sqlite3_step(*st);
  if (rc == SQLITE_ROW) return DZ_OK;
  sqlite3_finalize(*st);
  *st = NULL;
  if (rc == SQLITE_DONE) return dz__error_set(err, DZ_ENOTFOUND, "语料库中没有编号为 %lld 的文档。", (long long)id);
  return sq_err(s, rc, err);
}

/* Delete a document, its body and its postings (a rowid range). */
static int sq_remove(dz_store *b, int64_t id, dz_error *err) {
  sq_store *s = (sq_store *)b;
  sqlite3_stmt *st;
  int rc = row_by_id(s, "SELECT p0, p1 FROM documents WHERE id=?", id, &st, err);
  if (rc) return rc;
  long long p0 = sqlite3_column_int64(st, 0), p1 = sqlite3_column_int64(st, 1);
  sqlite3_finalize(st);
  char sql[256];
  snprintf(sql, sizeof sql,
           "DELETE FROM postings WHERE rowid BETWEEN %lld AND %lld AND doc=%lld;"
           "DELETE FROM bodies WHERE id=%lld; DELETE FROM documents WHERE id=%lld;",
           p0, p1, (long long)id, (long long)id, (long long)id);
  return exec(s, sql, err);
}

/* Borrowed view of the current row of a documents query. */
static void fill_doc(sqlite3_stmt *st, dz_store_doc *d) {
  d->id = sqlite3_column_int64(st, 0);
  d->path = (char *)sqlite3_column_text(st, 1);
  d->hash = (char *)sqlite3_column_text(st, 2);
  d->chars = sqlite3_column_int64(st, 3);
  d->mtime = sqlite3_column_int64(st, 4);
  d->added = sqlite3_column_int64(st, 5);
}

/* Every document by id, without bodies. */
static int sq_list(dz_store *b, dz_store_doc_cb cb, void *ud, dz_error *err) {
  sq_store *s = (sq_store *)b;
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(s->db, "SELECT id, path, hash, chars, mtime, added FROM documents ORDER BY id",
                              -1, &st, NULL);
  if (rc != SQLITE_OK) return sq_err(s, rc, err);
  int out = DZ_OK;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    dz_store_doc d = {0};
    fill_doc(st, &d);
    if (cb(ud, &d)) { out = DZ_EUSER; break; }
  }
  if (!out && rc != SQLITE_DONE) out = sq_err(s, rc, err);
  sqlite3_finalize(st);
  return out;
}

/* One document with its body; the caller owns the copies (dz__store_doc_clear). */
static int sq_get(dz_store *b, int64_t id, dz_store_doc *out, dz_error *err) {
  sq_store *s = (sq_store *)b;
  int rc;
  if (!s->get && (rc = prep(s, &s->get,
                            "SELECT d.id, d.path, d.hash, d.chars, d.mtime, d.added, b.body FROM documents d"
                            " JOIN bodies b ON b.id = d.id WHERE d.id=?", err)))
    return rc;
  sqlite3_stmt *st = s->get;
  sqlite3_bind_int64(st, 1, id);
  rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    int out_rc = rc == SQLITE_DONE ? dz__error_set(err, DZ_ENOTFOUND, "语料库中没有编号为 %lld 的文档。", (long long)id)
                                   : sq_err(s, rc, err);
    sqlite3_reset(st);
    return out_rc;
  }
  dz_store_doc d = {0};
  fill_doc(st, &d);
  const void *body = sqlite3_column_blob(st, 6);
  size_t blen = (size_t)sqlite3_column_bytes(st, 6);
  d.path = strdup(d.path ? d.path : "");
  d.hash = strdup(d.hash ? d.hash : "");
  d.body = malloc(blen + 1);
  if (d.body) memcpy(d.body, body ? body : "", blen), ((char *)d.body)[blen] = 0;
  d.body_len = blen;
  sqlite3_reset(st);
  if (!d.path || !d.hash || !d.body) {
    dz__store_doc_clear(&d);
    return dz__error_nomem(err);
  }
  *out = d;
  return DZ_OK;
}

/* Number of documents. */
static int sq_count(dz_store *b, int64_t *n, dz_error *err) {
  *n = 0;
  return step_kept((sq_store *)b, &((sq_store *)b)->count, "SELECT count(*) FROM documents", n, err);
}

static int sq_lookup(dz_store *b, const uint64_t *h, size_t n, size_t max_df, dz_store_postings_cb cb,
                     void *ud, dz_error *err) {
  sq_store *s = (sq_store *)b;
  size_t cap = max_df + 1;
  int prc = s->lookup ? DZ_OK : prep(s, &s->lookup, "SELECT doc FROM postings WHERE h=? LIMIT ?", err);
  if (prc) return prc;
  int64_t *docs = malloc(cap * sizeof *docs);
  if (!docs) return dz__error_nomem(err);
  int out = DZ_OK;
  for (size_t i = 0; i < n && !out; i++) {
    sqlite3_stmt *st = s->lookup;
    sqlite3_bind_int64(st, 1, (int64_t)dz__store_key(h[i]));
    sqlite3_bind_int64(st, 2, (int64_t)cap);
    size_t m = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) docs[m++] = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) { out = sq_err(s, rc, err); break; }
    if (m == 0) continue;
    if (cb(ud, i, m > max_df ? NULL : docs, m)) out = DZ_EUSER;
  }
  free(docs);
  return out;
}

static int sq_scan(dz_store *b, size_t max, int (*cb)(void *ud, uint64_t key, int64_t doc), void *ud,
                   dz_error *err) {
  sq_store *s = (sq_store *)b;
  int64_t top = 0; /* max(rowid) bounds the count and costs one B-tree descent */
  int rc = one_int(s, "SELECT coalesce(max(rowid), 0) FROM postings", &top, err);
  if (rc < 0) return rc;
  if ((uint64_t)top > max) return DZ_ETOOBIG;
  sqlite3_stmt *st;
  rc = sqlite3_prepare_v2(s->db, "SELECT h, doc FROM postings ORDER BY h, doc", -1, &st, NULL);
  if (rc != SQLITE_OK) return sq_err(s, rc, err);
  int out = DZ_OK;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW)
    if (cb(ud, (uint64_t)sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1))) { out = DZ_EUSER; break; }
  if (!out && rc != SQLITE_DONE) out = sq_err(s, rc, err);
  sqlite3_finalize(st);
  return out;
}

/* See store.h. Another process may have done it meanwhile: the version is read again inside
** the write transaction. */
static int sq_refingerprint(dz_store *b, dz_store_refp_cb cb, void *ud, dz_error *err) {
  sq_store *s = (sq_store *)b;
  sqlite3_stmt *st = NULL;
  int64_t ver = 0;
  int rc = exec(s, "BEGIN IMMEDIATE", err);
  if (rc) return rc;
  if ((rc = one_int(s, "SELECT version FROM schema_version", &ver, err)) < 0) goto fail;
  if (ver < SCHEMA_VERSION) {
    if ((rc = prep_writes(s, err))) goto fail;
    if ((rc = exec(s, "DELETE FROM postings", err))) goto fail;
    if ((rc = prep(s, &st, "SELECT d.id, d.path, b.body FROM documents d JOIN bodies b ON b.id = d.id ORDER BY d.id", err)))
      goto fail;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      dz_store_doc d = {0};
      d.id = sqlite3_column_int64(st, 0);
      d.path = (char *)sqlite3_column_text(st, 1);
      d.body = (void *)sqlite3_column_blob(st, 2);
      d.body_len = (size_t)sqlite3_column_bytes(st, 2);
      uint64_t *fps = NULL;
      size_t n = 0;
      if ((rc = cb(ud, &d, &fps, &n, err))) goto fail;
      rc = put_postings(s, d.id, fps, n, err);
      free(fps);
      if (rc) goto fail;
    }
    if (rc != SQLITE_DONE) {
      rc = sq_err(s, rc, err);
      goto fail;
    }
    sqlite3_finalize(st), st = NULL;
    char sql[64];
    snprintf(sql, sizeof sql, "UPDATE schema_version SET version=%d", SCHEMA_VERSION);
    if ((rc = exec(s, sql, err))) goto fail;
  }
  if ((rc = exec(s, "COMMIT", err))) goto fail;
  b->stale = 0;
  return DZ_OK;
fail:
  sqlite3_finalize(st);
  sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  return rc;
}

/* See store.h. The pages are copied by SQLite's backup API into PATH.new-PID with neither
** journal nor syncs (nobody else knows the file), the copy is switched to WAL like every corpus,
** synced once, and linked to PATH: link(2), unlike rename(2), fails when PATH exists, so a
** database another process created meanwhile is never replaced. */
static int sq_publish(dz_store *b, int *raced, dz_error *err) {
  sq_store *s = (sq_store *)b;
  *raced = 0;
  if (!s->in_memory) return DZ_OK;
  size_t n = strlen(s->path) + 32;
  char *tmp = malloc(n);
  if (!tmp) return dz__error_nomem(err);
  snprintf(tmp, n, "%s.new-%ld", s->path, (long)getpid());
  unlink(tmp); /* left by a killed process that had our pid */
  sqlite3 *d = NULL;
  int rc = sqlite3_open_v2(tmp, &d, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_exec(d, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF", NULL, NULL, NULL);
  if (rc == SQLITE_OK) {
    sqlite3_backup *bk = sqlite3_backup_init(d, "main", s->db, "main");
    rc = bk ? sqlite3_backup_step(bk, -1) : sqlite3_errcode(d);
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    int frc = sqlite3_backup_finish(bk);
    if (rc == SQLITE_OK) rc = frc;
  }
  if (rc == SQLITE_OK) rc = sqlite3_exec(d, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
  int out = DZ_OK;
  if (rc != SQLITE_OK)
    out = dz__error_set(err, DZ_EIO, "语料库数据库 %s 无法写入：%s。请检查路径、权限和磁盘空间。", s->path,
                        d ? sqlite3_errmsg(d) : sqlite3_errstr(rc));
  if (sqlite3_close(d) != SQLITE_OK && !out)
    out = dz__error_set(err, DZ_EIO, "语料库数据库 %s 无法写入。", s->path);
  int fd = out ? -1 : open(tmp, O_RDONLY | O_CLOEXEC);
  if (!out && (fd < 0 || fdatasync(fd) != 0))
    out = dz__error_set(err, DZ_EIO, "语料库数据库 %s 无法写入：%s。", s->path, strerror(errno));
  if (fd >= 0) close(fd);
  if (!out && link(tmp, s->path) != 0) {
    if (errno == EEXIST) *raced = 1;
    else out = dz__error_set(err, DZ_EIO, "语料库数据库 %s 无法创建：%s。请检查路径和权限。", s->path, strerror(errno));
  }
  unlink(tmp);
  free(tmp);
  if (!out && !*raced) s->in_memory = 0; /* published: a second call does nothing */
  return out;
}

static const dz_store_ops SQ_OPS = {
    "sqlite", sq_close, sq_begin, sq_commit, sq_rollback, sq_snapshot, sq_bulk, sq_find_hash,
    sq_add, sq_remove, sq_list, sq_get, sq_count, sq_lookup, sq_scan, sq_refingerprint, sq_publish,
};

/* mkdir -p for the folder that will hold `path`. */
static int make_parents(const char *path) {
  char *p = strdup(path);
  if (!p) return -1;
  for (char *q = p + 1; *q; q++) {
    if (*q != '/') continue;
    *q = 0;
    if (mkdir(p, 0755) != 0 && errno != EEXIST) { free(p); return -1; }
    *q = '/';
  }
  free(p);
  return 0;
}

/* Create or check the schema; refuse databases written by a newer duizhao or another program. */
static int setup(sq_store *s, dz_error *err) {
  int64_t app = 0, ntables = 0, ver = 0;
  int rc;
  if ((rc = one_int(s, "PRAGMA application_id", &app, err)) < 0) return rc;
  if ((rc = one_int(s, "SELECT count(*) FROM sqlite_master", &ntables, err)) < 0) return rc;
  if (ntables > 0 && app != APP_ID)
    return dz__error_set(err, DZ_EINVALID,
                         "%s 不是 duizhao 语料库数据库。请用 --db 指定另一个文件。", s->path);
  /* A database without tables holds nothing to lose: its switch to WAL (a rollback-journal
  ** transaction that writes page 1) and the transaction that creates the schema (the first
  ** in the new log) go without the six syncs that protect data from a power failure; NORMAL
  ** applies once the schema is there (sync_normal below). An interrupted process loses nothing
  ** either way: the syncs only matter when the machine itself stops. */
  int fresh = ntables == 0;
  if ((rc = exec(s, fresh ? "PRAGMA synchronous=OFF; PRAGMA journal_mode=WAL; PRAGMA cache_size=-65536;"
                          : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;",
                 err)))
    return rc;
  /* A current database needs no write: connections opened at the same moment (the threads of a
  ** check) must not queue for the write lock, whose busy handler sleeps a millisecond or more. */
  int64_t has_index = 0;
  if (ntables > 0 && one_int(s, "SELECT version FROM schema_version", &ver, NULL) == 0 && ver == SCHEMA_VERSION &&
      one_int(s, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name='postings_h'", &has_index, NULL) == 0 &&
      has_index == 1)
    return DZ_OK;
  if ((rc = exec(s, "BEGIN IMMEDIATE", err))) return rc;
  if ((rc = exec(s, SCHEMA, err))) goto fail;
  rc = one_int(s, "SELECT version FROM schema_version", &ver, err);
  if (rc < 0) goto fail;
  if (rc == 1) {
    char sql[128];
    snprintf(sql, sizeof sql, "INSERT INTO schema_version VALUES(%d); PRAGMA application_id=%d;",
             SCHEMA_VERSION, APP_ID);
    if ((rc = exec(s, sql, err))) goto fail;
  } else if (ver < SCHEMA_VERSION) {
    s->base.stale = 1; /* the index re-fingerprints it (sq_refingerprint) */
  } else if (ver > SCHEMA_VERSION) {
    rc = dz__error_set(err, DZ_EINVALID,
                       "语料库数据库 %s 由更新版本的 duizhao 创建（格式版本 %lld），请升级 duizhao。",
                       s->path, (long long)ver);
    goto fail;
  }
  /* Rebuilds the index if a bulk import was interrupted. */
  if ((rc = exec(s, "CREATE INDEX IF NOT EXISTS postings_h ON postings(h, doc); COMMIT", err))) goto fail;
  return fresh ? exec(s, "PRAGMA synchronous=NORMAL", err) : DZ_OK;
fail:
  sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  return rc;
}

/* Open `file` (":memory:" for a store built in memory) as the store of `path`. */
static int open_store(dz_store **out, const char *path, const char *file, int timeout_ms, dz_error *err) {
  sq_store *s = calloc(1, sizeof *s);
  if (!s || !(s->path = strdup(path))) {
    free(s);
    return dz__error_nomem(err);
  }
  s->base.ops = &SQ_OPS;
  s->in_memory = !strcmp(file, ":memory:");
  s->timeout_ms = timeout_ms > 0 ? timeout_ms : 5000;
  make_parents(path);
  /* NOMUTEX: a store is used by one thread at a time (each thread of a check opens its own),
  ** so SQLite need not lock the connection around every call (a tenth of a posting scan). */
  int rc = sqlite3_open_v2(file, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK) {
    rc = sq_err(s, rc, err);
    sq_close(&s->base);
    return rc;
  }
  sqlite3_busy_timeout(s->db, s->timeout_ms);
  rc = setup(s, err);
  if (rc) {
    sq_close(&s->base);
    return rc;
  }
  *out = &s->base;
  return DZ_OK;
}

/* See store.h: open or create, check the schema, prepare the statements. */
int dz__store_sqlite_open(dz_store **out, const char *path, int timeout_ms, dz_error *err) {
  return open_store(out, path, path, timeout_ms, err);
}

/* See store.h. */
int dz__store_sqlite_open_new(dz_store **out, const char *path, dz_error *err) {
  return open_store(out, path, ":memory:", 0, err);
}

/* Free what sq_get allocated (NULL-safe). */
void dz__store_doc_clear(dz_store_doc *d) {
  if (!d) return;
  free(d->path);
  free(d->hash);
  free(d->body);
  memset(d, 0, sizeof *d);
}
