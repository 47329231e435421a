#pragma once

#include "spec/layerspec.h"

#include <QListWidget>

// The layer kinds a stack can hold, each with a sentence on what it does. Drag one onto a
// stack to insert it there, or double-click to add it below the selected layer.
class LayerPalette : public QListWidget {
    Q_OBJECT
public:
    explicit LayerPalette(QWidget *parent = nullptr);

signals:
    void kindActivated(LayerKind kind);

protected:
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;
};
