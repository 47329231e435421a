#pragma once

#include "joiningthread.h"
#include "queuedcall.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

// One thread that runs the newest job of each slot: the latest-wins worker every renderer and
// background job of the program is a short user of (Qt's threaded Mandelbrot example is the
// pattern). A job posted to a slot replaces the job of that slot that has not started; slots
// run lowest first. renew() starts a new generation: pending jobs are dropped, the running one
// is asked to stop, and results delivered with an older generation never arrive.
// Thread-safe; the thread is stopped and joined when the worker goes.
class LatestWorker {
public:
    // What a running job sees.
    struct Context {
        const std::atomic<bool> &cancel;  // raised when the job should give up (cancel, renew, quit)
        quint64 number;                   // post()'s answer for this job
        quint64 generation;               // the generation the job was posted in
    };
    using Work = std::function<void(const Context &)>;

    struct Post {
        int slot = 0;                 // a newer job replaces a pending one of the same slot only
        bool cancelsRunning = false;  // the running job (of any slot) is asked to give up
        bool rests = true;            // waits out the rest, and earns it (setRest)
        int threads = 1;              // intra-op threads while it runs
    };

    // `name` shows in debuggers and top.
    explicit LatestWorker(const QString &name);
    ~LatestWorker();  // drops pending jobs, cancels the running one and joins the thread
    LatestWorker(const LatestWorker &) = delete;
    LatestWorker &operator=(const LatestWorker &) = delete;

    quint64 post(Work work, const Post &options);
    quint64 post(Work work) { return post(std::move(work), Post{}); }
    void cancel();     // pending jobs are dropped; the running one's cancel is raised
    quint64 renew();   // cancel(), and a new generation (returned)
    quint64 generation() const;
    bool busy() const;  // a job is running or waiting
    int jobsRun() const;

    // After a job that rests and took t, the next such job starts no sooner than t × factor
    // later: a worker that may take at most 1 / (1 + factor) of a core.
    void setRest(double factor);
    // The thread yields to every thread of normal priority from its next job on (once lowered,
    // a thread cannot take it back without privileges).
    void setLowestPriority(bool lowest);

    // Runs `f` on `receiver`'s thread unless the receiver is gone or the generation has been
    // renewed since `generation` by then: how results reach the window without going stale.
    template <typename F>
    void deliver(QObject *receiver, quint64 generation, F f) const
    {
        queuedCall(receiver, [current = m_generation, generation, f = std::move(f)]() mutable {
            if (current->load() == generation)
                f();
        });
    }

private:
    struct Impl;
    std::shared_ptr<std::atomic<quint64>> m_generation;
    std::unique_ptr<Impl> d;
};
