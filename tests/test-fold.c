/* test-fold.c: folding Vietnamese text for search
 *
 * Copyright 2026 The Docket authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "docket-core.h"

static void
assert_fold (const char *text,
             const char *expected)
{
  g_autofree char *folded = docket_fold (text);

  g_assert_cmpstr (folded, ==, expected);
  g_assert_true (g_utf8_validate (folded, -1, NULL));
}

static void
test_fold_table (void)
{
  static const struct { const char *text, *folded; } table[] = {
    { "", "" },
    { "UBND", "ubnd" },
    { "Cải cách hành chính", "cai cach hanh chinh" },
    { "CẢI CÁCH HÀNH CHÍNH", "cai cach hanh chinh" },
    { "Đà Nẵng", "da nang" },
    { "ĐƯỜNG đê", "duong de" },
    { "đ Đ", "d d" },
    /* Stacked marks: a vowel mark and a tone mark on one letter. */
    { "ế ặ ự ỗ ở ẫ ằ ệ ữ", "e a u o o a a e u" },
    { "NGUYỄN THỊ HỒNG NHUNG", "nguyen thi hong nhung" },
    { "Ơ ơ Ư ư Ă ă Â â Ê ê Ô ô", "o o u u a a a a e e o o" },
    { "Thông báo kết luận Số: 45/TB-UBND, ngày 05/01/2026.",
      "thong bao ket luan so: 45/tb-ubnd, ngay 05/01/2026." },
    { "Họp 😀 xong", "hop 😀 xong" },
    { "98,62 % — “đúng hạn”", "98,62 % — “dung han”" },
    { "ÀÁẢÃẠ ỲÝỶỸỴ", "aaaaa yyyyy" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    assert_fold (table[i].text, table[i].folded);
}

/* Every Vietnamese vowel with every tone, built from its parts, folds to its base
 * letter whether given decomposed (NFD), precomposed (NFC), in lower or upper case. */
static void
test_fold_all_vowels (void)
{
  static const struct { const char *parts; const char *base; } vowels[] = {
    { "a", "a" }, { "a\xcc\x86", "a" } /* ă */, { "a\xcc\x82", "a" } /* â */,
    { "e", "e" }, { "e\xcc\x82", "e" } /* ê */, { "i", "i" }, { "o", "o" },
    { "o\xcc\x82", "o" } /* ô */, { "o\xcc\x9b", "o" } /* ơ */, { "u", "u" },
    { "u\xcc\x9b", "u" } /* ư */, { "y", "y" },
  };
  /* none, grave, hook above, tilde, acute, dot below */
  static const char *tones[] = { "", "\xcc\x80", "\xcc\x89", "\xcc\x83", "\xcc\x81", "\xcc\xa3" };

  for (guint v = 0; v < G_N_ELEMENTS (vowels); v++)
    for (guint t = 0; t < G_N_ELEMENTS (tones); t++)
      {
        g_autofree char *nfd = g_strconcat (vowels[v].parts, tones[t], NULL);
        g_autofree char *nfc = g_utf8_normalize (nfd, -1, G_NORMALIZE_NFC);
        g_autofree char *upper_nfc = g_utf8_strup (nfc, -1);
        g_autofree char *upper_nfd = g_utf8_normalize (upper_nfc, -1, G_NORMALIZE_NFD);

        /* The precomposed form really is one character (two bytes or three). */
        g_assert_cmpint (g_utf8_strlen (nfc, -1), ==, 1);
        assert_fold (nfd, vowels[v].base);
        assert_fold (nfc, vowels[v].base);
        assert_fold (upper_nfc, vowels[v].base);
        assert_fold (upper_nfd, vowels[v].base);
      }
}

static void
test_fold_nfd (void)
{
  g_autofree char *nfd = g_utf8_normalize ("Việt Nam – Hội nghị sơ kết", -1, G_NORMALIZE_NFD);

  g_assert_cmpuint (strlen (nfd), >, strlen ("Việt Nam – Hội nghị sơ kết"));
  assert_fold (nfd, "viet nam – hoi nghi so ket");
  /* "Vie" + dot below + circumflex + "t", the marks in the order people type them. */
  assert_fold ("Vie\xcc\xa3\xcc\x82t", "viet");
}

/* Each byte that is not valid UTF-8 becomes one U+FFFD and the rest still folds: the
 * cut-off sequence E1 BB (the start of "ệ") is two invalid bytes. */
static void
test_fold_invalid (void)
{
  assert_fold ("ab\xff" "cd", "ab\xef\xbf\xbd" "cd");
  assert_fold ("H\xc3\xa0 \xc3", "ha \xef\xbf\xbd");
  assert_fold ("\xe1\xbb", "\xef\xbf\xbd\xef\xbf\xbd");
}

static void
test_fold_append (void)
{
  g_autoptr(GString) out = g_string_new ("x:");

  docket_fold_append (out, "Đà");
  docket_fold_append (out, " LẠT");
  g_assert_cmpstr (out->str, ==, "x:da lat");
}

static void
test_fold_contains (void)
{
  g_assert_true (docket_fold_contains ("Cải cách hành chính", "cai cach"));
  g_assert_true (docket_fold_contains ("Cải cách hành chính", "HÀNH CHINH"));
  g_assert_true (docket_fold_contains ("UBND thành phố Đà Nẵng", "da nang"));
  g_assert_true (docket_fold_contains ("anything", ""));
  g_assert_false (docket_fold_contains ("Hà Nội", "ha noi x"));
  g_assert_false (docket_fold_contains ("", "a"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/fold/table", test_fold_table);
  g_test_add_func ("/docket/fold/all-vowels", test_fold_all_vowels);
  g_test_add_func ("/docket/fold/nfd", test_fold_nfd);
  g_test_add_func ("/docket/fold/invalid", test_fold_invalid);
  g_test_add_func ("/docket/fold/append", test_fold_append);
  g_test_add_func ("/docket/fold/contains", test_fold_contains);

  return g_test_run ();
}
