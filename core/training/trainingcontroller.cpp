#include "trainingcontroller.h"

#include "joiningthread.h"
#include "errortext.h"
#include "queuedcall.h"

#include "data/dataset.h"
#include "rundirectory.h"
#include "rundriver.h"
#include "spec/shapeinference.h"
#include "trainer.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>

#include <pthread.h>

namespace {
// Messages a user reads: translated (context "TrainingController").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(TrainingController)
};
}  // namespace

namespace {
constexpr int kDefaultSnapshotMs = 80;   // ~12 updates a second: smooth plots, little GUI work
constexpr int kDefaultSampleMs = 500;    // a sample grid costs a generator pass; twice a second is live enough
constexpr int kGeneratorPublishMs = 1000;  // a frozen generator costs a serialisation of its weights
constexpr int kTwoDPublishMs = 200;        // 2D nets are small; the 2D lab redraws 5 times a second
constexpr int kRealPointCount = 1000;    // enough to show a 2D set's shape in a scatter plot
}  // namespace

struct TrainingController::Impl {
    // Commands from the GUI thread to the training thread.
    struct Control {
        // std:: rather than QMutex and QWaitCondition: ThreadSanitizer (scripts/test --tsan)
        // sees pthread locks, but not the locking inside Qt's own QWaitCondition::wait.
        std::mutex mutex;
        std::condition_variable wake;
        bool stop = false;
        bool paused = false;
        int stepRequests = 0;
        int substepRequests = 0;
        QStringList saves;
        int snapshotMs = kDefaultSnapshotMs;
        int sampleMs = kDefaultSampleMs;  // < 0: snapshots carry no samples
        double stepsPerSecond = 0;        // the pace of a running run; 0: full speed
        int threads = 0;                  // intra-op threads of the steps; 0: the spec's
        std::vector<QualityRecord> quality;  // measures to keep with the run
        std::shared_ptr<StepTurns> turns;   // taking turns with another run (setTurns); null: alone
        int turn = 0;

        // Changes the commands under the lock, then wakes the training thread (a run waiting
        // while paused or for its next paced step looks at them at once).
        template <typename F>
        void tell(F change)
        {
            {
                std::unique_lock lock(mutex);
                change(*this);
            }
            wake.notify_all();
        }
    };

    std::shared_ptr<Control> control = std::make_shared<Control>();
    State state = State::Idle;
    JoiningThread thread;  // last: stops and joins before the rest goes

    static void run(TrainingController *owner, std::shared_ptr<Control> c, ExperimentSpec spec, QString checkpoint, bool reshuffle);
    static void follow(TrainingController *owner, std::shared_ptr<Control> c, ExperimentSpec spec, QString folder);
    struct Loop;
};

// The training thread's side of a run once its data and networks are loaded: it takes the
// commands, trains, and sends snapshots and network copies to the controller's thread.
struct TrainingController::Impl::Loop {
    Loop(TrainingController *owner, std::shared_ptr<Control> c, const ExperimentSpec &spec, RunDriver &driver)
        : m_owner(owner), m_c(std::move(c)), m_spec(spec), m_driver(driver), m_trainer(driver.trainer()),
          m_twoD(m_trainer.data().kind == Dataset::Kind::Points)
    {
        std::unique_lock lock(m_c->mutex);
        m_sampleMs = m_c->sampleMs;
        m_turns = m_c->turns;
        m_turn = m_c->turn;
    }

