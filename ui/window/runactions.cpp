#include "window/runactions.h"

#include "dashboard/dashboard.h"
#include "dashboard/sampleview.h"
#include "dashboard/trainingplots.h"
#include "quality/qualityplot.h"
#include "window/documentactions.h"
#include "window/threadgovernor.h"
#include "widgets/widgetevents.h"

#include "data/datapath.h"
#include "document/experimentdocument.h"
#include "io/atomicfile.h"
#include "spec/specjson.h"
#include "training/rundirectory.h"
#include "training/trainer.h"
#include "training/trainingcontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QFileInfo>
#include <QFileDialog>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>
#include <iterator>

RunActions::RunActions(ExperimentDocument *doc, TrainingController *training, Dashboard *dashboard, DocumentActions *documents,
                       QMainWindow *window)
    : QObject(window), m_doc(doc), m_training(training), m_dashboard(dashboard), m_documents(documents), m_window(window),
      m_designChanged(new QLabel(window)), m_threads(new ThreadGovernor(training, window))
{
    m_designChanged->setObjectName(QStringLiteral("designChanged"));
    m_designChanged->setStyleSheet(QStringLiteral("color: #9a5b00"));
    connect(m_training, &TrainingController::failed, this, [this](const QString &message) { showError(tr("Training stopped"), message); });
    connect(m_training, &TrainingController::dataUnavailable, this, &RunActions::offerDataChoice);
    // A followed folder taken by a new run (train --overwrite): followed again, from the new
    // run's start, once the old following has ended.
    connect(m_training, &TrainingController::followedRunReplaced, this, [this](const QString &folder) {
        whenIdle([this, folder] {
            if (followRun(folder))
                m_window->statusBar()->showMessage(tr("%1 holds a new run now: following it from its start").arg(QDir::toNativeSeparators(folder)), 10000);
        });
    });
    connect(m_training, &TrainingController::stateChanged, this, [this](TrainingController::State s) {
        if (s == TrainingController::State::Idle)
            m_withoutData = false;  // that run is over
        updateActions();
        updateDesignChanged();
    });
    connect(m_training, &TrainingController::budgetReached, this, [this](qint64 step) {
        m_window->statusBar()->showMessage(tr("Reached the step budget (%1 steps). Resume trains on.").arg(step), 10000);
    });
    connect(m_training, &TrainingController::checkpointSaved, this, [this](const QString &path, const QString &error) {
        if (error.isEmpty() && m_quietCheckpointPaths.contains(path))
            return;  // an autosave
        if (error.isEmpty())
            m_window->statusBar()->showMessage(tr("Checkpoint saved to %1").arg(path), 5000);
        else if (m_training->isActive())
            showError(tr("Checkpoint not saved"), tr("%1\n\nTraining is paused; resume it (F6) once the problem is solved.").arg(error));
        else
            showError(tr("Checkpoint not saved"), error);
    });
    connect(m_doc, &ExperimentDocument::analysisChanged, this, [this] {
        updateActions();
        updateDesignChanged();
    });
}

