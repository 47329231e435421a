#include "eval/qualityrenderer.h"

#include "eval/qualitymeter.h"
#include "training/errortext.h"
#include "training/joiningthread.h"

#include <ATen/Parallel.h>

#include <QCoreApplication>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace {
// Messages a user reads: translated (context "QualityRenderer").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(QualityRenderer)
};

// Raised from the progress callback when the run the meter is for has gone.
struct Abandoned : std::exception {};

// The calling thread yields to every other thread of normal priority: the measures use time the
// training and the window leave. (QThread priorities do nothing for Linux's normal scheduler.)
void lowestPriority()
{
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 19);
#endif
}
}  // namespace

struct QualityRenderer::Impl {
    struct Setup {
        ExperimentSpec spec;
        std::shared_ptr<const Dataset> data;
    };
    std::mutex mutex;
    std::condition_variable wake;
    std::uint64_t run = 0;  // increases with every start() and stop(): older work is abandoned
    std::optional<Setup> setup;
    std::shared_ptr<GeneratorCopy> pending;
    std::chrono::steady_clock::time_point notBefore;
    bool quit = false;
    int measurements = 0;
    bool modest = true;

    JoiningThread thread;  // last: stops and joins before the rest goes
};

QualityRenderer::QualityRenderer(QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    qRegisterMetaType<EvalClassifier::Info>();
    qRegisterMetaType<QualityRenderer::Measurement>();
    Impl *m = d.get();
    d->thread.start([this, m] {
        at::set_num_threads(1);
        bool prioritySet = false;
        std::unique_ptr<QualityMeter> meter;
        std::uint64_t meterRun = 0;
        for (;;) {
            std::optional<Impl::Setup> setup;
            std::shared_ptr<GeneratorCopy> g;
            std::uint64_t run = 0;
            {
                std::unique_lock<std::mutex> lock(m->mutex);
                for (;;) {
                    if (m->quit)
                        return;
                    if (m->setup || (m->pending && meter && meterRun == m->run && std::chrono::steady_clock::now() >= m->notBefore))
                        break;
                    if (m->pending && meter && meterRun == m->run)
                        m->wake.wait_until(lock, m->notBefore);
                    else
                        m->wake.wait(lock);
                }
                run = m->run;
                if (!prioritySet && m->modest)
                    lowestPriority();
                prioritySet = true;
                if (m->setup) {
                    setup = std::move(m->setup);
                    m->setup.reset();
                } else {
                    g = std::move(m->pending);
                    m->pending.reset();
                }
            }
            auto current = [m, run] {
                std::lock_guard<std::mutex> lock(m->mutex);
                return m->run == run && !m->quit;
            };
            if (setup) {
                meter.reset();
                QString error;
                try {
                    QualityMeter::Options options;
                    options.count = kSamples;
                    options.kidSubsets = kKidSubsets;
                    meter = QualityMeter::create(setup->spec.data, setup->spec.seed, setup->data, options, {},
                                                 [this, &current](double f) {
                                                     if (!current())
                                                         throw Abandoned();
                                                     emit preparing(f);
                                                 },
                                                 &error);
                } catch (...) {
                    error = Text::tr("cannot prepare the image measures: unexpected error");  // nothing may leave this thread
                }
                if (!current()) {
                    meter.reset();  // abandoned (its error, if any, says so in other words)
                    continue;
                }
                meterRun = run;
                if (meter)
                    emit ready(run, meter->classifier().info());
                else
                    emit failed(error);
                continue;
            }
            const auto began = std::chrono::steady_clock::now();
            Measurement result;
            result.run = run;
            QString error;
            try {
                const SampleBatch samples = g->sample(kSamples, QualityMeter::kSampleSeed);
                if (samples.count == 0) {
                    error = g->error();
                } else {
                    const imagemeasures::Quality q = meter->measure(samples);
                    result.record = QualityMeter::record(g->step(), q);
                    result.classHistogram = q.classHistogram;
                }
            } catch (const std::exception &e) {
                error = Text::tr("cannot measure the samples of step %1: %2").arg(g->step()).arg(errorText(e));
            } catch (...) {
                error = Text::tr("cannot measure the samples of step %1: unexpected error").arg(g->step());
            }
            const auto took = std::chrono::steady_clock::now() - began;
            result.seconds = std::chrono::duration<double>(took).count();
            {
                std::lock_guard<std::mutex> lock(m->mutex);
                m->notBefore = std::chrono::steady_clock::now()
                               + std::chrono::duration_cast<std::chrono::steady_clock::duration>(took * (m->modest ? kRestFactor : 0.0));
                ++m->measurements;
            }
            if (!current())
                continue;
            if (error.isEmpty())
                emit measured(result);
            else
                emit failed(error);
        }
    }, QStringLiteral("image quality"), [m] {
        {
            std::lock_guard<std::mutex> lock(m->mutex);
            m->quit = true;
            m->setup.reset();
            m->pending.reset();
        }
        m->wake.notify_all();
    });
}

QualityRenderer::~QualityRenderer() = default;  // Impl's thread handle stops and joins the thread

std::uint64_t QualityRenderer::start(const ExperimentSpec &spec, std::shared_ptr<const Dataset> data)
{
    std::uint64_t run = 0;
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        run = ++d->run;
        d->setup = Impl::Setup{spec, std::move(data)};
        d->pending.reset();
        d->notBefore = {};
    }
    d->wake.notify_all();
    return run;
}

void QualityRenderer::stop()
{
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        ++d->run;
        d->setup.reset();
        d->pending.reset();
    }
    d->wake.notify_all();
}

void QualityRenderer::request(std::shared_ptr<GeneratorCopy> generator)
{
    if (!generator)
        return;
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        d->pending = std::move(generator);
    }
    d->wake.notify_all();
}

void QualityRenderer::setModest(bool modest)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    d->modest = modest;
}

int QualityRenderer::measurementCount() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->measurements;
}
