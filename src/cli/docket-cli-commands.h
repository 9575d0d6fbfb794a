/* docket-cli-commands.h: the tables of docketctl's commands, one per group of files
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-cli.h"

G_BEGIN_DECLS

const DocketCliCommand *docket_cli_admin_commands (guint *n_commands);
const DocketCliCommand *docket_cli_unit_commands (guint *n_commands);
const DocketCliCommand *docket_cli_meeting_commands (guint *n_commands);
const DocketCliCommand *docket_cli_item_commands (guint *n_commands);
const DocketCliCommand *docket_cli_report_commands (guint *n_commands);
const DocketCliCommand *docket_cli_calendar_commands (guint *n_commands);
const DocketCliCommand *docket_cli_remind_commands (guint *n_commands);
const DocketCliCommand *docket_cli_import_commands (guint *n_commands);
const DocketCliCommand *docket_cli_export_commands (guint *n_commands);
const DocketCliCommand *docket_cli_search_commands (guint *n_commands);

/* The order here is the order of `docketctl --help`. */
#define DOCKET_CLI_COMMAND_TABLES { \
    docket_cli_unit_commands, \
    docket_cli_meeting_commands, \
    docket_cli_item_commands, \
    docket_cli_search_commands, \
    docket_cli_report_commands, \
    docket_cli_calendar_commands, \
    docket_cli_remind_commands, \
    docket_cli_import_commands, \
    docket_cli_export_commands, \
    docket_cli_admin_commands, \
  }

G_END_DECLS