    // Until stopped or a step fails: the failure's message, or empty.
    QString run()
    {
        if (m_driver.budgetReached()) {  // resumed at or past its budget: wait to be told
            std::unique_lock lock(m_c->mutex);
            m_c->paused = true;
        }
        // A resumed run's first snapshot carries the steps of its checkpoint, so the plots and
        // the CSV export show the whole run, not only what follows the resume.
        m_pending = m_trainer.history();
        m_sinceSnapshot.start();
        m_sinceSamples.start();
        m_sincePublish.start();
        flush(true);
        publish();
        if (m_turns)
            m_turns->join(m_turn, m_trainer.currentStep());
        for (;;) {
            Command command = next();
            for (const QualityRecord &q : command.quality)
                m_trainer.addQuality(q);
            save(&command);
            if (command.stop)
                break;
            if (!m_announced || command.paused != m_paused)
                announce(command.paused);
            if (command.work == Work::Steps && !due())
                continue;  // waited for the pace; a command may have come meanwhile
            if (command.work == Work::Steps && m_turns && !m_driver.budgetReached() && !m_turns->mayStep(m_turn, m_trainer.currentStep())) {
                // Held by the other run for a while (paused, or much slower): shown where it
                // stands, as a paused run is, once a hold. Short waits of the turns are not.
                const auto now = std::chrono::steady_clock::now();
                if (!m_heldSince)
                    m_heldSince = now;
                if (!m_heldShown && now - *m_heldSince > std::chrono::milliseconds(kHeldShownMs)) {
                    flush(true);
                    publish();
                    m_heldShown = true;
                }
                continue;  // the other run's turn
            }
            m_heldSince.reset();
            m_heldShown = false;

            const int threads = command.threads > 0 ? command.threads : m_spec.threads;
            if (threads != m_trainer.threads())
                m_trainer.setThreads(threads);
            if (command.work != Work::None && !train(command.work))
                break;
            if (m_turns && command.work != Work::None)
                m_turns->reached(m_turn, m_trainer.currentStep(), m_driver.budgetReached());
        }
        if (m_turns)
            m_turns->leave(m_turn);
        // A step left half done in slow motion is undone: the run ends at the last whole step.
        m_trainer.abandonStep();
        // The last steps and samples; the caller then says why the run ended if it failed.
        flush(true);
        publish();
        return m_failure;
    }

private:
    enum class Work { None, Steps, OneStep, OneSubstep };
    struct Command {
        bool stop = false;
        bool paused = false;
        Work work = Work::None;
        int threads = 0;
        QStringList saves;
        std::vector<QualityRecord> quality;
    };

    // The next command; waits while paused (once that is announced) with nothing asked.
    Command next()
    {
        Command command;
        std::unique_lock lock(m_c->mutex);
        while (!m_c->stop && m_c->saves.isEmpty() && m_c->quality.empty() && m_c->paused && m_announced && m_paused && m_c->stepRequests == 0
               && m_c->substepRequests == 0)
            m_c->wake.wait(lock);
        command.stop = m_c->stop;
        command.saves.swap(m_c->saves);
        command.paused = m_c->paused;
        command.threads = m_c->threads;
        command.quality.swap(m_c->quality);
        if (!command.paused) {
            command.work = Work::Steps;
            m_c->substepRequests = 0;  // slow motion ends when the run goes on
        } else if (m_c->stepRequests > 0) {
            --m_c->stepRequests;
            command.work = Work::OneStep;
        } else if (m_c->substepRequests > 0) {
            --m_c->substepRequests;
            command.work = Work::OneSubstep;
        }
        return command;
    }

    // The checkpoints asked for, each answered. A failed one pauses the run: a full disk or a
    // lost folder waits until the person has seen why.
    void save(Command *command)
    {
        for (const QString &path : command->saves) {
            const QString error = m_trainer.saveCheckpoint(path);
            if (!error.isEmpty()) {
                std::unique_lock lock(m_c->mutex);
                m_c->paused = true;
                command->paused = true;
                if (command->work == Work::Steps)
                    command->work = Work::None;
            }
            const qint64 at = error.isEmpty() ? m_trainer.currentStep() : 0;
            post([owner = m_owner, path, error, at] { emit owner->checkpointSaved(path, error, at); });
        }
    }

