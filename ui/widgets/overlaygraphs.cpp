#include "widgets/overlaygraphs.h"

#include <qcustomplot.h>

namespace overlaygraphs {

void add(QCustomPlot *plot, const Curve &curve, std::vector<QCPGraph *> *owned, QCPAxis *valueAxis)
{
    QCPGraph *g = plot->addGraph(plot->xAxis, valueAxis ? valueAxis : plot->yAxis);
    g->setPen(QPen(curve.color, 1.8, curve.style));
    g->setAdaptiveSampling(true);
    g->setData(curve.keys, curve.values, true);
    if (curve.name.isEmpty())
        g->removeFromLegend();
    else
        g->setName(curve.name);
    owned->push_back(g);
}

void removeAll(std::vector<QCPGraph *> *owned)
{
    for (QCPGraph *g : *owned)
        g->parentPlot()->removeGraph(g);
    owned->clear();
}

}  // namespace overlaygraphs
