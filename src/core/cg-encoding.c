/* cg-encoding.c — telling the text encodings of exported files apart and
 * turning them into UTF-8 chunk by chunk.
 *
 * Call logs reach us as UTF-8 (dialer exports, with or without BOM),
 * GB18030/GBK (what Excel on Chinese Windows writes for "CSV") and now and
 * then UTF-16 (Excel's "Unicode text").  Conversion goes through GLib's
 * iconv wrapper so it works the same on Windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cg-encoding.h"

/* Enough room for any character cut at a chunk's end: UTF-8 and GB18030
 * use at most 4 bytes, UTF-16 a 4-byte surrogate pair. */
#define MAX_CHAR_BYTES 4

/* Zero bytes are looked for only this far: BOM-less UTF-16 shows them on
 * its first line already, and binary files in their header. */
#define UTF16_SNIFF_BYTES 1024

/* Non-ASCII bytes looked at before an all-ASCII start is taken for UTF-8
 * or GB18030 for good. */
#define SWITCH_EVIDENCE_BYTES 32
G_STATIC_ASSERT (SWITCH_EVIDENCE_BYTES <= CG_DECODER_MAX_UNUSED);

static const struct {
  const char *name;   /* lower case, without '-' and '_' */
  CgEncoding  encoding;
} encoding_names[] = {
  { "auto", CG_ENCODING_AUTO },
  { "utf8", CG_ENCODING_UTF8 },
  { "gb18030", CG_ENCODING_GB18030 },
  { "gbk", CG_ENCODING_GB18030 },
  { "gb2312", CG_ENCODING_GB18030 },
  { "euccn", CG_ENCODING_GB18030 },
  { "cp936", CG_ENCODING_GB18030 },
  { "ms936", CG_ENCODING_GB18030 },
  { "windows936", CG_ENCODING_GB18030 },
  { "utf16", CG_ENCODING_UTF16 },
  { "ucs2", CG_ENCODING_UTF16 },
  { "unicode", CG_ENCODING_UTF16 },   /* Excel's name for its UTF-16 text */
  { "utf16le", CG_ENCODING_UTF16LE },
  { "utf16be", CG_ENCODING_UTF16BE },
};

gboolean
cg_encoding_from_name (const char *name,
                       CgEncoding *encoding)
{
  g_autoptr(GString) key = g_string_new (NULL);

  g_return_val_if_fail (name != NULL, FALSE);

  for (const char *p = name; *p != '\0'; p++)
    if (*p != '-' && *p != '_' && *p != ' ')
      g_string_append_c (key, g_ascii_tolower (*p));

  for (guint i = 0; i < G_N_ELEMENTS (encoding_names); i++)
    if (strcmp (key->str, encoding_names[i].name) == 0)
      {
        *encoding = encoding_names[i].encoding;
        return TRUE;
      }
  return FALSE;
}

const char *
cg_encoding_to_string (CgEncoding encoding)
{
  switch (encoding)
    {
    case CG_ENCODING_AUTO:
      return "auto";
    case CG_ENCODING_UTF8:
      return "UTF-8";
    case CG_ENCODING_UTF16:
      return "UTF-16";
    case CG_ENCODING_UTF16LE:
      return "UTF-16LE";
    case CG_ENCODING_UTF16BE:
      return "UTF-16BE";
    case CG_ENCODING_GB18030:
      return "GB18030";
    default:
      break;
    }
  g_return_val_if_reached ("UTF-8");
}

