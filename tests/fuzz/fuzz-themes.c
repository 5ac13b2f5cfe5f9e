/* fuzz-themes.c — libFuzzer harness: feedback theme and sentiment matching with
 * terms from the input.
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
  cg_fuzz_themes (data, size);
  return 0;
}
