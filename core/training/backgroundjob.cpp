#include "backgroundjob.h"

#include "joiningthread.h"

#include <ATen/Parallel.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

struct BackgroundJob::Impl {
    struct Job {
        quint64 number = 0;
        Work work;
        int threads = 1;
    };
    std::mutex mutex;
    std::condition_variable wake;
    std::optional<Job> pending;
    std::atomic<bool> cancelRunning{false};
    bool running = false;
    bool quit = false;
    quint64 last = 0;

    JoiningThread thread;  // last: stops and joins before the rest goes
};

BackgroundJob::BackgroundJob(QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    Impl *m = d.get();
    d->thread.start([this, m] {
        for (;;) {
            Impl::Job job;
            {
                std::unique_lock<std::mutex> lock(m->mutex);
                m->wake.wait(lock, [m] { return m->quit || m->pending; });
                if (m->quit)
                    return;
                job = std::move(*m->pending);
                m->pending.reset();
                m->running = true;
                m->cancelRunning = false;
            }
            at::set_num_threads(std::max(1, job.threads));
            auto lastReport = std::chrono::steady_clock::now() - std::chrono::seconds(1);
            const quint64 number = job.number;
            const ProgressFn progress = [this, number, &lastReport](double f) {
                const auto now = std::chrono::steady_clock::now();
                if (f < 1.0 && now - lastReport < std::chrono::milliseconds(50))
                    return;
                lastReport = now;
                emit this->progress(number, f);
            };
            try {
                job.work(m->cancelRunning, progress);
            } catch (...) {
                // The work reports its failures in its results; nothing may leave this thread.
            }
            bool cancelled = false;
            {
                std::lock_guard<std::mutex> lock(m->mutex);
                m->running = false;
                cancelled = m->cancelRunning;
            }
            emit finished(number, cancelled);
        }
    }, QStringLiteral("background job"), [m] {
        {
            std::lock_guard<std::mutex> lock(m->mutex);
            m->quit = true;
            m->pending.reset();
            m->cancelRunning = true;
        }
        m->wake.notify_all();
    });
}

BackgroundJob::~BackgroundJob() = default;

quint64 BackgroundJob::start(Work work, int threads)
{
    quint64 number;
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        number = ++d->last;
        d->pending = Impl::Job{number, std::move(work), threads};
        d->cancelRunning = true;  // the running job (if any) gives way
    }
    d->wake.notify_all();
    return number;
}

void BackgroundJob::cancel()
{
    std::lock_guard<std::mutex> lock(d->mutex);
    d->pending.reset();
    d->cancelRunning = true;
}

bool BackgroundJob::busy() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->running || d->pending;
}
