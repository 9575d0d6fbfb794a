/* docket-reminder-service.c: finds, claims, groups and sends due reminders
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One run (docket_reminder_service_run_due()):
 *
 * 1. snoozed reminders whose time has come are taken back from the log;
 * 2. the store lists the candidates (live items near or past their deadline, items
 *    awaiting confirmation), the policy says which reminders are due for them, and
 *    those for "my units" are claimed in one transaction: what another process (a
 *    second instance, `docketctl remind`) claimed first is not sent here;
 * 3. what was claimed is grouped per recipient (a unit, or the secretariat): late
 *    ones ("While you were away") into one notification, and more than
 *    DOCKET_REMINDER_SUMMARY_THRESHOLD others into one summary;
 * 4. each notification sent marks its reminders delivered.  Without a notification
 *    server they stay pending, for the in-app list.
 *
 * Reminders only fall due at working mornings (and when a snooze ends), so the
 * service sleeps on one timer until the next of those instants.
 *
 * In the application (docket_reminder_service_set_run_in_thread ()), steps 1 and 2
 * run in a worker on a connection of its own, and steps 3 and 4 in the main context
 * when it is done: over a large file, the first pass of a day claims a reminder for
 * every late item, and the window would wait for it.
 */

#define G_LOG_DOMAIN "docket-reminders"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "docket-reminder-service.h"
#include "docket-store-cache.h"

/* The longest sleep: a suspend or a wall-clock jump is noticed within this time even
 * when nobody calls docket_reminder_service_replan(). */
#define MAX_SLEEP_SECONDS 600
/* The shortest sleep while nothing is due, so an idle process wakes at most once a
 * minute. */
#define MIN_SLEEP_SECONDS 60

struct _DocketReminderService
{
  GObject               parent_instance;

  DocketStore          *store;
  DocketReminderPolicy *policy;
  DocketClock          *clock;
  DocketNotifier       *notifier;
  GArray               *my_units;      /* DocketId; empty = all, 0 = the secretariat */
  char                 *claimed_by;

  /* notification id → Sent, for the actions clicked later. */
  GHashTable           *sent;
  guint                 timer_id;
  gulong                changed_id;
  gulong                jumped_id;
  guint                 n_wakeups;

  /* docket_reminder_service_set_run_in_thread (): the pass running in a worker, and
   * whether another was asked for meanwhile. */
  gboolean              in_thread;
  GCancellable         *pass_cancellable;
  gboolean              pass_again;
};

typedef struct
{
  DocketId  item_id;        /* the item to open, or 0 for a summary */
  DocketId  recipient;      /* the unit, or 0 for the secretariat */
  GArray   *log_ids;        /* DocketId */
  char     *mailto;         /* nullable */
} Sent;

G_DEFINE_FINAL_TYPE (DocketReminderService, docket_reminder_service, G_TYPE_OBJECT)

enum {
  OPEN_ITEM,
  OPEN_REMINDERS,
  COMPOSE_MAIL,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
sent_free (Sent *sent)
{
  g_array_unref (sent->log_ids);
  g_free (sent->mailto);
  g_free (sent);
}

/* Who receives what. */

static gboolean
wants_recipient (DocketReminderService *self,
                 DocketId               recipient)
{
  if (self->my_units->len == 0)
    return TRUE;
  for (guint i = 0; i < self->my_units->len; i++)
    if (g_array_index (self->my_units, DocketId, i) == recipient)
      return TRUE;
  return FALSE;
}

/* The units whose items the store must list: none (all) when the secretariat is
 * among "my units", since it hears about every unit. */
static const DocketId *
store_unit_filter (DocketReminderService *self,
                   guint                 *out_n)
{
  *out_n = 0;
  if (self->my_units->len == 0 || wants_recipient (self, 0))
    return NULL;
  *out_n = self->my_units->len;
  return (const DocketId *) (gpointer) self->my_units->data;
}

/* Everything the policy says is due now for "my units", logged or not. */
static GPtrArray *
collect_due (DocketReminderService *self,
             gint64                 now,
             DocketDate             today,
             GError               **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_due_reminder_free);
  g_autoptr(GArray) reminders = g_array_new (FALSE, FALSE, sizeof (DocketReminder));
  const DocketId *units;
  guint n_units;

  units = store_unit_filter (self, &n_units);
  candidates = docket_store_list_reminder_candidates (self->store,
                                                      docket_reminder_policy_lookahead_end (self->policy, today),
                                                      units, n_units, error);
  if (candidates == NULL)
    return NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      DocketReminderCandidate *c = g_ptr_array_index (candidates, i);
      gboolean taken = FALSE;

      g_array_set_size (reminders, 0);
      docket_reminder_policy_due (self->policy, c->item, now, reminders);
      for (guint j = 0; j < reminders->len; j++)
        {
          DocketReminder *r = &g_array_index (reminders, DocketReminder, j);
          DocketDueReminder *d;

          if (!wants_recipient (self, r->recipient_unit_id))
            continue;
          d = g_new0 (DocketDueReminder, 1);
          d->reminder = *r;
          d->key_kind = docket_reminder_dup_key_kind (r);
          /* The first reminder of a candidate takes it, the others copy it: a pass
           * over a large file holds each late item once, not twice. */
          d->candidate = taken ? docket_reminder_candidate_copy (c) : c;
          taken = TRUE;
          g_ptr_array_add (due, d);
        }
      if (taken)
        candidates->pdata[i] = NULL;
    }
  return g_steal_pointer (&due);
}

