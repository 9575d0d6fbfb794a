/* docket-bench-data.h: the records the benchmarks measure against
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "docket-store.h"

G_BEGIN_DECLS

double        docket_bench_now_ms          (void);
/* The CPU time this process has used (user and system), in ms: on a machine shared
 * with other work the wall clock also counts the time spent waiting for a core, the
 * CPU time does not. */
double        docket_bench_cpu_ms          (void);
/* DOCKET_BENCH_SCALE, 1.0 when unset or out of (0, 10]. */
double        docket_bench_get_scale       (void);

/* Raw SQL that aborts the benchmark on failure: a benchmark with missing data
 * would print figures that mean nothing. */
void          docket_bench_exec            (sqlite3      *db,
                                            const char   *sql);
sqlite3_stmt *docket_bench_prepare         (sqlite3      *db,
                                            const char   *sql);
void          docket_bench_step_done       (sqlite3      *db,
                                            sqlite3_stmt *stmt);

/* "Nhiệm vụ @n: " and six Vietnamese words drawn from @rand. */
char         *docket_bench_random_content  (GRand        *rand,
                                            guint         n);

/* Fills an empty store with @n_units units, @n_meetings meetings spread over 1,100
 * days from 2024-01-01 and @n_items items spread over the meetings (about 5 %
 * cancelled, 3 % awaiting confirmation, most of the past done, 30 % with a
 * coordinating unit, 2 % starred), as they stand on @today.  Raw SQL in one
 * transaction, the indexes built once at the end; prints how long it took. */
void          docket_bench_generate        (sqlite3      *db,
                                            guint         n_items,
                                            guint         n_meetings,
                                            guint         n_units,
                                            DocketDate    today);

/* Removes a temporary folder made for a benchmark, with the database files and the
 * backups folder the store may have left in it. */
void          docket_bench_remove_tmpdir   (const char   *dir);

G_END_DECLS
