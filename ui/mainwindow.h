#pragma once

#include "spec/experimentspec.h"
#include "spec/shapeinference.h"

#include "training/trainingcontroller.h"

#include <QMainWindow>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QTableWidget;
class SampleView;
class TrainingPlots;

// The main window: opens an experiment (a preset by default), shows both layer stacks with
// their live analysis, and trains it on a worker thread with a live dashboard (loss, D output
// and gradient-norm plots, the fixed-noise sample grid or 2D scatter). The designer and the
// latent explorer build on it.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    bool openPreset(const QString &name);
    bool openFile(const QString &path);
    const ExperimentSpec &experiment() const { return m_spec; }

    TrainingController *training() const { return m_training; }
    TrainingPlots *plots() const { return m_plots; }
    SampleView *samples() const { return m_samples; }
    QAction *startAction() const { return m_start; }

    // The intra-op threads a run started here uses: the experiment's, but leaving one core
    // for the window.
    int trainingThreads() const;

    void startTraining();
    void togglePause();
    void stepTraining();
    void stopTraining();

private:
    void showExperiment();
    void updateActions();
    void onSnapshot(const TrainingSnapshot &snapshot);
    void onFailed(const QString &message);
    void fillTable(QTableWidget *table, const NetworkSpec &spec, const NetworkAnalysis &net);

    ExperimentSpec m_spec;
    QComboBox *m_presets = nullptr;
    QLabel *m_description = nullptr;
    QTableWidget *m_generatorTable = nullptr;
    QTableWidget *m_discriminatorTable = nullptr;
    QLabel *m_problems = nullptr;

    TrainingController *m_training = nullptr;
    TrainingPlots *m_plots = nullptr;
    SampleView *m_samples = nullptr;
    QAction *m_start = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_step = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_saveCheckpoint = nullptr;
    QLabel *m_stepLabel = nullptr;
    QLabel *m_rateLabel = nullptr;
    QLabel *m_timeLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QString m_invalidReason;  // why Start is disabled; empty when the experiment is valid
};
