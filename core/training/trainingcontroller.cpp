#include "trainingcontroller.h"

#include "joiningthread.h"
#include "errortext.h"
#include "queuedcall.h"

#include "data/dataset.h"
#include "rundriver.h"
#include "trainer.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <condition_variable>
#include <exception>
#include <mutex>
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
constexpr int kSampleGridCount = 64;     // the 8x8 grid
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
    };

    std::shared_ptr<Control> control = std::make_shared<Control>();
    State state = State::Idle;
    JoiningThread thread;  // last: stops and joins before the rest goes

    static void run(TrainingController *owner, std::shared_ptr<Control> c, ExperimentSpec spec, QString checkpoint);
};

namespace {
// Runs f in the controller's thread, unless the controller is gone by then.
template <typename F>
void post(QObject *owner, F f)
{
    queuedCall(owner, std::move(f));
}
}  // namespace

void TrainingController::Impl::run(TrainingController *owner, std::shared_ptr<Control> c, ExperimentSpec spec,
                                   QString checkpoint)
{
    auto fail = [owner](const QString &message) {
        post(owner, [owner, message] { emit owner->failed(message); });
    };
    auto setState = [owner](State s) { post(owner, [owner, s] { owner->setState(s); }); };

    std::unique_ptr<RunDriver> driver;
    try {
        int lastPercent = -1;
        QString error;
        std::unique_ptr<Trainer> opened = runsetup::open(spec, checkpoint, [&](double f) {
            const int percent = int(f * 100);
            if (percent == lastPercent)
                return;
            lastPercent = percent;
            post(owner, [owner, f] { emit owner->loadingProgress(f); });
        }, &error);
        if (!opened) {
            fail(error);
            setState(State::Idle);
            return;
        }
        driver = std::make_unique<RunDriver>(std::move(opened), spec.steps);
        Trainer *trainer = &driver->trainer();

        std::vector<StepRecord> pending;
        QElapsedTimer sinceSnapshot, sinceSamples, sincePublish;
        sinceSnapshot.start();
        sinceSamples.start();
        sincePublish.start();
        bool realSent = false;
        int sampleMs;
        {
            std::unique_lock lock(c->mutex);
            sampleMs = c->sampleMs;
        }

        auto flush = [&](bool withSamples) {
            TrainingSnapshot s;
            s.records.swap(pending);
            s.step = trainer->currentStep();
            s.targetSteps = spec.steps;
            s.elapsedSeconds = driver->activeSeconds();
            const double recent = driver->takeRecentSeconds();
            s.imagesPerSecond = recent > 0 ? double(spec.batchSize) * double(s.records.size()) / recent : 0;
            if (withSamples && sampleMs >= 0) {
                s.samples = trainer->sampleFixed(kSampleGridCount);
                sinceSamples.restart();
            }
            if (!realSent)
                s.data = trainer->sharedData();
            if (!realSent && trainer->data().kind == Dataset::Kind::Points) {
                const std::vector<float> &all = trainer->data().points;
                s.realPoints.assign(all.begin(), all.begin() + std::min<size_t>(all.size(), 2 * kRealPointCount));
            }
            realSent = true;
            sinceSnapshot.restart();
            post(owner, [owner, s = std::move(s)] { emit owner->snapshot(s); });
        };
        const bool twoD = trainer->data().kind == Dataset::Kind::Points;
        // Frozen copies for the renderers: D (2D data) and, unless only D changed, G.
        auto publish = [&](bool generatorToo = true) {
            std::shared_ptr<GeneratorCopy> g = generatorToo ? trainer->copyGenerator() : nullptr;
            std::shared_ptr<DiscriminatorCopy> dCopy = twoD ? trainer->copyDiscriminator() : nullptr;
            if (generatorToo)
                sincePublish.restart();
            post(owner, [owner, g, dCopy] {
                if (dCopy)
                    emit owner->discriminatorPublished(dCopy);
                if (g)
                    emit owner->generatorPublished(g);
            });
        };

        bool announcedPaused = false;
        if (driver->budgetReached()) {  // resumed at or past its budget: wait to be told
            std::unique_lock lock(c->mutex);
            c->paused = true;
        }
        // A resumed run's first snapshot carries the steps of its checkpoint, so the plots and
        // the CSV export show the whole run, not only what follows the resume.
        pending = trainer->history();
        flush(true);
        publish();
        bool first = true;
        QString failure;  // set when a step fails; the run ends after a last snapshot
        for (;;) {
            bool stop = false, paused = false, single = false, slow = false;
            QStringList saves;
            {
                std::unique_lock lock(c->mutex);
                while (!c->stop && c->saves.isEmpty() && c->paused && announcedPaused && c->stepRequests == 0
                       && c->substepRequests == 0)
                    c->wake.wait(lock);
                stop = c->stop;
                saves.swap(c->saves);
                paused = c->paused;
                if (paused && c->stepRequests > 0) {
                    --c->stepRequests;
                    single = true;
                } else if (paused && c->substepRequests > 0) {
                    --c->substepRequests;
                    slow = true;
                }
                if (!paused)
                    c->substepRequests = 0;  // slow motion ends when the run goes on
            }
            for (const QString &path : saves) {
                const QString error = trainer->saveCheckpoint(path);
                if (!error.isEmpty()) {
                    // A full disk or a lost folder: the run waits until the person has seen why.
                    std::unique_lock lock(c->mutex);
                    c->paused = true;
                    paused = true;
                }
                const qint64 at = error.isEmpty() ? trainer->currentStep() : 0;
                post(owner, [owner, path, error, at] { emit owner->checkpointSaved(path, error, at); });
            }
            if (stop)
                break;
            if (first || paused != announcedPaused) {
                if (paused && !first) {
                    flush(true);
                    publish();
                }
                setState(paused ? State::Paused : State::Running);
                announcedPaused = paused;
                first = false;
            }
            if (paused && !single && !slow)
                continue;

            StepRecord r;
            if (slow) {
                SubstepReport report;
                if (!driver->substep(&report, &failure))
                    break;
                post(owner, [owner, report] { emit owner->substepDone(report); });
                // The heatmap shows the updated D (G is unchanged until the last substep).
                if (report.substep == Substep::DiscriminatorUpdate && twoD)
                    publish(false);
                if (!report.complete)
                    continue;
                r = report.record;
            } else if (!driver->step(&r, &failure)) {
                break;
            }
            pending.push_back(r);
            if (driver->budgetJustReached()) {
                {
                    std::unique_lock lock(c->mutex);
                    c->paused = true;
                }
                const qint64 at = trainer->currentStep();
                post(owner, [owner, at] { emit owner->budgetReached(at); });
            }
            int snapshotMs;
            {
                std::unique_lock lock(c->mutex);
                snapshotMs = c->snapshotMs;
                sampleMs = c->sampleMs;
            }
            if (single || slow) {
                flush(true);
                publish();
            } else if (sinceSnapshot.elapsed() >= snapshotMs) {
                flush(sinceSamples.elapsed() >= sampleMs);
                if (sincePublish.elapsed() >= (twoD ? kTwoDPublishMs : kGeneratorPublishMs))
                    publish();
            }
        }
        // A step left half done in slow motion is undone: the run ends at the last whole step.
        trainer->abandonStep();
        // The last steps and samples, then the reason the run ended if it failed.
        flush(true);
        publish();
        if (!failure.isEmpty())
            fail(failure);
    } catch (const std::bad_alloc &) {
        // Exceptions never leave the thread: they become a message.
        fail(Text::tr("training stopped at step %1: out of memory; make the batch, the layers or the images smaller")
                 .arg(driver ? driver->trainer().currentStep() + 1 : 0));
    } catch (const std::exception &e) {
        fail(Text::tr("training stopped: %1").arg(errorText(e)));
    } catch (...) {
        fail(Text::tr("training stopped on an unknown error"));
    }
    setState(State::Idle);
}

