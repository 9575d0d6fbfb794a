/* docket-notice-layout.c: the notice of conclusions laid out in pages
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout of Decree 30/2020/NĐ-CP (form 1.4) with Pango: the two-column header,
 * the title, the justified body and the recipients beside the signature.  Laying
 * out once and keeping every placed line lets the same pages go to a PDF file and,
 * through GTK's print operation in the application, to a printer.
 */

#define G_LOG_DOMAIN "docket-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "docket-notice-layout.h"

#define MM (72.0 / 25.4)

/* Decree 30/2020, appendix I: margins top and bottom 20–25 mm, left 30–35 mm,
 * right 15–20 mm; the smallest keep the most text on a page. */
#define MARGIN_TOP    (20 * MM)
#define MARGIN_BOTTOM (20 * MM)
#define MARGIN_LEFT   (30 * MM)
#define MARGIN_RIGHT  (15 * MM)

/* Times New Roman, as the decree asks; fontconfig gives the metric-compatible
 * Liberation Serif where it is absent, so lines break alike everywhere. */
#define FONT_FAMILY "Times New Roman,Liberation Serif,serif"

#define BODY_SIZE        14.0
#define BODY_INDENT      (12.7 * MM)
#define PARAGRAPH_AFTER  6.0
#define LINE_SPACING     1.15
#define RULE_WIDTH       0.6
#define SIGNATURE_SPACE  (25 * MM)
#define HEADER_OUTDENT   (15 * MM)

typedef enum
{
  OP_LINE,
  OP_RULE,
} OpKind;

typedef struct
{
  OpKind           kind;
  PangoLayoutLine *line;   /* OP_LINE */
  double           x, y;   /* the start of the baseline, or of the rule */
  double           x2;     /* OP_RULE: its end */
} Op;

struct _DocketNoticeLayout
{
  GObject       parent_instance;

  double        width;
  double        height;
  PangoFontMap *font_map;
  PangoContext *context;
  GPtrArray    *pages;     /* of GPtrArray of Op */

  /* While laying out: where the next line goes. */
  double        y;
};

G_DEFINE_FINAL_TYPE (DocketNoticeLayout, docket_notice_layout, G_TYPE_OBJECT)

typedef enum
{
  STYLE_REGULAR = 0,
  STYLE_BOLD = 1 << 0,
  STYLE_ITALIC = 1 << 1,
} TextStyle;

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_pointer (&op->line, pango_layout_line_unref);
  g_free (op);
}

static double
content_width (DocketNoticeLayout *self)
{
  return self->width - MARGIN_LEFT - MARGIN_RIGHT;
}

static double
page_bottom (DocketNoticeLayout *self)
{
  return self->height - MARGIN_BOTTOM;
}

static GPtrArray *
current_page (DocketNoticeLayout *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static void
new_page (DocketNoticeLayout *self)
{
  g_ptr_array_add (self->pages, g_ptr_array_new_with_free_func (op_free));
  self->y = MARGIN_TOP;
}

static PangoLayout *
make_layout (DocketNoticeLayout *self,
             const char         *text,
             double              size,
             TextStyle           style,
             double              width,
             PangoAlignment      alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  /* Set, not parsed: pango_font_description_from_string() would take "Roman" for a
   * style and look for a family "Times New". */
  pango_font_description_set_family_static (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, style & STYLE_BOLD ? PANGO_WEIGHT_BOLD
                                                              : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (font, style & STYLE_ITALIC ? PANGO_STYLE_ITALIC
                                                               : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* The width of the widest line, for the rule as long as the motto. */
static double
layout_text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static void
add_line_op (GPtrArray       *ops,
             PangoLayoutLine *line,
             double           x,
             double           y)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_LINE;
  op->line = pango_layout_line_ref (line);
  op->x = x;
  op->y = y;
  g_ptr_array_add (ops, op);
}

static void
add_rule (DocketNoticeLayout *self,
          double              center,
          double              length,
          double              y)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_RULE;
  op->x = center - length / 2;
  op->x2 = center + length / 2;
  op->y = y;
  g_ptr_array_add (current_page (self), op);
}

/* Places every line of @layout with its top at @top on the current page, without
 * breaking it across pages; returns its height. */
static double
place_block (DocketNoticeLayout *self,
             PangoLayout        *layout,
             double              x,
             double              top)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      add_line_op (current_page (self), pango_layout_iter_get_line_readonly (iter),
                   x + (double) logical.x / PANGO_SCALE,
                   top + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return layout_height (layout);
}

/* Places @layout line by line from the cursor, going on to a new page whenever the
 * next line would cross the bottom margin. */
static void
place_flow (DocketNoticeLayout *self,
            PangoLayout        *layout,
            double              x,
            double              space_after)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      int y0, y1;
      double line_height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      line_height = (double) (y1 - y0) / PANGO_SCALE;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - y0) / PANGO_SCALE;
      if (self->y + line_height > page_bottom (self) && self->y > MARGIN_TOP)
        new_page (self);
      add_line_op (current_page (self), pango_layout_iter_get_line_readonly (iter),
                   x + (double) logical.x / PANGO_SCALE, self->y + baseline);
      self->y += line_height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  self->y += space_after;
}

