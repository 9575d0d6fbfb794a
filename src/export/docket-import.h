/* docket-import.h: taking in an existing tracker from a CSV file
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "docket-csv-reader.h"
#include "docket-store.h"

G_BEGIN_DECLS

/**
 * DocketImportField:
 * @DOCKET_IMPORT_FIELD_CONTENT: what is to be done (required)
 * @DOCKET_IMPORT_FIELD_LEAD_UNIT: the lead unit (required)
 * @DOCKET_IMPORT_FIELD_COORDINATING_UNITS: coordinating units, separated by `,` `;`
 *   or line ends
 * @DOCKET_IMPORT_FIELD_DEADLINE: the deadline; empty or "Thường xuyên" for none
 * @DOCKET_IMPORT_FIELD_STATUS: a status word ("Hoàn thành", "Đã hủy", …) or a
 *   completion date
 * @DOCKET_IMPORT_FIELD_COMPLETED_ON: the completion date
 * @DOCKET_IMPORT_FIELD_MEETING: the meeting, by its title
 *
 * What a column of the file holds.
 */
typedef enum
{
  DOCKET_IMPORT_FIELD_CONTENT,
  DOCKET_IMPORT_FIELD_LEAD_UNIT,
  DOCKET_IMPORT_FIELD_COORDINATING_UNITS,
  DOCKET_IMPORT_FIELD_DEADLINE,
  DOCKET_IMPORT_FIELD_STATUS,
  DOCKET_IMPORT_FIELD_COMPLETED_ON,
  DOCKET_IMPORT_FIELD_MEETING,
  DOCKET_IMPORT_N_FIELDS,
} DocketImportField;

const char *docket_import_field_get_key   (DocketImportField  field);
const char *docket_import_field_get_label (DocketImportField  field);
gboolean    docket_import_field_from_key  (const char        *key,
                                           DocketImportField *out_field);

/**
 * DocketImportMapping:
 * @columns: for each #DocketImportField, the column (from 0) that holds it, or -1
 * @header_row: whether the first row of the file names the columns (then it is
 *   not imported)
 * @meeting_id: the meeting of the rows whose meeting cell is empty, or of every row
 *   when no column is mapped to %DOCKET_IMPORT_FIELD_MEETING; 0 for none
 * @create_units: create the units the file names and Docket does not know, instead
 *   of reporting them as errors
 *
 * Which column holds what.  A plain value: copy it with `=`.
 */
typedef struct
{
  int      columns[DOCKET_IMPORT_N_FIELDS];
  gboolean header_row;
  DocketId meeting_id;
  gboolean create_units;
} DocketImportMapping;

void     docket_import_mapping_init  (DocketImportMapping  *mapping);
guint    docket_import_mapping_guess (DocketImportMapping  *mapping,
                                      const DocketCsvTable *table);

/**
 * DocketImportProblemKind:
 *
 * What is wrong with a row, or worth telling about it.  Those marked (note) do not
 * stop the row from being imported.
 */
typedef enum
{
  DOCKET_IMPORT_PROBLEM_EMPTY_ROW,           /* skipped */
  DOCKET_IMPORT_PROBLEM_MISSING_CONTENT,
  DOCKET_IMPORT_PROBLEM_CONTENT_TOO_LONG,
  DOCKET_IMPORT_PROBLEM_MISSING_LEAD_UNIT,
  DOCKET_IMPORT_PROBLEM_UNKNOWN_UNIT,        /* with a suggestion when one is close */
  DOCKET_IMPORT_PROBLEM_NEW_UNIT,            /* (note) will be created */
  DOCKET_IMPORT_PROBLEM_AMBIGUOUS_UNIT,
  DOCKET_IMPORT_PROBLEM_ARCHIVED_UNIT,
  DOCKET_IMPORT_PROBLEM_LEAD_ALSO_COORDINATING, /* (note) left out of the coordinating */
  DOCKET_IMPORT_PROBLEM_BAD_DEADLINE,
  DOCKET_IMPORT_PROBLEM_BAD_COMPLETION_DATE,
  DOCKET_IMPORT_PROBLEM_COMPLETED_WITHOUT_DATE,
  DOCKET_IMPORT_PROBLEM_DEADLINE_BEFORE_MEETING,
  DOCKET_IMPORT_PROBLEM_COMPLETED_BEFORE_MEETING,
  DOCKET_IMPORT_PROBLEM_NO_MEETING,
  DOCKET_IMPORT_PROBLEM_UNKNOWN_MEETING,
  DOCKET_IMPORT_PROBLEM_AMBIGUOUS_MEETING,
  DOCKET_IMPORT_PROBLEM_LOCKED_MEETING,      /* its notice was issued */
  DOCKET_IMPORT_PROBLEM_ALREADY_RECORDED,    /* skipped: the item is in Docket already */
} DocketImportProblemKind;

