#pragma once

#include "spec/experimentspec.h"

#include <QObject>

#include <functional>
#include <QString>
#include <QStringList>

class Dashboard;
class DocumentActions;
class ExperimentDocument;
class QAction;
class QLabel;
class QMainWindow;
class ThreadGovernor;
class TrainingController;

// The run's side of the window: the Training menu and toolbar (Start, Pause/Resume, Step, Slow
// Motion, Stop, the Speed, Resume from Checkpoint, Save Checkpoint, the exports), kept enabled
// as the run's state and the experiment's problems allow, the run's messages, and the notice
// that the design changed under a running run (it trains the experiment as it was at Start).
class RunActions : public QObject {
    Q_OBJECT
public:
    RunActions(ExperimentDocument *doc, TrainingController *training, Dashboard *dashboard, DocumentActions *documents,
               QMainWindow *window);

    void addMenu();  // the Training menu and its toolbar
    // Checkpoints saved to `path` (the autosave's, an export's) are not announced when they succeed.
    void addQuietCheckpointPath(const QString &path) { m_quietCheckpointPaths.append(path); }
    QAction *toolBarToggle() const { return m_toolBarToggle; }
    QLabel *designChangedLabel() const { return m_designChanged; }

    ThreadGovernor *threads() const { return m_threads; }  // Training > Threads, the status figure
    void startTraining();
    bool resumeFromCheckpoint(const QString &path);
    // File > Train on Folder...: the open experiment with the data at `path` (datapath::apply:
    // the networks fitted to it) as a new document, and a run of it. False, with a message,
    // when the data cannot be used.
    bool trainOnData(const QString &path);
    // File > Follow Run...: the run that another process (gan-playground-cli train, one process
    // or many, here or on a shared file system) writes in `folder`, shown as it grows; its
    // experiment becomes the open document. Stop ends following. False, with a message, when
    // the folder holds no run.
    bool followRun(const QString &folder);
    // Continues the open experiment's run from `checkpoint` (of that same experiment).
    bool continueRun(const QString &checkpoint);
    void togglePause();
    void stepTraining();
    // Slow motion: the next substep. Starts the run paused when idle, pauses it when running.
    void substepTraining();
    void stopTraining();
    // Training > Speed: the pace of the run in steps a second (0: full speed), remembered.
    void setSpeed(double stepsPerSecond);

    // A non-modal warning: the window stays usable while it is read.
    void showError(const QString &title, const QString &message);

signals:
    void speedChanged(double stepsPerSecond);
    // Training > Compare With...: the window asks for the change and starts both runs.
    void compareRequested();

private:
    void addSpeedChoice(class QMenu *menu, class QToolBar *bar);
    // Calls `then` once, when the training controller next becomes idle (the run now ending).
    void whenIdle(std::function<void()> then);
    // Starts a run of the document as it is now (from `checkpoint` when given) with fresh plots.
    void beginRun(const QString &checkpoint, bool paused = false, bool reshuffle = false);
    // The run was opened without its data: says why, and offers to go on with the data as it is.
    void offerDataChoice(const QString &message, qint64 trainedOn);
    void updateActions();
    void updateDesignChanged();

    ExperimentDocument *m_doc;
    TrainingController *m_training;
    Dashboard *m_dashboard;
    DocumentActions *m_documents;
    QMainWindow *m_window;
    QAction *m_start = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_step = nullptr;
    QAction *m_substep = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_compare = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_saveCheckpoint = nullptr;
    QAction *m_follow = nullptr;  // File > Follow Run...
    QAction *m_toolBarToggle = nullptr;
    QLabel *m_designChanged = nullptr;
    ThreadGovernor *m_threads;
    ExperimentSpec m_running;  // the document as it was when the current run started
    QString m_runCheckpoint;   // the checkpoint the current run continues, if any
    bool m_withoutData = false;  // the current run was opened without its data: explored, not trained
    QStringList m_quietCheckpointPaths;
};
