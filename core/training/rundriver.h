#pragma once

#include "trainer.h"

#include "data/dataset.h"
#include "spec/shapeinference.h"

#include <QElapsedTimer>
#include <QStringList>

#include <memory>

// How every run starts and steps, the same for the window's training thread and the command
// line's train, sample, evaluate and bench.
namespace runsetup {
// Every reason `spec` cannot train: the data's shape first, then each layer's problem. Empty
// when it can; `analysis`, when given, receives the shape analysis.
QStringList problems(const ExperimentSpec &spec, ExperimentAnalysis *analysis = nullptr);
struct OpenOptions {
    // A checkpoint whose run was trained on data of another size goes on with a new shuffle of
    // the data as it is now, instead of being refused.
    bool reshuffle = false;
    // No data is loaded: a stand-in of its shape (Dataset::standIn), for sampling a run whose
    // data grew, changed or is gone. The trainer cannot step.
    bool withoutData = false;
    // When given and the checkpoint is refused because the data's size changed: the number of
    // samples the run was trained on (else -1).
    std::int64_t *trainedOn = nullptr;
    // When given: whether the data could not be loaded (the error says why).
    bool *dataFailed = nullptr;
    // openFolder: the device to open the run on instead of its own (Trainer::deviceProblem
    // checked by the caller).
    QString device;
};
// Loads the data (reporting progress from 0 to 1), builds the networks and, with
// `checkpoint`, continues from it. Null with `error` naming the file, the layer or the cause.
std::unique_ptr<Trainer> open(const ExperimentSpec &spec, const QString &checkpoint, const ProgressFn &progress, QString *error,
                              const OpenOptions &options = {});
// The run saved in a run folder (see RunDirectory): its checkpoint's experiment, its data and
// its state, with `threads` intra-op threads (0: the run's own).
std::unique_ptr<Trainer> openFolder(const QString &dir, const ProgressFn &progress, QString *error, int threads = 0,
                                    const OpenOptions &options = {});
}  // namespace runsetup

// The stepping both run loops share: one step at a time, the time spent training, and the
// moment the run reaches its step budget.
class RunDriver {
public:
    RunDriver(std::unique_ptr<Trainer> trainer, std::int64_t targetSteps);

    Trainer &trainer() { return *m_trainer; }
    const Trainer &trainer() const { return *m_trainer; }
    std::int64_t targetSteps() const { return m_target; }

    // One step; false with `error` set when it failed (the trainer is then as before it).
    bool step(StepRecord *record, QString *error);
    // One substep of a step (slow motion), timed as steps are.
    bool substep(SubstepReport *report, QString *error);
    bool budgetReached() const { return m_trainer->currentStep() >= m_target; }
    // True once: after the step that reached the budget (never for a run loaded past it).
    bool budgetJustReached();
    // Wall time spent inside step(): the run's training time (a resumed run's includes the
    // steps of its checkpoint), and the part since the last call
    // of takeRecentSeconds() (for a rate over the last stretch).
    double activeSeconds() const { return m_activeSeconds; }
    double takeRecentSeconds();

private:
    template <typename F>
    bool timed(F work);  // runs work(), counting its time as training time

    std::unique_ptr<Trainer> m_trainer;
    std::int64_t m_target;
    bool m_budgetAnnounced;
    double m_activeSeconds = 0;
    double m_recentSeconds = 0;
    QElapsedTimer m_timer;
};
