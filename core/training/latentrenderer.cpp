#include "latentrenderer.h"

#include "latestworker.h"

#include <QCoreApplication>

#include <mutex>

namespace {
// Messages a user reads: translated (context "LatentRenderer").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(LatentRenderer)
};
}  // namespace

struct LatentRenderer::Impl {
    mutable std::mutex mutex;
    std::shared_ptr<GeneratorCopy> generator;  // the newest; a render takes it when it starts
    int channels = 0;                          // handed out by newChannel()

    // One intra-op thread: one core is the training run's, one the window's.
    LatestWorker worker{QStringLiteral("latent renderer")};  // last: joins before the rest goes

    std::shared_ptr<GeneratorCopy> newest() const
    {
        std::lock_guard<std::mutex> lock(mutex);
        return generator;
    }
};

LatentRenderer::LatentRenderer(QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    qRegisterMetaType<SampleBatch>();
}

LatentRenderer::~LatentRenderer() = default;  // the worker drops pending work and joins its thread

int LatentRenderer::newChannel()
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->channels++;
}

void LatentRenderer::setGenerator(std::shared_ptr<GeneratorCopy> generator)
{
    if (!generator)
        return;
    std::lock_guard<std::mutex> lock(d->mutex);
    d->generator = std::move(generator);
}

bool LatentRenderer::hasGenerator() const { return d->newest() != nullptr; }

quint64 LatentRenderer::request(int channel, std::vector<float> latents, int count, std::vector<int> labels)
{
    return post(channel, [latents = std::move(latents), count, labels = std::move(labels)](const GeneratorCopy &g, QString *error) {
        return g.generate(latents, count, error, labels);
    });
}

quint64 LatentRenderer::requestBetween(int channel, std::vector<float> latents, int count, int from, int to, std::vector<float> t)
{
    return post(channel, [latents = std::move(latents), count, from, to, t = std::move(t)](const GeneratorCopy &g, QString *error) {
        return g.generateBetween(latents, count, from, to, t, error);
    });
}

quint64 LatentRenderer::post(int channel, std::function<SampleBatch(const GeneratorCopy &, QString *)> render)
{
    LatestWorker::Post post;
    post.slot = channel;
    return d->worker.post([this, channel, render = std::move(render)](const LatestWorker::Context &job) {
        const std::shared_ptr<GeneratorCopy> generator = d->newest();
        if (!generator)
            return;  // none yet: the explorer asks again when one arrives
        SampleBatch samples;
        QString error;
        try {
            samples = render(*generator, &error);
        } catch (...) {
            error = Text::tr("cannot render: unexpected error");
        }
        d->worker.deliver(this, job.generation, [this, channel, number = job.number, samples = std::move(samples), error,
                                                 step = qint64(generator->step())] {
            if (samples.count == 0)
                emit failed(channel, error);
            else
                emit rendered(channel, number, samples, step);
        });
    }, post);
}

int LatentRenderer::renderCount() const { return d->worker.jobsRun(); }
