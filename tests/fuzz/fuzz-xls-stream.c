/* fuzz-xls-stream.c — libFuzzer harness: the parent's decoder of what the
 * .xls child process writes, the part of the .xls reader that runs in the
 * application's process.
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
  cg_fuzz_xls_stream (data, size);
  return 0;
}