void RunActions::addMenu()
{
    // Training: the controller owns the worker thread; this window only sees value snapshots.
    QMenu *train = m_window->menuBar()->addMenu(QString());
    train->setToolTipsVisible(true);  // a greyed-out item says why
    QToolBar *bar = m_window->addToolBar(QString());
    bar->setObjectName(QStringLiteral("trainingToolBar"));
    auto addAction = [&](const QKeySequence &key, auto slot) {
        QAction *a = train->addAction(QString(), this, slot);
        a->setShortcut(key);
        bar->addAction(a);
        return a;
    };
    m_start = addAction(QKeySequence(Qt::Key_F5), &RunActions::startTraining);
    m_pause = addAction(QKeySequence(Qt::Key_F6), &RunActions::togglePause);
    m_step = addAction(QKeySequence(Qt::Key_F10), &RunActions::stepTraining);
    m_substep = addAction(QKeySequence(Qt::CTRL | Qt::Key_F10), &RunActions::substepTraining);
    m_stop = addAction(QKeySequence(Qt::SHIFT | Qt::Key_F5), &RunActions::stopTraining);
    // Named, so that tests and scripts find them as a person finds them: in the menu.
    m_start->setObjectName(QStringLiteral("startAction"));
    m_pause->setObjectName(QStringLiteral("pauseAction"));
    m_step->setObjectName(QStringLiteral("stepAction"));
    m_substep->setObjectName(QStringLiteral("substepAction"));
    m_stop->setObjectName(QStringLiteral("stopAction"));
    // A second run beside this one, with one change (the window's comparison).
    m_compare = train->addAction(QString(), this, &RunActions::compareRequested);
    m_compare->setObjectName(QStringLiteral("compareAction"));
    addSpeedChoice(train, bar);
    m_threads->addMenu(train);
    // File menu items that act on a folder the person chooses.
    QMenu *file = m_documents->fileMenu();
    file->insertSeparator(m_documents->fileMenuEnd());
    auto addFolderAction = [this, file](const char *name, auto dialogTitle, bool (RunActions::*act)(const QString &)) {
        auto *a = new QAction(this);
        a->setObjectName(QLatin1String(name));
        connect(a, &QAction::triggered, this, [this, dialogTitle, act] {
            const QString dir = QFileDialog::getExistingDirectory(m_window, dialogTitle(), m_documents->lastFolder());
            if (!dir.isEmpty())
                (this->*act)(dir);
        });
        file->insertAction(m_documents->fileMenuEnd(), a);
        return a;
    };
    // File > Train on Folder...: own pictures without an experiment file.
    QAction *trainOnFolder = addFolderAction("trainOnFolderAction", [] { return tr("Train on a folder of images"); }, &RunActions::trainOnData);
    // File > Follow Run...: a run trained elsewhere (the command line, several processes).
    QAction *follow = addFolderAction("followRunAction", [] { return tr("Follow a run folder"); }, &RunActions::followRun);
    m_follow = follow;
    widgetevents::retranslated(m_window, [trainOnFolder, follow] {
        trainOnFolder->setText(tr("&Train on Folder..."));
        trainOnFolder->setStatusTip(tr("Train the open experiment on a folder of your images (flat, or one subfolder per class); "
                                       "its networks are fitted to their size and colour"));
        follow->setText(tr("&Follow Run..."));
        follow->setStatusTip(tr("Watch a run that gan-playground-cli trains (one process or several) in a run folder: its plots, "
                                "samples and newest checkpoint, as they are written"));
    });
    train->addSeparator();
    m_resume = train->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Resume from checkpoint"), m_documents->lastFolder(), tr("Checkpoints (*.pt)"));
        if (!path.isEmpty())
            resumeFromCheckpoint(path);
    });
    m_saveCheckpoint = train->addAction(QString(), this, [this] {
        const QString path = m_documents->askSavePath(tr("Save checkpoint"), tr("Checkpoints (*.pt)"), m_doc->spec().name + QStringLiteral(".pt"));
        if (!path.isEmpty())
            m_training->saveCheckpoint(path);
    });
    train->addSeparator();
    QAction *exportMetrics = train->addAction(QString(), this, [this] {
        const QString path = m_documents->askSavePath(tr("Export metrics"), tr("CSV files (*.csv)"), m_doc->spec().name + QStringLiteral("-metrics.csv"));
        if (path.isEmpty())
            return;
        if (const QString e = atomicfile::write(path, m_dashboard->plots()->metricsCsv(m_dashboard->quality()->records()).toUtf8(), tr("metrics file")); !e.isEmpty())
            QMessageBox::warning(m_window, tr("Cannot export metrics"), e);
    });
    QAction *exportPlots = train->addAction(QString(), this, [this] {
        const QString path = m_documents->askSavePath(tr("Export plots"), tr("PNG images (*.png);;PDF (*.pdf)"), m_doc->spec().name + QStringLiteral("-plots.png"));
        if (!path.isEmpty())
            if (const QString e = m_dashboard->plots()->exportPlots(path); !e.isEmpty())
                QMessageBox::warning(m_window, tr("Cannot export plots"), e);
    });
    QAction *saveGrid = train->addAction(QString(), this, [this] {
        const QString path = m_documents->askSavePath(tr("Save samples"), tr("PNG images (*.png)"), m_doc->spec().name + QStringLiteral("-samples.png"));
        if (!path.isEmpty())
            if (const QString e = m_dashboard->samples()->saveCurrent(path); !e.isEmpty())
                QMessageBox::warning(m_window, tr("Cannot save samples"), e);
    });
    QAction *exportTimeline = train->addAction(QString(), this, [this] {
        const QString path = m_documents->askSavePath(tr("Export sample timeline"), tr("Animated GIF (*.gif)"), m_doc->spec().name + QStringLiteral("-timeline.gif"));
        if (path.isEmpty())
            return;
        QProgressDialog progress(tr("Writing the animation..."), QString(), 0, 100, m_window);
        progress.setWindowModality(Qt::WindowModal);
        progress.setMinimumDuration(300);
        const QString e = m_dashboard->samples()->exportTimeline(path, 150, [&progress](double f) { progress.setValue(int(f * 100)); });
        if (!e.isEmpty())
            QMessageBox::warning(m_window, tr("Cannot export the timeline"), e);
        else
            m_window->statusBar()->showMessage(tr("Wrote %n grid(s) to %1", nullptr, m_dashboard->samples()->historySize()).arg(path), 8000);
    });
    m_toolBarToggle = bar->toggleViewAction();
    widgetevents::retranslated(m_window, [=] {
        train->setTitle(tr("&Training"));
        bar->setWindowTitle(tr("Training"));
        // The toolbar's tips name the key.
        auto keyTip = [](QAction *a, const QString &tip) {
            a->setProperty("keyTip", QString(tip + QStringLiteral(" (") + a->shortcut().toString(QKeySequence::NativeText) + QLatin1Char(')')));
            a->setToolTip(a->property("keyTip").toString());
        };
        m_start->setText(tr("&Start"));  // its tip and the pause action's text follow the state
        keyTip(m_pause, tr("Pause or resume training"));
        m_step->setText(tr("S&tep"));
        keyTip(m_step, tr("One training step while paused"));
        m_substep->setText(tr("S&low Motion"));
        keyTip(m_substep, tr("The next substep of a training step, explained in the Slow Motion panel"));
        m_stop->setText(tr("St&op"));
        m_compare->setText(tr("&Compare With..."));
        keyTip(m_stop, tr("End this run"));
        m_resume->setText(tr("&Resume from Checkpoint..."));
        m_saveCheckpoint->setText(tr("Save &Checkpoint..."));
        exportMetrics->setText(tr("Export &Metrics as CSV..."));
        exportPlots->setText(tr("Export &Plots..."));
        saveGrid->setText(tr("Save Sample &Grid..."));
        exportTimeline->setText(tr("Export Sample T&imeline as GIF..."));
        exportTimeline->setToolTip(tr("Every grid the samples' timeline holds, as an animation of the training"));
        updateActions();
        updateDesignChanged();
    });
}

