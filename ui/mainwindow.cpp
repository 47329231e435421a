#include "mainwindow.h"

#include "designerwidget.h"
#include "latentexplorer.h"
#include "sampleview.h"
#include "settingspanel.h"
#include "trainingplots.h"

#include "document/experimentdocument.h"
#include "io/atomicfile.h"
#include "spec/presets.h"
#include "spec/specjson.h"
#include "training/latentrenderer.h"
#include "training/trainer.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {
constexpr int kMaxRecentFiles = 8;
constexpr int kGridChannel = 2;  // the renderer's channels 0 and 1 are the explorer's
const char *kRecentKey = "recentFiles";
const char *kFolderKey = "lastFolder";
}  // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_doc(new ExperimentDocument(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    // The experiment dock: its description, then the designer and the settings as tabs.
    auto *experiment = new QWidget(this);
    auto *experimentLayout = new QVBoxLayout(experiment);
    experimentLayout->setContentsMargins(2, 2, 2, 2);
    m_description = new QLabel(experiment);
    m_description->setWordWrap(true);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setMaximumHeight(110);
    m_description->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    experimentLayout->addWidget(m_description);
    auto *tabs = new QTabWidget(experiment);
    m_designer = new DesignerWidget(m_doc, tabs);
    tabs->addTab(m_designer, tr("&Design"));
    m_settings = new SettingsPanel(m_doc, tabs);
    auto *settingsScroll = new QScrollArea(tabs);
    settingsScroll->setWidget(m_settings);
    settingsScroll->setWidgetResizable(true);
    tabs->addTab(settingsScroll, tr("Data && &Training"));
    experimentLayout->addWidget(tabs, 1);
    auto *designDock = new QDockWidget(tr("Experiment"), this);
    designDock->setObjectName(QStringLiteral("experimentDock"));
    designDock->setWidget(experiment);
    addDockWidget(Qt::LeftDockWidgetArea, designDock);

    m_training = new TrainingController(this);
    m_plots = new TrainingPlots(this);
    setCentralWidget(m_plots);
    m_samples = new SampleView(this);
    auto *sampleDock = new QDockWidget(tr("Samples"), this);
    sampleDock->setObjectName(QStringLiteral("samplesDock"));
    sampleDock->setWidget(m_samples);
    addDockWidget(Qt::RightDockWidgetArea, sampleDock);
    m_renderer = new LatentRenderer(this);
    m_explorer = new LatentExplorer(m_renderer, this);
    auto *explorerDock = new QDockWidget(tr("Latent Explorer"), this);
    explorerDock->setObjectName(QStringLiteral("latentDock"));
    explorerDock->setWidget(m_explorer);
    addDockWidget(Qt::RightDockWidgetArea, explorerDock);
    resizeDocks({designDock, sampleDock}, {600, 400}, Qt::Horizontal);
    resizeDocks({sampleDock, explorerDock}, {420, 480}, Qt::Vertical);

    // File
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, [this] { newExperiment(); })->setStatusTip(tr("A new experiment, starting from the default one"));
    file->addAction(tr("&Open..."), QKeySequence::Open, this, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Open experiment"), lastFolder(), tr("Experiments (*.json)"));
        if (!path.isEmpty())
            openFileAsked(path);
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(tr("&Save"), QKeySequence::Save, this, [this] { save(); });
    file->addAction(tr("Save &As..."), QKeySequence::SaveAs, this, [this] {
        const QString path = askSavePath(tr("Save experiment"), tr("Experiments (*.json)"), m_doc->spec().name + QStringLiteral(".json"));
        if (!path.isEmpty())
            saveAs(path);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    // Edit: undo and redo of every design and settings change.
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);

    // Presets, each with its description.
    QMenu *presetMenu = menuBar()->addMenu(tr("&Presets"));
    presetMenu->setToolTipsVisible(true);
    for (const QString &name : presets::names()) {
        ExperimentSpec spec;
        presets::load(name, &spec);
        QAction *a = presetMenu->addAction(name, this, [this, name] { openPreset(name); });
        a->setToolTip(spec.description);
        a->setStatusTip(spec.description.section(QStringLiteral(". "), 0, 0) + QLatin1Char('.'));
    }

    // Training: the controller owns the worker thread; this window only sees value snapshots.
    QMenu *train = menuBar()->addMenu(tr("&Training"));
    QToolBar *bar = addToolBar(tr("Training"));
    bar->setObjectName(QStringLiteral("trainingToolBar"));
    auto addAction = [&](const QString &text, const QKeySequence &key, const QString &tip, auto slot) {
        QAction *a = train->addAction(text, this, slot);
        a->setShortcut(key);
        a->setToolTip(tip + QStringLiteral(" (") + key.toString(QKeySequence::NativeText) + QLatin1Char(')'));
        bar->addAction(a);
        return a;
    };
    m_start = addAction(tr("&Start"), QKeySequence(Qt::Key_F5), tr("Train this experiment from scratch"), &MainWindow::startTraining);
    m_pause = addAction(tr("&Pause"), QKeySequence(Qt::Key_F6), tr("Pause or resume training"), &MainWindow::togglePause);
    m_step = addAction(tr("S&tep"), QKeySequence(Qt::Key_F10), tr("One training step while paused"), &MainWindow::stepTraining);
    m_stop = addAction(tr("St&op"), QKeySequence(Qt::SHIFT | Qt::Key_F5), tr("End this run"), &MainWindow::stopTraining);
    m_start->setObjectName(QStringLiteral("startAction"));
    train->addSeparator();
    m_resume = train->addAction(tr("&Resume from Checkpoint..."), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Resume from checkpoint"), lastFolder(), tr("Checkpoints (*.pt)"));
        if (!path.isEmpty())
            resumeFromCheckpoint(path);
    });
    m_saveCheckpoint = train->addAction(tr("Save &Checkpoint..."), this, [this] {
        const QString path = askSavePath(tr("Save checkpoint"), tr("Checkpoints (*.pt)"), m_doc->spec().name + QStringLiteral(".pt"));
        if (!path.isEmpty())
            m_training->saveCheckpoint(path);
    });
    train->addSeparator();
    train->addAction(tr("Export &Metrics as CSV..."), this, [this] {
        const QString path = askSavePath(tr("Export metrics"), tr("CSV files (*.csv)"), m_doc->spec().name + QStringLiteral("-metrics.csv"));
        if (path.isEmpty())
            return;
        if (const QString e = atomicfile::write(path, m_plots->metricsCsv().toUtf8(), tr("metrics file")); !e.isEmpty())
            QMessageBox::warning(this, tr("Cannot export metrics"), e);
    });
    train->addAction(tr("Export &Plots..."), this, [this] {
        const QString path = askSavePath(tr("Export plots"), tr("PNG images (*.png);;PDF (*.pdf)"), m_doc->spec().name + QStringLiteral("-plots.png"));
        if (!path.isEmpty())
            if (const QString e = m_plots->exportPlots(path); !e.isEmpty())
                QMessageBox::warning(this, tr("Cannot export plots"), e);
    });
    train->addAction(tr("Save Sample &Grid..."), this, [this] {
        const QString path = askSavePath(tr("Save samples"), tr("PNG images (*.png)"), m_doc->spec().name + QStringLiteral("-samples.png"));
        if (!path.isEmpty())
            if (const QString e = m_samples->saveCurrent(path); !e.isEmpty())
                QMessageBox::warning(this, tr("Cannot save samples"), e);
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(designDock->toggleViewAction());
    view->addAction(sampleDock->toggleViewAction());
    view->addAction(explorerDock->toggleViewAction());
    view->addAction(bar->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("&Fit Plots"), QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] { m_plots->fit(); });

    m_designChanged = new QLabel(this);
    m_designChanged->setObjectName(QStringLiteral("designChanged"));
    m_designChanged->setStyleSheet(QStringLiteral("color: #9a5b00"));
    m_stepLabel = new QLabel(this);
    m_rateLabel = new QLabel(this);
    m_timeLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    statusBar()->addPermanentWidget(m_designChanged);
    statusBar()->addPermanentWidget(m_stepLabel);
    statusBar()->addPermanentWidget(m_rateLabel);
    statusBar()->addPermanentWidget(m_timeLabel);
    statusBar()->addPermanentWidget(m_progress);

    connect(m_training, &TrainingController::snapshot, this, &MainWindow::onSnapshot);
    connect(m_training, &TrainingController::failed, this, &MainWindow::onFailed);
    connect(m_training, &TrainingController::stateChanged, this, [this] {
        updateActions();
        updateDesignChanged();
    });
    // The live grid is drawn from the published generator copies on the renderer's thread: the
    // training thread only copies weights, and the grid and the explorer show the same step.
    m_training->setSampleInterval(-1);
    connect(m_training, &TrainingController::generatorPublished, this, [this](std::shared_ptr<GeneratorCopy> g) {
        const std::vector<float> &latents = g->evalLatents();
        const int count = g->latentDim() > 0 ? int(latents.size()) / g->latentDim() : 0;
        m_explorer->setGenerator(g);  // hands the copy to the renderer
        if (count > 0)
            m_lastGridRequest = m_renderer->request(kGridChannel, latents, count);
    });
    connect(m_renderer, &LatentRenderer::rendered, this, [this](int channel, quint64 request, const SampleBatch &samples, qint64 step) {
        if (channel == kGridChannel && request >= m_gridFloor)
            m_samples->addSamples(step, samples);
    });
    connect(m_samples, &SampleView::sampleClicked, m_explorer, &LatentExplorer::pickSample);
    connect(m_training, &TrainingController::loadingProgress, this, [this](double f) {
        m_progress->setFormat(tr("loading data %p%"));
        m_progress->setValue(int(f * 100));
    });
    connect(m_training, &TrainingController::budgetReached, this, [this](qint64 step) {
        statusBar()->showMessage(tr("Reached the step budget (%1 steps). Resume trains on.").arg(step), 10000);
    });
    connect(m_training, &TrainingController::checkpointSaved, this, [this](const QString &path, const QString &error) {
        if (error.isEmpty())
            statusBar()->showMessage(tr("Checkpoint saved to %1").arg(path), 5000);
        else if (m_training->isActive())
            showError(tr("Checkpoint not saved"), tr("%1\n\nTraining is paused; resume it (F6) once the problem is solved.").arg(error));
        else
            showError(tr("Checkpoint not saved"), error);
    });
    connect(m_doc, &ExperimentDocument::analysisChanged, this, [this] {
        m_description->setText(m_doc->spec().description);
        m_description->setToolTip(m_doc->spec().description);
        updateTitle();
        updateActions();
        updateDesignChanged();
    });
    connect(m_doc, &ExperimentDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &ExperimentDocument::filePathChanged, this, &MainWindow::updateTitle);

    resize(1560, 940);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow() = default;

const ExperimentSpec &MainWindow::experiment() const { return m_doc->spec(); }

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_training->stop();
    event->accept();
}

bool MainWindow::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                             tr("The experiment \"%1\" has changes that are not saved. Save them first?").arg(m_doc->spec().name),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save();
    return true;
}

