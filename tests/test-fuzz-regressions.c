/* test-fuzz-regressions.c — replays the fuzz seeds and every input that
 * once crashed a harness, without libFuzzer, so the normal (sanitized)
 * suite keeps them fixed.
 *
 * Files live in tests/fuzz/corpus/<harness>/ and
 * tests/fuzz/regressions/<harness>/, <harness> being reader-csv,
 * reader-xlsx, reader-xls, xls-stream, parse, survey or themes.  A test
 * passes when reading the file returns, whatever the reader says about
 * it; ASan and UBSan in build-aux/test turn a memory error or leak into a failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

/* The harnesses' own bodies, so the replay takes the same code path; built
 * here rather than as a second source so that this test registers like
 * every other core test. */
#include "fuzz/cg-fuzz.c"
#include "fuzz/cg-fuzz-text.c"

typedef enum
{
  HARNESS_READ,     /* a file for a reader */
  HARNESS_PARSE,    /* cells for the parsers */
  HARNESS_STREAM,   /* the .xls child's answer */
  HARNESS_SURVEY,   /* a survey export for the import plan */
  HARNESS_THEMES,   /* terms, NUL, a customer's text */
} HarnessKind;

static const struct
{
  const char   *harness;
  HarnessKind   kind;
  CgFileFormat  format;
} harnesses[] = {
  { "reader-csv",  HARNESS_READ,   CG_FILE_FORMAT_CSV },
  { "reader-xlsx", HARNESS_READ,   CG_FILE_FORMAT_XLSX },
  { "reader-xls",  HARNESS_READ,   CG_FILE_FORMAT_XLS },
  { "xls-stream",  HARNESS_STREAM, CG_FILE_FORMAT_AUTO },
  { "parse",       HARNESS_PARSE,  CG_FILE_FORMAT_AUTO },
  { "survey",      HARNESS_SURVEY, CG_FILE_FORMAT_CSV },
  { "themes",      HARNESS_THEMES, CG_FILE_FORMAT_AUTO },
};

typedef struct
{
  char     *path;
  guint     harness;
} Replay;

static void
replay_free (gpointer data)
{
  Replay *replay = data;

  g_free (replay->path);
  g_free (replay);
}

static void
test_replay (gconstpointer data)
{
  const Replay *replay = data;

  if (harnesses[replay->harness].kind == HARNESS_SURVEY)
    cg_fuzz_survey_path (replay->path);
  else if (harnesses[replay->harness].kind != HARNESS_READ)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_file_get_contents (replay->path, &contents, &length, &error);
      g_assert_no_error (error);
      if (harnesses[replay->harness].kind == HARNESS_PARSE)
        cg_fuzz_parse ((const guint8 *) contents, length);
      else if (harnesses[replay->harness].kind == HARNESS_THEMES)
        cg_fuzz_themes ((const guint8 *) contents, length);
      else
        cg_fuzz_xls_stream ((const guint8 *) contents, length);
    }
  else
    cg_fuzz_read_path (replay->path, harnesses[replay->harness].format);
}

/* Adds one test per file in @kind/<harness>/; returns how many. */
static guint
add_replays (const char *kind,
             GPtrArray  *replays)
{
  guint n_added = 0;

  for (guint h = 0; h < G_N_ELEMENTS (harnesses); h++)
    {
      g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", kind,
                                                         harnesses[h].harness, NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

      for (guint i = 0; i < names->len; i++)
        {
          const char *file = g_ptr_array_index (names, i);
          Replay *replay = g_new0 (Replay, 1);
          g_autofree char *test_path = NULL;

          replay->path = g_build_filename (dir_path, file, NULL);
          replay->harness = h;
          g_ptr_array_add (replays, replay);
          test_path = g_strdup_printf ("/fuzz/%s/%s/%s", kind, harnesses[h].harness, file);
          g_test_add_data_func (test_path, replay, test_replay);
          n_added++;
        }
    }
  return n_added;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) replays = g_ptr_array_new_with_free_func (replay_free);
  g_test_init (&argc, &argv, NULL);

  /* The seeds must be there: an empty replay would pass without checking
   * anything.  Regressions may be none yet. */
  g_assert_cmpuint (add_replays ("corpus", replays), >, 0);
  add_replays ("regressions", replays);
  /* FreeXL's own crashes: harmless now that it runs in a child process. */
  add_replays ("known-crashes", replays);

  return g_test_run ();
}