TrainingController::TrainingController(QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    qRegisterMetaType<TrainingSnapshot>();
    qRegisterMetaType<SubstepReport>();
    qRegisterMetaType<std::shared_ptr<GeneratorCopy>>();
    qRegisterMetaType<std::shared_ptr<DiscriminatorCopy>>();
    qRegisterMetaType<TrainingController::State>();
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

bool TrainingController::start(const ExperimentSpec &spec, const QString &checkpoint, bool paused)
{
    if (d->state != State::Idle)
        return false;
    d->thread.finish();
    auto c = std::make_shared<Impl::Control>();
    {
        std::unique_lock lock(d->control->mutex);
        c->snapshotMs = d->control->snapshotMs;
        c->sampleMs = d->control->sampleMs;
    }
    c->paused = paused;
    d->control = c;
    setState(State::Loading);
    d->thread.start([this, c, spec, checkpoint] { Impl::run(this, c, spec, checkpoint); }, QStringLiteral("training"), [c] {
        {
            std::unique_lock lock(c->mutex);
            c->stop = true;
        }
        c->wake.notify_all();
    });
    return true;
}

void TrainingController::pause()
{
    std::unique_lock lock(d->control->mutex);
    d->control->paused = true;
}

void TrainingController::resume()
{
    {
        std::unique_lock lock(d->control->mutex);
        d->control->paused = false;
    }
    d->control->wake.notify_all();
}

void TrainingController::step()
{
    {
        std::unique_lock lock(d->control->mutex);
        if (!d->control->paused)
            return;
        ++d->control->stepRequests;
    }
    d->control->wake.notify_all();
}

void TrainingController::substep()
{
    {
        std::unique_lock lock(d->control->mutex);
        if (!d->control->paused)
            return;
        ++d->control->substepRequests;
    }
    d->control->wake.notify_all();
}

void TrainingController::stop()
{
    {
        std::unique_lock lock(d->control->mutex);
        d->control->stop = true;
    }
    d->control->wake.notify_all();
}

void TrainingController::saveCheckpoint(const QString &path)
{
    if (d->state == State::Idle) {
        emit checkpointSaved(path, tr("no training run is active; start or resume one before saving a checkpoint"));
        return;
    }
    {
        std::unique_lock lock(d->control->mutex);
        d->control->saves.append(path);
    }
    d->control->wake.notify_all();
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
