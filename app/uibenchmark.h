#pragma once

#include "training/threadpolicy.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <optional>
#include <vector>

class MainWindow;
class ThreadGovernor;

// `gan-playground --benchmark-ui SECONDS`: trains the open experiment in the real window with
// the live dashboard on and measures what a user feels: training images/s, and how late a
// 10 ms timer fires on the GUI thread (the event loop's lateness: the ticks of the thread
// governor's probe, which runs under every policy while the run trains), and how long a latent slider
// move takes to reach the screen (synthetic moves at 20 Hz once the run has published a
// generator). Prints one JSON line.
//
// With `qualityAb` (`--quality ab`) the time is cut into four phases, image measures off, on,
// off, on (on: the Quality plot measures every 50 steps, so only the measures' own rest limits
// them: their worst case), and the line adds each phase's images/s and the cost of the
// measures: 1 - rate(on) / rate(off), with the phases summed. The run needs a step budget
// that outlasts SECONDS (a run paused at its budget ends the phases early).
//
// Without `sliders` (`--sliders off`) nothing moves the sliders: a class watching the run.
// `threads` (`--threads adaptive|keep-core|all-cores`) sets Training > Threads for the
// measurement (the person's choice is put back); the line says which policy ran and the mean
// thread count over the probe's ticks.
class UiBenchmark : public QObject {
    Q_OBJECT
public:
    struct Options {
        double seconds = 10;
        QString screenshot;
        bool qualityAb = false;
        bool sliders = true;
        std::optional<ThreadPolicy::Mode> threads;  // none: as the window is set
    };
    UiBenchmark(MainWindow *window, Options options, QObject *parent = nullptr);
    void start();

signals:
    void finished(int exitCode);

private:
    void tick(double lateMs);
    void moveSlider();
    void finish();
    void setPhase(int phase);  // quality A/B: even phases off, odd on

    MainWindow *m_window;
    double m_seconds;
    QString m_screenshot;
    bool m_sliders = true;
    std::optional<ThreadPolicy::Mode> m_threadMode;  // the policy asked for; none: the window's
    std::optional<ThreadPolicy::Mode> m_keptMode;    // the person's policy, put back at the end
    ThreadGovernor *m_governor;
    double m_threadSum = 0;  // the run's thread count summed over the probe's ticks
    QTimer m_slider;
    int m_moves = 0;
    QElapsedTimer m_clock;
    std::vector<double> m_lateness;  // ms per tick of the governor's probe timer
    std::int64_t m_firstStep = -1, m_lastStep = 0;
    double m_firstElapsed = 0, m_lastElapsed = 0;
    double m_firstActive = 0, m_lastActive = 0;  // the run's time inside its steps (snapshots' elapsedSeconds)
    bool m_done = false;
    bool m_qualityAb = false;
    int m_phase = -1;
    struct Phase {
        std::int64_t steps = 0;
        double seconds = 0;
    };
    std::vector<Phase> m_phases;
    std::int64_t m_phaseStep = -1;  // the step and time the current phase began
    double m_phaseElapsed = 0;
    int m_qualityInterval = 0;             // the person's setting, put back at the end
    std::vector<double> m_qualitySeconds;  // wall time of each measurement
};
