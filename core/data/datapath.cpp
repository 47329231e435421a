#include "datapath.h"

#include "idxfile.h"
#include "imagefolder.h"

#include "i18n/language.h"
#include "spec/presets.h"
#include "spec/shapeinference.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace {
// Messages a user reads: translated (context "DataPath").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(DataPath)
};

const char *const kImageFamily = "dcgan-fashion";
const char *const kPointFamily = "mlp-ring8";

// The labels file beside an IDX images file, by the names Fashion-MNIST and MNIST use; empty
// when there is none.
QString labelsBeside(const QString &images)
{
    const QFileInfo info(images);
    QString name = info.fileName();
    if (!name.contains(QLatin1String("images")))
        return QString();
    name.replace(QLatin1String("images"), QLatin1String("labels")).replace(QLatin1String("idx3"), QLatin1String("idx1"));
    const QString labels = info.dir().filePath(name);
    return QFileInfo(labels).isFile() ? labels : QString();
}

// Every layer's input size set to what flows into it from `input`, in order.
void conform(NetworkSpec *net, NetworkRole role, const Shape &input)
{
    for (size_t i = 0; i < net->layers.size(); ++i) {
        const NetworkAnalysis a = ShapeInference::analyzeNetwork(*net, role, input);
        if (i >= a.layers.size())
            return;
        const Shape &in = a.layers[i].inShape;
        if (in.empty())
            return;
        LayerSpec &l = net->layers[i];
        switch (l.kind) {
        case LayerKind::Linear:
            l.inFeatures = int(in.back());
            break;
        case LayerKind::Conv2d:
        case LayerKind::ConvTranspose2d:
            if (in.size() == 3)
                l.inChannels = int(in[0]);
            break;
        case LayerKind::BatchNorm1d:
        case LayerKind::BatchNorm2d:
        case LayerKind::InstanceNorm2d:
            l.numFeatures = int(in[0]);
            break;
        case LayerKind::LayerNorm: {
            // Its trailing dimensions, as many as it normalised before.
            const size_t n = std::min(in.size(), std::max<size_t>(1, l.normalizedShape.size()));
            l.normalizedShape.assign(in.end() - std::ptrdiff_t(n), in.end());
            break;
        }
        default:
            break;
        }
    }
}

bool isImageNetwork(const NetworkSpec &net)
{
    return std::any_of(net.layers.begin(), net.layers.end(), [](const LayerSpec &l) {
        return l.kind == LayerKind::Conv2d || l.kind == LayerKind::ConvTranspose2d || l.kind == LayerKind::Reshape;
    });
}

// The generator's last Reshape to a square grid [C, S, S], or -1.
int gridReshape(const NetworkSpec &g)
{
    for (int i = int(g.layers.size()) - 1; i >= 0; --i)
        if (g.layers[size_t(i)].kind == LayerKind::Reshape && g.layers[size_t(i)].shape.size() == 3)
            return i;
    return -1;
}

// How many times the generator enlarges that grid (1 for none); 0 when it has no such Reshape
// or does not enlarge it by a whole factor.
int upsamplingFactor(const ExperimentSpec &spec)
{
    const int reshape = gridReshape(spec.generator);
    if (reshape < 0)
        return 0;
    const std::vector<int> &grid = spec.generator.layers[size_t(reshape)].shape;
    const NetworkAnalysis a = ShapeInference::analyzeNetwork(spec.generator, NetworkRole::Generator, ShapeInference::generatorInput(spec));
    if (a.outShape.size() != 3 || grid[1] < 1 || a.outShape[1] % grid[1] != 0)
        return 0;
    return int(a.outShape[1] / grid[1]);
}

// The generator resized to make C x side x side images; false when its layout is not one this
// knows (a Reshape to a square grid followed by upsampling).
bool fitGenerator(ExperimentSpec *spec, int channels, int side)
{
    NetworkSpec &g = spec->generator;
    const int reshape = gridReshape(g);
    if (reshape < 0)
        return false;
    const std::vector<int> grid = g.layers[size_t(reshape)].shape;
    const int factor = upsamplingFactor(*spec);
    if (factor < 1 || side % factor != 0)
        return false;
    const int cell = side / factor;
    int lastConv = -1;
    for (size_t i = size_t(reshape) + 1; i < g.layers.size(); ++i)
        if (g.layers[i].kind == LayerKind::Conv2d || g.layers[i].kind == LayerKind::ConvTranspose2d)
            lastConv = int(i);
    const int gridChannels = lastConv < 0 ? channels : grid[0];  // a Reshape straight to the image
    g.layers[size_t(reshape)].shape = {gridChannels, cell, cell};
    for (int i = reshape - 1; i >= 0; --i)
        if (g.layers[size_t(i)].kind == LayerKind::Linear) {
            g.layers[size_t(i)].outFeatures = gridChannels * cell * cell;
            break;
        }
    if (lastConv >= 0)
        g.layers[size_t(lastConv)].outChannels = channels;
    conform(&g, NetworkRole::Generator, ShapeInference::generatorInput(*spec));
    return ShapeInference::analyzeNetwork(g, NetworkRole::Generator, ShapeInference::generatorInput(*spec)).outShape == Shape{channels, side, side};
}

}  // namespace