    // At full speed, always; at a pace, once the next step is due. Until then it waits, and a
    // command (pause, stop, a save, another pace) ends the wait early: false.
    bool due()
    {
        using Clock = std::chrono::steady_clock;
        std::unique_lock lock(m_c->mutex);
        const double rate = m_c->stepsPerSecond;
        m_pace = rate;
        if (rate <= 0)
            return true;
        const auto interval = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / rate));
        const Clock::time_point now = Clock::now();
        // The first paced step, or one after a pause or a slower pace: no burst to catch up.
        if (!m_due || *m_due + interval < now)
            m_due = now;
        if (now < *m_due) {
            m_c->wake.wait_until(lock, *m_due);
            return false;
        }
        *m_due += interval;
        return true;
    }

    // Running or paused, as the commands now say; a run that pauses shows where it stands.
    void announce(bool paused)
    {
        if (paused && m_announced) {
            flush(true);
            publish();
        }
        post([owner = m_owner, paused] { owner->setState(paused ? State::Paused : State::Running); });
        m_paused = paused;
        m_announced = true;
    }

    // One step (or the next substep); false when it failed (m_failure says why).
    bool train(Work work)
    {
        StepRecord r;
        if (work == Work::OneSubstep) {
            SubstepReport report;
            if (!m_driver.substep(&report, &m_failure))
                return false;
            post([owner = m_owner, report] { emit owner->substepDone(report); });
            // The heatmap shows the updated D (G is unchanged until the last substep).
            if (report.substep == Substep::DiscriminatorUpdate && m_twoD)
                publish(false);
            if (!report.complete)
                return true;
            r = report.record;
        } else if (!m_driver.step(&r, &m_failure)) {
            return false;
        }
        m_pending.push_back(r);
        if (m_driver.budgetJustReached()) {
            {
                std::unique_lock lock(m_c->mutex);
                m_c->paused = true;
            }
            const qint64 at = m_trainer.currentStep();
            post([owner = m_owner, at] { emit owner->budgetReached(at); });
        }
        int snapshotMs;
        {
            std::unique_lock lock(m_c->mutex);
            snapshotMs = m_c->snapshotMs;
            m_sampleMs = m_c->sampleMs;
        }
        if (work != Work::Steps) {  // a step asked for alone is shown at once
            flush(true);
            publish();
        } else if (m_sinceSnapshot.elapsed() >= snapshotMs) {
            flush(m_sinceSamples.elapsed() >= m_sampleMs);
            // At a slow pace every step is shown, up to the usual rate of copies.
            const qint64 publishMs = m_twoD ? kTwoDPublishMs : kGeneratorPublishMs;
            const qint64 paceMs = m_pace > 0 ? qint64(1000 / m_pace) : publishMs;
            if (m_sincePublish.elapsed() >= std::min(publishMs, paceMs))
                publish();
        }
        return true;
    }

    // A snapshot of the steps since the last one (and fresh samples when asked and wanted).
    void flush(bool withSamples)
    {
        TrainingSnapshot s;
        s.records.swap(m_pending);
        s.step = m_trainer.currentStep();
        s.targetSteps = m_spec.steps;
        s.elapsedSeconds = m_driver.activeSeconds();
        const double recent = m_driver.takeRecentSeconds();
        s.imagesPerSecond = recent > 0 ? double(m_spec.batchSize) * double(s.records.size()) / recent : 0;
        if (withSamples && m_sampleMs >= 0) {
            s.samples = m_trainer.sampleFixed(m_trainer.fixedGridCount());
            m_sinceSamples.restart();
        }
        if (!m_realSent) {
            s.quality = m_trainer.qualityHistory();  // a resumed run's measures
            s.data = m_trainer.sharedData();
            if (m_twoD) {
                const std::vector<float> &all = m_trainer.data().points;
                s.realPoints.assign(all.begin(), all.begin() + std::min<size_t>(all.size(), 2 * kRealPointCount));
            }
            m_realSent = true;
        }
        m_sinceSnapshot.restart();
        post([owner = m_owner, s = std::move(s)] { emit owner->snapshot(s); });
    }

    // Frozen copies for the renderers: D (2D data) and, unless only D changed, G.
    void publish(bool generatorToo = true)
    {
        std::shared_ptr<GeneratorCopy> g = generatorToo ? m_trainer.copyGenerator() : nullptr;
        std::shared_ptr<DiscriminatorCopy> dCopy = m_twoD ? m_trainer.copyDiscriminator() : nullptr;
        if (generatorToo)
            m_sincePublish.restart();
        post([owner = m_owner, g, dCopy] {
            if (dCopy)
                emit owner->discriminatorPublished(dCopy);
            if (g)
                emit owner->generatorPublished(g);
        });
    }

    // Runs f in the controller's thread, unless the controller is gone by then.
    template <typename F>
    void post(F f)
    {
        queuedCall(m_owner, std::move(f));
    }

    TrainingController *m_owner;
    std::shared_ptr<Control> m_c;
    const ExperimentSpec &m_spec;
    RunDriver &m_driver;
    Trainer &m_trainer;
    const bool m_twoD;
    std::vector<StepRecord> m_pending;  // steps not yet in a snapshot
    QElapsedTimer m_sinceSnapshot, m_sinceSamples, m_sincePublish;
    int m_sampleMs = kDefaultSampleMs;
    bool m_realSent = false;   // the data went with a snapshot
    bool m_announced = false;  // the state has been announced; m_paused is it
    bool m_paused = false;
    double m_pace = 0;  // steps a second, as last read (0: full speed)
    std::shared_ptr<StepTurns> m_turns;  // shared with the other run of a comparison
    int m_turn = 0;
    bool m_heldShown = false;  // this hold by the other run was flushed and published
    std::optional<std::chrono::steady_clock::time_point> m_heldSince;  // when the other run began to hold this one
    static constexpr int kHeldShownMs = 400;
    std::optional<std::chrono::steady_clock::time_point> m_due;  // when the next paced step may go
    QString m_failure;
};

