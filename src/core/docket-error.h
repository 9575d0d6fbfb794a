/* docket-error.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOCKET_ERROR (docket_error_quark ())

/**
 * DocketError:
 * @DOCKET_ERROR_INVALID_INPUT: a value a person typed is not acceptable
 * @DOCKET_ERROR_NOT_FOUND: the record asked for does not exist
 * @DOCKET_ERROR_CONFLICT: the change conflicts with the record's state
 * @DOCKET_ERROR_FAILED: anything else
 *
 * Errors of the domain layer.  Messages are translated and written for the person
 * who will read them.
 */
typedef enum
{
  DOCKET_ERROR_INVALID_INPUT,
  DOCKET_ERROR_NOT_FOUND,
  DOCKET_ERROR_CONFLICT,
  DOCKET_ERROR_FAILED,
} DocketError;

GQuark docket_error_quark (void);

G_END_DECLS
