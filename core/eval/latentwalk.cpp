#include "latentwalk.h"

#include "io/gifwriter.h"
#include "training/generatorcopy.h"
#include "training/sampleimage.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cmath>

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(LatentWalk)
};
constexpr int kRenderBatch = 64;
constexpr double kPi = 3.14159265358979323846;
}  // namespace

namespace latentwalk {

std::vector<float> interpolate(const std::vector<float> &a, const std::vector<float> &b, double t, bool spherical)
{
    std::vector<float> out(a.size());
    double wa = 1.0 - t, wb = t;
    if (spherical) {
        double dot = 0, na = 0, nb = 0;
        for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
            dot += double(a[i]) * b[i];
            na += double(a[i]) * a[i];
            nb += double(b[i]) * b[i];
        }
        const double cosine = na > 0 && nb > 0 ? std::clamp(dot / std::sqrt(na * nb), -1.0, 1.0) : 1.0;
        const double omega = std::acos(cosine);
        // Nearly parallel vectors: the great circle is a straight line.
        if (std::sin(omega) > 1e-6) {
            wa = std::sin((1.0 - t) * omega) / std::sin(omega);
            wb = std::sin(t * omega) / std::sin(omega);
        }
    }
    for (size_t i = 0; i < a.size() && i < b.size(); ++i)
        out[i] = float(wa * a[i] + wb * b[i]);
    return out;
}

double position(int frame, int frames, bool loop)
{
    if (frames < 2)
        return 0;
    if (loop)
        return 0.5 * (1.0 - std::cos(2.0 * kPi * frame / frames));  // frame n would be frame 0 again
    return double(frame) / (frames - 1);
}

std::vector<float> latents(const Walk &walk)
{
    std::vector<float> out;
    if (walk.frames < 1)
        return out;
    const bool sweep = walk.kind == Kind::Sweep;
    const size_t dim = sweep ? walk.origin.size() : walk.a.size();
    if (dim == 0 || (sweep ? walk.direction.size() != dim : walk.b.size() != dim))
        return out;
    out.reserve(size_t(walk.frames) * dim);
    for (int i = 0; i < walk.frames; ++i) {
        const double t = position(i, walk.frames, walk.loop);
        if (sweep) {
            const double s = (walk.from + t * (walk.to - walk.from)) * walk.spread;
            for (size_t k = 0; k < dim; ++k)
                out.push_back(float(walk.origin[k] + s * walk.direction[k]));
        } else {
            const std::vector<float> z = interpolate(walk.a, walk.b, t, walk.kind == Kind::Spherical);
            out.insert(out.end(), z.begin(), z.end());
        }
    }
    return out;
}

std::vector<float> sweepGrid(const std::vector<float> &origins, int rows, const std::vector<float> &direction, double from,
                             double to, double spread, int steps)
{
    const size_t dim = direction.size();
    std::vector<float> out;
    if (rows < 1 || steps < 1 || dim == 0 || origins.size() != size_t(rows) * dim)
        return out;
    out.reserve(size_t(rows) * size_t(steps) * dim);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < steps; ++c) {
            const double s = (steps == 1 ? from : from + (to - from) * c / (steps - 1)) * spread;
            for (size_t k = 0; k < dim; ++k)
                out.push_back(float(origins[size_t(r) * dim + k] + s * direction[k]));
        }
    return out;
}

SampleBatch render(const GeneratorCopy &generator, const std::vector<float> &latents, int count, const ProgressFn &progress,
                   const std::atomic<bool> *cancel, QString *error, int label)
{
    const size_t dim = size_t(generator.latentDim());
    if (count < 1 || latents.size() != size_t(count) * dim) {
        *error = Text::tr("%1 latent values do not make %2 vectors of %3").arg(latents.size()).arg(count).arg(dim);
        return {};
    }
    SampleBatch all;
    for (int first = 0; first < count; first += kRenderBatch) {
        if (cancel && cancel->load()) {
            *error = Text::tr("cancelled");
            return {};
        }
        const int n = std::min(kRenderBatch, count - first);
        const std::vector<float> part(latents.begin() + std::ptrdiff_t(size_t(first) * dim),
                                      latents.begin() + std::ptrdiff_t(size_t(first + n) * dim));
        SampleBatch batch = generator.generate(part, n, error, generator.classes() > 0 ? std::vector<int>(size_t(n), label) : std::vector<int>());
        if (batch.count == 0)
            return {};
        if (all.count == 0) {
            all = std::move(batch);
        } else {
            all.pixels.insert(all.pixels.end(), batch.pixels.begin(), batch.pixels.end());
            all.points.insert(all.points.end(), batch.points.begin(), batch.points.end());
            all.count += batch.count;
        }
        if (progress)
            progress(double(first + n) / count);
    }
    return all;
}

std::vector<QImage> frames(const SampleBatch &samples, int scale)
{
    std::vector<QImage> out;
    if (!samples.isImages())
        return out;
    scale = std::max(1, scale);
    out.reserve(size_t(samples.count));
    for (int i = 0; i < samples.count; ++i) {
        const QImage image = sampleimage::image(samples, i);
        out.push_back(image.scaled(image.size() * scale, Qt::IgnoreAspectRatio, Qt::FastTransformation));
    }
    return out;
}

QImage tile(const SampleBatch &samples, int columns, int scale, int gap)
{
    const QImage grid = sampleimage::grid(samples, std::max(1, columns), gap);
    if (grid.isNull())
        return grid;
    scale = std::max(1, scale);
    return grid.scaled(grid.size() * scale, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

QStringList framePaths(const QString &path, int count)
{
    QString base = path;
    if (base.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        base.chop(4);
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << QStringLiteral("%1_%2.png").arg(base).arg(i + 1, 4, 10, QLatin1Char('0'));
    return out;
}

QString writeFrames(const QString &path, const std::vector<QImage> &frames, int delayMs, const std::atomic<bool> *cancel)
{
    if (frames.empty())
        return Text::tr("%1: no frames to write").arg(path);
    if (path.endsWith(QLatin1String(".gif"), Qt::CaseInsensitive))
        return gifwriter::write(path, frames, delayMs);
    const QStringList paths = framePaths(path, int(frames.size()));
    for (size_t i = 0; i < frames.size(); ++i) {
        // Stopped half way, the frames written so far go: a part of an animation is no output.
        if (cancel && *cancel) {
            for (size_t j = 0; j < i; ++j)
                QFile::remove(paths[int(j)]);
            return Text::tr("%1: stopped before all frames were written; the %2 written were removed").arg(path).arg(i);
        }
        if (const QString e = sampleimage::savePng(frames[i], paths[int(i)]); !e.isEmpty())
            return e;
    }
    return {};
}

}  // namespace latentwalk
