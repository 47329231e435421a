#include "widgets/classpoints.h"

#include "widgets/palettecolors.h"

#include <qcustomplot.h>

ClassPoints::ClassPoints(QCustomPlot *plot, QCPGraph *plain, double size) : m_plot(plot), m_plain(plain), m_size(size) {}

void ClassPoints::setClasses(const QStringList &names)
{
    for (QCPGraph *g : m_graphs)
        m_plot->removeGraph(g);
    m_graphs.clear();
    for (int k = 0; k < int(names.size()); ++k) {
        QCPGraph *g = m_plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        const QColor c = palettecolors::classColor(k, int(names.size()));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c.darker(115), c, m_size));
        g->setName(names[k]);
        if (names.size() > 10)
            g->removeFromLegend();
        m_graphs.push_back(g);
    }
    if (names.isEmpty())
        m_plain->addToLegend();
    else
        m_plain->removeFromLegend();
}

void ClassPoints::setPoints(const std::vector<float> &points, const std::vector<int> &labels)
{
    const int classes = this->classes();
    std::vector<QVector<double>> x(size_t(classes) + 1), y(size_t(classes) + 1);
    for (size_t i = 0; i + 1 < points.size(); i += 2) {
        const int label = i / 2 < labels.size() ? labels[i / 2] : -1;
        const size_t graph = label >= 0 && label < classes ? size_t(label) + 1 : 0;
        x[graph].append(points[i]);
        y[graph].append(points[i + 1]);
    }
    m_plain->setData(x[0], y[0]);
    for (int k = 0; k < classes; ++k)
        m_graphs[size_t(k)]->setData(x[size_t(k) + 1], y[size_t(k) + 1]);
}

void ClassPoints::clear()
{
    m_plain->data()->clear();
    for (QCPGraph *g : m_graphs)
        g->data()->clear();
}

void ClassPoints::setVisible(bool visible)
{
    m_plain->setVisible(visible);
    for (QCPGraph *g : m_graphs)
        g->setVisible(visible);
}