void TrainingController::Impl::run(TrainingController *owner, std::shared_ptr<Control> c, ExperimentSpec spec,
                                   QString checkpoint, bool reshuffle)
{
    auto fail = [owner](const QString &message) {
        queuedCall(owner, [owner, message] { emit owner->failed(message); });
    };
    std::unique_ptr<RunDriver> driver;
    try {
        int lastPercent = -1;
        QString error;
        std::int64_t trainedOn = -1;
        bool dataFailed = false;
        runsetup::OpenOptions options;
        options.reshuffle = reshuffle;
        options.trainedOn = &trainedOn;
        options.dataFailed = &dataFailed;
        std::unique_ptr<Trainer> opened = runsetup::open(spec, checkpoint, [&](double f) {
            const int percent = int(f * 100);
            if (percent == lastPercent)
                return;
            lastPercent = percent;
            queuedCall(owner, [owner, f] { emit owner->loadingProgress(f); });
        }, &error, options);
        if (!opened && !checkpoint.isEmpty() && (dataFailed || trainedOn > 0)) {
            // The data is gone, unreadable or of another size: the run's generator can still be
            // explored (unless the checkpoint is damaged too: then the first message stands).
            runsetup::OpenOptions without;
            without.withoutData = true;
            QString ignored;
            opened = runsetup::open(spec, checkpoint, {}, &ignored, without);
            if (opened) {
                c->tell([](Control &k) { k.paused = true; });
                queuedCall(owner, [owner, error, trainedOn] { emit owner->dataUnavailable(error, trainedOn); });
            }
        }
        if (!opened) {
            fail(error);
        } else {
            driver = std::make_unique<RunDriver>(std::move(opened), spec.steps);
            if (const QString failure = Loop(owner, c, spec, *driver).run(); !failure.isEmpty())
                fail(failure);
        }
    } catch (const std::bad_alloc &) {
        // Exceptions never leave the thread: they become a message.
        fail(Text::tr("training stopped at step %1: out of memory; make the batch, the layers or the images smaller")
                 .arg(driver ? driver->trainer().currentStep() + 1 : 0));
    } catch (const std::exception &e) {
        fail(Text::tr("training stopped: %1").arg(errorText(e)));
    } catch (...) {
        fail(Text::tr("training stopped on an unknown error"));
    }
    queuedCall(owner, [owner] { owner->setState(State::Idle); });
}