void MainWindow::stopForNewDocument()
{
    // Another experiment replaces this one: its run ends first (the worker stops cleanly).
    if (m_training->isActive())
        m_training->stop();
}

bool MainWindow::newExperiment()
{
    if (!maybeSave())
        return false;
    ExperimentSpec spec;
    if (const QString error = presets::load(presets::defaultName(), &spec); !error.isEmpty())
        return false;
    stopForNewDocument();
    spec.name = tr("Untitled");
    m_presetName.clear();
    m_doc->reset(spec);
    return true;
}

bool MainWindow::openPreset(const QString &name)
{
    ExperimentSpec spec;
    if (const QString error = presets::load(name, &spec); !error.isEmpty()) {
        statusBar()->showMessage(error);
        return false;
    }
    if (!maybeSave())
        return false;
    stopForNewDocument();
    m_presetName = name;
    m_doc->reset(spec);
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    return maybeSave() && openFileAsked(path);
}

bool MainWindow::openFileAsked(const QString &path)
{
    const specjson::ParseResult parsed = specjson::fromFile(path);
    if (!parsed.ok()) {
        QMessageBox::warning(this, tr("Cannot open experiment"), parsed.errors.join(QLatin1Char('\n')));
        return false;
    }
    stopForNewDocument();
    m_presetName.clear();
    m_doc->reset(parsed.spec, QFileInfo(path).absoluteFilePath());
    addRecentFile(m_doc->filePath());
    rememberFolder(path);
    return true;
}