static void
lay_out_header (DocketNoticeLayout *self,
                const DocketNotice *notice)
{
  /* The header reaches into the left margin, as the decree's own templates do, so
   * that a province's name fits on one line. */
  double width = content_width (self) + HEADER_OUTDENT;
  double left_w = width * 0.5, right_w = width - left_w;
  double left_x = MARGIN_LEFT - HEADER_OUTDENT, right_x = left_x + left_w;
  double left_y = self->y, right_y = self->y, row_y;
  g_autoptr(PangoLayout) parent = make_layout (self, notice->parent_body, 12, STYLE_REGULAR, left_w, PANGO_ALIGN_CENTER);
  g_autoptr(PangoLayout) issuing = make_layout (self, notice->issuing_body, 13, STYLE_BOLD, left_w, PANGO_ALIGN_CENTER);
  g_autoptr(PangoLayout) number = make_layout (self, notice->number_line, 13, STYLE_REGULAR, left_w, PANGO_ALIGN_CENTER);
  g_autoptr(PangoLayout) nation = make_layout (self, notice->national_name, 12, STYLE_BOLD, right_w, PANGO_ALIGN_CENTER);
  g_autoptr(PangoLayout) motto = make_layout (self, notice->motto, 13, STYLE_BOLD, right_w, PANGO_ALIGN_CENTER);
  g_autoptr(PangoLayout) place = make_layout (self, notice->place_date, 13, STYLE_ITALIC, right_w, PANGO_ALIGN_CENTER);

  if (*notice->parent_body)
    left_y += place_block (self, parent, left_x, left_y);
  left_y += place_block (self, issuing, left_x, left_y);
  /* The short rule under the issuing body: a third of the column, centred. */
  add_rule (self, left_x + left_w / 2, left_w / 3, left_y + 4);
  left_y += 10;

  right_y += place_block (self, nation, right_x, right_y);
  right_y += place_block (self, motto, right_x, right_y);
  add_rule (self, right_x + right_w / 2, layout_text_width (motto), right_y + 4);
  right_y += 10;

  /* The number and the place and date share a line. */
  row_y = MAX (left_y, right_y) + 4;
  left_y = row_y + place_block (self, number, left_x, row_y);
  right_y = row_y + place_block (self, place, right_x, row_y);
  self->y = MAX (left_y, right_y) + 18;
}

static void
lay_out_title (DocketNoticeLayout *self,
               const DocketNotice *notice)
{
  double width = content_width (self);
  g_autoptr(PangoLayout) title = make_layout (self, notice->title, 14, STYLE_BOLD, width, PANGO_ALIGN_CENTER);
  g_autoptr(PangoLayout) summary = make_layout (self, notice->summary, 14, STYLE_BOLD, width * 0.9, PANGO_ALIGN_CENTER);

  self->y += place_block (self, title, MARGIN_LEFT, self->y);
  self->y += place_block (self, summary, MARGIN_LEFT + width * 0.05, self->y);
  add_rule (self, MARGIN_LEFT + width / 2, 36 * MM / 1.2, self->y + 3);
  self->y += 18;
}

static void
lay_out_body (DocketNoticeLayout *self,
              const DocketNotice *notice)
{
  double width = content_width (self);

  for (guint i = 0; i < notice->paragraphs->len; i++)
    {
      DocketNoticeParagraph *paragraph = g_ptr_array_index (notice->paragraphs, i);
      g_autoptr(PangoLayout) layout = make_layout (self, paragraph->text, BODY_SIZE, STYLE_REGULAR,
                                                   width, PANGO_ALIGN_LEFT);

      pango_layout_set_justify (layout, TRUE);
      pango_layout_set_indent (layout, (int) (BODY_INDENT * PANGO_SCALE));
      pango_layout_set_line_spacing (layout, LINE_SPACING);
      place_flow (self, layout, MARGIN_LEFT, PARAGRAPH_AFTER);
    }
}

