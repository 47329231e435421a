#include "latestworker.h"

#include <ATen/Parallel.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace {
using Clock = std::chrono::steady_clock;

// The calling thread yields to every other thread of normal priority. (QThread priorities do
// nothing for Linux's normal scheduler.)
void lowerThreadPriority()
{
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 19);
#endif
}
}  // namespace

struct LatestWorker::Impl {
    struct Pending {
        quint64 number = 0;
        quint64 generation = 0;
        Work work;
        Post options;
    };
    std::mutex mutex;
    std::condition_variable wake;
    std::map<int, Pending> pending;  // the newest job of each slot
    std::atomic<bool> cancelRunning{false};
    bool running = false;
    bool quit = false;
    bool lowest = false;
    bool lowered = false;
    double rest = 0;
    Clock::time_point notBefore;
    quint64 lastNumber = 0;
    int jobsRun = 0;

    JoiningThread thread;  // last: stops and joins before the rest goes

    // Under the lock: the first job that may start now; pending.end() when none.
    std::map<int, Pending>::iterator startable()
    {
        const Clock::time_point now = Clock::now();
        for (auto it = pending.begin(); it != pending.end(); ++it)
            if (!it->second.options.rests || now >= notBefore)
                return it;
        return pending.end();
    }

    void loop(const std::shared_ptr<std::atomic<quint64>> &generation)
    {
        for (;;) {
            Pending job;
            {
                std::unique_lock<std::mutex> lock(mutex);
                for (;;) {
                    if (quit)
                        return;
                    const auto next = startable();
                    if (next != pending.end()) {
                        job = std::move(next->second);
                        pending.erase(next);
                        break;
                    }
                    if (pending.empty())
                        wake.wait(lock);
                    else
                        wake.wait_until(lock, notBefore);  // only resting jobs wait
                }
                running = true;
                cancelRunning = job.generation != generation->load();
                ++jobsRun;
                if (lowest && !lowered) {
                    lowerThreadPriority();
                    lowered = true;
                }
            }
            at::set_num_threads(std::max(1, job.options.threads));
            const Clock::time_point began = Clock::now();
            try {
                job.work(Context{cancelRunning, job.number, job.generation});
            } catch (...) {
                // A job reports its failures as values; nothing may leave this thread.
            }
            std::lock_guard<std::mutex> lock(mutex);
            running = false;
            if (job.options.rests)
                notBefore = Clock::now() + std::chrono::duration_cast<Clock::duration>((Clock::now() - began) * rest);
        }
    }
};

LatestWorker::LatestWorker(const QString &name)
    : m_generation(std::make_shared<std::atomic<quint64>>(1)), d(std::make_unique<Impl>())
{
    Impl *m = d.get();
    d->thread.start([m, generation = m_generation] { m->loop(generation); }, name, [m] {
        {
            std::lock_guard<std::mutex> lock(m->mutex);
            m->quit = true;
            m->pending.clear();
            m->cancelRunning = true;
        }
        m->wake.notify_all();
    });
}

LatestWorker::~LatestWorker() = default;  // Impl's thread handle stops and joins the thread

quint64 LatestWorker::post(Work work, const Post &options)
{
    quint64 number;
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        number = ++d->lastNumber;
        d->pending[options.slot] = Impl::Pending{number, m_generation->load(), std::move(work), options};
        if (options.cancelsRunning)
            d->cancelRunning = true;
    }
    d->wake.notify_all();
    return number;
}

void LatestWorker::cancel()
{
    std::lock_guard<std::mutex> lock(d->mutex);
    d->pending.clear();
    d->cancelRunning = true;
}

quint64 LatestWorker::renew()
{
    std::lock_guard<std::mutex> lock(d->mutex);
    d->pending.clear();
    d->cancelRunning = true;
    d->notBefore = {};
    return ++*m_generation;
}

quint64 LatestWorker::generation() const { return m_generation->load(); }

bool LatestWorker::busy() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->running || !d->pending.empty();
}

int LatestWorker::jobsRun() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->jobsRun;
}

void LatestWorker::setRest(double factor)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    d->rest = std::max(0.0, factor);
}

void LatestWorker::setLowestPriority(bool lowest)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    d->lowest = lowest;
}
