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
// Held by the sending thread while the work is queued.
struct Sending {
    std::lock_guard<std::mutex> lock{handoff()};
};
// The work, made to take the mutex before it runs.
template <typename F>
auto handedOver(F f)
{
    return [f = std::move(f)]() mutable {
        { std::lock_guard<std::mutex> received(handoff()); }
        f();
    };
}
#else
struct Sending {};
template <typename F>
F handedOver(F f)
{
    return f;
}
#endif
}  // namespace queued

// Runs `f` on `receiver`'s thread from its event loop, unless the receiver is gone by then:
// how a worker thread hands its results to the window.
template <typename F>
void queuedCall(QObject *receiver, F f)
{
    const queued::Sending sending;
    QMetaObject::invokeMethod(receiver, queued::handedOver(std::move(f)), Qt::QueuedConnection);
}

// Runs `f` on a thread of Qt's global pool: how the window hands off short jobs.
template <typename F>
void pooledCall(F f)
{
    const queued::Sending sending;
    QThreadPool::globalInstance()->start(queued::handedOver(std::move(f)));
}
