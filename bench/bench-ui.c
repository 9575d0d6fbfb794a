/* bench-ui.c: the application's budgets on screen (issues 6 and 7)
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real window (DocketApplication, DocketWindow) over a temporary database
 * of 1,000,000 items, 50,000 meetings and 300 units (docket-bench-data.c), plus one
 * meeting with 50 conclusions and 300 items and two empty meetings, and prints:
 *
 * - issue 6: `win.show-meeting` to the first frame painted with the editor's content,
 *   for the full meeting and for an empty one in the same run, and their ratio
 *   (budget ≤ 150 ms and ≤ 3×), with where the time of the full one goes;
 * - issue 7: the items area opened to its first painted rows (≤ 200 ms); the work of
 *   each frame while scrolling (≤ 16 ms); a new order or another view to the first
 *   frame with the new rows (≤ 100 ms); the dashboard for a year (≤ 150 ms); the
 *   resident memory with the items area open, against an empty database (≤ 1.5×).
 *
 * "Painted" is the frame clock's after-paint signal of the window, in the first frame
 * in which the awaited widgets are mapped; for rows of items, every item cell on
 * screen must show a row that has been read, not a placeholder.  Every figure says how it was taken.  The
 * memory is measured in two child processes (this program again, with --memory), so
 * that neither carries the other's heap, nor the generator's.
 *
 * Without a GPU, GTK's cairo renderer gives stable numbers: GSK_RENDERER=cairo and
 * GDK_DEBUG=gl-disable are set unless the environment says otherwise.  Animations are
 * turned off, so that "shown" means shown, not half-way through a cross-fade.
 *
 * DOCKET_BENCH_SCALE=0.001 runs the same over a thousand items; the test suite does
 * so, so the benchmark cannot rot.  DOCKET_BENCH_ONLY=meeting measures issue 6 alone, with
 * the full meeting (50 conclusions, 300 items) whatever the scale, so that work on the
 * meeting page can be measured in a minute over a smaller database.  DOCKET_BENCH_ONLY=items
 * measures the items area alone (opening, scrolling, sort and filter changes): neither
 * the memory children, the dashboard nor the meeting page.
 * DOCKET_BENCH_ONLY=dashboard opens the window and measures the dashboard alone, and
 * DOCKET_BENCH_ONLY=memory the resident memory alone, DOCKET_BENCH_ONLY=units the units area's
 * first showing alone.
 * DOCKET_BENCH_KEEP=DIR keeps the databases in DIR
 * and, when DIR already holds them from a run at the same scale, uses them again
 * instead of generating a million items (minutes) each time; they are not changed.
 * DOCKET_BENCH_SCROLL_STEPS=N scrolls in N steps instead of 300 and 500, and
 * DOCKET_BENCH_NO_MEMORY=1 leaves out the memory children, for a quicker run.  Exit status 1 when an awaited frame never comes,
 * 77 (skipped) without a display.
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "docket-application.h"
#include "docket-bench-data.h"
#include "docket-dashboard-view.h"
#include "docket-item-cell.h"
#include "docket-item-edit-row.h"
#include "docket-items-view.h"
#include "docket-meeting-editor.h"
#include "docket-paged-model.h"
#include "docket-reminder-service.h"
#include "docket-store-items.h"
#include "docket-store-meetings.h"
#include "docket-store-private.h"
#include "docket-unit-row.h"
#include "docket-units-view.h"
#include "docket-window.h"

#define D(y, m, d) docket_date_new (y, m, d)
/* Long enough to measure a slow change rather than lose it (2–55 s were seen at 1M). */
#define WAIT_TIMEOUT_MS 180000
#define FRAME_BUDGET_MS 16.0
#define N_CONCLUSIONS 50
#define N_MEETING_ITEMS 300

typedef struct _Bench Bench;
typedef gboolean (*ReadyFunc) (Bench *b);

struct _Bench
{
  DocketApplication *app;
  DocketWindow      *window;
  GdkFrameClock     *clock;
  DocketDate         today;
  guint              n_items;
  guint              n_conclusions;
  guint              n_meeting_items;
  DocketId           full_meeting;
  DocketId           empty_meetings[2];
  gboolean           failed;

  /* The frame being painted, and the last one painted (monotonic µs). */
  gint64             before_paint;
  gint64             layout_done;
  gint64             paint_done;
  gint64             after_paint;
  double             before_paint_cpu;  /* thread_cpu_ms () */
  double             frame_cpu_ms;      /* the last frame's main-thread CPU time */
  guint64            n_frames;
  gint64             last_frame_time;   /* from GdkFrameTimings */
  double             last_interval_ms;  /* between the last two frame times */
  double             last_layout_ms;
  double             last_paint_ms;

  /* What a measurement waits for. */
  ReadyFunc          ready;
  gint64             ready_at;          /* after-paint of the first ready frame, or 0 */
  DocketId           awaited_meeting;
  gboolean           model_changed;
  gint64             model_changed_at;
  double             sql_ms_at_change;

  /* The statements the application's connection ran since sql_reset (). */
  GHashTable        *sql;               /* SQL text → SqlCost */
  guint              sql_n;
  double             sql_ms;
  double             worst_scroll_cpu;
};

typedef struct
{
  const char *text;
  guint       n;
  double      ms;
} SqlCost;

/* CPU time of the calling (main) thread, ms: unlike the wall clock, it does not grow
 * when other programs take the machine's cores. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Widgets. */

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A descendant of @type that is mapped and has a size: on screen, or in the part of
 * a scrolled box that is drawn. */
static gboolean
shows_type (GtkWidget *root,
            GType      type)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return gtk_widget_get_height (root) > 0;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_type (child, type))
      return TRUE;
  return FALSE;
}

/* Item cells that are mapped and have a size: how many, and how many of them show a
 * row that has been read (the list shows placeholders until a page arrives). */
static void
count_item_cells (GtkWidget *root,
                  guint     *n_cells,
                  guint     *n_loaded)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (DOCKET_IS_ITEM_CELL (root))
    {
      DocketRecord *record = docket_item_cell_get_record (DOCKET_ITEM_CELL (root));

      if (gtk_widget_get_height (root) <= 0)
        return;
      (*n_cells)++;
      *n_loaded += record != NULL && docket_record_is_loaded (record);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_item_cells (child, n_cells, n_loaded);
}

/* Rows are shown: item cells on screen, each with its row read. */
static gboolean
shows_loaded_rows (GtkWidget *root)
{
  guint n_cells = 0, n_loaded = 0;

  count_item_cells (root, &n_cells, &n_loaded);
  return n_cells > 0 && n_loaded == n_cells;
}

static GtkWidget *
window_widget (Bench *b,
               GType  type)
{
  GtkWidget *widget = find_by_type (GTK_WIDGET (b->window), type);

  if (widget == NULL)
    g_error ("No %s in the window", g_type_name (type));
  return widget;
}

