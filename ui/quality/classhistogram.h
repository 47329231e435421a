#pragma once

#include <QWidget>

#include <vector>

class QCPBars;
class QCPGraph;
class QCustomPlot;
class QLabel;

// Which classes the generator makes: the share of the newest measurement's samples the image
// measures' classifier puts in each class, beside the share of each class in the real data.
// A generator that collapses onto a few modes leaves most bars empty.
class ClassHistogram : public QWidget {
    Q_OBJECT
public:
    explicit ClassHistogram(QWidget *parent = nullptr);

    // The classes of a new run: their names (datasets::classNames: shown translated in the
    // context "ClassNames"; empty: the label numbers) and the real data's label counts.
    void setClasses(const QStringList &names, const std::vector<int> &realCounts);
    void showCounts(const std::vector<int> &counts, qint64 step);
    void clear();
    QCustomPlot *plot() const { return m_plot; }

private:
    void showTexts();

    QLabel *m_caption;
    QCustomPlot *m_plot;
    QCPBars *m_generated;
    QCPGraph *m_real;
    QStringList m_names;
    int m_classes = 0;
    qint64 m_step = -1;
    int m_samples = 0;
};
