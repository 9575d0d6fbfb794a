/* docket-core.h: the domain layer of Docket (GLib and GIO only).
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-calendar.h"
#include "docket-date.h"
#include "docket-error.h"
#include "docket-labels.h"
#include "docket-fold.h"
#include "docket-lunar.h"
#include "docket-report.h"
#include "docket-status.h"
#include "docket-types.h"
#include "docket-core-enums.h"
