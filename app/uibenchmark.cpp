#include "uibenchmark.h"

#include "session/runsession.h"
#include "explorer/latentexplorer.h"
#include "quality/qualityplot.h"
#include "window/mainwindow.h"
#include "window/threadgovernor.h"

#include <QAction>
#include <QJsonArray>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSlider>
#include <QTextStream>

#include <algorithm>

namespace {
constexpr int kSliderMs = 50;  // a person dragging a slider produces moves about this often
constexpr int kQualityPhases = 4;
constexpr int kQualityEvery = 50;  // steps: often enough that the measures' rest is the limit

// What a person has: the window's actions by name, its views by type.
void trigger(MainWindow *window, const char *action)
{
    if (auto *a = window->findChild<QAction *>(QLatin1String(action)))
        a->trigger();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}
}  // namespace

UiBenchmark::UiBenchmark(MainWindow *window, Options options, QObject *parent)
    : QObject(parent), m_window(window), m_seconds(options.seconds), m_screenshot(std::move(options.screenshot)),
      m_sliders(options.sliders), m_threadMode(options.threads), m_governor(window->findChild<ThreadGovernor *>()),
      m_qualityAb(options.qualityAb)
{
    // The lateness is the governor's probe's (a 10 ms timer on the GUI thread while the run
    // trains, the reference): a second timer of its own would wake the window twice as
    // often and take that from the run it measures.
    connect(m_governor, &ThreadGovernor::ticked, this, &UiBenchmark::tick);
    m_slider.setInterval(kSliderMs);
    connect(&m_slider, &QTimer::timeout, this, &UiBenchmark::moveSlider);
}

void UiBenchmark::moveSlider()
{
    LatentExplorer *explorer = m_window->findChild<LatentExplorer *>();
    if (explorer->sliderCount() < 2)
        return;
    // A back-and-forth sweep over two dimensions, like a hand dragging.
    ++m_moves;
    const int v = (m_moves * 37) % 600 - 300;
    explorer->slider(m_moves % 2)->setValue(v);
}

void UiBenchmark::start()
{
    TrainingController *training = m_window->training();
    connect(training, &TrainingController::snapshot, this, [this](const TrainingSnapshot &s) {
        // Rates count from the first snapshot after loading, so data loading is not in them.
        if (m_firstStep < 0) {
            m_firstStep = s.step;
            m_firstElapsed = m_clock.nsecsElapsed() / 1e9;
            m_firstActive = s.elapsedSeconds;
        }
        m_lastActive = s.elapsedSeconds;
        m_lastStep = s.step;
        // Wall-clock time, so everything the run does besides its steps (snapshots, generator
        // copies for the window) counts against the rate, as it does for the command line.
        m_lastElapsed = m_clock.nsecsElapsed() / 1e9;
        if (m_qualityAb && !m_done) {
            const int phase = std::min(kQualityPhases - 1, int((m_lastElapsed - m_firstElapsed) / (m_seconds / kQualityPhases)));
            if (phase != m_phase)
                setPhase(phase);
        }
    });
    connect(training, &TrainingController::failed, this, [this](const QString &message) {
        QTextStream(stderr) << message << "\n";
        emit finished(1);
    });
    connect(training, &TrainingController::generatorPublished, this, [this] {
        if (m_sliders && !m_slider.isActive() && !m_done) {
            m_window->findChild<LatentExplorer *>()->takeLatencies();  // only the synthetic moves count
            m_slider.start();
        }
    });
    if (m_qualityAb)
        m_qualityInterval = m_window->findChild<QualityPlot *>()->interval();
    connect(m_window, &MainWindow::sessionStarted, this, [this](RunSession *session) {
        connect(session, &RunSession::qualityMeasured, this,
                [this](const QualityRenderer::Measurement &m) { m_qualitySeconds.push_back(m.seconds); });
    });
    if (m_threadMode) {
        m_keptMode = m_governor->mode();
        m_governor->setMode(*m_threadMode);
    }
    trigger(m_window, "startAction");
    m_clock.start();
    QTimer::singleShot(qint64(m_seconds * 1000), this, [this] {
        if (!m_done)
            finish();
    });
}

void UiBenchmark::setPhase(int phase)
{
    if (m_phase >= 0)
        m_phases.push_back({m_lastStep - m_phaseStep, m_lastElapsed - m_phaseElapsed});
    m_phase = phase;
    m_phaseStep = m_lastStep;
    m_phaseElapsed = m_lastElapsed;
    // The spin box, as a person would set it (the setting is remembered: restored at the end).
    m_window->findChild<QualityPlot *>()->setInterval(phase % 2 ? kQualityEvery : 0);
}

void UiBenchmark::tick(double lateMs)
{
    if (m_firstStep >= 0 && !m_done) {  // measure while training runs, not while the data loads
        m_lateness.push_back(std::max(0.0, lateMs));
        m_threadSum += m_governor->current();
    }
}

