#include "latentrenderer.h"

#include <QCoreApplication>
#include <ATen/Parallel.h>

#include "joiningthread.h"

#include <condition_variable>
#include <map>
#include <mutex>

namespace {
// Messages a user reads: translated (context "LatentRenderer").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(LatentRenderer)
};
}  // namespace

struct LatentRenderer::Impl {
    struct Request {
        quint64 number = 0;
        std::vector<float> latents;
        int count = 0;
    };
    std::mutex mutex;
    std::condition_variable wake;
    std::map<int, Request> pending;  // newest request per channel
    std::shared_ptr<GeneratorCopy> next;  // handed over to the thread at its next render
    bool hasGenerator = false;
    bool quit = false;
    quint64 lastNumber = 0;
    int renders = 0;
    int channels = 0;  // handed out by newChannel()

    JoiningThread thread;  // last: stops and joins before the rest goes
};

LatentRenderer::LatentRenderer(QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    qRegisterMetaType<SampleBatch>();
    Impl *m = d.get();
    d->thread.start([this, m] {
        // One core is the training run's, one the window's: a render must not fan out over both.
        at::set_num_threads(1);
        std::shared_ptr<GeneratorCopy> generator;
        for (;;) {
            int channel = 0;
            Impl::Request job;
            {
                std::unique_lock<std::mutex> lock(m->mutex);
                m->wake.wait(lock, [m] { return m->quit || (!m->pending.empty() && (m->next || m->hasGenerator)); });
                if (m->quit)
                    return;
                if (m->next)
                    generator = std::move(m->next);
                if (!generator)
                    continue;
                auto first = m->pending.begin();
                channel = first->first;
                job = std::move(first->second);
                m->pending.erase(first);
                ++m->renders;
            }
            SampleBatch samples;
            QString error;
            try {
                samples = generator->generate(job.latents, job.count);  // reports torch's errors as values
                error = generator->error();
            } catch (...) {
                error = Text::tr("cannot render: unexpected error");  // nothing may leave this thread
            }
            if (samples.count == 0)
                emit failed(channel, error);
            else
                emit rendered(channel, job.number, samples, qint64(generator->step()));
        }
    }, QStringLiteral("latent renderer"), [m] {
        {
            std::lock_guard<std::mutex> lock(m->mutex);
            m->quit = true;
            m->pending = {};
        }
        m->wake.notify_all();
    });
}

LatentRenderer::~LatentRenderer() = default;  // Impl's thread handle stops and joins the thread

int LatentRenderer::newChannel()
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->channels++;
}

void LatentRenderer::setGenerator(std::shared_ptr<GeneratorCopy> generator)
{
    if (!generator)
        return;
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        d->next = std::move(generator);
        d->hasGenerator = true;
    }
    d->wake.notify_all();
}

bool LatentRenderer::hasGenerator() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->hasGenerator;
}

quint64 LatentRenderer::request(int channel, std::vector<float> latents, int count)
{
    quint64 number;
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        number = ++d->lastNumber;
        d->pending[channel] = Impl::Request{number, std::move(latents), count};
    }
    d->wake.notify_all();
    return number;
}

int LatentRenderer::renderCount() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->renders;
}
