#include "lab/lab2dview.h"

#include "slowmotion/batchoverlay.h"
#include "widgets/classpoints.h"
#include "widgets/palettecolors.h"
#include "widgets/widgetevents.h"
#include "eval/divergence.h"
#include "spec/experimentspec.h"
#include "widgets/history.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <limits>
#include <cmath>

namespace {
const QColor kRealColor(31, 119, 180);   // blue, as in the sample scatter
const QColor kFakeColor(255, 127, 14);   // orange
constexpr double kLongestArrow = 0.08;   // of the view's width
}  // namespace

Lab2dView::Lab2dView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("lab2d"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto *legend = new QHBoxLayout;
    auto toggle = [&](const char *name) {
        auto *box = new QCheckBox(this);
        box->setChecked(true);
        box->setObjectName(QLatin1String(name));
        connect(box, &QCheckBox::toggled, this, &Lab2dView::applyVisibility);
        legend->addWidget(box);
        return box;
    };
    m_showReal = toggle("showReal");
    m_showFake = toggle("showFake");
    m_showHeat = toggle("showHeat");
    m_showArrows = toggle("showArrows");
    m_showMesh = toggle("showMesh");
    m_showTrails = toggle("showTrails");
    {
        const QSignalBlocker quiet(m_showTrails);  // nothing to show yet: the plot does not exist
        m_showTrails->setChecked(false);
    }
    legend->addStretch(1);
    m_classLabel = new QLabel(this);
    m_class = new QComboBox(this);
    m_class->setObjectName(QStringLiteral("labClass"));
    legend->addWidget(m_classLabel);
    legend->addWidget(m_class);
    m_classLabel->hide();
    m_class->hide();
    connect(m_class, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_request.label = std::max(0, index);
        emit viewChanged();  // D's opinion of the points as this class
    });
    layout->addLayout(legend);

    m_tools = new QWidget(this);
    auto *drawRow = new QHBoxLayout(m_tools);
    drawRow->setContentsMargins(0, 0, 0, 0);
    m_draw = new QCheckBox(this);
    m_draw->setObjectName(QStringLiteral("draw"));
    m_erase = new QCheckBox(this);
    m_erase->setObjectName(QStringLiteral("erase"));
    m_brush = new QDoubleSpinBox(this);
    m_brush->setRange(0.01, 2.0);
    m_brush->setSingleStep(0.05);
    m_brush->setValue(0.1);
    m_density = new QSpinBox(this);
    m_density->setRange(1, 50);
    m_density->setValue(5);
    auto *clearDrawn = new QPushButton(this);
    connect(clearDrawn, &QPushButton::clicked, this, [this] {
        m_drawn.clear();
        m_points.clear();
        showReal();
        emit pointsDrawn(m_drawn);
    });
    connect(m_draw, &QCheckBox::toggled, this, &Lab2dView::setDrawing);
    for (QWidget *w : std::initializer_list<QWidget *>{m_draw, m_erase, m_brush, m_density, clearDrawn}) {
        drawRow->addWidget(w);
        if (w != m_draw) {  // the drawing tools act only while drawing
            w->setEnabled(false);
            connect(m_draw, &QCheckBox::toggled, w, &QWidget::setEnabled);
        }
    }
    drawRow->addStretch(1);
    m_lock = new QCheckBox(this);
    m_lock->setObjectName(QStringLiteral("lockView"));
    connect(m_lock, &QCheckBox::toggled, this, [this](bool locked) {
        if (!locked)
            fitView();
    });
    drawRow->addWidget(m_lock);
    layout->addWidget(m_tools);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("lab2dPlot"));
    m_plot->setMinimumSize(200, 180);
    m_heat = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_heat->setInterpolate(false);
    m_scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_heat->setColorScale(m_scale);
    auto *margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    palettecolors::followPalette(m_plot);
    for (int i = 0; i < 2 * m_request.meshLines; ++i) {
        auto *curve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        curve->setPen(QPen(QColor(90, 90, 90, 150), 1));
        m_mesh.push_back(curve);
    }
    auto scatter = [&](const QColor &c, double size) {
        QCPGraph *g = m_plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c, c, size));
        return g;
    };
    for (int i = 0; i < 64; ++i) {  // the fixed noise's 64 points
        auto *trail = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        trail->setPen(QPen(QColor(255, 127, 14, 110), 1));
        m_trails.push_back(trail);
    }
    m_real = scatter(kRealColor, 3);
    m_fake = scatter(kFakeColor, 6);
    m_fakes = std::make_unique<ClassPoints>(m_plot, m_fake, 6);
    for (int i = 0; i < m_request.arrows; ++i) {
        auto *arrow = new QCPItemLine(m_plot);
        arrow->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 5, 6));
        arrow->setPen(QPen(QColor(120, 40, 0, 200), 1));
        arrow->setVisible(false);
        m_arrows.push_back(arrow);
    }
    m_batch = std::make_unique<BatchOverlay>(m_plot);  // made after the layers: drawn over them
    // Generated points outside the view: a mark on the border where each one lies beyond it.
    m_offView = m_plot->addGraph();
    m_offView->setLineStyle(QCPGraph::lsNone);
    m_offView->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssTriangle, QColor(170, 60, 0), QColor(170, 60, 0), 9));
    m_offView->removeFromLegend();
    // Zoom with the wheel, pan by dragging (not while drawing): the view is then the person's,
    // locked until they unlock it.
    setDrawing(false);  // not drawing: the mouse zooms and pans
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_lock->setChecked(true); });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *e) {
        if (e->buttons() != Qt::NoButton && !isDrawing())
            m_lock->setChecked(true);  // a drag pans
    });
    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, &Lab2dView::viewMoved);
    connect(m_plot->yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, &Lab2dView::viewMoved);
    m_plot->xAxis->setLabel(QStringLiteral("x"));
    m_plot->yAxis->setLabel(QStringLiteral("y"));
    layout->addWidget(m_plot, 1);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *e) {
        if (isDrawing())
            beginStroke(m_plot->xAxis->pixelToCoord(e->pos().x()), m_plot->yAxis->pixelToCoord(e->pos().y()));
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *e) {
        if (m_stroking)
            continueStroke(m_plot->xAxis->pixelToCoord(e->pos().x()), m_plot->yAxis->pixelToCoord(e->pos().y()));
    });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *) {
        if (m_stroking)
            endStroke();
    });
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("labCaption"));
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
    clear();
    widgetevents::retranslated(this, [this, clearDrawn] {
        auto name = [](QAbstractButton *box, const QString &text, const QString &tip) {
            box->setText(text);
            box->setToolTip(tip);
        };
        name(m_showReal, tr("Real"), tr("The training data (blue)"));
        m_classLabel->setText(tr("Class:"));
        m_class->setToolTip(tr("The class whose heatmap, mesh and arrows are shown: the discriminator's opinion of every "
                               "point as a sample of this class. Generated points are coloured by the class they were asked as."));
        name(m_showFake, tr("Generated"), tr("G applied to the run's fixed noise (orange): the same samples at every step"));
        name(m_showHeat, tr("D's opinion"),
             tr("The discriminator at every point of the plane: blue where it says \"real\", orange where it says "
                "\"generated\" (a probability for sigmoid losses, the raw score otherwise)"));
        name(m_showArrows, tr("Gradients"),
             tr("Where the generator's loss pushes each generated point: -dL_G/dx, scaled so the longest arrow is "
                "8% of the view"));
        name(m_showMesh, tr("G's mesh"),
             tr("The image under G of a square grid in latent space (dimensions 1 and 2, the rest 0): how the "
                "generator bends space"));
        name(m_showTrails, tr("Trails"), tr("Where each generated point was over the last frames (about a second)"));
        name(m_draw, tr("Draw"),
             tr("Paint your own data with the mouse: it becomes the experiment's data set (undoable, saved with the "
                "experiment). The next run trains on it."));
        name(m_erase, tr("Erase"), tr("While drawing, remove the points under the brush instead of adding some"));
        m_brush->setPrefix(tr("brush "));
        m_brush->setToolTip(tr("Radius of the brush, in the plot's units"));
        m_density->setSuffix(tr(" per move"));
        m_density->setToolTip(tr("How many points each movement of the brush adds"));
        name(clearDrawn, tr("Clear"), tr("Remove every drawn point (undoable)"));
        name(m_lock, tr("Lock view"),
             tr("Keep the view where it is. Unlocked, it follows the real and generated points. Zoom with the wheel "
                "and pan by dragging (both lock it)."));
        describe();
    });
}

