#pragma once

#include "data/dataset.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

// Long work a person asked for (finding latent directions, exporting a walk) on a thread of
// its own, one job at a time, so the window stays responsive and the training thread keeps its
// core. Starting a job cancels the one running (its work sees `cancel` raised) and queues the
// new one. The work reports progress (0..1; delivered at most every 50 ms) and leaves its
// results where its caller can read them once finished() arrives for its number.
class BackgroundJob : public QObject {
    Q_OBJECT
public:
    using Work = std::function<void(const std::atomic<bool> &cancel, const ProgressFn &progress)>;

    explicit BackgroundJob(QObject *parent = nullptr);
    ~BackgroundJob() override;  // cancels the running job and waits for the thread

    // Queues `work` to run with `threads` intra-op threads; returns the job's number.
    quint64 start(Work work, int threads = 1);
    void cancel();  // the running job's `cancel` is raised; a queued one is dropped
    bool busy() const;

signals:
    void progress(quint64 job, double fraction);
    void finished(quint64 job, bool cancelled);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
