#pragma once

#include "dataset.h"

#include <QString>

#include <cstdint>
#include <vector>

// IDX files (LeCun's MNIST format), gzip or plain: magic 0x0000 08 NDIMS, big-endian
// dimensions, then unsigned bytes. Only the ubyte type is read (every image/label set uses it).
namespace idxfile {

struct IdxArray {
    std::vector<std::int64_t> dims;
    std::vector<std::uint8_t> bytes;
};

// Reads the whole file. Allocation is bounded by what the file really holds; a header whose
// counts do not fit the data is an error naming the file.
bool read(const QString &path, IdxArray *out, QString *error, const ProgressFn &progress = {},
          std::int64_t limit = 0);
bool readHeader(const QString &path, std::vector<std::int64_t> *dims, QString *error);

// The per-image shape [C, H, W] of an IDX header's dimensions (N x H x W or N x C x H x W);
// empty with `error` set when they are not images of a size this program can train on.
Shape imageShape(const std::vector<std::int64_t> &dims, const QString &path, QString *error);

// Images (N x H x W or N x C x H x W) and optional labels (N) into a Dataset.
DatasetLoad loadImages(const QString &imagesPath, const QString &labelsPath, std::int64_t limit,
                       const ProgressFn &progress = {});

// Writes N x H x W (one channel) or N x C x H x W bytes, atomically, uncompressed.
QString write(const QString &path, const std::vector<std::int64_t> &dims, const std::vector<std::uint8_t> &bytes);

}  // namespace idxfile
