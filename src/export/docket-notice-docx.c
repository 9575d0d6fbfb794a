/* docket-notice-docx.c: the notice of conclusions as an editable Word document
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offices edit the notice before it is signed, so besides the PDF it goes out as
 * WordprocessingML (ECMA-376) that Word and LibreOffice open alike: plain paragraphs
 * and borderless tables only, the rules of the header drawn as paragraph borders,
 * numbers typed in the text rather than Word's list numbering, which does not survive
 * editing in other programs.  The ZIP container is libzip's.
 */

#define G_LOG_DOMAIN "docket-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <zip.h>

#include "docket-notice-docx.h"

/* Lengths in twentieths of a point (twips): A4 and the decree's margins. */
#define PAGE_W        11906
#define PAGE_H        16838
#define MARGIN_TOP    1134   /* 20 mm */
#define MARGIN_BOTTOM 1134
#define MARGIN_LEFT   1701   /* 30 mm */
#define MARGIN_RIGHT  851    /* 15 mm */
#define TEXT_W        (PAGE_W - MARGIN_LEFT - MARGIN_RIGHT)
#define INDENT        720    /* 1,27 cm */

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
  "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
  "<Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
  "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
  "</Types>";

static const char package_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
  "</Relationships>";

static const char document_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
  "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header2.xml\"/>"
  "</Relationships>";

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

/* Times New Roman 14 pt, Vietnamese, 6 pt after each paragraph. */
static const char styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<w:styles " W_NS ">"
  "<w:docDefaults><w:rPrDefault><w:rPr>"
  "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
  "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/>"
  "</w:rPr></w:rPrDefault>"
  "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
  "</w:docDefaults>"
  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"BodyText\"><w:name w:val=\"Body Text\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
  "<w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"" G_STRINGIFY (INDENT) "\"/><w:jc w:val=\"both\"/></w:pPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/></w:style>"
  "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
  "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
  "</w:styles>";

