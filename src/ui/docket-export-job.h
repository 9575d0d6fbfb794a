/* docket-export-job.h: writing a document off the main thread, with progress and Cancel
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "docket-export.h"
#include "docket-store.h"

G_BEGIN_DECLS

/* Runs in a worker thread with a store of its own (a connection belongs to one
 * thread); @job_data is the caller's copy of what to export. */
typedef gboolean (*DocketExportJobFunc) (DocketStore              *store,
                                         const char               *path,
                                         DocketExportProgressFunc  progress,
                                         gpointer                  progress_data,
                                         GCancellable             *cancellable,
                                         gpointer                  job_data,
                                         GError                  **error);

/* Asks where to save (suggesting @suggested_name), then writes there with a
 * progress window that can cancel; a cancelled or failed export leaves no file. */
void docket_export_job_run (GtkWidget          *source,
                            DocketStore        *store,
                            const char         *title,
                            const char         *suggested_name,
                            DocketExportJobFunc func,
                            gpointer            job_data,
                            GDestroyNotify      job_data_free);

/* Writes to @path straight away (tests, and the chooser's answer). */
void docket_export_job_start (GtkWidget          *source,
                              DocketStore        *store,
                              const char         *title,
                              const char         *path,
                              DocketExportJobFunc func,
                              gpointer            job_data,
                              GDestroyNotify      job_data_free);

G_END_DECLS
