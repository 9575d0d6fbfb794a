/* docket-cli-output.h: tables, JSON and CSV as docketctl prints them
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  DOCKET_CLI_ALIGN_LEFT,
  DOCKET_CLI_ALIGN_RIGHT,
} DocketCliAlign;

typedef struct _DocketCliTable DocketCliTable;

DocketCliTable *docket_cli_table_new        (void);
void            docket_cli_table_free       (DocketCliTable *self);
/* The column that gives way (is shortened with "…") when the table is wider than the
 * terminal; by default the widest one. */
void            docket_cli_table_add_column (DocketCliTable *self,
                                             const char     *title,
                                             DocketCliAlign  align,
                                             gboolean        shrinkable);
void            docket_cli_table_add_row    (DocketCliTable *self,
                                             ...) G_GNUC_NULL_TERMINATED;
void            docket_cli_table_add_rowv   (DocketCliTable *self,
                                             const char    **cells);
guint           docket_cli_table_get_n_rows (DocketCliTable *self);
/* max_width 0 = no limit. */
char           *docket_cli_table_render     (DocketCliTable *self,
                                             guint           max_width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketCliTable, docket_cli_table_free)

guint   docket_cli_display_width    (const char *text);
guint   docket_cli_terminal_width   (void);
char   *docket_cli_json_to_string   (JsonNode *node);

G_END_DECLS
