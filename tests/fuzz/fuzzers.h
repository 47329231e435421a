#pragma once

// The parsers a file from someone else reaches, each as one function of the bytes of such a
// file (LLVMFuzzerTestOneInput's contract: any bytes, never a crash, a leak or a hang). libFuzzer
// drives them in the fuzz build (scripts/fuzz); tst_fuzzregressions replays the seed and
// regression corpora through them in every test run.

#include <cstddef>
#include <cstdint>

namespace fuzzers {
int experiment(const std::uint8_t *data, std::size_t size);  // experiment JSON + shape inference
int idx(const std::uint8_t *data, std::size_t size);         // IDX, plain or gzip
int csv2d(const std::uint8_t *data, std::size_t size);       // 2D points as CSV
int image(const std::uint8_t *data, std::size_t size);       // one image of an image folder
int checkpoint(const std::uint8_t *data, std::size_t size);  // a checkpoint: its zip container and tensor table
// A checkpoint's tensor table (data.pkl) alone, behind a line "KEY:BYTES,..." that gives the
// sizes of its data records (so that mutations reach the table, not only the zip's checksums).
int pickle(const std::uint8_t *data, std::size_t size);
int metrics(const std::uint8_t *data, std::size_t size);     // a run folder's metrics.csv
int directions(const std::uint8_t *data, std::size_t size);  // a latent directions file (JSON)
}  // namespace fuzzers