/* Looks up in the log, for each reminder of @due (NULLs skipped): with
 * @check_logged, whether it was logged already (it is then freed and set to NULL
 * in @due); and whether it is caught up: it reached nobody on the day it belongs
 * to.  A daily overdue reminder is caught up when the item became overdue while
 * nobody was told: no overdue reminder since then, before today.  One lookup per
 * reminder (the latest day logged over a range of days), in one read
 * transaction. */
static gboolean
lookup_due (DocketReminderService *self,
            GPtrArray             *due,
            DocketDate             today,
            gboolean               check_logged,
            GError               **error)
{
  g_autoptr(GArray) lookups = g_array_new (FALSE, TRUE, sizeof (DocketReminderLookup));
  g_autoptr(GArray) owners = g_array_new (FALSE, FALSE, sizeof (guint));
  DocketDate yesterday = docket_date_add_days (today, -1);

  for (guint i = 0; i < due->len; i++)
    {
      DocketDueReminder *d = g_ptr_array_index (due, i);
      const DocketReminder *r;
      DocketReminderLookup l = { 0, };

      if (d == NULL)
        continue;
      r = &d->reminder;
      d->caught_up = r->day < today;
      l.item_id = r->item_id;
      l.unit_id = r->unit_id;
      l.kind = d->key_kind;
      l.from_day = r->day;
      l.to_day = check_logged ? r->day : DOCKET_DATE_NONE;
      if (r->kind == DOCKET_REMINDER_OVERDUE && r->since < today)
        l.from_day = r->since;
      if (l.to_day == DOCKET_DATE_NONE && l.from_day < today)
        l.to_day = yesterday;
      if (l.to_day == DOCKET_DATE_NONE)
        continue;
      g_array_append_val (lookups, l);
      g_array_append_val (owners, i);
    }
  if (!docket_store_lookup_reminders (self->store, (DocketReminderLookup *) (gpointer) lookups->data,
                                      lookups->len, error))
    return FALSE;

  for (guint k = 0; k < lookups->len; k++)
    {
      DocketReminderLookup *l = &g_array_index (lookups, DocketReminderLookup, k);
      guint i = g_array_index (owners, guint, k);
      DocketDueReminder *d = g_ptr_array_index (due, i);

      if (check_logged && l->latest == d->reminder.day)
        {
          due->pdata[i] = NULL;
          docket_due_reminder_free (d);
        }
      else if (d->reminder.kind == DOCKET_REMINDER_OVERDUE && d->reminder.since < today)
        d->caught_up = l->latest == DOCKET_DATE_NONE;
    }
  return TRUE;
}

/* Sending. */

static void
remember_sent (DocketReminderService *self,
               const char            *id,
               DocketId               item_id,
               DocketId               recipient,
               GPtrArray             *group,
               char                  *mailto)
{
  Sent *sent = g_new0 (Sent, 1);

  sent->item_id = item_id;
  sent->recipient = recipient;
  sent->mailto = mailto;
  sent->log_ids = g_array_new (FALSE, FALSE, sizeof (DocketId));
  for (guint i = 0; i < group->len; i++)
    {
      DocketDueReminder *d = g_ptr_array_index (group, i);
      g_array_append_val (sent->log_ids, d->log_id);
    }
  g_hash_table_replace (self->sent, g_strdup (id), sent);
}

static gboolean
any_overdue (GPtrArray *group)
{
  for (guint i = 0; i < group->len; i++)
    if (docket_reminder_is_overdue (&((DocketDueReminder *) g_ptr_array_index (group, i))->reminder))
      return TRUE;
  return FALSE;
}

/* Sends one notification about @group (one reminder, or a summary) and marks its
 * reminders delivered.  Returns FALSE with @error when nothing can be shown. */
static gboolean
send_group (DocketReminderService *self,
            GPtrArray             *group,
            gboolean               caught_up,
            gboolean               summary,
            gint64                 now,
            guint                 *n_notified,
            GError               **error)
{
  DocketDueReminder *first = g_ptr_array_index (group, 0);
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *mailto = NULL;
  g_autoptr(GArray) log_ids = g_array_new (FALSE, FALSE, sizeof (DocketId));
  DocketNotificationAction actions[3];
  DocketNotification n = { 0, };
  guint n_actions = 0;

  if (summary)
    {
      id = g_strdup_printf ("reminders-%s-%" G_GINT64_FORMAT, caught_up ? "away" : "due",
                            (gint64) first->reminder.recipient_unit_id);
      title = docket_due_reminders_dup_summary_title (group, caught_up);
      body = docket_due_reminders_dup_summary_body (group);
    }
  else
    {
      id = g_strdup_printf ("reminder-%" G_GINT64_FORMAT, (gint64) first->log_id);
      title = docket_due_reminder_dup_title (first);
      body = docket_due_reminder_dup_body (first);
      if (first->reminder.recipient_unit_id == 0)
        mailto = docket_due_reminder_dup_mailto (first);
    }

  actions[n_actions++] = (DocketNotificationAction) { "open", _("Open") };
  /* Translators: a button: show the reminder again tomorrow morning */
  actions[n_actions++] = (DocketNotificationAction) { "snooze", _("Snooze") };
  if (mailto != NULL)
    actions[n_actions++] = (DocketNotificationAction) { "mail", _("Send Reminder to Unit") };

  n.id = id;
  n.title = title;
  n.body = body;
  n.urgency = any_overdue (group) ? DOCKET_NOTIFICATION_URGENCY_CRITICAL
                                  : DOCKET_NOTIFICATION_URGENCY_NORMAL;
  n.actions = actions;
  n.n_actions = n_actions;
  n.default_action = "open";

  if (!docket_notifier_send (self->notifier, &n, error))
    return FALSE;
  (*n_notified)++;

  remember_sent (self, id, summary ? 0 : first->reminder.item_id,
                 first->reminder.recipient_unit_id, group, g_steal_pointer (&mailto));
  for (guint i = 0; i < group->len; i++)
    g_array_append_val (log_ids, ((DocketDueReminder *) g_ptr_array_index (group, i))->log_id);
  return docket_store_mark_reminders_delivered (self->store, (DocketId *) (gpointer) log_ids->data,
                                                log_ids->len, now, error);
}