static GtkColumnView *
column_view (Bench *b)
{
  return GTK_COLUMN_VIEW (find_by_type (window_widget (b, DOCKET_TYPE_ITEMS_VIEW), GTK_TYPE_COLUMN_VIEW));
}

/* The frame clock. */

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Bench         *b)
{
  b->before_paint = g_get_monotonic_time ();
  b->before_paint_cpu = thread_cpu_ms ();
}

static void
on_layout_cb (GdkFrameClock *clock,
              Bench         *b)
{
  b->layout_done = g_get_monotonic_time ();
}

static void
on_paint_cb (GdkFrameClock *clock,
             Bench         *b)
{
  b->paint_done = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *b)
{
  GdkFrameTimings *timings = gdk_frame_clock_get_current_timings (clock);
  gint64 frame_time = timings ? gdk_frame_timings_get_frame_time (timings) : 0;

  b->after_paint = g_get_monotonic_time ();
  b->frame_cpu_ms = thread_cpu_ms () - b->before_paint_cpu;
  b->n_frames++;
  b->last_interval_ms = b->last_frame_time ? (frame_time - b->last_frame_time) / 1000.0 : 0;
  b->last_frame_time = frame_time;
  /* Our layout and paint handlers run after GTK's, which were connected when the
   * window was realized: each stamp is the end of that phase. */
  b->last_layout_ms = (MAX (b->layout_done, b->before_paint) - b->before_paint) / 1000.0;
  b->last_paint_ms = (b->after_paint - MAX (b->layout_done, b->before_paint)) / 1000.0;
  if (b->ready != NULL && b->ready_at == 0 && b->ready (b))
    b->ready_at = b->after_paint;
}

static void
watch_frame_clock (Bench *b)
{
  b->clock = gtk_widget_get_frame_clock (GTK_WIDGET (b->window));
  g_assert_nonnull (b->clock);
  g_signal_connect (b->clock, "before-paint", G_CALLBACK (on_before_paint_cb), b);
  g_signal_connect (b->clock, "layout", G_CALLBACK (on_layout_cb), b);
  g_signal_connect (b->clock, "paint", G_CALLBACK (on_paint_cb), b);
  g_signal_connect (b->clock, "after-paint", G_CALLBACK (on_after_paint_cb), b);
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until a frame is painted with @ready true; returns the time from
 * @t0 (monotonic µs) to that frame's after-paint in ms, or -1 after a minute. */
static double
wait_painted (Bench     *b,
              gint64     t0,
              ReadyFunc  ready)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (WAIT_TIMEOUT_MS, on_timeout_cb, &timed_out);

  b->ready = ready;
  b->ready_at = 0;
  /* The state may already be there: the next frame painted shows it. */
  gtk_widget_queue_draw (GTK_WIDGET (b->window));
  while (b->ready_at == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  b->ready = NULL;
  if (timed_out)
    {
      b->failed = TRUE;
      return -1;
    }
  return (b->ready_at - t0) / 1000.0;
}

/* Waits for the next frame painted after now. */
static void
wait_next_frame (Bench *b)
{
  guint64 n = b->n_frames;
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (WAIT_TIMEOUT_MS, on_timeout_cb, &timed_out);

  while (b->n_frames == n && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  else
    b->failed = TRUE;
}

/* Statistics. */

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_double);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

static double
median (GArray *values)
{
  return percentile (values, 0.5);
}

static const char *
verdict (gboolean pass)
{
  return pass ? "PASS" : "FAIL";
}

/* Memory, from /proc/self/status, in kB. */
typedef struct
{
  gulong rss;
  gulong anon;
  gulong file;
  gulong peak;          /* VmHWM: the most the process was resident */
} Memory;

static Memory
read_memory (void)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;
  Memory m = { 0 };

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return m;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "VmRSS:"))
        m.rss = strtoul (lines[i] + 6, NULL, 10);
      else if (g_str_has_prefix (lines[i], "RssAnon:"))
        m.anon = strtoul (lines[i] + 8, NULL, 10);
      else if (g_str_has_prefix (lines[i], "RssFile:"))
        m.file = strtoul (lines[i] + 8, NULL, 10);
      else if (g_str_has_prefix (lines[i], "VmHWM:"))
        m.peak = strtoul (lines[i] + 6, NULL, 10);
    }
  return m;
}

/* What the application asks SQLite, from its connection's profile callback. */

static int
on_sql_profile_cb (unsigned int  type,
                   void         *data,
                   void         *p,
                   void         *x)
{
  Bench *b = data;
  const char *text = sqlite3_sql (p);
  double ms = *(sqlite3_int64 *) x / 1e6;
  SqlCost *cost;

  if (text == NULL)
    return 0;
  cost = g_hash_table_lookup (b->sql, text);
  if (cost == NULL)
    {
      cost = g_new0 (SqlCost, 1);
      cost->text = g_strdup (text);
      g_hash_table_insert (b->sql, (gpointer) cost->text, cost);
    }
  cost->n++;
  cost->ms += ms;
  b->sql_n++;
  b->sql_ms += ms;
  return 0;
}

static void
sql_cost_free (SqlCost *cost)
{
  g_free ((char *) cost->text);
  g_free (cost);
}

static void
watch_sql (Bench *b)
{
  const GError *error = NULL;
  DocketStore *store = docket_application_get_store (b->app, &error);

  g_assert_nonnull (store);
  b->sql = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) sql_cost_free);
  sqlite3_trace_v2 (_docket_store_get_db (store), SQLITE_TRACE_PROFILE, on_sql_profile_cb, b);
}

static void
sql_reset (Bench *b)
{
  g_hash_table_remove_all (b->sql);
  b->sql_n = 0;
  b->sql_ms = 0;
}

static int
compare_cost (gconstpointer a,
              gconstpointer b)
{
  double x = (*(SqlCost * const *) a)->ms, y = (*(SqlCost * const *) b)->ms;
  return (x < y) - (x > y);
}

/* One line: the statements run since sql_reset (), and the costliest two. */
static void
print_sql (Bench      *b,
           const char *indent)
{
  g_autoptr(GPtrArray) costs = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, b->sql);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (costs, value);
  printf ("%sSQL on the main thread: %u statements, %.1f ms", indent, b->sql_n, b->sql_ms);
  g_ptr_array_sort (costs, compare_cost);
  for (guint i = 0; i < MIN (2, costs->len); i++)
    {
      SqlCost *cost = g_ptr_array_index (costs, i);
      g_autofree char *flat = g_strndup (cost->text, 90);

      g_strdelimit (flat, "\n", ' ');
      printf ("; %u× %.1f ms «%s…»", cost->n, cost->ms, flat);
    }
  printf ("\n");
}

/* The records. */