static gboolean
has_prefix (const guchar *data,
            gsize         length,
            const char   *prefix,
            gsize         prefix_length)
{
  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

#define BOM_UTF8     "\xEF\xBB\xBF"
#define BOM_UTF16LE  "\xFF\xFE"
#define BOM_UTF16BE  "\xFE\xFF"
#define BOM_GB18030  "\x84\x31\x95\x33"   /* U+FEFF in GB18030 */

static gsize
bom_length_for (const guchar *data,
                gsize         length,
                CgEncoding    encoding)
{
  switch (encoding)
    {
    case CG_ENCODING_UTF8:
      return has_prefix (data, length, BOM_UTF8, 3) ? 3 : 0;
    case CG_ENCODING_UTF16LE:
      return has_prefix (data, length, BOM_UTF16LE, 2) ? 2 : 0;
    case CG_ENCODING_UTF16BE:
      return has_prefix (data, length, BOM_UTF16BE, 2) ? 2 : 0;
    case CG_ENCODING_GB18030:
      return has_prefix (data, length, BOM_GB18030, 4) ? 4 : 0;
    case CG_ENCODING_AUTO:
    case CG_ENCODING_UTF16:
    default:
      return 0;
    }
}

static CgEncoding
encoding_from_bom (const guchar *data,
                   gsize         length)
{
  static const CgEncoding with_bom[] = {
    CG_ENCODING_UTF8, CG_ENCODING_UTF16LE, CG_ENCODING_UTF16BE, CG_ENCODING_GB18030,
  };

  for (guint i = 0; i < G_N_ELEMENTS (with_bom); i++)
    if (bom_length_for (data, length, with_bom[i]) > 0)
      return with_bom[i];
  return CG_ENCODING_AUTO;
}

/* UTF-16 text of a call log is mostly digits and punctuation, each with a
 * zero high byte: zeros on odd offsets mean little-endian, on even offsets
 * big-endian.  Chinese characters rarely have a zero byte (一 is U+4E00), so
 * a few zeros on the other side are tolerated.  AUTO when it does not look
 * like UTF-16 at all. */
static CgEncoding
guess_utf16_byte_order (const guchar *data,
                        gsize         length)
{
  gsize pairs = MIN (length, UTF16_SNIFF_BYTES) / 2;
  gsize zeros_even = 0;
  gsize zeros_odd = 0;

  for (gsize i = 0; i < pairs; i++)
    {
      zeros_even += data[2 * i] == 0;
      zeros_odd += data[2 * i + 1] == 0;
    }

  if (zeros_odd * 4 >= pairs && zeros_even * 8 <= zeros_odd)
    return CG_ENCODING_UTF16LE;
  if (zeros_even * 4 >= pairs && zeros_odd * 8 <= zeros_even)
    return CG_ENCODING_UTF16BE;
  return CG_ENCODING_AUTO;
}

/* Bytes of @text that are valid UTF-8.  @whole is set when that is all of
 * it, or all but a character cut by the end of a sample (@at_end FALSE). */
static gsize
utf8_valid_prefix (const char *text,
                   gsize       length,
                   gboolean    at_end,
                   gboolean   *whole)
{
  const char *end;
  gsize valid;

  if (g_utf8_validate_len (text, length, &end))
    {
      *whole = TRUE;
      return length;
    }
  valid = end - text;
  *whole = !at_end
           && length - valid < MAX_CHAR_BYTES
           && *end != '\0'
           && g_utf8_get_char_validated (end, length - valid) == (gunichar) -2;
  return valid;
}

/* As utf8_valid_prefix(), for GB18030; text that cannot be converted at
 * all (no converter on this system) has no valid bytes. */
static gsize
gb18030_valid_prefix (const char *text,
                      gsize       length,
                      gboolean    at_end,
                      gboolean   *whole)
{
  GIConv cd = g_iconv_open ("UTF-8", "GB18030");
  const char *nul = memchr (text, '\0', length);
  char *in = (char *) text;
  gsize in_left = nul != NULL ? (gsize) (nul - text) : length;
  char out[4096];

  *whole = FALSE;
  if (cd == (GIConv) -1)
    return 0;

  for (;;)
    {
      char *out_p = out;
      gsize out_left = sizeof out;

      if (g_iconv (cd, &in, &in_left, &out_p, &out_left) != (gsize) -1)
        {
          *whole = nul == NULL;
          break;
        }
      if (errno == E2BIG)
        continue;
      *whole = errno == EINVAL && !at_end && nul == NULL;
      break;
    }
  g_iconv_close (cd);
  return in - text;
}

/* Which of UTF-8 and GB18030 @text is, when it is not plain ASCII.  The
 * two rarely agree on more than a few characters: GB18030 read as UTF-8
 * fails at its first Chinese character, and UTF-8 read as GB18030 fails
 * where a three-byte character meets ASCII.  So the one that reads further
 * wins, and a UTF-8 file with one damaged byte stays UTF-8 (and the damage
 * is reported) instead of turning into mojibake. */
static CgEncoding
utf8_or_gb18030 (const char *text,
                 gsize       length,
                 gboolean    at_end)
{
  gboolean utf8_whole;
  gboolean gb_whole;
  gsize utf8_valid = utf8_valid_prefix (text, length, at_end, &utf8_whole);
  gsize gb_valid;

  if (utf8_whole)
    return CG_ENCODING_UTF8;
  gb_valid = gb18030_valid_prefix (text, length, at_end, &gb_whole);
  if (gb_whole || gb_valid > utf8_valid)
    return CG_ENCODING_GB18030;
  return CG_ENCODING_UTF8;
}

static gboolean
is_ascii (const guchar *data,
          gsize         length)
{
  guchar seen = 0;

  /* No early exit, so the compiler can vectorise it. */
  for (gsize i = 0; i < length; i++)
    seen |= data[i];
  return (seen & 0x80) == 0;
}

static gsize
first_non_ascii (const char *input,
                 gsize       length)
{
  gsize i = 0;

  while (i < length && (guchar) input[i] < 0x80)
    i++;
  return i;
}

CgEncoding
cg_encoding_detect (const guchar *sample,
                    gsize         length,
                    gboolean      at_end,
                    CgEncoding    requested,
                    gsize        *bom_length,
                    gboolean     *ascii_only)
{
  CgEncoding encoding = requested;

  *bom_length = 0;
  *ascii_only = FALSE;

  if (encoding == CG_ENCODING_AUTO)
    encoding = encoding_from_bom (sample, length);

  if (encoding == CG_ENCODING_UTF16)
    {
      encoding = encoding_from_bom (sample, length);
      if (encoding != CG_ENCODING_UTF16LE && encoding != CG_ENCODING_UTF16BE)
        encoding = guess_utf16_byte_order (sample, length);
      /* Windows writes little-endian. */
      if (encoding == CG_ENCODING_AUTO)
        encoding = CG_ENCODING_UTF16LE;
    }

  if (encoding == CG_ENCODING_AUTO
      && memchr (sample, '\0', MIN (length, UTF16_SNIFF_BYTES)) != NULL)
    encoding = guess_utf16_byte_order (sample, length);

  if (encoding == CG_ENCODING_AUTO)
    {
      gsize ascii = first_non_ascii ((const char *) sample, length);

      /* Too few other bytes to tell, cut by the sample's end: decide on
       * the way, as for a sample without any. */
      *ascii_only = ascii == length || (!at_end && length - ascii < SWITCH_EVIDENCE_BYTES);
      encoding = *ascii_only ? CG_ENCODING_UTF8
                             : utf8_or_gb18030 ((const char *) sample, length, at_end);
    }

  *bom_length = bom_length_for (sample, length, encoding);
  return encoding;
}

struct _CgDecoder
{
  CgEncoding  encoding;
  gboolean    ascii_so_far;
  GIConv      cd;          /* (GIConv) -1 while reading UTF-8 */
  char       *buffer;      /* converted text */
  gsize       buffer_size;
};

static const char *
iconv_name (CgEncoding encoding)
{
  switch (encoding)
    {
    case CG_ENCODING_UTF16LE:
      return "UTF-16LE";
    case CG_ENCODING_UTF16BE:
      return "UTF-16BE";
    case CG_ENCODING_GB18030:
      return "GB18030";
    case CG_ENCODING_AUTO:
    case CG_ENCODING_UTF8:
    case CG_ENCODING_UTF16:
    default:
      break;
    }
  g_return_val_if_reached ("UTF-8");
}

static gboolean
decoder_open_iconv (CgDecoder   *self,
                    CgEncoding   encoding,
                    GError     **error)
{
  self->cd = g_iconv_open ("UTF-8", iconv_name (encoding));
  if (self->cd == (GIConv) -1)
    {
      g_set_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION,
                   _("This system cannot convert %s text. Save the file as UTF-8 and try again."),
                   cg_encoding_to_string (encoding));
      return FALSE;
    }
  self->encoding = encoding;
  return TRUE;
}