static gboolean
send_part (DocketReminderService *self,
           GPtrArray             *part,
           gboolean               caught_up,
           gint64                 now,
           guint                 *n_notified,
           GError               **error)
{
  if (part->len == 0)
    return TRUE;
  /* Late reminders always come as one group; others one by one up to the
   * threshold. */
  if ((caught_up && part->len > 1) || part->len > DOCKET_REMINDER_SUMMARY_THRESHOLD)
    return send_group (self, part, caught_up, TRUE, now, n_notified, error);

  for (guint i = 0; i < part->len; i++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, g_ptr_array_index (part, i));
      if (!send_group (self, one, caught_up, FALSE, now, n_notified, error))
        return FALSE;
    }
  return TRUE;
}

static gint
compare_by_recipient (gconstpointer a,
                      gconstpointer b)
{
  const DocketDueReminder *x = *(DocketDueReminder **) a;
  const DocketDueReminder *y = *(DocketDueReminder **) b;

  if (x->reminder.recipient_unit_id != y->reminder.recipient_unit_id)
    return x->reminder.recipient_unit_id < y->reminder.recipient_unit_id ? -1 : 1;
  if (x->candidate->item->deadline != y->candidate->item->deadline)
    return x->candidate->item->deadline < y->candidate->item->deadline ? -1 : 1;
  return x->reminder.item_id < y->reminder.item_id ? -1 : x->reminder.item_id > y->reminder.item_id;
}

/* Groups @claimed per recipient and sends.  Without a server, stops at the first
 * failure: the rest stays pending for the in-app list. */
static gboolean
send_all (DocketReminderService *self,
          GPtrArray             *claimed,
          gint64                 now,
          guint                 *n_notified,
          GError               **error)
{
  guint i = 0;

  g_ptr_array_sort (claimed, compare_by_recipient);
  while (i < claimed->len)
    {
      DocketId recipient = ((DocketDueReminder *) g_ptr_array_index (claimed, i))->reminder.recipient_unit_id;
      g_autoptr(GPtrArray) late = g_ptr_array_new ();
      g_autoptr(GPtrArray) now_due = g_ptr_array_new ();

      for (; i < claimed->len; i++)
        {
          DocketDueReminder *d = g_ptr_array_index (claimed, i);

          if (d->reminder.recipient_unit_id != recipient)
            break;
          g_ptr_array_add (d->caught_up ? late : now_due, d);
        }
      if (!send_part (self, late, TRUE, now, n_notified, error) ||
          !send_part (self, now_due, FALSE, now, n_notified, error))
        return FALSE;
    }
  return TRUE;
}

/* Snoozed reminders: the kind's name back into a DocketReminder. */
static DocketDueReminder *
due_from_entry (DocketReminderService *self,
                DocketReminderEntry   *entry,
                DocketDate             today)
{
  DocketDueReminder *d = g_new0 (DocketDueReminder, 1);
  DocketReminder *r = &d->reminder;
  DocketCalendar *calendar = docket_reminder_policy_get_calendar (self->policy);
  const DocketItem *item = entry->candidate->item;

  r->item_id = item->id;
  r->unit_id = entry->unit_id;
  r->recipient_unit_id = entry->unit_id;
  r->day = r->since = entry->day;
  if (g_str_has_prefix (entry->kind, "before-"))
    {
      r->kind = DOCKET_REMINDER_BEFORE;
      r->step = atoi (entry->kind + strlen ("before-"));
    }
  else if (g_str_equal (entry->kind, "due-today"))
    r->kind = DOCKET_REMINDER_DUE_TODAY;
  else if (g_str_has_prefix (entry->kind, "escalation-"))
    {
      r->kind = DOCKET_REMINDER_ESCALATION;
      r->step = atoi (entry->kind + strlen ("escalation-"));
    }
  else if (g_str_equal (entry->kind, "awaiting-confirmation"))
    r->kind = DOCKET_REMINDER_AWAITING_CONFIRMATION;
  else
    r->kind = DOCKET_REMINDER_OVERDUE;
  if (r->kind == DOCKET_REMINDER_ESCALATION || r->kind == DOCKET_REMINDER_AWAITING_CONFIRMATION)
    r->recipient_unit_id = 0;
  /* Counted again for today: the wording says how things stand now. */
  if (item->deadline != DOCKET_DATE_NONE)
    r->count = ABS (docket_calendar_working_days_between (calendar, item->deadline, today));
  if (r->kind == DOCKET_REMINDER_BEFORE && (r->count == 0 || today > item->deadline))
    r->kind = today > item->deadline ? DOCKET_REMINDER_OVERDUE : DOCKET_REMINDER_DUE_TODAY;
  r->deliver_at = docket_reminder_policy_morning_of (self->policy, r->day);
  d->key_kind = g_strdup (entry->kind);
  d->candidate = g_steal_pointer (&entry->candidate);
  d->log_id = entry->log_id;
  return d;
}

