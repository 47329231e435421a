#include "labrenderer.h"

#include "training/latestworker.h"

#include <QCoreApplication>

namespace {
// Messages a user reads: translated (context "LabRenderer").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(LabRenderer)
};
}  // namespace

struct LabRenderer::Impl {
    LatestWorker worker{QStringLiteral("2D lab")};  // one intra-op thread: the run and the window have the cores
};

LabRenderer::LabRenderer(QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    qRegisterMetaType<lab2d::Frame>();
}

LabRenderer::~LabRenderer() = default;  // the worker drops pending work and joins its thread

void LabRenderer::request(std::shared_ptr<GeneratorCopy> g, std::shared_ptr<DiscriminatorCopy> dCopy, const lab2d::Request &request)
{
    if (!g || !dCopy)
        return;
    d->worker.post([this, g = std::move(g), dCopy = std::move(dCopy), request](const LatestWorker::Context &job) {
        QString error;
        lab2d::Frame frame;
        try {
            frame = lab2d::compute(*g, *dCopy, request, &error);
        } catch (...) {
            error = Text::tr("cannot draw the 2D lab: unexpected error");
        }
        d->worker.deliver(this, job.generation, [this, frame = std::move(frame), error] {
            if (frame.ok())
                emit computed(frame);
            else
                emit failed(error);
        });
    });
}

int LabRenderer::frameCount() const { return d->worker.jobsRun(); }
