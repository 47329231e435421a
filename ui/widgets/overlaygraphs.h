#pragma once

#include <QColor>
#include <QString>
#include <QVector>

#include <vector>

class QCPAxis;
class QCPGraph;
class QCustomPlot;

// Other runs' curves drawn over a plot's own (the Runs panel's ticked runs): each a graph in the
// run's colour, removed together when the ticked runs change. Used by the training plots, the
// image-quality plot and the 2D lab's measures.
namespace overlaygraphs {

struct Curve {
    QString name;  // its legend entry; empty: none
    QColor color;
    QVector<double> keys, values;
    Qt::PenStyle style = Qt::SolidLine;
};

// Adds `curve` to `plot` against `valueAxis` (the plot's yAxis when null) and to `owned`.
void add(QCustomPlot *plot, const Curve &curve, std::vector<QCPGraph *> *owned, QCPAxis *valueAxis = nullptr);
// Removes every graph in `owned` from its plot.
void removeAll(std::vector<QCPGraph *> *owned);

}  // namespace overlaygraphs
