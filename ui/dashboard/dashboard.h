#pragma once

#include "spec/experimentspec.h"
#include "training/runfollower.h"
#include "training/trainingsnapshot.h"

#include <memory>
#include <optional>

#include <QObject>

class ClassHistogram;
class DataPreview;
class QualityPlot;
class Lab2dView;
class LatentExplorer;
class MeasuresPlot;
class RunSession;
class QDockWidget;
class QLabel;
class QMainWindow;
class QProgressBar;
class QStatusBar;
class SampleView;
class SlowMotionPanel;
struct SubstepReport;
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
    // Compare With...: `view` (the compared run's lab or grid) beside the window's own 2D lab
    // (`twoD`) or samples, in the same dock, which is raised and widened.
    void showBeside(QWidget *view, bool twoD);
    // Shows `spec` as an experiment not run yet (opened, a preset, New, its data changed while
    // no run is active): every view of the previous run is emptied, its session ends (nothing
    // it still computes, and nothing its run still sends, reaches a view), the panels are laid
    // out for its kind of data and the 2D lab shows `preview`'s real points.
    void showExperiment(const ExperimentSpec &spec);
    // Empties everything for a new run of `spec` and follows it with a new session.
    void startRun(const ExperimentSpec &spec);
    RunSession *session() const { return m_session.get(); }  // null while no run is shown
    const DataSpec &shownData() const { return m_shownData; }  // of the experiment or run shown
    // The sample of the open experiment's data that the lab shows before a run.
    void setDataPreview(DataPreview *preview);
    // The panels that fit each kind of data (2D: the lab; images: the samples and the
    // explorer), as the person last arranged them for that kind (QSettings "window/layout/...").
    enum class Kind { None, TwoD, Images };
    Kind kind() const { return m_kind; }
    void rememberLayout() const;  // the current kind's, now (the window closes)
    MeasuresPlot *measures() const { return m_measures; }
    SlowMotionPanel *slowMotion() const { return m_slow; }
    QDockWidget *slowMotionDock() const { return m_slowDock; }
    QualityPlot *quality() const { return m_quality; }

signals:
    void sessionStarted(RunSession *session);

private:
    void requestLabFrame();
    void resetViews(const ExperimentSpec &spec);
    void startSession(const ExperimentSpec &spec);
    void showPreviewPoints();
    std::vector<float> previewPoints() const;  // the preview's 2D points for a 2D experiment
    void layOut(Kind kind);
    void onSnapshot(const TrainingSnapshot &snapshot);
    void onSubstep(const SubstepReport &report);
    void showStatus();  // the status bar's words for m_status, in the current language
    void showFollowStatus();  // what a followed run's writer does (m_follow), in the current language

    TrainingController *m_training;
    TrainingPlots *m_plots;
    SampleView *m_samples;
    LatentExplorer *m_explorer;
    QDockWidget *m_samplesDock;
    QDockWidget *m_explorerDock;
    Lab2dView *m_lab;
    MeasuresPlot *m_measures;
    QDockWidget *m_labDock;
    class QSplitter *m_labRow;      // the lab (and a compared run's lab beside it)
    class QSplitter *m_samplesRow;  // the samples (and a compared run's grid beside them)
    SlowMotionPanel *m_slow;
    QDockWidget *m_slowDock;
    bool m_slowLaidOut = false;  // the lab was given room for this run's slow motion
    DataPreview *m_preview = nullptr;
    Kind m_kind = Kind::None;
    DataSpec m_shownData;
    QualityPlot *m_quality;
    ClassHistogram *m_histogram;
    QLabel *m_stepLabel;
    QLabel *m_rateLabel;
    QLabel *m_timeLabel;
    QProgressBar *m_progress;
    QLabel *m_followLabel;  // a followed run's state (File > Follow Run...)
    std::optional<FollowStatus> m_follow;
    struct {
        qint64 step = -1, targetSteps = 0;  // step -1: no run yet
        double imagesPerSecond = 0;
        int seconds = 0;
        bool loading = false;
    } m_status;
    std::unique_ptr<RunSession> m_session;  // the run's; replaced whole by startRun(), ended by showExperiment()
};
