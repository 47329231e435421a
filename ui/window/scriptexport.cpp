#include "window/scriptexport.h"

#include "window/documentactions.h"
#include "window/runactions.h"
#include "widgets/widgetevents.h"

#include "document/experimentdocument.h"
#include "export/pytorchexport.h"
#include "training/backgroundjob.h"
#include "training/trainingcontroller.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QUuid>

struct ScriptExport::Result {
    QStringList written;
    QString error;
};

ScriptExport::ScriptExport(ExperimentDocument *doc, TrainingController *training, DocumentActions *documents, RunActions *runs,
                           QMainWindow *window)
    : QObject(window), m_doc(doc), m_training(training), m_documents(documents), m_window(window), m_job(new BackgroundJob(this))
{
    QMenu *file = documents->fileMenu();
    auto *action = new QAction(this);
    action->setObjectName(QStringLiteral("exportScriptAction"));
    connect(action, &QAction::triggered, this, &ScriptExport::ask);
    file->insertAction(documents->fileMenuEnd(), action);
    widgetevents::retranslated(window, [action] {
        action->setText(tr("Export as &PyTorch Script..."));
        action->setStatusTip(tr("Write the experiment as a Python script (PyTorch and numpy) that trains the same GAN with the "
                                "same random draws; during a run, with its weights beside it"));
    });
    // The checkpoint an export asks for is the export's business, not news for the status bar.
    m_waitingCheckpoint = QDir::temp().filePath(QStringLiteral("gan-playground-export-%1.pt").arg(QUuid::createUuid().toString(QUuid::Id128)));
    runs->addQuietCheckpointPath(m_waitingCheckpoint);
    connect(training, &TrainingController::checkpointSaved, this, [this](const QString &path, const QString &error) {
        if (path != m_waitingCheckpoint || m_waitingScript.isEmpty())
            return;
        const QString script = std::exchange(m_waitingScript, QString());
        if (!error.isEmpty()) {
            QFile::remove(m_waitingCheckpoint);
            done({}, error);
            return;
        }
        start(script, m_waitingCheckpoint);
    });
    connect(m_job, &BackgroundJob::finished, this, [this](quint64 job, bool cancelled) {
        if (job != m_jobNumber || !m_result)
            return;
        const std::shared_ptr<Result> result = std::exchange(m_result, nullptr);
        done(result->written, cancelled ? tr("the export was cancelled") : result->error);
    });
    connect(m_job, &BackgroundJob::progress, this, [this](quint64 job, double fraction) {
        if (job == m_jobNumber)
            m_window->statusBar()->showMessage(tr("Exporting the PyTorch script: loading the data %1%").arg(int(fraction * 100)));
    });
}

ScriptExport::~ScriptExport() { QFile::remove(m_waitingCheckpoint); }

void ScriptExport::ask()
{
    QString name = m_doc->spec().name.isEmpty() ? tr("experiment") : m_doc->spec().name;
    name.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("-"));
    const QString path = m_documents->askSavePath(tr("Export as PyTorch Script"), tr("Python scripts (*.py)"), name + QStringLiteral(".py"));
    if (path.isEmpty())
        return;
    const TrainingController::State state = m_training->state();
    bool withWeights = false;
    if (state == TrainingController::State::Running || state == TrainingController::State::Paused) {
        QMessageBox box(QMessageBox::Question, tr("Export as PyTorch Script"),
                        tr("A run is going on. Export its weights beside the script, so that the script goes on from where the run "
                           "is now (and samples as it does)?"),
                        QMessageBox::NoButton, m_window);
        QPushButton *weights = box.addButton(tr("Script and Weights"), QMessageBox::AcceptRole);
        QPushButton *script = box.addButton(tr("Script Only"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(weights);
        box.exec();
        if (box.clickedButton() != weights && box.clickedButton() != script)
            return;
        withWeights = box.clickedButton() == weights;
    }
    exportTo(path.endsWith(QLatin1String(".py"), Qt::CaseInsensitive) ? path : path + QStringLiteral(".py"), withWeights);
}

void ScriptExport::exportTo(const QString &path, bool withWeights)
{
    const TrainingController::State state = m_training->state();
    if (withWeights && (state == TrainingController::State::Running || state == TrainingController::State::Paused)) {
        // Saved between two steps by the training thread; the export goes on when it says so.
        m_waitingScript = path;
        m_window->statusBar()->showMessage(tr("Exporting the PyTorch script: saving the run's weights..."));
        m_training->saveCheckpoint(m_waitingCheckpoint);
        return;
    }
    start(path, QString());
}

void ScriptExport::start(const QString &scriptPath, const QString &checkpoint)
{
    auto result = std::make_shared<Result>();
    m_result = result;
    const ExperimentSpec spec = m_doc->spec();
    m_jobNumber = m_job->start([result, spec, scriptPath, checkpoint](const std::atomic<bool> &, const ProgressFn &progress) {
        result->error = checkpoint.isEmpty()
            ? pytorchexport::write(spec, scriptPath, nullptr, QString(), &result->written, progress)
            : pytorchexport::writeFromCheckpoint(checkpoint, scriptPath, QString(), &result->written, progress);
        if (!checkpoint.isEmpty())
            QFile::remove(checkpoint);
    });
}

void ScriptExport::done(const QStringList &files, const QString &error)
{
    if (error.isEmpty()) {
        m_window->statusBar()->showMessage(
            tr("Exported %1 (%n file(s)); run it with python3 %2 --steps 20", nullptr, int(files.size()))
                .arg(QDir::toNativeSeparators(files.value(0)), QFileInfo(files.value(0)).fileName()),
            8000);
    } else {
        m_window->statusBar()->clearMessage();
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot export the PyTorch script"), error, QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();  // not modal: the window stays usable (and a scripted test is not held)
    }
    emit exported(files, error);
}
