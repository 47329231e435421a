#include "training/threadpolicy.h"

#include <algorithm>

ThreadPolicy::ThreadPolicy(Mode mode, int wanted, int cores)
    : m_mode(mode), m_most(std::max(1, std::min(wanted, cores))), m_fewest(std::max(1, std::min(m_most, cores - 1)))
{
}

QString ThreadPolicy::key(Mode mode)
{
    switch (mode) {
    case Mode::KeepCore:
        return QStringLiteral("keep-core");
    case Mode::AllCores:
        return QStringLiteral("all-cores");
    case Mode::Adaptive:
        break;
    }
    return QStringLiteral("adaptive");
}

std::optional<ThreadPolicy::Mode> ThreadPolicy::fromKey(const QString &key)
{
    for (Mode m : {Mode::Adaptive, Mode::KeepCore, Mode::AllCores})
        if (ThreadPolicy::key(m) == key)
            return m;
    return std::nullopt;
}

void ThreadPolicy::noteActivity(qint64 nowMs)
{
    m_until = m_held ? std::max(m_until, nowMs + kActivityHoldMs) : nowMs + kActivityHoldMs;
    m_held = true;
}

void ThreadPolicy::noteLateness(double lateMs, qint64 nowMs)
{
    if (lateMs < kLateMs)
        return;
    const bool again = m_lastLate && nowMs - *m_lastLate <= kLateWindowMs;
    m_lastLate = nowMs;
    if (!again)
        return;
    m_until = m_held ? std::max(m_until, nowMs + kLateHoldMs) : nowMs + kLateHoldMs;
    m_held = true;
}

int ThreadPolicy::threads(qint64 nowMs) const
{
    switch (m_mode) {
    case Mode::KeepCore:
        return m_fewest;
    case Mode::AllCores:
        return m_most;
    case Mode::Adaptive:
        break;
    }
    return m_background || (m_held && nowMs < m_until) ? m_fewest : m_most;
}
