#pragma once

#include "spec/experimentspec.h"

#include "training/blasprobe.h"
#include "training/trainingcontroller.h"

#include <QMainWindow>

class AutoSave;
class Dashboard;
class DesignerWidget;
class DocumentActions;
class PresentationMode;
class ExperimentDocument;
class QLabel;
class RunActions;
class RunSession;
class SettingsPanel;

// The main window. The open experiment is a document (New/Open/Save, recent files, a dirty
// marker, undo: DocumentActions); the designer and the settings edit it; Start trains a frozen
// copy of it on a worker thread (RunActions) with a live dashboard (loss, D output and
// gradient-norm plots, the fixed-noise sample grid or 2D scatter) and a latent explorer fed by
// published generator copies (Dashboard). The window assembles them and passes calls on.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opening asks first when the open experiment has unsaved changes; false when the user
    // cancels or the file/preset cannot be read (the message says why).
    bool openPreset(const QString &name);
    // With `error`, a file that cannot be read is said there, not in a message box.
    bool openFile(const QString &path, QString *error = nullptr);
    bool newExperiment();
    bool save();
    bool saveAs(const QString &path);  // no dialog: for tests and scripts
    const ExperimentSpec &experiment() const;
    ExperimentDocument *document() const { return m_doc; }
    // Resume from Checkpoint without the file dialog: for tests and scripts.
    bool resumeFromCheckpoint(const QString &path);
    bool trainOnData(const QString &path);  // File > Train on Folder...
    bool followRun(const QString &folder);  // File > Follow Run...
    // The Runs panel (View > Runs): this window's runs and folders added to compare.
    class RunsPanel *runsPanel() const { return m_runsPanel; }
    // Training > Compare With...: this experiment's run and, beside it, a copy with `key` set to
    // `value` (fieldpath's names). Without a key the dialog asks. False, with the reason shown,
    // when the change or the start is refused.
    bool compareWith(const QString &key = QString(), const QString &value = QString());
    class ComparisonView *comparison() const { return m_comparison; }

    // The run and what it computes: the controller (state, commands, signals) and the current
    // run's session (null before the first run; a new one with each run, announced by
    // sessionStarted). Everything else a test or script needs is what a person has: the
    // actions (by object name: startAction, pauseAction, stepAction, substepAction,
    // stopAction, ...) and the views (by type).
    TrainingController *training() const { return m_training; }
    RunSession *session() const;

    // A non-modal warning: the window stays usable while it is read.
    void showError(const QString &title, const QString &message);

    // What Help > About says: the versions of this program, Qt and LibTorch, the BLAS in use
    // with its measured speed (from the probe at start-up) and its warning when it applies.
    void setBlasProbe(const BlasProbe &probe);
    QString aboutText() const;

    // View > Language: "" follows the system, else a code of language::available(). The window
    // speaks it at once (every panel retranslates on QEvent::LanguageChange) and the choice is
    // remembered (QSettings "language"); main() applies startLanguage() when the program starts.
    void chooseLanguage(const QString &code);
    // The remembered choice resolved to a language ("en", "zh_CN").
    static QString startLanguage();

signals:
    void sessionStarted(RunSession *session);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    ExperimentDocument *m_doc;
    DesignerWidget *m_designer = nullptr;
    SettingsPanel *m_settings = nullptr;
    class DataPreview *m_preview = nullptr;  // the open experiment's data: the settings and the lab show it
    QLabel *m_description = nullptr;
    class QScrollArea *m_descriptionScroll = nullptr;
    class QTabWidget *m_tabs = nullptr;
    class LessonPanel *m_lesson = nullptr;  // a tab of lessons only
    TrainingController *m_training = nullptr;
    Dashboard *m_dashboard = nullptr;
    DocumentActions *m_documents = nullptr;
    RunActions *m_runs = nullptr;
    class ScriptExport *m_scriptExport = nullptr;  // File > Export as PyTorch Script...
    AutoSave *m_autosave = nullptr;
    PresentationMode *m_presentation = nullptr;
    int m_strokes = 0;  // numbers each drawing stroke's undo step
    BlasProbe m_blas;
    class UserGuide *m_guide = nullptr;
    class RunsPanel *m_runsPanel = nullptr;
    class ComparisonView *m_comparison = nullptr;
    std::shared_ptr<class StepTurns> m_turns;  // the compared runs' turns, while they train  // made when first asked for
    std::vector<LatentDirectionSpec> m_savedDirections;  // the explorer's copy of the experiment's
};