/**
 * DocketImportProblem:
 * @kind: what it is
 * @is_error: whether it stops the row from being imported
 * @field: the field concerned
 * @value: (nullable): the text of the file concerned
 * @suggestion: (nullable): for an unknown unit, the closest known unit's name
 * @suggestion_id: its id, or 0
 * @message: the sentence shown to the user (translated)
 */
typedef struct
{
  DocketImportProblemKind kind;
  gboolean                is_error;
  DocketImportField       field;
  char                   *value;
  char                   *suggestion;
  DocketId                suggestion_id;
  char                   *message;
} DocketImportProblem;

/**
 * DocketImportRowStatus:
 * @DOCKET_IMPORT_ROW_READY: will be imported (perhaps with notes)
 * @DOCKET_IMPORT_ROW_ERROR: cannot be imported as it stands
 * @DOCKET_IMPORT_ROW_SKIPPED: empty, or already recorded (a file imported again):
 *   left out
 */
typedef enum
{
  DOCKET_IMPORT_ROW_READY,
  DOCKET_IMPORT_ROW_ERROR,
  DOCKET_IMPORT_ROW_SKIPPED,
} DocketImportRowStatus;

/**
 * DocketImportRow:
 * @line: the line of the file the row starts on
 * @status: what will happen to it
 * @content: (nullable): its content, as read
 * @problems: (element-type DocketImportProblem): what the report says about it
 * @item: (nullable): the item that will be written (units to be created have id 0
 *   until the import is confirmed); %NULL unless @status is READY
 * @completed_on: the completion date, or NONE
 * @cancelled: the row is marked cancelled
 *
 * One row of the report.
 */
typedef struct
{
  guint                 line;
  DocketImportRowStatus status;
  char                 *content;
  GPtrArray            *problems;
  DocketItem           *item;
  DocketDate            completed_on;
  gboolean              cancelled;
} DocketImportRow;

/**
 * DocketImportReport:
 *
 * The dry run of an import: every row of the file, validated against the store,
 * with what would be written.  Nothing is written until docket_import_report_commit().
 */
typedef struct _DocketImportReport DocketImportReport;

typedef void (*DocketImportProgressFunc) (guint    done,
                                          guint    total,
                                          gpointer user_data);

DocketImportReport    *docket_import_validate              (DocketStore                *store,
                                                            const DocketCsvTable       *table,
                                                            const DocketImportMapping  *mapping,
                                                            GCancellable               *cancellable,
                                                            GError                    **error);
void                   docket_import_report_free           (DocketImportReport         *self);

guint                  docket_import_report_get_n_rows     (const DocketImportReport   *self);
const DocketImportRow *docket_import_report_get_row        (const DocketImportReport   *self,
                                                            guint                       index);
guint                  docket_import_report_count          (const DocketImportReport   *self,
                                                            DocketImportRowStatus       status);
/* The names of the units that confirming will create, in the order first met. */
const char * const    *docket_import_report_get_new_units  (const DocketImportReport   *self,
                                                            guint                      *n_units);
void                   docket_import_report_set_progress   (DocketImportReport         *self,
                                                            DocketImportProgressFunc    func,
                                                            gpointer                    user_data);

gboolean               docket_import_report_commit         (DocketImportReport         *self,
                                                            DocketStore                *store,
                                                            gboolean                    skip_errors,
                                                            GCancellable               *cancellable,
                                                            guint                      *out_n_items,
                                                            GError                    **error);

/* For tests: make the writer fail on the row at @index (counting rows of the
 * report), as a disk error would, to prove that nothing is kept. */
void                   docket_import_report_fail_at_for_testing (DocketImportReport *self,
                                                                 guint               index);

gboolean               docket_import_parse_date            (const char  *text,
                                                            DocketDate  *out_date);
guint                  docket_import_edit_distance         (const char  *a,
                                                            const char  *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketImportReport, docket_import_report_free)

G_END_DECLS