static gboolean
take_snoozed (DocketReminderService *self,
              gint64                 now,
              DocketDate             today,
              GPtrArray             *into,
              GError               **error)
{
  g_autoptr(GPtrArray) entries = docket_store_take_snoozed_reminders (self->store, now, error);

  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      DocketReminderEntry *e = g_ptr_array_index (entries, i);
      DocketDueReminder *d;
      DocketItemState state = e->candidate->item->state;

      /* Done or cancelled since it was snoozed: nothing to say any more. */
      if (state == DOCKET_ITEM_STATE_CONFIRMED || state == DOCKET_ITEM_STATE_CANCELLED)
        continue;
      d = due_from_entry (self, e, today);
      if (wants_recipient (self, d->reminder.recipient_unit_id))
        g_ptr_array_add (into, d);
      else
        docket_due_reminder_free (d);
    }
  return TRUE;
}

static gboolean
on_timer_cb (gpointer data);

static void
schedule (DocketReminderService *self)
{
  gint64 now = docket_clock_now (self->clock);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_timeout_add_seconds (docket_reminder_service_plan_delay (self, now),
                                               on_timer_cb, self);
}

static void start_pass (DocketReminderService *self);

static void
run_now (DocketReminderService *self)
{
  g_autoptr(GError) error = NULL;

  /* A worker opens the file again: a store in memory is read where it is. */
  if (self->in_thread && docket_store_get_path (self->store) != NULL)
    {
      start_pass (self);
      return;
    }
  if (!docket_reminder_service_run_due (self, docket_clock_now (self->clock), NULL, NULL, &error))
    g_warning ("Reminders could not be sent: %s", error->message);
}

