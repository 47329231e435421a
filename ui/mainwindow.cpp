#include "mainwindow.h"

#include "sampleview.h"
#include "trainingplots.h"

#include "data/dataset.h"
#include "spec/presets.h"
#include "spec/shapeinference.h"
#include "spec/specjson.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QProgressBar>
#include <QSaveFile>
#include <QThread>
#include <QToolBar>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableWidget>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("GAN Playground"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Preset:"), central));
    m_presets = new QComboBox(central);
    m_presets->addItems(presets::names());
    m_presets->setToolTip(tr("Built-in experiments, each with a description a student can read"));
    top->addWidget(m_presets, 1);
    layout->addLayout(top);

    m_description = new QLabel(central);
    m_description->setWordWrap(true);
    layout->addWidget(m_description);

    auto *splitter = new QSplitter(Qt::Horizontal, central);
    auto makeTable = [&](const QString &title, QTableWidget **table) {
        auto *box = new QGroupBox(title, splitter);
        auto *boxLayout = new QVBoxLayout(box);
        *table = new QTableWidget(0, 4, box);
        (*table)->setHorizontalHeaderLabels({tr("Layer"), tr("Output shape"), tr("Parameters"), tr("MFLOPs")});
        (*table)->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        (*table)->setEditTriggers(QAbstractItemView::NoEditTriggers);
        boxLayout->addWidget(*table);
        splitter->addWidget(box);
    };
    makeTable(tr("Generator"), &m_generatorTable);
    makeTable(tr("Discriminator"), &m_discriminatorTable);
    m_generatorTable->setObjectName(QStringLiteral("generatorTable"));
    m_discriminatorTable->setObjectName(QStringLiteral("discriminatorTable"));
    layout->addWidget(splitter, 1);

    m_problems = new QLabel(central);
    m_problems->setWordWrap(true);
    layout->addWidget(m_problems);
    // The experiment (preset, layer tables, problems) lives in a dock; the live dashboard is
    // the centre of the window.
    auto *designDock = new QDockWidget(tr("Experiment"), this);
    designDock->setObjectName(QStringLiteral("experimentDock"));
    designDock->setWidget(central);
    addDockWidget(Qt::LeftDockWidgetArea, designDock);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open..."), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open experiment"), QString(), tr("Experiments (*.json)"));
        if (!path.isEmpty())
            openFile(path);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    // Training: the controller owns the worker thread; this window only sees value snapshots.
    m_training = new TrainingController(this);
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
    m_saveCheckpoint = train->addAction(tr("Save &Checkpoint..."), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save checkpoint"), QString(), tr("Checkpoints (*.pt)"));
        if (!path.isEmpty())
            m_training->saveCheckpoint(path);
    });
    train->addAction(tr("Export &Metrics as CSV..."), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export metrics"), QString(), tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(m_plots->metricsCsv().toUtf8()) < 0 || !f.commit())
            QMessageBox::warning(this, tr("Cannot export metrics"), tr("cannot write %1: %2").arg(path, f.errorString()));
    });
    train->addAction(tr("Export &Plots..."), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export plots"), QString(), tr("PNG images (*.png);;PDF (*.pdf)"));
        if (!path.isEmpty())
            if (const QString e = m_plots->exportPlots(path); !e.isEmpty())
                QMessageBox::warning(this, tr("Cannot export plots"), e);
    });
    train->addAction(tr("Save Sample &Grid..."), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save samples"), QString(), tr("PNG images (*.png)"));
        if (!path.isEmpty())
            if (const QString e = m_samples->saveCurrent(path); !e.isEmpty())
                QMessageBox::warning(this, tr("Cannot save samples"), e);
    });
    train->addAction(tr("&Fit Plots"), this, [this] { m_plots->fit(); });

    m_plots = new TrainingPlots(this);
    m_samples = new SampleView(this);
    auto *sampleDock = new QDockWidget(tr("Samples"), this);
    sampleDock->setObjectName(QStringLiteral("samplesDock"));
    sampleDock->setWidget(m_samples);
    addDockWidget(Qt::RightDockWidgetArea, sampleDock);
    setCentralWidget(m_plots);
    resizeDocks({designDock, sampleDock}, {560, 420}, Qt::Horizontal);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(designDock->toggleViewAction());
    view->addAction(sampleDock->toggleViewAction());

    m_stepLabel = new QLabel(this);
    m_rateLabel = new QLabel(this);
    m_timeLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    statusBar()->addPermanentWidget(m_stepLabel);
    statusBar()->addPermanentWidget(m_rateLabel);
    statusBar()->addPermanentWidget(m_timeLabel);
    statusBar()->addPermanentWidget(m_progress);

    connect(m_training, &TrainingController::snapshot, this, &MainWindow::onSnapshot);
    connect(m_training, &TrainingController::failed, this, &MainWindow::onFailed);
    connect(m_training, &TrainingController::stateChanged, this, [this] { updateActions(); });
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
        else
            onFailed(error);
    });

    connect(m_presets, &QComboBox::currentTextChanged, this, [this](const QString &name) { openPreset(name); });
    resize(1560, 920);
    updateActions();
}

