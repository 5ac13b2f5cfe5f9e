/* cg-phone.c — phone number normalisation, classification, masking, hashing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cg-phone.h"

#include <string.h>
#include <sodium.h>

/* Excel's "General" format shows at most 6 significant digits in scientific
 * notation (1.38001E+10).  A mantissa written with fewer digits than that
 * cannot be told apart from a truncated one, so we only trust a scientific
 * number when it carries at least this many written digits and expands
 * exactly (the digits it does not write are the value's trailing zeros). */
#define MIN_TRUSTED_MANTISSA_DIGITS 7

/* Recovers digits from "1.38001380E+10".  Returns FALSE when @s is not in
 * scientific notation; sets *damaged when digits were lost. */
static gboolean
expand_scientific (const char *s,
                   GString    *out,
                   gboolean   *damaged)
{
  GString *mantissa = g_string_new (NULL);
  const char *p = s;
  int fraction_digits = 0;
  gboolean seen_point = FALSE;
  gint64 exponent;
  char *end;

  *damaged = FALSE;
  for (; g_ascii_isdigit (*p) || *p == '.'; p++)
    {
      if (*p == '.')
        {
          if (seen_point)
            break;
          seen_point = TRUE;
          continue;
        }
      g_string_append_c (mantissa, *p);
      if (seen_point)
        fraction_digits++;
    }
  if ((*p != 'E' && *p != 'e') || mantissa->len == 0)
    {
      g_string_free (mantissa, TRUE);
      return FALSE;
    }
  p++;
  if (*p == '+')
    p++;
  exponent = g_ascii_strtoll (p, &end, 10);
  if (end == p || *end != '\0' || exponent < 0 || exponent > CG_PHONE_MAX_DIGITS)
    {
      g_string_free (mantissa, TRUE);
      return FALSE;
    }

  if (exponent < fraction_digits)
    {
      /* Not an integer: no phone number. */
      *damaged = TRUE;
    }
  else
    {
      gsize written = mantissa->len;
      g_string_append (out, mantissa->str);
      for (gint64 i = fraction_digits; i < exponent; i++)
        g_string_append_c (out, '0');
      /* Strip leading zeros a mantissa like 0.5E+1 would bring. */
      while (out->len > 1 && out->str[0] == '0')
        g_string_erase (out, 0, 1);
      if (exponent > fraction_digits && written < MIN_TRUSTED_MANTISSA_DIGITS)
        *damaged = TRUE;
    }
  g_string_free (mantissa, TRUE);
  return TRUE;
}