CgDecoder *
cg_decoder_new (CgEncoding   encoding,
                gboolean     ascii_so_far,
                GError     **error)
{
  g_autoptr(CgDecoder) self = g_new0 (CgDecoder, 1);

  g_return_val_if_fail (encoding == CG_ENCODING_UTF8
                        || encoding == CG_ENCODING_UTF16LE
                        || encoding == CG_ENCODING_UTF16BE
                        || encoding == CG_ENCODING_GB18030, NULL);

  self->encoding = encoding;
  self->cd = (GIConv) -1;
  self->ascii_so_far = ascii_so_far && encoding == CG_ENCODING_UTF8;
  if (encoding != CG_ENCODING_UTF8 && !decoder_open_iconv (self, encoding, error))
    return NULL;
  return g_steal_pointer (&self);
}

CgEncoding
cg_decoder_get_encoding (CgDecoder *self)
{
  return self->encoding;
}

void
cg_decoder_free (CgDecoder *self)
{
  if (self == NULL)
    return;
  if (self->cd != (GIConv) -1)
    g_iconv_close (self->cd);
  g_free (self->buffer);
  g_free (self);
}

static void
decoder_reserve (CgDecoder *self,
                 gsize      size)
{
  if (self->buffer_size < size)
    {
      self->buffer_size = MAX (size, self->buffer_size * 2);
      self->buffer = g_realloc (self->buffer, self->buffer_size);
    }
}

/* Where @text stops being ASCII without NUL: eight bytes at a time, as
 * call logs are mostly digits. */
static gsize
skip_ascii (const guchar *text,
            gsize         length)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, text + i, 8);
      /* A byte with its high bit set, or a zero byte. */
      if ((word | ((word - ones) & ~word)) & highs)
        break;
    }
  while (i < length && text[i] != 0 && text[i] < 0x80)
    i++;
  return i;
}

