#include "window/mainwindow.h"

#include "lesson/lessonpanel.h"

#include "dashboard/dashboard.h"
#include "explorer/latentexplorer.h"
#include "dashboard/trainingplots.h"
#include "designer/designerwidget.h"
#include "settings/settingspanel.h"
#include "training/trainer.h"
#include "window/autosave.h"
#include "window/documentactions.h"
#include "window/presentationmode.h"
#include "lab/lab2dview.h"
#include "help/userguide.h"
#include "lab/measuresplot.h"
#include "slowmotion/slowmotionpanel.h"
#include "runs/comparedialog.h"
#include "runs/comparisonview.h"
#include "runs/runspanel.h"
#include "window/runactions.h"
#include "window/scriptexport.h"
#include "window/threadgovernor.h"
#include "widgets/widgetevents.h"

#include "document/experimentdocument.h"
#include "i18n/language.h"
#include "session/datapreview.h"
#include "spec/presets.h"
#include "session/runsession.h"
#include "training/trainingcontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QApplication>
#include <QDockWidget>
#include <QMessageBox>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_doc(new ExperimentDocument(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    widgetevents::wheelScrollsPanels(this);
    // The experiment dock: its description, then the designer and the settings as tabs.
    auto *experiment = new QWidget(this);
    auto *experimentLayout = new QVBoxLayout(experiment);
    experimentLayout->setContentsMargins(2, 2, 2, 2);
    // The description scrolls; a lesson has a tab of its own instead (what to watch, its next
    // step as a button, its measured table).
    m_description = new QLabel(experiment);
    m_description->setWordWrap(true);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_descriptionScroll = new QScrollArea(experiment);
    m_descriptionScroll->setWidget(m_description);
    m_descriptionScroll->setWidgetResizable(true);
    m_descriptionScroll->setFrameShape(QFrame::NoFrame);
    m_descriptionScroll->setMinimumHeight(120);
    m_descriptionScroll->setMaximumHeight(200);
    experimentLayout->addWidget(m_descriptionScroll);
    auto *tabs = new QTabWidget(experiment);
    m_tabs = tabs;
    m_lesson = new LessonPanel(tabs);
    m_lesson->hide();
    connect(m_lesson, &LessonPanel::followUpClicked, this, [this] {
        const std::optional<presets::FollowUp> next = presets::followUp(m_doc->spec());
        if (!next)
            return;
        if (!next->preset.isEmpty())
            openPreset(next->preset);
        else
            m_doc->changeSettings(next->field, next->edit);
    });
    m_designer = new DesignerWidget(m_doc, tabs);
    tabs->addTab(m_designer, QString());
    m_preview = new DataPreview(this);
    m_settings = new SettingsPanel(m_doc, m_preview, tabs);
    auto *settingsScroll = new QScrollArea(tabs);
    settingsScroll->setWidget(m_settings);
    settingsScroll->setWidgetResizable(true);
    tabs->addTab(settingsScroll, QString());
    experimentLayout->addWidget(tabs, 1);
    auto *designDock = new QDockWidget(this);
    designDock->setObjectName(QStringLiteral("experimentDock"));
    designDock->setWidget(experiment);
    addDockWidget(Qt::LeftDockWidgetArea, designDock);

    m_training = new TrainingController(this);
    m_dashboard = new Dashboard(m_training, this);
    m_dashboard->setDataPreview(m_preview);
    connect(m_dashboard, &Dashboard::sessionStarted, this, &MainWindow::sessionStarted);
    // The image measures get a core while they work (Training > Threads, adaptive).
    connect(m_dashboard, &Dashboard::sessionStarted, this, [this](RunSession *session) {
        connect(session, &RunSession::qualityWorking, m_runs->threads(), &ThreadGovernor::setBackgroundWork);
        // A session replaced mid-measurement never says it ended.
        connect(session, &QObject::destroyed, m_runs->threads(), [threads = m_runs->threads()] { threads->setBackgroundWork(false); });
    });
    resizeDocks({designDock, m_dashboard->samplesDock()}, {600, 400}, Qt::Horizontal);

    m_documents = new DocumentActions(m_doc, this);
    // Another experiment replaces this one (New, Open, a preset, a checkpoint's experiment):
    // a run of the old one ends first (the worker stops cleanly).
    connect(m_doc, &ExperimentDocument::aboutToReload, this, [this] {
        if (m_training->isActive())
            m_training->stop();
    });
    m_documents->addMenus();
    m_runs = new RunActions(m_doc, m_training, m_dashboard, m_documents, this);
    m_runs->addMenu();
    m_scriptExport = new ScriptExport(m_doc, m_training, m_documents, m_runs, this);
    m_autosave = new AutoSave(m_doc, m_training, m_documents, m_runs, this);
    // Slow motion shares the experiment's place: while stepping, the design is not what to look at.
    tabifyDockWidget(designDock, m_dashboard->slowMotionDock());
    designDock->raise();
    connect(m_dashboard->slowMotion(), &SlowMotionPanel::nextRequested, m_runs, &RunActions::substepTraining);
    // The panel's Next is Training > Slow Motion: greyed out when it is, with its reason.
    if (QAction *substep = findChild<QAction *>(QStringLiteral("substepAction"))) {
        auto follow = [panel = m_dashboard->slowMotion(), substep] { panel->setNextAllowed(substep->isEnabled(), substep->statusTip()); };
        connect(substep, &QAction::changed, this, follow);
        follow();
    }
    connect(m_dashboard->slowMotion(), &SlowMotionPanel::finishRequested, m_runs, &RunActions::stepTraining);

    // Runs side by side: the Runs panel shares the bottom with the samples and the lab.
    m_runsPanel = new RunsPanel(m_dashboard->plots(), m_dashboard->quality(), m_dashboard->measures(), this);
    auto *runsDock = new QDockWidget(this);
    runsDock->setObjectName(QStringLiteral("runsDock"));
    runsDock->setWidget(m_runsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, runsDock);
    tabifyDockWidget(m_dashboard->samplesDock(), runsDock);
    m_dashboard->samplesDock()->raise();
    connect(m_dashboard, &Dashboard::sessionStarted, m_runsPanel, [this](RunSession *session) {
        m_runsPanel->beginRun(m_training, session, session ? session->spec() : m_doc->spec(), true);
    });
    // Compare With...: the second run's lab (or grid) beside the window's. The two take turns a
    // step at a time (a paused window run holds it); it stops with the window's run and takes its speed.
    m_comparison = new ComparisonView(this);
    m_comparison->hide();  // until a comparison starts: then beside the window's lab or grid
    connect(m_comparison, &ComparisonView::started, m_runsPanel,
            [this](TrainingController *training, RunSession *session, const ExperimentSpec &spec, const QString &name) {
                m_runsPanel->beginRun(training, session, spec, false, name);
                m_comparison->setTitleColor(m_runsPanel->colorOf(m_runsPanel->liveRow(training)));
            });
    connect(m_training, &TrainingController::stateChanged, m_comparison, [this](TrainingController::State s) {
        m_comparison->followState(int(s));
        if (s == TrainingController::State::Idle && m_turns) {
            m_turns->leave(0);  // also when it never began (its data would not load)
            m_training->setTurns(nullptr, 0);  // the next run trains alone unless compared again
        }
    });
    connect(m_comparison->training(), &TrainingController::stateChanged, this, [this](TrainingController::State s) {
        if (s == TrainingController::State::Idle && m_turns)
            m_turns->leave(1);
    });
    // A new run of the window alone, or another experiment: the last comparison's view goes.
    connect(m_dashboard, &Dashboard::sessionStarted, m_comparison, [this] { m_comparison->hide(); });
    connect(m_doc, &ExperimentDocument::reloaded, m_comparison, [this] {
        m_comparison->stop();
        m_comparison->hide();
    });
    connect(m_runs, &RunActions::compareRequested, this, [this] { compareWith(); });
    connect(m_runs, &RunActions::speedChanged, m_comparison, &ComparisonView::setSpeed);

    QMenu *view = menuBar()->addMenu(QString());
    view->addAction(designDock->toggleViewAction());
    view->addAction(m_dashboard->samplesDock()->toggleViewAction());
    view->addAction(m_dashboard->explorerDock()->toggleViewAction());
    view->addAction(m_dashboard->labDock()->toggleViewAction());
    view->addAction(m_dashboard->slowMotionDock()->toggleViewAction());
    view->addAction(runsDock->toggleViewAction());
    view->addAction(m_runs->toolBarToggle());
    view->addSeparator();
    QAction *fit = view->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] { m_dashboard->plots()->fit(); });
    fit->setObjectName(QStringLiteral("fitPlotsAction"));
    m_presentation = new PresentationMode(this, {designDock, m_dashboard->explorerDock()},
                                          {m_dashboard->samplesDock(), m_dashboard->labDock()}, m_dashboard->slowMotionDock());
    // On a projector the lab shows its plane and the measures' sentence, large.
    connect(m_presentation, &PresentationMode::switched, this, [this](bool on) {
        m_dashboard->measures()->setCompact(on);
        m_dashboard->lab()->tools()->setVisible(!on);
    });
    view->addAction(m_presentation->action());
    view->addSeparator();
    // Each language in its own name, as language menus do.
    QMenu *languages = view->addMenu(QString());
    languages->setObjectName(QStringLiteral("languageMenu"));
    auto *languageGroup = new QActionGroup(languages);
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    auto addLanguage = [&](const QString &text, const QString &code) {
        QAction *a = languages->addAction(text, this, [this, code] { chooseLanguage(code); });
        a->setCheckable(true);
        a->setChecked(code == chosen);
        a->setData(code);
        languageGroup->addAction(a);
    };
    addLanguage(QString(), QString());
    QAction *followSystem = languageGroup->actions().constFirst();
    for (const QString &code : language::available())
        addLanguage(language::nativeName(code), code);

    QMenu *help = menuBar()->addMenu(QString());
    QAction *guide = help->addAction(QString(), this, [this] {
        if (!m_guide)
            m_guide = new UserGuide(this);
        m_guide->show();
        m_guide->raise();
    });
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setObjectName(QStringLiteral("userGuideAction"));
    QAction *about = help->addAction(QString(), this, [this] { QMessageBox::about(this, tr("About GAN Playground"), aboutText()); });
    QAction *aboutQt = help->addAction(QString(), qApp, &QApplication::aboutQt);
    widgetevents::retranslated(this, [=] {
        tabs->setTabText(tabs->indexOf(m_designer), tr("&Design"));
        tabs->setTabText(tabs->indexOf(settingsScroll), tr("Data && &Training"));
        if (const int lesson = tabs->indexOf(m_lesson); lesson >= 0)
            tabs->setTabText(lesson, tr("&Lesson"));
        m_lesson->present(m_doc->spec());
        designDock->setWindowTitle(tr("Experiment"));
        runsDock->setWindowTitle(tr("Runs"));
        view->setTitle(tr("&View"));
        fit->setText(tr("&Fit Plots"));
        languages->setTitle(tr("&Language"));
        followSystem->setText(tr("Follow the System"));
        help->setTitle(tr("&Help"));
        guide->setText(tr("User &Guide"));
        about->setText(tr("&About GAN Playground"));
        aboutQt->setText(tr("About &Qt"));
    });
    // The problem sentences come from the engine's analysis: it runs again in the new language.
    widgetevents::onEvent(this, QEvent::LanguageChange, [this] { m_doc->retranslate(); });

    statusBar()->addPermanentWidget(m_runs->designChangedLabel());
    statusBar()->addPermanentWidget(m_runs->threads()->statusLabel());
    m_dashboard->addStatusWidgets(statusBar());
    // Another experiment: no view keeps anything of the old one's run.
    connect(m_doc, &ExperimentDocument::reloaded, this, [this] {
        m_dashboard->showExperiment(m_doc->spec());
        // A lesson opens on its Lesson tab (once the analysis has added it).
        QTimer::singleShot(0, this, [this] {
            if (m_tabs->indexOf(m_lesson) >= 0)
                m_tabs->setCurrentWidget(m_lesson);
        });
    });
    connect(m_doc, &ExperimentDocument::analysisChanged, this, [this] {
        m_preview->follow(m_doc->spec().data, m_doc->spec().seed);
        // Other data while no run is active: the views show them, not the finished run's.
        if (!m_training->isActive() && m_doc->spec().data != m_dashboard->shownData())
            m_dashboard->showExperiment(m_doc->spec());
        const QString description = language::presetDescription(m_doc->spec().description);
        m_description->setText(description);
        // A lesson: its own tab, first; the description is in it.
        const bool lesson = m_lesson->present(m_doc->spec());
        const int at = m_tabs->indexOf(m_lesson);
        if (lesson && at < 0)
            m_tabs->insertTab(0, m_lesson, tr("&Lesson"));
        else if (!lesson && at >= 0)
            m_tabs->removeTab(at);
        m_descriptionScroll->setVisible(!lesson);
        // Drawn data lives in the experiment: the lab shows it as it is edited (and undone).
        const bool drawn = m_doc->spec().data.kind == DataKind::Drawn2D;
        m_dashboard->lab()->setDrawnPoints(drawn ? m_doc->spec().data.points : std::vector<float>());
        if (drawn)
            m_dashboard->lab()->setRealPoints(m_doc->spec().data.points, false);
        m_dashboard->slowMotion()->setLoss(m_doc->spec().loss);
    });
    // Directions named in the latent explorer are saved with the experiment (undoably).
    m_dashboard->explorer()->setDirectionStore([this](const LatentDirectionSpec &d) { m_doc->saveDirection(d); },
                                  [this](int index) { m_doc->removeDirection(index); });
    connect(m_doc, &ExperimentDocument::analysisChanged, this, [this] {
        if (m_savedDirections != m_doc->spec().directions) {
            m_savedDirections = m_doc->spec().directions;
            m_dashboard->explorer()->setSavedDirections(m_savedDirections);
        }
    });
    // A stroke in the 2D lab edits the experiment's data: one undo step per stroke.
    connect(m_dashboard->lab(), &Lab2dView::pointsDrawn, this, [this](const std::vector<float> &points) {
        m_doc->changeSettings(tr("drawn points (stroke %1)").arg(++m_strokes), [&points](ExperimentSpec &s) {
            s.data.kind = DataKind::Drawn2D;
            s.data.points = points;
        });
    });

    resize(1560, 940);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

