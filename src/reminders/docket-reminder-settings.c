/* docket-reminder-settings.c: the reminder policy's numbers, as people edit them
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers live in the database's shared settings, so the application on every
 * computer and `docketctl remind` follow the same policy.  They are written as
 * people read them: "3, 1, 0" working days before the deadline, "5, 30" working days
 * overdue for the escalations, "07:30" and "17:00" for the working hours.
 */

#define G_LOG_DOMAIN "docket-reminders"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "docket-reminder-settings.h"
#include "docket-store-settings.h"
#include "docket-store-transaction.h"

#define KEY_DAYS_BEFORE "reminders.days-before"
#define KEY_ESCALATIONS "reminders.escalations"
#define KEY_WORK_START  "reminders.work-start"
#define KEY_WORK_END    "reminders.work-end"

static int
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* "3, 1, 0" (also with `;` or spaces) into distinct numbers ≤ @max, largest first.
 * An empty text is an empty list. */
static gboolean
parse_numbers (const char  *text,
               guint        max,
               guint       *out,
               guint       *out_n,
               const char  *what,
               GError     **error)
{
  g_auto(GStrv) parts = g_strsplit_set (text != NULL ? text : "", ",; ", -1);
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 value;
      gboolean seen = FALSE;

      if (*parts[i] == '\0')
        continue;
      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, max, &value, NULL))
        {
          g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                       /* Translators: the first %s is what is edited ("The working days
                        * before the deadline"), the second what was typed, %u a number */
                       _("%s: “%s” is not a whole number from 0 to %u."), what, parts[i], max);
          return FALSE;
        }
      for (guint j = 0; j < n; j++)
        seen |= out[j] == value;
      if (seen)
        continue;
      if (n == DOCKET_REMINDER_MAX_STEPS)
        {
          g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                       /* Translators: %s is what is edited, %u a number */
                       _("%s: give at most %u numbers."), what, DOCKET_REMINDER_MAX_STEPS);
          return FALSE;
        }
      out[n++] = (guint) value;
    }
  qsort (out, n, sizeof (guint), compare_descending);
  *out_n = n;
  return TRUE;
}

static char *
format_numbers (const guint *values,
                guint        n,
                gboolean     ascending)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? ", " : "", values[ascending ? n - 1 - i : i]);
  return g_string_free (out, FALSE);
}

/**
 * docket_reminder_settings_parse_days_before:
 * @text: working days before the deadline, such as "3, 1, 0" (0 is the day itself)
 *
 * Sets the reminders before the deadline; an empty text means none.  Leaves
 * @settings unchanged on error.
 */
gboolean
docket_reminder_settings_parse_days_before (DocketReminderSettings  *settings,
                                            const char              *text,
                                            GError                 **error)
{
  guint values[DOCKET_REMINDER_MAX_STEPS], n = 0;

  g_return_val_if_fail (settings != NULL, FALSE);

  if (!parse_numbers (text, DOCKET_REMINDER_MAX_DAYS_BEFORE, values, &n,
                      _("The working days before the deadline"), error))
    return FALSE;
  memcpy (settings->days_before, values, n * sizeof (guint));
  settings->n_days_before = n;
  return TRUE;
}

/**
 * docket_reminder_settings_parse_escalations:
 * @text: working days overdue at which the secretariat hears, such as "5, 30"
 *
 * Sets the escalations; an empty text means none, and 0 is refused (the unit hears
 * on the day itself).  Leaves @settings unchanged on error.
 */
gboolean
docket_reminder_settings_parse_escalations (DocketReminderSettings  *settings,
                                            const char              *text,
                                            GError                 **error)
{
  const char *what = _("The escalations to the secretariat");
  guint values[DOCKET_REMINDER_MAX_STEPS], n = 0;

  g_return_val_if_fail (settings != NULL, FALSE);

  if (!parse_numbers (text, DOCKET_REMINDER_MAX_ESCALATION, values, &n, what, error))
    return FALSE;
  if (n > 0 && values[n - 1] == 0)
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   /* Translators: %s is what is edited */
                   _("%s: an escalation comes at least 1 working day after the deadline."),
                   what);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    settings->escalations[i] = values[n - 1 - i];
  settings->n_escalations = n;
  return TRUE;
}

/* "07:30", "7:30", "7h30", "7" into minutes after midnight. */
static gboolean
parse_time (const char *text,
            guint      *out_minutes)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *sep = strpbrk (copy, ":hH.");
  guint64 hours, minutes = 0;

  if (sep != NULL)
    *sep = '\0';
  if (!g_ascii_string_to_unsigned (copy, 10, 0, 24, &hours, NULL))
    return FALSE;
  if (sep != NULL && sep[1] != '\0' &&
      !g_ascii_string_to_unsigned (sep + 1, 10, 0, 59, &minutes, NULL))
    return FALSE;
  if (hours * 60 + minutes > 24 * 60)
    return FALSE;
  *out_minutes = (guint) (hours * 60 + minutes);
  return TRUE;
}

/**
 * docket_reminder_settings_parse_hours:
 * @start: when the working day starts, "07:30"
 * @end: when it ends, "17:00"
 *
 * Sets the working hours within which reminders arrive.  Leaves @settings unchanged
 * on error.
 */
gboolean
docket_reminder_settings_parse_hours (DocketReminderSettings  *settings,
                                      const char              *start,
                                      const char              *end,
                                      GError                 **error)
{
  guint start_minutes, end_minutes;

  g_return_val_if_fail (settings != NULL, FALSE);

  if (!parse_time (start, &start_minutes) || !parse_time (end, &end_minutes))
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("Write the working hours as hh:mm, such as 07:30 and 17:00."));
      return FALSE;
    }
  if (end_minutes <= start_minutes)
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("The working day must end after it starts."));
      return FALSE;
    }
  settings->work_start_minutes = start_minutes;
  settings->work_end_minutes = end_minutes;
  return TRUE;
}

