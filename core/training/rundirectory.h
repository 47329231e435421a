#pragma once

#include "steprecord.h"

#include <QFile>
#include <QString>

#include <memory>
#include <vector>

// The files of one training run: experiment.json, checkpoint.pt, metrics.csv, samples/.
class RunDirectory {
public:
    explicit RunDirectory(QString path);

    // Creates the folder and samples/; returns an empty string or a message naming the folder.
    QString create() const;

    QString path() const { return m_path; }
    QString experimentPath() const;
    QString checkpointPath() const;
    QString metricsPath() const;
    QString samplesDir() const;
    QString samplePath(std::int64_t step) const;  // samples/step_000500.png

    // metrics.csv: rewritten atomically from `history` (so a resumed run's file matches its
    // checkpoint), then appended row by row.
    QString startMetrics(const std::vector<StepRecord> &history);
    QString appendMetrics(const StepRecord &record);
    void flushMetrics();

    static QByteArray metricsHeader();
    static QByteArray metricsRow(const StepRecord &record);

private:
    QString m_path;
    std::unique_ptr<QFile> m_metrics;
};
