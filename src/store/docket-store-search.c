/* docket-store-search.c: full-text search over the FTS5 index of schema version 7
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index (see migrations 6 and 7 in docket-store-schema.c) is kept by triggers; this file
 * reads it.  What a person types is never handed to FTS5 as query syntax: it is cut
 * into words here, with the same idea of a word as the index's tokenizer (letters,
 * digits, private-use characters and combining marks), and every word goes into the
 * MATCH expression inside double quotes, so quotes, `*`, `-`, parentheses, AND, OR,
 * NEAR and unbalanced input are plain words and no input can make a syntax error.
 * Characters that are not part of words (punctuation, emoji) separate words, exactly
 * as they do when the text is indexed.
 *
 * Matching: every query matches the folded column (so "cai cach" finds "cải cách").
 * When the query carries diacritics, a first pass looks for the records that hold
 * the words with those diacritics in the original column (words typed without
 * diacritics still match folded), and those come first; the folded-only matches
 * follow.  The last word gets a prefix match unless the text ends in a space, so
 * results follow the word being typed.  How the matches are ranked, and why not all
 * of them are, is told under "Ranking" below.
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

/* The word being typed.
 *
 * FTS5 answers a prefix query ("nong"*) by merging the lists of records of every word
 * that begins with it into one list, in full, whatever the LIMIT: 25 ms for "nong"
 * over a million items, for each kind.  The index keeps its own lists for prefixes of
 * one or two characters (prefix = '1 2', schema version 7); a longer prefix is
 * looked up in search_words, the words of the index, and becomes the OR of the few
 * words it begins ("nong" OR "nonga"), which FTS5 reads lazily, newest first, as it
 * does single words.  A prefix that begins too many words, or none (the words table
 * never misses a word of the index; this is only a safe default), is left to FTS5. */
#define PREFIX_INDEXED_CHARS 2
#define MAX_PREFIX_WORDS     24

/* The words of the index that begin with @prefix, or NULL when FTS5 should expand it
 * itself. */