void Lab2dView::describe()
{
    const lab2d::Frame *shown = shownFrame();
    if (!shown) {
        m_caption->setText(tr("Start a 2D run to see the discriminator's opinion and the generator's gradients."));
        return;
    }
    m_scale->axis()->setLabel(shown->probabilities ? tr("D(x): probability of real") : tr("critic score (colours span this view)"));
    QString caption = tr("Step %1. %2 Arrows: the push of the generator's loss on each orange point.")
                          .arg(shown->step)
                          .arg(shown->probabilities ? tr("Blue: D calls it real; orange: generated.")
                                                    : tr("Blue: the highest critic score on this view; orange: the lowest."));
    if (const int off = offViewCount(); off > 0)
        caption += QLatin1Char(' ') + tr("<b>%n generated point(s) off view</b> (marked on the border).", nullptr, off);
    m_caption->setText(caption);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void Lab2dView::showReal()
{
    QVector<double> x, y;
    for (size_t i = 0; i + 1 < m_points.size(); i += 2) {
        x.append(m_points[i]);
        y.append(m_points[i + 1]);
    }
    m_real->setData(x, y);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool Lab2dView::isDrawing() const { return m_draw->isChecked(); }

void Lab2dView::setDrawnPoints(const std::vector<float> &points)
{
    m_drawn = points;
}

void Lab2dView::setDrawing(bool on)
{
    if (m_draw->isChecked() != on)
        m_draw->setChecked(on);
    m_plot->setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
    m_plot->setInteractions(on ? QCP::Interactions() : QCP::Interactions(QCP::iRangeDrag | QCP::iRangeZoom));
}

void Lab2dView::beginStroke(double x, double y)
{
    m_stroking = true;
    ++m_strokeSeed;
    paintAt(x, y);
}

void Lab2dView::continueStroke(double x, double y)
{
    if (m_stroking)
        paintAt(x, y);
}

void Lab2dView::endStroke()
{
    if (!m_stroking)
        return;
    m_stroking = false;
    emit pointsDrawn(m_drawn);
}

void Lab2dView::paintAt(double x, double y)
{
    const double r = m_brush->value();
    if (m_erase->isChecked()) {
        std::vector<float> kept;
        for (size_t i = 0; i + 1 < m_drawn.size(); i += 2)
            if (std::hypot(m_drawn[i] - x, m_drawn[i + 1] - y) > r)
                kept.insert(kept.end(), {m_drawn[i], m_drawn[i + 1]});
        m_drawn.swap(kept);
    } else {
        // Uniform in the brush's disc; seeded per stroke, so a stroke is the same every time.
        QRandomGenerator random(m_strokeSeed * 7919u + quint32(m_drawn.size()));
        for (int k = 0; k < m_density->value() && m_drawn.size() / 2 < size_t(DataSpec::kMaxDrawnPoints); ++k) {
            const double angle = random.bounded(2 * M_PI), radius = r * std::sqrt(random.generateDouble());
            m_drawn.insert(m_drawn.end(), {float(x + radius * std::cos(angle)), float(y + radius * std::sin(angle))});
        }
    }
    m_points = m_drawn;  // while drawing, the real points are the drawing
    showReal();
}

void Lab2dView::setRealPoints(const std::vector<float> &points, bool fit)
{
    m_points = points;
    showReal();
    m_request.real = points;
    if (!fit)
        return;
    if (m_lock->isChecked())
        return;
    // A square around the data with a margin, so that generated points off the data show too.
    const auto [lo, hi] = divergence::viewAround(points);
    setView(lo, hi, lo, hi);
}

void Lab2dView::setView(double xMin, double xMax, double yMin, double yMax)
{
    m_plot->xAxis->setRange(xMin, xMax);
    m_plot->yAxis->setRange(yMin, yMax);
    viewMoved();
}

void Lab2dView::viewMoved()
{
    const QCPRange x = m_plot->xAxis->range(), y = m_plot->yAxis->range();
    m_request.xMin = x.lower;
    m_request.xMax = x.upper;
    m_request.yMin = y.lower;
    m_request.yMax = y.upper;
    markOffView();
    describe();
    emit viewChanged();
}

bool Lab2dView::isLocked() const { return m_lock->isChecked(); }

void Lab2dView::setLocked(bool locked) { m_lock->setChecked(locked); }

void Lab2dView::fitView()
{
    // The real points and the generated ones of the frame shown, in one square with a margin.
    std::vector<float> all = m_points;
    if (const lab2d::Frame *shown = shownFrame())
        all.insert(all.end(), shown->fakes.begin(), shown->fakes.end());
    if (all.empty())
        return;
    const auto [lo, hi] = divergence::viewAround(all);
    setView(lo, hi, lo, hi);
}

void Lab2dView::followPoints(const lab2d::Frame &f)
{
    std::vector<float> all = m_points;
    all.insert(all.end(), f.fakes.begin(), f.fakes.end());
    if (all.empty())
        return;
    const QCPRange rx = m_plot->xAxis->range(), ry = m_plot->yAxis->range();
    bool outside = false;
    for (size_t i = 0; i + 1 < f.fakes.size() && !outside; i += 2)
        outside = !rx.contains(f.fakes[i]) || !ry.contains(f.fakes[i + 1]);
    const auto [lo, hi] = divergence::viewAround(all);
    if (outside || (hi - lo) < kShrinkBelow * std::max(rx.size(), ry.size()))
        setView(lo, hi, lo, hi);
}

const lab2d::Frame *Lab2dView::shownFrame() const
{
    const lab2d::Frame *shown = nullptr;
    for (const lab2d::Frame &f : m_history)
        if (f.step == m_step)
            shown = &f;
    return shown;
}

int Lab2dView::offViewCount() const { return m_offView->dataCount(); }

void Lab2dView::markOffView()
{
    // Each generated point outside the view: a mark just inside the border, towards it.
    QVector<double> x, y;
    if (const lab2d::Frame *shown = shownFrame()) {
        const QCPRange rx = m_plot->xAxis->range(), ry = m_plot->yAxis->range();
        const double insetX = 0.015 * rx.size(), insetY = 0.015 * ry.size();
        for (size_t i = 0; i + 1 < shown->fakes.size(); i += 2) {
            const double px = shown->fakes[i], py = shown->fakes[i + 1];
            if (rx.contains(px) && ry.contains(py))
                continue;
            x.append(std::clamp(px, rx.lower + insetX, rx.upper - insetX));
            y.append(std::clamp(py, ry.lower + insetY, ry.upper - insetY));
        }
    }
    m_offView->setData(x, y);
}

void Lab2dView::setModes(const std::vector<std::array<double, 2>> &modes, double sigma)
{
    m_request.modes = modes;
    m_request.modeSigma = sigma;
}

void Lab2dView::showFrame(const lab2d::Frame &frame)
{
    if (!m_history.empty() && m_history.back().step == frame.step) {
        // The same step again: slow motion's updated D, before G's turn. It replaces the frame.
        m_history.back() = frame;
        if (m_follow)
            draw(m_history.size() - 1);
        return;
    }
    if (int(m_history.size()) >= kMaxHistory)
        thinHistory(m_history, -1);
    m_history.push_back(frame);
    if (m_follow)
        draw(m_history.size() - 1);
}

void Lab2dView::showStep(std::int64_t step)
{
    size_t index = 0;
    bool found = false;
    for (size_t i = 0; i < m_history.size(); ++i)
        if (m_history[i].step <= step) {
            index = i;
            found = true;
        }
    if (!found)
        return;
    m_follow = index + 1 == m_history.size();
    draw(index);
}

void Lab2dView::followLatest()
{
    m_follow = true;
    if (!m_history.empty())
        draw(m_history.size() - 1);
}

void Lab2dView::draw(size_t index)
{
    const lab2d::Frame &f = m_history[index];
    m_step = f.step;
    const lab2d::Request &r = f.request;
    const int n = r.cells;
    m_heat->data()->setSize(n, n);
    m_heat->data()->setRange(QCPRange(lab2d::cellX(r, 0), lab2d::cellX(r, n - 1)), QCPRange(lab2d::cellY(r, 0), lab2d::cellY(r, n - 1)));
    double lowest = std::numeric_limits<double>::infinity(), highest = -lowest;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const double v = f.heat[size_t(i) * n + j];
            m_heat->data()->setCell(j, i, v);
            lowest = std::min(lowest, v);
            highest = std::max(highest, v);
        }
    // Orange where D says "generated", white undecided, blue where it says "real".
    QCPColorGradient gradient;
    gradient.setColorStopAt(0, QColor(255, 190, 130));
    gradient.setColorStopAt(0.5, Qt::white);
    gradient.setColorStopAt(1, QColor(140, 185, 230));
    m_heat->setGradient(gradient);
    if (f.probabilities) {
        m_heat->setDataRange(QCPRange(0, 1));
    } else {
        // A critic's raw scores drift by an offset that means nothing (only differences do):
        // the colours span the scores on this view, lowest orange to highest blue.
        const double mid = 0.5 * (lowest + highest), half = std::max(0.5 * (highest - lowest), 1e-6);
        m_heat->setDataRange(QCPRange(mid - half, mid + half));
    }

    // Conditional: each class's points in its colour; else all in orange.
    m_fakes->setPoints(f.fakes, f.fakeLabels);
    // Trails: this frame and the few before it.
    const size_t first = index + 1 > size_t(kTrailFrames) ? index + 1 - size_t(kTrailFrames) : 0;
    for (size_t p = 0; p < m_trails.size(); ++p) {
        QVector<double> t, tx, ty;
        for (size_t k = first; k <= index; ++k)
            if (2 * p + 1 < m_history[k].fakes.size()) {
                t.append(t.size());
                tx.append(m_history[k].fakes[2 * p]);
                ty.append(m_history[k].fakes[2 * p + 1]);
            }
        m_trails[p]->setData(t, tx, ty);
    }

    double longest = 0;
    for (size_t k = 0; 4 * k + 3 < f.arrows.size(); ++k)
        longest = std::max(longest, std::hypot(double(f.arrows[4 * k + 2]), double(f.arrows[4 * k + 3])));
    const double scale = longest > 0 ? kLongestArrow * (r.xMax - r.xMin) / longest : 0;
    for (size_t k = 0; k < m_arrows.size(); ++k) {
        const bool have = 4 * k + 3 < f.arrows.size();
        m_arrows[k]->setProperty("used", have);
        if (!have)
            continue;
        const double ax = f.arrows[4 * k], ay = f.arrows[4 * k + 1];
        m_arrows[k]->start->setCoords(ax, ay);
        m_arrows[k]->end->setCoords(ax + scale * f.arrows[4 * k + 2], ay + scale * f.arrows[4 * k + 3]);
    }

    // Mesh: rows (constant second dimension), then columns (constant first dimension).
    const int lines = r.meshLines;
    const bool mesh = f.mesh.size() == size_t(lines) * lines * 2;
    for (size_t c = 0; c < m_mesh.size(); ++c) {
        QVector<double> t, mx, my;
        if (mesh && int(c) < 2 * lines) {
            const int line = int(c) % lines;
            for (int p = 0; p < lines; ++p) {
                const size_t index = int(c) < lines ? size_t(line) * lines + p : size_t(p) * lines + line;
                t.append(p);
                mx.append(f.mesh[2 * index]);
                my.append(f.mesh[2 * index + 1]);
            }
        }
        m_mesh[c]->setData(t, mx, my);
    }
    // Unlocked, the view follows the points: it grows at once when a generated point leaves it
    // and shrinks only when they all fit in a much smaller one (a steady picture, not a new
    // view at every frame).
    if (!m_lock->isChecked())
        followPoints(f);
    markOffView();
    describe();
    applyVisibility();
}

Lab2dView::~Lab2dView() = default;

void Lab2dView::showBatch(const SubstepReport &report) { m_batch->show(report); }

void Lab2dView::clearBatch() { m_batch->clear(); }

void Lab2dView::clear()
{
    m_batch->clear();
    m_step = -1;
    m_fakes->clear();
    m_heat->data()->clear();
    m_history.clear();
    m_follow = true;
    for (QCPCurve *t : m_trails)
        t->data()->clear();
    for (QCPCurve *c : m_mesh)
        c->data()->clear();
    for (QCPItemLine *a : m_arrows)
        a->setProperty("used", false);
    m_offView->data()->clear();
    m_points.clear();  // the next experiment's or run's data come with setRealPoints
    m_request.real.clear();
    showReal();
    describe();
    applyVisibility();
}

void Lab2dView::setClasses(const QStringList &names)
{
    m_fakes->setClasses(names);
    {
        const QSignalBlocker block(m_class);
        m_class->clear();
        m_class->addItems(names);
        m_class->setCurrentIndex(names.isEmpty() ? -1 : 0);
    }
    m_request.label = 0;
    m_classLabel->setVisible(!names.isEmpty());
    m_class->setVisible(!names.isEmpty());
    applyVisibility();
}

void Lab2dView::applyVisibility()
{
    m_real->setVisible(m_showReal->isChecked());
    m_fakes->setVisible(m_showFake->isChecked());
    m_heat->setVisible(m_showHeat->isChecked() && m_step >= 0);
    m_scale->setVisible(m_showHeat->isChecked() && m_step >= 0);
    for (QCPItemLine *a : m_arrows)
        a->setVisible(m_showArrows->isChecked() && a->property("used").toBool());
    for (QCPCurve *c : m_mesh)
        c->setVisible(m_showMesh->isChecked());
    for (QCPCurve *t : m_trails)
        t->setVisible(m_showTrails->isChecked());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}
