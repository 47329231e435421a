#include "dashboard/dashboard.h"

#include "dashboard/sampleview.h"
#include "dashboard/trainingplots.h"
#include "explorer/latentexplorer.h"
#include "lab/lab2dview.h"
#include "lab/measuresplot.h"
#include "quality/classhistogram.h"
#include "quality/qualityplot.h"
#include "slowmotion/batchoverlay.h"
#include "slowmotion/slowmotionpanel.h"
#include "widgets/widgetevents.h"

#include "data/synthetic2d.h"
#include "eval/qualityrenderer.h"
#include "eval/labrenderer.h"
#include "training/latentrenderer.h"
#include "training/trainingcontroller.h"

#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QProgressBar>
#include <QScrollArea>
#include <QSlider>
#include <QSplitter>
#include <QThread>
#include <QStatusBar>

namespace {
// Shows `second`, the lower of a splitter's two widgets; when it was hidden, the two get shares
// `a` : `b` (weights: the splitter may not be laid out yet).
void reveal(QWidget *second, int a, int b)
{
    if (second->isVisibleTo(second->parentWidget()))
        return;
    second->show();
    static_cast<QSplitter *>(second->parentWidget())->setSizes({a, b});
}
}  // namespace

Dashboard::Dashboard(TrainingController *training, QMainWindow *window)
    : QObject(window),
      m_plots(new TrainingPlots(window)),
      m_samples(new SampleView(window)),
      m_renderer(new LatentRenderer(this)),
      m_explorer(new LatentExplorer(m_renderer, window)),
      m_samplesDock(new QDockWidget(window)),
      m_explorerDock(new QDockWidget(window)),
      m_labRenderer(new LabRenderer(this)),
      m_lab(new Lab2dView(window)),
      m_measures(new MeasuresPlot(window)),
      m_labDock(new QDockWidget(window)),
      m_slow(new SlowMotionPanel(window)),
      m_slowDock(new QDockWidget(window)),
      m_overlay(std::make_unique<BatchOverlay>(m_lab->plot())),
      m_quality(new QualityPlot(window)),
      m_histogram(new ClassHistogram(window)),
      m_qualityRenderer(new QualityRenderer(this)),
      m_stepLabel(new QLabel(window)),
      m_rateLabel(new QLabel(window)),
      m_timeLabel(new QLabel(window)),
      m_progress(new QProgressBar(window)),
      m_gridChannel(m_renderer->newChannel())
{
    auto *centre = new QSplitter(Qt::Vertical, window);
    centre->setObjectName(QStringLiteral("plotsSplit"));
    centre->addWidget(m_plots);
    centre->addWidget(m_quality);
    centre->setStretchFactor(0, 4);
    centre->setStretchFactor(1, 1);
    centre->setChildrenCollapsible(false);
    window->setCentralWidget(centre);
    m_quality->hide();  // image runs only
    m_samplesDock->setObjectName(QStringLiteral("samplesDock"));
    auto *samplesSplit = new QSplitter(Qt::Vertical, window);
    samplesSplit->addWidget(m_samples);
    samplesSplit->addWidget(m_histogram);
    samplesSplit->setStretchFactor(0, 3);
    samplesSplit->setStretchFactor(1, 2);
    samplesSplit->setChildrenCollapsible(false);
    m_samplesDock->setWidget(samplesSplit);
    m_histogram->hide();  // runs whose measures have classes
    window->addDockWidget(Qt::RightDockWidgetArea, m_samplesDock);
    m_explorerDock->setObjectName(QStringLiteral("latentDock"));
    // Scrollable, so that the dock can give up height to the lab (slow motion, small screens).
    auto *explorerScroll = new QScrollArea(window);
    explorerScroll->setWidgetResizable(true);
    explorerScroll->setFrameShape(QFrame::NoFrame);
    explorerScroll->setWidget(m_explorer);
    m_explorerDock->setWidget(explorerScroll);
    window->addDockWidget(Qt::RightDockWidgetArea, m_explorerDock);
    m_labDock->setObjectName(QStringLiteral("labDock"));
    auto *labSplit = new QSplitter(Qt::Vertical, window);
    labSplit->addWidget(m_lab);
    labSplit->addWidget(m_measures);
    labSplit->setStretchFactor(0, 3);
    labSplit->setStretchFactor(1, 2);
    m_labDock->setWidget(labSplit);
    window->addDockWidget(Qt::RightDockWidgetArea, m_labDock);
    window->tabifyDockWidget(m_samplesDock, m_labDock);
    m_samplesDock->raise();
    m_slowDock->setObjectName(QStringLiteral("slowMotionDock"));
    m_slowDock->setWidget(m_slow);
    window->addDockWidget(Qt::LeftDockWidgetArea, m_slowDock);
    m_slowDock->hide();  // until slow motion is asked for
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);

    connect(training, &TrainingController::snapshot, this, &Dashboard::onSnapshot);
    // Finding directions and exports take one core while training has the other.
    connect(training, &TrainingController::stateChanged, this, [this](TrainingController::State s) {
        m_explorer->setBackgroundThreads(s == TrainingController::State::Idle ? std::clamp(QThread::idealThreadCount(), 1, 4) : 1);
    });
    training->setSampleInterval(-1);  // the grid comes from the generator copies below
    connect(training, &TrainingController::generatorPublished, this, [this](std::shared_ptr<GeneratorCopy> g) {
        const std::vector<float> &latents = g->evalLatents();
        const int count = g->latentDim() > 0 ? int(latents.size()) / g->latentDim() : 0;
        m_explorer->setGenerator(g);  // hands the copy to the renderer
        if (count > 0)
            m_lastGridRequest = m_renderer->request(m_gridChannel, latents, count);
        requestQuality(g);
        m_labGenerator = std::move(g);
        requestLabFrame();
    });
    connect(m_qualityRenderer, &QualityRenderer::preparing, m_quality, &QualityPlot::setPreparing);
    connect(m_qualityRenderer, &QualityRenderer::ready, this, [this](quint64 run, const EvalClassifier::Info &info) {
        if (run != m_qualityRun)
            return;  // an earlier run's
        m_quality->setNetwork(info);
        if (info.classes > 0)
            reveal(m_histogram, 600, 320);  // the grid keeps most of the dock
    });
    connect(m_qualityRenderer, &QualityRenderer::measured, this, [this](const QualityRenderer::Measurement &m) {
        if (m.run != m_qualityRun)
            return;
        m_quality->addMeasurement(m.record, m.seconds);
        if (!m.classHistogram.empty())
            m_histogram->showCounts(m.classHistogram, m.record.step);
    });
    connect(m_qualityRenderer, &QualityRenderer::failed, m_quality, &QualityPlot::setProblem);
    connect(m_quality, &QualityPlot::intervalChanged, this, [this] {
        if (m_labGenerator)
            requestQuality(m_labGenerator);  // "never" to a number: the newest copy is measured now
    });
    connect(training, &TrainingController::discriminatorPublished, this, [this](std::shared_ptr<DiscriminatorCopy> d) {
        m_labDiscriminator = std::move(d);
        // Slow motion's D update publishes D alone: G is the one the lab already has.
        requestLabFrame();
    });
    connect(training, &TrainingController::substepDone, this, [this](const SubstepReport &r) {
        m_slow->showReport(r);
        if (!m_slowDock->isVisible())
            m_slowDock->show();
        m_slowDock->raise();
        m_overlay->show(r);
        if (!r.real.isImages() && !m_slowLaidOut) {
            // The batch, its arrows and its moves are small marks: give the lab the room.
            m_slowLaidOut = true;
            m_labDock->raise();
            auto *window = static_cast<QMainWindow *>(parent());
            if (m_explorerDock->isVisible() && m_labDock->height() < window->height() / 2)
                window->resizeDocks({m_labDock, m_explorerDock}, {window->height() * 3 / 4, window->height() / 4}, Qt::Vertical);
        }
    });
    connect(training, &TrainingController::stateChanged, this, [this](TrainingController::State s) {
        using State = TrainingController::State;
        m_slow->setRunState(s == State::Idle ? SlowMotionPanel::RunState::Idle
                            : s == State::Paused ? SlowMotionPanel::RunState::Paused
                                                 : SlowMotionPanel::RunState::Running);
        if (s != State::Paused)
            m_overlay->clear();  // the batch belongs to one step taken slowly
    });
    connect(m_labRenderer, &LabRenderer::computed, this, [this](const lab2d::Frame &frame) {
        if (m_labDiscriminator) {  // none between a new run's start and its first copy: drops the old run's frames
            m_lab->showFrame(frame);
            m_measures->addFrame(frame);
        }
    });
    connect(m_renderer, &LatentRenderer::rendered, this, [this](int channel, quint64 request, const SampleBatch &samples, qint64 step) {
        if (channel == m_gridChannel && request >= m_gridFloor)
            m_samples->addSamples(step, samples);
    });
    connect(m_samples, &SampleView::sampleClicked, m_explorer, &LatentExplorer::pickSample);
    // Scrubbing the samples' timeline back takes the 2D lab back to the same step.
    connect(m_samples->timeline(), &QSlider::valueChanged, this, [this](int value) {
        if (value == m_samples->timeline()->maximum())
            m_lab->followLatest();
        else
            m_lab->showStep(m_samples->currentStep());
    });
    connect(training, &TrainingController::loadingProgress, this, [this](double f) {
        m_status.loading = true;
        showStatus();
        m_progress->setValue(int(f * 100));
    });
    widgetevents::retranslated(window, [this] {
        m_samplesDock->setWindowTitle(tr("Samples"));
        m_explorerDock->setWindowTitle(tr("Latent Explorer"));
        m_labDock->setWindowTitle(tr("2D Lab"));
        m_slowDock->setWindowTitle(tr("Slow Motion"));
        showStatus();
    });
}

