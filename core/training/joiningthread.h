#pragma once

#include <QString>

#include <functional>
#include <thread>

#include <pthread.h>

// A worker thread owned by RAII: when it goes, `stop` asks the thread's loop to end and the
// thread is joined. Keep it the last member, so that what the loop uses outlives it.
// A std::thread, not a QThread: joining it is a pthread_join, which ThreadSanitizer sees (it
// cannot see QThread::wait's own locking), and the loops need no Qt event loop.
class JoiningThread {
public:
    JoiningThread() = default;
    JoiningThread(const JoiningThread &) = delete;
    JoiningThread &operator=(const JoiningThread &) = delete;
    ~JoiningThread() { finish(); }

    // `name` shows in debuggers and top (the first 15 bytes, Linux's limit). A thread started
    // earlier is finished first.
    void start(std::function<void()> body, const QString &name, std::function<void()> stop)
    {
        finish();
        m_stop = std::move(stop);
        m_thread = std::thread([body = std::move(body), name = name.toUtf8().left(15)] {
            pthread_setname_np(pthread_self(), name.constData());
            body();
        });
    }

    // Asks the thread's loop to end and joins it; nothing when no thread runs.
    void finish()
    {
        if (!m_thread.joinable())
            return;
        if (m_stop)
            m_stop();
        m_thread.join();
        m_stop = nullptr;
    }

private:
    std::thread m_thread;
    std::function<void()> m_stop;
};
