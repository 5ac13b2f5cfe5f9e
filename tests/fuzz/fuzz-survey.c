/* fuzz-survey.c — libFuzzer harness: survey export mapping: header roles, question titles,
 * dimensions, answers and scales.
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
  cg_fuzz_survey (data, size);
  return 0;
}