namespace {
// Training > Speed: full speed, then paces a class can follow (steps a second).
constexpr double kSpeeds[] = {0, 100, 30, 10, 3, 1};
}  // namespace

void RunActions::addSpeedChoice(QMenu *menu, QToolBar *bar)
{
    QMenu *speeds = menu->addMenu(QString());
    speeds->setObjectName(QStringLiteral("speedMenu"));
    auto *group = new QActionGroup(speeds);
    const double remembered = QSettings().value(QStringLiteral("training/speed"), 0.0).toDouble();
    for (double pace : kSpeeds) {
        QAction *a = speeds->addAction(QString());
        a->setCheckable(true);
        a->setData(pace);
        a->setObjectName(pace > 0 ? QStringLiteral("speed%1Action").arg(pace) : QStringLiteral("fullSpeedAction"));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, pace] { setSpeed(pace); });
    }
    // On the toolbar: a button that shows the pace and opens the same choices.
    auto *button = new QToolButton(bar);
    button->setObjectName(QStringLiteral("speedButton"));
    button->setMenu(speeds);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addSeparator();
    bar->addWidget(button);
    auto label = [](double pace) {
        return pace > 0 ? tr("%n step(s)/s", nullptr, int(pace)) : tr("Full speed");
    };
    auto show = [=] {
        const double pace = m_training->speed();
        for (QAction *a : group->actions()) {
            a->setText(label(a->data().toDouble()));
            a->setChecked(a->data().toDouble() == pace);
        }
        button->setText(tr("Speed: %1").arg(label(pace)));
        button->setToolTip(tr("How fast the run trains: slow paces let a class follow each step in the plots and the 2D lab (remembered)"));
    };
    connect(this, &RunActions::speedChanged, button, show);
    widgetevents::retranslated(m_window, [=] {
        speeds->setTitle(tr("Spee&d"));
        show();
    });
    // The remembered pace, when it is one of the choices.
    setSpeed(std::find(std::begin(kSpeeds), std::end(kSpeeds), remembered) != std::end(kSpeeds) ? remembered : 0);
}

void RunActions::setSpeed(double stepsPerSecond)
{
    m_training->setSpeed(stepsPerSecond);
    QSettings().setValue(QStringLiteral("training/speed"), stepsPerSecond);
    emit speedChanged(stepsPerSecond);
}

void RunActions::startTraining()
{
    if (m_doc->problems().isEmpty() && !m_training->isActive())
        beginRun(QString());
}

