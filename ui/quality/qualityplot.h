#pragma once

#include "eval/evalclassifier.h"
#include "training/steprecord.h"

#include <QColor>
#include <QWidget>

#include <vector>

class QCPGraph;
class QCustomPlot;
class QLabel;
class QSpinBox;

// The dashboard's image-quality plot (image runs): the Fréchet distance of generated to real
// images over the steps (left axis; lower is better), with precision, recall and coverage
// (right axis, 0 to 1; higher is better), the newest figures in words and what network they are
// measured with. The figures come from QualityRenderer, every interval() steps of the run.
class QualityPlot : public QWidget {
    Q_OBJECT
public:
    explicit QualityPlot(QWidget *parent = nullptr);

    void clear();                             // a new run: no figures, waiting for the network
    void setPreparing(double fraction);       // the classifier is being trained
    void setNetwork(const EvalClassifier::Info &info);
    void addMeasurement(const QualityRecord &record, double seconds);
    // A resumed run's measures, saved with its checkpoint (drawn before any new one).
    void restoreMeasurements(const std::vector<QualityRecord> &records);
    void setProblem(const QString &message);  // the measures failed; the run goes on
    // The figures come from a followed run's metrics.csv (train --eval-every), measured by the
    // command line: the window measures nothing and marks no skipped measurement. Until clear().
    void setExternal(bool external);

    const std::vector<QualityRecord> &records() const { return m_records; }
    // The due measurements that were not taken (the measures rest to spare the training, and
    // the newest copy wins): a multiple of the interval with no measurement in its span.
    const std::vector<qint64> &skipped() const { return m_skipped; }
    int interval() const;  // steps between measurements; 0: never
    void setInterval(int steps);  // as a person sets the spin box (remembered)
    QCustomPlot *plot() const { return m_plot; }
    // Other runs' Fréchet distance over their steps, in their colours (the Runs panel's ticked
    // runs with measures: the window's, or train --eval-every's metrics.csv).
    struct Overlay {
        QString name;
        QColor color;
        std::vector<QualityRecord> records;
    };
    void setOverlays(const std::vector<Overlay> &overlays);
    int overlayGraphCount() const { return int(m_overlays.size()); }
    QString statusText() const;  // for tests

signals:
    void intervalChanged(int steps);

private:
    void showStatus();
    std::vector<class QCPGraph *> m_overlays;
    double m_overlayLast = 0;  // the overlays' last step
    void fit();  // the axes around every measurement
    void add(const QualityRecord &record);  // to the records and the curves, noting skipped ones

    QLabel *m_status;   // the newest figures, or what the measures are doing
    QLabel *m_networkLabel;  // what they are measured with
    QSpinBox *m_interval;
    QCustomPlot *m_plot;
    QCPGraph *m_fd, *m_precision, *m_recall, *m_coverage;
    QCPGraph *m_skippedMarks;  // on the step axis, one per skipped measurement
    std::vector<QualityRecord> m_records;
    std::vector<qint64> m_skipped;
    int m_restored = 0;  // records that came with a resumed run's checkpoint
    // What the status line says, kept as values so that it follows the language.
    enum class State { Waiting, Preparing, Ready, Problem } m_state = State::Waiting;
    double m_fraction = 0;
    EvalClassifier::Info m_network;
    QString m_problem;
    double m_lastSeconds = 0;
    bool m_follow = true;  // the axes follow new measurements until the user zooms or pans
    bool m_external = false;
    QLabel *m_everyLabel = nullptr;
};
