#pragma once

#include "training/threadpolicy.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QActionGroup;
class QLabel;
class QMenu;
class TrainingController;

// How a run started in the window shares the machine with the window (core's ThreadPolicy):
// Training > Threads chooses the policy (remembered), the status bar shows the count the run
// trains with now and why. While a run trains it watches the window: a person's input anywhere
// in the application, and the lateness of the event loop (a 10 ms probe timer), and moves the
// run's thread count between steps.
class ThreadGovernor : public QObject {
    Q_OBJECT
public:
    ThreadGovernor(TrainingController *training, QWidget *window);
    ~ThreadGovernor() override;

    void addMenu(QMenu *training);  // Training > Threads
    QLabel *statusLabel() const { return m_label; }

    // A run with the experiment's `threads` was just started: it trains as the policy says.
    void runStarted(int threads);
    int current() const { return m_applied; }  // the count the run was last given
    ThreadPolicy::Mode mode() const { return m_mode; }
    void setMode(ThreadPolicy::Mode mode);  // as a person chooses it (remembered)
    // The run's image measures are working (RunSession::qualityWorking): adaptively, the run
    // gives them a core meanwhile.
    void setBackgroundWork(bool working);

signals:
    // Each tick of the probe while the run trains: how late the event loop ran it (ms).
    void ticked(double lateMs);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void tick();
    void apply(bool force = false);
    void showStatus();

    TrainingController *m_training;
    ThreadPolicy::Mode m_mode;
    ThreadPolicy m_policy;
    int m_wanted = 1;    // the running experiment's thread count
    int m_applied = 0;   // the count last given to the run (0: none yet)
    QLabel *m_label;
    QActionGroup *m_choices = nullptr;
    QTimer m_probe;
    QElapsedTimer m_clock, m_sinceTick;
};
