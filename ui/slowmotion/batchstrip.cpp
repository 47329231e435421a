#include "slowmotion/batchstrip.h"

#include "training/sampleimage.h"

#include <QPainter>

BatchStrip::BatchStrip(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("batchStrip"));
    setMinimumHeight(120);
}

void BatchStrip::setBatch(const SampleBatch &real, const SampleBatch &fake, const std::vector<float> &realScores,
                          const std::vector<float> &fakeScores)
{
    m_real.clear();
    m_fake.clear();
    for (int i = 0; i < real.count; ++i)
        m_real.push_back(sampleimage::image(real, i));
    for (int i = 0; i < fake.count; ++i)
        m_fake.push_back(sampleimage::image(fake, i));
    m_realScores = realScores;
    m_fakeScores = fakeScores;
    update();
}

void BatchStrip::clear()
{
    m_real.clear();
    m_fake.clear();
    update();
}

void BatchStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const int columns = 8;
    const int labelWidth = fontMetrics().horizontalAdvance(tr("generated")) + 12;
    const int textHeight = fontMetrics().height();
    const int cell = std::max(16, std::min((width() - labelWidth) / columns, height() / 2 - textHeight - 4));
    auto row = [&](const std::vector<QImage> &images, const std::vector<float> &scores, int y, const QString &label,
                   const QColor &colour) {
        p.setPen(colour);
        p.drawText(QRect(0, y, labelWidth - 6, cell), Qt::AlignRight | Qt::AlignVCenter, label);
        for (size_t i = 0; i < images.size() && i < size_t(columns); ++i) {
            const QRect r(labelWidth + int(i) * cell + 2, y, cell - 4, cell - 4);
            p.drawImage(r, images[i]);
            p.setPen(QPen(colour, 2));
            p.drawRect(r);
            if (i < scores.size()) {
                p.setPen(palette().color(QPalette::WindowText));
                p.drawText(QRect(r.left() - 2, r.bottom() + 1, cell, textHeight), Qt::AlignCenter,
                           QString::number(scores[i], 'g', 2));  // two digits fit under a thumbnail
            }
        }
    };
    row(m_real, m_realScores, 0, tr("real"), QColor(31, 119, 180));
    row(m_fake, m_fakeScores, cell + textHeight + 4, tr("generated"), QColor(212, 106, 0));
    if (m_real.empty()) {
        p.setPen(palette().color(QPalette::Mid));
        p.drawText(rect(), Qt::AlignCenter, tr("The batch appears here at substep 1."));
    }
}
