/* docket-store-search.c: full-text search over the FTS5 index of schema version 6
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index (see migration 6 in docket-store-schema.c) is kept by triggers; this file
 * reads it.  What a person types is never handed to FTS5 as query syntax: it is cut
 * into words here, with the same idea of a word as the index's tokenizer (letters,
 * digits, private-use characters and combining marks), and every word goes into the
 * MATCH expression inside double quotes, so quotes, `*`, `-`, parentheses, AND, OR,
 * NEAR and unbalanced input are plain words and no input can make a syntax error.
 * Characters that are not part of words (punctuation, emoji) separate words, exactly
 * as they do when the text is indexed.
 *
 * Ranking: every query matches the folded column (so "cai cach" finds "cải cách").
 * When the query carries diacritics, a first pass looks for the records that hold
 * the words with those diacritics in the original column (words typed without
 * diacritics still match folded), and those come first, by bm25; the folded-only
 * matches follow, by bm25.  The last word gets a prefix match unless the text ends
 * in a space, so results follow the word being typed.
 */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "docket-store-private.h"
#include "docket-store-search.h"

/* More words than anyone types; the rest of a pasted page is ignored, which also
 * keeps the MATCH expression small whatever the input. */
#define MAX_QUERY_WORDS 32
/* Words of context in a snippet before the first match, and words in all. */
#define SNIPPET_WORDS_BEFORE 5
#define SNIPPET_WORDS        24

typedef struct
{
  GPtrArray *folded;    /* one phrase per space-separated chunk, folded */
  GPtrArray *original;  /* the same, lower-cased with its diacritics, or NULL when
                         * folding does not change it */
  GPtrArray *words;     /* every folded word, for the snippets */
  gboolean   prefix;    /* the last word is still being typed */
  gboolean   diacritics;
} SearchTerms;

static void
search_terms_clear (SearchTerms *terms)
{
  g_clear_pointer (&terms->folded, g_ptr_array_unref);
  g_clear_pointer (&terms->original, g_ptr_array_unref);
  g_clear_pointer (&terms->words, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SearchTerms, search_terms_clear)

/* The characters FTS5's unicode61 tokenizer keeps in words with the categories of
 * migration 6 ("L* N* Co M*"). */
static gboolean
is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Adds one chunk (text between spaces) as a phrase of its words. */
static void
add_chunk (SearchTerms *terms,
           GString     *chunk)
{
  g_autofree char *lower = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (chunk->len == 0)
    return;
  lower = g_utf8_strdown (chunk->str, chunk->len);
  folded = _docket_store_fold (lower);
  words = g_strsplit (folded, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (terms->words, g_strdup (words[i]));
  if (strcmp (lower, folded) != 0)
    {
      g_ptr_array_add (terms->original, g_steal_pointer (&lower));
      terms->diacritics = TRUE;
    }
  else
    g_ptr_array_add (terms->original, NULL);
  g_ptr_array_add (terms->folded, g_steal_pointer (&folded));
  g_string_truncate (chunk, 0);
}

static void
parse_query (const char  *text,
             SearchTerms *terms)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  g_autoptr(GString) chunk = g_string_new (NULL);
  gboolean in_word = FALSE;
  gboolean last_was_word = FALSE;
  guint n_words = 0;

  terms->folded = g_ptr_array_new_with_free_func (g_free);
  terms->original = g_ptr_array_new_with_free_func (g_free);
  terms->words = g_ptr_array_new_with_free_func (g_free);
  if (nfc == NULL)
    return;

  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c))
        {
          if (!in_word)
            {
              if (n_words == MAX_QUERY_WORDS)
                break;
              n_words++;
              if (chunk->len > 0)
                g_string_append_c (chunk, ' ');
            }
          g_string_append_unichar (chunk, c);
          in_word = TRUE;
        }
      else
        {
          in_word = FALSE;
          if (g_unichar_isspace (c))
            add_chunk (terms, chunk);
        }
      last_was_word = in_word;
    }
  add_chunk (terms, chunk);
  /* "cải cách " (a space typed after the word) means the word is finished. */
  terms->prefix = last_was_word;
}

/* The MATCH expression: every phrase in double quotes (word characters never
 * include '"'), all required; with @exact, phrases typed with diacritics must match
 * them in the original column. */