bool MainWindow::save()
{
    if (m_doc->filePath().isEmpty()) {
        const QString path = askSavePath(tr("Save experiment"), tr("Experiments (*.json)"), m_doc->spec().name + QStringLiteral(".json"));
        return !path.isEmpty() && saveAs(path);
    }
    return saveAs(m_doc->filePath());
}

bool MainWindow::saveAs(const QString &path)
{
    if (const QString error = m_doc->saveAs(QFileInfo(path).absoluteFilePath()); !error.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot save experiment"), tr("%1\nChoose another folder with File > Save As.").arg(error));
        return false;
    }
    m_presetName.clear();
    addRecentFile(m_doc->filePath());
    rememberFolder(path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_doc->filePath())), 4000);
    return true;
}

QString MainWindow::askSavePath(const QString &title, const QString &filter, const QString &suggestedName)
{
    QString name = suggestedName;
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QString path = QFileDialog::getSaveFileName(this, title, QDir(lastFolder()).filePath(name), filter);
    if (!path.isEmpty())
        rememberFolder(path);
    return path;
}

QString MainWindow::lastFolder() const
{
    return QSettings().value(QLatin1String(kFolderKey), QDir::homePath()).toString();
}

void MainWindow::rememberFolder(const QString &path)
{
    QSettings().setValue(QLatin1String(kFolderKey), QFileInfo(path).absolutePath());
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentFiles)
        recent.removeLast();
    settings.setValue(QLatin1String(kRecentKey), recent);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this, [this, path] { openFile(path); });
        a->setStatusTip(QDir::toNativeSeparators(path));
        a->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear List"), this, [] { QSettings().remove(QLatin1String(kRecentKey)); });
    }
}