static void
add_meetings (Bench       *b,
              DocketStore *store)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  g_autoptr(GError) error = NULL;
  DocketId conclusions[N_CONCLUSIONS];

  g_assert_true (_docket_store_begin_write (store, &error));
  for (int m = 0; m < 3; m++)
    {
      g_autoptr(DocketMeeting) meeting = docket_meeting_new ();
      DocketId id;

      meeting->title = m == 0 ? g_strdup ("Giao ban tháng 7") : g_strdup_printf ("Họp trống %d", m);
      meeting->date = b->today;
      meeting->kind = DOCKET_MEETING_KIND_REGULAR;
      id = docket_store_add_meeting (store, meeting, &error);
      g_assert_no_error (error);
      if (m == 0)
        b->full_meeting = id;
      else
        b->empty_meetings[m - 1] = id;
    }
  for (guint c = 0; c < b->n_conclusions; c++)
    {
      g_autofree char *text = docket_bench_random_content (rand, c + 1);
      DocketConclusion conclusion = { .meeting_id = b->full_meeting, .text = text };

      conclusions[c] = docket_store_add_conclusion (store, &conclusion, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < b->n_meeting_items; i++)
    {
      g_autofree char *content = docket_bench_random_content (rand, i + 1);
      DocketId coordinating[] = { 1 + (i + 7) % 300 };
      DocketItem item = {
        .meeting_id = b->full_meeting,
        .conclusion_id = conclusions[i % b->n_conclusions],
        .content = content,
        .lead_unit_id = 1 + i % 300,
        .deadline = docket_date_add_days (b->today, 30 + (int) i % 60),
        .coordinating_unit_ids = coordinating,
        .n_coordinating = i % 3 == 0 ? 1 : 0,
      };

      docket_store_add_item (store, &item, &error);
      g_assert_no_error (error);
    }
  g_assert_true (_docket_store_commit (store, &error));
}

static DocketId
find_meeting (DocketStore *store,
              const char  *title)
{
  sqlite3_stmt *stmt = NULL;
  DocketId id = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (_docket_store_get_db (store),
                                       "SELECT id FROM meetings WHERE title = ?", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

/* A database kept by an earlier run (DOCKET_BENCH_KEEP): its meetings are found by
 * their titles; FALSE when it is not one of ours at this scale. */
static gboolean
reuse_database (Bench       *b,
                DocketStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (_docket_store_get_db (store), "SELECT count(*) FROM items", -1,
                          &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (n != (gint64) b->n_items + b->n_meeting_items)
    return FALSE;
  b->full_meeting = find_meeting (store, "Giao ban tháng 7");
  b->empty_meetings[0] = find_meeting (store, "Họp trống 1");
  b->empty_meetings[1] = find_meeting (store, "Họp trống 2");
  if (b->full_meeting == 0 || b->empty_meetings[0] == 0 || b->empty_meetings[1] == 0)
    return FALSE;
  printf ("using the kept database of %" G_GINT64_FORMAT " items\n", n);
  return TRUE;
}

static void
make_database (Bench      *b,
               const char *path,
               gboolean    full)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = docket_store_open (path, &error);

  g_assert_no_error (error);
  docket_store_set_actor (store, "bench");
  if (!full)
    return;
  if (g_getenv ("DOCKET_BENCH_KEEP") != NULL && reuse_database (b, store))
    return;
  docket_bench_generate (_docket_store_get_db (store), b->n_items,
                         MAX (50, b->n_items / 20), 300, b->today);
  add_meetings (b, store);
}

/* The application. */

static void
start_application (Bench      *b,
                   const char *database,
                   const char *area)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  /* GSETTINGS_BACKEND=memory: the settings live in this process only. */
  g_settings_set_string (settings, "last-area", area);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_setenv ("DOCKET_DATABASE", database, TRUE);
  b->app = g_object_new (DOCKET_TYPE_APPLICATION,
                         "application-id", APP_ID,
                         "flags", G_APPLICATION_NON_UNIQUE,
                         "resource-base-path", RESOURCE_PREFIX,
                         NULL);
  g_application_register (G_APPLICATION (b->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (b->app));
  b->window = DOCKET_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (b->app)));
  g_assert_true (DOCKET_IS_WINDOW (b->window));
  watch_frame_clock (b);
}

/* The main loop does not run again after the window is gone: the items area stays
 * connected to the store after its dispose, and a change the window's teardown makes
 * (the meeting editor stores what is typed) would run its reload on a disposed view. */
static void
stop_application (Bench *b)
{
  gtk_window_destroy (GTK_WINDOW (b->window));
  g_clear_object (&b->app);
}

static gboolean
window_ready (Bench *b)
{
  return gtk_widget_get_mapped (GTK_WIDGET (b->window));
}

static gboolean
items_rows_ready (Bench *b)
{
  GtkColumnView *view = column_view (b);

  if (b->n_items > 0 && !shows_loaded_rows (GTK_WIDGET (view)))
    return FALSE;
  return gtk_widget_get_mapped (GTK_WIDGET (view)) || b->n_items == 0;
}

static void
pin_today (Bench *b)
{
  docket_items_view_set_today (DOCKET_ITEMS_VIEW (window_widget (b, DOCKET_TYPE_ITEMS_VIEW)), b->today);
  docket_dashboard_view_set_today (DOCKET_DASHBOARD_VIEW (window_widget (b, DOCKET_TYPE_DASHBOARD_VIEW)),
                                   b->today);
}

/* Issue 6: the meeting editor. */

static gboolean
editor_ready (Bench *b)
{
  GtkWidget *editor = window_widget (b, DOCKET_TYPE_MEETING_EDITOR);

  if (!gtk_widget_get_mapped (editor) ||
      docket_meeting_editor_get_meeting (DOCKET_MEETING_EDITOR (editor)) != b->awaited_meeting)
    return FALSE;
  return b->awaited_meeting != b->full_meeting || shows_type (editor, DOCKET_TYPE_ITEM_EDIT_ROW);
}

static guint
count_type (GtkWidget *root,
            GType      type)
{
  guint n = 0;

  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return 1;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_type (child, type);
  return n;
}

/* The page builds its conclusions over several frames: this one shows them all. */
static gboolean
editor_complete (Bench *b)
{
  GtkWidget *editor = window_widget (b, DOCKET_TYPE_MEETING_EDITOR);

  return editor_ready (b) && count_type (editor, DOCKET_TYPE_ITEM_EDIT_ROW) == b->n_meeting_items;
}

typedef struct
{
  double total;    /* activation to after-paint */
  double total_cpu;    /* the same, main-thread CPU time */
  double complete; /* activation to the after-paint of the page with every item row */
  double complete_cpu; /* the same, main-thread CPU time */
  double build;    /* inside the activation: the editor builds its rows */
  double layout;   /* the painted frame: up to the end of layout */
  double paint;    /* the painted frame: snapshot and render */
} Opening;