void TrainingController::Impl::follow(TrainingController *owner, std::shared_ptr<Control> c, ExperimentSpec spec, QString folder)
{
    constexpr qint64 kStatusEveryMs = 5000;  // a quiet run's status: its "no change for ..." moves on
    // The images the sample grids hold: the generator's output (the data may be on another machine).
    int channels = 0, side = 0;
    if (!spec.isTwoDimensional()) {
        const NetworkAnalysis g = ShapeInference::analyzeNetwork(spec.generator, NetworkRole::Generator, ShapeInference::generatorInput(spec));
        if (g.outShape.size() == 3 && g.outShape[1] == g.outShape[2]) {
            channels = int(g.outShape[0]);
            side = int(g.outShape[1]);
        }
    }
    RunFollower follower(folder, channels, side);
    const QString checkpointPath = RunDirectory(folder).checkpointPath();
    std::unique_ptr<Trainer> trainer;  // the newest checkpoint's networks
    FollowStatus last;
    QString checkpointProblem;  // the newest checkpoint would not load
    QElapsedTimer sinceStatus;
    bool firstSnapshot = true;
    QString knownRunId;  // run.json's, from the first look that found one
    for (bool firstLook = true;; firstLook = false) {
        {
            std::unique_lock lock(c->mutex);
            if (!firstLook)
                c->wake.wait_for(lock, std::chrono::milliseconds(kFollowPollMs), [&c] { return c->stop; });
            if (c->stop)
                break;
        }
        FollowStatus status;
        status.folder = folder;
        // The lock first, then the files: a writer seen gone had written everything before it
        // ended, so this look's rows are the run's last ones. (Read the other way round, a run
        // that ended between the two reads was reported ended at a step short of its last.)
        const RunFollower::Writer writer = follower.writer();  // the lock file, read once a look
        RunFollower::Update u;
        try {
            u = follower.poll();
        } catch (const std::exception &e) {  // a file system that fails under the reader
            u.problem = errorText(e);
        }
        // A new run in the folder (run.json names another run): what was read belongs to the
        // old one, so this following ends and the window starts again on the new run.
        const RunDirectory::RunInfo info = RunDirectory::readRunInfo(folder);  // run.json, read once a look
        if (knownRunId.isEmpty()) {
            knownRunId = info.runId;  // the run followed: the first one seen (the folder may have held none yet)
        } else if (!info.runId.isEmpty() && info.runId != knownRunId) {
            queuedCall(owner, [owner, folder] { emit owner->followedRunReplaced(folder); });
            break;
        }
        // The steps the writing command was asked for (the experiment's own before the command
        // writes run.json).
        const std::int64_t targetSteps = info.targetSteps > 0 ? info.targetSteps : spec.steps;
        std::int64_t shownStep = last.step;
        auto snapshot = [&] {
            TrainingSnapshot s;
            s.step = shownStep;
            s.targetSteps = targetSteps;
            s.elapsedSeconds = follower.trainingSeconds();
            return s;
        };
        auto emitSnapshot = [owner](TrainingSnapshot s) { queuedCall(owner, [owner, s = std::move(s)] { emit owner->snapshot(s); }); };
        // Snapshots in step order: each sample grid with the rows up to its step, then the rest.
        size_t next = 0;
        auto send = [&](std::int64_t upTo, SampleBatch grid) {
            TrainingSnapshot s = snapshot();
            while (next < u.records.size() && u.records[next].step <= upTo)
                s.records.push_back(u.records[next++]);
            double seconds = 0;
            for (const StepRecord &r : s.records)
                seconds += r.seconds;
            if (!s.records.empty())
                shownStep = s.records.back().step;
            s.step = std::max(shownStep, upTo == std::numeric_limits<std::int64_t>::max() ? shownStep : upTo);
            s.imagesPerSecond = seconds > 0 ? double(spec.batchSize) * double(s.records.size()) / seconds : 0;
            s.samples = std::move(grid);
            if (firstSnapshot || !s.records.empty() || s.samples.count > 0)
                emitSnapshot(std::move(s));
            firstSnapshot = false;
        };
        for (auto &[step, grid] : u.grids)
            send(step, std::move(grid));
        if (next < u.records.size() || firstLook)
            send(std::numeric_limits<std::int64_t>::max(), SampleBatch());
        if (!u.quality.empty()) {
            TrainingSnapshot s = snapshot();  // the measures, with no rows of their own
            s.quality = std::move(u.quality);
            emitSnapshot(std::move(s));
        }
        // The newest checkpoint's networks for the explorer, the grid and the 2D lab. The writer
        // replaces it atomically, so the file read is whole; one that does not load (another
        // experiment written into the folder since, a damaged file) is said and skipped.
        if (u.checkpointChanged) {
            ExperimentSpec saved;
            QString error = Trainer::readCheckpointSpec(checkpointPath, &saved);
            std::unique_ptr<Trainer> opened;
            if (error.isEmpty()) {
                runsetup::OpenOptions options;
                options.withoutData = !saved.isTwoDimensional();  // 2D data is made, not read: the lab shows it
                saved.threads = 1;
                try {
                    opened = runsetup::open(saved, checkpointPath, {}, &error, options);
                } catch (const std::exception &e) {
                    error = errorText(e);
                }
            }
            if (opened) {
                const bool first = !trainer;
                trainer = std::move(opened);
                if (first && trainer->data().kind == Dataset::Kind::Points) {
                    TrainingSnapshot s = snapshot();  // the real points, once
                    const std::vector<float> &all = trainer->data().points;
                    s.realPoints.assign(all.begin(), all.begin() + std::min<size_t>(all.size(), 2 * kRealPointCount));
                    emitSnapshot(std::move(s));
                }
                std::shared_ptr<GeneratorCopy> g = trainer->copyGenerator();
                std::shared_ptr<DiscriminatorCopy> d =
                    trainer->data().kind == Dataset::Kind::Points ? trainer->copyDiscriminator() : nullptr;
                queuedCall(owner, [owner, g, d] {
                    if (d)
                        emit owner->discriminatorPublished(d);
                    emit owner->generatorPublished(g);
                });
                checkpointProblem.clear();
            } else {
                checkpointProblem = Text::tr("%1: not shown (%2); the next checkpoint written there is tried").arg(checkpointPath, error);
            }
        }
        status.problem = u.problem.isEmpty() ? checkpointProblem : u.problem;
        status.writer = writer;
        status.state = follower.state(status.writer);
        status.step = follower.lastStep();
        status.checkpointStep = trainer ? trainer->currentStep() : 0;
        status.secondsSinceChange = follower.msSinceChange() / 1000;
        const bool changed = status.state != last.state || status.step != last.step || status.checkpointStep != last.checkpointStep
            || status.problem != last.problem || status.writer != last.writer;
        if (changed || !sinceStatus.isValid() || sinceStatus.elapsed() >= kStatusEveryMs) {
            sinceStatus.start();
            queuedCall(owner, [owner, status] { emit owner->followed(status); });
        }
        last = status;
    }
}

