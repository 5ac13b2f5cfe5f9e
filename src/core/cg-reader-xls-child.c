/* cg-reader-xls-child.c — the .xls reader as the application sees it:
 * FreeXL runs in the child process callgauge-xls-reader, this end decodes
 * the rows it streams back (cg-reader-xls-wire.h says why and how).
 *
 * The child's answer is treated as untrusted input too: a child that
 * FreeXL crashed, or that a crafted file took over, can write anything, so
 * every count and length is checked against the reader limits and every
 * text must be UTF-8 without NUL before it is handed on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-limits.h"
#include "cg-reader-private.h"
#include "cg-reader-xls-wire.h"

/* Stops a child that has gone quiet (FreeXL looping on a crafted file):
 * a thread that kills it once this end has waited for the silence limit
 * without a message.  Only waiting counts: a reader kept open while the
 * user looks at a preview is not silence. */
typedef struct
{
  GMutex       mutex;
  GCond        cond;
  GThread     *thread;
  GSubprocess *subprocess;
  gint64       silence_us;
  gint64       since;          /* monotonic start of the current wait */
  gboolean     waiting;
  gboolean     stop;
  gboolean     fired;
} Watchdog;

static gpointer
watchdog_run (gpointer data)
{
  Watchdog *dog = data;

  g_mutex_lock (&dog->mutex);
  while (!dog->stop)
    {
      gint64 deadline = dog->since + dog->silence_us;

      if (!dog->waiting)
        {
          g_cond_wait (&dog->cond, &dog->mutex);
          continue;
        }
      if (g_get_monotonic_time () >= deadline)
        {
          dog->fired = TRUE;
          g_subprocess_force_exit (dog->subprocess);
          break;
        }
      g_cond_wait_until (&dog->cond, &dog->mutex, deadline);
    }
  g_mutex_unlock (&dog->mutex);
  return NULL;
}

static Watchdog *
watchdog_start (GSubprocess *subprocess,
                guint        silence_seconds)
{
  Watchdog *dog = g_new0 (Watchdog, 1);

  g_mutex_init (&dog->mutex);
  g_cond_init (&dog->cond);
  dog->subprocess = g_object_ref (subprocess);
  dog->silence_us = (gint64) silence_seconds * G_USEC_PER_SEC;
  dog->since = g_get_monotonic_time ();
  dog->waiting = TRUE;  /* for the first message, read at open */
  dog->thread = g_thread_new ("cg-xls-watchdog", watchdog_run, dog);
  return dog;
}

/* Marks the start (@waiting) or end of a wait for the child. */
static void
watchdog_set_waiting (Watchdog *dog,
                      gboolean  waiting)
{
  if (dog == NULL)
    return;
  g_mutex_lock (&dog->mutex);
  dog->waiting = waiting;
  dog->since = g_get_monotonic_time ();
  g_cond_signal (&dog->cond);
  g_mutex_unlock (&dog->mutex);
}

static gboolean
watchdog_fired (Watchdog *dog)
{
  gboolean fired;

  if (dog == NULL)
    return FALSE;
  g_mutex_lock (&dog->mutex);
  fired = dog->fired;
  g_mutex_unlock (&dog->mutex);
  return fired;
}

static void
watchdog_stop (Watchdog *dog)
{
  g_mutex_lock (&dog->mutex);
  dog->stop = TRUE;
  g_cond_signal (&dog->cond);
  g_mutex_unlock (&dog->mutex);
  g_thread_join (dog->thread);
  g_object_unref (dog->subprocess);
  g_mutex_clear (&dog->mutex);
  g_cond_clear (&dog->cond);
  g_free (dog);
}

typedef struct
{
  CgReader          parent;

  GDataInputStream *in;
  GSubprocess      *subprocess;   /* NULL when decoding a plain stream */
  Watchdog         *watchdog;     /* with a subprocess */
  char             *path;
  char             *sheet_name;
  guint64           row_number;
  double            progress;
  gboolean          done;

  GArray           *cells;        /* CgCell, texts point into texts */
  GPtrArray        *texts;        /* char *, one per cell */
} CgReaderXlsChild;

