/* fuzz-parse.c — libFuzzer harness: date, duration, outcome, disposition,
 * amount and phone parsing on each NUL-separated piece of the input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "cg-fuzz.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  cg_fuzz_parse (data, size);
  return 0;
}