TrainingController::TrainingController(QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    qRegisterMetaType<TrainingSnapshot>();
    qRegisterMetaType<SubstepReport>();
    qRegisterMetaType<std::shared_ptr<GeneratorCopy>>();
    qRegisterMetaType<std::shared_ptr<DiscriminatorCopy>>();
    qRegisterMetaType<TrainingController::State>();
    qRegisterMetaType<FollowStatus>();
}

TrainingController::~TrainingController() = default;  // Impl's thread handle stops and joins the run

TrainingController::State TrainingController::state() const { return d->state; }

void TrainingController::setState(State s)
{
    if (s == State::Idle)
        d->thread.finish();  // the run has ended; its last queued results are already delivered
    if (d->state == s)
        return;
    d->state = s;
    emit stateChanged(s);
}

bool TrainingController::start(const ExperimentSpec &spec, const QString &checkpoint, bool paused, bool reshuffle)
{
    if (d->state != State::Idle)
        return false;
    d->thread.finish();
    auto c = std::make_shared<Impl::Control>();
    {
        std::unique_lock lock(d->control->mutex);
        c->snapshotMs = d->control->snapshotMs;
        c->sampleMs = d->control->sampleMs;
        c->stepsPerSecond = d->control->stepsPerSecond;
        c->turns = d->control->turns;
        c->turn = d->control->turn;
    }
    c->paused = paused;
    d->control = c;
    setState(State::Loading);
    d->thread.start([this, c, spec, checkpoint, reshuffle] { Impl::run(this, c, spec, checkpoint, reshuffle); }, QStringLiteral("training"), [c] { c->tell([](Impl::Control &k) { k.stop = true; }); });
    return true;
}

