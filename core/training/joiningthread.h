#pragma once

#include <QThread>

#include <functional>
#include <memory>

// A worker thread owned by RAII: when it goes, `stop` asks the thread's loop to end and the
// thread is joined. Keep it the last member, so that what the loop uses outlives it.
class JoiningThread {
public:
    JoiningThread() = default;
    JoiningThread(const JoiningThread &) = delete;
    JoiningThread &operator=(const JoiningThread &) = delete;
    ~JoiningThread()
    {
        if (!m_thread)
            return;
        if (m_stop)
            m_stop();
        m_thread->wait();
    }

    void start(QThread *thread, const QString &name, std::function<void()> stop)
    {
        m_thread.reset(thread);
        m_stop = std::move(stop);
        m_thread->setObjectName(name);
        m_thread->start();
    }

private:
    std::unique_ptr<QThread> m_thread;
    std::function<void()> m_stop;
};
