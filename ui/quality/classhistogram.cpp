#include "quality/classhistogram.h"

#include "widgets/palettecolors.h"
#include "widgets/widgetevents.h"

#include <QCoreApplication>
#include <QLabel>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <numeric>

ClassHistogram::ClassHistogram(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("classHistogram"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("classHistogramPlot"));
    m_plot->setMinimumHeight(120);
    // No legend (it would cover the bars): the caption says what bars and diamonds are.
    m_plot->xAxis->setTickLabelRotation(45);
    // Room on the right for the last name, which slants that way (QCustomPlot leaves out a
    // label the widget's border would cut).
    m_plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msTop | QCP::msBottom);
    m_plot->axisRect()->setMargins(QMargins(0, 0, 60, 0));
    m_plot->xAxis->grid()->setVisible(false);
    palettecolors::followPalette(m_plot);
    m_generated = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_generated->setWidth(0.7);
    m_generated->setPen(QPen(QColor(31, 119, 180)));
    m_generated->setBrush(QColor(31, 119, 180, 170));
    m_real = m_plot->addGraph();
    m_real->setLineStyle(QCPGraph::lsNone);
    m_real->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QColor(255, 127, 14), QColor(255, 127, 14), 8));
    layout->addWidget(m_plot, 1);
    widgetevents::retranslated(this, [this] { showTexts(); });
    clear();
}

void ClassHistogram::setClasses(const QStringList &names, const std::vector<int> &realCounts)
{
    m_names = names;
    m_classes = int(realCounts.size());
    const double total = std::max(1, std::accumulate(realCounts.begin(), realCounts.end(), 0));
    QVector<double> keys, shares;
    for (int c = 0; c < m_classes; ++c) {
        keys << c;
        shares << 100.0 * realCounts[size_t(c)] / total;
    }
    m_real->setData(keys, shares);
    m_generated->data()->clear();
    m_step = -1;
    m_plot->xAxis->setRange(-0.6, std::max(1, m_classes) - 0.4);
    showTexts();
}

void ClassHistogram::showCounts(const std::vector<int> &counts, qint64 step)
{
    QVector<double> keys, shares;
    m_samples = std::accumulate(counts.begin(), counts.end(), 0);
    for (size_t c = 0; c < counts.size(); ++c) {
        keys << double(c);
        shares << 100.0 * counts[c] / std::max(1, m_samples);
    }
    m_generated->setData(keys, shares, true);
    m_step = step;
    bool found = false;
    const double top = std::max(m_generated->getValueRange(found).upper, m_real->getValueRange(found).upper);
    m_plot->yAxis->setRange(0, std::max(10.0, top * 1.15));
    showTexts();
}

void ClassHistogram::clear()
{
    m_names.clear();
    m_classes = 0;
    m_real->data()->clear();
    m_generated->data()->clear();
    m_step = -1;
    m_plot->yAxis->setRange(0, 20);
    showTexts();
}

void ClassHistogram::showTexts()
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int c = 0; c < m_classes; ++c)
        ticker->addTick(c, c < m_names.size() ? QCoreApplication::translate("ClassNames", m_names[c].toUtf8().constData())
                                              : QString::number(c));
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setLabel(tr("%"));
    m_caption->setText(m_step < 0 ? tr("Which classes the generator makes appears here with the first image-quality measurement.")
                                  : tr("Classes the generator makes at step %1 (bars: %2 samples as the image measures' "
                                       "classifier sees them; diamonds: the real data). A collapsed generator leaves bars empty.")
                                        .arg(m_step)
                                        .arg(m_samples));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}
