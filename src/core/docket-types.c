/* docket-types.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "docket-types.h"

/* Each value type is a plain struct with a deep copy, registered as a boxed type so
 * it can travel through GValues, GTasks and list models. */
#define DOCKET_DEFINE_VALUE(Type, type) \
  G_DEFINE_BOXED_TYPE (Type, type, type##_copy, type##_free) \
  Type * \
  type##_new (void) \
  { \
    Type *self = g_new0 (Type, 1); \
    type##_init_defaults (self); \
    return self; \
  }

static void docket_organisation_init_defaults (DocketOrganisation *self) { }
static void docket_unit_init_defaults (DocketUnit *self) { }
static void docket_person_init_defaults (DocketPerson *self) { }
static void docket_attendee_init_defaults (DocketAttendee *self) { }
static void docket_minutes_section_init_defaults (DocketMinutesSection *self) { }
static void docket_conclusion_init_defaults (DocketConclusion *self) { }
static void docket_item_init_defaults (DocketItem *self) { }
static void docket_extension_init_defaults (DocketExtension *self) { }
static void docket_attachment_init_defaults (DocketAttachment *self) { }

static void
docket_meeting_init_defaults (DocketMeeting *self)
{
  self->start_minutes = -1;
  self->end_minutes = -1;
}

static void
docket_progress_report_init_defaults (DocketProgressReport *self)
{
  self->percent = -1;
}

DOCKET_DEFINE_VALUE (DocketOrganisation, docket_organisation)
DOCKET_DEFINE_VALUE (DocketUnit, docket_unit)
DOCKET_DEFINE_VALUE (DocketPerson, docket_person)
DOCKET_DEFINE_VALUE (DocketMeeting, docket_meeting)
DOCKET_DEFINE_VALUE (DocketAttendee, docket_attendee)
DOCKET_DEFINE_VALUE (DocketMinutesSection, docket_minutes_section)
DOCKET_DEFINE_VALUE (DocketConclusion, docket_conclusion)
DOCKET_DEFINE_VALUE (DocketItem, docket_item)
DOCKET_DEFINE_VALUE (DocketProgressReport, docket_progress_report)
DOCKET_DEFINE_VALUE (DocketExtension, docket_extension)
DOCKET_DEFINE_VALUE (DocketAttachment, docket_attachment)

DocketOrganisation *
docket_organisation_copy (const DocketOrganisation *self)
{
  DocketOrganisation *copy = g_memdup2 (self, sizeof *self);

  copy->issuing_body = g_strdup (self->issuing_body);
  copy->parent_body = g_strdup (self->parent_body);
  copy->place_name = g_strdup (self->place_name);
  copy->notice_symbol = g_strdup (self->notice_symbol);
  copy->signing_authority = g_strdup (self->signing_authority);
  copy->signer_name = g_strdup (self->signer_name);
  copy->drafting_unit = g_strdup (self->drafting_unit);
  return copy;
}

void
docket_organisation_free (DocketOrganisation *self)
{
  if (self == NULL)
    return;
  g_free (self->issuing_body);
  g_free (self->parent_body);
  g_free (self->place_name);
  g_free (self->notice_symbol);
  g_free (self->signing_authority);
  g_free (self->signer_name);
  g_free (self->drafting_unit);
  g_free (self);
}

DocketUnit *
docket_unit_copy (const DocketUnit *self)
{
  DocketUnit *copy = g_memdup2 (self, sizeof *self);

  copy->name = g_strdup (self->name);
  copy->short_name = g_strdup (self->short_name);
  copy->head = g_strdup (self->head);
  copy->email = g_strdup (self->email);
  copy->phone = g_strdup (self->phone);
  return copy;
}

void
docket_unit_free (DocketUnit *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->short_name);
  g_free (self->head);
  g_free (self->email);
  g_free (self->phone);
  g_free (self);
}