static Opening
open_meeting (Bench    *b,
              DocketId  id)
{
  Opening o;
  gint64 t0, t1;
  double cpu0;

  b->awaited_meeting = id;
  cpu0 = thread_cpu_ms ();
  t0 = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (b->window), "win.show-meeting", "x", (gint64) id);
  t1 = g_get_monotonic_time ();
  o.total = wait_painted (b, t0, editor_ready);
  o.total_cpu = thread_cpu_ms () - cpu0;
  o.build = (t1 - t0) / 1000.0;
  o.layout = b->last_layout_ms;
  o.paint = b->last_paint_ms;
  o.complete = id == b->full_meeting ? wait_painted (b, t0, editor_complete) : o.total;
  o.complete_cpu = thread_cpu_ms () - cpu0;
  settle (150);
  return o;
}

static void
measure_meeting (Bench   *b,
                 gboolean smoke)
{
  guint rounds = smoke ? 1 : 5;
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) build = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) complete = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) complete_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  Opening first_full, first_empty;
  double m_full, m_empty;

  printf ("\nIssue 6: opening a meeting (%u conclusions, %u items) against an empty one\n"
          "  method: win.show-meeting activated with the meetings area shown and another empty\n"
          "  meeting open; time to the after-paint of the first frame of the window's frame clock\n"
          "  in which the editor (and, for the full meeting, an item row) is mapped.  Each\n"
          "  opening starts from an empty meeting, so neither pays for tearing down the other.\n"
          "  First openings are cold (templates, CSS); the budget is checked on the medians of\n"
          "  %u warm openings.\n", b->n_conclusions, b->n_meeting_items, rounds);
  gtk_widget_activate_action (GTK_WIDGET (b->window), "win.show-area", "s", "meetings");
  open_meeting (b, b->empty_meetings[1]);
  first_empty = open_meeting (b, b->empty_meetings[0]);
  open_meeting (b, b->empty_meetings[1]);
  first_full = open_meeting (b, b->full_meeting);
  for (guint i = 0; i < rounds; i++)
    {
      Opening o;

      open_meeting (b, b->empty_meetings[1]);
      o = open_meeting (b, b->empty_meetings[0]);
      g_array_append_val (empty, o.total);
      g_array_append_val (empty_cpu, o.total_cpu);
      open_meeting (b, b->empty_meetings[1]);
      sql_reset (b);
      o = open_meeting (b, b->full_meeting);
      g_array_append_val (full, o.total);
      g_array_append_val (build, o.build);
      g_array_append_val (layout, o.layout);
      g_array_append_val (paint, o.paint);
      g_array_append_val (complete, o.complete);
      g_array_append_val (full_cpu, o.total_cpu);
      g_array_append_val (complete_cpu, o.complete_cpu);
    }
  m_full = median (full);
  m_empty = median (empty);
  printf ("  first (cold) opening: empty %.1f ms, full %.1f ms\n", first_empty.total, first_full.total);
  printf ("  empty meeting: median %.1f ms (min %.1f, max %.1f)\n", m_empty,
          percentile (empty, 0), percentile (empty, 1));
  printf ("  full meeting:  median %.1f ms (min %.1f, max %.1f)   budget <= 150 ms: %s\n", m_full,
          percentile (full, 0), percentile (full, 1), verdict (m_full <= 150));
  printf ("  ratio full/empty: %.1f   budget <= 3: %s\n", m_full / m_empty, verdict (m_full / m_empty <= 3));
  printf ("  where the full opening goes (medians): building the rows inside the action\n"
          "  (docket_meeting_editor_set_meeting) %.1f ms; the first frame: update+layout %.1f ms,\n"
          "  snapshot+render %.1f ms; the rest is waiting for the frame clock's tick\n",
          median (build), median (layout), median (paint));
  printf ("  main-thread CPU time to the first frame (medians): empty %.1f ms, full %.1f ms\n",
          median (empty_cpu), median (full_cpu));
  printf ("  the full page, every item row shown (built over the frames after the first):\n"
          "  median %.1f ms (min %.1f, max %.1f); main-thread CPU time median %.1f ms\n",
          median (complete), percentile (complete, 0), percentile (complete, 1),
          median (complete_cpu));
  print_sql (b, "  last full opening: ");
}

/* Issue 7: the items area. */

static void
on_model_reloaded_cb (DocketPagedModel *model,
                      Bench            *b)
{
  if (!b->model_changed)
    {
      b->model_changed_at = g_get_monotonic_time ();
      b->sql_ms_at_change = b->sql_ms;
    }
  b->model_changed = TRUE;
}

static gboolean
new_rows_ready (Bench *b)
{
  return b->model_changed && items_rows_ready (b);
}

static double
open_items_area (Bench *b)
{
  gint64 t0;

  gtk_widget_activate_action (GTK_WIDGET (b->window), "win.show-area", "s", "dashboard");
  settle (300);
  sql_reset (b);
  t0 = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (b->window), "win.show-area", "s", "items");
  return wait_painted (b, t0, items_rows_ready);
}

typedef struct
{
  GArray *work;      /* set_value and the frame that follows, ms */
  GArray *frame;     /* that frame alone, before-paint to after-paint, ms */
  GArray *interval;  /* between frame times (GdkFrameTimings), ms */
  GArray *cpu;       /* the main thread's CPU time in "work", ms */
  GArray *set;       /* the phases of "work": gtk_adjustment_set_value (), */
  GArray *layout;    /* the frame's update and layout, */
  GArray *paint;     /* and its snapshot and render, ms */
  double  worst;     /* the costliest step, and the SQL it ran, ms */
  double  worst_sql;
  guint   n_blank;   /* frames painted with rows not read yet (placeholders) */
} Scroll;

static void
scroll_init (Scroll *s)
{
  s->work = g_array_new (FALSE, FALSE, sizeof (double));
  s->frame = g_array_new (FALSE, FALSE, sizeof (double));
  s->interval = g_array_new (FALSE, FALSE, sizeof (double));
  s->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  s->set = g_array_new (FALSE, FALSE, sizeof (double));
  s->layout = g_array_new (FALSE, FALSE, sizeof (double));
  s->paint = g_array_new (FALSE, FALSE, sizeof (double));
  s->worst = s->worst_sql = 0;
  s->n_blank = 0;
}

static void
scroll_clear (Scroll *s)
{
  g_array_unref (s->work);
  g_array_unref (s->frame);
  g_array_unref (s->interval);
  g_array_unref (s->cpu);
  g_array_unref (s->set);
  g_array_unref (s->layout);
  g_array_unref (s->paint);
}

/* Moves the list to @value and waits for the frame that shows it; what it cost is
 * the time spent in gtk_adjustment_set_value () (the list view moves its anchor and
 * may read rows there) plus the frame's own work, not the wait for the clock. */
