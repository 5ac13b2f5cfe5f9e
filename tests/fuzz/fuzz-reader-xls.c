/* fuzz-reader-xls.c — libFuzzer harness: FreeXL and the walk over its
 * cells, in process, as the child callgauge-xls-reader runs them.  FreeXL
 * 1.0.6 is known to crash here (tests/fuzz/known-crashes), so this harness
 * is for finding its bugs by hand, not part of the timed run; the
 * application's side of the pipe is fuzz-xls-stream.
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
  cg_fuzz_read_bytes_xls_direct (data, size);
  return 0;
}
