#include "slowmotion/batchoverlay.h"

#include <qcustomplot.h>

#include <cmath>

namespace {
const QColor kRealRing(0, 140, 60);  // green: dark blue vanishes on the blue data
const QColor kFakeRing(170, 60, 0);
const QColor kPush(150, 0, 60);

QVector<double> coordinate(const std::vector<float> &xy, int axis, int count)
{
    QVector<double> out;
    for (int i = 0; i < count && 2 * size_t(i) + 1 < xy.size(); ++i)
        out.append(xy[2 * size_t(i) + size_t(axis)]);
    return out;
}
}  // namespace

BatchOverlay::BatchOverlay(QCustomPlot *plot) : m_plot(plot)
{
    auto rings = [&](const QColor &c, QCPScatterStyle::ScatterShape shape, double size) {
        QCPGraph *g = plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(shape, QPen(c, 2), Qt::NoBrush, size));
        g->setVisible(false);
        return g;
    };
    m_real = rings(kRealRing, QCPScatterStyle::ssCircle, 9);
    m_fake = rings(kFakeRing, QCPScatterStyle::ssCircle, 9);
    m_moved = rings(kFakeRing, QCPScatterStyle::ssDisc, 7);
    m_moved->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kFakeRing, kFakeRing, 7));
}

QCPItemLine *BatchOverlay::line(std::vector<QCPItemLine *> &pool, size_t index, bool arrowHead)
{
    while (pool.size() <= index) {
        auto *l = new QCPItemLine(m_plot);
        if (arrowHead) {
            l->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 6, 8));
            l->setPen(QPen(kPush, 1.5));
        } else {
            l->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 5, 6));
            l->setPen(QPen(kFakeRing, 1.5, Qt::DashLine));
        }
        pool.push_back(l);
    }
    pool[index]->setVisible(true);
    return pool[index];
}

void BatchOverlay::hideFrom(std::vector<QCPItemLine *> &pool, size_t used)
{
    for (size_t i = used; i < pool.size(); ++i)
        pool[i]->setVisible(false);
}

void BatchOverlay::show(const SubstepReport &r)
{
    if (r.real.isImages()) {
        clear();
        return;
    }
    m_shown = true;
    m_real->setData(coordinate(r.real.points, 0, r.real.count), coordinate(r.real.points, 1, r.real.count));
    m_real->setVisible(true);
    const bool moved = r.substep == Substep::GeneratorUpdate && r.moved.count == r.fake.count && r.fake.count > 0;
    m_fake->setData(coordinate(r.fake.points, 0, r.fake.count), coordinate(r.fake.points, 1, r.fake.count));
    m_fake->setVisible(r.fake.count > 0);

    // The push arrows of substep 6 stay through substep 7, where the moves show what came of them.
    m_arrowsUsed = 0;
    if (r.substep >= Substep::GeneratorLoss && !r.push.empty()) {
        double longest = 0;
        for (size_t i = 0; 2 * i + 1 < r.push.size(); ++i)
            longest = std::max(longest, std::hypot(double(r.push[2 * i]), double(r.push[2 * i + 1])));
        const double scale = longest > 0 ? kLongestArrow * m_plot->xAxis->range().size() / longest : 0;
        for (size_t i = 0; i < size_t(kMaxArrows) && 2 * i + 1 < r.push.size() && 2 * i + 1 < r.fake.points.size(); ++i) {
            QCPItemLine *a = line(m_arrows, m_arrowsUsed++, true);
            const double x = r.fake.points[2 * i], y = r.fake.points[2 * i + 1];
            a->start->setCoords(x, y);
            a->end->setCoords(x + scale * r.push[2 * i], y + scale * r.push[2 * i + 1]);
        }
    }
    hideFrom(m_arrows, m_arrowsUsed);
    m_movesUsed = 0;
    if (moved) {
        for (int i = 0; i < r.fake.count; ++i) {
            QCPItemLine *l = line(m_moves, m_movesUsed++, false);
            l->start->setCoords(r.fake.points[2 * size_t(i)], r.fake.points[2 * size_t(i) + 1]);
            l->end->setCoords(r.moved.points[2 * size_t(i)], r.moved.points[2 * size_t(i) + 1]);
        }
        m_moved->setData(coordinate(r.moved.points, 0, r.moved.count), coordinate(r.moved.points, 1, r.moved.count));
    }
    m_moved->setVisible(moved);
    hideFrom(m_moves, m_movesUsed);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void BatchOverlay::clear()
{
    if (!m_shown)
        return;
    m_shown = false;
    for (QCPGraph *g : {m_real, m_fake, m_moved}) {
        g->data()->clear();
        g->setVisible(false);
    }
    m_arrowsUsed = m_movesUsed = 0;
    hideFrom(m_arrows, 0);
    hideFrom(m_moves, 0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int BatchOverlay::realCount() const { return m_real->visible() ? m_real->dataCount() : 0; }
int BatchOverlay::fakeCount() const { return m_fake->visible() ? m_fake->dataCount() : 0; }
int BatchOverlay::arrowCount() const { return int(m_arrowsUsed); }
int BatchOverlay::moveCount() const { return int(m_movesUsed); }