Dashboard::~Dashboard() = default;

void Dashboard::requestLabFrame()
{
    // Only while someone can see it: a closed or hidden lab costs nothing.
    if (m_labDiscriminator && m_labGenerator && m_labDiscriminator->step() == m_labGenerator->step() && m_lab->isVisible())
        m_labRenderer->request(m_labGenerator, m_labDiscriminator, m_lab->request());
}

void Dashboard::requestQuality(const std::shared_ptr<GeneratorCopy> &g)
{
    const int every = m_quality->interval();
    // The first copy, then one in each new multiple of `every` steps (published copies come
    // about once a second, at whatever step the run has reached).
    if (!m_imageRun || every <= 0 || (m_qualityStep >= 0 && g->step() / every <= m_qualityStep / every))
        return;
    if (m_qualityDataSet)
        m_qualityRun = m_qualityRenderer->start(m_qualitySpec, std::move(m_qualityDataSet));
    m_qualityStep = g->step();
    m_qualityRenderer->request(g);
}

void Dashboard::addStatusWidgets(QStatusBar *bar)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_stepLabel, m_rateLabel, m_timeLabel, m_progress})
        bar->addPermanentWidget(w);
}

void Dashboard::clear(const ExperimentSpec &spec)
{
    std::vector<std::array<double, 2>> modes;
    double sigma = 0;
    if (spec.data.kind == DataKind::Synthetic2D)
        synthetic2d::modes(spec.data.synthetic, &modes, &sigma);
    m_lab->setModes(modes, sigma);
    m_measures->clear();
    m_measures->setDataSet(spec.data.kind == DataKind::Synthetic2D ? specnames::synthetic(spec.data.synthetic) : QString(),
                           int(modes.size()));
    m_plots->clear();
    m_imageRun = !spec.isTwoDimensional();
    m_qualitySpec = spec;
    m_qualityStep = -1;
    m_qualityDataSet.reset();
    m_qualityRun = 0;
    m_qualityRenderer->stop();
    m_quality->clear();
    if (m_imageRun)
        reveal(m_quality, 640, 320);  // a third of the centre
    else
        m_quality->hide();
    m_histogram->clear();
    m_histogram->hide();
    m_samples->clear();
    m_explorer->clear();
    m_gridFloor = m_lastGridRequest + 1;
    m_lab->clear();
    m_labDiscriminator.reset();
    m_labGenerator.reset();
    m_overlay->clear();
    m_slow->clear();
    m_slowLaidOut = false;
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
}

