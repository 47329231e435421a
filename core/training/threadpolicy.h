#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

// How many intra-op threads a run started in the window trains with, as the window's use of
// the machine changes. Adaptive (the default): every thread the experiment asks for, up to the
// machine's cores, while the window is calm; one core fewer for a while after a person worked
// in the window (pressed, dragged, scrolled, typed) or its event loop fell behind (late twice
// in a short while: one late tick alone is a hiccup of the machine, which a core given back
// would not cure, and each hold costs the run half its speed). On a 2-core
// machine that is 2 threads while a class watches and 1 while someone drags a slider.
// KeepCore: always one core fewer (every step with the same count, as before). AllCores:
// always all (the window may stutter). Pure logic on a clock in milliseconds: the window feeds
// it, tests drive it.
class ThreadPolicy {
public:
    enum class Mode { Adaptive, KeepCore, AllCores };

    ThreadPolicy() = default;
    // `wanted`: the experiment's thread count; `cores`: the machine's.
    ThreadPolicy(Mode mode, int wanted, int cores);

    // The mode's name in settings and on the command line: adaptive, keep-core, all-cores.
    static QString key(Mode mode);
    static std::optional<Mode> fromKey(const QString &key);

    Mode mode() const { return m_mode; }
    int most() const { return m_most; }      // the experiment's count, at most the cores
    int fewest() const { return m_fewest; }  // one core fewer, at least 1 (and at most most())

    // A person acted on the window at `nowMs`.
    void noteActivity(qint64 nowMs);
    // The window's event loop ran `lateMs` late at `nowMs` (the lateness of every tick of a
    // probe timer, small ones too).
    void noteLateness(double lateMs, qint64 nowMs);

    // The window's own background work (the image measures) runs from now until told it
    // stopped: a core is given to it meanwhile (Adaptive). Beside a training team that fills
    // every core, a measurement at the lowest priority still takes a slice of a core now and
    // then, and every slice stalls the whole team at its next barrier, for about as long
    // again on the other core; given a core, the measurement is done in a moment and costs
    // the run only the thread it gave for that moment.
    void setBackgroundWork(bool working) { m_background = working; }
    bool backgroundWork() const { return m_background; }

    int threads(qint64 nowMs) const;
    // Whether it trains with fewer threads than it could at `nowMs` because of the window.
    bool holdingBack(qint64 nowMs) const { return threads(nowMs) < m_most; }

    // Lateness from this on counts as a late tick; two within kLateWindowMs mean the window
    // needs its core.
    static constexpr double kLateMs = 12;
    static constexpr qint64 kLateWindowMs = 1000;
    // How long the window keeps its core after a person's action, and after it fell behind.
    static constexpr qint64 kActivityHoldMs = 1500;
    static constexpr qint64 kLateHoldMs = 2000;

private:
    Mode m_mode = Mode::Adaptive;
    int m_most = 1;
    int m_fewest = 1;
    qint64 m_until = -1;  // the window keeps its core until then
    bool m_held = false;  // m_until is set
    bool m_background = false;
    std::optional<qint64> m_lastLate;  // the last late tick
};