static gboolean
on_timer_cb (gpointer data)
{
  DocketReminderService *self = data;

  self->timer_id = 0;
  self->n_wakeups++;
  run_now (self);
  schedule (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (DocketStore *store,
                     const char  *kind,
                     gpointer     user_data)
{
  DocketReminderService *self = user_data;

  /* A new deadline or a snooze may be due sooner than the timer; the timer itself is
   * cheap to re-plan. */
  if (self->timer_id != 0)
    schedule (self);
}

static void
on_action_invoked_cb (DocketNotifier *notifier,
                      const char     *notification_id,
                      const char     *action_id,
                      gpointer        user_data)
{
  DocketReminderService *self = user_data;
  Sent *sent = g_hash_table_lookup (self->sent, notification_id);

  if (sent == NULL)
    return;

  if (g_str_equal (action_id, "snooze"))
    {
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < sent->log_ids->len; i++)
        if (!docket_reminder_service_snooze (self, g_array_index (sent->log_ids, DocketId, i),
                                             0, &error))
          {
            g_warning ("The reminder could not be snoozed: %s", error->message);
            return;
          }
    }
  else if (g_str_equal (action_id, "mail") && sent->mailto != NULL)
    g_signal_emit (self, signals[COMPOSE_MAIL], 0, sent->mailto);
  else if (sent->item_id != 0)
    g_signal_emit (self, signals[OPEN_ITEM], 0, (gint64) sent->item_id);
  else
    g_signal_emit (self, signals[OPEN_REMINDERS], 0, (gint64) sent->recipient);
}

static void
docket_reminder_service_dispose (GObject *object)
{
  DocketReminderService *self = DOCKET_REMINDER_SERVICE (object);

  docket_reminder_service_stop (self);
  if (self->notifier != NULL)
    g_signal_handlers_disconnect_by_func (self->notifier, on_action_invoked_cb, self);
  g_clear_object (&self->notifier);
  g_clear_object (&self->clock);
  g_clear_object (&self->store);
  g_clear_pointer (&self->policy, docket_reminder_policy_unref);

  G_OBJECT_CLASS (docket_reminder_service_parent_class)->dispose (object);
}

static void
docket_reminder_service_finalize (GObject *object)
{
  DocketReminderService *self = DOCKET_REMINDER_SERVICE (object);

  g_array_unref (self->my_units);
  g_hash_table_unref (self->sent);
  g_free (self->claimed_by);

  G_OBJECT_CLASS (docket_reminder_service_parent_class)->finalize (object);
}

static void
docket_reminder_service_class_init (DocketReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = docket_reminder_service_dispose;
  object_class->finalize = docket_reminder_service_finalize;

  /**
   * DocketReminderService::open-item:
   * @item_id: the item
   *
   * A person clicked "Open" (or the notification) of a reminder: raise Docket on
   * the item.
   */
  signals[OPEN_ITEM] = g_signal_new ("open-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * DocketReminderService::open-reminders:
   * @unit_id: the recipient of the summary (0: the secretariat)
   *
   * A person opened a summary notification: show the reminders list.
   */
  signals[OPEN_REMINDERS] = g_signal_new ("open-reminders", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * DocketReminderService::compose-mail:
   * @uri: a `mailto:` URI with the unit's address, a subject and a body
   *
   * The secretariat clicked "Send Reminder to Unit": open it with the user's mail
   * program (gtk_show_uri() or the OpenURI portal).
   */
  signals[COMPOSE_MAIL] = g_signal_new ("compose-mail", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
docket_reminder_service_init (DocketReminderService *self)
{
  self->my_units = g_array_new (FALSE, FALSE, sizeof (DocketId));
  self->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sent_free);
  self->claimed_by = g_strdup ("docket");
}

/**
 * docket_reminder_service_new:
 * @store: the records
 * @policy: the rules
 * @clock: the time
 * @notifier: where notifications go
 *
 * Returns: (transfer full): a service; it does nothing until
 *   docket_reminder_service_start() or docket_reminder_service_run_due()
 */
DocketReminderService *
docket_reminder_service_new (DocketStore          *store,
                             DocketReminderPolicy *policy,
                             DocketClock          *clock,
                             DocketNotifier       *notifier)
{
  DocketReminderService *self;

  g_return_val_if_fail (DOCKET_IS_STORE (store), NULL);
  g_return_val_if_fail (policy != NULL, NULL);
  g_return_val_if_fail (DOCKET_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (DOCKET_IS_NOTIFIER (notifier), NULL);

  self = g_object_new (DOCKET_TYPE_REMINDER_SERVICE, NULL);
  self->store = g_object_ref (store);
  self->policy = docket_reminder_policy_ref (policy);
  self->clock = g_object_ref (clock);
  self->notifier = g_object_ref (notifier);
  g_signal_connect_object (notifier, "action-invoked", G_CALLBACK (on_action_invoked_cb), self, 0);
  return self;
}

/**
 * docket_reminder_service_set_policy:
 *
 * Replaces the rules (after Preferences changed them) and re-plans the timer.
 */
void
docket_reminder_service_set_policy (DocketReminderService *self,
                                    DocketReminderPolicy  *policy)
{
  g_return_if_fail (DOCKET_IS_REMINDER_SERVICE (self));
  g_return_if_fail (policy != NULL);

  docket_reminder_policy_ref (policy);
  docket_reminder_policy_unref (self->policy);
  self->policy = policy;
  if (self->timer_id != 0)
    schedule (self);
}

DocketReminderPolicy *
docket_reminder_service_get_policy (DocketReminderService *self)
{
  g_return_val_if_fail (DOCKET_IS_REMINDER_SERVICE (self), NULL);

  return self->policy;
}

/**
 * docket_reminder_service_set_my_units:
 * @unit_ids: (array length=n_unit_ids) (nullable): the units this computer receives
 *   reminders for; 0 stands for the secretariat (escalations, confirmations)
 *
 * None (the default) receives everything, grouped per unit: the secretariat's view.
 */
void
docket_reminder_service_set_my_units (DocketReminderService *self,
                                      const DocketId        *unit_ids,
                                      guint                  n_unit_ids)
{
  g_return_if_fail (DOCKET_IS_REMINDER_SERVICE (self));
  g_return_if_fail (n_unit_ids == 0 || unit_ids != NULL);

  g_array_set_size (self->my_units, 0);
  g_array_append_vals (self->my_units, unit_ids, n_unit_ids);
}

/**
 * docket_reminder_service_set_sender:
 * @claimed_by: the name written in the log with each claim ("docket", "docketctl")
 */
void
docket_reminder_service_set_sender (DocketReminderService *self,
                                    const char            *claimed_by)
{
  g_return_if_fail (DOCKET_IS_REMINDER_SERVICE (self));
  g_return_if_fail (claimed_by != NULL);

  g_free (self->claimed_by);
  self->claimed_by = g_strdup (claimed_by);
}

/**
 * docket_reminder_service_list_due:
 * @now: UTC unix seconds
 *
 * What a run at @now would claim, without claiming anything (`docketctl remind
 * --dry-run`).  Empty outside working hours.
 *
 * Returns: (transfer container) (element-type DocketDueReminder): the reminders,
 *   or %NULL with @error set
 */
GPtrArray *
docket_reminder_service_list_due (DocketReminderService *self,
                                  gint64                 now,
                                  GError               **error)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) unlogged = NULL;
  DocketDate today;

  g_return_val_if_fail (DOCKET_IS_REMINDER_SERVICE (self), NULL);

  unlogged = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_due_reminder_free);
  if (!docket_reminder_policy_is_working_time (self->policy, now, &today))
    return g_steal_pointer (&unlogged);
  if ((due = collect_due (self, now, today, error)) == NULL)
    return NULL;

  if (!lookup_due (self, due, today, TRUE, error))
    return NULL;
  for (guint i = 0; i < due->len; i++)
    if (g_ptr_array_index (due, i) != NULL)
      {
        g_ptr_array_add (unlogged, g_ptr_array_index (due, i));
        due->pdata[i] = NULL;
      }
  return g_steal_pointer (&unlogged);
}

static gboolean
claim_due (DocketReminderService *self,
           GPtrArray             *due,
           DocketDate             today,
           GPtrArray             *claimed,
           GError               **error)
{
  g_autofree DocketReminderClaim *claims = g_new0 (DocketReminderClaim, MAX (due->len, 1));
  /* Taken back from a snooze are already in @claimed: they are not late. */
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  gboolean ok;

  for (guint i = 0; i < due->len; i++)
    {
      DocketDueReminder *d = g_ptr_array_index (due, i);

      claims[i].item_id = d->reminder.item_id;
      claims[i].unit_id = d->reminder.unit_id;
      claims[i].kind = d->key_kind;
      claims[i].day = d->reminder.day;
    }
  if (!docket_store_claim_reminders (self->store, claims, due->len, self->claimed_by, error))
    return FALSE;

  for (guint i = 0; i < due->len; i++)
    {
      DocketDueReminder *d = g_ptr_array_index (due, i);

      if (!claims[i].claimed)
        continue;
      d->log_id = claims[i].log_id;
      g_ptr_array_add (fresh, d);
      due->pdata[i] = NULL;
    }
  ok = lookup_due (self, fresh, today, FALSE, error);
  for (guint i = 0; i < fresh->len; i++)
    g_ptr_array_add (claimed, g_ptr_array_index (fresh, i));
  return ok;
}

/* A pass in a worker (docket_reminder_service_set_run_in_thread ()). */

/* The page cache of the worker's connection, in KiB: the pass reads each late item
 * once. */
#define PASS_CACHE_KIB 2048

typedef struct
{
  char                 *path;
  DocketReminderPolicy *policy;
  GArray               *my_units;
  char                 *claimed_by;
  gint64                now;
} Pass;

static void
pass_free (Pass *pass)
{
  g_free (pass->path);
  docket_reminder_policy_unref (pass->policy);
  g_array_unref (pass->my_units);
  g_free (pass->claimed_by);
  g_free (pass);
}

/* Steps 1 and 2 of a run, on the worker's own connection: a service of its own,
 * with the main one's rules and units, that only reads and claims. */
static GPtrArray *
claim_in_thread (const Pass  *pass,
                 GError     **error)
{
  g_autoptr(DocketReminderService) worker = NULL;
  g_autoptr(DocketStore) store = NULL;
  g_autoptr(GPtrArray) claimed = NULL;
  g_autoptr(GPtrArray) due = NULL;
  DocketDate today;

  claimed = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_due_reminder_free);
  if (!docket_reminder_policy_is_working_time (pass->policy, pass->now, &today))
    return g_steal_pointer (&claimed);
  store = docket_store_open_with_cache (pass->path, PASS_CACHE_KIB, error);
  if (store == NULL)
    return NULL;
  worker = g_object_new (DOCKET_TYPE_REMINDER_SERVICE, NULL);
  worker->store = g_object_ref (store);
  worker->policy = docket_reminder_policy_ref (pass->policy);
  g_array_append_vals (worker->my_units, pass->my_units->data, pass->my_units->len);
  g_free (worker->claimed_by);
  worker->claimed_by = g_strdup (pass->claimed_by);
  if (!take_snoozed (worker, pass->now, today, claimed, error))
    return NULL;
  due = collect_due (worker, pass->now, today, error);
  if (due == NULL || !claim_due (worker, due, today, claimed, error))
    return NULL;
  /* What the pass read and let go goes back to the system (see
   * docket_store_release_memory ()). */
  g_clear_pointer (&due, g_ptr_array_unref);
  docket_store_release_memory (store);
  return g_steal_pointer (&claimed);
}

static void
pass_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *claimed = claim_in_thread (task_data, &error);

  if (claimed == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, claimed, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_pass_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DocketReminderService *self = DOCKET_REMINDER_SERVICE (source);
  const Pass *pass = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) claimed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) send_error = NULL;
  guint n_notified = 0;

  claimed = g_task_propagate_pointer (G_TASK (result), &error);
  /* Stopped meanwhile: nothing is shown. */
  if (g_task_get_cancellable (G_TASK (result)) != self->pass_cancellable)
    return;
  g_clear_object (&self->pass_cancellable);
  if (claimed == NULL)
    g_warning ("Reminders could not be sent: %s", error->message);
  else if (!send_all (self, claimed, pass->now, &n_notified, &send_error))
    {
      /* As docket_reminder_service_run_due (): without a server they stay pending. */
      if (g_error_matches (send_error, DOCKET_NOTIFIER_ERROR, DOCKET_NOTIFIER_ERROR_NO_SERVER) ||
          g_error_matches (send_error, DOCKET_NOTIFIER_ERROR, DOCKET_NOTIFIER_ERROR_FAILED))
        g_debug ("Reminders stay in the list: %s", send_error->message);
      else
        g_warning ("Reminders could not be sent: %s", send_error->message);
    }
  if (self->pass_again)
    {
      self->pass_again = FALSE;
      start_pass (self);
    }
}