void MainWindow::startTraining()
{
    if (!m_invalidReason.isEmpty() || m_training->isActive())
        return;
    m_plots->clear();
    m_samples->clear();
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    // One core stays with the window: with libtorch on both cores of a 2-core machine,
    // dcgan-fashion trained at 0.71x of the command line's rate with 19.5 ms p99 event-loop
    // lateness; with one training thread at 0.93x and 8.1 ms (gan-playground --benchmark-ui).
    ExperimentSpec run = m_spec;
    run.threads = trainingThreads();
    if (run.threads != m_spec.threads)
        statusBar()->showMessage(tr("Training with %n thread(s), keeping a core for the window; the command line uses %1.", nullptr, run.threads)
                                     .arg(m_spec.threads), 8000);
    m_training->start(run);
    updateActions();
}

int MainWindow::trainingThreads() const
{
    return std::max(1, std::min(m_spec.threads, QThread::idealThreadCount() - 1));
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
    m_start->setEnabled(idle && m_invalidReason.isEmpty());
    m_start->setToolTip(m_invalidReason.isEmpty() ? tr("Train this experiment from scratch (F5)")
                                                  : tr("Cannot start: %1").arg(m_invalidReason));
    m_pause->setEnabled(s == State::Running || s == State::Paused);
    m_pause->setText(s == State::Paused ? tr("&Resume") : tr("&Pause"));
    m_step->setEnabled(s == State::Paused);
    m_stop->setEnabled(!idle);
    m_saveCheckpoint->setEnabled(s == State::Running || s == State::Paused);
    m_presets->setToolTip(idle ? tr("Built-in experiments, each with a description a student can read")
                               : tr("Choosing another experiment ends the current run"));
}

void MainWindow::onSnapshot(const TrainingSnapshot &snapshot)
{
    m_plots->append(snapshot.records);
    if (!snapshot.realPoints.empty())
        m_samples->setRealPoints(snapshot.realPoints);
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
    // Non-modal: the window (plots, samples) stays usable while the message is read.
    statusBar()->showMessage(message);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Training stopped"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

bool MainWindow::openPreset(const QString &name)
{
    if (m_training && m_training->isActive())
        m_training->stop();
    ExperimentSpec spec;
    if (const QString error = presets::load(name, &spec); !error.isEmpty()) {
        statusBar()->showMessage(error);
        return false;
    }
    m_spec = spec;
    const QSignalBlocker block(m_presets);
    m_presets->setCurrentText(name);
    showExperiment();
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    if (m_training && m_training->isActive())
        m_training->stop();
    const specjson::ParseResult parsed = specjson::fromFile(path);
    if (!parsed.ok()) {
        QMessageBox::warning(this, tr("Cannot open experiment"), parsed.errors.join(QLatin1Char('\n')));
        return false;
    }
    m_spec = parsed.spec;
    showExperiment();
    return true;
}

void MainWindow::fillTable(QTableWidget *table, const NetworkSpec &spec, const NetworkAnalysis &net)
{
    table->setRowCount(int(spec.layers.size()) + 1);
    for (size_t i = 0; i < spec.layers.size(); ++i) {
        const LayerAnalysis &a = net.layers[i];
        const int row = int(i);
        table->setItem(row, 0, new QTableWidgetItem(QStringLiteral("%1. %2").arg(i + 1).arg(layerkind::name(spec.layers[i].kind))));
        table->setItem(row, 1, new QTableWidgetItem(a.outShape.empty() ? tr("?") : shapeToString(a.outShape)));
        table->setItem(row, 2, new QTableWidgetItem(QLocale().toString(qlonglong(a.parameters))));
        table->setItem(row, 3, new QTableWidgetItem(QString::number(a.flops / 1e6, 'g', 3)));
        if (!a.problems.isEmpty())
            for (int c = 0; c < 4; ++c) {
                table->item(row, c)->setBackground(QColor(255, 220, 220));
                table->item(row, c)->setToolTip(a.problems.join(QLatin1Char('\n')));
            }
    }
    const int total = int(spec.layers.size());
    table->setItem(total, 0, new QTableWidgetItem(tr("Total")));
    table->setItem(total, 1, new QTableWidgetItem(net.outShape.empty() ? tr("?") : shapeToString(net.outShape)));
    table->setItem(total, 2, new QTableWidgetItem(QLocale().toString(qlonglong(net.parameters))));
    table->setItem(total, 3, new QTableWidgetItem(QString::number(net.flops / 1e6, 'g', 3)));
}

void MainWindow::showExperiment()
{
    setWindowTitle(tr("%1 - GAN Playground").arg(m_spec.name.isEmpty() ? tr("Untitled") : m_spec.name));
    m_description->setText(m_spec.description);
    QString dataError;
    const ExperimentAnalysis analysis = ShapeInference::analyze(m_spec, datasets::sampleShape(m_spec.data, &dataError));
    fillTable(m_generatorTable, m_spec.generator, analysis.generator);
    fillTable(m_discriminatorTable, m_spec.discriminator, analysis.discriminator);
    QStringList problems = analysis.problems;
    if (!dataError.isEmpty())
        problems.prepend(dataError);
    m_problems->setText(problems.isEmpty() ? tr("The experiment is valid.")
                                           : tr("Problems:") + QStringLiteral("\n• ") + problems.join(QStringLiteral("\n• ")));
    m_invalidReason = problems.isEmpty() ? QString() : problems.first();
    if (m_training)
        updateActions();
}
