#include "lab/measuresplot.h"

#include "widgets/overlaygraphs.h"

#include "widgets/palettecolors.h"
#include "widgets/widgetevents.h"
#include <QLabel>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace {
// Lin et al., "PacGAN: The power of two samples in generative adversarial networks" (2018),
// tables 2 and 3: modes captured and high-quality share, same protocol (2500 samples, 3 sigma).
struct PublishedRow {
    const char *method;
    double modes, quality;
};
const PublishedRow kRing8[] = {{"GAN", 6.3, 98.2}, {"PacGAN2", 7.9, 95.6}, {"VEEGAN", 8, 52.9}};
const PublishedRow kGrid25[] = {{"GAN", 17.3, 94.2}, {"PacGAN4", 24.8, 93.6}, {"VEEGAN", 24.6, 40.0}};

QCustomPlot *smallPlot(QWidget *parent, const QString &name)
{
    auto *plot = new QCustomPlot(parent);
    plot->setObjectName(name);
    plot->setMinimumHeight(90);
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(plot->font().family(), 8));
    // The legend in a row under the plot, in one line: inside it covered the curves and the
    // published rows.
    plot->axisRect()->insetLayout()->take(plot->legend);
    plot->axisRect()->insetLayout()->simplify();
    plot->plotLayout()->addElement(1, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setMargins(QMargins(2, 0, 2, 0));
    palettecolors::followPalette(plot);
    return plot;
}
}  // namespace

