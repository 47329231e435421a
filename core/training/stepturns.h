#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

// Two runs that take turns (the window's Compare With...): a run takes its next step only while
// it is not ahead of the other, so both move through their steps together, a step at a time,
// whatever their speeds. A run that is paused by the person holds the other at its step; one that
// reached its step budget or ended leaves the other free. Shared by the two training threads.
class StepTurns {
public:
    // `bothExpected`: each run waits for the other from its first step (both take part from
    // the start; one that never begins must leave()), so neither runs ahead while the other
    // loads its data.
    explicit StepTurns(bool bothExpected = false) : m_active{bothExpected, bothExpected} {}

    // Run `me` (0 or 1) is at `step` (its steps done so far) and takes part.
    void join(int me, std::int64_t step)
    {
        {
            std::lock_guard lock(m_mutex);
            m_step[me] = step;
            m_active[me] = true;
        }
        m_changed.notify_all();
    }
    // Whether run `me`, at `step`, may take its next step now; waits up to `wait` for its turn
    // (false then: the caller looks at its commands and asks again).
    bool mayStep(int me, std::int64_t step, std::chrono::milliseconds wait = std::chrono::milliseconds(50))
    {
        std::unique_lock lock(m_mutex);
        const int other = 1 - me;
        return m_changed.wait_for(lock, wait, [&] { return !m_active[other] || m_step[other] >= step; });
    }
    // Run `me` finished a step (now at `step`); `free` when it is done with turns (its budget).
    void reached(int me, std::int64_t step, bool free)
    {
        {
            std::lock_guard lock(m_mutex);
            m_step[me] = step;
            if (free)
                m_active[me] = false;
        }
        m_changed.notify_all();
    }
    void leave(int me)
    {
        {
            std::lock_guard lock(m_mutex);
            m_active[me] = false;
        }
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::int64_t m_step[2] = {0, 0};
    bool m_active[2];
};
