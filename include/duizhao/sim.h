/* duizhao originality (查重): a corpus index, checks against it, and batch cross-checks. */
#ifndef DUIZHAO_SIM_H
#define DUIZHAO_SIM_H
#include <stdio.h>
#ifdef __cplusplus
extern "C" {
#endif

/* ---- Corpus index ------------------------------------------------------------------ */

/* A corpus of known documents (templates, earlier materials) with their fingerprints,
** kept in a store (SQLite by default). Not thread-safe: one handle per thread. */
typedef struct dz_index dz_index;

typedef struct dz_index_options {
  int version;        /* DZ_INDEX_OPTIONS_VERSION */
  int timeout_ms;     /* wait this long for another process's lock; 0 = 5000 */
  double df_cap;      /* a fingerprint in more than this fraction of documents ... */
  int df_min;         /* ... and in more than df_min documents is boilerplate; 0 = defaults */
  int max_sources;    /* align with at most this many candidate sources; 0 = 50 */
} dz_index_options;
#define DZ_INDEX_OPTIONS_VERSION 1
#define DZ_INDEX_OPTIONS_INIT {DZ_INDEX_OPTIONS_VERSION, 0, 0.0, 0, 0}

/* Open (creating if needed, with parent folders) the SQLite corpus at `path`. A corrupt or
** foreign file gives DZ_EINVALID, a lock held past the timeout DZ_EIO, with a message. */
int dz_index_open(dz_index **out, const char *path, const dz_index_options *opts, dz_error *err);
/* A corpus that does not exist yet at `path`, built in memory: add to it, then write it there
** whole with dz_index_publish (before closing; what is not published is lost). For a first
** import of at most one batch (200 documents, `corpus add` also keeps their total size under
** 64 MiB): it saves the log, its checkpoint and two of three syncs, and an interrupted import
** leaves no database behind rather than an empty one. */
int dz_index_open_new(dz_index **out, const char *path, const dz_index_options *opts, dz_error *err);
/* Write an index from dz_index_open_new to its path (synced, then given the path's name in
** one step, so the path holds the whole database or none). *raced is set and nothing written
** when a database appeared at the path meanwhile; add to that one instead. A no-op (DZ_OK,
** *raced = 0) for an index opened with dz_index_open. */
int dz_index_publish(dz_index *idx, int *raced, dz_error *err);
void dz_index_close(dz_index *idx);

/* Group adds into one transaction (what is committed survives an interruption). */
int dz_index_begin(dz_index *idx, dz_error *err);
int dz_index_commit(dz_index *idx, dz_error *err);
/* A large import: on = drop the posting index, off = rebuild it (done at open if forgotten). */
int dz_index_bulk(dz_index *idx, int on, dz_error *err);

/* Add a document from its original bytes (any format dz_read_bytes reads). `name` is the
** path recorded for it, `mtime` its modification time (0 if unknown). *duplicate is set
** when a document with the same text is already there (nothing is added; *out = its id). */
int dz_index_add(int64_t *out, dz_index *idx, const char *name, const void *bytes, size_t len,
                 int64_t mtime, int *duplicate, dz_error *err);

/* The same for a file on disk (its modification time is recorded). */
int dz_index_add_file(int64_t *out, dz_index *idx, const char *path, int *duplicate, dz_error *err);

/* Import many files, the way `duizhao corpus add` does: files are read and fingerprinted by
** worker threads while this thread stores them in order, one transaction per 200 documents
** (an interruption loses at most the batch in progress). A large import (>= 1000 files and at
** least the corpus size) rebuilds the posting index once at the end. A file that cannot be read
** is counted in `failed`, reported to `cb` and skipped; a failing store stops with its error.
** `cb` (may be NULL) is called after every file, with file_err NULL unless that file failed;
** a non-zero return stops after committing (DZ_EUSER, *out still filled). */
typedef struct dz_index_import {
  size_t added, duplicates, failed;
} dz_index_import;
typedef int (*dz_index_progress_cb)(void *ud, size_t done, size_t total, const char *path,
                                    const dz_error *file_err);
int dz_index_add_files(dz_index_import *out, dz_index *idx, const char *const *paths, size_t n,
                       dz_index_progress_cb cb, void *ud, dz_error *err);

typedef struct dz_index_entry {
  int64_t id;
  const char *path;   /* borrowed for the callback */
  int64_t chars;      /* normalised characters (letters, digits, ideographs) */
  int64_t added;      /* Unix seconds */
} dz_index_entry;

/* Call cb for every document, by id; a non-zero return stops with DZ_EUSER. */
int dz_index_list(dz_index *idx, int (*cb)(void *ud, const dz_index_entry *e), void *ud, dz_error *err);
int dz_index_remove(dz_index *idx, int64_t id, dz_error *err);
int dz_index_count(int64_t *out, dz_index *idx, dz_error *err);

/* ---- Results ----------------------------------------------------------------------- */

/* A copied passage: [start, end) in the checked text and [source_start, source_end) in the
** source, both ORIGINAL byte offsets; chars = normalised characters of the passage. */
typedef struct dz_sim_passage {
  int64_t source;          /* corpus id (similar) or file index (batch) */
  size_t start, end, source_start, source_end;
  size_t chars, matched;   /* matched: characters equal in both (the rest are small edits) */
  size_t line, col, source_line, source_col; /* 1-based, of start and source_start */
  const char *text, *source_text;            /* the two passages as written (borrowed) */
} dz_sim_passage;

typedef struct dz_sim_source {
  int64_t id;
  const char *path;
  double ratio;   /* fraction of the checked text's characters found in this source */
  size_t chars;
} dz_sim_source;

/* A level-1 part of the checked text (一、存在问题 ...), in original bytes. */
typedef struct dz_sim_part {
  size_t start, end;
  const char *title;
  double ratio;   /* set in results */
} dz_sim_part;

typedef struct dz_sim_result dz_sim_result;

typedef struct dz_sim_query_options {
  int version;                 /* DZ_SIM_QUERY_OPTIONS_VERSION */
  const dz_sim_part *parts;    /* level-1 parts for per-part ratios (dz_sim_doc_parts);
                                  NULL = no per-part ratios */
  size_t nparts;
} dz_sim_query_options;
#define DZ_SIM_QUERY_OPTIONS_VERSION 1
#define DZ_SIM_QUERY_OPTIONS_INIT {DZ_SIM_QUERY_OPTIONS_VERSION, NULL, 0}

/* Check `text` against the corpus. */
int dz_index_query(dz_sim_result **out, dz_index *idx, const dz_text *text,
                   const dz_sim_query_options *opts, dz_error *err);
void dz_sim_result_free(dz_sim_result *r);

/* Check n files (read with dz_read_file, level-1 parts from dz_doc_parse) against the corpus
** at `db`, on several threads when there are many files (each thread opens its own handle).
** `out` is the caller's array of n slots, filled in input order on success (free each result).
** On failure nothing is returned and `err` describes the first file, in input order, that
** failed. */
int dz_index_query_files(dz_sim_result **out, const char *db, const char *const *paths, size_t n,
                         const dz_index_options *opts, dz_error *err);

/* The same checks, each result handed to fn(ud, i, r) on the thread that produced it as soon as
** it is ready: in any order and from several threads at once; fn owns r. Lets a caller render
** and free results while others are still being checked. On failure, fn has been called for
** some files, and `err` describes the first file, in input order, that failed. */
int dz_index_query_files_each(const char *db, const char *const *paths, size_t n, const dz_index_options *opts,
                              void (*fn)(void *ud, size_t i, dz_sim_result *r), void *ud, dz_error *err);

const char *dz_sim_result_file(const dz_sim_result *r);
size_t dz_sim_result_chars(const dz_sim_result *r);
double dz_sim_result_copy_ratio(const dz_sim_result *r);
size_t dz_sim_result_source_count(const dz_sim_result *r);
const dz_sim_source *dz_sim_result_source(const dz_sim_result *r, size_t i); /* by ratio, desc */
size_t dz_sim_result_passage_count(const dz_sim_result *r);
const dz_sim_passage *dz_sim_result_passage(const dz_sim_result *r, size_t i); /* by start */
size_t dz_sim_result_part_count(const dz_sim_result *r);
const dz_sim_part *dz_sim_result_part(const dz_sim_result *r, size_t i);

/* The level-1 parts (headings 一、 二、 ... and what they contain) of a parsed document, with
** their heading lines as titles. Free with dz_sim_parts_free. */
int dz_sim_doc_parts(dz_sim_part **out, size_t *n, const dz_doc *doc, dz_error *err);
void dz_sim_parts_free(dz_sim_part *parts, size_t n);

/* ---- Batch cross-check ------------------------------------------------------------- */

typedef struct dz_sim_batch dz_sim_batch;

typedef struct dz_sim_batch_options {
  int version;             /* DZ_SIM_BATCH_OPTIONS_VERSION */
  const int64_t *mtimes;   /* per text, for the direction heuristic; may be NULL */
  double group_threshold;  /* pairs with max(a_in_b, b_in_a) >= this are linked; 0 = 0.3 */
} dz_sim_batch_options;
#define DZ_SIM_BATCH_OPTIONS_VERSION 1
#define DZ_SIM_BATCH_OPTIONS_INIT {DZ_SIM_BATCH_OPTIONS_VERSION, NULL, 0.0}

typedef enum dz_sim_direction {
  DZ_DIR_UNKNOWN = 0, /* no basis to tell */
  DZ_DIR_A_TO_B,      /* b likely copied from a */
  DZ_DIR_B_TO_A
} dz_sim_direction;

typedef struct dz_sim_pair {
  size_t a, b;                    /* file indexes, a < b */
  double a_in_b, b_in_a;
  dz_sim_direction direction;
  const char *basis;              /* "containment", "mtime", "none", or "identical" (the two
                                     texts are the same; direction unknown) */
  const dz_sim_passage *passages; /* source = b; offsets: start/end in a, source_* in b */
  size_t npassages;
} dz_sim_pair;

/* Cross-check n texts (borrowed; names from dz_text_name). */
int dz_sim_batch_run(dz_sim_batch **out, const dz_text *const *texts, size_t n,
                     const dz_sim_batch_options *opts, dz_error *err);
void dz_sim_batch_free(dz_sim_batch *b);
size_t dz_sim_batch_size(const dz_sim_batch *b);
const char *dz_sim_batch_file(const dz_sim_batch *b, size_t i);
double dz_sim_batch_matrix(const dz_sim_batch *b, size_t i, size_t j); /* share of i found in j */
size_t dz_sim_batch_group_count(const dz_sim_batch *b);
/* Members of group g (file indexes, ascending); *n receives the count. */
const size_t *dz_sim_batch_group(const dz_sim_batch *b, size_t g, size_t *n);
size_t dz_sim_batch_pair_count(const dz_sim_batch *b);
const dz_sim_pair *dz_sim_batch_pair(const dz_sim_batch *b, size_t i);

/* ---- Reports ----------------------------------------------------------------------- */

typedef enum dz_sim_format { DZ_SIM_TEXT = 0, DZ_SIM_JSON, DZ_SIM_HTML } dz_sim_format;
#define DZ_SIM_COLOR 1 /* flag: ANSI colour in text reports */

/* Render n results (one file each) to `f`. JSON: one object for n == 1, an array otherwise.
** HTML: one self-contained page. */
int dz_sim_render(FILE *f, const dz_sim_result *const *r, size_t n, dz_sim_format fmt, int flags);

/* Check n files against the corpus at `db` (as dz_index_query_files) and write the report in
** format fmt to f (as dz_sim_render, same bytes). Several files in JSON are rendered on the
** checking threads as each is done, their results freed at once, and written in input order
** as soon as the files before them are written, so memory stays small. Returns DZ_OK; the
** check's error (err set: nothing written, except for several files in JSON, where the
** elements of the files before the failing one have been written and the array is left open,
** so that the output is not mistaken for a whole report); or DZ_EIO / DZ_ENOMEM when the
** report could not be written (err untouched). */
int dz_index_query_files_render(FILE *f, const char *db, const char *const *paths, size_t n, dz_sim_format fmt,
                                int flags, dz_error *err);
int dz_sim_batch_render(FILE *f, const dz_sim_batch *b, dz_sim_format fmt, int flags);

#ifdef __cplusplus
}
#endif
#endif
