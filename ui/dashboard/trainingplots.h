#pragma once

#include "training/steprecord.h"

#include <QColor>
#include <QString>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;

// The live dashboard's three plots: D and G losses (raw thin, smoothed thick), mean D(x) and
// D(G(z)), and both gradient norms on a log scale. Each follows the newest steps until the user
// zooms or pans it; fit() goes back to following. History is decimated so memory and replot
// time stay bounded however long the run.
class TrainingPlots : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPlots(QWidget *parent = nullptr);

    void append(const std::vector<StepRecord> &records);
    // Other runs drawn over the live one (the Runs panel's ticked runs): each in its colour, D
    // solid and G dashed on every plot, the losses smoothed as the live thick curves are, named
    // in the loss plot's legend. Replaces the previous overlays.
    struct Overlay {
        QString name;
        QColor color;
        std::vector<StepRecord> steps;
    };
    void setOverlays(const std::vector<Overlay> &overlays);
    int overlayGraphCount() const { return int(m_overlayGraphs.size()); }
    void clear();
    void fit();

    // Every step of the run as CSV (the same columns as the command line's metrics.csv), with
    // the Quality plot's figures on the rows of their steps.
    QString metricsCsv(const std::vector<QualityRecord> &quality = {}) const;
    // Writes the plots as one PNG or PDF (by extension); an empty string or a message.
    QString exportPlots(const QString &path);

    QCustomPlot *lossPlot() const { return m_loss; }
    QCustomPlot *scorePlot() const { return m_score; }
    QCustomPlot *gradientPlot() const { return m_gradient; }
    int pointsInGraphs() const;  // for tests: bounded by decimation

    static constexpr int kMaxPointsPerGraph = 2000;  // a few points per pixel of a plot ~500 px wide; repaint stays cheap

private:
    struct Series {
        QCPGraph *graph = nullptr;
        QVector<double> keys, values;
        bool smoothed = false;
        double ema = 0;
        bool hasEma = false;
        // Decimation: every plotted point averages `bucket` steps; steps of an unfinished
        // bucket wait in the accumulator.
        int bucket = 1;
        double keySum = 0, valueSum = 0;
        int pending = 0;
    };
    Series *series(int index) { return &m_series[size_t(index)]; }
    void addPoint(Series &s, double key, double value);
    void replotAll();
    void replotNow();

    QCustomPlot *m_loss = nullptr;
    QCustomPlot *m_score = nullptr;
    QCustomPlot *m_gradient = nullptr;
    std::vector<Series> m_series;
    std::vector<StepRecord> m_records;  // all steps, for CSV export (a few dozen bytes each)
    std::vector<QCPGraph *> m_overlayGraphs;
    bool m_follow = true;
    QTimer m_replot;  // single-shot, armed only when idle: many snapshots, one repaint
    int m_nextPlot = 0;      // plots repaint one per timer event, so no event blocks for all three
    bool m_roundAgain = false;  // data arrived during a round: its plots already drawn need another
    double m_cycleMs = 0;    // repaint time of the current round of plots
};
