/* docket-ics.h: a unit's open items as an iCalendar file of to-dos
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "docket-store.h"

G_BEGIN_DECLS

#define DOCKET_ICS_MAX_ALARMS 8

/**
 * DocketIcsOptions:
 * @days_before: the working days before the deadline at which an alarm goes off
 *   (0 = on the day), as the reminder settings give them
 * @n_days_before: how many of @days_before are used
 * @work_start_minutes: when on those days, minutes after midnight
 * @tz: (nullable): the time zone of the working day; %NULL for the local one
 * @now: the DTSTAMP and the day alarms already past are left out from, UTC unix
 *   seconds; 0 for now
 *
 * What the calendar's alarms follow.  docket_ics_options_init() gives the defaults of
 * the reminder policy (3 and 1 working days before and on the day, at 07:30); the
 * application copies the user's reminder settings over them.
 */
typedef struct
{
  guint      days_before[DOCKET_ICS_MAX_ALARMS];
  guint      n_days_before;
  guint      work_start_minutes;
  GTimeZone *tz;
  gint64     now;
} DocketIcsOptions;

void      docket_ics_options_init   (DocketIcsOptions       *options);
void      docket_ics_options_set_steps (DocketIcsOptions    *options,
                                        const guint         *days_before,
                                        guint                n_days_before,
                                        guint                work_start_minutes);

char     *docket_ics_build_unit     (DocketStore            *store,
                                     DocketId                unit_id,
                                     const DocketIcsOptions *options,
                                     GCancellable           *cancellable,
                                     GError                **error);
gboolean  docket_ics_export_unit    (DocketStore            *store,
                                     DocketId                unit_id,
                                     const DocketIcsOptions *options,
                                     GFile                  *file,
                                     GCancellable           *cancellable,
                                     GError                **error);

/* The RFC 5545 text rules, for the exporter and its tests. */
void      docket_ics_append_escaped (GString                *out,
                                     const char             *text);
void      docket_ics_append_line    (GString                *out,
                                     const char             *line);

G_END_DECLS
