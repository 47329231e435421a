#include "dashboard/dashboard.h"

#include "dashboard/sampleview.h"
#include "dashboard/trainingplots.h"
#include "explorer/latentexplorer.h"
#include "lab/lab2dview.h"
#include "lab/measuresplot.h"
#include "quality/classhistogram.h"
#include "quality/qualityplot.h"
#include "slowmotion/slowmotionpanel.h"
#include "widgets/widgetevents.h"

#include "data/synthetic2d.h"
#include "spec/classgrid.h"
#include "session/datapreview.h"
#include "session/runsession.h"
#include "training/trainingcontroller.h"

#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMainWindow>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QThread>
#include <QTimer>
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
      m_training(training),
      m_plots(new TrainingPlots(window)),
      m_samples(new SampleView(window)),
      m_explorer(new LatentExplorer(window)),
      m_samplesDock(new QDockWidget(window)),
      m_explorerDock(new QDockWidget(window)),
      m_lab(new Lab2dView(window)),
      m_measures(new MeasuresPlot(window)),
      m_labDock(new QDockWidget(window)),
      m_slow(new SlowMotionPanel(window)),
      m_slowDock(new QDockWidget(window)),
      m_quality(new QualityPlot(window)),
      m_histogram(new ClassHistogram(window)),
      m_stepLabel(new QLabel(window)),
      m_rateLabel(new QLabel(window)),
      m_timeLabel(new QLabel(window)),
      m_progress(new QProgressBar(window)), m_followLabel(new QLabel(window))
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
    // A compared run's view (Compare With...) goes beside the window's own, in the same dock.
    m_samplesRow = new QSplitter(Qt::Horizontal, window);
    m_samplesRow->addWidget(samplesSplit);
    m_samplesDock->setWidget(m_samplesRow);
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
    m_labRow = new QSplitter(Qt::Horizontal, window);
    m_labRow->addWidget(labSplit);
    m_labDock->setWidget(m_labRow);
    window->addDockWidget(Qt::RightDockWidgetArea, m_labDock);
    window->tabifyDockWidget(m_samplesDock, m_labDock);
    m_samplesDock->raise();
    m_slowDock->setObjectName(QStringLiteral("slowMotionDock"));
    m_slowDock->setWidget(m_slow);
    window->addDockWidget(Qt::LeftDockWidgetArea, m_slowDock);
    m_slowDock->hide();  // until slow motion is asked for
    m_stepLabel->setObjectName(QStringLiteral("stepStatus"));
    m_rateLabel->setObjectName(QStringLiteral("rateStatus"));
    m_timeLabel->setObjectName(QStringLiteral("timeStatus"));
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_followLabel->setObjectName(QStringLiteral("followStatus"));
    m_followLabel->hide();  // while a run is followed
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);

    // Finding directions and exports take one core while training has the other.
    connect(training, &TrainingController::stateChanged, this, [this](TrainingController::State s) {
        m_explorer->setBackgroundThreads(s == TrainingController::State::Idle ? std::clamp(QThread::idealThreadCount(), 1, 4) : 1);
    });
    training->setSampleInterval(-1);  // the grid comes from the session's generator copies
    connect(m_quality, &QualityPlot::intervalChanged, this, [this] {
        if (m_session)
            m_session->setQualityInterval(m_quality->interval());
    });
    connect(training, &TrainingController::stateChanged, this, [this](TrainingController::State s) {
        using State = TrainingController::State;
        m_slow->setRunState(s == State::Idle || s == State::Following ? SlowMotionPanel::RunState::Idle
                            : s == State::Paused ? SlowMotionPanel::RunState::Paused
                                                 : SlowMotionPanel::RunState::Running);
        if (s != State::Paused)
            m_lab->clearBatch();  // the batch belongs to one step taken slowly
    });
    connect(m_samples, &SampleView::sampleClicked, m_explorer, &LatentExplorer::pickSample);
    connect(m_lab, &Lab2dView::viewChanged, this, &Dashboard::requestLabFrame);  // the heatmap of the new view
    // Scrubbing the samples' timeline back takes the 2D lab back to the same step.
    connect(m_samples->timeline(), &QSlider::valueChanged, this, [this](int value) {
        if (value == m_samples->timeline()->maximum())
            m_lab->followLatest();
        else
            m_lab->showStep(m_samples->currentStep());
    });
    widgetevents::retranslated(window, [this] {
        m_samplesDock->setWindowTitle(tr("Samples"));
        m_explorerDock->setWindowTitle(tr("Latent Explorer"));
        m_labDock->setWindowTitle(tr("2D Lab"));
        m_slowDock->setWindowTitle(tr("Slow Motion"));
        showStatus();
        showFollowStatus();
    });
}

