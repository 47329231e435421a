#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class BackgroundJob;
class DocumentActions;
class ExperimentDocument;
class QMainWindow;
class RunActions;
class TrainingController;

// File > Export as PyTorch Script...: the open experiment as one Python file that trains the same
// GAN (core's export/pytorchexport), with the data files it reads beside it; while a run is
// active, optionally that run's weights too (a checkpoint saved for the purpose, between two
// steps), so the script goes on from where the window's run is. The files are written on a
// background job; the status bar says where they went, a message box why they could not be.
class ScriptExport : public QObject {
    Q_OBJECT
public:
    ScriptExport(ExperimentDocument *doc, TrainingController *training, DocumentActions *documents, RunActions *runs,
                 QMainWindow *window);
    ~ScriptExport() override;

    // Asks for the file (and, during a run, whether to include its weights), then exports.
    void ask();
    // Exports without asking: the script at `path`; with `withWeights`, the active run's weights.
    void exportTo(const QString &path, bool withWeights);

signals:
    // Every file written (the script first), or the reason nothing was.
    void exported(const QStringList &files, const QString &error);

private:
    void start(const QString &scriptPath, const QString &checkpoint);
    void done(const QStringList &files, const QString &error);

    ExperimentDocument *m_doc;
    TrainingController *m_training;
    DocumentActions *m_documents;
    QMainWindow *m_window;
    BackgroundJob *m_job;
    QString m_waitingScript;      // the script to write once the run's checkpoint is saved
    QString m_waitingCheckpoint;  // that checkpoint (a temporary file)
    quint64 m_jobNumber = 0;
    struct Result;
    std::shared_ptr<Result> m_result;
};