static char *
build_match (const SearchTerms *terms,
             gboolean           exact)
{
  GString *match = g_string_new (NULL);

  for (guint i = 0; i < terms->folded->len; i++)
    {
      const char *original = exact ? g_ptr_array_index (terms->original, i) : NULL;

      if (i > 0)
        g_string_append (match, " AND ");
      g_string_append_printf (match, "%s : \"%s\"", original ? "original" : "folded",
                              original ? original : (const char *) g_ptr_array_index (terms->folded, i));
      if (terms->prefix && i + 1 == terms->folded->len)
        g_string_append_c (match, '*');
    }
  return g_string_free (match, FALSE);
}

/* Snippets. */

typedef struct
{
  gsize start;
  gsize end;
  gboolean match;
} Word;

static gboolean
word_matches (const SearchTerms *terms,
              const char        *folded)
{
  for (guint i = 0; i < terms->words->len; i++)
    {
      const char *word = g_ptr_array_index (terms->words, i);

      if (strcmp (word, folded) == 0)
        return TRUE;
      if (terms->prefix && i + 1 == terms->words->len && g_str_has_prefix (folded, word))
        return TRUE;
    }
  return FALSE;
}

static GArray *
split_words (const char        *text,
             const SearchTerms *terms)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  Word word = { 0, 0, FALSE };
  gboolean in_word = FALSE;
  const char *p;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean is_word = is_word_char (g_utf8_get_char (p));

      if (is_word && !in_word)
        word.start = p - text;
      else if (!is_word && in_word)
        {
          word.end = p - text;
          g_array_append_val (words, word);
        }
      in_word = is_word;
    }
  if (in_word)
    {
      word.end = p - text;
      g_array_append_val (words, word);
    }

  for (guint i = 0; i < words->len; i++)
    {
      Word *w = &g_array_index (words, Word, i);
      g_autofree char *raw = g_strndup (text + w->start, w->end - w->start);
      g_autofree char *folded = _docket_store_fold (raw);

      w->match = word_matches (terms, folded);
    }
  return words;
}

/* Copies text[start, end) on one line: line breaks, tabs and runs of spaces become
 * one space, control characters and our own markers are dropped. */
static void
append_one_line (GString    *out,
                 const char *text,
                 gsize       start,
                 gsize       end)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else if (!g_unichar_iscntrl (c) && c != 0xE000 && c != 0xE001)
        g_string_append_unichar (out, c);
    }
}

static char *
make_snippet (const char        *text,
              const SearchTerms *terms)
{
  g_autoptr(GArray) words = NULL;
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);
  guint first = 0;
  guint start, end;

  if (nfc == NULL)
    return g_string_free (out, FALSE);
  words = split_words (nfc, terms);
  if (words->len == 0)
    return g_string_free (out, FALSE);
  while (first < words->len && !g_array_index (words, Word, first).match)
    first++;
  if (first == words->len)
    first = 0;
  start = first > SNIPPET_WORDS_BEFORE ? first - SNIPPET_WORDS_BEFORE : 0;
  /* A match near the end still gets a full snippet: more context before it. */
  if (words->len > SNIPPET_WORDS)
    start = MIN (start, words->len - SNIPPET_WORDS);
  else
    start = 0;
  end = MIN (words->len, start + SNIPPET_WORDS);

  if (start > 0)
    g_string_append (out, "… ");
  else
    append_one_line (out, nfc, 0, g_array_index (words, Word, 0).start);
  for (guint i = start; i < end; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      if (i > start)
        append_one_line (out, nfc, g_array_index (words, Word, i - 1).end, w->start);
      if (w->match)
        g_string_append (out, DOCKET_SEARCH_MARK_OPEN);
      append_one_line (out, nfc, w->start, w->end);
      if (w->match)
        g_string_append (out, DOCKET_SEARCH_MARK_CLOSE);
    }
  if (end < words->len)
    g_string_append (out, " …");
  else
    append_one_line (out, nfc, g_array_index (words, Word, end - 1).end, strlen (nfc));
  return g_string_free (out, FALSE);
}

/* Running a query. */

/* Hits without filters other than the kind: FTS5 ranks them itself. */
#define HITS_SQL \
  "SELECT rowid FROM search_index WHERE search_index MATCH ?1 " \
  "AND (?2 >> (rowid & 7)) & 1 ORDER BY rank LIMIT ?7"

/* The record behind a hit: from `s` (rowid `doc`), the row of its own table, its
 * item (items and progress reports) and its meeting, by rowid lookups. */
