/* docket-types.h
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "docket-date.h"

G_BEGIN_DECLS

/* Identifiers are 64-bit integers; 0 means "none / not yet stored". */
typedef gint64 DocketId;

typedef enum
{
  DOCKET_UNIT_KIND_DEPARTMENT,
  DOCKET_UNIT_KIND_COMMUNE,
  DOCKET_UNIT_KIND_AGENCY,
  DOCKET_UNIT_KIND_OTHER,
} DocketUnitKind;

typedef enum
{
  DOCKET_MEETING_KIND_REGULAR,
  DOCKET_MEETING_KIND_REVIEW_HALF_YEAR,
  DOCKET_MEETING_KIND_REVIEW_YEAR,
  DOCKET_MEETING_KIND_THEMATIC,
  DOCKET_MEETING_KIND_OTHER,
} DocketMeetingKind;

/* The lifecycle of a meeting record. */
typedef enum
{
  DOCKET_MEETING_STATE_DRAFT,
  DOCKET_MEETING_STATE_RECORDED,
  DOCKET_MEETING_STATE_NOTICE_ISSUED,
} DocketMeetingState;

typedef enum
{
  DOCKET_ATTENDANCE_INVITED,
  DOCKET_ATTENDANCE_PRESENT,
  DOCKET_ATTENDANCE_ABSENT,
} DocketAttendance;

/**
 * DocketItemState:
 *
 * The workflow state of a directive item, stored.  It is not the status people
 * see: that is the derived #DocketBucket.
 */
typedef enum
{
  DOCKET_ITEM_STATE_OPEN,
  DOCKET_ITEM_STATE_REPORTED_DONE,  /* awaiting the secretariat's confirmation */
  DOCKET_ITEM_STATE_CONFIRMED,      /* completed */
  DOCKET_ITEM_STATE_RETURNED,       /* returned for rework: open again */
  DOCKET_ITEM_STATE_CANCELLED,
} DocketItemState;

typedef enum
{
  DOCKET_EXTENSION_PENDING,
  DOCKET_EXTENSION_APPROVED,
  DOCKET_EXTENSION_REJECTED,
} DocketExtensionState;

/**
 * DocketBucket:
 *
 * The status of an item on a given day, derived from its completion date, the
 * deadline in force and that day (DESIGN.md §3).  Never stored.
 */
typedef enum
{
  DOCKET_BUCKET_COMPLETED_ON_TIME,
  DOCKET_BUCKET_COMPLETED_LATE,
  DOCKET_BUCKET_IN_PROGRESS,        /* not completed, within the deadline */
  DOCKET_BUCKET_OVERDUE,            /* not completed, past the deadline */
  DOCKET_BUCKET_NO_DEADLINE,        /* not completed, no deadline (ongoing) */
  DOCKET_BUCKET_COMPLETED_NO_DEADLINE, /* completed, had no deadline: counts as on time */
  DOCKET_BUCKET_CANCELLED,          /* leaves every count */
} DocketBucket;

typedef struct
{
  char *issuing_body;      /* ỦY BAN NHÂN DÂN XÃ … */
  char *parent_body;       /* ỦY BAN NHÂN DÂN TỈNH … */
  char *place_name;        /* used in "Bến Lức, ngày … tháng … năm …" */
  char *notice_symbol;     /* TB-UBND */
  char *signing_authority; /* TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG */
  char *signer_name;
  char *drafting_unit;     /* the "Lưu: VT, …" abbreviation */
} DocketOrganisation;

typedef struct
{
  DocketId       id;
  DocketId       parent_id;
  DocketUnitKind kind;
  char          *name;
  char          *short_name;
  char          *head;
  char          *email;
  char          *phone;
  gboolean       archived;
} DocketUnit;

typedef struct
{
  DocketId id;
  char    *name;
  char    *title;
  DocketId unit_id;
} DocketPerson;

typedef struct
{
  DocketId           id;
  DocketMeetingKind  kind;
  DocketMeetingState state;
  char              *title;
  DocketDate         period_start;
  DocketDate         period_end;
  DocketDate         date;
  int                start_minutes;  /* minutes after midnight, -1 when unknown */
  int                end_minutes;
  char              *location;
  DocketId           chair_id;       /* a person */
  DocketId           secretary_id;   /* a person */
  char              *notice_number;  /* "05", set when the notice is issued */
  DocketDate         notice_date;
} DocketMeeting;

typedef struct
{
  DocketId         id;
  DocketId         meeting_id;
  DocketId         unit_id;    /* a unit, or 0 */
  DocketId         person_id;  /* a person, or 0 */
  DocketAttendance attendance;
} DocketAttendee;

typedef struct
{
  DocketId id;
  DocketId meeting_id;
  int      position;
  char    *speaker;
  char    *text;
} DocketMinutesSection;

