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

// What a folder's images are, from up to `samples` of them spread over it (decoded, so that
// an RGB file of grey pixels counts as grey): for choosing an image size and colour when an
// experiment does not fix them.
struct Probe {
    int files = 0;       // images in the folder (or its class subfolders)
    int classes = 0;     // class subfolders (0: a flat folder)
    int side = 0;        // the most common shorter side among those looked at
    bool gray = true;    // every one looked at is grey (R = G = B)
    bool mixedSizes = false;
    int looked = 0;
};
Probe probe(const QString &dir, QString *error, int samples = 32);

DatasetLoad load(const QString &dir, int size, bool grayscale, std::int64_t limit, const ProgressFn &progress = {},
                 std::int64_t memoryBudget = -1);
}
