#pragma once

#include "dataset.h"

namespace imagefolder {
// Every PNG/JPEG/BMP directly in `dir` (sorted by name), centre-cropped to a square and
// resized to size x size, grayscale or RGB. An unreadable image is an error naming it.
DatasetLoad load(const QString &dir, int size, bool grayscale, std::int64_t limit, const ProgressFn &progress = {});
}