static gboolean
scroll_step (Bench         *b,
             GtkAdjustment *adj,
             double         value,
             Scroll        *s)
{
  gint64 t0 = g_get_monotonic_time (), t1;
  double before = gtk_adjustment_get_value (adj);
  double sql = b->sql_ms;
  double cpu0 = thread_cpu_ms (), cpu_set, cpu_frame;
  double work, frame;

  gtk_adjustment_set_value (adj, value);
  t1 = g_get_monotonic_time ();
  cpu_set = thread_cpu_ms () - cpu0;
  if (gtk_adjustment_get_value (adj) == before)
    return FALSE;
  wait_next_frame (b);
  cpu_frame = b->frame_cpu_ms + cpu_set;
  g_array_append_val (s->cpu, cpu_frame);
  frame = (b->after_paint - b->before_paint) / 1000.0;
  work = (t1 - t0) / 1000.0 + frame;
  g_array_append_val (s->work, work);
  g_array_append_val (s->frame, frame);
  work = (t1 - t0) / 1000.0;
  g_array_append_val (s->set, work);
  g_array_append_val (s->layout, b->last_layout_ms);
  g_array_append_val (s->paint, b->last_paint_ms);
  work += frame;
  s->n_blank += !shows_loaded_rows (GTK_WIDGET (column_view (b)));
  if (work > s->worst)
    {
      s->worst = work;
      s->worst_sql = b->sql_ms - sql;
    }
  if (b->last_interval_ms > 0)
    g_array_append_val (s->interval, b->last_interval_ms);
  return TRUE;
}

static guint
count_over (GArray *values,
            double  limit)
{
  guint n = 0;

  for (guint i = 0; i < values->len; i++)
    n += g_array_index (values, double, i) > limit;
  return n;
}

static void
print_scroll (Bench      *b,
              const char *label,
              Scroll     *s,
              double     *worst)
{
  guint over = 0;
  double max;

  for (guint i = 0; i < s->work->len; i++)
    over += g_array_index (s->work, double, i) > FRAME_BUDGET_MS;
  max = percentile (s->work, 1);
  *worst = MAX (*worst, max);
  printf ("  %-38s %4u frames: work median %5.1f, p95 %6.1f, max %7.1f ms, %u over 16 ms;"
          " frame alone max %.1f ms; frame-time interval median %.1f, max %.1f ms\n",
          label, s->work->len, median (s->work), percentile (s->work, 0.95), max, over,
          percentile (s->frame, 1), median (s->interval), percentile (s->interval, 1));
  printf ("  %-38s main-thread CPU time of the work: median %.1f, max %.1f ms, %u over 16 ms\n",
          "", median (s->cpu), percentile (s->cpu, 1), count_over (s->cpu, FRAME_BUDGET_MS));
  b->worst_scroll_cpu = MAX (b->worst_scroll_cpu, percentile (s->cpu, 1));
  printf ("  %-38s phases (median, p95): set_value %.1f, %.1f; update+layout %.1f, %.1f;"
          " snapshot+render %.1f, %.1f ms\n", "", median (s->set), percentile (s->set, 0.95),
          median (s->layout), percentile (s->layout, 0.95), median (s->paint),
          percentile (s->paint, 0.95));
  printf ("  %-38s SQL in the costliest frame %.1f ms; ", "", s->worst_sql);
  print_sql (b, "");
  printf ("  %-38s %u of %u frames showed rows still being read (blank); ", "", s->n_blank,
          s->work->len);
  {
    /* How long the last position waits for its rows, after its frame. */
    double filled = wait_painted (b, g_get_monotonic_time (), items_rows_ready);

    printf ("the last position's rows were painted %.1f ms after its frame\n", filled);
  }
}

static double
measure_scrolling (Bench   *b,
                   gboolean smoke)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view (b)));
  const char *steps = g_getenv ("DOCKET_BENCH_SCROLL_STEPS");
  guint page_steps = steps ? MAX (3, atoi (steps)) : smoke ? 6 : 300;
  guint sweep_steps = steps ? MAX (3, atoi (steps)) : smoke ? 6 : 500;
  double worst = 0, page, bottom;
  Scroll s;

  settle (200);
  page = gtk_adjustment_get_page_size (adj);
  bottom = gtk_adjustment_get_upper (adj) - page;
  printf ("\n  Scrolling (method: the column view's vadjustment moved in steps, not key events:\n"
          "  each step waits for one frame only, as a held key would; rows not read yet are\n"
          "  blank placeholders, counted, and filled when their page arrives from the worker.\n"
          "  Page Down is one page of the adjustment, End its end.  Per frame, \"work\" is the\n"
          "  time inside gtk_adjustment_set_value () plus the next frame from before-paint to\n"
          "  after-paint (measured in the frame clock's signals); the frame-time interval is\n"
          "  from gdk_frame_clock_get_current_timings ().  A page is %.0f px of %.0f; %u rows)\n",
          page, gtk_adjustment_get_upper (adj), b->n_items);

  scroll_init (&s);
  gtk_adjustment_set_value (adj, 0);
  settle (200);
  sql_reset (b);
  for (guint i = 1; i <= page_steps; i++)
    if (!scroll_step (b, adj, i * page, &s))
      break;
  print_scroll (b, "Page Down from the top", &s, &worst);
  scroll_clear (&s);

  scroll_init (&s);
  gtk_adjustment_set_value (adj, 0);
  settle (200);
  sql_reset (b);
  for (guint i = 1; i <= sweep_steps; i++)
    if (!scroll_step (b, adj, bottom * i / sweep_steps, &s))
      break;
  {
    g_autofree char *label = g_strdup_printf ("top to bottom in %u equal steps", sweep_steps);
    print_scroll (b, label, &s, &worst);
  }
  scroll_clear (&s);

  for (int depth = 0; depth < 3; depth++)
    {
      static const double fractions[] = { 0.1, 0.5, 1.0 };
      static const char * const labels[] = {
        "Page Down at 10 %", "Page Down at 50 %", "Page Up from the bottom",
      };
      double start = bottom * fractions[depth];
      Scroll jump;

      scroll_init (&jump);
      gtk_adjustment_set_value (adj, 0);
      settle (200);
      scroll_step (b, adj, start, &jump);
      scroll_init (&s);
      sql_reset (b);
      for (guint i = 1; i <= page_steps / 3; i++)
        if (!scroll_step (b, adj, depth == 2 ? start - i * page : start + i * page, &s))
          break;
      print_scroll (b, labels[depth], &s, &worst);
      printf ("  %-38s jump from the top there (Ctrl+End/drag): %.1f ms\n", "",
              g_array_index (jump.work, double, 0));
      worst = MAX (worst, g_array_index (jump.work, double, 0));
      scroll_clear (&jump);
      scroll_clear (&s);
    }
  gtk_adjustment_set_value (adj, 0);
  settle (300);
  printf ("  worst frame while scrolling: %.1f ms   budget <= 16 ms: %s\n", worst,
          verdict (worst <= FRAME_BUDGET_MS));
  printf ("  (its main-thread CPU time, which other programs on the machine do not inflate:\n"
          "  worst step %.1f ms)\n", b->worst_scroll_cpu);
  return worst;
}

