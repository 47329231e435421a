#include "session/runsession.h"

#include "eval/directionfinder.h"
#include "eval/labrenderer.h"
#include "training/backgroundjob.h"
#include "training/latentrenderer.h"
#include "training/trainingcontroller.h"

RunSession::RunSession(const ExperimentSpec &spec, TrainingController *training, QObject *parent)
    : QObject(parent),
      m_spec(spec),
      m_directions(std::make_shared<DirectionFinder>(spec.data, spec.seed, nullptr)),
      m_renderer(new LatentRenderer(this)),
      m_lab(new LabRenderer(this)),
      m_quality(new QualityRenderer(this)),
      m_finder(new BackgroundJob(this)),
      m_exporter(new BackgroundJob(this)),
      m_gridChannel(m_renderer->newChannel())
{
    connect(training, &TrainingController::snapshot, this, &RunSession::onSnapshot);
    connect(training, &TrainingController::generatorPublished, this, &RunSession::onGenerator);
    connect(training, &TrainingController::discriminatorPublished, this, [this](std::shared_ptr<DiscriminatorCopy> d) {
        m_discriminator = std::move(d);  // slow motion's D update publishes D alone: G stays
        emit labCopiesChanged();
    });
    connect(m_renderer, &LatentRenderer::rendered, this, [this](int channel, quint64, const SampleBatch &samples, qint64 step) {
        if (channel == m_gridChannel)
            emit gridRendered(step, samples);
    });
    connect(m_lab, &LabRenderer::computed, this, &RunSession::labFrame);
    connect(m_lab, &LabRenderer::failed, this, &RunSession::labFailed);
    connect(m_quality, &QualityRenderer::preparing, this, &RunSession::qualityPreparing);
    connect(m_quality, &QualityRenderer::ready, this, [this](quint64, const EvalClassifier::Info &info) { emit qualityReady(info); });
    // Kept with the run: its checkpoints save them, a resume shows them again.
    connect(m_quality, &QualityRenderer::measured, this, [this, training](const QualityRenderer::Measurement &m) {
        training->addQuality(m.record);
        emit qualityMeasured(m);
    });
    connect(m_quality, &QualityRenderer::failed, this, &RunSession::qualityFailed);
    connect(m_quality, &QualityRenderer::working, this, &RunSession::qualityWorking);
}

// The children's destructors (QObject's) cancel their work and join their threads.
RunSession::~RunSession() = default;

void RunSession::onSnapshot(const TrainingSnapshot &snapshot)
{
    if (!snapshot.quality.empty()) {
        m_qualityStep = snapshot.quality.back().step;  // the next measure comes at the next multiple
        emit qualityRestored(snapshot.quality);
    }
    if (!snapshot.data || m_data)
        return;
    m_data = snapshot.data;
    // A finder that knows the labels; jobs already running keep the one they were given.
    m_directions = std::make_shared<DirectionFinder>(m_spec.data, m_spec.seed, m_data);
    emit dataLoaded();
}

void RunSession::onGenerator(std::shared_ptr<GeneratorCopy> g)
{
    m_generator = g;
    m_renderer->setGenerator(g);
    const std::vector<float> &latents = g->evalLatents();
    const int count = g->latentDim() > 0 ? int(latents.size()) / g->latentDim() : 0;
    if (count > 0)
        m_renderer->request(m_gridChannel, latents, count, g->evalLabels());
    requestQuality();
    emit generatorChanged(g);
    emit labCopiesChanged();
}

void RunSession::requestLabFrame(const lab2d::Request &request)
{
    if (m_discriminator && m_generator && m_discriminator->step() == m_generator->step())
        m_lab->request(m_generator, m_discriminator, request);
}

void RunSession::setQualityInterval(int steps)
{
    if (steps == m_qualityInterval)
        return;
    m_qualityInterval = steps;
    m_qualityStep = -1;  // "never" to a number: the newest copy is measured now
    requestQuality();
}

void RunSession::requestQuality()
{
    const int every = m_qualityInterval;
    const std::shared_ptr<GeneratorCopy> &g = m_generator;
    // The first copy, then one in each new multiple of `every` steps (published copies come
    // about once a second, at whatever step the run has reached).
    if (!isImageRun() || !g || every <= 0 || (m_qualityStep >= 0 && g->step() / every <= m_qualityStep / every))
        return;
    if (!m_qualityStarted) {
        if (!m_data || m_data->kind != Dataset::Kind::Images)
            return;  // the measures get ready for the run's data with the first generator after it
        if (m_data->standIn)
            return;  // a run opened without its data: nothing to compare the samples with
        m_quality->start(m_spec, m_data);
        m_qualityStarted = true;
    }
    // A generator that has not trained is noise: its figures say nothing of the run (and its
    // class histogram, "100 % Bag", misleads). The measures get ready meanwhile.
    if (g->step() == 0)
        return;
    m_qualityStep = g->step();
    m_quality->request(g);
}

void RunSession::setModestMeasures(bool modest) { m_quality->setModest(modest); }

int RunSession::qualityMeasurementCount() const { return m_quality->measurementCount(); }