MeasuresPlot::MeasuresPlot(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("measures"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_now = new QLabel(this);
    m_now->setWordWrap(true);
    layout->addWidget(m_now);
    m_coverage = smallPlot(this, QStringLiteral("coveragePlot"));
    m_modes = m_coverage->addGraph();
    m_modes->setPen(QPen(QColor(31, 119, 180), 2));
    m_coverage->yAxis2->setVisible(true);
    m_coverage->yAxis2->setRange(0, 100);
    m_quality = m_coverage->addGraph(m_coverage->xAxis, m_coverage->yAxis2);
    m_quality->setPen(QPen(QColor(44, 160, 44), 2));
    layout->addWidget(m_coverage, 1);
    m_published = new QLabel(this);
    m_published->setWordWrap(true);
    m_published->setTextFormat(Qt::RichText);
    layout->addWidget(m_published);
    m_js = smallPlot(this, QStringLiteral("jsPlot"));
    m_divergence = m_js->addGraph();
    m_divergence->setPen(QPen(QColor(255, 127, 14), 2));
    m_floor = m_js->addGraph();
    m_floor->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
    m_js->yAxis->setRange(0, 1);
    layout->addWidget(m_js, 1);
    clear();
    widgetevents::retranslated(this, [this] {
        m_modes->setName(tr("modes captured"));
        m_coverage->yAxis->setLabel(tr("modes"));
        m_coverage->yAxis2->setLabel(tr("high quality %"));
        m_quality->setName(tr("high quality %"));
        m_coverage->setToolTip(tr("Of 2500 samples from fixed noise (the protocol of VEEGAN and PacGAN): a sample is high quality "
                                  "within 3 sigma of a mode; a mode is captured when a high-quality sample is nearest to it"));
        m_divergence->setName(tr("JS(real, generated)"));
        m_floor->setName(tr("noise floor (real vs real)"));
        m_js->yAxis->setLabel(tr("JS, bits"));
        m_js->setToolTip(tr("Jensen-Shannon divergence of 500 generated against 500 real points (fewer for a small data set) on a 32 x 32 histogram over the "
                            "area around the real data (in bits: 0 the same, 1 no overlap). A histogram estimate is biased upwards on small samples: "
                            "two samples of the same data differ by chance. The dashed line is that chance: the JS between two "
                            "disjoint samples of the real data of the same size. A run at the line is as close as this sample "
                            "size can tell."));
        for (QCustomPlot *plot : {m_coverage, m_js}) {
            plot->xAxis->setLabel(tr("step"));
            plot->replot(QCustomPlot::rpQueuedReplot);  // the new words now, not at the next frame
        }
        setDataSet(m_dataSet, m_modeCount);  // the published rows' words
        describe();
    });
}

void MeasuresPlot::setDataSet(const QString &name, int modes)
{
    m_dataSet = name;
    m_modeCount = modes;
    const bool ring = name == QLatin1String("ring8"), grid = name == QLatin1String("grid25");
    m_coverage->setVisible(modes > 0 && !m_compact);
    m_published->setVisible((ring || grid) && !m_compact);
    m_js->setVisible(!m_compact);
    m_coverage->yAxis->setRange(0, std::max(1, modes) + 0.5);
    for (int i = m_coverage->itemCount() - 1; i >= 0; --i)
        m_coverage->removeItem(i);
    if (!ring && !grid)
        return;
    QString rows = tr("<b>Published, same protocol</b> (Lin et al., PacGAN, 2018): ");
    QStringList cells;
    for (const PublishedRow &r : ring ? std::vector<PublishedRow>(std::begin(kRing8), std::end(kRing8))
                                      : std::vector<PublishedRow>(std::begin(kGrid25), std::end(kGrid25))) {
        cells << tr("%1 %2 modes / %3 %").arg(QLatin1String(r.method)).arg(r.modes).arg(r.quality);
        auto *line = new QCPItemStraightLine(m_coverage);
        line->point1->setCoords(0, r.modes);
        line->point2->setCoords(1, r.modes);
        line->setPen(QPen(QColor(31, 119, 180, 110), 1, Qt::DotLine));
        auto *label = new QCPItemText(m_coverage);
        label->position->setType(QCPItemPosition::ptAxisRectRatio);
        label->position->setTypeY(QCPItemPosition::ptPlotCoords);
        label->position->setCoords(0.01, r.modes);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setText(QLatin1String(r.method));
        label->setColor(QColor(31, 119, 180));
        label->setFont(QFont(font().family(), 7));
    }
    m_published->setText(rows + cells.join(QStringLiteral("; ")));
    m_coverage->replot(QCustomPlot::rpQueuedReplot);
}

void MeasuresPlot::addFrame(const lab2d::Frame &f)
{
    if (f.step <= m_lastStep)
        return;
    m_lastStep = double(f.step);
    if (f.hasCoverage) {
        m_modes->addData(double(f.step), f.coverage.captured);
        m_quality->addData(double(f.step), 100.0 * f.coverage.highQualityFraction);
        m_coverage->xAxis->setRange(0, std::max({1.0, m_lastStep, m_overlayLast}));
        m_coverage->replot(QCustomPlot::rpQueuedReplot);
    }
    if (f.js >= 0) {
        m_divergence->addData(double(f.step), f.js);
        m_floor->addData(double(f.step), f.jsFloor);
        m_js->xAxis->setRange(0, std::max(1.0, m_lastStep));
        m_js->replot(QCustomPlot::rpQueuedReplot);
    }
    m_last = f;
    describe();
}

void MeasuresPlot::describe()
{
    if (!m_last) {
        m_now->setText(tr("Live measures appear once a 2D run publishes its networks."));
        return;
    }
    const lab2d::Frame &f = *m_last;
    QStringList now;
    if (f.hasCoverage && f.coverage.captured == 0)
        now << tr("<b>no mode captured</b> of %1, %2 % high quality").arg(f.coverage.modes).arg(100.0 * f.coverage.highQualityFraction, 0, 'f', 1);
    else if (f.hasCoverage)
        now << tr("<b>%1 of %2 modes</b>, %3 % high quality, reverse KL %4")
                   .arg(f.coverage.captured)
                   .arg(f.coverage.modes)
                   .arg(100.0 * f.coverage.highQualityFraction, 0, 'f', 1)
                   .arg(f.coverage.reverseKL, 0, 'f', 3);
    if (f.js >= 0)
        now << tr("JS %1 bits (noise floor %2)").arg(f.js, 0, 'f', 3).arg(f.jsFloor, 0, 'f', 3);
    m_now->setText(tr("Step %1: %2").arg(f.step).arg(now.join(QStringLiteral("; "))));
}

void MeasuresPlot::setCompact(bool compact)
{
    m_compact = compact;
    setDataSet(m_dataSet, m_modeCount);
    // The sentence's lines (it wraps to about three), so that the lab above takes the rest.
    setMaximumHeight(compact ? 3 * fontMetrics().lineSpacing() + 6 : QWIDGETSIZE_MAX);
}

void MeasuresPlot::setOverlays(const std::vector<Overlay> &overlays)
{
    overlaygraphs::removeAll(&m_overlays);
    m_overlayLast = 0;
    for (const Overlay &o : overlays) {
        if (o.modes.empty())
            continue;
        overlaygraphs::Curve curve;
        curve.name = tr("%1: modes").arg(o.name);
        curve.color = o.color;
        for (const auto &[step, modes] : o.modes) {
            curve.keys.append(step);
            curve.values.append(modes);
        }
        m_overlayLast = std::max(m_overlayLast, curve.keys.last());
        overlaygraphs::add(m_coverage, curve, &m_overlays);
    }
    m_coverage->xAxis->setRange(0, std::max({1.0, m_lastStep, m_overlayLast}));
    m_coverage->replot(QCustomPlot::rpQueuedReplot);
}

void MeasuresPlot::clear()
{
    m_lastStep = -1;
    for (QCPGraph *g : {m_modes, m_quality, m_divergence, m_floor})
        g->data()->clear();
    m_last.reset();
    describe();
    m_coverage->replot(QCustomPlot::rpQueuedReplot);
    m_js->replot(QCustomPlot::rpQueuedReplot);
}

int MeasuresPlot::pointCount() const { return m_modes->dataCount() + m_divergence->dataCount(); }
