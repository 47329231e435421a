#pragma once

#include "spec/experimentspec.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

class QLockFile;

// Autosaves of the window's work and their recovery after a crash, as Krita and Qt Creator do
// it. Each window session keeps its autosaves in a folder of its own under the recovery
// folder, holding a lock file (QLockFile: the process id and name) while it lives:
//   <root>/<session>/session.lock
//   <root>/<session>/experiment.json   the open experiment, while it has unsaved changes
//   <root>/<session>/about.json        the file it belongs to, when it was saved, the run's step
//   <root>/<session>/run.pt            the training run's latest autosaved checkpoint
// A clean exit removes the folder. A crash (or a kill) leaves it with a lock whose process is
// gone, and the next start finds it with crashed() and offers what it holds.
class RecoverySession {
public:
    struct Crashed {
        QString folder;
        QDateTime lastSaved;
        QString experimentFile;  // the autosaved experiment, or empty
        QString originalPath;    // the file the experiment belongs to (empty: never saved)
        QString name;            // the experiment's name
        QString checkpointFile;  // the autosaved run, or empty
        std::int64_t step = 0;   // the run's step at its autosave
    };

    // ~/.local/share/GAN Playground/recovery (the platform's application data folder).
    static QString defaultRoot();

    // Opens a session folder of its own under `root` and locks it. error() says why when the
    // folder cannot be made (autosave is then off; the window works on).
    explicit RecoverySession(const QString &root = defaultRoot());
    ~RecoverySession();  // a clean exit: the folder goes
    RecoverySession(const RecoverySession &) = delete;
    RecoverySession &operator=(const RecoverySession &) = delete;

    bool isActive() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString folder() const { return m_folder; }
    QString checkpointPath() const;  // where the run's autosave goes

    // Writes the experiment (atomically) with the file it belongs to; an empty string or why not.
    QString saveExperiment(const ExperimentSpec &spec, const QString &originalPath);
    void clearExperiment();  // the experiment was saved or closed: nothing to recover
    // The run's checkpoint was just written to checkpointPath(), at `step`.
    void noteCheckpoint(std::int64_t step);
    void clearCheckpoint();  // the run ended

    // Sessions under `root` whose process is gone and which left something to recover, newest
    // first. Folders of dead sessions with nothing in them are removed on the way.
    static std::vector<Crashed> crashed(const QString &root = defaultRoot());
    // Removes a crashed session's folder (after it was restored or declined).
    static void discard(const Crashed &session);

private:
    QString writeAbout();

    QString m_folder;
    QString m_error;
    std::unique_ptr<QLockFile> m_lock;
    QString m_originalPath, m_name;
    bool m_hasExperiment = false;
    std::int64_t m_step = -1;  // -1: no checkpoint
};