void RunActions::beginRun(const QString &checkpoint, bool paused, bool reshuffle)
{
    m_running = m_doc->spec();
    m_runCheckpoint = checkpoint;
    m_withoutData = false;
    // The run trains with the experiment's threads as the window's thread policy allows
    // (Training > Threads): the count moves between steps, the experiment keeps its own.
    m_dashboard->startRun(m_running);
    m_training->start(m_running, checkpoint, paused, reshuffle);
    m_threads->runStarted(m_running.threads);
    updateActions();
    updateDesignChanged();
}

bool RunActions::resumeFromCheckpoint(const QString &path)
{
    if (m_training->isActive()) {
        m_window->statusBar()->showMessage(tr("Stop the current run before resuming another."), 5000);
        return false;
    }
    ExperimentSpec spec;
    if (const QString error = Trainer::readCheckpointSpec(path, &spec); !error.isEmpty()) {
        showError(tr("Cannot resume"), error);
        return false;
    }
    // The checkpoint carries its experiment: the run continues exactly that one. When it is the
    // open experiment, the latent directions saved in it since (not part of training) stay.
    if (m_doc->spec().trainsLike(spec))
        spec.directions = m_doc->spec().directions;
    if (!m_documents->replaceWith(spec))
        return false;
    m_documents->rememberFolder(path);
    beginRun(path);
    return true;
}

bool RunActions::trainOnData(const QString &path)
{
    if (m_training->isActive()) {
        m_window->statusBar()->showMessage(tr("Stop the current run before training on other data."), 5000);
        return false;
    }
    ExperimentSpec spec = m_doc->spec();
    const datapath::Result applied = datapath::apply(path, &spec);
    if (!applied.error.isEmpty()) {
        showError(tr("Cannot train on this data"), applied.error);
        return false;
    }
    if (!m_documents->replaceWith(spec))
        return false;
    m_documents->rememberFolder(path);
    // What was read from the files and done to the networks, where it stays readable.
    m_window->statusBar()->showMessage(applied.notes.join(QStringLiteral("; ")), 30000);
    startTraining();
    return true;
}

bool RunActions::followRun(const QString &folder)
{
    if (m_training->isActive()) {
        m_window->statusBar()->showMessage(tr("Stop the current run before following another."), 5000);
        return false;
    }
    const RunDirectory run(folder);
    ExperimentSpec spec;
    if (QFileInfo::exists(run.experimentPath())) {
        const specjson::ParseResult parsed = specjson::fromFile(run.experimentPath());
        if (!parsed.ok()) {
            showError(tr("Cannot follow this run"), parsed.errors.join(QLatin1Char('\n')));
            return false;
        }
        spec = parsed.spec;
    } else if (QFileInfo::exists(run.checkpointPath())) {
        if (const QString error = Trainer::readCheckpointSpec(run.checkpointPath(), &spec); !error.isEmpty()) {
            showError(tr("Cannot follow this run"), error);
            return false;
        }
    } else {
        showError(tr("Cannot follow this run"),
                  tr("%1 holds no run yet (no experiment.json or checkpoint.pt): choose the folder given to gan-playground-cli "
                     "train --out, once that run has started")
                      .arg(QDir::toNativeSeparators(folder)));
        return false;
    }
    if (!m_documents->replaceWith(spec))
        return false;
    m_documents->rememberFolder(folder);
    m_running = m_doc->spec();
    m_runCheckpoint.clear();
    m_dashboard->startRun(m_running);
    m_training->follow(folder, m_running);
    updateActions();
    updateDesignChanged();
    return true;
}

void RunActions::whenIdle(std::function<void()> then)
{
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(m_training, &TrainingController::stateChanged, this, [this, then = std::move(then), once](TrainingController::State s) {
        if (s != TrainingController::State::Idle)
            return;
        disconnect(*once);
        then();
    });
}