static double
bits_double (guint64 bits)
{
  double value;

  memcpy (&value, &bits, sizeof value);
  return value;
}

/* The child died or wrote something that is not the protocol. */
static void
set_broken_error (CgReaderXlsChild  *self,
                  GError           **error)
{
  g_autofree char *display = g_filename_display_basename (self->path);

  if (watchdog_fired (self->watchdog))
    {
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_LIMIT,
                   _("Reading the workbook “%s” took too long: the .xls reader gave no answer "
                     "for %d seconds and was stopped. Open it in Excel or LibreOffice and save "
                     "it as .xlsx."),
                   display, (int) (self->watchdog->silence_us / G_USEC_PER_SEC));
      return;
    }
  g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
               _("The workbook “%s” is damaged: the .xls reader stopped while reading it. "
                 "Open it in Excel or LibreOffice and save it as .xlsx."),
               display);
}

/* Reads @length bytes of UTF-8 text; NULL when the stream is short or the
 * text is not valid. */
static char *
read_text (CgReaderXlsChild *self,
           guint32           length)
{
  g_autofree char *text = NULL;
  gsize n_read = 0;

  text = g_malloc (length + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (self->in), text, length, &n_read, NULL, NULL) ||
      n_read != length)
    return NULL;
  text[length] = '\0';
  if (!g_utf8_validate (text, length, NULL))
    return NULL;
  return g_steal_pointer (&text);
}

/* Reads a u32 that must be at most @max; FALSE when short or over. */
static gboolean
read_u32 (CgReaderXlsChild *self,
          guint32           max,
          guint32          *value)
{
  g_autoptr(GError) local_error = NULL;

  *value = g_data_input_stream_read_uint32 (self->in, NULL, &local_error);
  return local_error == NULL && *value <= max;
}

static gboolean
read_u64 (CgReaderXlsChild *self,
          guint64          *value)
{
  g_autoptr(GError) local_error = NULL;

  *value = g_data_input_stream_read_uint64 (self->in, NULL, &local_error);
  return local_error == NULL;
}

static gboolean
read_tag (CgReaderXlsChild *self,
          guchar           *tag)
{
  g_autoptr(GError) local_error = NULL;

  *tag = g_data_input_stream_read_byte (self->in, NULL, &local_error);
  return local_error == NULL;
}

/* Takes an 'E' message apart into @error.  FALSE if it is malformed. */
static gboolean
read_error_message (CgReaderXlsChild  *self,
                    GError           **error)
{
  guint32 domain, code, length;
  g_autofree char *message = NULL;

  if (!read_u32 (self, CG_XLS_WIRE_DOMAIN_IO, &domain) ||
      !read_u32 (self, G_MAXINT, &code) ||
      !read_u32 (self, CG_LIMIT_CELL_BYTES, &length) ||
      (message = read_text (self, length)) == NULL)
    return FALSE;
  /* Only codes this program knows: the reader's, or a plain I/O failure. */
  if (domain == CG_XLS_WIRE_DOMAIN_READER && code <= CG_READER_ERROR_EMPTY)
    g_set_error_literal (error, CG_READER_ERROR, code, message);
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, message);
  return TRUE;
}