void UiBenchmark::finish()
{
    m_done = true;
    m_slider.stop();
    const std::vector<double> latency = m_window->findChild<LatentExplorer *>()->takeLatencies();
    const ExperimentSpec &spec = m_window->experiment();
    const double seconds = m_lastElapsed - m_firstElapsed;
    QJsonObject o;
    o[QStringLiteral("experiment")] = spec.name;
    o[QStringLiteral("threads")] = m_window->session() ? m_window->session()->spec().threads : 0;
    o[QStringLiteral("thread_policy")] = ThreadPolicy::key(m_governor->mode());
    o[QStringLiteral("threads_mean")] = m_lateness.empty() ? 0.0 : m_threadSum / double(m_lateness.size());
    if (m_keptMode)
        m_governor->setMode(*m_keptMode);
    o[QStringLiteral("steps")] = qint64(m_lastStep - std::max<std::int64_t>(0, m_firstStep));
    o[QStringLiteral("images_per_s")] = seconds > 0 ? double(spec.batchSize) * double(m_lastStep - m_firstStep) / seconds : 0.0;
    // Of the wall time, the share spent inside the steps: the rest is the loop's own work
    // between them (snapshots, copies for the window). The steps' own rate shows what the
    // window's threads cost the arithmetic.
    const double active = m_lastActive - m_firstActive;
    o[QStringLiteral("step_share_of_wall")] = seconds > 0 ? active / seconds : 0.0;
    o[QStringLiteral("images_per_step_second")] = active > 0 ? double(spec.batchSize) * double(m_lastStep - m_firstStep) / active : 0.0;
    o[QStringLiteral("event_loop_lateness_ms_p50")] = percentile(m_lateness, 0.50);
    o[QStringLiteral("event_loop_lateness_ms_p99")] = percentile(m_lateness, 0.99);
    o[QStringLiteral("event_loop_lateness_ms_max")] = m_lateness.empty() ? 0.0 : *std::max_element(m_lateness.begin(), m_lateness.end());
    o[QStringLiteral("probe_ticks")] = int(m_lateness.size());
    o[QStringLiteral("slider_to_image_ms_p50")] = percentile(latency, 0.50);
    o[QStringLiteral("slider_to_image_ms_p95")] = percentile(latency, 0.95);
    o[QStringLiteral("slider_moves")] = m_moves;
    o[QStringLiteral("slider_measured")] = int(latency.size());
    if (m_qualityAb) {
        setPhase(m_phase);  // closes the last phase
        QJsonArray rates;
        double on[2] = {0, 0}, off[2] = {0, 0};  // steps, seconds
        for (size_t i = 0; i < m_phases.size(); ++i) {
            const Phase &p = m_phases[i];
            rates.append(p.seconds > 0 ? double(spec.batchSize) * double(p.steps) / p.seconds : 0.0);
            double *sum = i % 2 ? on : off;
            sum[0] += double(p.steps);
            sum[1] += p.seconds;
        }
        o[QStringLiteral("quality_phase_images_per_s")] = rates;
        const double rateOn = on[1] > 0 ? on[0] / on[1] : 0, rateOff = off[1] > 0 ? off[0] / off[1] : 0;
        o[QStringLiteral("quality_cost")] = rateOff > 0 ? 1.0 - rateOn / rateOff : 0.0;
        auto *quality = m_window->findChild<QualityPlot *>();
        o[QStringLiteral("quality_measurements")] = m_window->session() ? m_window->session()->qualityMeasurementCount() : 0;
        const std::vector<QualityRecord> &records = quality->records();
        QJsonArray steps;
        for (const QualityRecord &r : records)
            steps.append(qint64(r.step));
        o[QStringLiteral("quality_steps")] = steps;
        o[QStringLiteral("quality_seconds_p50")] = percentile(m_qualitySeconds, 0.5);
        o[QStringLiteral("phase_seconds")] = m_seconds / kQualityPhases;
        quality->setInterval(m_qualityInterval);
    }
    QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
    if (m_window->training()->state() == TrainingController::State::Running)
        trigger(m_window, "pauseAction");  // the grid and the explorer hold still for the picture
    if (m_screenshot.isEmpty()) {
        trigger(m_window, "stopAction");
        emit finished(0);
        return;
    }
    // After the measurement: the explorer shows what a person would set up (grid sample 0,
    // an interpolation from sample 0 to sample 9), then the window is saved.
    LatentExplorer *explorer = m_window->findChild<LatentExplorer *>();
    explorer->pickSample(9);
    explorer->setEndpoint(1, explorer->latent());
    explorer->pickSample(0);
    explorer->setEndpoint(0, explorer->latent());
    explorer->setSpherical(true);
    QTimer::singleShot(1500, this, [this] {
        if (!m_window->grab().save(m_screenshot))
            QTextStream(stderr) << "cannot write " << m_screenshot << "\n";
        trigger(m_window, "stopAction");
        emit finished(0);
    });
}
