#include "designer/designerwidget.h"
#include "explorer/latentexplorer.h"
#include "designer/layerpropertyeditor.h"
#include "designer/layerstackeditor.h"
#include "designer/layerstackmodel.h"
#include "window/mainwindow.h"
#include "dashboard/sampleview.h"
#include "settings/settingspanel.h"
#include "dashboard/trainingplots.h"

#include "document/experimentdocument.h"
#include "spec/presets.h"
#include "spec/specjson.h"
#include "training/latentrenderer.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <qcustomplot.h>

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void opensEveryPreset();
    void designerEditsUndoBackToTheOriginal();
    void designerShowsProblemsOnTheirLayer();
    void saveAndOpenRoundTrip();
    void trainsFashionMnistFromTheWindow();
    void twoDimensionalDataShowsAScatter();
    void invalidExperimentDisablesStart();
    void editsDuringARunWaitForTheNextRun();
    void resumesFromACheckpoint();
    void damagedCheckpointAndFailedSaveAreMessages();
    void closingMidRunIsClean();
    void plotHistoryStaysBounded();
};

namespace {
using State = TrainingController::State;
}

void TestMainWindow::initTestCase()
{
    // Recent files, window state and the last folder go to a throwaway place.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GAN Playground Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

namespace {
QString cell(const QTableView *view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

// Answers the next modal "unsaved changes" question with `button`.
void answerNextQuestion(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box)
            box->button(button)->click();
    });
}
}  // namespace

void TestMainWindow::opensEveryPreset()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.windowTitle().startsWith(QStringLiteral("dcgan-fashion")));
    auto *generator = w.findChild<QTableView *>(QStringLiteral("generatorTable"));
    auto *discriminator = w.findChild<QTableView *>(QStringLiteral("discriminatorTable"));
    QVERIFY(generator && discriminator);
    QCOMPARE(generator->model()->rowCount(), 10);  // 9 generator layers + total
    QCOMPARE(cell(generator, 4, LayerStackModel::ShapeColumn), QStringLiteral("[64, 14, 14]"));
    QCOMPARE(cell(generator, 4, LayerStackModel::LayerColumn), QStringLiteral("ConvTranspose2d 128→64, k4 s2 p1, no bias"));
    QCOMPARE(generator->model()->headerData(4, Qt::Vertical).toInt(), 5);  // numbered as problems name it
    QCOMPARE(discriminator->model()->rowCount(), 8);
    QCOMPARE(cell(discriminator, 7, LayerStackModel::ShapeColumn), QStringLiteral("[1]"));
    for (const QString &name : presets::names()) {
        QVERIFY(w.openPreset(name));
        QVERIFY2(w.document()->problems().isEmpty(), qPrintable(name));
        QVERIFY(w.startAction()->isEnabled());
    }
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    QCOMPARE(cell(generator, generator->model()->rowCount() - 1, LayerStackModel::ShapeColumn), QStringLiteral("[2]"));
    QVERIFY(!w.openPreset(QStringLiteral("no-such-preset")));
    QVERIFY(w.windowTitle().startsWith(QStringLiteral("mlp-ring8")));
}

