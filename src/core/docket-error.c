/* docket-error.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-error.h"

G_DEFINE_QUARK (docket-error-quark, docket_error)
