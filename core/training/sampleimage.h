#pragma once

#include "steprecord.h"

#include "data/dataset.h"

#include <QImage>
#include <QString>

#include <vector>

namespace sampleimage {
// One sample as an image (grayscale or RGB), or a null image for 2D points.
QImage image(const SampleBatch &batch, int index);
// The first `count` images of a dataset (stored C x H x W) as a sample batch (H x W x C).
SampleBatch fromDataset(const Dataset &data, int count);
// The samples tiled into a grid with `columns` columns and a `gap`-pixel border.
QImage grid(const SampleBatch &batch, int columns = 8, int gap = 2);
// The samples of a grid() image of samples `channels` x `height` x `width` back (as many as the
// grid holds): an empty batch when the image is not such a grid.
SampleBatch fromGrid(const QImage &grid, int channels, int height, int width, int columns = 8, int gap = 2);
// Real (blue) and generated (orange) 2D points on a square canvas, both fitted to one view.
// `fakeRadius` sizes the generated points; `path` joins them in order (an interpolation).
QImage scatter(const std::vector<float> &real, const std::vector<float> &fake, int size = 512, double fakeRadius = 1.5, bool path = false);
// Writes a PNG atomically; returns an empty string or a message naming the file.
QString savePng(const QImage &image, const QString &path);
}  // namespace sampleimage