void RunActions::offerDataChoice(const QString &message, qint64 trainedOn)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("The run's data is not available"), message, QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("dataUnavailableBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(trainedOn > 0 ? tr("The run is open without its data: the samples and the latent explorer show its "
                                               "generator. To train on, continue on the data as it is now, with a new shuffle of "
                                               "it (the run's batches differ from here on).")
                                          : tr("The run is open without its data: the samples and the latent explorer show its "
                                               "generator, but it cannot train until the data is back where the experiment says."));
    QPushButton *reshuffle = nullptr;
    if (trainedOn > 0) {
        reshuffle = box->addButton(tr("Continue on the Data as It Is Now"), QMessageBox::AcceptRole);
        reshuffle->setObjectName(QStringLiteral("reshuffleButton"));
    }
    box->addButton(tr("Explore Only"), QMessageBox::RejectRole)->setObjectName(QStringLiteral("exploreOnlyButton"));
    const QString checkpoint = m_runCheckpoint;
    connect(box, &QMessageBox::buttonClicked, this, [this, reshuffle, checkpoint](QAbstractButton *clicked) {
        if (!reshuffle || clicked != reshuffle)
            return;
        // The run without data ends; the same checkpoint starts again on the data as it is.
        whenIdle([this, checkpoint] { beginRun(checkpoint, false, true); });
        m_training->stop();
    });
    box->setModal(false);
    box->show();
    m_window->statusBar()->showMessage(message);
    m_withoutData = true;
    updateActions();
}

bool RunActions::continueRun(const QString &checkpoint)
{
    if (m_training->isActive())
        return false;
    beginRun(checkpoint);
    return true;
}

void RunActions::togglePause()
{
    if (m_training->state() == TrainingController::State::Paused)
        m_training->resume();
    else
        m_training->pause();
}

void RunActions::stepTraining() { m_training->step(); }

void RunActions::substepTraining()
{
    using State = TrainingController::State;
    switch (m_training->state()) {
    case State::Idle:
        if (!m_doc->problems().isEmpty())
            return;
        beginRun(QString(), true);
        break;
    case State::Running:
    case State::Loading:
        m_training->pause();
        break;
    case State::Paused:
        break;
    case State::Following:
        return;  // another process trains it
    }
    m_training->substep();
}

void RunActions::stopTraining() { m_training->stop(); }

void RunActions::updateActions()
{
    if (!m_start)
        return;  // before addMenu()
    using State = TrainingController::State;
    const State s = m_training->state();
    const bool idle = s == State::Idle;
    const bool following = s == State::Following;
    const QStringList problems = m_doc->problems();
    m_start->setEnabled(idle && problems.isEmpty());
    m_start->setToolTip(problems.isEmpty() ? tr("Train this experiment from scratch (F5)") : tr("Cannot start: %1").arg(problems.first()));
    // A run open without its data shows its generator but cannot train: greyed out with why.
    const QString noData = m_withoutData ? tr("The run is open without its data: its generator can be explored, not trained. Put "
                                              "the data back and resume from the checkpoint, or continue on the data as it is now "
                                              "(Training > Resume from Checkpoint).")
                                         : QString();
    m_pause->setEnabled((s == State::Running || s == State::Paused) && !m_withoutData);
    m_pause->setText(s == State::Paused ? tr("&Resume") : tr("&Pause"));
    m_step->setEnabled(s == State::Paused && !m_withoutData);
    m_substep->setEnabled(!following && !m_withoutData && (!idle || problems.isEmpty()));
    for (QAction *a : {m_pause, m_step, m_substep}) {
        a->setToolTip(m_withoutData ? noData : a->property("keyTip").toString());
        a->setStatusTip(noData);
    }
    m_stop->setEnabled(!idle);
    m_compare->setEnabled(idle && problems.isEmpty());
    m_compare->setToolTip(problems.isEmpty() ? tr("Train this experiment and, beside it, a copy with one change (a loss, a regulariser, "
                                                  "a learning rate): both at once, from the same seed")
                                             : tr("Cannot start: %1").arg(problems.first()));
    m_stop->setToolTip(following ? tr("Stop following the run (Shift+F5); the process that trains it goes on") : QString());
    m_resume->setEnabled(idle);
    if (m_follow)
        m_follow->setEnabled(idle);
    // Greyed out with its reason: one run at a time.
    m_resume->setToolTip(idle ? QString() : tr("Stop the current run (Shift+F5) to resume another from a checkpoint"));
    m_resume->setStatusTip(m_resume->toolTip());
    m_saveCheckpoint->setEnabled(s == State::Running || s == State::Paused);
}

void RunActions::updateDesignChanged()
{
    // The run trains the experiment as it was at Start; edits since then wait for the next run.
    // Saved latent directions are not part of training.
    const bool changed = m_training->isActive() && !m_doc->spec().trainsLike(m_running, true);
    m_designChanged->setText(changed ? tr("Design changed: applies to the next run") : QString());
    m_designChanged->setToolTip(changed ? tr("The running training uses the experiment as it was when it started. Stop and Start to train the edited one.")
                                        : QString());
}

void RunActions::showError(const QString &title, const QString &message)
{
    // Non-modal: the window (plots, samples) stays usable while the message is read.
    m_window->statusBar()->showMessage(message);
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}
