/* docket-lunar.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "docket-date.h"

G_BEGIN_DECLS

/**
 * DOCKET_LUNAR_MIN_YEAR:
 *
 * The first lunar year the conversion accepts.  The astronomical series behind it
 * are published as accurate for 1800–2199; outside that range the functions return
 * %DOCKET_DATE_NONE / %FALSE rather than a date nobody can vouch for.
 */
#define DOCKET_LUNAR_MIN_YEAR 1800

/**
 * DOCKET_LUNAR_MAX_YEAR:
 *
 * The last lunar year the conversion accepts.
 */
#define DOCKET_LUNAR_MAX_YEAR 2199

DocketDate docket_lunar_to_solar  (int      lunar_year,
                                   int      lunar_month,
                                   int      lunar_day,
                                   gboolean leap_month);
gboolean   docket_solar_to_lunar  (DocketDate date,
                                   int       *lunar_year,
                                   int       *lunar_month,
                                   int       *lunar_day,
                                   gboolean  *leap_month);
int        docket_lunar_leap_month (int lunar_year);
DocketDate docket_lunar_new_year  (int lunar_year);

G_END_DECLS