/**
 * docket_reminder_settings_format_days_before:
 *
 * Returns: (transfer full): "3, 1, 0", as docket_reminder_settings_parse_days_before() reads it
 */
char *
docket_reminder_settings_format_days_before (const DocketReminderSettings *settings)
{
  g_autofree guint *sorted = g_memdup2 (settings->days_before,
                                         sizeof (guint) * MAX (settings->n_days_before, 1));

  qsort (sorted, settings->n_days_before, sizeof (guint), compare_descending);
  return format_numbers (sorted, settings->n_days_before, FALSE);
}

/**
 * docket_reminder_settings_format_escalations:
 *
 * Returns: (transfer full): "5, 30"
 */
char *
docket_reminder_settings_format_escalations (const DocketReminderSettings *settings)
{
  g_autofree guint *sorted = g_memdup2 (settings->escalations,
                                         sizeof (guint) * MAX (settings->n_escalations, 1));

  qsort (sorted, settings->n_escalations, sizeof (guint), compare_descending);
  return format_numbers (sorted, settings->n_escalations, TRUE);
}

/**
 * docket_reminder_settings_format_time:
 * @minutes: minutes after midnight
 *
 * Returns: (transfer full): "07:30"
 */
char *
docket_reminder_settings_format_time (guint minutes)
{
  return g_strdup_printf ("%02u:%02u", minutes / 60, minutes % 60);
}

/**
 * docket_reminder_settings_load:
 * @settings: (out): the policy's numbers
 *
 * Reads the numbers stored in the file over the defaults.  A stored value this
 * Docket cannot read (written by hand, or by a newer Docket) keeps its default and
 * is logged, so reminders never stop because of it.
 *
 * Returns: %FALSE with @error only when the file could not be read
 */
gboolean
docket_reminder_settings_load (DocketReminderSettings  *settings,
                               DocketStore             *store,
                               GError                 **error)
{
  g_autofree char *before = NULL, *escalations = NULL, *start = NULL, *end = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (DOCKET_IS_STORE (store), FALSE);

  docket_reminder_settings_init_defaults (settings);
  if ((before = docket_store_dup_setting (store, KEY_DAYS_BEFORE, &local_error)) == NULL &&
      local_error != NULL)
    goto failed;
  if ((escalations = docket_store_dup_setting (store, KEY_ESCALATIONS, &local_error)) == NULL &&
      local_error != NULL)
    goto failed;
  if ((start = docket_store_dup_setting (store, KEY_WORK_START, &local_error)) == NULL &&
      local_error != NULL)
    goto failed;
  if ((end = docket_store_dup_setting (store, KEY_WORK_END, &local_error)) == NULL &&
      local_error != NULL)
    goto failed;

  if (before != NULL && !docket_reminder_settings_parse_days_before (settings, before,
                                                                      &local_error))
    {
      g_warning ("Stored reminder setting ignored: %s", local_error->message);
      g_clear_error (&local_error);
    }
  if (escalations != NULL &&
      !docket_reminder_settings_parse_escalations (settings, escalations, &local_error))
    {
      g_warning ("Stored reminder setting ignored: %s", local_error->message);
      g_clear_error (&local_error);
    }
  if ((start != NULL || end != NULL))
    {
      g_autofree char *start_text = start != NULL ? g_strdup (start)
        : docket_reminder_settings_format_time (settings->work_start_minutes);
      g_autofree char *end_text = end != NULL ? g_strdup (end)
        : docket_reminder_settings_format_time (settings->work_end_minutes);

      if (!docket_reminder_settings_parse_hours (settings, start_text, end_text, &local_error))
        {
          g_warning ("Stored reminder setting ignored: %s", local_error->message);
          g_clear_error (&local_error);
        }
    }
  return TRUE;

failed:
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
save_cb (DocketStore  *store,
         gpointer      data,
         GError      **error)
{
  const DocketReminderSettings *settings = data;
  g_autofree char *before = docket_reminder_settings_format_days_before (settings);
  g_autofree char *escalations = docket_reminder_settings_format_escalations (settings);
  g_autofree char *start = docket_reminder_settings_format_time (settings->work_start_minutes);
  g_autofree char *end = docket_reminder_settings_format_time (settings->work_end_minutes);

  return docket_store_set_setting (store, KEY_DAYS_BEFORE, before, error) &&
         docket_store_set_setting (store, KEY_ESCALATIONS, escalations, error) &&
         docket_store_set_setting (store, KEY_WORK_START, start, error) &&
         docket_store_set_setting (store, KEY_WORK_END, end, error);
}

/**
 * docket_reminder_settings_save:
 *
 * Stores the numbers for everyone who uses the file, in one transaction; the
 * store then emits `changed::settings`.
 */
gboolean
docket_reminder_settings_save (const DocketReminderSettings  *settings,
                               DocketStore                   *store,
                               GError                       **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (DOCKET_IS_STORE (store), FALSE);

  if (settings->work_end_minutes <= settings->work_start_minutes ||
      settings->work_end_minutes > 24 * 60)
    {
      g_set_error (error, DOCKET_ERROR, DOCKET_ERROR_INVALID_INPUT,
                   _("The working day must end after it starts."));
      return FALSE;
    }
  return docket_store_run_in_transaction (store, save_cb, (gpointer) settings, error);
}