static void
start_pass (DocketReminderService *self)
{
  g_autoptr(GTask) task = NULL;
  Pass *pass;

  /* One pass at a time; one asked for meanwhile runs after it, at its own time. */
  if (self->pass_cancellable != NULL)
    {
      self->pass_again = TRUE;
      return;
    }
  pass = g_new0 (Pass, 1);
  pass->path = g_strdup (docket_store_get_path (self->store));
  pass->policy = docket_reminder_policy_ref (self->policy);
  pass->my_units = g_array_copy (self->my_units);
  pass->claimed_by = g_strdup (self->claimed_by);
  pass->now = docket_clock_now (self->clock);
  self->pass_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->pass_cancellable, on_pass_done_cb, NULL);
  g_task_set_source_tag (task, start_pass);
  g_task_set_task_data (task, pass, (GDestroyNotify) pass_free);
  g_task_run_in_thread (task, pass_thread);
}

/**
 * docket_reminder_service_is_busy:
 *
 * Returns: %TRUE while a pass runs in a worker (see
 *   docket_reminder_service_set_run_in_thread ())
 */
gboolean
docket_reminder_service_is_busy (DocketReminderService *self)
{
  g_return_val_if_fail (DOCKET_IS_REMINDER_SERVICE (self), FALSE);

  return self->pass_cancellable != NULL;
}

