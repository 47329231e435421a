#pragma once

#include "dataset.h"

namespace imagefolder {
// Empty when `dir` is a folder holding at least one image; otherwise the problem, naming it.
QString check(const QString &dir);

// Every PNG/JPEG/BMP directly in `dir` (sorted by name), centre-cropped to a square and
// resized to size x size, grayscale or RGB. A folder that holds no images itself but
// subfolders that do is a labelled set, one subfolder per class (the ImageNet layout): their
// images in turn, labelled by the subfolder's place in classNames(). An unreadable image is an error naming it.
// Refuses, before allocating, a folder whose decoded images would not fit in `memoryBudget`
// bytes (negative: what this process may use, memorybudget::availableBytes()).
// The class subfolders of a labelled folder, sorted by name; empty for a folder of images.
QStringList classNames(const QString &dir);

DatasetLoad load(const QString &dir, int size, bool grayscale, std::int64_t limit, const ProgressFn &progress = {},
                 std::int64_t memoryBudget = -1);
}