#define RECORD_JOINS \
  "LEFT JOIN minutes_sections ms ON (s.doc & 7) = 1 AND ms.id = s.doc >> 3 " \
  "LEFT JOIN conclusions c ON (s.doc & 7) = 2 AND c.id = s.doc >> 3 " \
  "LEFT JOIN progress_reports p ON (s.doc & 7) = 4 AND p.id = s.doc >> 3 " \
  "LEFT JOIN items i ON i.id = CASE s.doc & 7 WHEN 3 THEN s.doc >> 3 " \
  "                                           WHEN 4 THEN p.item_id END " \
  "LEFT JOIN meetings m ON m.id = CASE s.doc & 7 WHEN 0 THEN s.doc >> 3 " \
  "                                              WHEN 1 THEN ms.meeting_id " \
  "                                              WHEN 2 THEN c.meeting_id " \
  "                                              ELSE i.meeting_id END "
#define RECORD_DAY \
  "CASE s.doc & 7 WHEN 3 THEN coalesce (i.assigned_on, i.meeting_date) " \
  "               WHEN 4 THEN p.reported_on ELSE m.date END"

/* Hits with filters: each is joined to its record before the ranking. */
#define FILTERED_HITS_SQL \
  "SELECT s.doc FROM (SELECT rowid AS doc, rank FROM search_index " \
  "                   WHERE search_index MATCH ?1 AND (?2 >> (rowid & 7)) & 1) s " \
  RECORD_JOINS \
  "WHERE (?3 = 0 OR CASE WHEN (s.doc & 7) >= 3 " \
  "         THEN i.lead_unit_id = ?3 OR EXISTS (SELECT 1 FROM item_coordinating_units cu " \
  "                                             WHERE cu.item_id = i.id AND cu.unit_id = ?3) " \
  "         ELSE EXISTS (SELECT 1 FROM attendees a WHERE a.meeting_id = m.id " \
  "                      AND a.unit_id = ?3) END) " \
  "  AND (?4 = 0 OR m.id = ?4) " \
  "  AND (?5 IS NULL OR " RECORD_DAY " >= ?5) " \
  "  AND (?6 IS NULL OR " RECORD_DAY " <= ?6) " \
  "ORDER BY s.rank LIMIT ?7"

#define RECORD_SQL \
  "SELECT m.id, i.id, " RECORD_DAY ", " \
  "       CASE WHEN (s.doc & 7) >= 3 THEN i.content ELSE m.title END, " \
  "       CASE s.doc & 7 WHEN 0 THEN m.title || ifnull (' — ' || m.location, '') " \
  "                      WHEN 1 THEN ms.text WHEN 2 THEN c.text WHEN 3 THEN i.content " \
  "                      ELSE p.text END " \
  "FROM (SELECT ?1 AS doc) s " RECORD_JOINS

static gboolean
has_filters (const DocketSearchQuery *query)
{
  return query->unit_id != 0 || query->meeting_id != 0 ||
         query->from != DOCKET_DATE_NONE || query->to != DOCKET_DATE_NONE;
}