Dashboard::~Dashboard() = default;

void Dashboard::requestLabFrame()
{
    // Only while someone can see it: a closed or hidden lab costs nothing.
    if (m_session && m_lab->isVisible())
        m_session->requestLabFrame(m_lab->request());
}

void Dashboard::showBeside(QWidget *view, bool twoD)
{
    QSplitter *row = twoD ? m_labRow : m_samplesRow;
    if (view->parentWidget() != row)
        row->addWidget(view);
    view->show();
    QDockWidget *dock = twoD ? m_labDock : m_samplesDock;
    dock->show();
    dock->raise();
    row->setSizes({row->width() / 2, row->width() / 2});
    // Two views want about twice the room of one.
    auto *window = static_cast<QMainWindow *>(parent());
    window->resizeDocks({dock}, {window->width() * 11 / 20}, Qt::Horizontal);
}

void Dashboard::addStatusWidgets(QStatusBar *bar)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_followLabel, m_stepLabel, m_rateLabel, m_timeLabel, m_progress})
        bar->addPermanentWidget(w);
}

void Dashboard::resetViews(const ExperimentSpec &spec)
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
    m_quality->clear();
    if (!spec.isTwoDimensional())
        reveal(m_quality, 640, 320);  // a third of the centre
    else
        m_quality->hide();
    m_histogram->clear();
    m_histogram->hide();
    m_samples->clear();
    m_samples->setClasses(datasets::classLabels(spec), classgrid::labels(spec));
    m_lab->clear();
    m_lab->setClasses(spec.isTwoDimensional() ? datasets::classLabels(spec) : QStringList());
    m_slow->clear();
    m_slowLaidOut = false;
    m_status = {};
    m_follow.reset();
    showFollowStatus();
    m_stepLabel->clear();
    m_rateLabel->clear();
    m_timeLabel->clear();
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    showStatus();
    layOut(spec.isTwoDimensional() ? Kind::TwoD : Kind::Images);
    // The experiment's real data, as soon as it is open; a run's own points replace them.
    // Drawn data are in the experiment itself (and the view stays where the drawing is).
    if (spec.data.kind == DataKind::Drawn2D)
        m_lab->setRealPoints(spec.data.points, false);
    else if (const std::vector<float> points = previewPoints(); !points.empty())
        m_lab->setRealPoints(points);
}

void Dashboard::showExperiment(const ExperimentSpec &spec)
{
    m_shownData = spec.data;
    m_explorer->setSession(nullptr);
    m_session.reset();  // its threads stop here; the run's own signals are ignored from now on
    m_lab->setLocked(false);  // another experiment's data: the view fits them
    resetViews(spec);
    if (!spec.isTwoDimensional())
        m_lab->setDrawing(false);  // no drawing on image data (the lab is not shown for it)
}

void Dashboard::startRun(const ExperimentSpec &spec)
{
    m_shownData = spec.data;
    resetViews(spec);
    startSession(spec);
}

void Dashboard::setDataPreview(DataPreview *preview)
{
    m_preview = preview;
    connect(preview, &DataPreview::changed, this, &Dashboard::showPreviewPoints);
}

std::vector<float> Dashboard::previewPoints() const
{
    // Drawn data are the lab's own (the window shows them as they are drawn, without refitting).
    if (!m_preview || m_preview->isLoading() || m_preview->followed().kind == DataKind::Drawn2D || m_kind != Kind::TwoD)
        return {};
    const std::shared_ptr<const Dataset> data = m_preview->data();
    return data && data->kind == Dataset::Kind::Points ? data->points : std::vector<float>();
}

void Dashboard::showPreviewPoints()
{
    // Before a run, the lab shows the experiment's real data as soon as they are loaded.
    if (m_session)
        return;
    if (const std::vector<float> points = previewPoints(); !points.empty())
        m_lab->setRealPoints(points);
}

namespace {
QString layoutKey(Dashboard::Kind kind)
{
    return kind == Dashboard::Kind::TwoD ? QStringLiteral("window/layout/2d") : QStringLiteral("window/layout/images");
}
}  // namespace

void Dashboard::rememberLayout() const
{
    if (m_kind != Kind::None)
        QSettings().setValue(layoutKey(m_kind), static_cast<QMainWindow *>(parent())->saveState());
}

