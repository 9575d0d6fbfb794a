/* docket-fold.c
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "docket-fold"

#include "config.h"

#include <string.h>

#include "docket-fold.h"

/* Vietnamese text folding for search: people type "cai cach hanh chinh" and expect to
 * find "cải cách hành chính", so both the indexed text and the query are folded the same
 * way.  Folding is run over every row when a large file is indexed, hence the care
 * taken not to allocate per character and the plain-ASCII fast path. */

#define LATIN_D_WITH_STROKE_UPPER 0x0110  /* Đ, which has no decomposition */
#define LATIN_D_WITH_STROKE_LOWER 0x0111  /* đ */

static void
append_ascii_lower (GString    *out,
                    const char *text,
                    gsize       len)
{
  gsize start = out->len;

  g_string_set_size (out, start + len);
  for (gsize i = 0; i < len; i++)
    out->str[start + i] = g_ascii_tolower (text[i]);
}

static void
append_folded_char (GString  *out,
                    gunichar  c)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  c = g_unichar_tolower (c);
  if (c == LATIN_D_WITH_STROKE_LOWER)
    {
      g_string_append_c (out, 'd');
      return;
    }

  /* The canonical decomposition of one character is what NFD normalisation gives for
   * it (the reordering NFD also does only moves marks, which are dropped anyway), so
   * decomposing here treats precomposed and decomposed input alike without normalising
   * the whole string into a new buffer.  "ế" gives e + U+0302 + U+0301. */
  n = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));
  for (gsize i = 0; i < n; i++)
    {
      if (g_unichar_type (parts[i]) == G_UNICODE_NON_SPACING_MARK)
        continue;
      g_string_append_unichar (out, parts[i]);
    }
}

/* Almost every non-ASCII character of Vietnamese text (the Latin-1, Latin Extended,
 * combining marks and Latin Extended Additional blocks, U+0080–U+1EFF) folds to one ASCII
 * letter or to nothing.  A table built once from append_folded_char() answers those
 * with one lookup; 0 means "take the slow path", TABLE_DROP "fold to nothing". */
#define TABLE_SIZE 0x1F00
#define TABLE_DROP 0xFF

static const guint8 *
fold_table (void)
{
  static guint8 *table = NULL;

  if (g_once_init_enter (&table))
    {
      guint8 *t = g_new0 (guint8, TABLE_SIZE);
      g_autoptr(GString) buf = g_string_new (NULL);

      for (gunichar c = 0x80; c < TABLE_SIZE; c++)
        {
          g_string_truncate (buf, 0);
          append_folded_char (buf, c);
          if (buf->len == 0)
            t[c] = TABLE_DROP;
          else if (buf->len == 1 && (guchar) buf->str[0] < 0x80)
            t[c] = (guint8) buf->str[0];
        }
      g_once_init_leave (&table, t);
    }
  return table;
}

/**
 * docket_fold_append:
 * @out: the string to append to
 * @text: UTF-8 text
 *
 * Appends the folded form of @text to @out (see docket_fold()).  An indexer folding
 * many rows can reuse one #GString and avoid an allocation per row.
 */
void
docket_fold_append (GString    *out,
                    const char *text)
{
  g_autofree char *repaired = NULL;
  const guint8 *table;
  const char *p;

  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL);

  /* Fast path: the whole text is ASCII. */
  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    {
      append_ascii_lower (out, text, p - text);
      return;
    }

  if (!g_utf8_validate (text, -1, NULL))
    text = repaired = g_utf8_make_valid (text, -1);

  table = fold_table ();
  for (p = text; *p != '\0'; )
    {
      const char *run = p;
      gunichar c;

      while (*p != '\0' && (guchar) *p < 0x80)
        p++;
      if (p > run)
        append_ascii_lower (out, run, p - run);
      if (*p == '\0')
        break;

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if (c < TABLE_SIZE && table[c] == TABLE_DROP)
        continue;
      if (c < TABLE_SIZE && table[c] != 0)
        g_string_append_c (out, (char) table[c]);
      else
        append_folded_char (out, c);
    }
}

/**
 * docket_fold:
 * @text: UTF-8 text
 *
 * Folds Vietnamese text for search and matching: lower case, every diacritic removed
 * (tone marks and the marks of ă, â, ê, ô, ơ, ư, also when stacked as in "ế", "ặ", "ự"),
 * and đ/Đ read as d.  Precomposed (NFC) and decomposed (NFD) input fold alike, because
 * each character is taken apart into its canonical decomposition and the non-spacing
 * marks (Unicode category Mn) are dropped.  Characters that are neither letters with
 * marks nor upper case, such as digits, punctuation and emoji, pass through (a
 * variation selector, itself a non-spacing mark, is dropped).
 *
 * Each byte that is not valid UTF-8 is replaced by U+FFFD REPLACEMENT CHARACTER (as
 * g_utf8_make_valid() does), so the result is always valid UTF-8 and text that was damaged in one place still matches
 * everywhere else.
 *
 * Returns: (transfer full): the folded text
 */
char *
docket_fold (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 1);
  docket_fold_append (out, text);
  return g_string_free (out, FALSE);
}

/**
 * docket_fold_contains:
 * @haystack: UTF-8 text
 * @needle: UTF-8 text to look for
 *
 * Returns: whether the folded @needle occurs in the folded @haystack; an empty
 *   @needle occurs everywhere
 */
gboolean
docket_fold_contains (const char *haystack,
                      const char *needle)
{
  g_autofree char *folded_haystack = NULL;
  g_autofree char *folded_needle = NULL;

  g_return_val_if_fail (haystack != NULL, FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);

  folded_needle = docket_fold (needle);
  if (*folded_needle == '\0')
    return TRUE;
  folded_haystack = docket_fold (haystack);
  return strstr (folded_haystack, folded_needle) != NULL;
}

gboolean
docket_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}