bool TrainingController::follow(const QString &folder, const ExperimentSpec &spec)
{
    if (d->state != State::Idle)
        return false;
    d->thread.finish();
    auto c = std::make_shared<Impl::Control>();
    d->control = c;
    setState(State::Following);
    d->thread.start(
        [this, c, spec, folder] {
            try {
                Impl::follow(this, c, spec, folder);
            } catch (const std::exception &e) {  // never leaves the thread
                const QString message = Text::tr("following %1 stopped: %2").arg(folder, errorText(e));
                queuedCall(this, [this, message] { emit failed(message); });
            } catch (...) {
                const QString message = Text::tr("following %1 stopped on an unknown error").arg(folder);
                queuedCall(this, [this, message] { emit failed(message); });
            }
            queuedCall(this, [this] { setState(State::Idle); });
        },
        QStringLiteral("follow"), [c] { c->tell([](Impl::Control &k) { k.stop = true; }); });
    return true;
}

void TrainingController::pause()
{
    d->control->tell([](Impl::Control &c) { c.paused = true; });
}

void TrainingController::resume()
{
    d->control->tell([](Impl::Control &c) { c.paused = false; });
}

void TrainingController::step()
{
    d->control->tell([](Impl::Control &c) {
        if (c.paused)
            ++c.stepRequests;
    });
}

void TrainingController::substep()
{
    d->control->tell([](Impl::Control &c) {
        if (c.paused)
            ++c.substepRequests;
    });
}

void TrainingController::stop()
{
    d->control->tell([](Impl::Control &c) { c.stop = true; });
}

void TrainingController::saveCheckpoint(const QString &path)
{
    if (d->state == State::Idle) {
        emit checkpointSaved(path, tr("no training run is active; start or resume one before saving a checkpoint"));
        return;
    }
    d->control->tell([&path](Impl::Control &c) { c.saves.append(path); });
}

void TrainingController::setSnapshotInterval(int milliseconds)
{
    std::unique_lock lock(d->control->mutex);
    d->control->snapshotMs = std::max(0, milliseconds);
}

void TrainingController::setSampleInterval(int milliseconds)
{
    std::unique_lock lock(d->control->mutex);
    d->control->sampleMs = milliseconds;
}

void TrainingController::addQuality(const QualityRecord &record)
{
    d->control->tell([&record](Impl::Control &c) { c.quality.push_back(record); });
}

void TrainingController::setTurns(std::shared_ptr<StepTurns> turns, int index)
{
    std::unique_lock lock(d->control->mutex);
    d->control->turns = std::move(turns);
    d->control->turn = index;
}

void TrainingController::setThreads(int threads)
{
    std::unique_lock lock(d->control->mutex);
    d->control->threads = std::max(0, threads);
}

void TrainingController::setSpeed(double stepsPerSecond)
{
    const double pace = std::isfinite(stepsPerSecond) ? std::max(0.0, stepsPerSecond) : 0.0;
    d->control->tell([pace](Impl::Control &c) { c.stepsPerSecond = pace; });  // a waiting run takes it now
}

double TrainingController::speed() const
{
    std::unique_lock lock(d->control->mutex);
    return d->control->stepsPerSecond;
}