/* Appends the hits of @match not yet in @seen to @hits, up to @limit in all. */
static gboolean
collect_hits (DocketStore             *self,
              const DocketSearchQuery *query,
              const char              *match,
              guint                    limit,
              GHashTable              *seen,
              GArray                  *hits,
              GError                 **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  guint kinds = query->kinds != 0 ? query->kinds : (1u << DOCKET_SEARCH_N_KINDS) - 1;
  gboolean row;

  stmt = _docket_store_prepare (self, has_filters (query) ? FILTERED_HITS_SQL : HITS_SQL, error);
  if (stmt == NULL)
    return FALSE;
  _docket_stmt_bind_text (stmt, 1, match);
  _docket_stmt_bind_int (stmt, 2, kinds);
  _docket_stmt_bind_int (stmt, 3, query->unit_id);
  _docket_stmt_bind_int (stmt, 4, query->meeting_id);
  _docket_stmt_bind_date (stmt, 5, query->from);
  _docket_stmt_bind_date (stmt, 6, query->to);
  /* The hits already seen come back again: ask for enough to skip them. */
  _docket_stmt_bind_int (stmt, 7, limit + g_hash_table_size (seen));

  while (hits->len < limit)
    {
      gint64 doc;

      if (!_docket_store_step (self, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      doc = _docket_stmt_get_int (stmt, 0);
      if (g_hash_table_add (seen, g_memdup2 (&doc, sizeof doc)))
        g_array_append_val (hits, doc);
    }
  return TRUE;
}

static DocketSearchResult *
load_result (DocketStore       *self,
             gint64             doc,
             const SearchTerms *terms,
             GError           **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(DocketSearchResult) result = NULL;
  g_autofree char *text = NULL;
  gboolean row;

  stmt = _docket_store_prepare (self, RECORD_SQL, error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_int (stmt, 1, doc);
  if (!_docket_store_step (self, stmt, &row, error))
    return NULL;
  result = g_new0 (DocketSearchResult, 1);
  result->kind = doc & 7;
  result->record_id = doc >> 3;
  result->meeting_id = _docket_stmt_get_id (stmt, 0);
  result->item_id = _docket_stmt_get_id (stmt, 1);
  result->date = _docket_stmt_get_date (stmt, 2);
  result->title = _docket_stmt_dup_text (stmt, 3);
  text = _docket_stmt_dup_text (stmt, 4);
  /* The triggers keep the index in step with the tables, so a hit always has its
   * record; should one not (a file edited by another tool), it is left out rather
   * than shown empty. */
  if (result->title == NULL || text == NULL)
    return NULL;
  result->snippet = make_snippet (text, terms);
  return g_steal_pointer (&result);
}

static gboolean
run_search (DocketStore             *self,
            const DocketSearchQuery *query,
            const SearchTerms       *terms,
            GPtrArray               *results,
            GError                 **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint limit = query->limit == 0 ? DOCKET_SEARCH_DEFAULT_LIMIT
                                  : MIN (query->limit, DOCKET_SEARCH_MAX_LIMIT);
  guint n_exact = 0;

  if (terms->diacritics)
    {
      g_autofree char *match = build_match (terms, TRUE);

      if (!collect_hits (self, query, match, limit, seen, hits, error))
        return FALSE;
      n_exact = hits->len;
    }
  if (hits->len < limit)
    {
      g_autofree char *match = build_match (terms, FALSE);

      if (!collect_hits (self, query, match, limit, seen, hits, error))
        return FALSE;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      DocketSearchResult *result;

      result = load_result (self, g_array_index (hits, gint64, i), terms, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (result == NULL)
        continue;
      result->exact = i < n_exact;
      g_ptr_array_add (results, result);
    }
  return TRUE;
}

static gboolean
rebuild_cb (DocketStore *self,
            gpointer     data,
            GError     **error)
{
  return _docket_store_exec (self,
    "DELETE FROM search_queue;"
    "INSERT INTO search_index (search_index) VALUES ('delete-all');"
    "INSERT INTO search_index (rowid, folded, original) "
    "  SELECT id * 8, docket_fold (title || ' ' || ifnull (location, '')), "
    "         title || ' ' || ifnull (location, '') FROM meetings;"
    "INSERT INTO search_index (rowid, folded, original) "
    "  SELECT id * 8 + 1, docket_fold (text), text FROM minutes_sections;"
    "INSERT INTO search_index (rowid, folded, original) "
    "  SELECT id * 8 + 2, docket_fold (text), text FROM conclusions;"
    "INSERT INTO search_index (rowid, folded, original) "
    "  SELECT id * 8 + 3, docket_fold (content), content FROM items;"
    "INSERT INTO search_index (rowid, folded, original) "
    "  SELECT id * 8 + 4, docket_fold (text), text FROM progress_reports;"
    "INSERT INTO search_index (search_index) VALUES ('optimize');", error);
}

/* Public API. */

/**
 * docket_search_result_free:
 * @result: (transfer full) (nullable): a result
 */
void
docket_search_result_free (DocketSearchResult *result)
{
  if (result == NULL)
    return;
  g_free (result->title);
  g_free (result->snippet);
  g_free (result);
}

/**
 * docket_search_result_dup_snippet:
 * @result: a result
 * @open: what to put before each matched word ("[", an escape sequence)
 * @close: what to put after it
 *
 * Returns: (transfer full): the snippet as plain text, the matches between @open and
 *   @close
 */
char *
docket_search_result_dup_snippet (const DocketSearchResult *result,
                                  const char               *open,
                                  const char               *close)
{
  g_auto(GStrv) opened = NULL;
  g_autofree char *joined = NULL;
  g_auto(GStrv) closed = NULL;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (open != NULL && close != NULL, NULL);

  opened = g_strsplit (result->snippet, DOCKET_SEARCH_MARK_OPEN, -1);
  joined = g_strjoinv (open, opened);
  closed = g_strsplit (joined, DOCKET_SEARCH_MARK_CLOSE, -1);
  return g_strjoinv (close, closed);
}

/**
 * docket_search_result_dup_snippet_markup:
 * @result: a result
 *
 * Returns: (transfer full): the snippet as Pango markup, the text escaped and the
 *   matches in bold
 */
char *
docket_search_result_dup_snippet_markup (const DocketSearchResult *result)
{
  GString *markup = g_string_new (NULL);
  const char *p;

  g_return_val_if_fail (result != NULL, NULL);

  p = result->snippet;
  while (*p != '\0')
    {
      const char *open = strstr (p, DOCKET_SEARCH_MARK_OPEN);
      const char *close;
      g_autofree char *before = NULL;
      g_autofree char *match = NULL;

      if (open == NULL)
        open = p + strlen (p);
      before = g_markup_escape_text (p, open - p);
      g_string_append (markup, before);
      if (*open == '\0')
        break;
      open += strlen (DOCKET_SEARCH_MARK_OPEN);
      close = strstr (open, DOCKET_SEARCH_MARK_CLOSE);
      if (close == NULL)
        close = open + strlen (open);
      match = g_markup_escape_text (open, close - open);
      g_string_append_printf (markup, "<b>%s</b>", match);
      p = *close != '\0' ? close + strlen (DOCKET_SEARCH_MARK_CLOSE) : close;
    }
  return g_string_free (markup, FALSE);
}

static const char * const kind_names[DOCKET_SEARCH_N_KINDS] = {
  "meeting", "minutes", "conclusion", "item", "progress",
};

/**
 * docket_search_kind_to_string:
 * @kind: a kind
 *
 * Returns: its name in docketctl and JSON ("meeting", "minutes", "conclusion",
 *   "item", "progress")
 */
const char *
docket_search_kind_to_string (DocketSearchKind kind)
{
  g_return_val_if_fail (kind < DOCKET_SEARCH_N_KINDS, NULL);
  return kind_names[kind];
}

/**
 * docket_search_kind_from_string:
 * @text: a name from docket_search_kind_to_string()
 * @out_kind: (out): the kind
 *
 * Returns: %TRUE when @text names a kind
 */
gboolean
docket_search_kind_from_string (const char       *text,
                                DocketSearchKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  for (guint i = 0; text != NULL && i < DOCKET_SEARCH_N_KINDS; i++)
    if (g_ascii_strcasecmp (text, kind_names[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * docket_search_kind_get_title:
 * @kind: a kind
 *
 * Returns: the heading of a group of results of @kind, translated
 */
const char *
docket_search_kind_get_title (DocketSearchKind kind)
{
  switch (kind)
    {
    case DOCKET_SEARCH_KIND_MEETING: return _("Meetings");
    /* Translators: a heading of search results: sections of meeting minutes */
    case DOCKET_SEARCH_KIND_MINUTES: return _("Minutes");
    /* Translators: a heading of search results: the chair's conclusions */
    case DOCKET_SEARCH_KIND_CONCLUSION: return _("Conclusions");
    case DOCKET_SEARCH_KIND_ITEM: return _("Directive items");
    case DOCKET_SEARCH_KIND_PROGRESS: return _("Progress reports");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * docket_store_search:
 * @self: a store
 * @query: what to look for, and the filters
 * @error: return location for an error
 *
 * Searches the folded text of every meeting, section of minutes, conclusion, item
 * and progress report.  Results holding the diacritics typed come first, then the
 * other matches, each by relevance.  Text without any word gives no results.
 *
 * Returns: (transfer container) (element-type DocketSearchResult): the results, at
 *   most @query's limit, or %NULL with @error set
 */
GPtrArray *
docket_store_search (DocketStore             *self,
                     const DocketSearchQuery *query,
                     GError                 **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_auto(SearchTerms) terms = { NULL, };
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (DOCKET_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_search_result_free);
  parse_query (query->text != NULL ? query->text : "", &terms);
  if (terms.folded->len == 0)
    return g_steal_pointer (&results);

  /* Both passes and the records they load read one snapshot, so a write by another
   * process in between cannot show a record twice or a hit without its record. */
  if (sqlite3_get_autocommit (_docket_store_get_db (self)))
    {
      if (!_docket_store_exec (self, "BEGIN DEFERRED", error))
        return NULL;
      own = TRUE;
    }
  ok = run_search (self, query, &terms, results, error);
  /* Only reads happened: ending the transaction cannot lose anything. */
  if (own && !_docket_store_exec (self, ok ? "COMMIT" : "ROLLBACK", ok ? error : NULL))
    ok = FALSE;
  return ok ? g_steal_pointer (&results) : NULL;
}

/**
 * docket_store_rebuild_search_index:
 * @self: a store
 * @error: return location for an error
 *
 * Refills the search index from the records, in one transaction.  The triggers keep
 * it in step with every change, so this is for repairs (a file changed by a tool
 * that bypassed them) and for support.
 *
 * Returns: %TRUE on success
 */
gboolean
docket_store_rebuild_search_index (DocketStore *self,
                                   GError     **error)
{
  g_return_val_if_fail (DOCKET_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _docket_store_write (self, rebuild_cb, NULL, error);
}
