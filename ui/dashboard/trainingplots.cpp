#include "dashboard/trainingplots.h"

#include "widgets/overlaygraphs.h"
#include "widgets/palettecolors.h"
#include "widgets/widgetevents.h"
#include "training/sampleimage.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>

namespace {
constexpr double kSmoothing = 0.02;  // EMA weight of a new step in the thick curves (~50-step memory)
// At most four repaints a second: curves of hundreds of steps move smoothly enough at that
// pace, and a repaint is not free for the run. Painting the three plots is most of the window's
// own work while it trains (perf: 58 % of the GUI thread), and on a machine whose cores the
// training team fills, every slice of a core the GUI thread takes stalls the whole team at its
// next barrier, so it costs the run about twice its own time.
constexpr int kMinReplotMs = 250;
constexpr int kReplotBudget = 4;     // and at most a quarter of the GUI thread's time
constexpr int kBetweenPlotsMs = 5;   // gap between the plots of one round: input and timers run in it

enum SeriesIndex { LossD, LossDSmooth, LossG, LossGSmooth, DReal, DFake, GradD, GradG, SeriesCount };

QCustomPlot *makePlot(QWidget *parent)
{
    auto *p = new QCustomPlot(parent);
    p->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    p->axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    p->legend->setVisible(true);
    QFont small = p->legend->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p->legend->setFont(small);
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    p->setNoAntialiasingOnDrag(true);
    // Thousands of antialiased line segments cost tens of milliseconds per plot in software
    // rendering; the GUI thread must stay responsive while training.
    p->setNotAntialiasedElements(QCP::aePlottables);
    p->setMinimumHeight(90);
    palettecolors::followPalette(p);
    return p;
}
}  // namespace

TrainingPlots::TrainingPlots(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_loss = makePlot(this);
    m_score = makePlot(this);
    m_gradient = makePlot(this);
    m_loss->setObjectName(QStringLiteral("lossPlot"));
    m_score->setObjectName(QStringLiteral("scorePlot"));
    m_gradient->setObjectName(QStringLiteral("gradientPlot"));
    m_gradient->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_gradient->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    layout->addWidget(m_loss, 2);
    layout->addWidget(m_score, 1);
    layout->addWidget(m_gradient, 1);
    m_replot.setSingleShot(true);
    m_replot.setInterval(kMinReplotMs);
    connect(&m_replot, &QTimer::timeout, this, &TrainingPlots::replotNow);

    const QColor blue(31, 119, 180), orange(255, 127, 14);
    m_series.resize(SeriesCount);
    auto add = [&](int index, QCustomPlot *plot, QColor color, double width, bool smoothed) {
        Series &s = m_series[size_t(index)];
        s.graph = plot->addGraph();
        s.smoothed = smoothed;
        if (!smoothed && (index == LossD || index == LossG))
            color.setAlpha(90);  // the raw curve stays in the background of its smoothed one
        s.graph->setPen(QPen(color, width));
        s.graph->setAdaptiveSampling(true);
    };
    add(LossD, m_loss, blue, 1, false);
    add(LossDSmooth, m_loss, blue, 2.5, true);
    add(LossG, m_loss, orange, 1, false);
    add(LossGSmooth, m_loss, orange, 2.5, true);
    add(DReal, m_score, blue, 1.5, false);
    add(DFake, m_score, orange, 1.5, false);
    add(GradD, m_gradient, blue, 1.5, false);
    add(GradG, m_gradient, orange, 1.5, false);

    // Zooming or panning a plot stops it following the newest steps; fit() resumes.
    for (QCustomPlot *p : {m_loss, m_score, m_gradient}) {
        connect(p, &QCustomPlot::mouseWheel, this, [this] { m_follow = false; });
        connect(p, &QCustomPlot::mousePress, this, [this] { m_follow = false; });
        connect(p, &QCustomPlot::mouseDoubleClick, this, [this] { fit(); });
    }
    widgetevents::retranslated(this, [this] {
        m_loss->yAxis->setLabel(tr("loss"));
        m_score->yAxis->setLabel(tr("mean D output"));
        m_gradient->yAxis->setLabel(tr("gradient norm"));
        const QString names[SeriesCount] = {tr("D loss"),      tr("D loss (smoothed)"),  tr("G loss"),    tr("G loss (smoothed)"),
                                            tr("D(x), real"),  tr("D(G(z)), generated"), tr("|grad D|"), tr("|grad G|")};
        for (int i = 0; i < SeriesCount; ++i)
            m_series[size_t(i)].graph->setName(names[i]);
        for (QCustomPlot *p : {m_loss, m_score, m_gradient}) {
            p->xAxis->setLabel(tr("step"));
            p->setToolTip(tr("Wheel zooms, drag pans; double-click to fit and follow the newest steps again"));
            p->replot(QCustomPlot::rpQueuedReplot);
        }
    });
}

