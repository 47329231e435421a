#include "dataset.h"

#include "idxfile.h"
#include "imagefolder.h"
#include "synthetic2d.h"

#include <QDir>

Shape Dataset::sampleShape() const
{
    if (kind == Kind::Points)
        return {2};
    return {channels, height, width};
}

namespace datasets {

QString fashionMnistDir()
{
    const QString overridden = qEnvironmentVariable("GAN_PLAYGROUND_FASHION_MNIST");
    return overridden.isEmpty() ? QStringLiteral("/usr/share/datasets/fashion-mnist") : overridden;
}

namespace {
QString fashionImages() { return QDir(fashionMnistDir()).filePath(QStringLiteral("train-images-idx3-ubyte.gz")); }
QString fashionLabels() { return QDir(fashionMnistDir()).filePath(QStringLiteral("train-labels-idx1-ubyte.gz")); }
}  // namespace

DatasetLoad load(const DataSpec &spec, std::uint64_t seed, const ProgressFn &progress)
{
    DatasetLoad result;
    switch (spec.kind) {
    case DataKind::FashionMnist:
        result = idxfile::loadImages(fashionImages(), fashionLabels(), spec.limit, progress);
        if (!result.data && !QFile::exists(fashionImages()))
            result.error += QStringLiteral(" (install Debian's dataset-fashion-mnist package)");
        return result;
    case DataKind::Idx:
        return idxfile::loadImages(spec.path, spec.labelsPath, spec.limit, progress);
    case DataKind::ImageFolder:
        return imagefolder::load(spec.path, spec.imageSize, spec.grayscale, spec.limit, progress);
    case DataKind::Synthetic2D:
        result.data = synthetic2d::generate(spec.synthetic, spec.syntheticCount, seed);
        if (progress)
            progress(1.0);
        return result;
    case DataKind::Csv2D:
        return csvpoints::load(spec.path, spec.limit);
    }
    return result;
}

Shape sampleShape(const DataSpec &spec, QString *error)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    switch (spec.kind) {
    case DataKind::Synthetic2D:
    case DataKind::Csv2D:
        return {2};
    case DataKind::ImageFolder:
        return {spec.grayscale ? 1 : 3, spec.imageSize, spec.imageSize};
    case DataKind::FashionMnist:
    case DataKind::Idx: {
        std::vector<std::int64_t> dims;
        if (!idxfile::readHeader(spec.kind == DataKind::Idx ? spec.path : fashionImages(), &dims, &err))
            return {};
        if (dims.size() == 3)
            return {1, dims[1], dims[2]};
        if (dims.size() == 4)
            return {dims[1], dims[2], dims[3]};
        err = QStringLiteral("%1: not an image file (%2 dimensions)").arg(spec.path).arg(dims.size());
        return {};
    }
    }
    return {};
}

}  // namespace datasets
