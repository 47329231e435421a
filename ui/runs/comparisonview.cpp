#include "runs/comparisonview.h"

#include "dashboard/sampleview.h"
#include "lab/lab2dview.h"
#include "widgets/widgetevents.h"

#include "data/dataset.h"
#include "data/synthetic2d.h"
#include "session/runsession.h"
#include "spec/classgrid.h"
#include "training/trainingcontroller.h"

#include <QLabel>
#include <QVBoxLayout>

ComparisonView::ComparisonView(QWidget *parent) : QWidget(parent), m_training(new TrainingController(this)), m_title(new QLabel(this))
{
    setObjectName(QStringLiteral("comparisonView"));
    m_title->setObjectName(QStringLiteral("comparisonTitle"));
    m_title->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_title);
    // The grid is drawn from the published copies (the session), not by the training thread.
    m_training->setSampleInterval(-1);
    connect(m_training, &TrainingController::snapshot, this, [this](const TrainingSnapshot &s) {
        if (!m_lab)
            return;
        if (!s.realPoints.empty())
            m_lab->setRealPoints(s.realPoints);
        if (s.samples.count > 0)
            m_samples->addSamples(s.step, s.samples);
        showTitle();
    });
    connect(m_training, &TrainingController::failed, this, [this](const QString &message) {
        m_title->setText(tr("The comparison run stopped: %1").arg(message));
    });
    widgetevents::retranslated(this, [this] { showTitle(); });
}

void ComparisonView::makeViews()
{
    if (m_lab)
        return;
    m_lab = new Lab2dView(this);
    m_samples = new SampleView(this);
    layout()->addWidget(m_lab);
    layout()->addWidget(m_samples);
    static_cast<QVBoxLayout *>(layout())->setStretch(1, 1);
    static_cast<QVBoxLayout *>(layout())->setStretch(2, 1);
    m_lab->tools()->hide();  // drawing edits the window's experiment, not this run's
    connect(m_lab, &Lab2dView::viewChanged, this, &ComparisonView::requestFrame);
}

ComparisonView::~ComparisonView()
{
    m_session.reset();
    m_training->stop();
}

void ComparisonView::start(const ExperimentSpec &spec, const QString &change)
{
    stop();
    m_session.reset();  // the old comparison's threads end here
    makeViews();
    m_spec = spec;
    m_change = change;
    const bool twoD = spec.isTwoDimensional();
    m_lab->setVisible(twoD);
    m_samples->setVisible(!twoD);
    m_lab->clear();
    m_samples->clear();
    std::vector<std::array<double, 2>> modes;
    double sigma = 0;
    if (spec.data.kind == DataKind::Synthetic2D)
        synthetic2d::modes(spec.data.synthetic, &modes, &sigma);
    m_lab->setModes(modes, sigma);
    m_lab->setClasses(twoD ? datasets::classLabels(spec) : QStringList());
    m_samples->setClasses(datasets::classLabels(spec), classgrid::labels(spec));
    if (spec.data.kind == DataKind::Drawn2D)
        m_lab->setRealPoints(spec.data.points, false);
    m_session = std::make_unique<RunSession>(spec, m_training);
    RunSession *session = m_session.get();
    connect(session, &RunSession::gridRendered, m_samples, [this](qint64 step, const SampleBatch &samples) { m_samples->addSamples(step, samples); });
    connect(session, &RunSession::labCopiesChanged, this, &ComparisonView::requestFrame);
    connect(session, &RunSession::labFrame, m_lab, &Lab2dView::showFrame);
    if (!m_training->start(spec))
        m_title->setText(tr("The comparison run cannot start while the previous one is stopping; try again."));
    else
        emit started(m_training, session, spec, tr("B: %1").arg(change));
    showTitle();
}

void ComparisonView::stop()
{
    if (m_training->isActive())
        m_training->stop();
}

void ComparisonView::followState(int state)
{
    // Pauses need nothing: the runs take turns, so a paused window run holds this one at its step.
    if (TrainingController::State(state) == TrainingController::State::Idle && m_training->isActive())
        m_training->stop();
}

void ComparisonView::setSpeed(double stepsPerSecond) { m_training->setSpeed(stepsPerSecond); }

void ComparisonView::setTitleColor(const QColor &color)
{
    m_title->setStyleSheet(QStringLiteral("QLabel { border-left: 6px solid %1; padding-left: 4px; }").arg(color.name()));
}

void ComparisonView::requestFrame()
{
    if (m_session && m_lab && m_lab->isVisible())
        m_session->requestLabFrame(m_lab->request());
}

void ComparisonView::showTitle()
{
    if (m_change.isEmpty()) {
        m_title->setText(tr("Training > Compare With... trains the experiment with one change beside the window's run, "
                            "and shows it here."));
        return;
    }
    m_title->setText(tr("B: the experiment with %1 (the window's run is A; the plots draw B in this colour)").arg(m_change));
}
