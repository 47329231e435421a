#include "labrenderer.h"

#include <QCoreApplication>
#include <ATen/Parallel.h>

#include "training/joiningthread.h"

#include <condition_variable>
#include <mutex>

namespace {
// Messages a user reads: translated (context "LabRenderer").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(LabRenderer)
};
}  // namespace

struct LabRenderer::Impl {
    struct Job {
        std::shared_ptr<GeneratorCopy> g;
        std::shared_ptr<DiscriminatorCopy> d;
        lab2d::Request request;
    };
    std::mutex mutex;
    std::condition_variable wake;
    std::optional<Job> pending;
    bool quit = false;
    int frames = 0;

    JoiningThread thread;  // last: stops and joins before the rest goes
};

LabRenderer::LabRenderer(QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    qRegisterMetaType<lab2d::Frame>();
    Impl *m = d.get();
    d->thread.start([this, m] {
        at::set_num_threads(1);  // the training run and the window have the cores
        for (;;) {
            Impl::Job job;
            {
                std::unique_lock<std::mutex> lock(m->mutex);
                m->wake.wait(lock, [m] { return m->quit || m->pending; });
                if (m->quit)
                    return;
                job = std::move(*m->pending);
                m->pending.reset();
                ++m->frames;
            }
            QString error;
            lab2d::Frame frame;
            try {
                frame = lab2d::compute(*job.g, *job.d, job.request, &error);
            } catch (...) {
                error = Text::tr("cannot draw the 2D lab: unexpected error");  // nothing may leave this thread
            }
            if (frame.ok())
                emit computed(frame);
            else
                emit failed(error);
        }
    }, QStringLiteral("2D lab"), [m] {
        {
            std::lock_guard<std::mutex> lock(m->mutex);
            m->quit = true;
            m->pending = {};
        }
        m->wake.notify_all();
    });
}

LabRenderer::~LabRenderer() = default;  // Impl's thread handle stops and joins the thread

void LabRenderer::request(std::shared_ptr<GeneratorCopy> g, std::shared_ptr<DiscriminatorCopy> dCopy, const lab2d::Request &request)
{
    if (!g || !dCopy)
        return;
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        d->pending = Impl::Job{std::move(g), std::move(dCopy), request};
    }
    d->wake.notify_all();
}

int LabRenderer::frameCount() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->frames;
}