void TestMainWindow::designerEditsUndoBackToTheOriginal()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    const QByteArray original = specjson::toBytes(w.experiment());
    LayerStackEditor *d = w.designer()->editor(NetworkRole::Discriminator);
    QTableView *view = d->view();

    // Add a Dropout below the first LeakyReLU, as the Add menu does.
    d->selectLayer(w.experiment().discriminator.layers[1].id);
    d->addLayer(LayerKind::Dropout);
    QCOMPARE(w.experiment().discriminator.layers[2].kind, LayerKind::Dropout);
    QCOMPARE(d->selectedId(), w.experiment().discriminator.layers[2].id);  // the new layer is selected
    QVERIFY(w.isWindowModified());  // the dirty marker in the title
    // Keys: Alt+Down moves it, Ctrl+D duplicates it, Delete removes the copy.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(w.experiment().discriminator.layers[3].kind, LayerKind::Dropout);
    QTest::keyClick(view, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(w.experiment().discriminator.layers.size(), size_t(9));
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(w.experiment().discriminator.layers.size(), size_t(8));

    // The property editor: drag the dropout probability through several values: one undo step.
    d->selectLayer(w.experiment().discriminator.layers[3].id);
    QCOMPARE(w.designer()->properties()->layerId(), d->selectedId());
    auto *p = w.designer()->properties()->findChild<QDoubleSpinBox *>(QStringLiteral("p"));
    QVERIFY(p);
    const int before = w.document()->undoStack()->count();
    for (int i = 0; i < 5; ++i)
        p->stepUp();
    QCOMPARE(w.experiment().discriminator.layers[3].p, 0.3 + 5 * 0.05);
    QCOMPARE(w.document()->undoStack()->count(), before + 1);

    // Drag and drop reorders through the model: move the Dropout to the top.
    LayerStackModel *model = d->model();
    QMimeData *mime = model->mimeData({model->index(3, 0)});
    model->dropMimeData(mime, Qt::MoveAction, 0, 0, QModelIndex());
    delete mime;
    QCOMPARE(w.experiment().discriminator.layers[0].kind, LayerKind::Dropout);

    // A settings edit in the other tab is on the same undo stack.
    auto *batch = w.settings()->findChild<QSpinBox *>(QStringLiteral("batch size"));
    QVERIFY(batch);
    batch->setValue(128);
    QCOMPARE(w.experiment().batchSize, 128);

    // Ctrl+Z until nothing is left: back to the preset, byte for byte, and clean.
    while (w.document()->undoStack()->canUndo())
        QTest::keySequence(&w, QKeySequence::Undo);
    QCOMPARE(specjson::toBytes(w.experiment()), original);
    QVERIFY(!w.isWindowModified());
    QCOMPARE(batch->value(), 64);
    QTest::keySequence(&w, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    QCOMPARE(w.experiment().discriminator.layers[2].kind, LayerKind::Dropout);
}

void TestMainWindow::designerShowsProblemsOnTheirLayer()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    LayerStackEditor *g = w.designer()->editor(NetworkRole::Generator);
    g->selectLayer(w.experiment().generator.layers[4].id);  // ConvTranspose2d 128 -> 64
    auto *in = w.designer()->properties()->findChild<QSpinBox *>(QStringLiteral("in"));
    QVERIFY(in);
    in->setValue(64);
    QVERIFY(!w.startAction()->isEnabled());
    QVERIFY2(w.startAction()->toolTip().contains(QStringLiteral("generator layer 5 (ConvTranspose2d)")), qPrintable(w.startAction()->toolTip()));
    const QModelIndex bad = g->model()->index(4, 0);
    QVERIFY(bad.data(Qt::BackgroundRole).isValid());  // highlighted
    QVERIFY(bad.data(Qt::ToolTipRole).toString().contains(QStringLiteral("128")));
    QVERIFY(!g->model()->index(3, 0).data(Qt::BackgroundRole).isValid());
    auto *problems = w.designer()->findChild<QLabel *>(QStringLiteral("problems"));
    QVERIFY(problems->text().contains(QStringLiteral("generator layer 5 (ConvTranspose2d)")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QString dir = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    QVERIFY(w.grab().save(dir + QStringLiteral("/designer-problem.png")));
    w.startTraining();  // refused
    QCOMPARE(w.training()->state(), State::Idle);
    // "Fit to Input" repairs it in one click.
    auto *fit = w.designer()->properties()->findChild<QPushButton *>();
    QVERIFY(fit);
    fit->click();
    QCOMPARE(w.experiment().generator.layers[4].inChannels, 128);
    QVERIFY(w.startAction()->isEnabled());
    w.document()->undoStack()->setClean();
}

void TestMainWindow::saveAndOpenRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ring.json"));
    {
        MainWindow w;
        QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
        w.document()->changeSettings(QStringLiteral("seed"), [](ExperimentSpec &s) { s.seed = 42; });
        QVERIFY(w.document()->isModified());
        QVERIFY(w.saveAs(path));
        QVERIFY(!w.document()->isModified());
        QCOMPARE(w.windowTitle(), QStringLiteral("ring.json[*] - GAN Playground"));
        // Unsaved changes make opening another experiment ask; Cancel keeps everything.
        w.document()->changeSettings(QStringLiteral("seed"), [](ExperimentSpec &s) { s.seed = 43; });
        answerNextQuestion(QMessageBox::Cancel);
        QVERIFY(!w.openPreset(QStringLiteral("dcgan-fashion")));
        QCOMPARE(w.experiment().seed, std::uint64_t(43));
        answerNextQuestion(QMessageBox::Discard);
        QVERIFY(w.openFile(path));
        QCOMPARE(w.experiment().seed, std::uint64_t(42));
    }
    MainWindow w;
    QVERIFY(w.openFile(path));
    // The settings tab shows the opened experiment and a preview of its real data.
    auto *tabs = w.findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentIndex(1);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.settings()->findChild<QDoubleSpinBox *>(QStringLiteral("seed"))->value(), 42.0);
    QTRY_VERIFY_WITH_TIMEOUT(!w.settings()->preview()->pixmap().isNull(), 10000);
    const QString shots = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    QVERIFY(w.grab().save(shots + QStringLiteral("/settings-ring8.png")));
    ExperimentSpec expected;
    QCOMPARE(presets::load(QStringLiteral("mlp-ring8"), &expected), QString());
    expected.seed = 42;
    QVERIFY(w.experiment() == expected);
    QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0), QFileInfo(path).absoluteFilePath());
}

