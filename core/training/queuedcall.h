#pragma once

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>

#if defined(__SANITIZE_THREAD__)
#include <mutex>
#endif

// How work crosses threads through Qt's queues. Under ThreadSanitizer (scripts/test --tsan)
// each hand-over is also ordered by a mutex of our own, held while the work is queued and taken
// before it runs: Qt's queues order it with locking inside Debian's uninstrumented Qt, which TSan
// cannot see, and everything handed over would otherwise look like a race. The mutex is one for
// the program, so that finding it needs nothing the sending thread wrote.
namespace queued {
#if defined(__SANITIZE_THREAD__)
inline std::mutex &handoff()
{
    static std::mutex mutex;
    return mutex;
}
template <typename F>
auto afterHandoff(F f)
{
    return [f = std::move(f)]() mutable {
        { std::lock_guard<std::mutex> received(handoff()); }
        f();
    };
}
#endif
}  // namespace queued

// Runs `f` on `receiver`'s thread from its event loop, unless the receiver is gone by then:
// how a worker thread hands its results to the window.
template <typename F>
void queuedCall(QObject *receiver, F f)
{
#if defined(__SANITIZE_THREAD__)
    std::lock_guard<std::mutex> sending(queued::handoff());
    QMetaObject::invokeMethod(receiver, queued::afterHandoff(std::move(f)), Qt::QueuedConnection);
#else
    QMetaObject::invokeMethod(receiver, std::move(f), Qt::QueuedConnection);
#endif
}

// Runs `f` on a thread of Qt's global pool: how the window hands off short jobs.
template <typename F>
void pooledCall(F f)
{
#if defined(__SANITIZE_THREAD__)
    std::lock_guard<std::mutex> sending(queued::handoff());
    QThreadPool::globalInstance()->start(queued::afterHandoff(std::move(f)));
#else
    QThreadPool::globalInstance()->start(std::move(f));
#endif
}
