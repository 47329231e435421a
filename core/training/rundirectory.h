#pragma once

#include "steprecord.h"

#include <QByteArray>
#include <QFile>
#include <QLockFile>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

// The files of one training run: experiment.json, checkpoint.pt, metrics.csv, samples/.
class RunDirectory {
public:
    explicit RunDirectory(QString path);

    // Creates the folder and samples/; returns an empty string or a message naming the folder.
    // Refuses a folder whose files (or samples/) are symbolic links, devices or pipes: a run
    // writes only inside its folder and only regular files.
    QString create() const;

    // Takes the folder's lock (.lock, creating the folder) for as long as this object lives, so
    // that two processes never write one run. A lock left by a process that died is taken over.
    // Empty, or a message naming the holder's process.
    QString lock();

    // The run files already in the folder (experiment.json, checkpoint.pt, metrics.csv,
    // samples/step_*.png): empty when the folder holds no run.
    QStringList existingRunFiles() const;
    // Removes the run files (only those) so that a new run does not mix with an old one.
    QString removeRunFiles() const;
    // Whether `path` is one of a run folder's own files (experiment.json, checkpoint.pt,
    // metrics.csv or samples/step_*.png in a folder that holds a run).
    static bool isRunFile(const QString &path);
    // The same folder on disk (both paths resolved).
    bool isSameFolder(const QString &other) const;

    QString path() const { return m_path; }
    QString experimentPath() const;
    QString checkpointPath() const;
    QString metricsPath() const;
    // run.json: how many steps the writing command was asked for and with how many processes,
    // for a window that follows the run (the experiment's own `steps` spans its learning-rate
    // schedule, which a `train --steps` may stop short of or go past).
    // `runId` names the run for as long as it is resumed in its folder: a window that follows
    // the folder sees a new run there (train --overwrite) by a new id.
    QString runInfoPath() const;
    QString writeRunInfo(std::int64_t targetSteps, int processes, const QString &runId) const;
    struct RunInfo {
        std::int64_t targetSteps = 0;  // 0 when unknown
        QString runId;                 // empty when unknown (a run written before run ids)
    };
    static RunInfo readRunInfo(const QString &folder);  // one read of run.json
    static QString newRunId();
    QString samplesDir() const;
    QString samplePath(std::int64_t step) const;  // samples/step_000500.png

    // metrics.csv: rewritten atomically from `history` (so a resumed run's file matches its
    // checkpoint; the quality figures the old file holds for those steps are kept), then
    // appended: rows collect in memory and reach the file at flushMetrics(), whose result says
    // whether the disk took them.
    QString startMetrics(const std::vector<StepRecord> &history);
    void appendMetrics(const StepRecord &record, const QualityRecord *quality = nullptr);
    QString flushMetrics();


private:
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<QFile> m_metrics;
    QByteArray m_pending;
};
