#include "dataset.h"

#include <algorithm>

#include "idxfile.h"
#include "imagefolder.h"
#include "synthetic2d.h"

#include "io/inputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {
// Messages a user reads: translated (context "Dataset").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Dataset)
};
}  // namespace

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
QString fashionTestImages() { return QDir(fashionMnistDir()).filePath(QStringLiteral("t10k-images-idx3-ubyte.gz")); }
QString fashionTestLabels() { return QDir(fashionMnistDir()).filePath(QStringLiteral("t10k-labels-idx1-ubyte.gz")); }
QString fashionImages() { return QDir(fashionMnistDir()).filePath(QStringLiteral("train-images-idx3-ubyte.gz")); }
QString fashionLabels() { return QDir(fashionMnistDir()).filePath(QStringLiteral("train-labels-idx1-ubyte.gz")); }
}  // namespace

std::shared_ptr<const Dataset> standIn(const ExperimentSpec &spec)
{
    auto d = std::make_shared<Dataset>();
    d->standIn = true;
    d->source = spec.data.path;
    if (spec.data.isTwoDimensional()) {
        d->kind = Dataset::Kind::Points;
        return d;
    }
    const Shape out = ShapeInference::analyzeNetwork(spec.generator, NetworkRole::Generator, ShapeInference::generatorInput(spec)).outShape;
    if (out.size() == 3) {
        d->channels = int(out[0]);
        d->height = int(out[1]);
        d->width = int(out[2]);
    }
    return d;
}

int knownClassCount(const DataSpec &spec)
{
    switch (spec.kind) {
    case DataKind::FashionMnist:
        return 10;
    case DataKind::ImageFolder:
        return int(imagefolder::classNames(spec.path).size());
    case DataKind::Synthetic2D:
        switch (spec.synthetic) {
        case Synthetic2DKind::Ring8:
            return 8;
        case Synthetic2DKind::Grid25:
            return 25;
        case Synthetic2DKind::TwoMoons:
            return 2;
        case Synthetic2DKind::Spiral:
        case Synthetic2DKind::Gaussian:
            return 0;
        }
        return 0;
    case DataKind::Idx:
    case DataKind::Csv2D:
    case DataKind::Drawn2D:
        return 0;
    }
    return 0;
}

namespace {
QString tooFewClasses(const ExperimentSpec &spec, int dataClasses)
{
    return Text::tr("the data has %1 classes, but the experiment's conditioning has %2; set conditioning classes to %1")
        .arg(dataClasses)
        .arg(spec.conditioning.classes);
}

QString unlabelled(const ExperimentSpec &spec)
{
    return Text::tr("%1 conditioning needs labelled data, and %2 has no class labels; choose labelled data (Fashion-MNIST, "
                    "an IDX pair with labels, an image folder of class subfolders, ring8, grid25 or two-moons) or set "
                    "conditioning to none")
        .arg(specnames::conditioning(spec.conditioning.kind),
             spec.data.kind == DataKind::Synthetic2D ? specnames::synthetic(spec.data.synthetic) : specnames::data(spec.data.kind));
}
}  // namespace

QString conditioningProblem(const ExperimentSpec &spec)
{
    if (!spec.conditioning.enabled())
        return QString();
    const DataSpec &d = spec.data;
    const bool noLabels = d.kind == DataKind::Drawn2D || (d.kind == DataKind::Idx && d.labelsPath.isEmpty())
        || (d.kind == DataKind::Synthetic2D && knownClassCount(d) == 0)
        || (d.kind == DataKind::ImageFolder && !d.path.isEmpty() && knownClassCount(d) == 0);
    if (noLabels)
        return unlabelled(spec);
    if (const int known = knownClassCount(d); known > spec.conditioning.classes)
        return tooFewClasses(spec, known);
    return QString();
}

QString conditioningProblem(const ExperimentSpec &spec, const Dataset &data)
{
    if (!spec.conditioning.enabled() || data.standIn)
        return QString();
    if (const QString problem = conditioningProblem(spec); !problem.isEmpty())
        return problem;
    if (data.labels.empty() || std::int64_t(data.labels.size()) != data.count)
        return unlabelled(spec);
    const int highest = *std::max_element(data.labels.begin(), data.labels.end());
    const int lowest = *std::min_element(data.labels.begin(), data.labels.end());
    if (lowest < 0)
        return Text::tr("%1 has a negative label (%2); labels must be 0 to the number of classes - 1").arg(data.source).arg(lowest);
    if (highest >= spec.conditioning.classes)
        return tooFewClasses(spec, highest + 1);
    return QString();
}

QStringList classLabels(const ExperimentSpec &spec)
{
    if (!spec.conditioning.enabled())
        return {};
    const QStringList names = classNames(spec.data);
    QStringList out;
    for (int k = 0; k < spec.conditioning.classes; ++k)
        out << (k < int(names.size()) ? QCoreApplication::translate("ClassNames", names[k].toUtf8().constData()) : QString::number(k));
    return out;
}