void TestMainWindow::trainsFashionMnistFromTheWindow()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.startAction()->isEnabled());
    QSignalSpy snapshots(w.training(), &TrainingController::snapshot);
    QSignalSpy published(w.training(), &TrainingController::generatorPublished);
    w.startAction()->trigger();  // one click
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Running, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(w.plots()->lossPlot()->graph(0)->dataCount() >= 10, 60000);
    QVERIFY(w.plots()->scorePlot()->graph(0)->dataCount() > 0);
    QVERIFY(w.plots()->gradientPlot()->graph(0)->dataCount() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(w.samples()->historySize() >= 2, 30000);
    const QImage grid = w.samples()->currentGrid();
    QCOMPARE(grid.width(), 8 * 30 + 2);  // 8 columns of 28-pixel samples with 2-pixel gaps
    QVERIFY(!w.startAction()->isEnabled());

    w.togglePause();
    QTRY_COMPARE(w.training()->state(), State::Paused);
    QTest::qWait(100);
    const std::int64_t at = snapshots.last().at(0).value<TrainingSnapshot>().step;
    w.stepTraining();
    QTRY_COMPARE(snapshots.last().at(0).value<TrainingSnapshot>().step, at + 1);
    QTRY_COMPARE(w.samples()->currentStep(), at + 1);  // a single step refreshes the grid

    // The latent explorer works on the generator published at the pause.
    LatentExplorer *explorer = w.explorer();
    QTRY_VERIFY_WITH_TIMEOUT(explorer->renderer()->hasGenerator(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->currentImage().isNull(), 10000);
    QCOMPARE(explorer->currentImage().size(), QSize(28, 28));
    // Clicking sample 5 (first row, sixth column) of the grid explores its latent vector.
    QSignalSpy shown(explorer, &LatentExplorer::imageShown);
    const std::vector<float> first = explorer->latent();
    auto *gridLabel = w.samples()->findChild<QLabel *>(QStringLiteral("sampleGrid"));
    QVERIFY(gridLabel && gridLabel->isVisible());
    const int side = std::min(gridLabel->width(), gridLabel->height());
    const QPoint origin((gridLabel->width() - side) / 2, (gridLabel->height() - side) / 2);
    QTest::mouseClick(gridLabel, Qt::LeftButton, {}, origin + QPoint(side * 11 / 16, side / 16));
    const std::vector<float> picked = explorer->latent();
    QCOMPARE(int(picked.size()), 100);
    QVERIFY(picked != first);
    QCOMPARE(picked, published.last().at(0).value<std::shared_ptr<GeneratorCopy>>()->evalLatent(5));
    QTRY_VERIFY(!shown.isEmpty());
    // Moving a slider changes the image.
    const QImage beforeMove = explorer->currentImage();
    shown.clear();
    explorer->slider(0)->setValue(explorer->slider(0)->value() > 0 ? -300 : 300);
    QTRY_VERIFY(!shown.isEmpty());
    QVERIFY(explorer->currentImage() != beforeMove);
    // A burst of moves renders the newest value, and far fewer times than it moved.
    const int rendersBefore = explorer->renderer()->renderCount();
    shown.clear();
    for (int v = -300; v <= 300; v += 20)
        explorer->slider(1)->setValue(v);  // 31 moves without returning to the event loop
    QCOMPARE(explorer->latent()[1], 3.0f);
    QTRY_VERIFY(!shown.isEmpty() && shown.last().at(0).toULongLong() == quint64(explorer->shownRequest()));
    QTest::qWait(200);  // let any straggler arrive
    const int renders = explorer->renderer()->renderCount() - rendersBefore;
    QVERIFY2(renders <= 3, qPrintable(QString::number(renders)));
    const QImage burstImage = explorer->currentImage();
    explorer->setLatent(explorer->latent());  // the same vector once more, rendered on its own
    QTRY_VERIFY(shown.count() >= 2);
    QTRY_COMPARE(explorer->currentImage(), burstImage);
    QVERIFY(!explorer->takeLatencies().empty());
    // Interpolation: a strip of 8 images from A to B.
    explorer->setEndpoint(0, picked);
    explorer->setEndpoint(1, explorer->latent());
    explorer->setSpherical(true);
    QTRY_COMPARE(explorer->stripImage().width(), 8 * 30 + 2);

    // Scrubbing the timeline back shows an earlier grid.
    QSlider *timeline = w.samples()->timeline();
    QVERIFY(timeline->isEnabled());
    timeline->setValue(0);
    QCOMPARE(w.samples()->currentStep(), std::int64_t(0));
    timeline->setValue(timeline->maximum());

    // The screenshot the README shows comes from here (look at it).
    const QString dir = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    QVERIFY(w.grab().save(dir + QStringLiteral("/main-window-dcgan.png")));

    w.togglePause();
    QTRY_COMPARE(w.training()->state(), State::Running);
    w.stopTraining();
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Idle, 30000);
    QVERIFY(w.startAction()->isEnabled());
    QVERIFY(w.plots()->metricsCsv().startsWith(QString::fromLatin1(steprecords::csvHeader())));
    QVERIFY(w.plots()->metricsCsv().startsWith(QStringLiteral("step,loss_d,loss_d_real,loss_d_fake,loss_g,")));
    QTemporaryDir tmp;
    QCOMPARE(w.plots()->exportPlots(tmp.filePath(QStringLiteral("plots.png"))), QString());
    QCOMPARE(w.samples()->saveCurrent(tmp.filePath(QStringLiteral("grid.png"))), QString());
    QVERIFY(QImage(tmp.filePath(QStringLiteral("grid.png"))).width() > 200);
}

