#include "designer/layerpalette.h"

#include "designer/layerstackmodel.h"
#include "widgets/widgetevents.h"

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
            item(row)->setToolTip(description(*layerkind::fromName(item(row)->data(Qt::UserRole).toString())));
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

QString LayerPalette::description(LayerKind kind)
{
    switch (kind) {
    case LayerKind::Linear: return tr("Linear: every output is a weighted sum of all inputs plus a bias. Needs a flat input.");
    case LayerKind::Conv2d: return tr("Conv2d: slides small filters over an image; stride 2 halves height and width. The discriminator's workhorse.");
    case LayerKind::ConvTranspose2d: return tr("ConvTranspose2d: the reverse of a strided convolution; stride 2 doubles height and width. The DCGAN generator's upsampler.");
    case LayerKind::Upsample: return tr("Upsample: enlarges the image by repeating (nearest) or blending (bilinear) pixels; no weights.");
    case LayerKind::BatchNorm1d: return tr("BatchNorm1d: normalises each feature over the batch; steadies training of flat layers.");
    case LayerKind::BatchNorm2d: return tr("BatchNorm2d: normalises each channel over the batch and the image.");
    case LayerKind::LayerNorm: return tr("LayerNorm: normalises each sample on its own; does not mix samples of a batch.");
    case LayerKind::Dropout: return tr("Dropout: zeroes random inputs while training, so the network cannot rely on any single one.");
    case LayerKind::ReLU: return tr("ReLU: keeps positive values, zeroes negative ones.");
    case LayerKind::LeakyReLU: return tr("LeakyReLU: like ReLU, but negative values keep a small slope, so gradients never vanish completely.");
    case LayerKind::ELU: return tr("ELU: smooth for negative values, approaching -alpha.");
    case LayerKind::Tanh: return tr("Tanh: squashes values into (-1, 1); ends image generators, since images are scaled to [-1, 1].");
    case LayerKind::Sigmoid: return tr("Sigmoid: squashes values into (0, 1). A final Sigmoid in the discriminator is folded into the sigmoid losses (numerically safer); the Wasserstein and hinge losses need raw scores.");
    case LayerKind::Flatten: return tr("Flatten: turns a [C, H, W] image into one vector for a Linear layer.");
    case LayerKind::Reshape: return tr("Reshape: gives a flat vector a new shape, e.g. [128, 7, 7] after the generator's first Linear layer.");
    }
    return QString();
}