static double
change_and_wait (Bench                *b,
                 const char           *label,
                 GtkColumnViewColumn  *column,
                 GtkSortType           direction,
                 GtkListBoxRow        *row)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (column_view (b));
  GListModel *model = gtk_multi_selection_get_model (GTK_MULTI_SELECTION (selection));
  gulong handler;
  gint64 t0;
  double t, cpu0, cpu;

  /* The paged model keeps its rows' objects and says it has the new list when it has
   * (an items-changed comes only when the length changes). */
  g_assert_true (DOCKET_IS_PAGED_MODEL (model));
  handler = g_signal_connect (model, "reloaded", G_CALLBACK (on_model_reloaded_cb), b);

  b->model_changed = FALSE;
  sql_reset (b);
  cpu0 = thread_cpu_ms ();
  t0 = g_get_monotonic_time ();
  if (column != NULL)
    gtk_column_view_sort_by_column (column_view (b), column, direction);
  else
    gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row))), row);
  t = wait_painted (b, t0, new_rows_ready);
  cpu = thread_cpu_ms () - cpu0;
  g_signal_handler_disconnect (model, handler);
  printf ("  %-38s %7.1f ms (main-thread CPU %.1f ms)\n", label, t, cpu);
  printf ("    the list model had the new list after %.1f ms (%.1f ms of SQL by then); "
          "painted frame %.1f ms (layout %.1f, render %.1f)\n",
          (b->model_changed_at - t0) / 1000.0, b->sql_ms_at_change,
          (b->after_paint - b->before_paint) / 1000.0, b->last_layout_ms, b->last_paint_ms);
  settle (200);
  return t;
}

static GtkListBoxRow *
find_view_row (GtkWidget *root)
{
  /* The sidebar's rows carry their view; the Overdue one is not 0 (NULL). */
  if (GTK_IS_LIST_BOX_ROW (root) &&
      g_object_get_data (G_OBJECT (root), "docket-view") == GINT_TO_POINTER (DOCKET_ITEM_VIEW_OVERDUE))
    return GTK_LIST_BOX_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBoxRow *found = find_view_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkListBoxRow *
view_row (Bench          *b,
          DocketItemView  view)
{
  GtkListBoxRow *overdue = find_view_row (window_widget (b, DOCKET_TYPE_ITEMS_VIEW));
  GtkListBox *box;

  g_assert_nonnull (overdue);
  box = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (overdue)));
  /* The first row is "My Units", then the store's views in order. */
  return gtk_list_box_get_row_at_index (box, (int) view + 1);
}

static GtkColumnViewColumn *
dup_column (Bench *b,
            guint  position)
{
  return g_list_model_get_item (gtk_column_view_get_columns (column_view (b)), position);
}

static double
measure_sort_and_filter (Bench *b)
{
  /* Positions in the .ui: star, content, lead, coordinating, deadline, days, status,
   * meeting. */
  static const struct { guint column; GtkSortType direction; const char *label; } sorts[] = {
    { 1, GTK_SORT_ASCENDING, "sort by content" },
    { 7, GTK_SORT_DESCENDING, "sort by meeting date, descending" },
    { 4, GTK_SORT_ASCENDING, "sort by deadline" },
  };
  static const struct { DocketItemView view; const char *label; } views[] = {
    { DOCKET_ITEM_VIEW_OVERDUE, "view: Overdue" },
    { DOCKET_ITEM_VIEW_STARRED, "view: Starred" },
    { DOCKET_ITEM_VIEW_ALL, "view: All" },
  };
  double worst = 0;

  printf ("\n  Changing the order or the view (method: gtk_column_view_sort_by_column (), or\n"
          "  gtk_list_box_select_row () on the sidebar's row; time to the after-paint of the first\n"
          "  frame after the list model has the new list (its \"reloaded\" signal), with the item\n"
          "  cells on screen showing rows read, not placeholders)\n");
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = dup_column (b, sorts[i].column);
      double t = change_and_wait (b, sorts[i].label, column, sorts[i].direction, NULL);

      print_sql (b, "    ");
      worst = MAX (worst, t);
    }
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      double t = change_and_wait (b, views[i].label, NULL, 0, view_row (b, views[i].view));

      print_sql (b, "    ");
      worst = MAX (worst, t);
    }
  printf ("  worst: %.1f ms   budget <= 100 ms: %s\n", worst, verdict (worst <= 100));
  return worst;
}

static gboolean
dashboard_ready (Bench *b)
{
  DocketDashboardView *view = DOCKET_DASHBOARD_VIEW (window_widget (b, DOCKET_TYPE_DASHBOARD_VIEW));

  return gtk_widget_get_mapped (GTK_WIDGET (view)) && !docket_dashboard_view_is_busy (view) &&
         docket_dashboard_view_get_report (view) != NULL;
}

static double
measure_dashboard (Bench   *b,
                   gboolean smoke)
{
  DocketDashboardView *view = DOCKET_DASHBOARD_VIEW (window_widget (b, DOCKET_TYPE_DASHBOARD_VIEW));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layouts = g_array_new (FALSE, FALSE, sizeof (double));
  double m, open;
  gint64 t0;

  gtk_widget_activate_action (GTK_WIDGET (b->window), "win.show-area", "s", "meetings");
  settle (200);
  t0 = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (b->window), "win.show-area", "s", "dashboard");
  open = wait_painted (b, t0, dashboard_ready);
  for (guint i = 0; i < (smoke ? 1u : 5u); i++)
    {
      double t, cpu;

      docket_dashboard_view_set_period (view, DOCKET_DASHBOARD_PERIOD_ALL);
      wait_painted (b, g_get_monotonic_time (), dashboard_ready);
      settle (200);
      cpu = thread_cpu_ms ();
      t0 = g_get_monotonic_time ();
      docket_dashboard_view_set_period (view, DOCKET_DASHBOARD_PERIOD_YEAR);
      t = wait_painted (b, t0, dashboard_ready);
      cpu = thread_cpu_ms () - cpu;
      g_array_append_val (times, t);
      g_array_append_val (cpus, cpu);
      g_array_append_val (frames, b->frame_cpu_ms);
      g_array_append_val (layouts, b->last_layout_ms);
      settle (200);
    }
  m = median (times);
  printf ("\n  Dashboard for a year (method: docket_dashboard_view_set_period (YEAR) from \"All\n"
          "  time\", with the dashboard shown: the report is counted by a worker in two halves\n"
          "  on two connections at once; time to the after-paint of the first frame after it\n"
          "  is shown):\n"
          "  median %.1f ms (min %.1f, max %.1f) of %u   budget <= 150 ms: %s\n"
          "  (main-thread CPU time over the same span: median %.1f ms, max %.1f ms; the\n"
          "  rest is the worker's counting and waiting for a core; of it, the painted frame:\n"
          "  median %.1f ms of CPU, its layout %.1f ms of wall time)\n"
          "  (switching to the dashboard area, which counts the year then: %.1f ms)\n",
          m, percentile (times, 0), percentile (times, 1), times->len, verdict (m <= 150),
          median (cpus), percentile (cpus, 1), median (frames), median (layouts), open);
  return m;
}

