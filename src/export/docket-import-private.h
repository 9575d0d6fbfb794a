/* docket-import-private.h: what the parts of the importer share
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "docket-import.h"
#include "docket-store-units.h"

G_BEGIN_DECLS

/* How often a long loop looks at the cancellable and reports progress. */
#define CHECK_EVERY 512

typedef enum
{
  UNIT_FOUND,
  UNIT_NEW,
  UNIT_UNKNOWN,
  UNIT_AMBIGUOUS,
  UNIT_ARCHIVED,
} UnitMatch;

/* What a unit name of the file resolves to; one per distinct folded name. */
typedef struct
{
  UnitMatch  match;
  DocketId   id;            /* FOUND: the unit; NEW: −1 − its index in new_units */
  char      *name;          /* FOUND, ARCHIVED: the unit's name */
  char      *suggestion;    /* UNKNOWN: the closest unit's name, or NULL */
  DocketId   suggestion_id;
} UnitResolution;

typedef struct
{
  DocketId   id;
  DocketDate date;
  gboolean   ambiguous;
  gboolean   locked;
} MeetingEntry;

struct _DocketImportReport
{
  DocketImportMapping       mapping;
  GPtrArray                *rows;        /* DocketImportRow */
  GPtrArray                *new_units;   /* char *, as first written in the file */
  guint                     fail_at;     /* for tests; G_MAXUINT for never */
  DocketImportProgressFunc  progress;
  gpointer                  progress_data;

  /* Only while validating. */
  DocketStore              *store;
  GError                   *lookup_error;    /* the first failed duplicate lookup */
  GHashTable               *units_by_name;   /* folded name or short name → GPtrArray of DocketUnit */
  GPtrArray                *units;           /* DocketUnit, all of them */
  GHashTable               *resolutions;     /* folded → UnitResolution */
  GHashTable               *meetings;        /* folded title → MeetingEntry */
  MeetingEntry              target_meeting;
};

char     *_docket_import_fold_name      (const char *text);
gboolean  _docket_import_contains_words (const char *haystack,
                                         const char *needle);
char     *_docket_import_strip_dup      (const char *text);

G_END_DECLS