void TrainingPlots::addPoint(Series &s, double key, double value)
{
    if (!std::isfinite(value))
        return;
    if (s.smoothed) {
        s.ema = s.hasEma ? (1 - kSmoothing) * s.ema + kSmoothing * value : value;
        s.hasEma = true;
        value = s.ema;
    }
    s.keySum += key;
    s.valueSum += value;
    if (++s.pending < s.bucket)
        return;
    s.keys.append(s.keySum / s.pending);
    s.values.append(s.valueSum / s.pending);
    s.keySum = s.valueSum = 0;
    s.pending = 0;
}

void TrainingPlots::append(const std::vector<StepRecord> &records)
{
    if (records.empty())
        return;
    m_records.insert(m_records.end(), records.begin(), records.end());
    for (const StepRecord &r : records) {
        const double k = double(r.step);
        addPoint(*series(LossD), k, r.lossD);
        addPoint(*series(LossDSmooth), k, r.lossD);
        addPoint(*series(LossG), k, r.lossG);
        addPoint(*series(LossGSmooth), k, r.lossG);
        addPoint(*series(DReal), k, r.dReal);
        addPoint(*series(DFake), k, r.dFake);
        if (r.gradNormD > 0)
            addPoint(*series(GradD), k, r.gradNormD);
        if (r.gradNormG > 0)
            addPoint(*series(GradG), k, r.gradNormG);
    }
    for (Series &s : m_series) {
        while (s.keys.size() > kMaxPointsPerGraph) {  // a resumed run's history arrives at once
            // Average neighbouring pairs over the whole run and double the bucket: every point
            // stands for the same number of steps, so the start of training keeps its place.
            const int n = s.keys.size();
            QVector<double> keys, values;
            keys.reserve(n / 2 + 1);
            values.reserve(n / 2 + 1);
            for (int i = 0; i + 1 < n; i += 2) {
                keys.append(0.5 * (s.keys[i] + s.keys[i + 1]));
                values.append(0.5 * (s.values[i] + s.values[i + 1]));
            }
            if (n % 2) {
                keys.append(s.keys.last());
                values.append(s.values.last());
            }
            s.keys.swap(keys);
            s.values.swap(values);
            s.bucket *= 2;
        }
        s.graph->setData(s.keys, s.values, true);
    }
    replotAll();
}