/* The units area: its rows painted, then its figures counted. */

static gboolean
units_shown (Bench *b)
{
  GtkWidget *row = window_widget (b, DOCKET_TYPE_UNIT_ROW);

  return row != NULL && gtk_widget_get_mapped (row);
}

static gboolean
units_counted (Bench *b)
{
  DocketUnitsView *view = DOCKET_UNITS_VIEW (window_widget (b, DOCKET_TYPE_UNITS_VIEW));

  return units_shown (b) && !docket_units_view_is_counting (view);
}

static void
measure_units (Bench *b)
{
  double shown, counted, cpu;
  gint64 t0;

  gtk_widget_activate_action (GTK_WIDGET (b->window), "win.show-area", "s", "meetings");
  settle (200);
  cpu = thread_cpu_ms ();
  t0 = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (b->window), "win.show-area", "s", "units");
  shown = wait_painted (b, t0, units_shown);
  cpu = thread_cpu_ms () - cpu;
  counted = wait_painted (b, t0, units_counted);
  printf ("\n  Units area, first shown (method: win.show-area \"units\" from the meetings area,\n"
          "  the first time; to the after-paint of the first frame with a unit's row mapped,\n"
          "  then of the first frame with every unit's figures counted over all time):\n"
          "  %u units: rows painted after %.1f ms (main-thread CPU %.1f ms); figures after %.1f ms\n",
          docket_units_view_get_n_shown (DOCKET_UNITS_VIEW (window_widget (b, DOCKET_TYPE_UNITS_VIEW))),
          shown, cpu, counted);
}

/* The memory child: this program again, with --memory DATABASE. */

static int
run_memory_child (const char *database)
{
  Bench b = { 0 };
  Memory open, browsed;
  DocketReminderService *reminders;
  DocketItemsView *view;
  GtkAdjustment *adj;
  double startup;
  gint64 t0;

  b.today = D (2026, 7, 15);
  t0 = g_get_monotonic_time ();
  start_application (&b, database, "items");
  /* The list is counted by a worker: what it shows is known once it has answered. */
  view = DOCKET_ITEMS_VIEW (window_widget (&b, DOCKET_TYPE_ITEMS_VIEW));
  while (docket_items_view_is_busy (view))
    g_main_context_iteration (NULL, TRUE);
  b.n_items = docket_items_view_get_n_shown (view);
  startup = wait_painted (&b, t0, items_rows_ready);
  /* The start's reminder pass runs in a worker: the area's memory is read once it
   * is done (its peak is the VmHWM printed too). */
  reminders = docket_application_get_reminders (b.app);
  while (reminders != NULL && docket_reminder_service_is_busy (reminders))
    g_main_context_iteration (NULL, TRUE);
  settle (1000);
  open = read_memory ();
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view (&b)));
  for (int i = 1; i <= 40; i++)
    {
      double before = gtk_adjustment_get_value (adj);

      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) * i / 40);
      if (gtk_adjustment_get_value (adj) != before)
        wait_next_frame (&b);
    }
  settle (500);
  browsed = read_memory ();
  printf ("memory %lu %lu %lu %lu %lu %lu %.1f %u %lu\n", open.rss, open.anon, open.file,
          browsed.rss, browsed.anon, browsed.file, startup, b.n_items, browsed.peak);
  stop_application (&b);
  return b.failed ? 1 : 0;
}

typedef struct
{
  gulong rss, anon, file;
  gulong browsed_rss, browsed_anon, browsed_file;
  gulong peak;
  double startup;
  guint  n_items;
} ChildMemory;

static gboolean
spawn_memory_child (const char  *database,
                    ChildMemory *out)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self, "--memory", database, NULL };
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *line;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                     &status, &error))
    g_error ("%s", error->message);
  line = output != NULL ? strstr (output, "memory ") : NULL;
  if (!g_spawn_check_wait_status (status, NULL) || line == NULL ||
      sscanf (line, "memory %lu %lu %lu %lu %lu %lu %lf %u %lu", &out->rss, &out->anon, &out->file,
              &out->browsed_rss, &out->browsed_anon, &out->browsed_file, &out->startup,
              &out->n_items, &out->peak) != 9)
    {
      printf ("  the memory child failed on %s:\n%s\n", database, output ? output : "");
      return FALSE;
    }
  return TRUE;
}

static double
measure_memory (const char *empty_db,
                const char *full_db,
                Bench      *b)
{
  ChildMemory empty = { 0 }, full = { 0 };
  double ratio;

  printf ("\n  Resident memory (method: two child processes, this program with --memory, each\n"
          "  starting the application on its database with the items area as the last area,\n"
          "  waiting for the first painted rows and for the start's reminder pass (a worker),\n"
          "  and 1 s more, then reading VmRSS (RssAnon + RssFile) from /proc/self/status; then\n"
          "  scrolling through the list in 40 jumps)\n");
  if (!spawn_memory_child (empty_db, &empty) || !spawn_memory_child (full_db, &full))
    {
      b->failed = TRUE;
      return -1;
    }
  ratio = (double) full.rss / empty.rss;
  printf ("  empty database: VmRSS %lu kB (anon %lu, file %lu)\n", empty.rss, empty.anon, empty.file);
  printf ("  %u items:  VmRSS %lu kB (anon %lu, file %lu)\n", full.n_items, full.rss, full.anon, full.file);
  printf ("  ratio %.2f   budget <= 1.5: %s\n", ratio, verdict (ratio <= 1.5));
  printf ("  after scrolling through: empty %lu kB, %u items %lu kB (anon %lu, file %lu), ratio %.2f\n",
          empty.browsed_rss, full.n_items, full.browsed_rss, full.browsed_anon, full.browsed_file,
          (double) full.browsed_rss / empty.browsed_rss);
  printf ("  peak resident memory (VmHWM, the start's reminder pass included): empty %lu kB,\n"
          "  %u items %lu kB\n", empty.peak, full.n_items, full.peak);
  printf ("  (also: the window opening on the items area, from g_application_activate () to the\n"
          "  first painted rows, all its queries included: empty %.1f ms, %u items %.1f ms)\n",
          empty.startup, full.n_items, full.startup);
  return ratio;
}

static gboolean
has_display (void)
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  return (x11 != NULL && *x11 != '\0') || (wayland != NULL && *wayland != '\0');
}

