/* cg-csv-sniff.c — what the first bytes of a CSV file say about the rest:
 * whether it is text at all, and which delimiter splits its records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cg-csv-sniff.h"

/* Binary and delimiter sniffing look at the start of the file only. */
#define BINARY_SNIFF_BYTES    1024
#define DELIMITER_SNIFF_BYTES (16 * 1024)
#define DELIMITER_SNIFF_ROWS  50

/* Fields per record for @delimiter over @text, quotes respected; a record
 * cut by the end of @text is left out unless @whole. */
static void
count_fields (const char *text,
              gsize       length,
              gboolean    whole,
              char        delimiter,
              guint      *header_fields,
              guint      *agreeing,
              guint      *records)
{
  gboolean in_quotes = FALSE;
  gboolean in_record = FALSE;
  guint fields = 1;

  *header_fields = 0;
  *agreeing = 0;
  *records = 0;

  for (gsize i = 0; i <= length && *records < DELIMITER_SNIFF_ROWS; i++)
    {
      gboolean at_end = i == length;
      char c = at_end ? '\n' : text[i];

      if (at_end && !whole)
        break;
      if (c == '"')
        in_quotes = !in_quotes;
      if (in_quotes && !at_end)
        continue;
      if (c == '\n' || c == '\r')
        {
          if (in_record)
            {
              if (++*records == 1)
                *header_fields = fields;
              if (fields == *header_fields)
                ++*agreeing;
            }
          fields = 1;
          in_record = FALSE;
          continue;
        }
      in_record = TRUE;
      if (c == delimiter)
        fields++;
    }
}

/* The delimiter that splits the sample into the same number (> 1) of
 * fields on the most records; more fields, then the order below, break
 * ties.  A file with one column gets a comma. */
char
cg_csv_sniff_delimiter (const char *text,
                        gsize       length,
                        gboolean    whole)
{
  static const char candidates[] = { ',', '\t', ';' };
  char best = ',';
  guint best_fields = 1;
  guint best_agreeing = 0;
  guint best_records = 1;

  if (length > DELIMITER_SNIFF_BYTES)
    {
      length = DELIMITER_SNIFF_BYTES;
      whole = FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint fields, agreeing, records;

      count_fields (text, length, whole, candidates[i], &fields, &agreeing, &records);
      /* A record longer than the sample: judge by what there is. */
      if (records == 0)
        count_fields (text, length, TRUE, candidates[i], &fields, &agreeing, &records);
      if (fields <= 1)
        continue;
      if ((guint64) agreeing * best_records > (guint64) best_agreeing * records
          || ((guint64) agreeing * best_records == (guint64) best_agreeing * records
              && fields > best_fields))
        {
          best = candidates[i];
          best_fields = fields;
          best_agreeing = agreeing;
          best_records = records;
        }
    }
  return best;
}

/* NUL bytes, or many control characters, at the start: not text. */
gboolean
cg_csv_looks_binary (const guchar *data,
                     gsize         length)
{
  gsize controls = 0;

  length = MIN (length, BINARY_SNIFF_BYTES);
  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == 0)
        return TRUE;
      if (data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r'
          && data[i] != '\f' && data[i] != '\v' && data[i] != 0x1A)
        controls++;
    }
  return controls * 20 > length;
}
