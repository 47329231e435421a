#pragma once

#include "document/recovery.h"

#include <QObject>

#include <memory>
#include <optional>

class DocumentActions;
class ExperimentDocument;
class QMainWindow;
class QTimer;
class RunActions;
class TrainingController;

// The window's autosave and crash recovery (RecoverySession): every `interval` seconds
// (setting recovery/interval, default 30; 0 turns autosave off) the open experiment, while it
// has unsaved changes, and during a run, every recovery/checkpointInterval seconds (default
// 300), the run's checkpoint. At start, offerRecovery() asks whether to restore what a window
// that did not close properly left behind.
class AutoSave : public QObject {
    Q_OBJECT
public:
    AutoSave(ExperimentDocument *doc, TrainingController *training, DocumentActions *documents, RunActions *runs, QMainWindow *window,
             const QString &root = RecoverySession::defaultRoot());
    ~AutoSave() override;

    RecoverySession &session() { return *m_session; }
    QString root() const { return m_root; }
    void saveNow();  // what the timer does
    // Asks about each crashed session (newest first) and restores what the person accepts: the
    // experiment with its unsaved changes (Save writes it where it belonged), and the run,
    // resumed from its autosaved checkpoint. True when something was restored.
    // `root`: another recovery folder than the session's (tests).
    bool offerRecovery(const QString &root = QString());
    // Restores a crashed session without asking (offerRecovery's Restore).
    void restore(const RecoverySession::Crashed &crashed);

private:
    ExperimentDocument *m_doc;
    TrainingController *m_training;
    DocumentActions *m_documents;
    RunActions *m_runs;
    QMainWindow *m_window;
    QString m_root;
    std::unique_ptr<RecoverySession> m_session;
    QTimer *m_timer;
    std::optional<ExperimentSpec> m_autosaved;  // what the session holds now
    QString m_autosavedPath;
    qint64 m_lastCheckpointMs = 0;
};
