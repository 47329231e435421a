#include "experimentspec.h"

#include <QSet>

#include "enumnames.h"
#include "losskinds.h"

#include <array>
#include <utility>

namespace {
const std::array<std::pair<LatentPrior, const char *>, 2> kPriors = {{
    {LatentPrior::Normal, "normal"},
    {LatentPrior::Uniform, "uniform"},
}};
const std::array<std::pair<OptimizerKind, const char *>, 3> kOptimizers = {{
    {OptimizerKind::Adam, "adam"},
    {OptimizerKind::SGD, "sgd"},
    {OptimizerKind::RMSprop, "rmsprop"},
}};
const std::array<std::pair<DataKind, const char *>, 6> kData = {{
    {DataKind::FashionMnist, "fashion-mnist"},
    {DataKind::Idx, "idx"},
    {DataKind::ImageFolder, "image-folder"},
    {DataKind::Synthetic2D, "synthetic-2d"},
    {DataKind::Csv2D, "csv-2d"},
    {DataKind::Drawn2D, "drawn-2d"},
}};
const std::array<std::pair<Synthetic2DKind, const char *>, 5> kSynthetic = {{
    {Synthetic2DKind::Ring8, "ring8"},
    {Synthetic2DKind::Grid25, "grid25"},
    {Synthetic2DKind::Spiral, "spiral"},
    {Synthetic2DKind::TwoMoons, "two-moons"},
    {Synthetic2DKind::Gaussian, "gaussian"},
}};
const std::array<std::pair<ConditioningKind, const char *>, 4> kConditioning = {{
    {ConditioningKind::None, "none"},
    {ConditioningKind::Concat, "concat"},
    {ConditioningKind::Projection, "projection"},
    {ConditioningKind::Auxiliary, "auxiliary"},
}};
const std::array<std::pair<UpsampleMode, const char *>, 2> kUpsampleModes = {{
    {UpsampleMode::Nearest, "nearest"},
    {UpsampleMode::Bilinear, "bilinear"},
}};
}  // namespace

namespace {
// The first prefix + number from `*next` on that `used` does not hold; one pass over the ids
// for all the layers that need one.
QString nextFreeId(const QString &prefix, const QSet<QString> &used, int *next)
{
    while (used.contains(prefix + QString::number(*next)))
        ++*next;
    return prefix + QString::number((*next)++);
}

QSet<QString> idsOf(const std::vector<LayerSpec> &layers)
{
    QSet<QString> used;
    used.reserve(qsizetype(layers.size()));
    for (const LayerSpec &layer : layers)
        used.insert(layer.id);
    return used;
}
}  // namespace

QString NetworkSpec::freshId(const QString &prefix) const
{
    int next = 1;
    return nextFreeId(prefix, idsOf(layers), &next);
}

void NetworkSpec::assignMissingIds(const QString &prefix)
{
    const QSet<QString> used = idsOf(layers);
    int next = 1;
    for (LayerSpec &layer : layers)
        if (layer.id.isEmpty())
            layer.id = nextFreeId(prefix, used, &next);
}

int NetworkSpec::indexOfId(const QString &id) const
{
    for (size_t i = 0; i < layers.size(); ++i)
        if (layers[i].id == id)
            return int(i);
    return -1;
}

bool OptimizerSpec::operator==(const OptimizerSpec &o) const
{
    return kind == o.kind && lr == o.lr && beta1 == o.beta1 && beta2 == o.beta2
        && momentum == o.momentum && alpha == o.alpha && weightDecay == o.weightDecay;
}

bool DataSpec::operator==(const DataSpec &o) const
{
    return kind == o.kind && path == o.path && labelsPath == o.labelsPath
        && imageSize == o.imageSize && grayscale == o.grayscale && synthetic == o.synthetic
        && syntheticCount == o.syntheticCount && limit == o.limit && points == o.points;
}

