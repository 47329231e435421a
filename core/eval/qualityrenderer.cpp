#include "eval/qualityrenderer.h"

#include "eval/qualitymeter.h"
#include "training/errortext.h"
#include "training/latestworker.h"
#include "training/queuedcall.h"

#include <QCoreApplication>

#include <atomic>
#include <chrono>

namespace {
// Messages a user reads: translated (context "QualityRenderer").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(QualityRenderer)
};

// Raised from the progress callback when the run the meter is for has gone.
struct Abandoned : std::exception {};

enum Slot { kSetup, kMeasure };  // a new run's meter is made before anything is measured

// Says on the renderer's thread that a job started, and when it ends that it ended, however it
// ends.
class WorkingSignal {
public:
    explicit WorkingSignal(QualityRenderer *r) : m_r(r) { queuedCall(m_r, [r] { emit r->working(true); }); }
    ~WorkingSignal() { queuedCall(m_r, [r = m_r] { emit r->working(false); }); }
    WorkingSignal(const WorkingSignal &) = delete;
    WorkingSignal &operator=(const WorkingSignal &) = delete;

private:
    QualityRenderer *m_r;
};
}  // namespace

struct QualityRenderer::Impl {
    // Used by the worker's jobs only, so on its thread only.
    std::unique_ptr<QualityMeter> meter;
    quint64 meterGeneration = 0;
    std::atomic<int> measurements{0};

    LatestWorker worker{QStringLiteral("image quality")};  // last: joins before the rest goes
};

QualityRenderer::QualityRenderer(QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    qRegisterMetaType<EvalClassifier::Info>();
    qRegisterMetaType<QualityRenderer::Measurement>();
    setModest(true);
}

QualityRenderer::~QualityRenderer() = default;  // the worker drops pending work and joins its thread

std::uint64_t QualityRenderer::start(const ExperimentSpec &spec, std::shared_ptr<const Dataset> data)
{
    const quint64 run = d->worker.renew();
    LatestWorker::Post post;
    post.slot = kSetup;
    post.rests = false;
    d->worker.post([this, spec, data = std::move(data)](const LatestWorker::Context &job) {
        const WorkingSignal working(this);
        d->meter.reset();
        QString error;
        std::unique_ptr<QualityMeter> meter;
        try {
            QualityMeter::Options options;
            options.count = kSamples;
            options.kidSubsets = kKidSubsets;
            const ProgressFn progress = [this, &job](double f) {
                if (job.cancel)
                    throw Abandoned();
                d->worker.deliver(this, job.generation, [this, f] { emit preparing(f); });
            };
            meter = QualityMeter::create(spec.data, spec.seed, data, options, {}, progress, &error);
        } catch (const Abandoned &) {
            return;
        } catch (...) {
            error = Text::tr("cannot prepare the image measures: unexpected error");
        }
        if (job.cancel)
            return;  // abandoned (its error, if any, says so in other words)
        if (!meter) {
            d->worker.deliver(this, job.generation, [this, error] { emit failed(error); });
            return;
        }
        const EvalClassifier::Info info = meter->classifier().info();
        d->meter = std::move(meter);
        d->meterGeneration = job.generation;
        d->worker.deliver(this, job.generation, [this, run = job.generation, info] { emit ready(run, info); });
    }, post);
    return run;
}

void QualityRenderer::request(std::shared_ptr<GeneratorCopy> generator)
{
    if (!generator)
        return;
    LatestWorker::Post post;
    post.slot = kMeasure;
    d->worker.post([this, g = std::move(generator)](const LatestWorker::Context &job) {
        if (!d->meter || d->meterGeneration != job.generation)
            return;  // no meter for this run (it failed, or the run has gone)
        const WorkingSignal working(this);
        const auto began = std::chrono::steady_clock::now();
        Measurement result;
        result.run = job.generation;
        QString error;
        try {
            const SampleBatch samples = g->sample(kSamples, QualityMeter::kSampleSeed, &error);
            if (samples.count > 0) {
                const imagemeasures::Quality q = d->meter->measure(samples);
                result.record = QualityMeter::record(g->step(), q);
                result.classHistogram = q.classHistogram;
            }
        } catch (const std::exception &e) {
            error = Text::tr("cannot measure the samples of step %1: %2").arg(g->step()).arg(errorText(e));
        } catch (...) {
            error = Text::tr("cannot measure the samples of step %1: unexpected error").arg(g->step());
        }
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
        ++d->measurements;
        d->worker.deliver(this, job.generation, [this, result = std::move(result), error] {
            if (error.isEmpty())
                emit measured(result);
            else
                emit failed(error);
        });
    }, post);
}

void QualityRenderer::setModest(bool modest)
{
    d->worker.setRest(modest ? kRestFactor : 0.0);
    d->worker.setLowestPriority(modest);
}

int QualityRenderer::measurementCount() const
{
    return d->measurements;
}