static gboolean
read_row (CgReaderXlsChild *self)
{
  guint64 row_number, progress_bits;
  guint32 n_cells;

  g_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->texts, 0);
  if (!read_u64 (self, &row_number) || !read_u64 (self, &progress_bits) ||
      !read_u32 (self, CG_LIMIT_COLUMNS, &n_cells) || n_cells == 0)
    return FALSE;

  for (guint32 i = 0; i < n_cells; i++)
    {
      CgCell cell = { 0 };
      guchar type;
      guint64 number_bits;
      guint32 length;
      char *text;

      if (!read_tag (self, &type) || type > CG_CELL_BOOL ||
          !read_u64 (self, &number_bits) ||
          !read_u32 (self, CG_LIMIT_CELL_BYTES, &length) ||
          (text = read_text (self, length)) == NULL)
        return FALSE;
      g_ptr_array_add (self->texts, text);
      if (strlen (text) != length)
        return FALSE;
      cell.type = type;
      cell.text = text;
      cell.length = length;
      cell.number = bits_double (number_bits);
      if (!isfinite (cell.number))
        return FALSE;
      g_array_append_val (self->cells, cell);
    }

  self->row_number = row_number;
  self->progress = CLAMP (bits_double (progress_bits), 0.0, 1.0);
  if (!isfinite (self->progress))
    self->progress = 0.0;
  return TRUE;
}

static gboolean
child_next_message (CgReaderXlsChild  *self,
                    const CgCell     **cells,
                    guint             *n_cells,
                    GError           **error)
{
  guchar tag;

  self->done = TRUE;
  if (!read_tag (self, &tag))
    {
      set_broken_error (self, error);
      return FALSE;
    }
  switch (tag)
    {
    case 'R':
      if (!read_row (self))
        break;
      self->done = FALSE;
      *cells = (const CgCell *) self->cells->data;
      *n_cells = self->cells->len;
      return TRUE;
    case 'E':
      if (!read_error_message (self, error))
        break;
      return FALSE;
    case 'Z':
      self->progress = 1.0;
      return FALSE;
    default:
      break;
    }
  set_broken_error (self, error);
  return FALSE;
}

static gboolean
child_next (CgReader      *reader,
            const CgCell **cells,
            guint         *n_cells,
            GError       **error)
{
  CgReaderXlsChild *self = (CgReaderXlsChild *) reader;
  gboolean ok;

  if (self->done)
    return FALSE;
  watchdog_set_waiting (self->watchdog, TRUE);
  ok = child_next_message (self, cells, n_cells, error);
  watchdog_set_waiting (self->watchdog, FALSE);
  return ok;
}

static guint64
child_row_number (CgReader *reader)
{
  return ((CgReaderXlsChild *) reader)->row_number;
}

static double
child_progress (CgReader *reader)
{
  return ((CgReaderXlsChild *) reader)->progress;
}

static const char *
child_encoding (CgReader *reader)
{
  return "UTF-8";
}

static const char *
child_sheet_name (CgReader *reader)
{
  return ((CgReaderXlsChild *) reader)->sheet_name;
}

static void
child_free (CgReader *reader)
{
  CgReaderXlsChild *self = (CgReaderXlsChild *) reader;

  if (self->watchdog != NULL)
    watchdog_stop (self->watchdog);
  if (self->subprocess != NULL)
    {
      /* Stopped early (an error, a cancel): the child need not finish. */
      if (!self->done)
        g_subprocess_force_exit (self->subprocess);
      g_subprocess_wait (self->subprocess, NULL, NULL);
      g_object_unref (self->subprocess);
    }
  g_clear_object (&self->in);
  g_free (self->path);
  g_free (self->sheet_name);
  g_array_unref (self->cells);
  g_ptr_array_unref (self->texts);
  g_free (self);
}

static const CgReaderVTable child_vtable = {
  .next = child_next,
  .row_number = child_row_number,
  .progress = child_progress,
  .encoding = child_encoding,
  .sheet_name = child_sheet_name,
  .delimiter = NULL,
  .free = child_free,
};

