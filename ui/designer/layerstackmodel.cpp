#include "designer/layerstackmodel.h"

#include "widgets/palettecolors.h"
#include "document/experimentdocument.h"
#include "spec/shapeinference.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QFont>
#include <QIODevice>
#include <QLocale>
#include <QMimeData>

namespace {
QString flopsText(double flops)
{
    return QString::number(flops / 1e6, 'g', 3);
}
}  // namespace

LayerStackModel::LayerStackModel(ExperimentDocument *doc, NetworkRole role, QObject *parent)
    : QAbstractTableModel(parent), m_doc(doc), m_role(role)
{
    // The document announces each change before making it: the rows change between begin and end.
    connect(doc, &ExperimentDocument::layerAboutToBeInserted, this, [this](NetworkRole r, int index) {
        if (r == m_role)
            beginInsertRows(QModelIndex(), index, index);
    });
    connect(doc, &ExperimentDocument::layerInserted, this, [this](NetworkRole r) {
        if (r == m_role)
            endInsertRows();
    });
    connect(doc, &ExperimentDocument::layerAboutToBeRemoved, this, [this](NetworkRole r, int index) {
        if (r == m_role)
            beginRemoveRows(QModelIndex(), index, index);
    });
    connect(doc, &ExperimentDocument::layerRemoved, this, [this](NetworkRole r) {
        if (r == m_role)
            endRemoveRows();
    });
    connect(doc, &ExperimentDocument::layerAboutToBeMoved, this, [this](NetworkRole r, int from, int to) {
        if (r == m_role)
            beginMoveRows(QModelIndex(), from, from, QModelIndex(), to > from ? to + 1 : to);
    });
    connect(doc, &ExperimentDocument::layerMoved, this, [this](NetworkRole r) {
        if (r == m_role)
            endMoveRows();
    });
    connect(doc, &ExperimentDocument::aboutToReload, this, &LayerStackModel::beginResetModel);
    connect(doc, &ExperimentDocument::reloaded, this, &LayerStackModel::endResetModel);
    // Any edit can change every later layer's shape and every problem: refresh all cells.
    connect(doc, &ExperimentDocument::analysisChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    });
}

void LayerStackModel::retranslate() { emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1); }

int LayerStackModel::layerCount() const { return int(m_doc->spec().network(m_role).layers.size()); }

QString LayerStackModel::layerId(int row) const
{
    const auto &layers = m_doc->spec().network(m_role).layers;
    return row >= 0 && row < int(layers.size()) ? layers[size_t(row)].id : QString();
}

int LayerStackModel::rowOfId(const QString &id) const { return m_doc->spec().network(m_role).indexOfId(id); }

QString LayerStackModel::summary(const LayerSpec &l)
{
    const QString kind = layerkind::name(l.kind);
    const QString sn = l.spectralNorm ? tr(", SN") : QString();
    const QString nobias = layerkind::hasWeights(l.kind) && !l.bias ? tr(", no bias") : QString();
    switch (l.kind) {
    case LayerKind::Linear:
        return QStringLiteral("%1 %2→%3%4%5").arg(kind).arg(l.inFeatures).arg(l.outFeatures).arg(nobias, sn);
    case LayerKind::Conv2d:
    case LayerKind::ConvTranspose2d:
        return QStringLiteral("%1 %2→%3, k%4 s%5 p%6%7%8")
            .arg(kind)
            .arg(l.inChannels)
            .arg(l.outChannels)
            .arg(l.kernel)
            .arg(l.stride)
            .arg(l.padding)
            .arg(nobias, sn);
    case LayerKind::BatchNorm1d:
    case LayerKind::BatchNorm2d:
    case LayerKind::InstanceNorm2d:
        return QStringLiteral("%1 %2").arg(kind).arg(l.numFeatures);
    case LayerKind::LayerNorm:
        return QStringLiteral("%1 [%2]").arg(kind, dimsText(l.normalizedShape));
    case LayerKind::Upsample:
        return QStringLiteral("%1 ×%2 %3").arg(kind).arg(l.scale).arg(specnames::upsampleMode(l.mode));
    case LayerKind::Dropout:
        return QStringLiteral("%1 %2").arg(kind).arg(l.p);
    case LayerKind::LeakyReLU:
        return QStringLiteral("%1 %2").arg(kind).arg(l.slope);
    case LayerKind::ELU:
        return QStringLiteral("%1 α=%2").arg(kind).arg(l.alpha);
    case LayerKind::Reshape:
        return QStringLiteral("%1 [%2]").arg(kind, dimsText(l.shape));
    case LayerKind::ReLU:
    case LayerKind::Tanh:
    case LayerKind::Sigmoid:
    case LayerKind::Flatten:
        return kind;
    }
    return kind;
}

int LayerStackModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : layerCount() + 1; }

int LayerStackModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant LayerStackModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const NetworkAnalysis &net = m_role == NetworkRole::Generator ? m_doc->analysis().generator : m_doc->analysis().discriminator;
    const int row = index.row();
    if (isTotalRow(row)) {
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role != Qt::DisplayRole)
            return {};
        switch (index.column()) {
        case LayerColumn: return tr("Total");
        case ShapeColumn: return net.outShape.empty() ? tr("?") : shapeToString(net.outShape);
        case ParametersColumn: return QLocale().toString(qlonglong(net.parameters));
        case FlopsColumn: return flopsText(net.flops);
        default: return {};
        }
    }
    const auto &layers = m_doc->spec().network(m_role).layers;
    if (row < 0 || row >= int(layers.size()) || size_t(row) >= net.layers.size())
        return {};
    const LayerSpec &layer = layers[size_t(row)];
    const LayerAnalysis &a = net.layers[size_t(row)];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LayerColumn: return summary(layer);
        case ShapeColumn: return a.outShape.empty() ? tr("?") : shapeToString(a.outShape);
        case ParametersColumn: return QLocale().toString(qlonglong(a.parameters));
        case FlopsColumn: return flopsText(a.flops);
        default: return {};
        }
    case Qt::BackgroundRole:
        if (!a.problems.isEmpty())
            return QBrush(palettecolors::problemBackground(QGuiApplication::palette()));
        return {};
    case Qt::DecorationRole:
        if (index.column() == LayerColumn && !a.problems.isEmpty())
            return palettecolors::problem(QGuiApplication::palette());
        return {};
    case Qt::ToolTipRole:
        if (!a.problems.isEmpty())
            return a.problems.join(QLatin1Char('\n'));
        // The layer's whole name too: a narrow column cuts it ("ConvTranspo…").
        return (index.column() == LayerColumn ? data(index, Qt::DisplayRole).toString() + QLatin1Char('\n') : QString())
            + tr("input %1 → output %2").arg(shapeToString(a.inShape), a.outShape.empty() ? tr("?") : shapeToString(a.outShape));
    case Qt::TextAlignmentRole:
        return index.column() == LayerColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant LayerStackModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)  // the layer's number, as problems name it ("generator layer 5")
        return section < layerCount() ? QVariant(section + 1) : QVariant();
    switch (section) {
    case LayerColumn: return tr("Layer");
    case ShapeColumn: return tr("Output");
    case ParametersColumn: return tr("Params");
    case FlopsColumn: return tr("MFLOPs");
    default: return {};
    }
}

Qt::ItemFlags LayerStackModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;  // dropping below the last row appends
    if (isTotalRow(index.row()))
        return Qt::ItemIsEnabled | Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
}

Qt::DropActions LayerStackModel::supportedDropActions() const { return Qt::MoveAction | Qt::CopyAction; }

QStringList LayerStackModel::mimeTypes() const
{
    return {QString::fromLatin1(kLayerMime), QString::fromLatin1(kKindMime)};
}

QMimeData *LayerStackModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty() || isTotalRow(indexes.first().row()))
        return nullptr;
    auto *mime = new QMimeData;
    // "role:id" so a drop into the other network copies instead of moving.
    mime->setData(QString::fromLatin1(kLayerMime),
                  (specnames::role(m_role) + QLatin1Char(':') + layerId(indexes.first().row())).toUtf8());
    return mime;
}

bool LayerStackModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &) const
{
    return data->hasFormat(QString::fromLatin1(kLayerMime)) || data->hasFormat(QString::fromLatin1(kKindMime));
}

bool LayerStackModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent)
{
    if (action == Qt::IgnoreAction)
        return true;
    int target = row >= 0 ? row : (parent.isValid() ? parent.row() : layerCount());
    target = std::clamp(target, 0, layerCount());
    if (data->hasFormat(QString::fromLatin1(kKindMime))) {
        const auto kind = layerkind::fromName(QString::fromUtf8(data->data(QString::fromLatin1(kKindMime))));
        if (!kind)
            return false;
        m_doc->insertLayer(m_role, target, m_doc->newLayer(m_role, target, *kind));
        return true;
    }
    const QString payload = QString::fromUtf8(data->data(QString::fromLatin1(kLayerMime)));
    const QString sourceRole = payload.section(QLatin1Char(':'), 0, 0);
    const QString id = payload.section(QLatin1Char(':'), 1);
    if (sourceRole == specnames::role(m_role)) {
        const int from = rowOfId(id);
        if (from < 0)
            return false;
        // Dropping between rows: the rows after the moved one shift up by one.
        m_doc->moveLayer(m_role, id, target > from ? target - 1 : target);
        // The document did the move; tell the view not to remove the source row itself.
        return false;
    }
    const NetworkRole other = m_role == NetworkRole::Generator ? NetworkRole::Discriminator : NetworkRole::Generator;
    const int from = m_doc->spec().network(other).indexOfId(id);
    if (from < 0)
        return false;
    m_doc->insertLayer(m_role, target, m_doc->spec().network(other).layers[size_t(from)]);
    return false;
}
