#include "synthetic2d.h"

#include "io/inputfile.h"

#include <QCoreApplication>
#include <QFile>

#include <cmath>
#include <limits>
#include <random>

namespace {
// Messages a user reads: translated (context "PointsFile").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(PointsFile)
};
}  // namespace

namespace synthetic2d {
namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kRingSigma = 0.01;   // VEEGAN / PacGAN ring
constexpr double kGridSigma = 0.05;   // VEEGAN / PacGAN grid
constexpr double kMoonsNoise = 0.05;  // as scikit-learn's make_moons(noise=0.05)
constexpr double kSpiralNoise = 0.02;
}  // namespace

void modes(Synthetic2DKind kind, std::vector<std::array<double, 2>> *out, double *sigma)
{
    out->clear();
    *sigma = 0;
    switch (kind) {
    case Synthetic2DKind::Ring8:
        for (int k = 0; k < 8; ++k)
            out->push_back({std::cos(2 * kPi * k / 8), std::sin(2 * kPi * k / 8)});
        *sigma = kRingSigma;
        break;
    case Synthetic2DKind::Grid25:
        for (int i = -2; i <= 2; ++i)
            for (int j = -2; j <= 2; ++j)
                out->push_back({2.0 * i, 2.0 * j});
        *sigma = kGridSigma;
        break;
    case Synthetic2DKind::Gaussian:
        out->push_back({0.0, 0.0});
        *sigma = 1.0;
        break;
    case Synthetic2DKind::Spiral:
    case Synthetic2DKind::TwoMoons:
        break;
    }
}

std::shared_ptr<const Dataset> generate(Synthetic2DKind kind, int count, std::uint64_t seed)
{
    auto data = std::make_shared<Dataset>();
    data->kind = Dataset::Kind::Points;
    data->source = specnames::synthetic(kind);
    data->count = count;
    data->points.resize(size_t(count) * 2);
    data->labels.resize(size_t(count));
    modes(kind, &data->modes, &data->modeSigma);

    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    for (int i = 0; i < count; ++i) {
        double x = 0, y = 0;
        int label = 0;
        if (!data->modes.empty()) {
            label = int(std::uniform_int_distribution<size_t>(0, data->modes.size() - 1)(rng));
            x = data->modes[label][0] + data->modeSigma * normal(rng);
            y = data->modes[label][1] + data->modeSigma * normal(rng);
        } else if (kind == Synthetic2DKind::TwoMoons) {
            label = uniform(rng) < 0.5 ? 0 : 1;
            const double t = kPi * uniform(rng);
            x = label == 0 ? std::cos(t) : 1 - std::cos(t);
            y = label == 0 ? std::sin(t) : 0.5 - std::sin(t);
            x += kMoonsNoise * normal(rng);
            y += kMoonsNoise * normal(rng);
        } else {  // spiral: two turns outwards
            const double t = uniform(rng);
            const double angle = 4 * kPi * t;
            x = 2 * t * std::cos(angle) + kSpiralNoise * normal(rng);
            y = 2 * t * std::sin(angle) + kSpiralNoise * normal(rng);
        }
        data->points[2 * size_t(i)] = float(x);
        data->points[2 * size_t(i) + 1] = float(y);
        data->labels[size_t(i)] = label;
    }
    return data;
}

}  // namespace synthetic2d

namespace csvpoints {
namespace {
// Points train as 32-bit floats: a larger coordinate would become infinite on loading.
constexpr double kMaxCoordinate = std::numeric_limits<float>::max();
}  // namespace

DatasetLoad load(const QString &path, std::int64_t limit)
{
    DatasetLoad result;
    if (QString e = inputfile::check(path, Text::tr("a CSV file of points")); !e.isEmpty()) {
        result.error = e;
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        result.error = Text::tr("%1: cannot open (%2)").arg(path, file.errorString());
        return result;
    }
    auto data = std::make_shared<Dataset>();
    data->kind = Dataset::Kind::Points;
    data->source = path;
    bool hasLabels = false;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray raw = file.readLine().trimmed();
        ++lineNumber;
        if (raw.isEmpty())
            continue;
        const QList<QByteArray> cells = raw.split(',');
        if (lineNumber == 1 && cells.size() >= 2 && cells[0].trimmed().toLower() == "x"
            && cells[1].trimmed().toLower() == "y")
            continue;
        bool okX = false, okY = false, okL = true;
        const double x = cells.value(0).trimmed().toDouble(&okX);
        const double y = cells.value(1).trimmed().toDouble(&okY);
        int label = 0;
        if (cells.size() >= 3)
            label = cells[2].trimmed().toInt(&okL);
        if (cells.size() < 2 || cells.size() > 3 || !okX || !okY || !okL || !std::isfinite(x) || !std::isfinite(y)) {
            result.error = Text::tr("%1: line %2 is not \"x,y\" or \"x,y,label\" with numbers: \"%3\"")
                               .arg(path).arg(lineNumber).arg(QString::fromUtf8(raw.left(80)));
            return result;
        }
        if (std::abs(x) > kMaxCoordinate || std::abs(y) > kMaxCoordinate) {
            result.error = Text::tr("%1: line %2 has a coordinate beyond the 32-bit float range (%3): \"%4\"; scale the points down")
                               .arg(path).arg(lineNumber).arg(kMaxCoordinate, 0, 'g', 3).arg(QString::fromUtf8(raw.left(80)));
            return result;
        }
        if (data->count == 0)
            hasLabels = cells.size() == 3;
        data->points.push_back(float(x));
        data->points.push_back(float(y));
        if (hasLabels)
            data->labels.push_back(label);
        ++data->count;
        if (limit > 0 && data->count >= limit)
            break;
    }
    if (data->count == 0) {
        result.error = Text::tr("%1: holds no points").arg(path);
        return result;
    }
    if (hasLabels && std::int64_t(data->labels.size()) != data->count)
        data->labels.clear();
    result.data = std::move(data);
    return result;
}

}  // namespace csvpoints
