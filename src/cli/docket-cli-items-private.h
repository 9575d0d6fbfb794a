/* docket-cli-items-private.h: what the item commands of docketctl share
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-cli.h"
#include "docket-store-calendar.h"

G_BEGIN_DECLS

enum {
  CMD_ADD,
  CMD_EDIT,
  CMD_LIST,
  CMD_SHOW,
  CMD_PROGRESS,
  CMD_REPORT_DONE,
  CMD_CONFIRM,
  CMD_RETURN,
  CMD_EXTEND,
  CMD_APPROVE_EXTENSION,
  CMD_REJECT_EXTENSION,
  CMD_CANCEL,
  CMD_REOPEN,
  CMD_STAR,
};

extern const DocketCliCommand docket_cli_item_command_table[];

/* What every item command needs besides the store: the day statuses are taken on,
 * and the working-day calendar of the file for "due soon". */
typedef struct
{
  DocketStore    *store;
  DocketDate      today;
  DocketCalendar *calendar;
} ItemEnv;

typedef enum
{
  NUMBER_ITEM,
  NUMBER_MEETING,
  NUMBER_CONCLUSION,
  NUMBER_EXTENSION,
} NumberKind;

void     docket_cli_item_env_clear           (ItemEnv          *env);
gboolean docket_cli_item_env_init            (ItemEnv          *env,
                                              DocketCliContext *ctx,
                                              const char       *today,
                                              GError          **error);
DocketId docket_cli_item_parse_number        (const char       *text,
                                              NumberKind        kind,
                                              GError          **error);
gboolean docket_cli_item_parse_optional_date (const char       *text,
                                              DocketDate        fallback,
                                              DocketDate       *out_date,
                                              GError          **error);
char    *docket_cli_read_text_argument       (const char       *text,
                                              GError          **error);
int      docket_cli_print_item_brief         (DocketCliContext *ctx,
                                              const ItemEnv    *env,
                                              DocketId          item_id);

/* The workflow commands (docket-cli-item-workflow.c). */
int      run_item_progress                    (DocketCliContext *ctx,
                                              int               argc,
                                              char            **argv);
int      run_item_report_done                 (DocketCliContext *ctx,
                                              int               argc,
                                              char            **argv);
int      run_item_confirm                     (DocketCliContext *ctx,
                                              int               argc,
                                              char            **argv);
int      run_item_return                      (DocketCliContext *ctx,
                                              int               argc,
                                              char            **argv);
int      run_item_cancel                      (DocketCliContext *ctx,
                                              int               argc,
                                              char            **argv);
int      run_item_reopen                      (DocketCliContext *ctx,
                                              int               argc,
                                              char            **argv);
int      run_item_star                        (DocketCliContext *ctx,
                                              int               argc,
                                              char            **argv);
int      run_item_extend                      (DocketCliContext *ctx,
                                              int               argc,
                                              char            **argv);
int      run_item_approve_extension           (DocketCliContext *ctx,
                                              int               argc,
                                              char            **argv);
int      run_item_reject_extension            (DocketCliContext *ctx,
                                              int               argc,
                                              char            **argv);

G_END_DECLS