void Dashboard::layOut(Kind kind)
{
    if (kind == m_kind)
        return;
    rememberLayout();
    m_kind = kind;
    auto *window = static_cast<QMainWindow *>(parent());
    const QByteArray saved = QSettings().value(layoutKey(kind)).toByteArray();
    if (!saved.isEmpty() && window->restoreState(saved)) {
        // The panels as they were left, but a new experiment opens on its description and
        // design, not on the Slow Motion tab beside them that the last run of this kind raised
        // (a slow-motion step raises it again).
        if (auto *design = window->findChild<QDockWidget *>(QStringLiteral("experimentDock")); design && design->isVisible())
            design->raise();
        return;
    }
    // The panels that fit the data: a 2D run is watched in the lab (the latent explorer adds
    // little to two numbers); an image run in the samples and the explorer (no lab).
    const bool twoD = kind == Kind::TwoD;
    m_labDock->setVisible(twoD);
    m_explorerDock->setVisible(!twoD);
    m_samplesDock->setVisible(true);
    (twoD ? m_labDock : m_samplesDock)->raise();
    // Once the window is laid out (at start it is not yet): the experiment gets a third of the
    // width, so that the designer's tables show whole layer names; the explorer needs the
    // height for its image, its buttons and its sliders together, the grid keeps the rest.
    QTimer::singleShot(0, this, [this, window, twoD] {
        if (auto *design = window->findChild<QDockWidget *>(QStringLiteral("experimentDock")); design && design->isVisible())
            window->resizeDocks({design, twoD ? m_labDock : m_samplesDock}, {window->width() * 36 / 100, window->width() * 3 / 10},
                                Qt::Horizontal);
        if (!twoD) {
            const int h = window->height();
            window->resizeDocks({m_samplesDock, m_explorerDock}, {h * 2 / 5, h * 3 / 5}, Qt::Vertical);
        }
    });
}

void Dashboard::startSession(const ExperimentSpec &spec)
{
    m_explorer->setSession(nullptr);
    m_session.reset();  // its threads stop here: nothing of the old run arrives after this
    m_session = std::make_unique<RunSession>(spec, m_training);
    RunSession *session = m_session.get();
    // The run's own reports reach the views while this session lives, and no longer: a run
    // that is still stopping after another experiment was opened reaches none.
    connect(m_training, &TrainingController::snapshot, session, [this](const TrainingSnapshot &s) { onSnapshot(s); });
    connect(m_training, &TrainingController::followed, session, [this](const FollowStatus &f) {
        if (!m_follow)
            m_quality->setExternal(true);  // its figures are the command line's
        m_follow = f;
        showFollowStatus();
    });
    connect(m_training, &TrainingController::substepDone, session, [this](const SubstepReport &r) { onSubstep(r); });
    connect(m_training, &TrainingController::loadingProgress, session, [this](double f) {
        m_status.loading = true;
        showStatus();
        m_progress->setValue(int(f * 100));
    });
    // Modest measures leave the cores to training. The setting "quality/modest" (no menu item)
    // turns that off for the tests and benchmarks that wait for the figures.
    session->setModestMeasures(QSettings().value(QStringLiteral("quality/modest"), true).toBool());
    session->setQualityInterval(m_quality->interval());
    connect(session, &RunSession::gridRendered, m_samples, [this](qint64 step, const SampleBatch &samples) {
        m_samples->addSamples(step, samples);
    });
    connect(session, &RunSession::labCopiesChanged, this, &Dashboard::requestLabFrame);
    connect(session, &RunSession::labFrame, this, [this](const lab2d::Frame &frame) {
        m_lab->showFrame(frame);
        m_measures->addFrame(frame);
    });
    connect(session, &RunSession::qualityPreparing, m_quality, &QualityPlot::setPreparing);
    connect(session, &RunSession::qualityReady, this, [this](const EvalClassifier::Info &info) {
        m_quality->setNetwork(info);
        if (info.classes > 0)
            reveal(m_histogram, 600, 320);  // the grid keeps most of the dock
    });
    connect(session, &RunSession::qualityMeasured, this, [this](const QualityRenderer::Measurement &m) {
        m_quality->addMeasurement(m.record, m.seconds);
        if (!m.classHistogram.empty())
            m_histogram->showCounts(m.classHistogram, m.record.step);
    });
    connect(session, &RunSession::qualityRestored, m_quality, &QualityPlot::restoreMeasurements);
    connect(session, &RunSession::qualityFailed, m_quality, &QualityPlot::setProblem);
    m_explorer->setSession(session);
    emit sessionStarted(session);
}

