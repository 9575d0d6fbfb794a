/* docket-cli.h: docketctl's commands and what they share
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "docket-store.h"

G_BEGIN_DECLS

/**
 * DocketCliExit:
 *
 * docketctl's exit codes, documented in docketctl(1) and `docketctl --help`.
 */
typedef enum
{
  DOCKET_CLI_EXIT_OK = 0,
  DOCKET_CLI_EXIT_FAILURE = 1,    /* anything else (disk full, …) */
  DOCKET_CLI_EXIT_USAGE = 2,      /* unknown command or option, missing argument */
  DOCKET_CLI_EXIT_NOT_FOUND = 3,  /* the record named does not exist */
  DOCKET_CLI_EXIT_INVALID = 4,    /* a value is not acceptable (date, text, …) */
  DOCKET_CLI_EXIT_REFUSED = 5,    /* the database file was refused */
  DOCKET_CLI_EXIT_CONFLICT = 6,   /* the change conflicts with the record's state */
} DocketCliExit;

typedef struct
{
  char        *database;   /* --database, or NULL for the default */
  gboolean     json;
  DocketStore *store;      /* opened on first use */
} DocketCliContext;

typedef int (*DocketCliHandler) (DocketCliContext *ctx,
                                 int               argc,
                                 char            **argv);

typedef struct
{
  const char      *group;     /* "unit" */
  const char      *verb;      /* "add", or NULL for a command without verbs */
  const char      *params;    /* "NAME [PARENT]" */
  const char      *summary;   /* N_() */
  const char      *examples;  /* shown by --help, untranslated command lines */
  DocketCliHandler handler;
} DocketCliCommand;

int          docket_cli_run            (int               argc,
                                        char            **argv);

DocketStore *docket_cli_get_store      (DocketCliContext *ctx,
                                        GError          **error);
int          docket_cli_fail           (const GError     *error);
int          docket_cli_usage_error    (const char       *format,
                                        ...) G_GNUC_PRINTF (1, 2);
/* Parses a command's own options; returns -1 to go on, or the exit code (after
 * --help, or a usage error). */
int          docket_cli_parse_options  (const DocketCliCommand *command,
                                        const GOptionEntry     *entries,
                                        int                    *argc,
                                        char                 ***argv);
void         docket_cli_print_json     (JsonNode         *node);

G_END_DECLS