const ExperimentSpec &MainWindow::experiment() const { return m_doc->spec(); }
RunSession *MainWindow::session() const { return m_dashboard->session(); }

bool MainWindow::openPreset(const QString &name) { return m_documents->openPreset(name); }
bool MainWindow::openFile(const QString &path, QString *error) { return m_documents->openFile(path, error); }
bool MainWindow::newExperiment() { return m_documents->newExperiment(); }
bool MainWindow::save() { return m_documents->save(); }
bool MainWindow::saveAs(const QString &path) { return m_documents->saveAs(path); }

bool MainWindow::resumeFromCheckpoint(const QString &path) { return m_runs->resumeFromCheckpoint(path); }
bool MainWindow::trainOnData(const QString &path) { return m_runs->trainOnData(path); }
bool MainWindow::followRun(const QString &folder) { return m_runs->followRun(folder); }
void MainWindow::showError(const QString &title, const QString &message) { m_runs->showError(title, message); }

bool MainWindow::compareWith(const QString &key, const QString &value)
{
    if (m_training->isActive() || !m_doc->problems().isEmpty())
        return false;
    CompareDialog dialog(m_doc->spec(), this);
    if (!key.isEmpty())
        dialog.setChange(key, value);
    else if (dialog.exec() != QDialog::Accepted)
        return false;
    QString error;
    const ExperimentSpec changed = dialog.changed(&error);
    if (!error.isEmpty()) {
        showError(tr("Compare With"), error);
        return false;
    }
    // The two take turns a step at a time.
    m_turns = std::make_shared<StepTurns>(true);  // each waits for the other from the first step
    m_training->setTurns(m_turns, 0);
    m_comparison->training()->setTurns(m_turns, 1);
    m_runs->startTraining();
    if (!m_training->isActive()) {
        m_training->setTurns(nullptr, 0);
        m_turns.reset();
        return false;
    }
    m_comparison->setSpeed(m_training->speed());
    m_comparison->start(changed, dialog.description());
    if (!m_comparison->training()->isActive())
        m_turns->leave(1);  // it did not start (its view says why): the window's run goes on alone
    // B beside A, in the dock of the window's lab (or grid).
    m_dashboard->showBeside(m_comparison, changed.isTwoDimensional());
    return true;
}

