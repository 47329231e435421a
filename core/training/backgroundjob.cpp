#include "backgroundjob.h"

#include "latestworker.h"

#include <chrono>

namespace {
constexpr auto kProgressEvery = std::chrono::milliseconds(50);  // a progress bar needs no more
}  // namespace

struct BackgroundJob::Impl {
    LatestWorker worker{QStringLiteral("background job")};
};

BackgroundJob::BackgroundJob(QObject *parent) : QObject(parent), d(std::make_unique<Impl>()) {}

BackgroundJob::~BackgroundJob() = default;

quint64 BackgroundJob::start(Work work, int threads)
{
    LatestWorker::Post post;
    post.cancelsRunning = true;  // the running job (if any) gives way
    post.threads = threads;
    return d->worker.post([this, work = std::move(work)](const LatestWorker::Context &job) {
        auto lastReport = std::chrono::steady_clock::now() - std::chrono::seconds(1);
        const ProgressFn progress = [this, &job, &lastReport](double f) {
            const auto now = std::chrono::steady_clock::now();
            if (f < 1.0 && now - lastReport < kProgressEvery)
                return;
            lastReport = now;
            d->worker.deliver(this, job.generation, [this, number = job.number, f] { emit this->progress(number, f); });
        };
        try {
            work(job.cancel, progress);
        } catch (...) {
            // The work reports its failures in its results.
        }
        d->worker.deliver(this, job.generation, [this, number = job.number, cancelled = job.cancel.load()] {
            emit finished(number, cancelled);
        });
    }, post);
}

void BackgroundJob::cancel() { d->worker.cancel(); }

bool BackgroundJob::busy() const { return d->worker.busy(); }
