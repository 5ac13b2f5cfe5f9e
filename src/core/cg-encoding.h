/* cg-encoding.h — telling the text encodings of exported files apart and
 * turning them into UTF-8 chunk by chunk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CG_ENCODING_AUTO,
  CG_ENCODING_UTF8,
  CG_ENCODING_UTF16,     /* byte order from the BOM or the content */
  CG_ENCODING_UTF16LE,
  CG_ENCODING_UTF16BE,
  CG_ENCODING_GB18030,   /* also read for GBK and GB2312, its subsets */
} CgEncoding;

/* cg_encoding_from_name: parses what a user may type ("utf8", "GBK",
 * "UTF-16LE", "auto" …); FALSE for a name we do not read. */
gboolean    cg_encoding_from_name  (const char   *name,
                                    CgEncoding   *encoding);

/* cg_encoding_to_string: "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030"
 * ("auto" and "UTF-16" for the undecided values). */
const char *cg_encoding_to_string  (CgEncoding    encoding);

/* cg_encoding_detect: decides the encoding of a file from its first bytes.
 *
 * @requested is what the user asked for (AUTO to detect).  A byte-order
 * mark wins under AUTO; then BOM-less UTF-16 is recognised by its zero
 * bytes; then UTF-8 if @sample is valid UTF-8; else whichever of UTF-8 and
 * GB18030 reads further into @sample.  @at_end says that @sample is the
 * whole file, so a character cut at its end is an error rather than the
 * sample's edge.  Sets @bom_length to the bytes of BOM to skip and
 * @ascii_only when @sample has no byte above 0x7F, or too few at its end to
 * tell (so GB18030 is still possible later in the file: UTF8 is returned
 * and the decoder decides on the way).  Never returns AUTO or UTF16. */
CgEncoding  cg_encoding_detect     (const guchar *sample,
                                    gsize         length,
                                    gboolean      at_end,
                                    CgEncoding    requested,
                                    gsize        *bom_length,
                                    gboolean     *ascii_only);

typedef enum {
  CG_DECODE_OK,          /* all input used */
  CG_DECODE_INCOMPLETE,  /* the input ends inside a character: pass the rest again with more */
  CG_DECODE_INVALID,     /* bytes that are not text in the encoding */
  CG_DECODE_NUL,         /* a NUL character: not a text file */
} CgDecodeStatus;

/* At most this many input bytes are left unused on CG_DECODE_INCOMPLETE. */
#define CG_DECODER_MAX_UNUSED 64

typedef struct _CgDecoder CgDecoder;

/* cg_decoder_new: a converter from @encoding (UTF8, UTF16LE, UTF16BE or
 * GB18030) to UTF-8.  @ascii_so_far: the file started with ASCII only, so a
 * later run of bytes that is not UTF-8 but is GB18030 switches to GB18030. */
CgDecoder      *cg_decoder_new           (CgEncoding     encoding,
                                          gboolean       ascii_so_far,
                                          GError       **error);

/* cg_decoder_convert: converts @input to UTF-8 in @output (the input itself
 * or a buffer owned by the decoder, valid until the next call).  On any
 * status but OK, @output holds the text before the point where it stopped
 * and @used the input bytes behind it.  @at_end: no more input follows. */
CgDecodeStatus  cg_decoder_convert       (CgDecoder     *decoder,
                                          const char    *input,
                                          gsize          input_length,
                                          gboolean       at_end,
                                          const char   **output,
                                          gsize         *output_length,
                                          gsize         *used);

/* cg_decoder_get_encoding: the encoding being read; can change once from
 * UTF8 to GB18030 under @ascii_so_far. */
CgEncoding      cg_decoder_get_encoding  (CgDecoder     *decoder);

void            cg_decoder_free          (CgDecoder     *decoder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgDecoder, cg_decoder_free)

G_END_DECLS
