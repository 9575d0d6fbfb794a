/* docket-date.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DocketDate:
 *
 * A calendar day as a Julian day number in the proleptic Gregorian calendar, as
 * #GDate counts them (1 is 01/01/0001).  0 (%DOCKET_DATE_NONE) means "no date".
 * Plain integers make comparisons, differences and storage trivial; the store keeps
 * dates as `YYYY-MM-DD` text.
 */
typedef guint32 DocketDate;

#define DOCKET_DATE_NONE ((DocketDate) 0)

DocketDate docket_date_new            (int year, int month, int day);
gboolean   docket_date_is_valid_dmy   (int year, int month, int day);
void       docket_date_to_dmy         (DocketDate date, int *year, int *month, int *day);
int        docket_date_get_year       (DocketDate date);
int        docket_date_get_month      (DocketDate date);
int        docket_date_get_day        (DocketDate date);
/* 1 = Monday … 7 = Sunday */
int        docket_date_get_weekday    (DocketDate date);
gboolean   docket_date_is_weekend     (DocketDate date);
DocketDate docket_date_add_days       (DocketDate date, int days);
DocketDate docket_date_add_months     (DocketDate date, int months);
DocketDate docket_date_today          (GTimeZone *tz);
DocketDate docket_date_from_unix      (gint64 unix_seconds, GTimeZone *tz);

gboolean   docket_date_parse          (const char *text, DocketDate *out_date, GError **error);
gboolean   docket_date_parse_iso      (const char *text, DocketDate *out_date);
char      *docket_date_format_iso     (DocketDate date);
char      *docket_date_format_display (DocketDate date);

G_END_DECLS
