#include "designer/layerpalette.h"

#include "designer/layerstackmodel.h"
#include "widgets/widgetevents.h"

#include "spec/layerkinds.h"

#include <QMimeData>

LayerPalette::LayerPalette(QWidget *parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("layerPalette"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    for (const QString &name : layerkind::allNames()) {
        auto *item = new QListWidgetItem(name, this);
        item->setData(Qt::UserRole, name);
    }
    widgetevents::retranslated(this, [this] {
        for (int row = 0; row < count(); ++row)
            item(row)->setToolTip(layerkind::description(*layerkind::fromName(item(row)->data(Qt::UserRole).toString())));
    });
    // As wide as the longest kind's name: never clipped, and the stacks beside it get the rest
    // (in either language, and with presentation mode's larger type).
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto fitWidth = [this] { setFixedWidth(sizeHintForColumn(0) + 2 * frameWidth() + 6); };
    fitWidth();
    widgetevents::onEvent(this, QEvent::FontChange, fitWidth);
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (const auto kind = layerkind::fromName(item->data(Qt::UserRole).toString()))
            emit kindActivated(*kind);
    });
}

QStringList LayerPalette::mimeTypes() const { return {QString::fromLatin1(LayerStackModel::kKindMime)}; }

QMimeData *LayerPalette::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(LayerStackModel::kKindMime), items.first()->data(Qt::UserRole).toString().toUtf8());
    return mime;
}