static char *
join_lines (GPtrArray *lines)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "", (const char *) g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The recipients on the left and the signature on the right, on the same row and
 * kept together on one page. */
static void
lay_out_signature (DocketNoticeLayout *self,
                   const DocketNotice *notice)
{
  double width = content_width (self);
  double left_w = width * 0.5, right_w = width - left_w;
  g_autofree char *recipients_text = join_lines (notice->recipients);
  g_autofree char *authority_text = join_lines (notice->authority_lines);
  g_autoptr(PangoLayout) heading = make_layout (self, notice->recipients_heading, 12, STYLE_BOLD | STYLE_ITALIC, left_w, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) recipients = make_layout (self, recipients_text, 11, STYLE_REGULAR, left_w, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) authority = make_layout (self, authority_text, 14, STYLE_BOLD, right_w, PANGO_ALIGN_CENTER);
  g_autoptr(PangoLayout) signer = make_layout (self, notice->signer_name, 14, STYLE_BOLD, right_w, PANGO_ALIGN_CENTER);
  double left_h = layout_height (heading) + layout_height (recipients);
  double right_h = layout_height (authority) + SIGNATURE_SPACE + layout_height (signer);
  double top;

  self->y += 6;
  if (self->y + MAX (left_h, right_h) > page_bottom (self))
    new_page (self);
  top = self->y;
  if (MAX (left_h, right_h) > page_bottom (self) - MARGIN_TOP)
    {
      /* Longer than a page: only a list of hundreds of recipients gets here; let it
       * flow rather than run off the paper. */
      place_flow (self, authority, MARGIN_LEFT + left_w, SIGNATURE_SPACE);
      place_flow (self, signer, MARGIN_LEFT + left_w, 12);
      place_flow (self, heading, MARGIN_LEFT, 0);
      place_flow (self, recipients, MARGIN_LEFT, 0);
      return;
    }
  top += place_block (self, heading, MARGIN_LEFT, top);
  place_block (self, recipients, MARGIN_LEFT, top);
  top = self->y;
  top += place_block (self, authority, MARGIN_LEFT + left_w, top);
  top += SIGNATURE_SPACE;
  place_block (self, signer, MARGIN_LEFT + left_w, top);
  self->y += MAX (left_h, right_h);
}

static void
docket_notice_layout_finalize (GObject *object)
{
  DocketNoticeLayout *self = DOCKET_NOTICE_LAYOUT (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);

  G_OBJECT_CLASS (docket_notice_layout_parent_class)->finalize (object);
}

static void
docket_notice_layout_class_init (DocketNoticeLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = docket_notice_layout_finalize;
}

static void
docket_notice_layout_init (DocketNoticeLayout *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* A font map of its own: the default one belongs to the thread that made it, and a
   * notice may be laid out in a worker.  Unhinted metrics at 72 dpi make one Pango
   * unit one point on paper, the same on screen, in the PDF and on the printer. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string ("vi"));
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

/**
 * docket_notice_layout_new_for_notice:
 * @notice: the text of a notice
 * @width: the page's width in points (%DOCKET_NOTICE_A4_WIDTH)
 * @height: the page's height in points
 *
 * Lays @notice out in pages of the given size with the decree's margins.
 *
 * Returns: (transfer full): the laid-out notice
 */
DocketNoticeLayout *
docket_notice_layout_new_for_notice (const DocketNotice *notice,
                                     double              width,
                                     double              height)
{
  DocketNoticeLayout *self;

  g_return_val_if_fail (notice != NULL, NULL);
  g_return_val_if_fail (width > MARGIN_LEFT + MARGIN_RIGHT + 72, NULL);
  g_return_val_if_fail (height > MARGIN_TOP + MARGIN_BOTTOM + 72, NULL);

  self = g_object_new (DOCKET_TYPE_NOTICE_LAYOUT, NULL);
  self->width = width;
  self->height = height;
  new_page (self);
  lay_out_header (self, notice);
  lay_out_title (self, notice);
  lay_out_body (self, notice);
  lay_out_signature (self, notice);
  return self;
}