void MainWindow::setBlasProbe(const BlasProbe &probe) { m_blas = probe; }

QString MainWindow::aboutText() const
{
    QString text = tr("<h3>GAN Playground %1</h3><p>Design, train and explore generative adversarial networks.</p>"
                      "<p>Qt %2 (built with %3)<br>LibTorch %4 (%5)<br>Training device: %6</p>")
                       .arg(QStringLiteral(GP_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR), torchVersion(),
                            Trainer::buildHasCuda() ? tr("with CUDA") : tr("CPU only"),
                            Trainer::deviceName(m_doc->spec().device).toHtmlEscaped());
    if (m_blas.gflops > 0)
        text += tr("<p>Matrix products: %1, %2 GFLOP/s with %n thread(s) (measured at start-up).</p>", nullptr, m_blas.threads)
                    .arg(m_blas.library.isEmpty() ? tr("an unknown BLAS") : m_blas.library.toHtmlEscaped())
                    .arg(m_blas.gflops, 0, 'f', 1);
    if (const QString warning = m_blas.warning(); !warning.isEmpty())
        text += QStringLiteral("<p><b>%1</b></p>").arg(warning.toHtmlEscaped());
    return text;
}

QString MainWindow::startLanguage()
{
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    return language::available().contains(chosen) ? chosen : language::systemLanguage();
}

void MainWindow::chooseLanguage(const QString &code)
{
    QSettings().setValue(QStringLiteral("language"), code);
    const QString next = startLanguage();
    if (next == language::current())
        return;
    // Installing the translators sends every widget QEvent::LanguageChange: the panels set their
    // texts again (widgetevents::retranslated), now.
    if (!language::apply(next))
        statusBar()->showMessage(tr("The %1 translation cannot be loaded; GAN Playground stays in English.").arg(language::nativeName(next)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_documents->maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_dashboard->rememberLayout();
    m_training->stop();
    event->accept();
}