/**
 * docket_reminder_service_set_run_in_thread:
 * @in_thread: whether the passes of docket_reminder_service_start () (at the start,
 *   on its timer, and on docket_reminder_service_replan ()) read and claim in a
 *   worker
 *
 * For the application, whose window must not wait for a pass over a large file:
 * the worker opens the store's file again, and the notifications are sent from the
 * thread-default main context when it is done.  docket_reminder_service_run_due ()
 * always runs where it is called.
 */
void
docket_reminder_service_set_run_in_thread (DocketReminderService *self,
                                           gboolean               in_thread)
{
  g_return_if_fail (DOCKET_IS_REMINDER_SERVICE (self));

  self->in_thread = in_thread;
}

/**
 * docket_reminder_service_run_due:
 * @now: UTC unix seconds (the clock's time, or `docketctl remind --now`)
 * @out_n_claimed: (out) (optional): how many reminders this run claimed
 * @out_n_notified: (out) (optional): how many notifications it showed
 *
 * Claims and sends what is due at @now for "my units".  Reminders claimed but not
 * shown (no notification server) stay pending in the log for the in-app list; that
 * is not an error.
 *
 * Returns: %TRUE, or %FALSE with @error set when the records could not be read or
 *   written
 */
gboolean
docket_reminder_service_run_due (DocketReminderService *self,
                                 gint64                 now,
                                 guint                 *out_n_claimed,
                                 guint                 *out_n_notified,
                                 GError               **error)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) claimed = NULL;
  g_autoptr(GError) send_error = NULL;
  guint n_notified = 0;
  DocketDate today;

  g_return_val_if_fail (DOCKET_IS_REMINDER_SERVICE (self), FALSE);

  if (out_n_claimed != NULL)
    *out_n_claimed = 0;
  if (out_n_notified != NULL)
    *out_n_notified = 0;
  if (!docket_reminder_policy_is_working_time (self->policy, now, &today))
    return TRUE;

  claimed = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_due_reminder_free);
  if (!take_snoozed (self, now, today, claimed, error))
    return FALSE;
  due = collect_due (self, now, today, error);
  if (due == NULL || !claim_due (self, due, today, claimed, error))
    {
      docket_store_release_memory (self->store);
      return FALSE;
    }
  if (out_n_claimed != NULL)
    *out_n_claimed = claimed->len;
  /* The pass read every live item near or past its deadline: with a large file,
   * tens of megabytes of pages the window's connection would keep. */
  g_clear_pointer (&due, g_ptr_array_unref);
  docket_store_release_memory (self->store);

  if (!send_all (self, claimed, now, &n_notified, &send_error))
    {
      if (!g_error_matches (send_error, DOCKET_NOTIFIER_ERROR, DOCKET_NOTIFIER_ERROR_NO_SERVER) &&
          !g_error_matches (send_error, DOCKET_NOTIFIER_ERROR, DOCKET_NOTIFIER_ERROR_FAILED))
        {
          g_propagate_error (error, g_steal_pointer (&send_error));
          return FALSE;
        }
      g_debug ("Reminders stay in the list: %s", send_error->message);
    }
  if (out_n_notified != NULL)
    *out_n_notified = n_notified;
  return TRUE;
}

/**
 * docket_reminder_service_get_next_wakeup:
 * @now: UTC unix seconds
 *
 * Returns: when the next reminder can fall due after @now: the next working
 *   morning, or earlier when a snooze ends (delivered within working hours); 0
 *   with @error set when the records could not be read
 */
gint64
docket_reminder_service_get_next_wakeup (DocketReminderService *self,
                                         gint64                 now,
                                         GError               **error)
{
  gint64 next;
  gint64 snooze = 0;

  g_return_val_if_fail (DOCKET_IS_REMINDER_SERVICE (self), 0);

  next = docket_reminder_policy_next_morning (self->policy, now);
  if (!docket_store_get_next_snooze (self->store, &snooze, error))
    return 0;
  if (snooze > 0)
    next = MIN (next, docket_reminder_policy_next_working_time (self->policy, MAX (snooze, now)));
  return next;
}