void TestMainWindow::twoDimensionalDataShowsAScatter()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(w.samples()->historySize() >= 2, 30000);
    auto *scatter = w.samples()->findChild<QCustomPlot *>(QStringLiteral("sampleScatter"));
    QVERIFY(scatter);
    QVERIFY(scatter->isVisible());
    QCOMPARE(scatter->graph(0)->dataCount(), 1000);  // real points
    QCOMPARE(scatter->graph(1)->dataCount(), 64);    // generated from the fixed noise
    const QString dir = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    QTest::qWait(300);
    QVERIFY(w.grab().save(dir + QStringLiteral("/main-window-ring8.png")));
    w.stopTraining();
    QTRY_COMPARE(w.training()->state(), State::Idle);
}

void TestMainWindow::invalidExperimentDisablesStart()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    spec.generator.layers[4].inChannels = 64;  // ConvTranspose2d now expects 64 channels but gets 128
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QCOMPARE(specjson::writeFile(spec, path), QString());
    MainWindow w;
    QVERIFY(w.openFile(path));
    QVERIFY(!w.startAction()->isEnabled());
    QVERIFY2(w.startAction()->toolTip().contains(QStringLiteral("generator layer 5 (ConvTranspose2d)")),
             qPrintable(w.startAction()->toolTip()));
    w.startTraining();  // refused
    QCOMPARE(w.training()->state(), State::Idle);
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    QVERIFY(w.startAction()->isEnabled());
}