static GPtrArray *
expand_prefix (DocketStore *self,
               const char  *prefix,
               GError     **error)
{
  g_autoptr(DocketStmt) stmt = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *end = NULL;
  gsize len = strlen (prefix);
  gboolean row;

  if (g_utf8_strlen (prefix, -1) <= PREFIX_INDEXED_CHARS)
    return NULL;
  /* Byte-wise (the BINARY collation), the words that begin with the prefix are the
   * ones from it up to the prefix with its last byte one higher; UTF-8 never has
   * 0xFF, so the last byte can always grow. */
  end = g_strdup (prefix);
  end[len - 1]++;
  stmt = _docket_store_prepare (self, "SELECT word FROM search_words WHERE word >= ?1 AND "
                                      "word < ?2 ORDER BY word LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  _docket_stmt_bind_text (stmt, 1, prefix);
  _docket_stmt_bind_text (stmt, 2, end);
  _docket_stmt_bind_int (stmt, 3, MAX_PREFIX_WORDS + 1);
  for (;;)
    {
      if (!_docket_store_step (self, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      g_ptr_array_add (words, _docket_stmt_dup_text (stmt, 0));
    }
  if (words->len == 0 || words->len > MAX_PREFIX_WORDS)
    return NULL;
  return g_steal_pointer (&words);
}

/* Appends the last phrase, being typed: "a b"*, or ("a b1" OR "a b2") with the
 * words that begin with b. */
static gboolean
append_prefix_phrase (DocketStore *self,
                      GString     *match,
                      const char  *phrase,
                      GError     **error)
{
  const char *space = strrchr (phrase, ' ');
  const char *last = space != NULL ? space + 1 : phrase;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) words = expand_prefix (self, last, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (words == NULL)
    {
      g_string_append_printf (match, "\"%s\"*", phrase);
      return TRUE;
    }
  g_string_append_c (match, '(');
  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (match, "%s\"%.*s%s\"", i > 0 ? " OR " : "", (int) (last - phrase),
                            phrase, (const char *) g_ptr_array_index (words, i));
  g_string_append_c (match, ')');
  return TRUE;
}

/* The MATCH expression: every phrase in double quotes (word characters never
 * include '"'), all required; with @exact, phrases typed with diacritics must match
 * them in the original column. */
static char *
build_match (DocketStore       *self,
             const SearchTerms *terms,
             gboolean           exact,
             GError           **error)
{
  g_autoptr(GString) match = g_string_new (NULL);

  for (guint i = 0; i < terms->folded->len; i++)
    {
      const char *original = exact ? g_ptr_array_index (terms->original, i) : NULL;
      const char *phrase = original ? original : g_ptr_array_index (terms->folded, i);

      if (i > 0)
        g_string_append (match, " AND ");
      g_string_append_printf (match, "%s : ", original ? "original" : "folded");
      if (terms->prefix && i + 1 == terms->folded->len)
        {
          if (!append_prefix_phrase (self, match, phrase, error))
            return NULL;
        }
      else
        g_string_append_printf (match, "\"%s\"", phrase);
    }
  return g_string_free (g_steal_pointer (&match), FALSE);
}

/* docket_search_words (text): the words of @text as the index holds them, as written
 * (lower case) and folded, each once, as a JSON array for json_each() (see the
 * triggers of schema version 7); only the words longer than the prefixes the index
 * keeps, the only ones expand_prefix() can ask for. */
static void
append_words (GString    *json,
              GHashTable *seen,
              const char *text)
{
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;

      if (c != 0 && is_word_char (c))
        {
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }
      /* A prefix the index has its own lists for is never looked up here, nor are
       * the words no longer than it. */
      if (word->len > 0 && g_utf8_strlen (word->str, word->len) > PREFIX_INDEXED_CHARS &&
          !g_hash_table_contains (seen, word->str))
        {
          g_hash_table_add (seen, g_strdup (word->str));
          g_string_append (json, json->len > 1 ? ",\"" : "\"");
          /* Word characters are never '"', '\\' or controls: nothing to escape. */
          g_string_append_len (json, word->str, word->len);
          g_string_append_c (json, '"');
        }
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
}

static void
sql_words_func (sqlite3_context *context,
                int              n_values,
                sqlite3_value  **values)
{
  const char *text = (const char *) sqlite3_value_text (values[0]);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;
  GString *json = g_string_new ("[");

  if (text != NULL)
    {
      valid = g_utf8_make_valid (text, -1);
      folded = _docket_store_fold (valid);
      append_words (json, seen, valid);
      append_words (json, seen, folded);
    }
  g_string_append_c (json, ']');
  sqlite3_result_text (context, json->str, json->len, g_free);
  g_string_free (json, FALSE);
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

/* Ranking.
 *
 * FTS5's own bm25() costs too much to run on every match of a two-word query over a
 * million items (thousands of them): it reads the whole list of records of every word
 * to count them (the IDF), and the length of each matching record from another
 * table.  So the search ranks a bounded set of candidates, with its own function:
 *
 * - The candidates are, for each kind of record, the newest matches (the highest ids,
 *   which grow with time), at most candidates_per_kind () of them.  FTS5 finds them
 *   by reading the ends of the words' lists backwards and stops there (the rowid is
 *   `kind << 56 | id`, schema version 7).  A query that matches fewer records than
 *   that is ranked over all its matches; a broader one is ranked over the newest,
 *   which in a register of meetings and directives are the ones wanted most often,
 *   and typing one more word narrows it to the older ones.  Each kind has its own
 *   share, so the many items do not crowd out the meetings, minutes and conclusions.
 *
 * - docket_search_rank() is BM25 (k1 = 1.2, b = 0.75: the number of times each word
 *   is in the record, saturated, against the record's length relative to the
 *   average) without the IDF.  Every candidate holds every word typed, so the IDF
 *   would only weigh one word against another; leaving it out saves reading whole
 *   lists of records.  Short records that repeat the words rank first, as with
 *   bm25(); ties go to the newer record.
 *
 * - When the query carries diacritics, the candidates that hold them (found by their
 *   own MATCH on the original column) come first, then the folded-only ones. */

#define BM25_K1 1.2
#define BM25_B  0.75

/* The kind and the id of a record are the high byte and the rest of its rowid. */
#define DOC_KIND_SHIFT 56
#define DOC_ID_MASK    ((G_GINT64_CONSTANT (1) << DOC_KIND_SHIFT) - 1)

/* docket_search_rank (search_index): the relevance of the current row to the phrases
 * of the MATCH expression, higher first.  The alternatives of the word being typed
 * ("nong" OR "nonga") are phrases of their own; a record holds one or few of them. */
static void
rank_func (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           sqlite3_context        *context,
           int                     n_values,
           sqlite3_value         **values)
{
  int n_phrases = api->xPhraseCount (fts);
  sqlite3_int64 n_rows = 0, n_tokens = 0;
  double average, norm, score = 0;
  int length = 0;
  int rc;

  if ((rc = api->xRowCount (fts, &n_rows)) != SQLITE_OK ||
      (rc = api->xColumnTotalSize (fts, -1, &n_tokens)) != SQLITE_OK ||
      (rc = api->xColumnSize (fts, -1, &length)) != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }
  average = n_rows > 0 && n_tokens > 0 ? (double) n_tokens / n_rows : 1.0;
  norm = BM25_K1 * (1 - BM25_B + BM25_B * length / average);
  for (int i = 0; i < n_phrases; i++)
    {
      Fts5PhraseIter iter;
      int column, offset, hits = 0;

      if ((rc = api->xPhraseFirst (fts, i, &iter, &column, &offset)) != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
      for (; column >= 0; api->xPhraseNext (fts, &iter, &column, &offset))
        hits++;
      score += hits * (BM25_K1 + 1) / (hits + norm);
    }
  sqlite3_result_double (context, score);
}

/**
 * _docket_store_search_register:
 * @db: a connection
 *
 * Adds docket_search_rank() to the FTS5 of @db, and docket_search_words() for the
 * triggers.
 */
void
_docket_store_search_register (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api *fts5 = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &fts5, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  /* Without it every search fails with "no such function", which says what is
   * wrong; SQLite without FTS5 cannot open the schema anyway. */
  if (fts5 != NULL && fts5->iVersion >= 2)
    fts5->xCreateFunction (fts5, "docket_search_rank", NULL, rank_func, NULL);
  sqlite3_create_function_v2 (db, "docket_search_words", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, sql_words_func, NULL, NULL, NULL);
}

/* Running a query. */

/* The newest matches of one kind (the rowids from ?2 to ?3), with their relevance. */
#define CANDIDATES_SQL \
  "SELECT rowid, docket_search_rank (search_index) FROM search_index " \
  "WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid DESC LIMIT ?4"

/* The record behind a hit: from `s` (rowid `doc`), the row of its own table, its
 * item (items and progress reports) and its meeting, by rowid lookups. */
#define DOC_KIND "(s.doc >> 56)"
#define DOC_ID   "(s.doc & 72057594037927935)"
#define RECORD_JOINS \
  "LEFT JOIN minutes_sections ms ON " DOC_KIND " = 1 AND ms.id = " DOC_ID " " \
  "LEFT JOIN conclusions c ON " DOC_KIND " = 2 AND c.id = " DOC_ID " " \
  "LEFT JOIN progress_reports p ON " DOC_KIND " = 4 AND p.id = " DOC_ID " " \
  "LEFT JOIN items i ON i.id = CASE " DOC_KIND " WHEN 3 THEN " DOC_ID " " \
  "                                              WHEN 4 THEN p.item_id END " \
  "LEFT JOIN meetings m ON m.id = CASE " DOC_KIND " WHEN 0 THEN " DOC_ID " " \
  "                                                 WHEN 1 THEN ms.meeting_id " \
  "                                                 WHEN 2 THEN c.meeting_id " \
  "                                                 ELSE i.meeting_id END "
#define RECORD_DAY \
  "CASE " DOC_KIND " WHEN 3 THEN coalesce (i.assigned_on, i.meeting_date) " \
  "                 WHEN 4 THEN p.reported_on ELSE m.date END"

/* With filters, the newest matches of one kind that pass them: the filters are tested
 * before the LIMIT, so every match of the kind may be joined to its record. */
#define FILTERED_CANDIDATES_SQL \
  "SELECT s.doc, s.score FROM (SELECT rowid AS doc, docket_search_rank (search_index) AS score " \
  "                            FROM search_index " \
  "                            WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3) s " \
  RECORD_JOINS \
  "WHERE (?5 = 0 OR CASE WHEN " DOC_KIND " >= 3 " \
  "         THEN i.lead_unit_id = ?5 OR EXISTS (SELECT 1 FROM item_coordinating_units cu " \
  "                                             WHERE cu.item_id = i.id AND cu.unit_id = ?5) " \
  "         ELSE EXISTS (SELECT 1 FROM attendees a WHERE a.meeting_id = m.id " \
  "                      AND a.unit_id = ?5) END) " \
  "  AND (?6 = 0 OR m.id = ?6) " \
  "  AND (?7 IS NULL OR " RECORD_DAY " >= ?7) " \
  "  AND (?8 IS NULL OR " RECORD_DAY " <= ?8) " \
  "ORDER BY s.doc DESC LIMIT ?4"

#define RECORD_SQL \
  "SELECT m.id, i.id, " RECORD_DAY ", " \
  "       CASE WHEN " DOC_KIND " >= 3 THEN i.content ELSE m.title END, " \
  "       CASE " DOC_KIND " WHEN 0 THEN m.title || ifnull (' — ' || m.location, '') " \
  "                         WHEN 1 THEN ms.text WHEN 2 THEN c.text WHEN 3 THEN i.content " \
  "                         ELSE p.text END " \
  "FROM (SELECT ?1 AS doc) s " RECORD_JOINS

typedef struct
{
  gint64   doc;
  double   score;
  gboolean exact;
} Candidate;

static gboolean
has_filters (const DocketSearchQuery *query)
{
  return query->unit_id != 0 || query->meeting_id != 0 ||
         query->from != DOCKET_DATE_NONE || query->to != DOCKET_DATE_NONE;
}

/* The newest matches of each kind that are ranked: twice a page, so a page can come
 * from any one kind with a choice.  Each costs about 2.5 µs (its length is looked up
 * for BM25): for a page of 50, 4 kinds of 100 are 1 ms of a search's 3 to 4. */
static guint
candidates_per_kind (guint limit)
{
  return MAX (limit * 2, 100);
}

/* Appends the candidates of @match not yet in @seen to @candidates. */
static gboolean
collect_candidates (DocketStore             *self,
                    const DocketSearchQuery *query,
                    const char              *match,
                    gboolean                 exact,
                    guint                    limit,
                    GHashTable              *seen,
                    GArray                  *candidates,
                    GError                 **error)
{
  guint kinds = query->kinds != 0 ? query->kinds : (1u << DOCKET_SEARCH_N_KINDS) - 1;
  gboolean filtered = has_filters (query);

  for (guint kind = 0; kind < DOCKET_SEARCH_N_KINDS; kind++)
    {
      g_autoptr(DocketStmt) stmt = NULL;
      gint64 first = (gint64) kind << DOC_KIND_SHIFT;
      gboolean row;

      if ((kinds & DOCKET_SEARCH_KIND_FLAG (kind)) == 0)
        continue;
      stmt = _docket_store_prepare (self, filtered ? FILTERED_CANDIDATES_SQL : CANDIDATES_SQL,
                                    error);
      if (stmt == NULL)
        return FALSE;
      _docket_stmt_bind_text (stmt, 1, match);
      _docket_stmt_bind_int (stmt, 2, first);
      _docket_stmt_bind_int (stmt, 3, first | DOC_ID_MASK);
      _docket_stmt_bind_int (stmt, 4, candidates_per_kind (limit));
      if (filtered)
        {
          _docket_stmt_bind_int (stmt, 5, query->unit_id);
          _docket_stmt_bind_int (stmt, 6, query->meeting_id);
          _docket_stmt_bind_date (stmt, 7, query->from);
          _docket_stmt_bind_date (stmt, 8, query->to);
        }
      for (;;)
        {
          Candidate candidate = { 0, };

          if (!_docket_store_step (self, stmt, &row, error))
            return FALSE;
          if (!row)
            break;
          candidate.doc = _docket_stmt_get_int (stmt, 0);
          candidate.score = sqlite3_column_double (stmt, 1);
          candidate.exact = exact;
          if (g_hash_table_add (seen, g_memdup2 (&candidate.doc, sizeof candidate.doc)))
            g_array_append_val (candidates, candidate);
        }
    }
  return TRUE;
}

/* The exact ones first, then by relevance, then the newest. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->exact != y->exact)
    return x->exact ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return (x->doc < y->doc) - (x->doc > y->doc);
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
  result->kind = doc >> DOC_KIND_SHIFT;
  result->record_id = doc & DOC_ID_MASK;
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
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint limit = query->limit == 0 ? DOCKET_SEARCH_DEFAULT_LIMIT
                                  : MIN (query->limit, DOCKET_SEARCH_MAX_LIMIT);

  if (terms->diacritics)
    {
      g_autofree char *match = build_match (self, terms, TRUE, error);

      if (match == NULL ||
          !collect_candidates (self, query, match, TRUE, limit, seen, candidates, error))
        return FALSE;
    }
  /* Enough records hold the diacritics typed to fill the page: the folded-only ones
   * would all come after it. */
  if (candidates->len < limit)
    {
      g_autofree char *match = build_match (self, terms, FALSE, error);

      if (match == NULL ||
          !collect_candidates (self, query, match, FALSE, limit, seen, candidates, error))
        return FALSE;
    }
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len && results->len < limit; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      g_autoptr(GError) local_error = NULL;
      DocketSearchResult *result;

      result = load_result (self, candidate->doc, terms, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (result == NULL)
        continue;
      result->exact = candidate->exact;
      g_ptr_array_add (results, result);
    }
  return TRUE;
}

static gboolean
rebuild_cb (DocketStore *self,
            gpointer     data,
            GError     **error)
{
  /* The rowids of schema version 7: kind << 56 | id. */
  return _docket_store_exec (self,
    "DELETE FROM search_queue;"
    "INSERT INTO search_index (search_index) VALUES ('delete-all');"
    "INSERT INTO search_index (rowid, folded, original) "
    "  SELECT (0 << 56) + id, docket_fold (title || ' ' || ifnull (location, '')), "
    "         title || ' ' || ifnull (location, '') FROM meetings;"
    "INSERT INTO search_index (rowid, folded, original) "
    "  SELECT (1 << 56) + id, docket_fold (text), text FROM minutes_sections;"
    "INSERT INTO search_index (rowid, folded, original) "
    "  SELECT (2 << 56) + id, docket_fold (text), text FROM conclusions;"
    "INSERT INTO search_index (rowid, folded, original) "
    "  SELECT (3 << 56) + id, docket_fold (content), content FROM items;"
    "INSERT INTO search_index (rowid, folded, original) "
    "  SELECT (4 << 56) + id, docket_fold (text), text FROM progress_reports;"
    "INSERT INTO search_index (search_index) VALUES ('optimize');"
    "DELETE FROM search_words;"
    "INSERT OR IGNORE INTO search_words (word) "
    "  SELECT w.value FROM meetings, "
    "       json_each (docket_search_words (title || ' ' || ifnull (location, ''))) w;"
    "INSERT OR IGNORE INTO search_words (word) "
    "  SELECT w.value FROM minutes_sections, json_each (docket_search_words (text)) w;"
    "INSERT OR IGNORE INTO search_words (word) "
    "  SELECT w.value FROM conclusions, json_each (docket_search_words (text)) w;"
    "INSERT OR IGNORE INTO search_words (word) "
    "  SELECT w.value FROM items, json_each (docket_search_words (content)) w;"
    "INSERT OR IGNORE INTO search_words (word) "
    "  SELECT w.value FROM progress_reports, json_each (docket_search_words (text)) w;",
    error);
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
 * other matches, each by relevance (BM25 without IDF).  What is ranked is, for each
 * kind of record, its newest matches (twice @query's limit, at least 100): a query
 * that matches fewer records is ranked over all of them, a broader one over the
 * newest.  Text without any word gives no results.
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