/**
 * docket_reminder_service_plan_delay:
 * @now: UTC unix seconds
 *
 * Returns: the seconds the service sleeps at @now before it looks again: until
 *   the next wake-up, at least a minute when nothing is due yet, at most
 *   MAX_SLEEP_SECONDS
 */
guint
docket_reminder_service_plan_delay (DocketReminderService *self,
                                    gint64                 now)
{
  g_autoptr(GError) error = NULL;
  gint64 wake;

  g_return_val_if_fail (DOCKET_IS_REMINDER_SERVICE (self), MAX_SLEEP_SECONDS);

  wake = docket_reminder_service_get_next_wakeup (self, now, &error);
  if (wake == 0)
    {
      g_warning ("Reminders cannot be planned: %s", error->message);
      return MAX_SLEEP_SECONDS;
    }
  if (wake <= now)
    return 1;
  return (guint) CLAMP (wake - now, MIN_SLEEP_SECONDS, MAX_SLEEP_SECONDS);
}

/**
 * docket_reminder_service_snooze:
 * @until: when it comes back, UTC unix seconds; 0 for the next working morning
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
docket_reminder_service_snooze (DocketReminderService *self,
                                DocketId               log_id,
                                gint64                 until,
                                GError               **error)
{
  g_return_val_if_fail (DOCKET_IS_REMINDER_SERVICE (self), FALSE);

  if (until == 0)
    until = docket_reminder_policy_next_morning (self->policy, docket_clock_now (self->clock));
  return docket_store_snooze_reminder (self->store, log_id, until, error);
}

/**
 * docket_reminder_service_dismiss:
 *
 * Takes a reminder off the in-app list.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
docket_reminder_service_dismiss (DocketReminderService *self,
                                 DocketId               log_id,
                                 GError               **error)
{
  g_return_val_if_fail (DOCKET_IS_REMINDER_SERVICE (self), FALSE);

  return docket_store_dismiss_reminder (self->store, log_id, error);
}

/**
 * docket_reminder_service_start:
 *
 * Sends what is due now (the catch-up after a start) and then sleeps on one timer
 * in the thread-default main context until the next wake-up.  Re-plans by itself
 * when the records change.
 */
void
docket_reminder_service_start (DocketReminderService *self)
{
  g_return_if_fail (DOCKET_IS_REMINDER_SERVICE (self));

  if (self->changed_id == 0)
    self->changed_id = g_signal_connect (self->store, "changed",
                                         G_CALLBACK (on_store_changed_cb), self);
  /* A set wall clock may have skipped a reminder's time or moved it far away. */
  if (self->jumped_id == 0)
    self->jumped_id = g_signal_connect_swapped (self->clock, "jumped",
                                                G_CALLBACK (docket_reminder_service_replan),
                                                self);
  run_now (self);
  schedule (self);
}

void
docket_reminder_service_stop (DocketReminderService *self)
{
  g_return_if_fail (DOCKET_IS_REMINDER_SERVICE (self));

  /* A pass in a worker still claims; what it claimed stays in the in-app list. */
  if (self->pass_cancellable != NULL)
    g_cancellable_cancel (self->pass_cancellable);
  g_clear_object (&self->pass_cancellable);
  self->pass_again = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_signal_handler (&self->jumped_id, self->clock);
}

/**
 * docket_reminder_service_replan:
 *
 * For the application: call after a resume from suspend or a wall-clock jump
 * (both may have skipped a wake-up).  Sends what is due and re-plans the timer.
 */
void
docket_reminder_service_replan (DocketReminderService *self)
{
  g_return_if_fail (DOCKET_IS_REMINDER_SERVICE (self));

  if (self->timer_id == 0)
    return;
  run_now (self);
  schedule (self);
}

/**
 * docket_reminder_service_get_n_wakeups:
 *
 * Returns: how often the timer woke the service, for the budgets in bench/
 */
guint
docket_reminder_service_get_n_wakeups (DocketReminderService *self)
{
  g_return_val_if_fail (DOCKET_IS_REMINDER_SERVICE (self), 0);

  return self->n_wakeups;
}

/**
 * docket_reminder_service_dup_due_for_entry:
 * @entry: (transfer none): a row of docket_store_list_reminders(); its candidate is
 *   taken over
 *
 * The reminder a logged entry stands for, so the in-app list can word it like the
 * notification would (docket_due_reminder_dup_title() and _dup_body()).
 *
 * Returns: (transfer full): the reminder; free with docket_due_reminder_free()
 */
DocketDueReminder *
docket_reminder_service_dup_due_for_entry (DocketReminderService *self,
                                           DocketReminderEntry   *entry)
{
  g_autoptr(GDateTime) now = NULL;
  DocketDate today;

  g_return_val_if_fail (DOCKET_IS_REMINDER_SERVICE (self), NULL);
  g_return_val_if_fail (entry != NULL && entry->candidate != NULL, NULL);

  now = docket_clock_dup_now_local (self->clock, docket_reminder_policy_get_timezone (self->policy));
  today = docket_date_new (g_date_time_get_year (now), g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now));
  return due_from_entry (self, entry, today);
}