/**
 * docket_notice_layout_new:
 * @store: an open store, used from the calling thread only
 * @meeting_id: the meeting
 * @width: the page's width in points (%DOCKET_NOTICE_A4_WIDTH)
 * @height: the page's height in points (%DOCKET_NOTICE_A4_HEIGHT)
 * @error: return location for an error
 *
 * Reads the notice of conclusions of a meeting and lays it out.  For printing, call
 * this in the print operation's begin-print with the page size in points, set the
 * number of pages from docket_notice_layout_get_n_pages(), and call
 * docket_notice_layout_render_page() in draw-page.
 *
 * Returns: (transfer full): the laid-out notice, or %NULL with @error
 */
DocketNoticeLayout *
docket_notice_layout_new (DocketStore  *store,
                          DocketId      meeting_id,
                          double        width,
                          double        height,
                          GError      **error)
{
  g_autoptr(DocketNotice) notice = docket_notice_new_from_store (store, meeting_id, error);

  if (notice == NULL)
    return NULL;
  return docket_notice_layout_new_for_notice (notice, width, height);
}

guint
docket_notice_layout_get_n_pages (DocketNoticeLayout *self)
{
  g_return_val_if_fail (DOCKET_IS_NOTICE_LAYOUT (self), 0);

  return self->pages->len;
}

static void
render_page_number (DocketNoticeLayout *self,
                    cairo_t            *cr,
                    guint               page)
{
  g_autofree char *text = g_strdup_printf ("%u", page + 1);
  g_autoptr(PangoLayout) layout = make_layout (self, text, 13, STYLE_REGULAR,
                                               content_width (self), PANGO_ALIGN_CENTER);
  double h = layout_height (layout);

  /* Centred in the top margin (Decree 30/2020, appendix I, from the second page). */
  cairo_move_to (cr, MARGIN_LEFT, (MARGIN_TOP - h) / 2);
  pango_cairo_show_layout (cr, layout);
}

/**
 * docket_notice_layout_render_page:
 * @self: a laid-out notice
 * @cr: a cairo context whose origin is the page's top-left corner and whose unit is
 *   the point (GtkPrintOperation: full page, unit %GTK_UNIT_POINTS)
 * @page: the page, from 0
 *
 * Draws one page of the notice in black.
 */
void
docket_notice_layout_render_page (DocketNoticeLayout *self,
                                  cairo_t            *cr,
                                  guint               page)
{
  GPtrArray *ops;

  g_return_if_fail (DOCKET_IS_NOTICE_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  ops = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (page > 0)
    render_page_number (self, cr, page);
  for (guint i = 0; i < ops->len; i++)
    {
      Op *op = g_ptr_array_index (ops, i);

      if (op->kind == OP_LINE)
        {
          cairo_move_to (cr, op->x, op->y);
          pango_cairo_show_layout_line (cr, op->line);
        }
      else
        {
          cairo_set_line_width (cr, RULE_WIDTH);
          cairo_move_to (cr, op->x, op->y);
          cairo_line_to (cr, op->x2, op->y);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

/**
 * docket_export_notice_pdf:
 * @store: an open store, used from the calling thread only (a worker opens its own)
 * @meeting_id: the meeting
 * @path: the PDF file to write
 * @progress: (nullable): called as pages are written
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes the notice of conclusions of a meeting as an A4 PDF with its fonts
 * embedded.  The file appears only once complete.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_export_notice_pdf (DocketStore              *store,
                          DocketId                  meeting_id,
                          const char               *path,
                          DocketExportProgressFunc  progress,
                          gpointer                  progress_data,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  g_autoptr(DocketNotice) notice = NULL;
  g_autoptr(DocketNoticeLayout) layout = NULL;
  g_autoptr(DocketExportTarget) target = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (DOCKET_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (notice = docket_notice_new_from_store (store, meeting_id, error)) == NULL ||
      (target = docket_export_target_new (path, error)) == NULL)
    return FALSE;
  layout = docket_notice_layout_new_for_notice (notice, DOCKET_NOTICE_A4_WIDTH,
                                                DOCKET_NOTICE_A4_HEIGHT);
  n_pages = docket_notice_layout_get_n_pages (layout);

  surface = cairo_pdf_surface_create (docket_export_target_get_tmp_path (target),
                                      DOCKET_NOTICE_A4_WIDTH, DOCKET_NOTICE_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, notice->summary);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Docket " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      docket_notice_layout_render_page (layout, cr, page);
      cairo_show_page (cr);
      if (progress != NULL)
        progress ((double) (page + 1) / n_pages, progress_data);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_WRITE,
                   /* Translators: %s is a file, then the reason */
                   _("Cannot write “%s”: %s."), path, cairo_status_to_string (status));
      return FALSE;
    }
  return docket_export_target_commit (target, error);
}
