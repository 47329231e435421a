#pragma once

#include "data/dataset.h"
#include "training/steprecord.h"

#include <QImage>
#include <QString>

#include <atomic>
#include <vector>

class GeneratorCopy;

// Walks through latent space and what they are exported as: the latent vectors of a walk
// (linear or spherical interpolation between two vectors, or a sweep along a direction), the
// samples x steps grid of a direction, rendering either through a frozen generator copy in
// batches, and writing the frames as an animated GIF or as numbered PNG files.
namespace latentwalk {

// The point a fraction t of the way from a to b: along the straight line, or along the great
// circle (spherical), which keeps the norm typical of the prior between two typical vectors.
std::vector<float> interpolate(const std::vector<float> &a, const std::vector<float> &b, double t, bool spherical);

enum class Kind { Linear, Spherical, Sweep };

struct Walk {
    Kind kind = Kind::Spherical;
    std::vector<float> a, b;               // Linear and Spherical: from a to b
    std::vector<float> origin, direction;  // Sweep: origin + s * spread * direction (unit)
    double from = -3, to = 3;              //   for s from `from` to `to`, in spreads
    double spread = 1;                     //   the prior's standard deviation along the direction
    int frames = 60;
    // There and back (A to B to A, or from..to..from), eased at the turns, with the last frame
    // leading into the first: for an animation that repeats without a jump.
    bool loop = false;
};

// Where frame i of n is, from 0 (start) to 1 (end).
double position(int frame, int frames, bool loop);
// The walk's latent vectors, frames x latentDim values (empty when the vectors do not fit).
std::vector<float> latents(const Walk &walk);
// Each of `rows` origins (rows x dim values) moved along `direction` by `steps` evenly spaced
// amounts from `from` to `to` spreads: rows x steps vectors, row by row.
std::vector<float> sweepGrid(const std::vector<float> &origins, int rows, const std::vector<float> &direction, double from,
                             double to, double spread, int steps);

// Samples for `count` latent vectors, rendered through `generator` 64 at a time (progress from
// 0 to 1), all of class `label` when the generator is conditional. An empty batch with `error`
// set when the generator fails or `cancel` is raised.
SampleBatch render(const GeneratorCopy &generator, const std::vector<float> &latents, int count, const ProgressFn &progress,
                   const std::atomic<bool> *cancel, QString *error, int label = 0);

// Every sample of an image batch as its own frame, enlarged `scale` times (nearest pixel).
std::vector<QImage> frames(const SampleBatch &samples, int scale);
// The samples tiled into `columns` columns with a `gap`-pixel border, enlarged `scale` times:
// (gap + columns x (width + gap)) x scale pixels wide.
QImage tile(const SampleBatch &samples, int columns, int scale, int gap = 2);

// Writes the frames: to an animated GIF when `path` ends in .gif (looping forever), else as
// PNG files path_0001.png, path_0002.png, ... (a trailing .png is taken off first). Every file
// is written atomically. An empty string, or a message naming the file. Raising `cancel` stops
// the PNG frames and removes those already written.
QString writeFrames(const QString &path, const std::vector<QImage> &frames, int delayMs, const std::atomic<bool> *cancel = nullptr);
// The files writeFrames writes for `count` frames to `path`.
QStringList framePaths(const QString &path, int count);

}  // namespace latentwalk
