#pragma once

#include "steprecord.h"

#include <QString>

// Generated samples as files, chosen by the file's suffix:
//  .png  images tiled into a square grid, or 2D points as a scatter plot;
//  .idx  images as unsigned bytes in MNIST's layout: N x H x W for one channel, N x C x H x W
//        for more (the batch holds N x H x W x C);
//  .csv  2D points, one "x,y" line each ("x,y,label" with labels).
// With `labels` (one per sample: the class each was asked as), .idx also writes them beside, as
// an IDX labels file (FILE-labels.idx, what `labelsPath` names), and .csv as a third column;
// `columns` sets a .png grid's width (0: as square as it goes);
//  .npy  the generator's outputs as 32-bit floats (NumPy's format): N x C x H x W in [-1, 1] for
//        images (the batch's `values`: sample them raw), N x 2 for points.
namespace samplefiles {
// "png", "idx", "csv" or "npy" when `path` ends in one of them (any case), else empty.
QString format(const QString &path);
// Writes atomically; an empty string, or a message naming the file (a wrong format for the
// kind of samples says which to use).
QString write(const SampleBatch &batch, const QString &path, const std::vector<int> &labels = {}, int columns = 0);
QString labelsPath(const QString &idxPath);
// The .npy file's bytes.
QByteArray npy(const SampleBatch &batch);
// The image bytes in IDX order (N x C x H x W) from the batch's N x H x W x C.
std::vector<std::uint8_t> channelsFirst(const SampleBatch &batch);
}  // namespace samplefiles
