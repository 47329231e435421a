#include "directionsshowcase.h"

#include "training/trainingcontroller.h"
#include "window/mainwindow.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QSlider>
#include <QTextStream>
#include <QTimer>

namespace {
constexpr int kSettleMs = 2500;  // the sweep's renders land and the window repaints before the picture
}  // namespace

DirectionsShowcase::DirectionsShowcase(MainWindow *window, LatentExplorer::Mode mode, int sweep, const QString &screenshot)
    : QObject(window), m_window(window), m_explorer(window->findChild<LatentExplorer *>()), m_mode(mode), m_sweep(sweep), m_screenshot(screenshot)
{
    // The explorer is what was asked for: it gets the right-hand side's whole height, the
    // samples a tab beside it.
    auto *samples = window->findChild<QDockWidget *>(QStringLiteral("samplesDock"));
    auto *explorer = window->findChild<QDockWidget *>(QStringLiteral("latentDock"));
    window->tabifyDockWidget(samples, explorer);
    explorer->raise();
    connect(window->training(), &TrainingController::generatorPublished, this, [this] {
        if (m_started)
            return;
        m_started = true;
        QTimer::singleShot(0, m_explorer, [this] {
            m_explorer->setMode(m_mode);
            if (m_mode == LatentExplorer::Mode::Pca || m_mode == LatentExplorer::Mode::Class)
                m_explorer->find();
        });
    });
    connect(m_explorer, &LatentExplorer::directionsChanged, this, &DirectionsShowcase::onDirections);
}

void DirectionsShowcase::onDirections()
{
    if (m_explorer->directions().directions.empty() || m_explorer->busy())
        return;
    if (m_sweep >= 0 && m_sweep < m_explorer->sliderCount()) {
        const latentwalk::Walk w = m_explorer->sweep(m_sweep, m_explorer->slider(m_sweep)->maximum() / 100.0, 2, false);
        const std::vector<float> ends = latentwalk::latents(w);
        const size_t dim = ends.size() / 2;
        m_explorer->setEndpoint(0, std::vector<float>(ends.begin(), ends.begin() + std::ptrdiff_t(dim)));
        m_explorer->setEndpoint(1, std::vector<float>(ends.begin() + std::ptrdiff_t(dim), ends.end()));
        m_explorer->slider(m_sweep)->setValue(m_explorer->slider(m_sweep)->maximum() / 2);
    }
    if (m_screenshot.isEmpty())
        return;
    QTimer::singleShot(kSettleMs, m_window, [this] {
        if (!m_window->grab().save(m_screenshot))
            QTextStream(stderr) << "cannot write " << m_screenshot << "\n";
        QCoreApplication::exit(0);
    });
}