bool LossSpec::operator==(const LossSpec &o) const
{
    return kind == o.kind && gpLambda == o.gpLambda && clip == o.clip && r1Gamma == o.r1Gamma
        && labelSmoothing == o.labelSmoothing && instanceNoise == o.instanceNoise
        && instanceNoiseSteps == o.instanceNoiseSteps;
}

bool ExperimentSpec::trainsLike(const ExperimentSpec &o, bool threadsMatter) const
{
    ExperimentSpec mine = *this;
    mine.directions = o.directions;
    if (!threadsMatter)
        mine.threads = o.threads;
    return mine == o;
}

bool ConditioningSpec::operator==(const ConditioningSpec &o) const
{
    // Fields that do not apply to the kind do not tell two experiments apart.
    if (kind != o.kind)
        return false;
    if (kind == ConditioningKind::None)
        return true;
    return classes == o.classes && embedding == o.embedding
        && (kind != ConditioningKind::Auxiliary || auxWeight == o.auxWeight);
}

bool ExperimentSpec::operator==(const ExperimentSpec &o) const
{
    return name == o.name && description == o.description && latentDim == o.latentDim
        && prior == o.prior && generator == o.generator && discriminator == o.discriminator
        && data == o.data && loss == o.loss && optimizerG == o.optimizerG
        && optimizerD == o.optimizerD && batchSize == o.batchSize && dStepsPerG == o.dStepsPerG
        && seed == o.seed && threads == o.threads && steps == o.steps && dcganInit == o.dcganInit
        && emaDecay == o.emaDecay && lrDecayTo == o.lrDecayTo && sampleEvery == o.sampleEvery && device == o.device
        && precision == o.precision && conditioning == o.conditioning
        && directions == o.directions;
}

namespace specnames {
QString role(NetworkRole r)
{
    return r == NetworkRole::Generator ? QStringLiteral("generator")
                                       : QStringLiteral("discriminator");
}
QString prior(LatentPrior p) { return enumName(kPriors, p); }
std::optional<LatentPrior> priorFromName(const QString &n) { return enumFromName<LatentPrior>(kPriors, n); }
QStringList priorNames() { return enumNames(kPriors); }
QString loss(LossKind k) { return QString::fromLatin1(losskind::info(k).key); }
std::optional<LossKind> lossFromName(const QString &n)
{
    for (const LossKindInfo &k : losskind::all())
        if (n == QLatin1String(k.key))
            return k.kind;
    return std::nullopt;
}
QStringList lossNames()
{
    QStringList names;
    for (const LossKindInfo &k : losskind::all())
        names << QString::fromLatin1(k.key);
    return names;
}
QString optimizer(OptimizerKind k) { return enumName(kOptimizers, k); }
std::optional<OptimizerKind> optimizerFromName(const QString &n) { return enumFromName<OptimizerKind>(kOptimizers, n); }
QStringList optimizerNames() { return enumNames(kOptimizers); }
QString data(DataKind k) { return enumName(kData, k); }
std::optional<DataKind> dataFromName(const QString &n) { return enumFromName<DataKind>(kData, n); }
QStringList dataNames() { return enumNames(kData); }
QString synthetic(Synthetic2DKind k) { return enumName(kSynthetic, k); }
std::optional<Synthetic2DKind> syntheticFromName(const QString &n) { return enumFromName<Synthetic2DKind>(kSynthetic, n); }
QStringList syntheticNames() { return enumNames(kSynthetic); }
QString conditioning(ConditioningKind k) { return enumName(kConditioning, k); }
std::optional<ConditioningKind> conditioningFromName(const QString &n) { return enumFromName<ConditioningKind>(kConditioning, n); }
QStringList conditioningNames() { return enumNames(kConditioning); }
QString upsampleMode(UpsampleMode m) { return enumName(kUpsampleModes, m); }
std::optional<UpsampleMode> upsampleModeFromName(const QString &n) { return enumFromName<UpsampleMode>(kUpsampleModes, n); }
}  // namespace specnames