namespace datapath {

QString fitNetworks(ExperimentSpec *spec, Shape shape, QStringList *notes)
{
    ExperimentSpec fitted = *spec;
    const bool images = shape.size() == 3;
    const auto fits = [&](const ExperimentSpec &s) { return ShapeInference::analyze(s, shape).problems.isEmpty(); };
    if (fits(fitted))
        return QString();
    // Networks for the other kind of data: the family's.
    if (isImageNetwork(fitted.generator) != images || isImageNetwork(fitted.discriminator) != images) {
        const QString family = QLatin1String(images ? kImageFamily : kPointFamily);
        ExperimentSpec preset;
        if (const QString e = presets::load(family, &preset); !e.isEmpty())
            return e;
        fitted.generator = preset.generator;
        fitted.discriminator = preset.discriminator;
        fitted.latentDim = preset.latentDim;
        notes->append(images ? Text::tr("the experiment's networks are for 2D points: using the networks of %1 (a DCGAN) for the images")
                                   .arg(family)
                             : Text::tr("the experiment's networks are for images: using the networks of %1 (MLPs) for the points")
                                   .arg(family));
    }
    if (images) {
        const int channels = int(shape[0]);
        int side = int(shape[1]);
        const int factor = upsamplingFactor(fitted);
        const int nearest = factor > 0 ? std::max(factor, int(std::lround(double(side) / factor)) * factor) : side;
        if (nearest != side && fitted.data.kind == DataKind::ImageFolder) {
            notes->append(Text::tr("the generator makes sides of a multiple of %1: the images are scaled to %2x%2 instead of %3x%3")
                              .arg(factor)
                              .arg(nearest)
                              .arg(side));
            side = nearest;
            fitted.data.imageSize = side;
            shape = {channels, side, side};
        }
        const ExperimentAnalysis before = ShapeInference::analyze(fitted, shape);
        if (!fitGenerator(&fitted, channels, side))
            return Text::tr("the generator cannot be fitted to %1x%2x%2 images (it needs a Reshape to a square grid followed by "
                            "upsampling, and a side its upsampling can make); design one in the window or an experiment file")
                .arg(channels)
                .arg(side);
        conform(&fitted.discriminator, NetworkRole::Discriminator, ShapeInference::discriminatorInput(fitted, shape));
        notes->append(Text::tr("the networks were fitted to %1x%2x%2 images: generator from %3 to %4 parameters, discriminator "
                               "from %5 to %6")
                          .arg(channels)
                          .arg(side)
                          .arg(before.generator.parameters)
                          .arg(ShapeInference::analyzeNetwork(fitted.generator, NetworkRole::Generator, ShapeInference::generatorInput(fitted)).parameters)
                          .arg(before.discriminator.parameters)
                          .arg(ShapeInference::analyzeNetwork(fitted.discriminator, NetworkRole::Discriminator, ShapeInference::discriminatorInput(fitted, shape)).parameters));
    } else {
        conform(&fitted.generator, NetworkRole::Generator, ShapeInference::generatorInput(fitted));
        conform(&fitted.discriminator, NetworkRole::Discriminator, ShapeInference::discriminatorInput(fitted, shape));
    }
    const ExperimentAnalysis after = ShapeInference::analyze(fitted, shape);
    if (!after.problems.isEmpty())
        return Text::tr("the networks cannot be fitted to this data: %1").arg(after.problems.first());
    *spec = fitted;
    return QString();
}

Result apply(const QString &path, ExperimentSpec *spec)
{
    Result r;
    ExperimentSpec out = *spec;
    DataSpec &data = out.data;
    const QFileInfo info(path);
    const bool imageFolderFixed = spec->data.kind == DataKind::ImageFolder;
    data.limit = 0;
    data.labelsPath.clear();
    if (path.isEmpty()) {
        r.error = Text::tr("--data needs a folder of images, an IDX file or a CSV file of points");
        return r;
    }
    if (info.isDir()) {
        QString error;
        const imagefolder::Probe probe = imagefolder::probe(path, &error);
        if (!error.isEmpty()) {
            r.error = error;
            return r;
        }
        data.kind = DataKind::ImageFolder;
        data.path = info.absoluteFilePath();
        const QString what = probe.classes > 0 ? Text::tr("%1: %n image(s) in %2 class folders", nullptr, probe.files).arg(path).arg(probe.classes)
                                               : Text::tr("%1: %n image(s), no class folders", nullptr, probe.files).arg(path);
        if (imageFolderFixed) {
            r.notes << Text::tr("%1; the experiment trains them at %2x%3x%3 (its image_size and grayscale)")
                           .arg(what)
                           .arg(spec->data.grayscale ? 1 : 3)
                           .arg(spec->data.imageSize);
        } else {
            data.grayscale = probe.gray;
            data.imageSize = std::clamp(probe.side, kSmallestSide, kLargestSide);
            QString seen = Text::tr("%1 of %2 looked at are %3, most %4x%4%5")
                               .arg(probe.looked)
                               .arg(probe.files)
                               .arg(probe.gray ? Text::tr("grey") : Text::tr("in colour"))
                               .arg(probe.side)
                               .arg(probe.mixedSizes ? Text::tr(" (sizes differ: each is centre-cropped and scaled)") : QString());
            r.notes << Text::tr("%1; %2").arg(what, seen);
            if (probe.side > kLargestSide)
                r.notes << Text::tr("images larger than %1x%1 are scaled down to it; set image_size in an experiment file for more")
                               .arg(kLargestSide);
        }
    } else if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        if (!info.isFile()) {
            r.error = Text::tr("%1: file not found").arg(path);
            return r;
        }
        data.kind = DataKind::Csv2D;
        data.path = info.absoluteFilePath();
        r.notes << Text::tr("%1: 2D points (x,y per line)").arg(path);
    } else {
        QString images = path, labels;
        if (const int comma = int(path.indexOf(QLatin1Char(','))); comma > 0 && !info.exists()) {
            images = path.left(comma);
            labels = path.mid(comma + 1);
        }
        if (!QFileInfo(images).isFile()) {
            // A device, a pipe or a link that leads nowhere is not data either.
            r.error = QFileInfo(images).exists() || QFileInfo(images).isSymLink()
                ? Text::tr("%1: is not a regular file or a folder; give a folder of images, an IDX file or a CSV file").arg(images)
                : Text::tr("%1: no such file or folder").arg(images);
            return r;
        }
        std::vector<std::int64_t> dims;
        QString error;
        if (!idxfile::readHeader(images, &dims, &error)) {
            r.error = Text::tr("%1 is neither a folder of images, an IDX file nor a CSV file (%2)").arg(images, error);
            return r;
        }
        if (labels.isEmpty())
            labels = labelsBeside(images);
        else if (!QFileInfo(labels).isFile()) {
            r.error = Text::tr("%1: file not found").arg(labels);
            return r;
        }
        data.kind = DataKind::Idx;
        data.path = QFileInfo(images).absoluteFilePath();
        data.labelsPath = labels.isEmpty() ? QString() : QFileInfo(labels).absoluteFilePath();
        r.notes << (labels.isEmpty() ? Text::tr("%1: IDX images, no labels file beside it").arg(images)
                                     : Text::tr("%1: IDX images, labels from %2").arg(images, labels));
    }
    QString shapeError;
    const Shape shape = datasets::sampleShape(data, &shapeError);
    if (shape.empty()) {
        r.error = shapeError;
        return r;
    }
    if (const QString e = fitNetworks(&out, shape, &r.notes); !e.isEmpty()) {
        r.error = e;
        return r;
    }
    if (out.data.kind == DataKind::ImageFolder || out.data.kind == DataKind::Idx) {
        const Shape trained = datasets::sampleShape(out.data);
        if (trained.size() == 3)
            r.notes << Text::tr("training at %1x%2x%3").arg(trained[0]).arg(trained[1]).arg(trained[2]);
    }
    // The experiment's own description spoke of its own data: what was done comes first.
    out.description = Text::tr("Own data: %1.").arg(r.notes.join(QStringLiteral("; ")))
                      + (spec->description.isEmpty() ? QString() : QStringLiteral("\n\n") + Text::tr("The experiment it started from: %1").arg(language::presetDescription(spec->description)));
    *spec = out;
    return r;
}

}  // namespace datapath
