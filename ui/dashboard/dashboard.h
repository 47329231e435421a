#pragma once

#include "training/trainingsnapshot.h"

#include <memory>

#include <QObject>

class ClassHistogram;
class QualityPlot;
class Lab2dView;
class LatentExplorer;
class MeasuresPlot;
struct ExperimentSpec;
class RunSession;
class QDockWidget;
class QLabel;
class QMainWindow;
class QProgressBar;
class QStatusBar;
class SampleView;
class SlowMotionPanel;
class TrainingController;
class TrainingPlots;

// What a run shows: the plots (the window's centre), the samples and the latent explorer
// (docks) and the run's figures in the status bar, fed by the controller's snapshots and by the
// run's session (core's RunSession), which draws the grid and the explorer's images from the
// published generator copies, the 2D lab's frames (the discriminator's opinion, the generator's
// gradients and its mesh) and the image measures (the Quality plot under the plots, the class
// histogram under the samples), each on a thread of its own. Slow motion's panel (a dock) and
// its batch overlay on the 2D lab show each substep the controller reports. The dashboard keeps
// nothing of a run: a new run gets a new session, and the old one's work cannot reach a view.
class Dashboard : public QObject {
    Q_OBJECT
public:
    Dashboard(TrainingController *training, QMainWindow *window);
    ~Dashboard() override;

    TrainingPlots *plots() const { return m_plots; }
    SampleView *samples() const { return m_samples; }
    LatentExplorer *explorer() const { return m_explorer; }
    QDockWidget *samplesDock() const { return m_samplesDock; }
    QDockWidget *explorerDock() const { return m_explorerDock; }
    Lab2dView *lab() const { return m_lab; }
    QDockWidget *labDock() const { return m_labDock; }
    void addStatusWidgets(QStatusBar *bar);
    // Empties everything for a new run of `spec` and follows it with a new session; whatever
    // the old run's session was still computing is dropped.
    void clear(const ExperimentSpec &spec);
    RunSession *session() const { return m_session.get(); }  // null before the first run
    MeasuresPlot *measures() const { return m_measures; }
    SlowMotionPanel *slowMotion() const { return m_slow; }
    QDockWidget *slowMotionDock() const { return m_slowDock; }
    QualityPlot *quality() const { return m_quality; }

signals:
    void sessionStarted(RunSession *session);

private:
    void requestLabFrame();
    void startSession(const ExperimentSpec &spec);
    void onSnapshot(const TrainingSnapshot &snapshot);
    void showStatus();  // the status bar's words for m_status, in the current language

    TrainingController *m_training;
    TrainingPlots *m_plots;
    SampleView *m_samples;
    LatentExplorer *m_explorer;
    QDockWidget *m_samplesDock;
    QDockWidget *m_explorerDock;
    Lab2dView *m_lab;
    MeasuresPlot *m_measures;
    QDockWidget *m_labDock;
    SlowMotionPanel *m_slow;
    QDockWidget *m_slowDock;
    bool m_slowLaidOut = false;  // the lab was given room for this run's slow motion
    QualityPlot *m_quality;
    ClassHistogram *m_histogram;
    QLabel *m_stepLabel;
    QLabel *m_rateLabel;
    QLabel *m_timeLabel;
    QProgressBar *m_progress;
    struct {
        qint64 step = -1, targetSteps = 0;  // step -1: no run yet
        double imagesPerSecond = 0;
        int seconds = 0;
        bool loading = false;
    } m_status;
    std::unique_ptr<RunSession> m_session;  // the run's; replaced whole by clear()
};