DocketPerson *
docket_person_copy (const DocketPerson *self)
{
  DocketPerson *copy = g_memdup2 (self, sizeof *self);

  copy->name = g_strdup (self->name);
  copy->title = g_strdup (self->title);
  return copy;
}

void
docket_person_free (DocketPerson *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->title);
  g_free (self);
}

DocketMeeting *
docket_meeting_copy (const DocketMeeting *self)
{
  DocketMeeting *copy = g_memdup2 (self, sizeof *self);

  copy->title = g_strdup (self->title);
  copy->location = g_strdup (self->location);
  copy->notice_number = g_strdup (self->notice_number);
  return copy;
}

void
docket_meeting_free (DocketMeeting *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->location);
  g_free (self->notice_number);
  g_free (self);
}

DocketAttendee *
docket_attendee_copy (const DocketAttendee *self)
{
  return g_memdup2 (self, sizeof *self);
}

void
docket_attendee_free (DocketAttendee *self)
{
  g_free (self);
}

DocketMinutesSection *
docket_minutes_section_copy (const DocketMinutesSection *self)
{
  DocketMinutesSection *copy = g_memdup2 (self, sizeof *self);

  copy->speaker = g_strdup (self->speaker);
  copy->text = g_strdup (self->text);
  return copy;
}

void
docket_minutes_section_free (DocketMinutesSection *self)
{
  if (self == NULL)
    return;
  g_free (self->speaker);
  g_free (self->text);
  g_free (self);
}

DocketConclusion *
docket_conclusion_copy (const DocketConclusion *self)
{
  DocketConclusion *copy = g_memdup2 (self, sizeof *self);

  copy->text = g_strdup (self->text);
  return copy;
}

void
docket_conclusion_free (DocketConclusion *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self);
}

DocketItem *
docket_item_copy (const DocketItem *self)
{
  DocketItem *copy = g_memdup2 (self, sizeof *self);

  copy->content = g_strdup (self->content);
  copy->coordinating_unit_ids =
    self->n_coordinating ? g_memdup2 (self->coordinating_unit_ids,
                                      sizeof (DocketId) * self->n_coordinating)
                         : NULL;
  return copy;
}

void
docket_item_free (DocketItem *self)
{
  if (self == NULL)
    return;
  g_free (self->content);
  g_free (self->coordinating_unit_ids);
  g_free (self);
}

void
docket_item_set_coordinating_units (DocketItem     *self,
                                    const DocketId *ids,
                                    guint           n_ids)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (n_ids == 0 || ids != NULL);

  g_free (self->coordinating_unit_ids);
  self->coordinating_unit_ids = n_ids ? g_memdup2 (ids, sizeof (DocketId) * n_ids) : NULL;
  self->n_coordinating = n_ids;
}

DocketProgressReport *
docket_progress_report_copy (const DocketProgressReport *self)
{
  DocketProgressReport *copy = g_memdup2 (self, sizeof *self);

  copy->text = g_strdup (self->text);
  copy->author = g_strdup (self->author);
  return copy;
}

void
docket_progress_report_free (DocketProgressReport *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self->author);
  g_free (self);
}

DocketExtension *
docket_extension_copy (const DocketExtension *self)
{
  DocketExtension *copy = g_memdup2 (self, sizeof *self);

  copy->reason = g_strdup (self->reason);
  copy->decision_document = g_strdup (self->decision_document);
  return copy;
}

void
docket_extension_free (DocketExtension *self)
{
  if (self == NULL)
    return;
  g_free (self->reason);
  g_free (self->decision_document);
  g_free (self);
}

DocketAttachment *
docket_attachment_copy (const DocketAttachment *self)
{
  DocketAttachment *copy = g_memdup2 (self, sizeof *self);

  copy->file_name = g_strdup (self->file_name);
  copy->mime_type = g_strdup (self->mime_type);
  return copy;
}

void
docket_attachment_free (DocketAttachment *self)
{
  if (self == NULL)
    return;
  g_free (self->file_name);
  g_free (self->mime_type);
  g_free (self);
}