void TrainingPlots::setOverlays(const std::vector<Overlay> &overlays)
{
    overlaygraphs::removeAll(&m_overlayGraphs);
    for (const Overlay &o : overlays) {
        if (o.steps.empty())
            continue;
        // The same smoothing and the same bound on points as the live curves.
        const int bucket = std::max<int>(1, int((o.steps.size() + kMaxPointsPerGraph - 1) / kMaxPointsPerGraph));
        struct Source {
            QCustomPlot *plot;
            double (*get)(const StepRecord &);
            bool dashed, smoothed, positive;
        };
        const Source sources[] = {
            {m_loss, [](const StepRecord &r) { return double(r.lossD); }, false, true, false},
            {m_loss, [](const StepRecord &r) { return double(r.lossG); }, true, true, false},
            {m_score, [](const StepRecord &r) { return double(r.dReal); }, false, false, false},
            {m_score, [](const StepRecord &r) { return double(r.dFake); }, true, false, false},
            {m_gradient, [](const StepRecord &r) { return double(r.gradNormD); }, false, false, true},
            {m_gradient, [](const StepRecord &r) { return double(r.gradNormG); }, true, false, true},
        };
        for (const Source &c : sources) {
            overlaygraphs::Curve curve;
            curve.color = o.color;
            curve.style = c.dashed ? Qt::DashLine : Qt::SolidLine;
            // One legend entry per run, in the loss plot: its solid curve, named.
            if (!c.dashed && c.plot == m_loss)
                curve.name = tr("%1 (D solid, G dashed)").arg(o.name);
            // The live curves' own accumulation: the same smoothing and buckets.
            Series s;
            s.smoothed = c.smoothed;
            s.bucket = bucket;
            for (const StepRecord &r : o.steps)
                if (!c.positive || c.get(r) > 0)
                    addPoint(s, double(r.step), c.get(r));
            curve.keys = s.keys;
            curve.values = s.values;
            overlaygraphs::add(c.plot, curve, &m_overlayGraphs);
        }
    }
    replotAll();
}

void TrainingPlots::replotAll()
{
    // A round replots the three plots one per tick; data that arrive during it may be newer than
    // the plots it has drawn already, so another round follows (a followed run that ended
    // delivers its whole history at once: its loss plot stayed at the empty range before).
    if (m_replot.isActive())
        m_roundAgain = true;
    else
        m_replot.start();
}

void TrainingPlots::replotNow()
{
    QElapsedTimer timer;
    timer.start();
    QCustomPlot *plots[] = {m_loss, m_score, m_gradient};
    QCustomPlot *p = plots[m_nextPlot];
    if (m_follow)
        p->rescaleAxes();
    p->replot();
    m_cycleMs += timer.nsecsElapsed() / 1e6;
    m_nextPlot = (m_nextPlot + 1) % 3;
    if (m_nextPlot != 0) {
        m_replot.start(kBetweenPlotsMs);  // the rest of this round
        return;
    }
    // Back off when repainting is slow (software rendering, huge windows).
    m_replot.setInterval(std::max<int>(kMinReplotMs, int(kReplotBudget * m_cycleMs)));
    m_cycleMs = 0;
    if (m_roundAgain) {
        m_roundAgain = false;
        m_replot.start();
    }
}

void TrainingPlots::clear()
{
    for (Series &s : m_series) {
        s.keys.clear();
        s.values.clear();
        s.hasEma = false;
        s.bucket = 1;
        s.keySum = s.valueSum = 0;
        s.pending = 0;
        s.graph->data()->clear();
    }
    m_records.clear();
    m_follow = true;
    replotAll();
}

void TrainingPlots::fit()
{
    m_follow = true;
    replotAll();
}

int TrainingPlots::pointsInGraphs() const
{
    int n = 0;
    for (const Series &s : m_series)
        n += s.graph->dataCount();
    return n;
}

QString TrainingPlots::metricsCsv(const std::vector<QualityRecord> &quality) const
{
    return QString::fromLatin1(steprecords::csv(m_records, quality));
}

QString TrainingPlots::exportPlots(const QString &path)
{
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        // QCustomPlot writes one plot per PDF; the loss plot is the one people put in reports.
        return m_loss->savePdf(path) ? QString() : tr("cannot write %1").arg(path);
    }
    // The three plots stacked into one picture, at their on-screen size.
    const int width = m_loss->width();
    int height = 0;
    for (QCustomPlot *p : {m_loss, m_score, m_gradient})
        height += p->height();
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    int y = 0;
    for (QCustomPlot *p : {m_loss, m_score, m_gradient}) {
        painter.drawPixmap(0, y, p->toPixmap(width, p->height()));
        y += p->height();
    }
    painter.end();
    return sampleimage::savePng(image, path);
}