void MainWindow::updateTitle()
{
    QString shown = m_doc->filePath().isEmpty() ? (m_presetName.isEmpty() ? m_doc->spec().name : m_presetName) : QFileInfo(m_doc->filePath()).fileName();
    if (shown.isEmpty())
        shown = tr("Untitled");
    setWindowTitle(tr("%1[*] - GAN Playground").arg(shown));
    setWindowModified(m_doc->isModified());
}

void MainWindow::startTraining()
{
    if (m_doc->problems().isEmpty() && !m_training->isActive())
        beginRun(QString());
}

void MainWindow::beginRun(const QString &checkpoint)
{
    m_plots->clear();
    m_samples->clear();
    m_explorer->clear();
    m_gridFloor = m_lastGridRequest + 1;
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_running = m_doc->spec();
    // One core stays with the window: with libtorch on both cores of a 2-core machine,
    // dcgan-fashion trained at 0.71x of the command line's rate with 19.5 ms p99 event-loop
    // lateness; with one training thread at 0.93x and 8.1 ms (gan-playground --benchmark-ui).
    ExperimentSpec run = m_running;
    run.threads = trainingThreads();
    if (run.threads != m_running.threads)
        statusBar()->showMessage(tr("Training with %n thread(s), keeping a core for the window; the command line uses %1.", nullptr, run.threads)
                                     .arg(m_running.threads),
                                 8000);
    m_training->start(run, checkpoint);
    updateActions();
    updateDesignChanged();
}

