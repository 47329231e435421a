#include "quality/qualityplot.h"

#include "widgets/overlaygraphs.h"

#include "eval/qualityrenderer.h"
#include "widgets/palettecolors.h"
#include "widgets/widgetevents.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace {
constexpr int kDefaultInterval = 500;
const char *const kIntervalKey = "quality/interval";

QCPGraph *addSeries(QCustomPlot *plot, QCPAxis *valueAxis, const QColor &color, Qt::PenStyle style)
{
    QCPGraph *g = plot->addGraph(plot->xAxis, valueAxis);
    g->setPen(QPen(color, 2, style));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 5));
    return g;
}
}  // namespace

QualityPlot::QualityPlot(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("qualityPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("qualityStatus"));
    top->addWidget(m_status, 1);
    auto *every = new QLabel(this);
    m_everyLabel = every;
    top->addWidget(every);
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("qualityInterval"));
    m_interval->setRange(0, 1000000);
    m_interval->setSingleStep(100);
    m_interval->setValue(QSettings().value(QLatin1String(kIntervalKey), kDefaultInterval).toInt());
    every->setBuddy(m_interval);
    top->addWidget(m_interval);
    layout->addLayout(top);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("qualityPlot"));
    m_plot->setMinimumHeight(140);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    // The legend in one row under the plot: the curves use the whole of it.
    m_plot->legend->setVisible(true);
    QFont small = m_plot->legend->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_plot->legend->setFont(small);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setMargins(QMargins(4, 0, 4, 2));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setRange(0, 1.05);
    palettecolors::followPalette(m_plot);
    m_fd = addSeries(m_plot, m_plot->yAxis, QColor(31, 119, 180), Qt::SolidLine);
    m_precision = addSeries(m_plot, m_plot->yAxis2, QColor(44, 160, 44), Qt::DashLine);
    m_recall = addSeries(m_plot, m_plot->yAxis2, QColor(214, 39, 40), Qt::DashLine);
    m_coverage = addSeries(m_plot, m_plot->yAxis2, QColor(148, 103, 189), Qt::DotLine);
    m_skippedMarks = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_skippedMarks->setLineStyle(QCPGraph::lsNone);
    m_skippedMarks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QColor(127, 127, 127), 6));
    m_skippedMarks->removeFromLegend();  // until a measurement is skipped
    // Zooming or panning stops the plot following the newest measurement; double-click resumes.
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_follow = false; });
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { m_follow = false; });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] {
        m_follow = true;
        fit();
        m_plot->replot();
    });
    layout->addWidget(m_plot, 1);
    m_networkLabel = new QLabel(this);
    m_networkLabel->setWordWrap(true);
    m_networkLabel->setObjectName(QStringLiteral("qualityNetwork"));
    m_networkLabel->setForegroundRole(QPalette::PlaceholderText);
    QFont smaller = m_networkLabel->font();
    smaller.setPointSizeF(smaller.pointSizeF() * 0.9);
    m_networkLabel->setFont(smaller);
    layout->addWidget(m_networkLabel);

    connect(m_interval, qOverload<int>(&QSpinBox::valueChanged), this, [this](int steps) {
        QSettings().setValue(QLatin1String(kIntervalKey), steps);
        showStatus();
        emit intervalChanged(steps);
    });
    widgetevents::retranslated(this, [this, every] {
        every->setText(tr("Measure every"));
        m_interval->setSpecialValueText(tr("never"));
        m_interval->setSuffix(tr(" steps"));
        m_interval->setToolTip(tr("How often the window measures the generator's image quality. Each measurement generates "
                                  "%1 samples on a thread of its own at low priority and rests nineteen times as long as "
                                  "it took, so the training loses at most a few percent of its speed.")
                                   .arg(QualityRenderer::kSamples));
        m_fd->setName(tr("Fréchet distance (lower is better)"));
        m_precision->setName(tr("precision"));
        m_recall->setName(tr("recall"));
        m_coverage->setName(tr("coverage"));
        m_skippedMarks->setName(tr("skipped"));
        m_plot->xAxis->setLabel(tr("step"));
        m_plot->yAxis->setLabel(tr("Fréchet distance"));
        m_plot->yAxis2->setLabel(tr("precision, recall, coverage"));
        m_plot->setToolTip(
            tr("Fréchet distance: between Gaussians fitted to the features of %1 generated and %1 real images (FID's "
               "formula, with the program's own classifier instead of Inception); other real images score a few units, "
               "uniform noise over 800.\nPrecision: the share of samples that look like some real image; recall: the share "
               "of real images some sample resembles; coverage: the share of real images with a sample close by.\nWheel "
               "zooms the steps, drag pans, double-click fits.")
                .arg(QualityRenderer::kSamples));
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        showStatus();
    });
}