static const char settings[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<w:settings " W_NS "><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
  "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
  "</w:settings>";

/* The page number, centred in the top margin; the first page has an empty header
 * (titlePg) so numbers start on page 2. */
static const char header_number[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<w:hdr " W_NS "><w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:jc w:val=\"center\"/></w:pPr>"
  "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
  "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
  "</w:p></w:hdr>";

static const char header_empty[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<w:hdr " W_NS "><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr></w:p></w:hdr>";

typedef enum
{
  RUN_BOLD = 1 << 0,
  RUN_ITALIC = 1 << 1,
} RunStyle;

/* XML-escapes @text, leaving out the control characters XML 1.0 cannot carry. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        default:
          if ((guchar) *p >= 0x20 || *p == '\t')
            g_string_append_c (out, *p);
        }
    }
}

/* A run; each line of @text after the first starts after a line break. */
static void
append_run (GString    *out,
            const char *text,
            RunStyle    style,
            int         half_points)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_string_append (out, "<w:r><w:rPr>");
  if (style & RUN_BOLD)
    g_string_append (out, "<w:b/><w:bCs/>");
  if (style & RUN_ITALIC)
    g_string_append (out, "<w:i/><w:iCs/>");
  g_string_append_printf (out, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr>", half_points, half_points);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "<w:br/>");
      g_string_append (out, "<w:t xml:space=\"preserve\">");
      append_escaped (out, lines[i]);
      g_string_append (out, "</w:t>");
    }
  g_string_append (out, "</w:r>");
}

/* A paragraph of one run.  @rule_indent > 0 draws a rule under the paragraph, as long
 * as the space between indents of that many twips on each side. */
static void
append_paragraph (GString    *out,
                  const char *jc,
                  const char *text,
                  RunStyle    style,
                  int         half_points,
                  int         space_after)
{
  g_string_append_printf (out, "<w:p><w:pPr><w:spacing w:after=\"%d\"/><w:jc w:val=\"%s\"/></w:pPr>",
                          space_after, jc);
  append_run (out, text, style, half_points);
  g_string_append (out, "</w:p>");
}

/* An empty, tiny paragraph whose bottom border is the rule under the line above it,
 * centred, @length twips long inside a cell @cell_width wide. */
static void
append_rule (GString *out,
             int      cell_width,
             int      length)
{
  int indent = MAX (0, (cell_width - length) / 2);

  g_string_append_printf (out,
                          "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
                          "<w:spacing w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/>"
                          "<w:ind w:left=\"%d\" w:right=\"%d\"/><w:rPr><w:sz w:val=\"4\"/></w:rPr></w:pPr></w:p>",
                          indent, indent);
}

static void
begin_table (GString *out,
             int      left_w,
             int      right_w,
             int      outdent)
{
  g_string_append_printf (out,
                          "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblInd w:w=\"%d\" w:type=\"dxa\"/>"
                          "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>"
                          "<w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
                          "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/>"
                          "<w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"0000\"/></w:tblPr>"
                          "<w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"%d\"/></w:tblGrid><w:tr>",
                          left_w + right_w, -outdent, left_w, right_w);
}

static void
begin_cell (GString *out,
            int      width)
{
  g_string_append_printf (out, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>", width);
}

static void
append_header (GString            *out,
               const DocketNotice *notice)
{
  /* Like the PDF, the header reaches 15 mm into the left margin, so that a
   * province's name and the national name each fit on one line. */
  int outdent = 851, left_w = 4905, right_w = TEXT_W + outdent - left_w;

  begin_table (out, left_w, right_w, outdent);
  begin_cell (out, left_w);
  if (*notice->parent_body)
    append_paragraph (out, "center", notice->parent_body, 0, 24, 0);
  append_paragraph (out, "center", notice->issuing_body, RUN_BOLD, 26, 0);
  append_rule (out, left_w, left_w / 3);
  append_paragraph (out, "center", "", 0, 14, 0);
  append_paragraph (out, "center", notice->number_line, 0, 26, 0);
  g_string_append (out, "</w:tc>");
  begin_cell (out, right_w);
  append_paragraph (out, "center", notice->national_name, RUN_BOLD, 24, 0);
  append_paragraph (out, "center", notice->motto, RUN_BOLD, 26, 0);
  /* As long as the motto: 13 pt bold Times is about 3300 twips wide. */
  append_rule (out, right_w, 3300);
  append_paragraph (out, "center", "", 0, 14, 0);
  append_paragraph (out, "center", notice->place_date, RUN_ITALIC, 26, 0);
  g_string_append (out, "</w:tc></w:tr></w:tbl>");
}

static void
append_title (GString            *out,
              const DocketNotice *notice)
{
  append_paragraph (out, "center", "", 0, 28, 120);
  append_paragraph (out, "center", notice->title, RUN_BOLD, 28, 0);
  append_paragraph (out, "center", notice->summary, RUN_BOLD, 28, 0);
  append_rule (out, TEXT_W, 1700);
  append_paragraph (out, "center", "", 0, 28, 120);
}

static void
append_body (GString            *out,
             const DocketNotice *notice)
{
  for (guint i = 0; i < notice->paragraphs->len; i++)
    {
      DocketNoticeParagraph *paragraph = g_ptr_array_index (notice->paragraphs, i);

      g_string_append (out, "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr>");
      append_run (out, paragraph->text, 0, 28);
      g_string_append (out, "</w:p>");
    }
}

static void
append_signature (GString            *out,
                  const DocketNotice *notice)
{
  int left_w = TEXT_W / 2, right_w = TEXT_W - left_w;

  begin_table (out, left_w, right_w, 0);
  begin_cell (out, left_w);
  g_string_append (out, "<w:p><w:pPr><w:keepNext/></w:pPr>");
  append_run (out, notice->recipients_heading, RUN_BOLD | RUN_ITALIC, 24);
  g_string_append (out, "</w:p>");
  for (guint i = 0; i < notice->recipients->len; i++)
    append_paragraph (out, "left", g_ptr_array_index (notice->recipients, i), 0, 22, 0);
  g_string_append (out, "</w:tc>");
  begin_cell (out, right_w);
  for (guint i = 0; i < notice->authority_lines->len; i++)
    append_paragraph (out, "center", g_ptr_array_index (notice->authority_lines, i), RUN_BOLD, 28, 0);
  /* The space for the signature and the seal. */
  for (guint i = 0; i < 4; i++)
    append_paragraph (out, "center", "", 0, 28, 0);
  append_paragraph (out, "center", notice->signer_name, RUN_BOLD, 28, 0);
  g_string_append (out, "</w:tc></w:tr></w:tbl>");
}

static char *
build_document (const DocketNotice *notice)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        "<w:document " W_NS "><w:body>");
  append_header (out, notice);
  append_title (out, notice);
  append_body (out, notice);
  append_paragraph (out, "left", "", 0, 28, 0);
  append_signature (out, notice);
  g_string_append_printf (out,
                          "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/>"
                          "<w:headerReference w:type=\"first\" r:id=\"rId4\"/>"
                          "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
                          "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" "
                          "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
                          "<w:titlePg/></w:sectPr></w:body></w:document>",
                          PAGE_W, PAGE_H, MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_LEFT);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
build_core (const DocketNotice *notice)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
  append_escaped (out, notice->summary);
  g_string_append_printf (out, "</dc:title><dc:creator>Docket</dc:creator>"
                               "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>"
                               "</cp:coreProperties>", stamp);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
add_entry (zip_t      *zip,
           const char *name,
           char       *data,
           gboolean    owned)
{
  zip_source_t *source = zip_source_buffer (zip, data, strlen (data), owned ? 1 : 0);

  if (source == NULL)
    return FALSE;
  if (zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8) < 0)
    {
      zip_source_free (source);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_package (const char         *path,
               const DocketNotice *notice,
               GError            **error)
{
  int zerr = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  gboolean ok;

  if (zip == NULL)
    {
      zip_error_t ze;

      zip_error_init_with_code (&ze, zerr);
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s."), path, zip_error_strerror (&ze));
      zip_error_fini (&ze);
      return FALSE;
    }
  /* libzip frees what it owns (the last argument TRUE) once the archive is closed. */
  ok = add_entry (zip, "[Content_Types].xml", (char *) content_types, FALSE) &&
       add_entry (zip, "_rels/.rels", (char *) package_rels, FALSE) &&
       add_entry (zip, "docProps/core.xml", build_core (notice), TRUE) &&
       add_entry (zip, "word/_rels/document.xml.rels", (char *) document_rels, FALSE) &&
       add_entry (zip, "word/document.xml", build_document (notice), TRUE) &&
       add_entry (zip, "word/styles.xml", (char *) styles, FALSE) &&
       add_entry (zip, "word/settings.xml", (char *) settings, FALSE) &&
       add_entry (zip, "word/header1.xml", (char *) header_number, FALSE) &&
       add_entry (zip, "word/header2.xml", (char *) header_empty, FALSE);
  if (!ok || zip_close (zip) < 0)
    {
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s."), path, zip_strerror (zip));
      zip_discard (zip);
      return FALSE;
    }
  return TRUE;
}

/**
 * docket_export_notice_docx:
 * @store: an open store, used from the calling thread only (a worker opens its own)
 * @meeting_id: the meeting
 * @path: the DOCX file to write
 * @progress: (nullable): called as the export goes
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes the notice of conclusions of a meeting as an editable Word document.  The
 * file appears only once complete.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_export_notice_docx (DocketStore              *store,
                           DocketId                  meeting_id,
                           const char               *path,
                           DocketExportProgressFunc  progress,
                           gpointer                  progress_data,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  g_autoptr(DocketNotice) notice = NULL;
  g_autoptr(DocketExportTarget) target = NULL;

  g_return_val_if_fail (DOCKET_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (notice = docket_notice_new_from_store (store, meeting_id, error)) == NULL ||
      (target = docket_export_target_new (path, error)) == NULL)
    return FALSE;
  if (progress != NULL)
    progress (0.5, progress_data);
  if (!write_package (docket_export_target_get_tmp_path (target), notice, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return docket_export_target_commit (target, error);
}