void TestMainWindow::editsDuringARunWaitForTheNextRun()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    QSignalSpy snapshots(w.training(), &TrainingController::snapshot);
    w.startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Running, 30000);
    QVERIFY(w.designChangedLabel()->text().isEmpty());
    // Editing the design mid-run: the window says so; the run keeps its own copy.
    w.designer()->editor(NetworkRole::Generator)->selectLayer(w.experiment().generator.layers.back().id);
    w.designer()->editor(NetworkRole::Generator)->addLayer(LayerKind::Tanh);
    QVERIFY(!w.designChangedLabel()->text().isEmpty());
    QTRY_VERIFY(snapshots.count() >= 3);
    QCOMPARE(w.training()->state(), State::Running);
    // Undoing the edit brings the document back to what is running.
    w.document()->undoStack()->undo();
    QVERIFY(w.designChangedLabel()->text().isEmpty());
    w.stopTraining();
    QTRY_COMPARE(w.training()->state(), State::Idle);
}

void TestMainWindow::resumesFromACheckpoint()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ring.pt"));
    std::int64_t savedStep = 0;
    {
        MainWindow w;
        QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
        QSignalSpy snapshots(w.training(), &TrainingController::snapshot);
        QSignalSpy saved(w.training(), &TrainingController::checkpointSaved);
        w.startTraining();
        QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Running, 30000);
        w.togglePause();
        QTRY_COMPARE(w.training()->state(), State::Paused);
        QTRY_VERIFY(!snapshots.isEmpty());
        QTest::qWait(100);
        savedStep = snapshots.last().at(0).value<TrainingSnapshot>().step;
        QVERIFY(savedStep > 0);
        w.training()->saveCheckpoint(path);
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved.first().at(1).toString(), QString());
        w.stopTraining();
        QTRY_COMPARE(w.training()->state(), State::Idle);
    }
    // A fresh window on another experiment: resuming takes the checkpoint's experiment.
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    QSignalSpy snapshots(w.training(), &TrainingController::snapshot);
    QVERIFY(w.resumeFromCheckpoint(path));
    QCOMPARE(w.experiment().name, QStringLiteral("mlp-ring8"));
    QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty(), 30000);
    const TrainingSnapshot first = snapshots.first().at(0).value<TrainingSnapshot>();
    QVERIFY2(first.step >= savedStep, qPrintable(QStringLiteral("%1 < %2").arg(first.step).arg(savedStep)));
    QTRY_VERIFY(snapshots.last().at(0).value<TrainingSnapshot>().step > savedStep);
    w.stopTraining();
    QTRY_COMPARE(w.training()->state(), State::Idle);
    // A damaged checkpoint: a message, nothing starts.
    QFile bad(dir.filePath(QStringLiteral("bad.pt")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("not a checkpoint");
    bad.close();
    QVERIFY(!w.resumeFromCheckpoint(bad.fileName()));
    QCOMPARE(w.training()->state(), State::Idle);
    QCOMPARE(w.experiment().name, QStringLiteral("mlp-ring8"));
}

namespace {
// The non-modal warning the window shows, if one is open with this title.
QMessageBox *openWarning(const QString &title)
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible() && box->windowTitle() == title)
            return box;
    return nullptr;
}
}  // namespace

