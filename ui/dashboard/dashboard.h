#pragma once

#include "training/discriminatorcopy.h"
#include "training/generatorcopy.h"
#include "training/trainingsnapshot.h"

#include <memory>

#include <QObject>

class BatchOverlay;
class ClassHistogram;
class QualityPlot;
class QualityRenderer;
class Lab2dView;
class LabRenderer;
class LatentExplorer;
class MeasuresPlot;
struct ExperimentSpec;
class LatentRenderer;
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
// (docks) and the run's figures in the status bar, fed by the controller's snapshots. The grid
// and the explorer are drawn from the published generator copies on the renderer's thread, so
// the training thread only copies weights and both show the same step. For 2D runs the 2D lab
// dock shows the discriminator's opinion, the generator's gradients and its mesh, computed on
// the lab renderer's thread from the copies of both networks. Slow motion's panel (a dock) and
// its batch overlay on the 2D lab show each substep the controller reports. For image runs the
// Quality plot (under the plots) and the class histogram (under the samples) show the image
// measures of the published generator copies, measured on the quality renderer's thread.
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
    // Empties everything for a new run of `spec`; grids still being drawn for the old one are
    // dropped.
    void clear(const ExperimentSpec &spec);
    MeasuresPlot *measures() const { return m_measures; }
    SlowMotionPanel *slowMotion() const { return m_slow; }
    QDockWidget *slowMotionDock() const { return m_slowDock; }
    BatchOverlay *batchOverlay() const { return m_overlay.get(); }
    QualityPlot *quality() const { return m_quality; }
    ClassHistogram *classHistogram() const { return m_histogram; }
    QualityRenderer *qualityRenderer() const { return m_qualityRenderer; }

private:
    void requestLabFrame();
    void requestQuality(const std::shared_ptr<GeneratorCopy> &g);
    void onSnapshot(const TrainingSnapshot &snapshot);
    void showStatus();  // the status bar's words for m_status, in the current language

    TrainingPlots *m_plots;
    SampleView *m_samples;
    LatentRenderer *m_renderer;
    LatentExplorer *m_explorer;
    QDockWidget *m_samplesDock;
    QDockWidget *m_explorerDock;
    LabRenderer *m_labRenderer;
    Lab2dView *m_lab;
    MeasuresPlot *m_measures;
    QDockWidget *m_labDock;
    SlowMotionPanel *m_slow;
    QDockWidget *m_slowDock;
    std::unique_ptr<BatchOverlay> m_overlay;
    bool m_slowLaidOut = false;  // the lab was given room for this run's slow motion
    std::shared_ptr<DiscriminatorCopy> m_labDiscriminator;  // the newest, waiting for its generator
    std::shared_ptr<GeneratorCopy> m_labGenerator;          // the newest (slow motion's D updates come alone)
    QualityPlot *m_quality;
    ClassHistogram *m_histogram;
    QualityRenderer *m_qualityRenderer;
    bool m_imageRun = false;
    ExperimentSpec m_qualitySpec;  // the run's, for the image measures
    std::shared_ptr<const Dataset> m_qualityDataSet;  // the run's data, until the measures are started
    qint64 m_qualityStep = -1;     // the step last sent to be measured
    quint64 m_qualityRun = 0;      // the renderer's name for this run (0: not started)
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
    const int m_gridChannel;
    quint64 m_lastGridRequest = 0;
    quint64 m_gridFloor = 0;  // grid renders older than this belong to an earlier run
};
