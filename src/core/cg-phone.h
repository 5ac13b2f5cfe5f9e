/* cg-phone.h — phone number normalisation, classification, masking, hashing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Stored in the database: append only. */
typedef enum {
  CG_PHONE_NONE = 0,   /* no number given */
  CG_PHONE_MOBILE,     /* 11 digits, 1[3-9]… */
  CG_PHONE_LANDLINE,   /* 0 + area code + local number, or a local number */
  CG_PHONE_SERVICE,    /* 400/800 numbers and short service numbers */
  CG_PHONE_INVALID,    /* digits that no Chinese number has */
  CG_PHONE_DAMAGED,    /* a spreadsheet rounded it (1.38001E+10): digits lost */
} CgPhoneKind;

/* Longest digit string we keep (ITU-T E.164 allows 15). */
#define CG_PHONE_MAX_DIGITS 20

/** cg_phone_normalize: digits of @raw into @digits; returns the number's kind. */
CgPhoneKind  cg_phone_normalize      (const char  *raw,
                                      char         digits[CG_PHONE_MAX_DIGITS + 1]);

/** cg_phone_mask: 138****8000 style form that is safe to show and export. */
void         cg_phone_mask           (const char  *digits,
                                      char         masked[CG_PHONE_MAX_DIGITS + 1]);

const char  *cg_phone_kind_to_string (CgPhoneKind  kind);

/* A keyed hash of normalised numbers: SipHash-2-4 (libsodium's
 * crypto_shorthash, a pseudo-random function built for short inputs) under
 * the database's own random key, 64 bits.  Equal numbers give equal hashes
 * within one database; without the key the hash cannot be reversed by
 * trying all numbers. */
typedef struct _CgPhoneHasher CgPhoneHasher;

CgPhoneHasher *cg_phone_hasher_new   (const char    *hex_key);
gint64         cg_phone_hasher_hash  (CgPhoneHasher *hasher,
                                      const char    *digits);
void           cg_phone_hasher_free  (CgPhoneHasher *hasher);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgPhoneHasher, cg_phone_hasher_free)

G_END_DECLS