void Dashboard::onSubstep(const SubstepReport &r)
{
    m_slow->showReport(r);
    if (!m_slowDock->isVisible())
        m_slowDock->show();
    m_slowDock->raise();
    m_lab->showBatch(r);
    if (!r.real.isImages() && !m_slowLaidOut) {
        // The batch, its arrows and its moves are small marks: give the lab the room.
        m_slowLaidOut = true;
        m_labDock->raise();
        auto *window = static_cast<QMainWindow *>(parent());
        if (m_explorerDock->isVisible() && m_labDock->height() < window->height() / 2)
            window->resizeDocks({m_labDock, m_explorerDock}, {window->height() * 3 / 4, window->height() / 4}, Qt::Vertical);
    }
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
    if (snapshot.data && snapshot.data->kind == Dataset::Kind::Images && m_session->isImageRun()) {
        std::vector<int> counts;
        for (int label : snapshot.data->labels) {
            if (label >= int(counts.size()))
                counts.resize(size_t(label) + 1, 0);
            ++counts[size_t(label)];
        }
        m_histogram->setClasses(datasets::classNames(m_session->spec().data), counts);
    }
    m_status.step = snapshot.step;
    m_status.targetSteps = snapshot.targetSteps;
    if (snapshot.imagesPerSecond > 0)
        m_status.imagesPerSecond = snapshot.imagesPerSecond;
    m_status.seconds = int(snapshot.elapsedSeconds);
    m_status.loading = false;
    showStatus();
    m_progress->setValue(snapshot.targetSteps > 0 ? int(std::min<qint64>(100, 100 * snapshot.step / snapshot.targetSteps)) : 0);
}

void Dashboard::showFollowStatus()
{
    if (!m_follow) {
        m_followLabel->clear();
        m_followLabel->setToolTip(QString());
        m_followLabel->hide();
        return;
    }
    const FollowStatus &f = *m_follow;
    const QString name = QFileInfo(f.folder).fileName();
    QString text;
    switch (f.state) {
    case RunFollower::State::Waiting:
        text = tr("Following %1: waiting for its first step").arg(name);
        break;
    case RunFollower::State::Writing:
        text = f.checkpointStep > 0 ? tr("Following %1: being trained; networks of step %2").arg(name).arg(f.checkpointStep)
                                    : tr("Following %1: being trained; no checkpoint yet").arg(name);
        break;
    case RunFollower::State::Stale:
        text = tr("Following %1: no change for %2 min; its process may have stopped").arg(name).arg(f.secondsSinceChange / 60);
        break;
    case RunFollower::State::Ended:
        text = tr("Followed %1: ended at step %2 (no process writes it)").arg(name).arg(f.step);
        break;
    }
    if (!f.problem.isEmpty())
        text += QStringLiteral(" \u26a0");
    m_followLabel->setText(text);
    QString tip = QDir::toNativeSeparators(f.folder);
    if (f.writer == RunFollower::Writer::Elsewhere)
        tip += QLatin1Char('\n') + tr("Written by a process on another machine: it counts as stopped when nothing changes for %n minute(s).",
                                      nullptr, int(RunFollower::kStaleMs / 60000));
    if (!f.problem.isEmpty())
        tip += QLatin1Char('\n') + f.problem;
    m_followLabel->setToolTip(tip);
    m_followLabel->show();
}

void Dashboard::showStatus()
{
    m_progress->setFormat(m_status.loading ? tr("loading data %p%") : QStringLiteral("%p%"));
    if (m_status.step < 0)
        return;
    // Steps taken one at a time past the budget (Step, Slow Motion) are counted as such.
    m_stepLabel->setText(m_status.step <= m_status.targetSteps
                             ? tr("step %1 of %2").arg(m_status.step).arg(m_status.targetSteps)
                             : tr("step %1, %n past the budget of %2", nullptr, int(m_status.step - m_status.targetSteps))
                                   .arg(m_status.step)
                                   .arg(m_status.targetSteps));
    if (m_status.imagesPerSecond > 0)
        m_rateLabel->setText(tr("%1 samples/s").arg(m_status.imagesPerSecond, 0, 'f', 0));
    m_timeLabel->setText(tr("%1:%2 training").arg(m_status.seconds / 60).arg(m_status.seconds % 60, 2, 10, QLatin1Char('0')));
}