void Dashboard::onSnapshot(const TrainingSnapshot &snapshot)
{
    m_plots->append(snapshot.records);
    m_slow->stepReached(snapshot.step);
    if (!snapshot.realPoints.empty()) {
        m_samples->setRealPoints(snapshot.realPoints);
        m_explorer->setRealPoints(snapshot.realPoints);
        m_lab->setRealPoints(snapshot.realPoints);
        m_labDock->raise();  // a 2D run: the lab is what to watch
    }
    if (snapshot.samples.count > 0)
        m_samples->addSamples(snapshot.step, snapshot.samples);
    if (snapshot.data)
        m_explorer->setData(m_qualitySpec.data, m_qualitySpec.seed, snapshot.data);  // class directions
    if (snapshot.data && snapshot.data->kind == Dataset::Kind::Images && m_imageRun) {
        // The run's data has arrived: the measures get ready for it on their own thread with
        // the first generator they are to measure (never, when they are off).
        m_qualityDataSet = snapshot.data;
        std::vector<int> counts;
        for (int label : snapshot.data->labels) {
            if (label >= int(counts.size()))
                counts.resize(size_t(label) + 1, 0);
            ++counts[size_t(label)];
        }
        m_histogram->setClasses(datasets::classNames(m_qualitySpec.data), counts);
    }
    m_status.step = snapshot.step;
    m_status.targetSteps = snapshot.targetSteps;
    if (snapshot.imagesPerSecond > 0)
        m_status.imagesPerSecond = snapshot.imagesPerSecond;
    m_status.seconds = int(snapshot.elapsedSeconds);
    m_status.loading = false;
    showStatus();
    m_progress->setValue(snapshot.targetSteps > 0 ? int(100 * snapshot.step / snapshot.targetSteps) : 0);
}

void Dashboard::showStatus()
{
    m_progress->setFormat(m_status.loading ? tr("loading data %p%") : QStringLiteral("%p%"));
    if (m_status.step < 0)
        return;
    m_stepLabel->setText(tr("step %1 of %2").arg(m_status.step).arg(m_status.targetSteps));
    if (m_status.imagesPerSecond > 0)
        m_rateLabel->setText(tr("%1 samples/s").arg(m_status.imagesPerSecond, 0, 'f', 0));
    m_timeLabel->setText(tr("%1:%2 training").arg(m_status.seconds / 60).arg(m_status.seconds % 60, 2, 10, QLatin1Char('0')));
}