bool MainWindow::resumeFromCheckpoint(const QString &path)
{
    if (m_training->isActive()) {
        statusBar()->showMessage(tr("Stop the current run before resuming another."), 5000);
        return false;
    }
    ExperimentSpec spec;
    if (const QString error = Trainer::readCheckpointSpec(path, &spec); !error.isEmpty()) {
        onFailed(error);
        return false;
    }
    // The checkpoint carries its experiment: the run continues exactly that one.
    if (spec != m_doc->spec()) {
        if (!maybeSave())
            return false;
        m_presetName.clear();
        m_doc->reset(spec);
    }
    rememberFolder(path);
    beginRun(path);
    return true;
}

int MainWindow::trainingThreads() const
{
    return std::max(1, std::min(m_doc->spec().threads, QThread::idealThreadCount() - 1));
}

void MainWindow::togglePause()
{
    if (m_training->state() == TrainingController::State::Paused)
        m_training->resume();
    else
        m_training->pause();
}

void MainWindow::stepTraining() { m_training->step(); }

void MainWindow::stopTraining() { m_training->stop(); }

void MainWindow::updateActions()
{
    using State = TrainingController::State;
    const State s = m_training->state();
    const bool idle = s == State::Idle;
    const QStringList problems = m_doc->problems();
    m_start->setEnabled(idle && problems.isEmpty());
    m_start->setToolTip(problems.isEmpty() ? tr("Train this experiment from scratch (F5)") : tr("Cannot start: %1").arg(problems.first()));
    m_pause->setEnabled(s == State::Running || s == State::Paused);
    m_pause->setText(s == State::Paused ? tr("&Resume") : tr("&Pause"));
    m_step->setEnabled(s == State::Paused);
    m_stop->setEnabled(!idle);
    m_resume->setEnabled(idle);
    m_saveCheckpoint->setEnabled(s == State::Running || s == State::Paused);
}

void MainWindow::updateDesignChanged()
{
    // The run trains the experiment as it was at Start; edits since then wait for the next run.
    const bool changed = m_training->isActive() && m_doc->spec() != m_running;
    m_designChanged->setText(changed ? tr("Design changed: applies to the next run") : QString());
    m_designChanged->setToolTip(changed ? tr("The running training uses the experiment as it was when it started. Stop and Start to train the edited one.")
                                        : QString());
}

void MainWindow::onSnapshot(const TrainingSnapshot &snapshot)
{
    m_plots->append(snapshot.records);
    if (!snapshot.realPoints.empty()) {
        m_samples->setRealPoints(snapshot.realPoints);
        m_explorer->setRealPoints(snapshot.realPoints);
    }
    if (snapshot.samples.count > 0)
        m_samples->addSamples(snapshot.step, snapshot.samples);
    m_stepLabel->setText(tr("step %1 of %2").arg(snapshot.step).arg(snapshot.targetSteps));
    if (snapshot.imagesPerSecond > 0)
        m_rateLabel->setText(tr("%1 samples/s").arg(snapshot.imagesPerSecond, 0, 'f', 0));
    const int seconds = int(snapshot.elapsedSeconds);
    m_timeLabel->setText(tr("%1:%2 training").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0')));
    m_progress->setFormat(QStringLiteral("%p%"));
    m_progress->setValue(snapshot.targetSteps > 0 ? int(100 * snapshot.step / snapshot.targetSteps) : 0);
}

void MainWindow::onFailed(const QString &message)
{
    showError(tr("Training stopped"), message);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    // Non-modal: the window (plots, samples) stays usable while the message is read.
    statusBar()->showMessage(message);
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}