CgReader *
cg_reader_xls_open_stream (GInputStream  *stream,
                           GSubprocess   *subprocess,
                           guint          silence_seconds,
                           const char    *path,
                           GError       **error)
{
  g_autoptr(CgReader) reader = NULL;
  CgReaderXlsChild *self;
  char magic[CG_XLS_WIRE_MAGIC_LEN];
  gsize n_read = 0;
  guchar tag;
  guint32 length;

  self = g_new0 (CgReaderXlsChild, 1);
  self->parent.vtable = &child_vtable;
  self->parent.format = CG_FILE_FORMAT_XLS;
  self->in = g_data_input_stream_new (stream);
  g_data_input_stream_set_byte_order (self->in, G_DATA_STREAM_BYTE_ORDER_LITTLE_ENDIAN);
  self->subprocess = subprocess ? g_object_ref (subprocess) : NULL;
  if (subprocess != NULL && silence_seconds > 0)
    self->watchdog = watchdog_start (subprocess, silence_seconds);
  self->path = g_strdup (path);
  self->cells = g_array_sized_new (FALSE, FALSE, sizeof (CgCell), 32);
  self->texts = g_ptr_array_new_with_free_func (g_free);
  reader = (CgReader *) self;

  if (!g_input_stream_read_all (G_INPUT_STREAM (self->in), magic, sizeof magic, &n_read, NULL,
                                NULL) ||
      n_read != sizeof magic || memcmp (magic, CG_XLS_WIRE_MAGIC, sizeof magic) != 0 ||
      !read_tag (self, &tag))
    {
      self->done = TRUE;
      set_broken_error (self, error);
      return NULL;
    }
  if (tag == 'E')
    {
      self->done = TRUE;
      if (!read_error_message (self, error))
        set_broken_error (self, error);
      return NULL;
    }
  if (tag != 'S' || !read_u32 (self, CG_LIMIT_CELL_BYTES, &length) ||
      (self->sheet_name = read_text (self, length)) == NULL)
    {
      self->done = TRUE;
      set_broken_error (self, error);
      return NULL;
    }
  watchdog_set_waiting (self->watchdog, FALSE);
  return g_steal_pointer (&reader);
}

/* Where callgauge-xls-reader is: $CALLGAUGE_XLS_READER (tests, build
 * trees), else the installed libexec directory, found relative to the
 * installation on Windows so that the program can be moved. */
static char *
find_child_program (void)
{
  const char *env = g_getenv (CG_XLS_READER_ENV);

  if (env != NULL && *env != '\0')
    return g_strdup (env);
#ifdef G_OS_WIN32
  {
    g_autofree char *root = g_win32_get_package_installation_directory_of_module (NULL);

    return g_build_filename (root, "libexec", CG_XLS_READER_PROGRAM ".exe", NULL);
  }
#else
  return g_build_filename (LIBEXECDIR, CG_XLS_READER_PROGRAM, NULL);
#endif
}

/* CG_LIMIT_XLS_SILENCE_SECONDS, or $CALLGAUGE_XLS_READER_SILENCE for tests. */
static guint
child_silence_limit (void)
{
  const char *env = g_getenv ("CALLGAUGE_XLS_READER_SILENCE");
  guint64 seconds;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 3600, &seconds, NULL))
    return (guint) seconds;
  return CG_LIMIT_XLS_SILENCE_SECONDS;
}

CgReader *
cg_reader_xls_open (const char             *path,
                    const CgReaderOptions  *options,
                    GError                **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *program = find_child_program ();
  const char *sheet = options ? options->sheet : NULL;
  const char *argv[] = { program, "--", path, sheet, NULL };

  g_return_val_if_fail (path != NULL, NULL);

  /* The child's stderr is dropped: a sanitizer or FreeXL message there
   * means nothing to the user, who gets the error below instead. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  subprocess = g_subprocess_launcher_spawnv (launcher, argv, &local_error);
  if (subprocess == NULL)
    {
      g_set_error (error, CG_READER_ERROR, CG_READER_ERROR_FORMAT,
                   _("Cannot read .xls workbooks: the helper program %s could not be started "
                     "(%s). Reinstall Callgauge, or save the workbook as .xlsx and import "
                     "that."),
                   program, local_error->message);
      return NULL;
    }
  return cg_reader_xls_open_stream (g_subprocess_get_stdout_pipe (subprocess), subprocess,
                                    child_silence_limit (), path, error);
}