int QualityPlot::interval() const { return m_interval->value(); }

void QualityPlot::setInterval(int steps) { m_interval->setValue(steps); }

void QualityPlot::clear()
{
    m_records.clear();
    m_skipped.clear();
    m_restored = 0;
    for (QCPGraph *g : {m_fd, m_precision, m_recall, m_coverage, m_skippedMarks})
        g->data()->clear();
    m_skippedMarks->removeFromLegend();
    m_state = State::Waiting;
    m_lastSeconds = 0;
    m_problem.clear();
    m_follow = true;
    setExternal(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    showStatus();
}

void QualityPlot::setPreparing(double fraction)
{
    m_state = State::Preparing;
    m_fraction = fraction;
    showStatus();
}

void QualityPlot::setNetwork(const EvalClassifier::Info &info)
{
    m_state = State::Ready;
    m_network = info;
    showStatus();
}

void QualityPlot::setProblem(const QString &message)
{
    m_state = State::Problem;
    m_problem = message;
    showStatus();
}

void QualityPlot::add(const QualityRecord &r)
{
    // Every multiple of the interval after the previous measurement's span and before this
    // one's was due and not taken.
    if (const int every = m_interval->value(); every > 0 && !m_records.empty() && !m_external)
        for (qint64 k = m_records.back().step / every + 1; k < r.step / every; ++k) {
            if (m_skipped.empty())
                m_skippedMarks->addToLegend();
            m_skipped.push_back(k * every);
            m_skippedMarks->addData(double(k * every), 0.0);
        }
    m_records.push_back(r);
    const double step = double(r.step);
    m_fd->addData(step, r.fd);
    m_precision->addData(step, r.precision);
    m_recall->addData(step, r.recall);
    m_coverage->addData(step, r.coverage);
}

void QualityPlot::restoreMeasurements(const std::vector<QualityRecord> &records)
{
    for (const QualityRecord &r : records)
        if (m_records.empty() || r.step > m_records.back().step) {
            add(r);
            ++m_restored;
        }
    if (m_follow)
        fit();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    showStatus();
}

void QualityPlot::addMeasurement(const QualityRecord &r, double seconds)
{
    if (!m_records.empty() && r.step <= m_records.back().step)
        return;  // a resumed run's checkpoint holds it already
    add(r);
    m_lastSeconds = seconds;
    if (m_follow)
        fit();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    if (m_state == State::Problem)
        m_state = State::Ready;
    showStatus();
}

void QualityPlot::fit()
{
    const double last = std::max(m_overlayLast, m_records.empty() ? 1.0 : double(m_records.back().step));
    m_plot->xAxis->setRange(0, std::max(1.0, last) * 1.05);
    bool found = false;
    double top = 0;
    for (QCPGraph *g : m_overlays) {
        bool any = false;
        const QCPRange range = g->getValueRange(any);
        if (any)
            top = std::max(top, range.upper);
    }
    const QCPRange fd = m_fd->getValueRange(found);
    top = std::max(top, found ? fd.upper : 0.0);
    m_plot->yAxis->setRange(0, top > 0 ? top * 1.1 : 1);
    m_plot->yAxis2->setRange(0, 1.05);
}

void QualityPlot::setOverlays(const std::vector<Overlay> &overlays)
{
    overlaygraphs::removeAll(&m_overlays);
    m_overlayLast = 0;
    for (const Overlay &o : overlays) {
        if (o.records.empty())
            continue;
        overlaygraphs::Curve curve;
        curve.name = tr("%1: Fréchet distance").arg(o.name);
        curve.color = o.color;
        for (const QualityRecord &r : o.records) {
            curve.keys.append(double(r.step));
            curve.values.append(r.fd);
        }
        m_overlayLast = std::max(m_overlayLast, curve.keys.last());
        overlaygraphs::add(m_plot, curve, &m_overlays);
    }
    if (m_follow)
        fit();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString QualityPlot::statusText() const { return m_status->text(); }

void QualityPlot::setExternal(bool external)
{
    m_external = external;
    m_everyLabel->setVisible(!external);
    m_interval->setVisible(!external);
    showStatus();
}

void QualityPlot::showStatus()
{
    QString text, networkText;
    if (m_external) {
        if (m_records.empty()) {
            text = tr("The followed run's image quality comes from its metrics.csv (train --eval-every); none is there yet.");
        } else {
            const QualityRecord &r = m_records.back();
            text = tr("Step %1: FD %2 · KID %3 ± %4 · precision %5 · recall %6 · coverage %7")
                       .arg(r.step)
                       .arg(QString::number(r.fd, 'f', 1), QString::number(r.kid, 'g', 3), QString::number(r.kidStandardError, 'g', 2),
                            QString::number(r.precision, 'f', 2), QString::number(r.recall, 'f', 2), QString::number(r.coverage, 'f', 2));
            networkText = tr("Measured by the command line that trains the run (train --eval-every), read from its metrics.csv.");
        }
        m_networkLabel->setText(networkText);
        m_networkLabel->setVisible(!networkText.isEmpty());
        m_status->setText(text);
        return;
    }
    switch (m_state) {
    case State::Waiting:
        text = m_interval->value() > 0
            ? tr("Image quality is measured on the run's samples every %1 steps, off the training thread.").arg(m_interval->value())
            : tr("Image quality is not measured (Measure every: never).");
        break;
    case State::Preparing:
        text = tr("Training the image measures' classifier on this data (once: later runs reuse it): %1%")
                   .arg(int(m_fraction * 100));
        break;
    case State::Problem:
        text = tr("Image measures: %1").arg(m_problem);
        break;
    case State::Ready: {
        const QString network = m_network.randomFeatures
            ? tr("random convolutional features (the data has no labels)")
            : tr("a classifier of %1 classes (accuracy %2 on %3)")
                  .arg(m_network.classes)
                  .arg(QString::number(m_network.testAccuracy, 'f', 3), m_network.testSource);
        if (m_records.empty()) {
            text = tr("Measuring with %1; the first figures come with the first trained generator the run publishes.").arg(network);
            break;
        }
        const QualityRecord &r = m_records.back();
        text = tr("Step %1: FD %2 · KID %3 ± %4 · precision %5 · recall %6 · coverage %7")
                   .arg(r.step)
                   .arg(QString::number(r.fd, 'f', 1), QString::number(r.kid, 'g', 3), QString::number(r.kidStandardError, 'g', 2),
                        QString::number(r.precision, 'f', 2), QString::number(r.recall, 'f', 2), QString::number(r.coverage, 'f', 2));
        if (!m_network.randomFeatures)
            text = tr("%1 · classifier score %2 of %3").arg(text, QString::number(r.classifierScore, 'f', 2)).arg(m_network.classes);
        networkText = tr("Measured with %1 on %2 samples in %3 s.").arg(network).arg(QualityRenderer::kSamples).arg(QString::number(m_lastSeconds, 'f', 1));
        // When the next figures come: with the first copy the run publishes in the next
        // multiple of the interval.
        if (m_lastSeconds <= 0)  // only restored figures so far
            networkText = tr("Measured with %1 on %2 samples.").arg(network).arg(QualityRenderer::kSamples);
        if (const int every = m_interval->value(); every > 0)
            networkText += QLatin1Char(' ') + tr("Next at step ~%1.").arg((r.step / every + 1) * every);
        if (m_restored > 0)
            networkText += QLatin1Char(' ') + tr("%n measurement(s) came with the checkpoint.", nullptr, m_restored);
        if (!m_skipped.empty())
            networkText += QLatin1Char(' ')
                + tr("%n due measurement(s) skipped (×): the measures rest nineteen times as long as one takes, so that the training keeps its pace.",
                     nullptr, int(m_skipped.size()));
        break;
    }
    }
    m_networkLabel->setText(networkText);
    m_networkLabel->setVisible(!networkText.isEmpty());
    m_status->setText(text);
}
