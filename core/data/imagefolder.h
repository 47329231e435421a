#pragma once

#include "dataset.h"

namespace imagefolder {
// Empty when `dir` is a folder holding at least one image; otherwise the problem, naming it.
QString check(const QString &dir);

// Every PNG/JPEG/BMP directly in `dir` (sorted by name), centre-cropped to a square and
// resized to size x size, grayscale or RGB. An unreadable image is an error naming it.
// Refuses, before allocating, a folder whose decoded images would not fit in `memoryBudget`
// bytes (negative: what this process may use, memorybudget::availableBytes()).
DatasetLoad load(const QString &dir, int size, bool grayscale, std::int64_t limit, const ProgressFn &progress = {},
                 std::int64_t memoryBudget = -1);
}