int
main (int    argc,
      char **argv)
{
  double scale = docket_bench_get_scale ();
  gboolean smoke = scale < 0.1;
  gboolean only_meeting = g_strcmp0 (g_getenv ("DOCKET_BENCH_ONLY"), "meeting") == 0;
  gboolean only_items = g_strcmp0 (g_getenv ("DOCKET_BENCH_ONLY"), "items") == 0;
  gboolean only_dashboard = g_strcmp0 (g_getenv ("DOCKET_BENCH_ONLY"), "dashboard") == 0;
  gboolean only_memory = g_strcmp0 (g_getenv ("DOCKET_BENCH_ONLY"), "memory") == 0;
  gboolean only_units = g_strcmp0 (g_getenv ("DOCKET_BENCH_ONLY"), "units") == 0;
  g_autofree char *dir = NULL;
  g_autofree char *full_db = NULL;
  g_autofree char *empty_db = NULL;
  g_autoptr(GError) error = NULL;
  Bench b = { 0 };
  double startup, open_items, startup_cpu, activated, activated_cpu;
  gint64 t0;

  /* The figures come as they are measured, also through a pipe. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  if (!has_display ())
    {
      printf ("No display: skipped (run under xvfb-run)\n");
      return 77;
    }
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  docket_application_setup_i18n ();
  gtk_init ();
  adw_init ();
  if (argc == 3 && strcmp (argv[1], "--memory") == 0)
    return run_memory_child (argv[2]);

  b.today = D (2026, 7, 15);
  b.n_items = MAX (1000, (guint) (1000000 * scale));
  /* The smoke run, under sanitizers too, cannot wait for 300 rows. */
  b.n_conclusions = smoke && !only_meeting ? 5 : N_CONCLUSIONS;
  b.n_meeting_items = smoke && !only_meeting ? 30 : N_MEETING_ITEMS;
  if (g_getenv ("DOCKET_BENCH_KEEP") != NULL)
    {
      dir = g_strdup (g_getenv ("DOCKET_BENCH_KEEP"));
      g_mkdir_with_parents (dir, 0700);
    }
  else
    {
      dir = g_dir_make_tmp ("docket-bench-ui-XXXXXX", &error);
      g_assert_no_error (error);
    }
  full_db = g_build_filename (dir, "full.db", NULL);
  empty_db = g_build_filename (dir, "empty.db", NULL);
  printf ("Docket UI benchmark, scale %.3g, GTK %u.%u.%u, libadwaita %u.%u.%u, GSK_RENDERER=%s, "
          "GDK_DEBUG=%s, animations off\n", scale, gtk_get_major_version (), gtk_get_minor_version (),
          gtk_get_micro_version (), adw_get_major_version (), adw_get_minor_version (),
          adw_get_micro_version (), g_getenv ("GSK_RENDERER"), g_getenv ("GDK_DEBUG"));
  make_database (&b, full_db, TRUE);
  make_database (&b, empty_db, FALSE);

  if (only_meeting)
    {
      start_application (&b, full_db, "meetings");
      wait_painted (&b, g_get_monotonic_time (), window_ready);
      watch_sql (&b);
      settle (500);
      measure_meeting (&b, FALSE);
      stop_application (&b);
      if (g_getenv ("DOCKET_BENCH_KEEP") == NULL)
        docket_bench_remove_tmpdir (dir);
      return b.failed ? 1 : 0;
    }

  printf ("\nIssue 7: the items area over %u items\n", b.n_items);
  if (g_getenv ("DOCKET_BENCH_NO_MEMORY") == NULL && !only_items && !only_dashboard)
    measure_memory (empty_db, full_db, &b);
  if (only_memory)
    {
      if (g_getenv ("DOCKET_BENCH_KEEP") == NULL)
        docket_bench_remove_tmpdir (dir);
      return b.failed ? 1 : 0;
    }

  startup_cpu = thread_cpu_ms ();
  t0 = g_get_monotonic_time ();
  start_application (&b, full_db, "meetings");
  activated = (g_get_monotonic_time () - t0) / 1000.0;
  activated_cpu = thread_cpu_ms () - startup_cpu;
  startup = wait_painted (&b, t0, window_ready);
  startup_cpu = thread_cpu_ms () - startup_cpu;
  watch_sql (&b);
  pin_today (&b);
  settle (500);
  {
    int width = gtk_widget_get_width (GTK_WIDGET (b.window));
    int height = gtk_widget_get_height (GTK_WIDGET (b.window));

    printf ("\n  Opening the window (method: g_application_register () and\n"
            "  g_application_activate () with \"meetings\" as the last area, to the after-paint of\n"
            "  the window's first frame; the store opens, the reminders and the backup start, every\n"
            "  area's widgets are made, and the hidden areas read their records when first shown):\n"
            "  window %d×%d painted after %.1f ms (main-thread CPU %.1f ms);\n"
            "  activate () returned after %.1f ms (CPU %.1f ms)\n",
            width, height, startup, startup_cpu, activated, activated_cpu);
  }
  if (only_units)
    {
      measure_units (&b);
      stop_application (&b);
      if (g_getenv ("DOCKET_BENCH_KEEP") == NULL)
        docket_bench_remove_tmpdir (dir);
      return b.failed ? 1 : 0;
    }
  if (only_dashboard)
    {
      measure_dashboard (&b, smoke);
      stop_application (&b);
      if (g_getenv ("DOCKET_BENCH_KEEP") == NULL)
        docket_bench_remove_tmpdir (dir);
      return b.failed ? 1 : 0;
    }
  open_items = open_items_area (&b);
  printf ("\n  Opening the items area (method: win.show-area \"items\" from the dashboard; time to the\n"
          "  after-paint of the first frame with item cells mapped; the list was counted when the\n"
          "  window opened): %.1f ms   budget <= 200 ms: %s\n", open_items, verdict (open_items <= 200));
  print_sql (&b, "    ");
  {
    guint n_cells = 0, n_loaded = 0;

    count_item_cells (GTK_WIDGET (column_view (&b)), &n_cells, &n_loaded);
    printf ("    item cells mapped: %u (%u of them read), in %u columns\n", n_cells, n_loaded,
            g_list_model_get_n_items (gtk_column_view_get_columns (column_view (&b))));
  }
  measure_scrolling (&b, smoke);
  measure_sort_and_filter (&b);
  if (!only_items)
    {
      measure_dashboard (&b, smoke);
      measure_units (&b);
      measure_meeting (&b, smoke);
    }

  stop_application (&b);
  if (g_getenv ("DOCKET_BENCH_KEEP") == NULL)
    docket_bench_remove_tmpdir (dir);
  if (b.failed)
    printf ("\nA frame that was waited for never came: see the figures of -1 above.\n");
  return b.failed ? 1 : 0;
}