void TestMainWindow::damagedCheckpointAndFailedSaveAreMessages()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ring.pt"));
    MainWindow w;
    w.show();
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    QSignalSpy saved(w.training(), &TrainingController::checkpointSaved);
    w.startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Running, 30000);
    // A save into a folder that is not there, mid-run: a message, and the run waits.
    w.training()->saveCheckpoint(dir.filePath(QStringLiteral("gone/ring.pt")));
    QTRY_COMPARE(saved.count(), 1);
    QTRY_COMPARE(w.training()->state(), State::Paused);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = openWarning(QStringLiteral("Checkpoint not saved"))) != nullptr);
    QVERIFY2(box->text().contains(QStringLiteral("gone/ring.pt")) && box->text().contains(QStringLiteral("Training is paused")),
             qPrintable(box->text()));
    QVERIFY(!box->isModal());
    const QString shots = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    QVERIFY(box->grab().save(shots + QStringLiteral("/checkpoint-not-saved.png")));
    box->close();
    // A good save, then the same checkpoint with flipped weights: refused with the reason.
    w.training()->saveCheckpoint(path);
    QTRY_COMPARE(saved.count(), 2);
    QCOMPARE(saved.last().at(1).toString(), QString());
    w.stopTraining();
    QTRY_COMPARE(w.training()->state(), State::Idle);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    for (int i = 0; i < 32; ++i)
        bytes[bytes.size() / 3 + i] = char(bytes[bytes.size() / 3 + i] ^ 0x41);
    QVERIFY(f.seek(0));
    QCOMPARE(f.write(bytes), bytes.size());
    f.close();
    QVERIFY(!w.resumeFromCheckpoint(path));  // refused before any run starts: titled as such
    QCOMPARE(w.training()->state(), State::Idle);
    QTRY_VERIFY((box = openWarning(QStringLiteral("Cannot resume"))) != nullptr);
    QVERIFY2(box->text().contains(QStringLiteral("fails its checksum")), qPrintable(box->text()));
    QVERIFY(w.isVisible());
    box->close();
}

void TestMainWindow::closingMidRunIsClean()
{
    QElapsedTimer timer;
    timer.start();
    {
        MainWindow w;
        QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
        w.show();
        w.startTraining();
        QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Running, 30000);
        QTest::qWait(200);
        w.close();
    }
    QVERIFY(timer.elapsed() < 40000);
    // Opening another experiment mid-run ends the run.
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    w.startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Running, 30000);
    QVERIFY(w.openPreset(QStringLiteral("mlp-grid25")));
    QTRY_COMPARE(w.training()->state(), State::Idle);
}

void TestMainWindow::plotHistoryStaysBounded()
{
    TrainingPlots plots;
    std::vector<StepRecord> records(1000);
    for (int chunk = 0; chunk < 100; ++chunk) {
        for (int i = 0; i < 1000; ++i) {
            StepRecord &r = records[size_t(i)];
            r.step = chunk * 1000 + i + 1;
            r.lossD = 1.0f + 0.1f * std::sin(float(r.step));
            r.lossG = 0.7f;
            r.dReal = 0.6f;
            r.dFake = 0.4f;
            r.gradNormD = r.gradNormG = 0.5f;
        }
        plots.append(records);
    }
    QVERIFY2(plots.pointsInGraphs() <= 8 * TrainingPlots::kMaxPointsPerGraph, qPrintable(QString::number(plots.pointsInGraphs())));
    QVERIFY(plots.pointsInGraphs() >= 8 * TrainingPlots::kMaxPointsPerGraph / 2);
    // Still spans the whole run: the first point averages only the first few steps, the last
    // point is near the newest step.
    const QCPGraph *raw = plots.lossPlot()->graph(0);
    QVERIFY2(raw->data()->at(0)->key < 50.0, qPrintable(QString::number(raw->data()->at(0)->key)));
    QVERIFY(raw->data()->at(raw->dataCount() - 1)->key > 99900.0);
    QCOMPARE(plots.metricsCsv().count(QLatin1Char('\n')), 100001);  // the CSV keeps every step
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