/* Where @text stops being valid UTF-8.  GLib validates the runs of
 * non-ASCII bytes; no character spans an ASCII byte, so runs that are
 * valid on their own make valid text. */
static gsize
validate_utf8 (const char *text,
               gsize       length)
{
  gsize i = 0;

  while (i < length)
    {
      const char *end;
      gsize run = 0;

      i += skip_ascii ((const guchar *) text + i, length - i);
      while (i + run < length && (guchar) text[i + run] >= 0x80)
        run++;
      if (run == 0)
        break;  /* at a NUL or the end */
      if (!g_utf8_validate_len (text + i, run, &end))
        return end - text;
      i += run;
    }
  return i;
}

static CgDecodeStatus
convert_utf8 (const char   *input,
              gsize         length,
              gboolean      at_end,
              gsize        *valid)
{
  const char *end;

  *valid = validate_utf8 (input, length);
  if (*valid == length)
    return CG_DECODE_OK;
  end = input + *valid;
  if (*end == '\0')
    return CG_DECODE_NUL;
  if (!at_end
      && length - *valid < MAX_CHAR_BYTES
      && g_utf8_get_char_validated (end, length - *valid) == (gunichar) -2)
    return CG_DECODE_INCOMPLETE;
  return CG_DECODE_INVALID;
}

/* Appends the conversion of @input to the decoder's buffer after its
 * first @kept bytes. */
static CgDecodeStatus
convert_iconv (CgDecoder   *self,
               const char  *input,
               gsize        length,
               gboolean     at_end,
               gsize        kept,
               gsize       *output_length,
               gsize       *used)
{
  char *in = (char *) input;
  gsize in_left = length;
  CgDecodeStatus status = CG_DECODE_OK;
  const char *nul;

  /* UTF-8 needs at most 3 bytes for the 2 of a UTF-16 or GB18030
   * character, and 4 for their 4-byte forms. */
  decoder_reserve (self, kept + length + length / 2 + 16);

  for (;;)
    {
      char *out = self->buffer + kept;
      gsize out_left = self->buffer_size - kept;

      if (g_iconv (self->cd, &in, &in_left, &out, &out_left) != (gsize) -1)
        {
          kept = out - self->buffer;
          break;
        }
      kept = out - self->buffer;
      if (errno == E2BIG)
        {
          decoder_reserve (self, self->buffer_size * 2);
          continue;
        }
      if (errno == EINVAL && !at_end)
        status = CG_DECODE_INCOMPLETE;
      else
        status = CG_DECODE_INVALID;
      break;
    }

  *used = in - input;
  *output_length = kept;

  /* iconv passes U+0000 through; text files never hold it. */
  nul = memchr (self->buffer, '\0', kept);
  if (nul != NULL)
    {
      *output_length = nul - self->buffer;
      status = CG_DECODE_NUL;
    }
  return status;
}

CgDecodeStatus
cg_decoder_convert (CgDecoder    *self,
                    const char   *input,
                    gsize         length,
                    gboolean      at_end,
                    const char  **output,
                    gsize        *output_length,
                    gsize        *used)
{
  CgDecodeStatus status;

  if (self->ascii_so_far && !is_ascii ((const guchar *) input, length))
    {
      gsize ascii = first_non_ascii (input, length);

      /* A character or two cut by the chunk's end could pass for either
       * encoding: hand out the ASCII and decide with the next chunk. */
      if (!at_end && length - ascii < SWITCH_EVIDENCE_BYTES)
        {
          *output = input;
          *output_length = *used = ascii;
          return CG_DECODE_INCOMPLETE;
        }

      self->ascii_so_far = FALSE;
      if (utf8_or_gb18030 (input + ascii, length - ascii, at_end) == CG_ENCODING_GB18030)
        {
          /* The ASCII before is the same text in GB18030: keep it and
           * convert from the first other byte on. */
          g_autoptr(GError) error = NULL;

          if (!decoder_open_iconv (self, CG_ENCODING_GB18030, &error))
            {
              g_debug ("%s", error->message);
              *output = input;
              *output_length = *used = ascii;
              return CG_DECODE_INVALID;
            }
          decoder_reserve (self, ascii + 1);
          memcpy (self->buffer, input, ascii);
          status = convert_iconv (self, input + ascii, length - ascii, at_end, ascii,
                                  output_length, used);
          *used += ascii;
          *output = self->buffer;
          return status;
        }
    }

  if (self->cd == (GIConv) -1)
    {
      status = convert_utf8 (input, length, at_end, used);
      *output = input;
      *output_length = *used;
      return status;
    }

  status = convert_iconv (self, input, length, at_end, 0, output_length, used);
  *output = self->buffer;
  return status;
}