static CgPhoneKind
classify (const char *d,
          gsize       len)
{
  if (len == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9')
    return CG_PHONE_MOBILE;
  if (len == 10 && (g_str_has_prefix (d, "400") || g_str_has_prefix (d, "800")))
    return CG_PHONE_SERVICE;
  if (len == 5 && (d[0] == '1' || d[0] == '9'))
    return CG_PHONE_SERVICE;  /* 10086, 95555 … */
  if (d[0] == '0' && d[1] != '0' && len >= 10 && len <= 12)
    return CG_PHONE_LANDLINE;
  if ((len == 7 || len == 8) && d[0] >= '2')
    return CG_PHONE_LANDLINE;  /* local number without area code */
  return CG_PHONE_INVALID;
}

CgPhoneKind
cg_phone_normalize (const char *raw,
                    char        digits[CG_PHONE_MAX_DIGITS + 1])
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GString) expanded = g_string_new (NULL);
  gboolean damaged = FALSE;
  const char *d;
  gsize len;

  digits[0] = '\0';
  if (raw == NULL)
    return CG_PHONE_NONE;

  /* Keep what can be part of a number; drop separators people type. */
  for (const char *p = raw; *p; p++)
    {
      if (g_ascii_isdigit (*p) || *p == '.' || *p == 'E' || *p == 'e' || *p == '+')
        g_string_append_c (s, *p);
      else if (*p == ' ' || *p == '-' || *p == '(' || *p == ')' || *p == '\t' || *p == '\'')
        continue;
      else
        return *raw ? CG_PHONE_INVALID : CG_PHONE_NONE;
    }
  if (s->len == 0)
    return CG_PHONE_NONE;

  if (expand_scientific (s->str, expanded, &damaged))
    {
      if (damaged)
        {
          g_strlcpy (digits, expanded->str, CG_PHONE_MAX_DIGITS + 1);
          return CG_PHONE_DAMAGED;
        }
      g_string_assign (s, expanded->str);
    }

  /* "13800138000.0": a number a spreadsheet stored as a float. */
  if (g_str_has_suffix (s->str, ".0"))
    g_string_truncate (s, s->len - 2);
  else if (s->len > 2 && g_str_has_suffix (s->str, ".00"))
    g_string_truncate (s, s->len - 3);

  d = s->str;
  if (*d == '+')
    d++;
  for (const char *p = d; *p; p++)
    if (!g_ascii_isdigit (*p))
      return CG_PHONE_INVALID;

  /* Country code for China, written as +86, 0086 or 86 before a mobile. */
  if (g_str_has_prefix (d, "0086"))
    d += 4;
  else if (g_str_has_prefix (d, "86") && strlen (d) == 13 && d[2] == '1')
    d += 2;
  else if (s->str[0] == '+' && g_str_has_prefix (d, "86"))
    d += 2;

  len = strlen (d);
  if (len == 0)
    return CG_PHONE_INVALID;
  if (len > CG_PHONE_MAX_DIGITS)
    len = CG_PHONE_MAX_DIGITS;
  memcpy (digits, d, len);
  digits[len] = '\0';
  return classify (digits, len);
}

void
cg_phone_mask (const char *digits,
               char        masked[CG_PHONE_MAX_DIGITS + 1])
{
  gsize len = strlen (digits);
  gsize keep_head = len >= 8 ? 3 : 2;
  gsize keep_tail = len >= 8 ? 4 : 2;

  if (len > CG_PHONE_MAX_DIGITS)
    len = CG_PHONE_MAX_DIGITS;
  if (len <= 4)
    {
      memset (masked, '*', len);
      masked[len] = '\0';
      return;
    }
  for (gsize i = 0; i < len; i++)
    masked[i] = (i < keep_head || i >= len - keep_tail) ? digits[i] : '*';
  masked[len] = '\0';
}

const char *
cg_phone_kind_to_string (CgPhoneKind kind)
{
  static const char *const ids[] = {
    "none", "mobile", "landline", "service", "invalid", "damaged",
  };
  g_return_val_if_fail (kind < G_N_ELEMENTS (ids), "none");
  return ids[kind];
}

struct _CgPhoneHasher
{
  unsigned char key[crypto_shorthash_KEYBYTES];
};

CgPhoneHasher *
cg_phone_hasher_new (const char *hex_key)
{
  CgPhoneHasher *hasher = g_new0 (CgPhoneHasher, 1);
  gsize len = strlen (hex_key);

  /* The key is the first 128 bits of the database's random key. */
  for (gsize i = 0; i + 1 < len && i / 2 < sizeof hasher->key; i += 2)
    hasher->key[i / 2] = (g_ascii_xdigit_value (hex_key[i]) << 4) | g_ascii_xdigit_value (hex_key[i + 1]);
  return hasher;
}

gint64
cg_phone_hasher_hash (CgPhoneHasher *hasher,
                      const char    *digits)
{
  unsigned char out[crypto_shorthash_BYTES];
  guint64 value = 0;

  crypto_shorthash (out, (const unsigned char *) digits, strlen (digits), hasher->key);
  for (guint i = 0; i < sizeof out; i++)
    value = (value << 8) | out[i];
  return (gint64) value;
}

void
cg_phone_hasher_free (CgPhoneHasher *hasher)
{
  if (hasher == NULL)
    return;
  sodium_memzero (hasher->key, sizeof hasher->key);
  g_free (hasher);
}
