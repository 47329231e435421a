#include "experimentdocument.h"

#include "documentcommands.h"

#include "data/dataset.h"
#include "spec/specjson.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace {
QString prefixOf(NetworkRole role)
{
    return role == NetworkRole::Generator ? QStringLiteral("g") : QStringLiteral("d");
}
}  // namespace

ExperimentDocument::ExperimentDocument(QObject *parent) : QObject(parent), m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
    analyze();
}

ExperimentDocument::~ExperimentDocument() = default;

bool ExperimentDocument::isModified() const { return !m_undo->isClean(); }

QStringList ExperimentDocument::problems() const
{
    QStringList out = m_analysis.problems;
    if (!m_dataProblem.isEmpty())
        out.prepend(m_dataProblem);
    return out;
}

void ExperimentDocument::reset(const ExperimentSpec &spec, const QString &path)
{
    const bool wasModified = isModified();
    m_undo->clear();
    emit aboutToReload();
    m_spec = spec;
    m_spec.generator.assignMissingIds(prefixOf(NetworkRole::Generator));
    m_spec.discriminator.assignMissingIds(prefixOf(NetworkRole::Discriminator));
    const bool pathChanged = path != m_path;
    m_path = path;
    analyze();
    emit reloaded();
    emit analysisChanged();
    if (pathChanged)
        emit filePathChanged(m_path);
    if (wasModified)
        emit modifiedChanged(false);
}

QString ExperimentDocument::open(const QString &path)
{
    const specjson::ParseResult parsed = specjson::fromFile(path);
    if (!parsed.ok())
        return parsed.errors.join(QLatin1Char('\n'));
    reset(parsed.spec, path);
    return QString();
}

QString ExperimentDocument::saveAs(const QString &path)
{
    if (const QString error = specjson::writeFile(m_spec, path); !error.isEmpty())
        return error;
    if (path != m_path) {
        m_path = path;
        emit filePathChanged(m_path);
    }
    m_undo->setClean();
    return QString();
}

Shape ExperimentDocument::inputShapeAt(NetworkRole role, int index) const
{
    const NetworkAnalysis &net = role == NetworkRole::Generator ? m_analysis.generator : m_analysis.discriminator;
    if (index <= 0)
        return net.inShape;
    if (size_t(index) > net.layers.size())
        return net.outShape;
    return net.layers[size_t(index) - 1].outShape;
}

LayerSpec ExperimentDocument::newLayer(NetworkRole role, int index, LayerKind kind) const
{
    LayerSpec l = LayerSpec::simple(kind);
    const Shape in = inputShapeAt(role, index);
    std::int64_t flat = 1;
    for (std::int64_t v : in)
        flat *= v;
    const int channels = in.empty() ? 64 : int(in[0]);
    switch (kind) {
    case LayerKind::Linear:
        l.inFeatures = in.empty() ? 64 : int(flat);
        l.outFeatures = in.size() == 1 ? int(in[0]) : 128;
        break;
    case LayerKind::Conv2d:
    case LayerKind::ConvTranspose2d:
        l.inChannels = channels;
        l.outChannels = channels;
        l.kernel = 3;
        l.stride = 1;
        l.padding = 1;  // keeps the height and width
        break;
    case LayerKind::BatchNorm1d:
    case LayerKind::BatchNorm2d:
    case LayerKind::InstanceNorm2d:
        l.numFeatures = channels;
        break;
    case LayerKind::LayerNorm:
        l.normalizedShape.assign(in.begin(), in.end());
        if (l.normalizedShape.empty())
            l.normalizedShape = {64};
        break;
    case LayerKind::Reshape:
        l.shape.assign(in.begin(), in.end());
        if (l.shape.empty())
            l.shape = {1};
        break;
    case LayerKind::LeakyReLU:
        l.slope = 0.2;  // the usual choice in GAN discriminators
        break;
    case LayerKind::Dropout:
        l.p = 0.3;
        break;
    case LayerKind::Upsample:
    case LayerKind::ReLU:
    case LayerKind::ELU:
    case LayerKind::Tanh:
    case LayerKind::Sigmoid:
    case LayerKind::Flatten:
        break;  // the table's defaults fit any input
    }
    return l;
}

void ExperimentDocument::insertLayer(NetworkRole role, int index, LayerSpec layer)
{
    const NetworkSpec &net = m_spec.network(role);
    index = std::clamp(index, 0, int(net.layers.size()));
    layer.id = net.freshId(prefixOf(role));
    m_undo->push(new InsertLayerCommand(this, role, index, layer, QCoreApplication::translate("DocumentCommands", "add %1 to the %2")));
}

void ExperimentDocument::duplicateLayer(NetworkRole role, const QString &id)
{
    const NetworkSpec &net = m_spec.network(role);
    const int index = net.indexOfId(id);
    if (index < 0)
        return;
    LayerSpec copy = net.layers[size_t(index)];
    copy.id = net.freshId(prefixOf(role));
    m_undo->push(new InsertLayerCommand(this, role, index + 1, copy, QCoreApplication::translate("DocumentCommands", "duplicate %1 in the %2")));
}

void ExperimentDocument::removeLayer(NetworkRole role, const QString &id)
{
    const int index = m_spec.network(role).indexOfId(id);
    if (index >= 0)
        m_undo->push(new RemoveLayerCommand(this, role, index, m_spec.network(role).layers[size_t(index)]));
}

