/* docket-due-reminder.c: a reminder that is due, and its wording
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The texts of notifications, of `docketctl remind` and of the in-app reminders
 * list: the title names the recipient and the kind ("Phòng Nội vụ: Overdue by 4
 * working days"), the body the item, its deadline and its meeting.
 */

#define G_LOG_DOMAIN "docket-reminders"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-due-reminder.h"

#define BODY_MAX_CHARS 200

void
docket_due_reminder_free (DocketDueReminder *due)
{
  if (due == NULL)
    return;
  g_free (due->key_kind);
  docket_reminder_candidate_free (due->candidate);
  g_free (due);
}

/* Texts. */

static char *
dup_kind_label (const DocketReminder *r)
{
  switch (r->kind)
    {
    case DOCKET_REMINDER_BEFORE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due in %d working day",
                                           "Due in %d working days", r->count),
                              r->count);
    case DOCKET_REMINDER_DUE_TODAY:
      return g_strdup (_("Due today"));
    case DOCKET_REMINDER_OVERDUE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d working day",
                                           "Overdue by %d working days", r->count),
                              r->count);
    case DOCKET_REMINDER_ESCALATION:
      /* Translators: sent to the secretariat about a unit that is late */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Late: overdue by %d working day",
                                           "Late: overdue by %d working days", r->count),
                              r->count);
    case DOCKET_REMINDER_AWAITING_CONFIRMATION:
      return g_strdup (_("Reported done, awaiting confirmation"));
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * docket_due_reminder_dup_title:
 *
 * Returns: (transfer full): the notification title: the unit and the kind,
 *   "Phòng Nội vụ: Overdue by 4 working days"
 */
char *
docket_due_reminder_dup_title (const DocketDueReminder *due)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (due != NULL, NULL);

  label = dup_kind_label (&due->reminder);
  /* Translators: a reminder's title: the unit's name, then "Due in 3 working days" */
  return g_strdup_printf (_("%s: %s"), due->candidate->unit_name, label);
}

static char *
dup_short_content (const char *content)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (content, -1) <= BODY_MAX_CHARS)
    return g_strdup (content);
  start = g_utf8_substring (content, 0, BODY_MAX_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

/**
 * docket_due_reminder_dup_body:
 *
 * Returns: (transfer full): the notification body: the item, its deadline and the
 *   meeting it comes from
 */
char *
docket_due_reminder_dup_body (const DocketDueReminder *due)
{
  const DocketItem *item;
  GString *body;
  g_autofree char *content = NULL;

  g_return_val_if_fail (due != NULL, NULL);

  item = due->candidate->item;
  content = dup_short_content (item->content);
  body = g_string_new (content);
  if (item->deadline != DOCKET_DATE_NONE)
    {
      g_autofree char *deadline = docket_date_format_display (item->deadline);
      g_string_append_c (body, '\n');
      /* Translators: %s is a date, 30/09/2026 */
      g_string_append_printf (body, _("Deadline: %s"), deadline);
    }
  if (due->candidate->meeting_title != NULL)
    {
      g_string_append_c (body, '\n');
      /* Translators: %s is the title of the meeting the item comes from */
      g_string_append_printf (body, _("Meeting: %s"), due->candidate->meeting_title);
    }
  return g_string_free (body, FALSE);
}

/**
 * docket_due_reminder_dup_mailto:
 *
 * Returns: (transfer full) (nullable): a `mailto:` URI to the item's lead unit with
 *   the reminder as subject and body, or %NULL when the unit has no address
 */
char *
docket_due_reminder_dup_mailto (const DocketDueReminder *due)
{
  const DocketReminderCandidate *c = due->candidate;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *subject_q = NULL;
  g_autofree char *body_q = NULL;
  g_autofree char *to = NULL;

  if (c->unit_email == NULL || *c->unit_email == '\0')
    return NULL;
  /* Translators: subject of the e-mail the secretariat sends a late unit */
  title = docket_due_reminder_dup_title (due);
  subject = g_strdup_printf (_("Reminder: %s"), title);
  body = docket_due_reminder_dup_body (due);
  to = g_uri_escape_string (c->unit_email, "@", FALSE);
  subject_q = g_uri_escape_string (subject, NULL, FALSE);
  body_q = g_uri_escape_string (body, NULL, FALSE);
  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to, subject_q, body_q);
}

static const char *
recipient_name (DocketDueReminder *first)
{
  if (first->reminder.recipient_unit_id == 0)
    /* Translators: the recipient of escalations and confirmation reminders */
    return _("Secretariat");
  return first->candidate->unit_name;
}

/**
 * docket_due_reminders_dup_summary_title:
 * @group: (element-type DocketDueReminder): reminders for one recipient
 * @caught_up: whether they fell due while nobody was there
 *
 * Returns: (transfer full): the title of one notification for all of @group:
 *   "Phòng Nội vụ: 5 reminders", "…: While you were away: 3 items became overdue"
 */
char *
docket_due_reminders_dup_summary_title (GPtrArray *group,
                                        gboolean   caught_up)
{
  DocketDueReminder *first = g_ptr_array_index (group, 0);
  guint n = group->len;
  gboolean all_overdue = TRUE;
  g_autofree char *what = NULL;

  for (guint i = 0; i < n; i++)
    if (((DocketDueReminder *) g_ptr_array_index (group, i))->reminder.kind != DOCKET_REMINDER_OVERDUE)
      all_overdue = FALSE;

  if (caught_up && all_overdue)
    what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "While you were away: %u item became overdue",
                                         "While you were away: %u items became overdue", n),
                            n);
  else if (caught_up)
    what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "While you were away: %u reminder",
                                         "While you were away: %u reminders", n),
                            n);
  else
    what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reminder", "%u reminders", n), n);
  /* Translators: a summary's title: the unit (or "Secretariat"), then what */
  return g_strdup_printf (_("%s: %s"), recipient_name (first), what);
}

/**
 * docket_due_reminders_dup_summary_body:
 * @group: (element-type DocketDueReminder): reminders for one recipient
 *
 * Returns: (transfer full): one line per reminder (at most five, then "and N more")
 */
char *
docket_due_reminders_dup_summary_body (GPtrArray *group)
{
  GString *body = g_string_new (NULL);
  guint shown = MIN (group->len, 5);

  for (guint i = 0; i < shown; i++)
    {
      DocketDueReminder *d = g_ptr_array_index (group, i);
      g_autofree char *label = dup_kind_label (&d->reminder);
      g_autofree char *content = dup_short_content (d->candidate->item->content);

      if (i > 0)
        g_string_append_c (body, '\n');
      /* Translators: one line of a summary: "Overdue by 4 working days — the item" */
      g_string_append_printf (body, _("%s — %s"), label, content);
    }
  if (group->len > shown)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                 "and %u more", group->len - shown),
                              group->len - shown);
    }
  return g_string_free (body, FALSE);
}
