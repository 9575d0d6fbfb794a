/* docket-cli-output.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "docket-cli-output.h"

typedef struct
{
  char          *title;
  DocketCliAlign align;
  gboolean       shrinkable;
} Column;

struct _DocketCliTable
{
  GArray    *columns;  /* Column */
  GPtrArray *rows;     /* GStrv */
};

static void
column_clear (gpointer data)
{
  Column *column = data;
  g_free (column->title);
}

DocketCliTable *
docket_cli_table_new (void)
{
  DocketCliTable *self = g_new0 (DocketCliTable, 1);

  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return self;
}

void
docket_cli_table_free (DocketCliTable *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->columns);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

void
docket_cli_table_add_column (DocketCliTable *self,
                             const char     *title,
                             DocketCliAlign  align,
                             gboolean        shrinkable)
{
  Column column = { g_strdup (title), align, shrinkable };

  g_array_append_val (self->columns, column);
}

void
docket_cli_table_add_rowv (DocketCliTable *self,
                           const char    **cells)
{
  char **row = g_new0 (char *, self->columns->len + 1);

  for (guint i = 0; i < self->columns->len && cells[i] != NULL; i++)
    row[i] = g_strdup (cells[i]);
  for (guint i = 0; i < self->columns->len; i++)
    if (row[i] == NULL)
      row[i] = g_strdup ("");
  g_ptr_array_add (self->rows, row);
}

void
docket_cli_table_add_row (DocketCliTable *self,
                          ...)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  va_list args;
  const char *cell;

  va_start (args, self);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (cells, (gpointer) cell);
  va_end (args);
  g_ptr_array_add (cells, NULL);
  docket_cli_table_add_rowv (self, (const char **) cells->pdata);
}

guint
docket_cli_table_get_n_rows (DocketCliTable *self)
{
  return self->rows->len;
}

/**
 * docket_cli_display_width:
 *
 * The number of terminal cells @text takes: combining marks take none (a decomposed
 * “ế” is one cell), East Asian wide characters two.  Bytes would misalign every
 * Vietnamese name.
 */
guint
docket_cli_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* The longest prefix of @text that fits in @width cells, followed by "…" when cut. */
static char *
truncate_to_width (const char *text,
                   guint       width)
{
  GString *out;
  guint used = 0;

  if (docket_cli_display_width (text) <= width)
    return g_strdup (text);
  if (width == 0)
    return g_strdup ("");

  out = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      if (used + w > width - 1)
        break;
      g_string_append_unichar (out, c);
      used += w;
    }
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static void
append_padded (GString        *out,
               const char     *text,
               guint           width,
               DocketCliAlign  align,
               gboolean        last)
{
  guint w = docket_cli_display_width (text);
  guint pad = width > w ? width - w : 0;

  if (align == DOCKET_CLI_ALIGN_RIGHT)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (align == DOCKET_CLI_ALIGN_LEFT && !last)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

/* Shrinks the shrinkable columns, widest first, until the row fits. */
static void
fit_widths (DocketCliTable *self,
            guint          *widths,
            guint           max_width)
{
  guint n = self->columns->len;
  guint total = 0;

  for (guint i = 0; i < n; i++)
    total += widths[i] + (i > 0 ? 2 : 0);

  while (max_width > 0 && total > max_width)
    {
      int widest = -1;

      for (guint i = 0; i < n; i++)
        {
          Column *column = &g_array_index (self->columns, Column, i);
          if (column->shrinkable && widths[i] > 8 && (widest < 0 || widths[i] > widths[widest]))
            widest = i;
        }
      if (widest < 0)
        break;
      widths[widest]--;
      total--;
    }
}

char *
docket_cli_table_render (DocketCliTable *self,
                         guint           max_width)
{
  guint n = self->columns->len;
  g_autofree guint *widths = g_new0 (guint, n);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    widths[i] = docket_cli_display_width (g_array_index (self->columns, Column, i).title);
  for (guint r = 0; r < self->rows->len; r++)
    {
      char **row = g_ptr_array_index (self->rows, r);
      for (guint i = 0; i < n; i++)
        widths[i] = MAX (widths[i], docket_cli_display_width (row[i]));
    }
  fit_widths (self, widths, max_width);

  for (int r = -1; r < (int) self->rows->len; r++)
    {
      char **row = r >= 0 ? g_ptr_array_index (self->rows, r) : NULL;
      gsize line_start = out->len;

      for (guint i = 0; i < n; i++)
        {
          Column *column = &g_array_index (self->columns, Column, i);
          g_autofree char *cell = truncate_to_width (row ? row[i] : column->title, widths[i]);

          if (i > 0)
            g_string_append (out, "  ");
          append_padded (out, cell, widths[i], row ? column->align : DOCKET_CLI_ALIGN_LEFT,
                         i + 1 == n);
        }
      /* Empty cells at the end of a line leave no trailing blanks. */
      while (out->len > line_start && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/**
 * docket_cli_terminal_width:
 *
 * Returns: the width of the terminal on standard output, `COLUMNS` when set, or 0
 *   (no limit) when the output goes to a file or a pipe
 */
guint
docket_cli_terminal_width (void)
{
  struct winsize ws;
  const char *columns = g_getenv ("COLUMNS");

  if (columns != NULL && atoi (columns) > 0)
    return atoi (columns);
  if (isatty (STDOUT_FILENO) && ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  return 0;
}

char *
docket_cli_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}
