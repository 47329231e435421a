#pragma once

#include "spec/experimentspec.h"

#include "training/trainingcontroller.h"

#include <QMainWindow>

class DesignerWidget;
class ExperimentDocument;
class LatentExplorer;
class LatentRenderer;
class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class SampleView;
class SettingsPanel;
class TrainingPlots;

// The main window. The open experiment is a document (New/Open/Save, recent files, a dirty
// marker, undo); the designer and the settings edit it; Start trains a frozen copy of it on a
// worker thread with a live dashboard (loss, D output and gradient-norm plots, the fixed-noise
// sample grid or 2D scatter) and a latent explorer fed by published generator copies.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opening asks first when the open experiment has unsaved changes; false when the user
    // cancels or the file/preset cannot be read (the message says why).
    bool openPreset(const QString &name);
    bool openFile(const QString &path);
    bool newExperiment();
    bool save();
    bool saveAs(const QString &path);  // no dialog: for tests and scripts
    const ExperimentSpec &experiment() const;
    ExperimentDocument *document() const { return m_doc; }

    TrainingController *training() const { return m_training; }
    TrainingPlots *plots() const { return m_plots; }
    SampleView *samples() const { return m_samples; }
    DesignerWidget *designer() const { return m_designer; }
    SettingsPanel *settings() const { return m_settings; }
    LatentExplorer *explorer() const { return m_explorer; }
    QAction *startAction() const { return m_start; }
    QLabel *designChangedLabel() const { return m_designChanged; }

    // The intra-op threads a run started here uses: the experiment's, but leaving one core
    // for the window.
    int trainingThreads() const;

    void startTraining();
    bool resumeFromCheckpoint(const QString &path);
    void togglePause();
    void stepTraining();
    void stopTraining();

    // A non-modal warning: the window stays usable while it is read.
    void showError(const QString &title, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    bool maybeSave();
    // Starts a run of the document as it is now (from `checkpoint` when given) with fresh plots.
    void beginRun(const QString &checkpoint);
    bool openFileAsked(const QString &path);  // the user already chose about unsaved changes
    void stopForNewDocument();
    void updateTitle();
    void updateActions();
    void updateDesignChanged();
    void onSnapshot(const TrainingSnapshot &snapshot);
    void onFailed(const QString &message);
    void addRecentFile(const QString &path);
    void fillRecentMenu();
    QString lastFolder() const;
    void rememberFolder(const QString &path);
    QString askSavePath(const QString &title, const QString &filter, const QString &suggestedName);

    ExperimentDocument *m_doc;
    DesignerWidget *m_designer = nullptr;
    SettingsPanel *m_settings = nullptr;
    QLabel *m_description = nullptr;
    TrainingController *m_training = nullptr;
    TrainingPlots *m_plots = nullptr;
    SampleView *m_samples = nullptr;
    LatentExplorer *m_explorer = nullptr;
    LatentRenderer *m_renderer = nullptr;  // the grid's and the explorer's, off the training thread
    quint64 m_lastGridRequest = 0;
    quint64 m_gridFloor = 0;  // grid renders older than this belong to an earlier run
    QMenu *m_recentMenu = nullptr;
    QAction *m_start = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_step = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_saveCheckpoint = nullptr;
    QLabel *m_stepLabel = nullptr;
    QLabel *m_rateLabel = nullptr;
    QLabel *m_timeLabel = nullptr;
    QLabel *m_designChanged = nullptr;
    QProgressBar *m_progress = nullptr;
    ExperimentSpec m_running;  // the document as it was when the current run started
    QString m_presetName;      // the preset a new document came from, for its title
};
