#pragma once

#include "eval/lab2d.h"

#include <QColor>
#include <QWidget>

#include <utility>
#include <vector>

#include <optional>

class QCPGraph;
class QCustomPlot;
class QLabel;

// The live measures of a 2D run over its steps: modes captured and the high-quality share
// (sets with known modes, the evaluate protocol), beside the published figures for the same
// protocol; and the Jensen-Shannon divergence of generated against real points with the
// estimator's noise floor.
class MeasuresPlot : public QWidget {
    Q_OBJECT
public:
    explicit MeasuresPlot(QWidget *parent = nullptr);

    // Which published rows to show: "ring8", "grid25" or none.
    void setDataSet(const QString &name, int modes);
    void addFrame(const lab2d::Frame &frame);
    void clear();
    int pointCount() const;
    // Compact: only the sentence with the newest figures, without the plots and the published
    // rows (presentation mode, where there is no room for them).
    void setCompact(bool compact);
    // Other runs' modes captured over their steps (the Runs panel's ticked runs the window
    // measured), in their colours.
    struct Overlay {
        QString name;
        QColor color;
        std::vector<std::pair<double, double>> modes;  // step, modes captured
    };
    void setOverlays(const std::vector<Overlay> &overlays);
    int overlayGraphCount() const { return int(m_overlays.size()); }

private:
    void describe();  // the sentence under the plots, for m_last, in the current language

    QCustomPlot *m_coverage;
    QCustomPlot *m_js;
    QCPGraph *m_modes, *m_quality, *m_divergence, *m_floor;
    QLabel *m_published;
    QLabel *m_now;
    double m_lastStep = -1;
    std::optional<lab2d::Frame> m_last;  // the newest frame's figures
    QString m_dataSet;                   // setDataSet's arguments
    int m_modeCount = 0;
    bool m_compact = false;
    std::vector<QCPGraph *> m_overlays;
    double m_overlayLast = 0;  // the overlays' last step
};