QStringList classNames(const DataSpec &spec)
{
    if (spec.kind == DataKind::ImageFolder)
        return imagefolder::classNames(spec.path);
    if (spec.kind != DataKind::FashionMnist)
        return {};
    // The labels of Fashion-MNIST (Xiao et al. 2017), in label order.
    static const char *const names[] = {QT_TRANSLATE_NOOP("ClassNames", "T-shirt/top"), QT_TRANSLATE_NOOP("ClassNames", "Trouser"),
            QT_TRANSLATE_NOOP("ClassNames", "Pullover"),    QT_TRANSLATE_NOOP("ClassNames", "Dress"),
            QT_TRANSLATE_NOOP("ClassNames", "Coat"),        QT_TRANSLATE_NOOP("ClassNames", "Sandal"),
            QT_TRANSLATE_NOOP("ClassNames", "Shirt"),       QT_TRANSLATE_NOOP("ClassNames", "Sneaker"),
            QT_TRANSLATE_NOOP("ClassNames", "Bag"),         QT_TRANSLATE_NOOP("ClassNames", "Ankle boot")};
    QStringList out;
    for (const char *name : names)
        out << QString::fromUtf8(name);
    return out;
}

namespace {
DatasetLoad loadUnguarded(const DataSpec &spec, std::uint64_t seed, const ProgressFn &progress)
{
    DatasetLoad result;
    switch (spec.kind) {
    case DataKind::FashionMnist:
        result = idxfile::loadImages(fashionImages(), fashionLabels(), spec.limit, progress);
        if (!result.data && !QFile::exists(fashionImages()))
            result.error = Text::tr("%1 (install Debian's dataset-fashion-mnist package)").arg(result.error);
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
    case DataKind::Drawn2D: {
        if (spec.points.size() < 4) {
            result.error = Text::tr("the drawn data set holds %1 points; paint at least two in the 2D lab (Draw)")
                               .arg(spec.points.size() / 2);
            return result;
        }
        auto data = std::make_shared<Dataset>();
        data->kind = Dataset::Kind::Points;
        const size_t n = spec.limit > 0 ? std::min(spec.points.size() / 2, size_t(spec.limit)) : spec.points.size() / 2;
        data->points.assign(spec.points.begin(), spec.points.begin() + std::ptrdiff_t(2 * n));
        data->count = std::int64_t(n);
        data->source = Text::tr("points drawn by hand");
        result.data = data;
        if (progress)
            progress(1.0);
        return result;
    }
    }
    return result;
}
}  // namespace

DatasetLoad load(const DataSpec &spec, std::uint64_t seed, const ProgressFn &progress)
{
    // Loading runs on worker threads (training, the settings preview): nothing may escape.
    const QString source = spec.kind == DataKind::FashionMnist ? fashionMnistDir() : spec.path;
    DatasetLoad failed;
    try {
        return loadUnguarded(spec, seed, progress);
    } catch (const std::bad_alloc &) {
        failed.error = Text::tr("%1: out of memory while loading the data; set a limit on the number of samples "
                                      "or use smaller images").arg(source);
    } catch (const std::exception &e) {
        failed.error = Text::tr("%1: cannot load the data (%2)").arg(source, QString::fromLocal8Bit(e.what()));
    }
    return failed;
}

Shape sampleShape(const DataSpec &spec, QString *error)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    switch (spec.kind) {
    case DataKind::Synthetic2D:
        return {2};
    case DataKind::Drawn2D:
        if (spec.points.size() < 4) {
            err = Text::tr("the drawn data set is empty: paint points in the 2D lab (Draw)");
            return {};
        }
        return {2};
    case DataKind::Csv2D:
        // Validation names a missing file now rather than when training starts.
        err = inputfile::check(spec.path, Text::tr("a CSV file of points"));
        return err.isEmpty() ? Shape{2} : Shape{};
    case DataKind::ImageFolder:
        err = imagefolder::check(spec.path);
        return err.isEmpty() ? Shape{spec.grayscale ? 1 : 3, spec.imageSize, spec.imageSize} : Shape{};
    case DataKind::FashionMnist:
    case DataKind::Idx: {
        const QString path = spec.kind == DataKind::Idx ? spec.path : fashionImages();
        std::vector<std::int64_t> dims;
        if (!idxfile::readHeader(path, &dims, &err)) {
            if (spec.kind == DataKind::FashionMnist && !QFile::exists(path))
                err = Text::tr("%1 (install Debian's dataset-fashion-mnist package)").arg(err);
            return {};
        }
        return idxfile::imageShape(dims, path, &err);
    }
    }
    return {};
}

DatasetLoad loadTestSplit(const DataSpec &spec)
{
    QString images, labels;
    if (spec.kind == DataKind::FashionMnist) {
        images = fashionTestImages();
        labels = fashionTestLabels();
    } else if (spec.kind == DataKind::Idx && !spec.labelsPath.isEmpty()) {
        // MNIST-style pairs: train-images-idx3-ubyte[.gz] beside t10k-images-idx3-ubyte[.gz].
        const QFileInfo i(spec.path), l(spec.labelsPath);
        if (!i.fileName().startsWith(QLatin1String("train-")) || !l.fileName().startsWith(QLatin1String("train-")))
            return {};
        images = i.dir().filePath(QStringLiteral("t10k-") + i.fileName().mid(6));
        labels = l.dir().filePath(QStringLiteral("t10k-") + l.fileName().mid(6));
    } else {
        return {};
    }
    if (!QFile::exists(images) || !QFile::exists(labels))
        return {};
    try {
        return idxfile::loadImages(images, labels, 0, {});
    } catch (const std::exception &) {
        return {};
    }
}

}  // namespace datasets
