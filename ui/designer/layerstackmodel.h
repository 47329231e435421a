#pragma once

#include "spec/experimentspec.h"

#include <QAbstractTableModel>

class ExperimentDocument;

// One network's layer stack as a table for the designer: the layer (kind and its key
// settings), then the live analysis (output shape, parameters, FLOPs) and a total row. Rows
// follow the document's signals; drag and drop moves layers (or inserts palette kinds), always
// through the document's undo stack.
class LayerStackModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LayerColumn, ShapeColumn, ParametersColumn, FlopsColumn, ColumnCount };
    static constexpr const char *kLayerMime = "application/x-gan-playground-layer";
    static constexpr const char *kKindMime = "application/x-gan-playground-layer-kind";

    LayerStackModel(ExperimentDocument *doc, NetworkRole role, QObject *parent = nullptr);

    NetworkRole role() const { return m_role; }
    int layerCount() const;
    bool isTotalRow(int row) const { return row == layerCount(); }
    QString layerId(int row) const;  // empty for the total row
    int rowOfId(const QString &id) const;
    // "ConvTranspose2d 128→64, k4 s2 p1": the layer with the settings that shape it.
    static QString summary(const LayerSpec &layer);
    // The column titles changed language (the cells follow the document's analysisChanged).
    void retranslate();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

private:
    ExperimentDocument *m_doc;
    NetworkRole m_role;
};