typedef struct
{
  DocketId id;
  DocketId meeting_id;
  int      position;   /* 1-based number shown as "1.", "2." */
  char    *text;
} DocketConclusion;

typedef struct
{
  DocketId        id;
  DocketId        conclusion_id;
  DocketId        meeting_id;
  char           *content;
  DocketId        lead_unit_id;
  DocketId       *coordinating_unit_ids;  /* n_coordinating entries */
  guint           n_coordinating;
  DocketDate      deadline;           /* in force; NONE = no deadline (ongoing) */
  DocketDate      original_deadline;  /* as first given */
  int             deadline_working_days; /* > 0 when given as N working days from the notice date */
  DocketItemState state;
  DocketDate      completed_on;       /* the unit's reported date, counts once confirmed */
  DocketDate      assigned_on;        /* the day the item was given (the meeting or notice date) */
  DocketDate      last_progress_on;   /* the latest progress report, or NONE */
  gboolean        starred;
} DocketItem;

typedef struct
{
  DocketId id;
  DocketId item_id;
  DocketDate reported_on;
  char    *text;
  int      percent;      /* -1 when not given */
  char    *author;
} DocketProgressReport;

typedef struct
{
  DocketId             id;
  DocketId             item_id;
  DocketDate           requested_on;
  DocketDate           new_deadline;
  char                *reason;
  DocketExtensionState state;
  char                *decision_document;  /* the approving document number */
} DocketExtension;

typedef struct
{
  DocketId id;
  DocketId meeting_id;      /* an attachment of a meeting, or */
  DocketId progress_id;     /* evidence of a progress report */
  char    *file_name;
  char    *mime_type;
  gint64   size;
} DocketAttachment;

#define DOCKET_TYPE_ORGANISATION    (docket_organisation_get_type ())
#define DOCKET_TYPE_UNIT            (docket_unit_get_type ())
#define DOCKET_TYPE_PERSON          (docket_person_get_type ())
#define DOCKET_TYPE_MEETING         (docket_meeting_get_type ())
#define DOCKET_TYPE_ATTENDEE        (docket_attendee_get_type ())
#define DOCKET_TYPE_MINUTES_SECTION (docket_minutes_section_get_type ())
#define DOCKET_TYPE_CONCLUSION      (docket_conclusion_get_type ())
#define DOCKET_TYPE_ITEM            (docket_item_get_type ())
#define DOCKET_TYPE_PROGRESS_REPORT (docket_progress_report_get_type ())
#define DOCKET_TYPE_EXTENSION       (docket_extension_get_type ())
#define DOCKET_TYPE_ATTACHMENT      (docket_attachment_get_type ())

GType docket_organisation_get_type    (void) G_GNUC_CONST;
GType docket_unit_get_type            (void) G_GNUC_CONST;
GType docket_person_get_type          (void) G_GNUC_CONST;
GType docket_meeting_get_type         (void) G_GNUC_CONST;
GType docket_attendee_get_type        (void) G_GNUC_CONST;
GType docket_minutes_section_get_type (void) G_GNUC_CONST;
GType docket_conclusion_get_type      (void) G_GNUC_CONST;
GType docket_item_get_type            (void) G_GNUC_CONST;
GType docket_progress_report_get_type (void) G_GNUC_CONST;
GType docket_extension_get_type       (void) G_GNUC_CONST;
GType docket_attachment_get_type      (void) G_GNUC_CONST;

/* _new () returns a zeroed value (with -1 for unknown times/percent); _copy is deep;
 * _free accepts NULL. */
#define DOCKET_DECLARE_VALUE(Type, type) \
  Type *type##_new (void); \
  Type *type##_copy (const Type *self); \
  void  type##_free (Type *self); \
  G_DEFINE_AUTOPTR_CLEANUP_FUNC (Type, type##_free)

DOCKET_DECLARE_VALUE (DocketOrganisation, docket_organisation)
DOCKET_DECLARE_VALUE (DocketUnit, docket_unit)
DOCKET_DECLARE_VALUE (DocketPerson, docket_person)
DOCKET_DECLARE_VALUE (DocketMeeting, docket_meeting)
DOCKET_DECLARE_VALUE (DocketAttendee, docket_attendee)
DOCKET_DECLARE_VALUE (DocketMinutesSection, docket_minutes_section)
DOCKET_DECLARE_VALUE (DocketConclusion, docket_conclusion)
DOCKET_DECLARE_VALUE (DocketItem, docket_item)
DOCKET_DECLARE_VALUE (DocketProgressReport, docket_progress_report)
DOCKET_DECLARE_VALUE (DocketExtension, docket_extension)
DOCKET_DECLARE_VALUE (DocketAttachment, docket_attachment)

void docket_item_set_coordinating_units (DocketItem     *self,
                                         const DocketId *ids,
                                         guint           n_ids);

G_END_DECLS