void ExperimentDocument::moveLayer(NetworkRole role, const QString &id, int toIndex)
{
    const NetworkSpec &net = m_spec.network(role);
    const int from = net.indexOfId(id);
    toIndex = std::clamp(toIndex, 0, int(net.layers.size()) - 1);
    if (from >= 0 && toIndex != from)
        m_undo->push(new MoveLayerCommand(this, role, id, from, toIndex));
}

void ExperimentDocument::changeLayer(NetworkRole role, const LayerSpec &layer, const QString &field)
{
    const NetworkSpec &net = m_spec.network(role);
    const int index = net.indexOfId(layer.id);
    if (index < 0 || net.layers[size_t(index)] == layer)
        return;
    m_undo->push(changeLayerCommand(this, role, net.layers[size_t(index)], layer, field));
}

void ExperimentDocument::changeSettings(const QString &field, const std::function<void(ExperimentSpec &)> &edit)
{
    ExperimentSpec after = m_spec;
    edit(after);
    // The layer stacks have their own commands. A setting that keeps layers fitting it (the
    // conditioning's first layers) changes their parameters, never the stacks: those changes
    // join the setting's in one undo step.
    std::vector<std::pair<NetworkRole, LayerSpec>> fitted;
    for (NetworkRole role : {NetworkRole::Generator, NetworkRole::Discriminator}) {
        const auto &mine = m_spec.network(role).layers, &theirs = after.network(role).layers;
        if (mine.size() != theirs.size())
            continue;
        for (size_t i = 0; i < mine.size(); ++i)
            if (mine[i] != theirs[i] && mine[i].id == theirs[i].id && mine[i].kind == theirs[i].kind)
                fitted.emplace_back(role, theirs[i]);
    }
    after.generator = m_spec.generator;
    after.discriminator = m_spec.discriminator;
    if (fitted.empty()) {
        if (after != m_spec)
            m_undo->push(changeSettingsCommand(this, m_spec, after, field));
        return;
    }
    m_undo->beginMacro(tr("change %1").arg(field));
    if (after != m_spec)
        m_undo->push(changeSettingsCommand(this, m_spec, after, field));
    for (const auto &[role, layer] : fitted) {
        const NetworkSpec &net = m_spec.network(role);
        m_undo->push(changeLayerCommand(this, role, net.layers[size_t(net.indexOfId(layer.id))], layer, field));
    }
    m_undo->endMacro();
}

void ExperimentDocument::restoreUnsaved(const ExperimentSpec &spec, const QString &path)
{
    reset(spec, path);
    m_undo->resetClean();  // never clean until saved
}

void ExperimentDocument::saveDirection(const LatentDirectionSpec &direction)
{
    if (int(m_spec.directions.size()) >= LatentDirectionSpec::kMaxCount)
        return;
    ExperimentSpec after = m_spec;
    after.directions.push_back(direction);
    // A key of its own: two saves are two undo steps.
    m_undo->push(changeSettingsCommand(this, m_spec, after, QStringLiteral("directions#%1").arg(++m_directionEdits),
                                       tr("save direction \"%1\"").arg(direction.name)));
}

void ExperimentDocument::removeDirection(int index)
{
    if (index < 0 || size_t(index) >= m_spec.directions.size())
        return;
    ExperimentSpec after = m_spec;
    const QString name = after.directions[size_t(index)].name;
    after.directions.erase(after.directions.begin() + index);
    m_undo->push(changeSettingsCommand(this, m_spec, after, QStringLiteral("directions#%1").arg(++m_directionEdits),
                                       tr("delete direction \"%1\"").arg(name)));
}

void ExperimentDocument::applyInsert(NetworkRole role, int index, const LayerSpec &layer)
{
    emit layerAboutToBeInserted(role, index);
    auto &layers = m_spec.network(role).layers;
    layers.insert(layers.begin() + index, layer);
    analyze();
    emit layerInserted(role, index);
    emit analysisChanged();
}

void ExperimentDocument::applyRemove(NetworkRole role, int index)
{
    emit layerAboutToBeRemoved(role, index);
    auto &layers = m_spec.network(role).layers;
    layers.erase(layers.begin() + index);
    analyze();
    emit layerRemoved(role, index);
    emit analysisChanged();
}

void ExperimentDocument::applyMove(NetworkRole role, int from, int to)
{
    emit layerAboutToBeMoved(role, from, to);
    auto &layers = m_spec.network(role).layers;
    const LayerSpec moved = layers[size_t(from)];
    layers.erase(layers.begin() + from);
    layers.insert(layers.begin() + to, moved);
    analyze();
    emit layerMoved(role, from, to);
    emit analysisChanged();
}

void ExperimentDocument::applyLayer(NetworkRole role, const LayerSpec &layer)
{
    NetworkSpec &net = m_spec.network(role);
    const int index = net.indexOfId(layer.id);
    if (index < 0)
        return;
    net.layers[size_t(index)] = layer;
    analyze();
    emit layerChanged(role, index);
    emit analysisChanged();
}

void ExperimentDocument::applySettings(const ExperimentSpec &settings)
{
    ExperimentSpec next = settings;
    next.generator = std::move(m_spec.generator);
    next.discriminator = std::move(m_spec.discriminator);
    m_spec = std::move(next);
    analyze();
    emit settingsChanged();
    emit analysisChanged();
}

void ExperimentDocument::retranslate()
{
    analyze();
    emit analysisChanged();
}

void ExperimentDocument::analyze()
{
    m_dataProblem.clear();
    m_analysis = ShapeInference::analyze(m_spec, datasets::sampleShape(m_spec.data, &m_dataProblem));
    if (const QString labels = datasets::conditioningProblem(m_spec); !labels.isEmpty())
        m_analysis.problems << labels;
}
