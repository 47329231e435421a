#pragma once

#include <QStringList>

#include <vector>

class QCustomPlot;
class QCPGraph;

// Generated 2D points as a plot draws them: all in the plot's one graph of generated points, or
// in a conditional run one graph per class, each in its class colour (palettecolors::classColor).
// The sample scatter and the 2D lab share it.
class ClassPoints {
public:
    // `plain`: the plot's graph of generated points of an unconditional run (kept, emptied while
    // there are classes). `size`: the discs' diameter.
    ClassPoints(QCustomPlot *plot, QCPGraph *plain, double size);
    // The class names, one graph each (in the legend when there are at most 10); none: unconditional.
    void setClasses(const QStringList &names);
    int classes() const { return int(m_graphs.size()); }
    // Points x0, y0, x1, y1, ...; point i goes to the graph of labels[i] (a point without a label,
    // or with one out of range, to the plain graph).
    void setPoints(const std::vector<float> &points, const std::vector<int> &labels);
    void clear();
    void setVisible(bool visible);

private:
    QCustomPlot *m_plot;
    QCPGraph *m_plain;
    double m_size;
    std::vector<QCPGraph *> m_graphs;
};
