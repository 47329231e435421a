#include "window/autosave.h"

#include "document/experimentdocument.h"
#include "spec/specjson.h"
#include "training/trainer.h"
#include "training/trainingcontroller.h"
#include "window/documentactions.h"
#include "window/runactions.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

AutoSave::AutoSave(ExperimentDocument *doc, TrainingController *training, DocumentActions *documents, RunActions *runs,
                   QMainWindow *window, const QString &root)
    : QObject(window), m_doc(doc), m_training(training), m_documents(documents), m_runs(runs), m_window(window), m_root(root),
      m_session(std::make_unique<RecoverySession>(root)), m_timer(new QTimer(this))
{
    const int seconds = QSettings().value(QStringLiteral("recovery/interval"), 30).toInt();
    connect(m_timer, &QTimer::timeout, this, &AutoSave::saveNow);
    if (seconds > 0 && m_session->isActive())
        m_timer->start(seconds * 1000);
    m_lastCheckpointMs = QDateTime::currentMSecsSinceEpoch();
    connect(m_training, &TrainingController::stateChanged, this, [this](TrainingController::State state) {
        if (state == TrainingController::State::Idle)
            m_session->clearCheckpoint();  // the run ended: nothing to resume
        else if (state == TrainingController::State::Loading)
            m_lastCheckpointMs = QDateTime::currentMSecsSinceEpoch();
    });
    connect(m_training, &TrainingController::checkpointSaved, this, [this](const QString &path, const QString &error, qint64 step) {
        if (path == m_session->checkpointPath() && error.isEmpty())
            m_session->noteCheckpoint(step);  // the checkpoint's own step: snapshots may lag it
    });
    m_runs->addQuietCheckpointPath(m_session->checkpointPath());
}

AutoSave::~AutoSave() = default;

void AutoSave::saveNow()
{
    if (!m_session->isActive())
        return;
    if (!m_doc->isModified()) {
        m_session->clearExperiment();
        m_autosaved.reset();
    } else if (!m_autosaved || *m_autosaved != m_doc->spec() || m_autosavedPath != m_doc->filePath()) {
        if (const QString e = m_session->saveExperiment(m_doc->spec(), m_doc->filePath()); !e.isEmpty()) {
            m_window->statusBar()->showMessage(tr("Autosave failed: %1").arg(e), 8000);
        } else {
            m_autosaved = m_doc->spec();  // written again only when it changes
            m_autosavedPath = m_doc->filePath();
        }
    }
    const qint64 every = QSettings().value(QStringLiteral("recovery/checkpointInterval"), 300).toLongLong() * 1000;
    const auto state = m_training->state();
    if ((state == TrainingController::State::Running || state == TrainingController::State::Paused)
        && QDateTime::currentMSecsSinceEpoch() - m_lastCheckpointMs >= every) {
        m_lastCheckpointMs = QDateTime::currentMSecsSinceEpoch();
        m_training->saveCheckpoint(m_session->checkpointPath());
    }
}

bool AutoSave::offerRecovery(const QString &root)
{
    bool restored = false;
    for (const RecoverySession::Crashed &c : RecoverySession::crashed(root.isEmpty() ? m_root : root)) {
        QStringList what;
        if (!c.experimentFile.isEmpty())
            what << tr("the experiment \"%1\" with changes that were not saved").arg(c.name.isEmpty() ? tr("untitled") : c.name);
        if (!c.checkpointFile.isEmpty())
            what << (c.experimentFile.isEmpty() ? tr("a training run at step %1") : tr("its training run at step %1")).arg(c.step);
        QMessageBox box(QMessageBox::Question, tr("Restore your work?"),
                        tr("GAN Playground did not close properly (last autosave %1). It left %2. Restore it?")
                            .arg(QLocale().toString(c.lastSaved.toLocalTime(), QLocale::ShortFormat), what.join(tr(" and "))),
                        QMessageBox::NoButton, m_window);
        box.setObjectName(QStringLiteral("recoveryQuestion"));
        QPushButton *yes = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
        box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        box.setDefaultButton(yes);
        box.exec();
        if (box.clickedButton() == yes) {
            restore(c);
            restored = true;
        } else {
            RecoverySession::discard(c);
        }
    }
    return restored;
}

void AutoSave::restore(const RecoverySession::Crashed &c)
{
    ExperimentSpec runSpec;
    const bool hasRun = !c.checkpointFile.isEmpty() && Trainer::readCheckpointSpec(c.checkpointFile, &runSpec).isEmpty();
    std::optional<ExperimentSpec> edited;
    if (!c.experimentFile.isEmpty()) {
        const specjson::ParseResult parsed = specjson::fromFile(c.experimentFile);
        if (parsed.ok())
            edited = parsed.spec;
        else
            m_window->statusBar()->showMessage(tr("The autosaved experiment cannot be read: %1").arg(parsed.errors.join(QLatin1Char(' '))));
    }
    // The run's checkpoint is kept out of the recovery folder, which goes: beside the experiment
    // it belonged to, else in the last folder used, else in the program's data folder.
    QString kept;
    if (hasRun) {
        const QString file = QStringLiteral("%1-recovered-step-%2.pt").arg(runSpec.name.isEmpty() ? QStringLiteral("run") : runSpec.name).arg(c.step);
        const QString data = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("recovered-runs"));
        QDir().mkpath(data);
        for (const QString &folder : {c.originalPath.isEmpty() ? QString() : QFileInfo(c.originalPath).absolutePath(), m_documents->lastFolder(), data}) {
            if (folder.isEmpty() || !QFileInfo(folder).isDir())
                continue;
            const QString candidate = QDir(folder).filePath(file);
            QFile::remove(candidate);
            if (QFile::copy(c.checkpointFile, candidate)) {
                kept = candidate;
                break;
            }
        }
        if (kept.isEmpty()) {
            m_window->statusBar()->showMessage(tr("The interrupted run's checkpoint could not be copied out of %1; it stays there").arg(c.folder));
            return;  // the crashed session stays, to be offered again
        }
    }
    // The experiment comes back as it was, unsaved; the run resumes when it trained that same
    // experiment (saved directions aside). A run of an experiment edited since waits beside it.
    if (edited)
        m_doc->restoreUnsaved(*edited, c.originalPath);
    // (A thread count is how fast, not what is trained: trainsLike ignores it.)
    if (hasRun && (!edited || runSpec.trainsLike(m_doc->spec()))) {
        if (edited)
            m_runs->continueRun(kept);
        else
            m_runs->resumeFromCheckpoint(kept);
        m_window->statusBar()->showMessage(tr("Restored: the run continues from step %1 (its checkpoint: %2)").arg(c.step).arg(kept), 15000);
    } else if (hasRun) {
        m_window->statusBar()->showMessage(tr("Restored the experiment with its unsaved changes; the interrupted run (step %1) is in %2: "
                                              "Training > Resume from Checkpoint continues it")
                                               .arg(c.step)
                                               .arg(kept),
                                           15000);
    } else if (edited) {
        m_window->statusBar()->showMessage(tr("Restored the experiment with its unsaved changes"), 15000);
    }
    RecoverySession::discard(c);
}
