// The window as a person uses it to train: a Fashion-MNIST run with live plots and grid, a 2D
// scatter, edits during a run, resume, failures as messages, closing mid-run, bounded plots,
// and a step in slow motion on 2D data and on images.
#include "designer/designerwidget.h"
#include "explorer/latentexplorer.h"
#include "designer/layerpropertyeditor.h"
#include "designer/layerstackeditor.h"
#include "designer/layerstackmodel.h"
#include "window/mainwindow.h"
#include "dashboard/sampleview.h"
#include "settings/settingspanel.h"
#include "window/autosave.h"
#include "dashboard/trainingplots.h"
#include "runs/comparisonview.h"
#include "runs/runspanel.h"
#include "session/runsession.h"
#include "lab/lab2dview.h"
#include "lab/measuresplot.h"
#include "slowmotion/batchoverlay.h"
#include "slowmotion/batchstrip.h"
#include "slowmotion/modeldiagram.h"
#include "slowmotion/slowmotionpanel.h"
#include "widgets/lossformulas.h"

#include "document/experimentdocument.h"
#include "spec/presets.h"
#include "spec/specjson.h"
#include "training/latentrenderer.h"

#include <QAction>
#include <QImage>
#include <QImageReader>
#include <QPointer>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QProgressBar>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QProcess>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include <csignal>

#include "windowsupport.h"
#include "testsupport.h"
#include "clisupport.h"
#include "quality/classhistogram.h"
#include "quality/qualityplot.h"
#include "eval/qualityrenderer.h"

#include <qcustomplot.h>

class TestWindowRuns : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void trainsFashionMnistFromTheWindow();
    void twoDimensionalDataShowsAScatter();
    void editsDuringARunWaitForTheNextRun();
    void resumesFromACheckpoint();
    void trainsOnAFolderAndOpensARunWithoutItsData();
    void damagedCheckpointAndFailedSaveAreMessages();
    void closingMidRunIsClean();
    void plotHistoryStaysBounded();
    void slowMotionWalksThroughAStep();
    void anotherExperimentLeavesNothingOfTheRun();
    void stepsPastTheBudgetAreCountedAsSuch();
    void measuresImageQualityBesideTheRun();
    void exploresDirectionsAndExportsWalks();
    void recoversTheRunOfAKilledWindow();
    void followsARunTrainedByTheCommandLine();
    void comparesRunsSideBySide();
};

using namespace windowsupport;
namespace {
using State = TrainingController::State;
std::int64_t lastStepOf(const QSignalSpy &snapshots)
{
    return snapshots.isEmpty() ? -1 : snapshots.last().at(0).value<TrainingSnapshot>().step;
}
}

void TestWindowRuns::initTestCase()
{
    isolateSettings(QStringLiteral("tst_windowruns"));
}

void TestWindowRuns::trainsFashionMnistFromTheWindow()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(child<QAction>(w, "startAction")->isEnabled());
    QSignalSpy snapshots(w.training(), &TrainingController::snapshot);
    QSignalSpy published(w.training(), &TrainingController::generatorPublished);
    child<QAction>(w, "startAction")->trigger();  // one click
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Running, 30000 * kSlowdown);
    QTRY_VERIFY_WITH_TIMEOUT(child<TrainingPlots>(w)->lossPlot()->graph(0)->dataCount() >= 10, 60000 * kSlowdown);
    QVERIFY(child<TrainingPlots>(w)->scorePlot()->graph(0)->dataCount() > 0);
    QVERIFY(child<TrainingPlots>(w)->gradientPlot()->graph(0)->dataCount() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(child<SampleView>(w)->historySize() >= 2, 30000 * kSlowdown);
    const QImage grid = child<SampleView>(w)->currentGrid();
    QCOMPARE(grid.width(), 8 * 30 + 2);  // 8 columns of 28-pixel samples with 2-pixel gaps
    QVERIFY(!child<QAction>(w, "startAction")->isEnabled());

    trigger(w, "pauseAction");
    QTRY_COMPARE(w.training()->state(), State::Paused);
    QTest::qWait(100);
    const std::int64_t at = snapshots.last().at(0).value<TrainingSnapshot>().step;
    trigger(w, "stepAction");
    QTRY_COMPARE(snapshots.last().at(0).value<TrainingSnapshot>().step, at + 1);
    QTRY_COMPARE(child<SampleView>(w)->currentStep(), at + 1);  // a single step refreshes the grid

    // Slow motion on images: the batch's first samples with D's scores under them.
    auto *slow = w.findChild<SlowMotionPanel *>();
    QVERIFY(slow);
    QSignalSpy substeps(w.training(), &TrainingController::substepDone);
    for (int i = 1; i <= int(Substep::Score); ++i)
        slow->nextButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(substeps.count(), int(Substep::Score), 30000 * kSlowdown);
    QTRY_COMPARE(int(slow->report().substep), int(Substep::Score));
    QVERIFY(slow->isVisible());
    auto *strip = slow->findChild<BatchStrip *>();
    QVERIFY(strip && strip->isVisible());
    QCOMPARE(strip->imageCount(), 16);  // 8 real and 8 generated
    QCOMPARE(slow->report().realScores.size(), size_t(8));
    QVERIFY(slow->narration().contains(LossFormulas::number(slow->report().meanReal)));
    slow->findChild<QPushButton *>(QStringLiteral("finishStep"))->click();  // the rest at once
    QTRY_COMPARE(snapshots.last().at(0).value<TrainingSnapshot>().step, at + 2);

    // The latent explorer works on the generator published at the pause. (Wait for that copy:
    // on a slow machine it can arrive after the snapshot, and a newer generator in the middle
    // of the checks below would change the images they compare.)
    QTRY_VERIFY_WITH_TIMEOUT(!published.isEmpty() && published.last().at(0).value<std::shared_ptr<GeneratorCopy>>()->step() == at + 2,
                             10000 * kSlowdown);
    LatentExplorer *explorer = child<LatentExplorer>(w);
    QTRY_VERIFY_WITH_TIMEOUT(explorer->renderer()->hasGenerator(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->currentImage().isNull(), 10000);
    QCOMPARE(explorer->currentImage().size(), QSize(28, 28));
    // Clicking sample 5 (first row, sixth column) of the grid explores its latent vector.
    QSignalSpy shown(explorer, &LatentExplorer::imageShown);
    const std::vector<float> first = explorer->latent();
    auto *gridLabel = child<SampleView>(w)->findChild<QLabel *>(QStringLiteral("sampleGrid"));
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
    QSlider *timeline = child<SampleView>(w)->timeline();
    QVERIFY(timeline->isEnabled());
    timeline->setValue(0);
    QCOMPARE(child<SampleView>(w)->currentStep(), std::int64_t(0));
    timeline->setValue(timeline->maximum());

    // The screenshot the README shows comes from here (look at it).
    const QString dir = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    QVERIFY(w.grab().save(dir + QStringLiteral("/main-window-dcgan.png")));

    trigger(w, "pauseAction");
    QTRY_COMPARE(w.training()->state(), State::Running);
    trigger(w, "stopAction");
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Idle, 30000 * kSlowdown);
    QVERIFY(child<QAction>(w, "startAction")->isEnabled());
    QVERIFY(child<TrainingPlots>(w)->metricsCsv().startsWith(QString::fromLatin1(steprecords::csvHeader())));
    QVERIFY(child<TrainingPlots>(w)->metricsCsv().startsWith(QStringLiteral("step,loss_d,loss_d_real,loss_d_fake,loss_g,")));
    QTemporaryDir tmp;
    QCOMPARE(child<TrainingPlots>(w)->exportPlots(tmp.filePath(QStringLiteral("plots.png"))), QString());
    QCOMPARE(child<SampleView>(w)->saveCurrent(tmp.filePath(QStringLiteral("grid.png"))), QString());
    QVERIFY(QImage(tmp.filePath(QStringLiteral("grid.png"))).width() > 200);
}

void TestWindowRuns::twoDimensionalDataShowsAScatter()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    trigger(w, "startAction");
    QTRY_VERIFY_WITH_TIMEOUT(child<SampleView>(w)->historySize() >= 2, 30000 * kSlowdown);
    auto *scatter = child<SampleView>(w)->findChild<QCustomPlot *>(QStringLiteral("sampleScatter"));
    QVERIFY(scatter);
    QVERIFY(scatter->isVisible());
    QCOMPARE(scatter->graph(0)->dataCount(), 1000);  // real points
    QCOMPARE(scatter->graph(1)->dataCount(), 64);    // generated from the fixed noise
    const QString dir = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    QTest::qWait(300);
    QVERIFY(w.grab().save(dir + QStringLiteral("/main-window-ring8.png")));
    trigger(w, "stopAction");
    QTRY_COMPARE(w.training()->state(), State::Idle);
}

void TestWindowRuns::editsDuringARunWaitForTheNextRun()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    QSignalSpy snapshots(w.training(), &TrainingController::snapshot);
    trigger(w, "startAction");
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Running, 30000 * kSlowdown);
    QVERIFY(child<QLabel>(w, "designChanged")->text().isEmpty());
    // Editing the design mid-run: the window says so; the run keeps its own copy.
    child<DesignerWidget>(w)->editor(NetworkRole::Generator)->selectLayer(w.experiment().generator.layers.back().id);
    child<DesignerWidget>(w)->editor(NetworkRole::Generator)->addLayer(LayerKind::Tanh);
    QVERIFY(!child<QLabel>(w, "designChanged")->text().isEmpty());
    QTRY_VERIFY(snapshots.count() >= 3);
    QCOMPARE(w.training()->state(), State::Running);
    // Undoing the edit brings the document back to what is running.
    w.document()->undoStack()->undo();
    QVERIFY(child<QLabel>(w, "designChanged")->text().isEmpty());
    trigger(w, "stopAction");
    QTRY_COMPARE(w.training()->state(), State::Idle);
}

void TestWindowRuns::resumesFromACheckpoint()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ring.pt"));
    std::int64_t savedStep = 0;
    {
        MainWindow w;
        QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
        QSignalSpy snapshots(w.training(), &TrainingController::snapshot);
        QSignalSpy saved(w.training(), &TrainingController::checkpointSaved);
        trigger(w, "startAction");
        QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Running, 30000 * kSlowdown);
        trigger(w, "pauseAction");
        QTRY_COMPARE(w.training()->state(), State::Paused);
        QTRY_VERIFY(!snapshots.isEmpty());
        QTest::qWait(100);
        savedStep = snapshots.last().at(0).value<TrainingSnapshot>().step;
        QVERIFY(savedStep > 0);
        w.training()->saveCheckpoint(path);
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved.first().at(1).toString(), QString());
        trigger(w, "stopAction");
        QTRY_COMPARE(w.training()->state(), State::Idle);
    }
    // A fresh window on another experiment: resuming takes the checkpoint's experiment.
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    QSignalSpy snapshots(w.training(), &TrainingController::snapshot);
    QVERIFY(w.resumeFromCheckpoint(path));
    QCOMPARE(w.experiment().name, QStringLiteral("mlp-ring8"));
    QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty(), 30000 * kSlowdown);
    const TrainingSnapshot first = snapshots.first().at(0).value<TrainingSnapshot>();
    QVERIFY2(first.step >= savedStep, qPrintable(QStringLiteral("%1 < %2").arg(first.step).arg(savedStep)));
    // The checkpoint's steps are plotted and exported too, from step 1.
    QVERIFY(!first.records.empty());
    QCOMPARE(first.records.front().step, std::int64_t(1));
    QCOMPARE(first.records.back().step, savedStep);
    QTRY_VERIFY(child<TrainingPlots>(w)->metricsCsv().section(QLatin1Char('\n'), 1, 1).startsWith(QStringLiteral("1,")));
    QTRY_VERIFY(snapshots.last().at(0).value<TrainingSnapshot>().step > savedStep);
    trigger(w, "stopAction");
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

void TestWindowRuns::trainsOnAFolderAndOpensARunWithoutItsData()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("pictures")), path = dir.filePath(QStringLiteral("pictures.pt"));
    QVERIFY(QDir().mkpath(folder));
    auto addPictures = [&](int from, int to) {
        for (int i = from; i < to; ++i) {
            QImage image(8, 8, QImage::Format_RGB32);
            image.fill(QColor::fromHsv(i * 37 % 360, 200, 220));
            image.setPixel(i % 8, (i / 8) % 8, qRgb(0, 0, 0));
            QVERIFY(image.save(QDir(folder).filePath(QStringLiteral("%1.png").arg(i, 3, 10, QLatin1Char('0')))));
        }
    };
    addPictures(0, 40);
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    QVERIFY(!child<QAction>(w, "trainOnFolderAction")->text().isEmpty());
    QSignalSpy snapshots(w.training(), &TrainingController::snapshot);
    QSignalSpy saved(w.training(), &TrainingController::checkpointSaved);
    // File > Train on Folder...: the experiment takes the folder, with networks fitted to it.
    QVERIFY(w.trainOnData(folder));
    QCOMPARE(w.experiment().data.kind, DataKind::ImageFolder);
    QCOMPARE(w.experiment().data.imageSize, 8);
    QCOMPARE(w.experiment().data.grayscale, false);
    QCOMPARE(w.experiment().name, QStringLiteral("dcgan-fashion"));
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("fitted to 3x8x8")), qPrintable(w.statusBar()->currentMessage()));
    QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty() && snapshots.last().at(0).value<TrainingSnapshot>().step >= 3, 30000 * kSlowdown);
    trigger(w, "pauseAction");
    QTRY_COMPARE(w.training()->state(), State::Paused);
    QTest::qWait(100);
    const std::int64_t step = snapshots.last().at(0).value<TrainingSnapshot>().step;
    w.training()->saveCheckpoint(path);
    QTRY_COMPARE(saved.count(), 1);
    trigger(w, "stopAction");
    QTRY_COMPARE(w.training()->state(), State::Idle);

    // The folder grew: the run opens paused without its data, its generator in the explorer,
    // and the window offers to go on with the data as it is.
    addPictures(40, 60);
    QSignalSpy published(w.training(), &TrainingController::generatorPublished);
    QVERIFY(w.resumeFromCheckpoint(path));
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = w.findChild<QMessageBox *>(QStringLiteral("dataUnavailableBox"))), 30000 * kSlowdown);
    QVERIFY2(box->text().contains(QStringLiteral("trained on 40 samples")) && box->text().contains(QStringLiteral("now holds 60")),
             qPrintable(box->text()));
    QTRY_COMPARE(w.training()->state(), State::Paused);
    QTRY_VERIFY(!published.isEmpty());
    QCOMPARE(published.last().at(0).value<std::shared_ptr<GeneratorCopy>>()->step(), step);
    // It cannot train as it is: Resume, Step and Slow Motion are greyed out, saying why.
    for (const char *name : {"pauseAction", "stepAction", "substepAction"}) {
        QAction *a = child<QAction>(w, name);
        QVERIFY2(!a->isEnabled(), name);
        QVERIFY2(a->toolTip().contains(QStringLiteral("open without its data")), qPrintable(a->toolTip()));
    }
    QPushButton *next = child<QPushButton>(w, "nextSubstep");  // the Slow Motion panel's button follows
    QVERIFY(!next->isEnabled());
    QVERIFY2(next->toolTip().contains(QStringLiteral("open without its data")), qPrintable(next->toolTip()));
    QVERIFY(w.grab().save(qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath()) + QStringLiteral("/run-without-data.png")));
    const QPointer<QMessageBox> open = box;
    child<QPushButton>(*box, "reshuffleButton")->click();
    QTRY_VERIFY(open.isNull());
    QTRY_VERIFY_WITH_TIMEOUT(w.training()->state() == State::Running, 30000 * kSlowdown);
    QVERIFY(child<QAction>(w, "pauseAction")->isEnabled());  // on the data as it is now, it trains
    QVERIFY(next->isEnabled());
    QVERIFY(!child<QAction>(w, "pauseAction")->toolTip().contains(QStringLiteral("open without its data")));
    QTRY_VERIFY_WITH_TIMEOUT(snapshots.last().at(0).value<TrainingSnapshot>().step > step, 30000 * kSlowdown);
    trigger(w, "stopAction");
    QTRY_COMPARE(w.training()->state(), State::Idle);
}

void TestWindowRuns::damagedCheckpointAndFailedSaveAreMessages()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ring.pt"));
    MainWindow w;
    w.show();
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    QSignalSpy saved(w.training(), &TrainingController::checkpointSaved);
    trigger(w, "startAction");
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Running, 30000 * kSlowdown);
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
    trigger(w, "stopAction");
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

void TestWindowRuns::closingMidRunIsClean()
{
    QElapsedTimer timer;
    timer.start();
    {
        MainWindow w;
        QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
        w.show();
        trigger(w, "startAction");
        QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Running, 30000 * kSlowdown);
        QTest::qWait(200);
        w.close();
    }
    QVERIFY(timer.elapsed() < 40000);
    // Opening another experiment mid-run ends the run.
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    trigger(w, "startAction");
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Running, 30000 * kSlowdown);
    QVERIFY(w.openPreset(QStringLiteral("mlp-grid25")));
    QTRY_COMPARE(w.training()->state(), State::Idle);
}

void TestWindowRuns::plotHistoryStaysBounded()
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

// A teacher steps through one training step of mlp-ring8: each press shows its substep in the
// diagram, the narration and the formula with this step's numbers, and the 2D lab rings the
// batch, redraws D's heatmap after D's update, and draws the push arrows and the moves.
void TestWindowRuns::slowMotionWalksThroughAStep()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    w.resize(1500, 950);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *slow = w.findChild<SlowMotionPanel *>();
    auto *action = w.findChild<QAction *>(QStringLiteral("substepAction"));
    auto *lab = w.findChild<Lab2dView *>();
    QVERIFY(slow && action && lab);
    QSignalSpy substeps(w.training(), &TrainingController::substepDone);
    QSignalSpy snapshots(w.training(), &TrainingController::snapshot);
    const QString dir = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    auto *heat = qobject_cast<QCPColorMap *>(lab->plot()->plottable(0));
    QVERIFY(heat);
    QVector<double> heatBefore;
    auto heatNow = [&] {
        QVector<double> v;
        for (int i = 0; i < heat->data()->keySize(); i += 7)
            for (int j = 0; j < heat->data()->valueSize(); j += 7)
                v << heat->data()->cell(i, j);
        return v;
    };

    action->trigger();  // idle: starts the run paused and takes substep 1
    for (int i = 1; i <= kSubstepCount; ++i) {
        if (i > 1)
            action->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(substeps.count(), i, 30000 * kSlowdown);
        const SubstepReport &r = slow->report();
        QCOMPARE(int(r.substep), i);
        QCOMPARE(r.step, std::int64_t(1));
        QCOMPARE(w.training()->state(), State::Paused);
        QVERIFY(slow->isVisible());
        QCOMPARE(slow->diagram()->substep(), i);
        QVERIFY(!slow->narration().isEmpty());
        // The batch in the lab: rings from substep 1 (reals) and 2 (fakes), arrows from 6, moves at 7.
        const BatchOverlay *overlay = &child<Lab2dView>(w)->batch();
        QCOMPARE(overlay->realCount(), r.real.count);
        QCOMPARE(overlay->fakeCount(), i >= int(Substep::Generate) ? r.fake.count : 0);
        QCOMPARE(overlay->arrowCount(), i >= int(Substep::GeneratorLoss) ? std::min(r.fake.count, BatchOverlay::kMaxArrows) : 0);
        QCOMPARE(overlay->moveCount(), i == kSubstepCount ? r.fake.count : 0);
        if (i == int(Substep::DiscriminatorLoss)) {
            // The formula with this step's numbers: the parts and the total of L_D.
            QVERIFY2(slow->formulaText().contains(LossFormulas::number(r.lossD))
                         && slow->formulaText().contains(LossFormulas::number(r.lossReal)),
                     qPrintable(slow->formulaText()));
            QTRY_VERIFY_WITH_TIMEOUT(heat->data()->keySize() == 64, 10000);
            QTest::qWait(300);
            heatBefore = heatNow();
            QVERIFY(w.grab().save(dir + QStringLiteral("/slow-motion-substep4.png")));
            // Mid-step the panel follows View > Language: the same substep told in Chinese, and back.
            const QString narration = slow->narration();
            w.chooseLanguage(QStringLiteral("zh_CN"));
            QTRY_VERIFY(slow->narration() != narration);
            QVERIFY2(slow->narration().contains(QStringLiteral("判别器")), qPrintable(slow->narration()));
            QCOMPARE(int(slow->report().substep), i);
            w.chooseLanguage(QStringLiteral("en"));
            QTRY_COMPARE(slow->narration(), narration);
            QSettings().remove(QStringLiteral("language"));
        }
        if (i == int(Substep::DiscriminatorUpdate))  // the heatmap is D after its update
            QTRY_VERIFY_WITH_TIMEOUT(heatNow() != heatBefore, 10000);
        if (i == int(Substep::GeneratorLoss)) {
            QVERIFY(slow->formulaText().contains(LossFormulas::number(r.lossG)));
            QCOMPARE(r.push.size(), r.fake.points.size());
            QTest::qWait(300);
            QVERIFY(w.grab().save(dir + QStringLiteral("/slow-motion-substep6.png")));
            // The same in Chinese: the Chinese user guide's picture of slow motion.
            const QString narration = slow->narration();
            w.chooseLanguage(QStringLiteral("zh_CN"));
            QTRY_VERIFY(slow->narration() != narration);
            QTest::qWait(300);
            QVERIFY(w.grab().save(dir + QStringLiteral("/slow-motion-substep6-zh_CN.png")));
            w.chooseLanguage(QStringLiteral("en"));
            QTRY_COMPARE(slow->narration(), narration);
            QSettings().remove(QStringLiteral("language"));
            // The same substep on a projector (presentation mode), then back.
            trigger(w, "presentationAction");
            QTest::qWait(500);
            QVERIFY(w.grab().save(dir + QStringLiteral("/slow-motion-presentation.png")));
            trigger(w, "presentationAction");
            QTest::qWait(200);
        }
        QCOMPARE(lastStepOf(snapshots), std::int64_t(i == kSubstepCount ? 1 : 0));
    }
    QTRY_COMPARE(lastStepOf(snapshots), std::int64_t(1));
    QCOMPARE(child<TrainingPlots>(w)->lossPlot()->graph(0)->dataCount(), 1);  // the step's record reached the plots
    QVERIFY(slow->report().complete);

    // Resuming clears the batch from the lab: it belonged to the step taken slowly.
    trigger(w, "pauseAction");
    QTRY_COMPARE(w.training()->state(), State::Running);
    QCOMPARE(child<Lab2dView>(w)->batch().realCount(), 0);
    trigger(w, "stopAction");
    QTRY_COMPARE(w.training()->state(), State::Idle);
}

// An image run with the measures on: the Quality plot and the class histogram fill from the
// published generators, and the metrics export carries the figures on their steps.
void TestWindowRuns::measuresImageQualityBesideTheRun()
{
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("quality.json"));
    QCOMPARE(writeFashionSubsetExperiment(tmp.path(), 2000, 600, 60, file), QString());
    QSettings().setValue(QStringLiteral("quality/interval"), 20);
    MainWindow w;
    QVERIFY(w.openFile(file));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QualityPlot *quality = child<QualityPlot>(w);
    ClassHistogram *histogram = child<ClassHistogram>(w);
    QCOMPARE(quality->interval(), 20);
    QSettings().setValue(QStringLiteral("quality/modest"), false);  // the figures as fast as they come, even on a busy machine
    QSignalSpy budget(w.training(), &TrainingController::budgetReached);
    trigger(w, "startAction");
    QTRY_VERIFY_WITH_TIMEOUT(!budget.isEmpty(), 120000 * kSlowdown);
    // The last measurement is of the generator at the end of the budget.
    QTRY_VERIFY_WITH_TIMEOUT(!quality->records().empty() && quality->records().back().step == 60, 120000 * kSlowdown);
    QVERIFY(quality->isVisible());
    const std::vector<QualityRecord> records = quality->records();
    QVERIFY2(records.size() >= 2, qPrintable(QString::number(records.size())));
    for (size_t i = 1; i < records.size(); ++i)
        QVERIFY(records[i].step / 20 > records[i - 1].step / 20);  // one in each multiple of 20 steps at most
    QVERIFY2(records.front().step > 0, "the untrained generator of step 0 is not measured");
    for (const QualityRecord &r : records) {
        QVERIFY(std::isfinite(r.fd) && r.fd > 0);
        QVERIFY(r.precision >= 0 && r.precision <= 1 && r.recall >= 0 && r.recall <= 1);
        QVERIFY(r.classifierScore >= 1 && r.classifierScore <= 10);
    }
    QCOMPARE(quality->plot()->graph(0)->dataCount(), int(records.size()));
    QVERIFY2(quality->statusText().contains(QStringLiteral("Step 60: FD %1").arg(records.back().fd, 0, 'f', 1)),
             qPrintable(quality->statusText()));
    const QString network = quality->findChild<QLabel *>(QStringLiteral("qualityNetwork"))->text();
    QVERIFY2(network.contains(QStringLiteral("a classifier of 10 classes")) && network.contains(QStringLiteral("t10k-images")),
             qPrintable(network));
    QVERIFY2(network.contains(QStringLiteral("Next at step ~80.")), qPrintable(network));
    // The histogram: ten classes of the newest measurement, 2000 samples in all.
    QVERIFY(histogram->isVisible());
    auto *bars = qobject_cast<QCPBars *>(histogram->plot()->plottable(0));
    QVERIFY(bars);
    QCOMPARE(bars->dataCount(), 10);
    double total = 0;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        total += it->value;
    QVERIFY(qAbs(total - 100) < 1e-6);
    // The export: the figures on the rows of their steps.
    const QStringList rows = child<TrainingPlots>(w)->metricsCsv(records).trimmed().split(QLatin1Char('\n'));
    const int fdAt = int(rows[0].split(QLatin1Char(',')).indexOf(QStringLiteral("fd")));
    QVERIFY(fdAt > 0);
    QCOMPARE(rows[60].split(QLatin1Char(','))[0], QStringLiteral("60"));
    QCOMPARE(rows[60].split(QLatin1Char(','))[fdAt], QString::number(records.back().fd, 'g', 9));

    const QString dir = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    QVERIFY(w.grab().save(dir + QStringLiteral("/quality-small-idx.png")));
    trigger(w, "stopAction");
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Idle, 30000 * kSlowdown);
    QSettings().setValue(QStringLiteral("quality/interval"), 0);
    QSettings().remove(QStringLiteral("quality/modest"));
}

void TestWindowRuns::exploresDirectionsAndExportsWalks()
{
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("directions.json"));
    QCOMPARE(writeFashionSubsetExperiment(tmp.path(), 600, 100, 30, file), QString());
    QSettings().setValue(QStringLiteral("latent/sliders"), 6);
    MainWindow w;
    QVERIFY(w.openFile(file));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy budget(w.training(), &TrainingController::budgetReached);
    trigger(w, "startAction");
    QTRY_VERIFY_WITH_TIMEOUT(!budget.isEmpty(), 120000 * kSlowdown);
    LatentExplorer *explorer = child<LatentExplorer>(w);
    QTRY_VERIFY_WITH_TIMEOUT(explorer->renderer()->hasGenerator() && !explorer->currentImage().isNull(), 30000 * kSlowdown);

    // SeFa directions are found as soon as they are chosen: one slider each, named by eigenvalue,
    // compared with the random baseline.
    QSignalSpy changed(explorer, &LatentExplorer::directionsChanged);
    explorer->setMode(LatentExplorer::Mode::Sefa);
    QTRY_VERIFY_WITH_TIMEOUT(!explorer->directions().directions.empty() && !explorer->busy(), 30000 * kSlowdown);
    QCOMPARE(explorer->sliderCount(), 6);
    QVERIFY2(explorer->sliderName(0).startsWith(QStringLiteral("direction 1 (eigenvalue")), qPrintable(explorer->sliderName(0)));
    QCOMPARE(explorer->slider(0)->maximum(), 500);  // -5..5 spreads
    QVERIFY(explorer->baselineEffect() > 0);
    auto *info = explorer->findChild<QLabel *>(QStringLiteral("directionsInfo"));
    QVERIFY2(info->text().contains(QStringLiteral("times as much as a random direction")), qPrintable(info->text()));
    // A slider moves z along its direction, in spreads of the prior (1 for N(0, I)).
    const std::vector<float> start = explorer->latent();
    const std::vector<float> d = explorer->directions().directions[1].vector;
    explorer->slider(1)->setValue(250);
    QCOMPARE(explorer->latent().size(), start.size());
    for (size_t j = 0; j < start.size(); ++j)
        QVERIFY(std::abs(explorer->latent()[j] - (start[j] + 2.5f * d[j])) < 1e-5);
    // Reset goes back to the picked vector with every slider at 0.
    explorer->pickSample(3);
    const std::vector<float> picked = explorer->latent();
    explorer->slider(0)->setValue(-400);
    QVERIFY(explorer->latent() != picked);
    explorer->reset();
    QCOMPARE(explorer->latent(), picked);
    QCOMPARE(explorer->slider(0)->value(), 0);

    // A direction saved under a name goes into the experiment, undoably, and shows in Saved mode.
    explorer->saveDirection(2, QStringLiteral("brightness"));
    QCOMPARE(int(w.experiment().directions.size()), 1);
    QCOMPARE(w.experiment().directions[0].name, QStringLiteral("brightness"));
    QCOMPARE(w.experiment().directions[0].method, QStringLiteral("sefa"));
    QCOMPARE(w.experiment().directions[0].vector, explorer->directions().directions[2].vector);
    explorer->setMode(LatentExplorer::Mode::Saved);
    QCOMPARE(explorer->sliderCount(), 1);
    QCOMPARE(explorer->sliderName(0), QStringLiteral("brightness"));
    w.document()->undoStack()->undo();
    QVERIFY(w.experiment().directions.empty());
    QCOMPARE(explorer->sliderCount(), 0);
    w.document()->undoStack()->redo();
    QCOMPARE(explorer->sliderCount(), 1);
    const QString saved = tmp.filePath(QStringLiteral("saved.json"));
    QVERIFY(w.saveAs(saved));
    const specjson::ParseResult reread = specjson::fromFile(saved);
    QVERIFY2(reread.ok(), qPrintable(reread.errors.join(QLatin1Char('\n'))));
    QCOMPARE(reread.spec.directions, w.experiment().directions);

    // Exports: a looping sweep as a GIF of exactly 12 frames, and a 3 x 5 grid.
    QSignalSpy exported(explorer, &LatentExplorer::exported);
    const QString gif = tmp.filePath(QStringLiteral("sweep.gif"));
    explorer->exportWalk(explorer->sweep(0, 3, 12, true), gif, 2, 80);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 30000 * kSlowdown);
    QVERIFY2(exported.last().at(0).toBool(), qPrintable(exported.last().at(1).toString()));
    QImageReader reader(gif);
    QCOMPARE(reader.imageCount(), 12);
    QCOMPARE(reader.loopCount(), -1);
    QCOMPARE(reader.size(), QSize(56, 56));
    const QString grid = tmp.filePath(QStringLiteral("grid.png"));
    explorer->exportGrid(0, 3, 5, 3.0, grid, 1);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 2, 30000 * kSlowdown);
    QVERIFY2(exported.last().at(0).toBool(), qPrintable(exported.last().at(1).toString()));
    QCOMPARE(QImageReader(grid).size(), QSize(2 + 5 * 30, 2 + 3 * 30));
    // An interpolation without A and B says what is missing; an unwritable place is a message.
    explorer->exportWalk(explorer->interpolation(true, 10, false), tmp.filePath(QStringLiteral("ab.gif")), 1, 80);
    QCOMPARE(exported.count(), 3);
    QVERIFY(!exported.last().at(0).toBool());
    explorer->exportWalk(explorer->sweep(0, 3, 4, false), tmp.filePath(QStringLiteral("no/such/folder/x.gif")), 1, 80);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 4, 30000 * kSlowdown);
    QVERIFY(!exported.last().at(0).toBool());
    QVERIFY2(exported.last().at(1).toString().contains(QStringLiteral("x.gif")), qPrintable(exported.last().at(1).toString()));

    // The export dialog offers A to B and a sweep along every slider's direction.
    QStringList offered;
    QTimer::singleShot(0, this, [&offered] {
        QTRY_VERIFY(qobject_cast<QDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        auto *path = dialog->findChild<QComboBox *>(QStringLiteral("exportPath"));
        for (int i = 0; path && i < path->count(); ++i)
            offered << path->itemText(i);
        dialog->grab().save(QDir(qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath())).filePath(QStringLiteral("export-walk-dialog.png")));
        dialog->reject();
    });
    explorer->findChild<QPushButton *>(QStringLiteral("exportWalk"))->click();
    QCOMPARE(offered.size(), 2 + explorer->sliderCount());
    QCOMPARE(offered.value(0), QStringLiteral("A to B, straight line"));
    QCOMPARE(offered.value(2), QStringLiteral("Along brightness"));

    // The training timeline as an animation: one frame per grid the timeline holds.
    const QString timeline = tmp.filePath(QStringLiteral("timeline.gif"));
    QCOMPARE(child<SampleView>(w)->exportTimeline(timeline, 150), QString());
    QCOMPARE(QImageReader(timeline).imageCount(), child<SampleView>(w)->historySize());
    QVERIFY(child<SampleView>(w)->historySize() >= 2);
    trigger(w, "stopAction");
}

// The window killed with SIGKILL during a run: the next window offers the run it autosaved and
// continues it from the autosaved step.
void TestWindowRuns::recoversTheRunOfAKilledWindow()
{
    QTemporaryDir tmp;
    // A quick 2D run made on the command line, which the killed window resumes.
    LOAD_PRESET(spec, "mlp-ring8");
    spec.steps = 1000000;
    spec.data.syntheticCount = 2000;
    const QString experiment = tmp.filePath(QStringLiteral("ring.json"));
    QCOMPARE(specjson::writeFile(spec, experiment), QString());
    const QString run = tmp.filePath(QStringLiteral("run"));
    QProcess cli;
    cli.start(qEnvironmentVariable("GP_CLI"), {QStringLiteral("train"), experiment, QStringLiteral("--out"), run, QStringLiteral("--steps"),
                                               QStringLiteral("20")});
    QVERIFY(cli.waitForFinished(60000) && cli.exitCode() == 0);

    // The window, in a process of its own with its own settings and data folders, autosaving
    // every second.
    const QString config = tmp.filePath(QStringLiteral("config")), data = tmp.filePath(QStringLiteral("data"));
    QDir().mkpath(config + QStringLiteral("/GAN Playground"));
    QFile conf(config + QStringLiteral("/GAN Playground/GAN Playground.conf"));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("[recovery]\ninterval=1\ncheckpointInterval=1\n[quality]\ninterval=0\n");
    conf.close();
    QProcess window;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    env.insert(QStringLiteral("XDG_DATA_HOME"), data);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    window.setProcessEnvironment(env);
    window.start(qEnvironmentVariable("GP_GUI"), {QStringLiteral("--resume"), run + QStringLiteral("/checkpoint.pt")});
    QVERIFY(window.waitForStarted());
    const QString root = data + QStringLiteral("/GAN Playground/GAN Playground/recovery");
    // Wait for an autosaved checkpoint past the resumed step, then kill the window.
    std::int64_t autosaved = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QString &session : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                QFile about(root + QLatin1Char('/') + session + QStringLiteral("/about.json"));
                if (about.open(QIODevice::ReadOnly) && QFile::exists(root + QLatin1Char('/') + session + QStringLiteral("/run.pt")))
                    autosaved = std::int64_t(QJsonDocument::fromJson(about.readAll()).object().value(QStringLiteral("step")).toDouble());
            }
            return autosaved > 20;
        }(),
        60000);
    ::kill(pid_t(window.processId()), SIGKILL);
    QVERIFY(window.waitForFinished());
    QCOMPARE(window.exitStatus(), QProcess::CrashExit);

    // The next window asks; Restore continues the run from the autosaved step.
    const std::vector<RecoverySession::Crashed> crashed = RecoverySession::crashed(root);
    QCOMPARE(int(crashed.size()), 1);
    QVERIFY(!crashed.front().checkpointFile.isEmpty());
    QVERIFY(crashed.front().step >= autosaved);
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy snapshots(w.training(), &TrainingController::snapshot);
    QString question;
    QTimer::singleShot(0, this, [&question] {
        QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        question = box->text();
        box->grab().save(QDir(qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath())).filePath(QStringLiteral("recovery-question.png")));
        for (QAbstractButton *b : box->buttons())
            if (b->text() == QStringLiteral("Restore"))
                b->click();
    });
    QVERIFY(child<AutoSave>(w)->offerRecovery(root));
    QVERIFY2(question.contains(QStringLiteral("training run at step %1").arg(crashed.front().step)), qPrintable(question));
    QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty(), 60000 * kSlowdown);
    // It continues from exactly the step the question named (the checkpoint's own step).
    QCOMPARE(snapshots.first().at(0).value<TrainingSnapshot>().step, crashed.front().step);
    QCOMPARE(w.experiment().name, spec.name);
    // The run's checkpoint was kept out of the recovery folder (the killed window's experiment
    // came from a checkpoint and had no file of its own), and the crashed session is gone.
    const QString message = w.statusBar()->currentMessage();
    const QString kept = message.section(QStringLiteral("its checkpoint: "), 1).chopped(1);
    QVERIFY2(kept.endsWith(QStringLiteral("%1-recovered-step-%2.pt").arg(spec.name).arg(crashed.front().step)), qPrintable(message));
    QVERIFY(QFileInfo::exists(kept));
    QFile::remove(kept);
    QVERIFY(RecoverySession::crashed(root).empty());
    trigger(w, "stopAction");
    QTRY_COMPARE(w.training()->state(), State::Idle);
}

void TestWindowRuns::followsARunTrainedByTheCommandLine()
{
    // A run of two processes that the command line trained; an image experiment is open.
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("ring"));
    QProcess cli;
    cli.start(qEnvironmentVariable("GP_CLI"), ringTraining(folder, 60, {QStringLiteral("--nproc"), QStringLiteral("2")}));
    QVERIFY(cli.waitForFinished(120000 * kSlowdown));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // A folder without a run is a message naming it.
    QVERIFY(!w.followRun(dir.path()));
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("holds no run yet")), qPrintable(w.statusBar()->currentMessage()));
    QVERIFY(!child<QAction>(w, "followRunAction")->text().isEmpty());
    // File > Follow Run...: the run's experiment, its 60 steps, its networks (the 2D lab), and
    // what became of it; nothing here trains it.
    QVERIFY(w.followRun(folder));
    QCOMPARE(w.experiment().name, QStringLiteral("mlp-ring8"));
    QCOMPARE(w.training()->state(), State::Following);
    QTRY_COMPARE_WITH_TIMEOUT(child<TrainingPlots>(w)->lossPlot()->graph(0)->dataCount(), 60, 30000 * kSlowdown);
    auto *label = w.findChild<QLabel *>(QStringLiteral("followStatus"));
    QTRY_VERIFY_WITH_TIMEOUT(label->isVisible() && label->text().contains(QStringLiteral("ended at step 60")), 30000 * kSlowdown);
    QTRY_VERIFY_WITH_TIMEOUT(child<Lab2dView>(w)->historySize() >= 1, 30000 * kSlowdown);
    QTRY_VERIFY_WITH_TIMEOUT(child<SampleView>(w)->historySize() >= 1, 30000 * kSlowdown);
    QCOMPARE(child<SampleView>(w)->currentStep(), std::int64_t(60));
    QVERIFY(!child<QAction>(w, "startAction")->isEnabled());
    QVERIFY(!child<QAction>(w, "substepAction")->isEnabled());
    QVERIFY(!child<QAction>(w, "followRunAction")->isEnabled());
    QVERIFY(child<QAction>(w, "stopAction")->isEnabled());
    QVERIFY(!w.findChild<QLabel *>(QStringLiteral("threadStatus"))->isVisible());  // no thread of this window trains
    // Another run takes the folder (train --overwrite): the window follows it from its start,
    // showing its 20 steps and none of the old run's 60.
    cli.start(qEnvironmentVariable("GP_CLI"), ringTraining(folder, 20, {QStringLiteral("--overwrite"), QStringLiteral("--seed"), QStringLiteral("9")}));
    QVERIFY(cli.waitForFinished(120000 * kSlowdown));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QTRY_VERIFY_WITH_TIMEOUT(label->isVisible() && label->text().contains(QStringLiteral("ended at step 20")), 30000 * kSlowdown);
    QCOMPARE(w.training()->state(), State::Following);
    QTRY_COMPARE_WITH_TIMEOUT(child<TrainingPlots>(w)->lossPlot()->graph(0)->dataCount(), 20, 30000 * kSlowdown);
    QTRY_COMPARE_WITH_TIMEOUT(child<SampleView>(w)->currentStep(), std::int64_t(20), 30000 * kSlowdown);
    trigger(w, "stopAction");
    QTRY_COMPARE(w.training()->state(), State::Idle);
    QCOMPARE(child<TrainingPlots>(w)->lossPlot()->graph(0)->dataCount(), 20);  // the run stays shown
    QVERIFY(child<QAction>(w, "followRunAction")->isEnabled());
}

void TestWindowRuns::comparesRunsSideBySide()
{
    // A sweep of the command line: its folder adds both of its runs to the Runs panel.
    QTemporaryDir dir;
    const QString sweepDir = dir.filePath(QStringLiteral("sweep"));
    QProcess cli;
    cli.start(qEnvironmentVariable("GP_CLI"), {QStringLiteral("sweep"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"),
                                                QStringLiteral("--vary"), QStringLiteral("loss.kind=minimax,non-saturating"),
                                                QStringLiteral("--steps"), QStringLiteral("40"), QStringLiteral("--out"), sweepDir});
    QVERIFY(cli.waitForFinished(120000 * kSlowdown));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("lesson-saturating")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    RunsPanel *panel = w.runsPanel();
    auto *plots = child<TrainingPlots>(w);
    QVERIFY(!panel->addFolder(dir.filePath(QStringLiteral("none"))).isEmpty());  // not a folder: said, nothing added
    QCOMPARE(panel->runCount(), 0);
    QCOMPARE(panel->addFolder(sweepDir), QString());
    QCOMPARE(panel->runCount(), 2);
    QCOMPARE(panel->run(0).name, QStringLiteral("kind=minimax/seed-1"));
    QCOMPARE(panel->run(0).steps.size(), size_t(40));
    QVERIFY(!panel->run(0).lastGrid.isNull());
    QVERIFY(panel->run(1).figures.measured);  // the sweep's evaluate
    // Ticked runs are drawn over the plots: six curves each, one legend entry each.
    QCOMPARE(plots->overlayGraphCount(), 12);
    QCOMPARE(plots->lossPlot()->legend->itemCount(), 4 + 2);
    // Their modes over the steps, from the sweep's measures.csv, on the lab's measures.
    QCOMPARE(panel->run(0).modes.size(), size_t(40));
    QCOMPARE(child<MeasuresPlot>(w)->overlayGraphCount(), 2);
    panel->setTicked(0, false);
    QCOMPARE(plots->overlayGraphCount(), 6);
    QCOMPARE(child<MeasuresPlot>(w)->overlayGraphCount(), 1);
    QVERIFY(panel->table()->horizontalHeaderItem(2)->text().contains(QStringLiteral("Modes")));

    // Compare With...: a bad field is refused and nothing starts.
    w.document()->changeSettings(QStringLiteral("steps"), [](ExperimentSpec &s) { s.steps = 400; });
    QVERIFY(!w.compareWith(QStringLiteral("loss.kindd"), QStringLiteral("hinge")));
    QCOMPARE(w.training()->state(), State::Idle);
    // The lesson's comparison: both runs at once, taking turns, each lab on screen.
    w.training()->setSpeed(100);
    QVERIFY(w.compareWith(QStringLiteral("loss.kind"), QStringLiteral("non-saturating")));
    ComparisonView *b = w.comparison();
    QCOMPARE(b->session()->spec().loss.kind, LossKind::NonSaturating);
    QCOMPARE(w.session()->spec().loss.kind, LossKind::Minimax);
    // Both labs side by side in the 2D Lab dock.
    auto *labDock = child<QDockWidget>(w, "labDock");
    QTRY_VERIFY(labDock->isVisible() && b->isVisible());
    QCOMPARE(labDock->findChildren<Lab2dView *>().size(), 2);
    for (Lab2dView *lab : labDock->findChildren<Lab2dView *>())
        QTRY_VERIFY(lab->visibleRegion().boundingRect().width() > 250);
    QTRY_VERIFY(b->lab()->visibleRegion().boundingRect().width() > 150);
    QCOMPARE(panel->runCount(), 4);
    const int a = panel->liveRow(w.training()), second = panel->liveRow(b->training());
    QVERIFY(a >= 0 && second >= 0);
    QVERIFY(!panel->isTicked(a) && panel->isTicked(second));  // B is overlaid live; A is the plots' own
    // Pausing the window's run holds B at its step: the runs take turns.
    QTRY_VERIFY_WITH_TIMEOUT(panel->run(a).steps.size() > 50, 60000 * kSlowdown);
    trigger(w, "pauseAction");
    QTRY_COMPARE(w.training()->state(), State::Paused);
    QTest::qWait(1500);  // the panel takes the newest steps once a second
    const std::int64_t atA = panel->run(a).steps.back().step;
    const std::int64_t atB = panel->run(second).steps.back().step;
    QVERIFY2(std::abs(atA - atB) <= 1, qPrintable(QStringLiteral("A %1, B %2").arg(atA).arg(atB)));
    QTest::qWait(600);
    QCOMPARE(panel->run(second).steps.back().step, atB);
    trigger(w, "pauseAction");
    QTRY_VERIFY_WITH_TIMEOUT(panel->run(a).steps.size() == 400 && panel->run(second).steps.size() == 400, 60000 * kSlowdown);
    QTRY_VERIFY(b->lab()->historySize() >= 1);
    QTRY_VERIFY(plots->overlayGraphCount() == 12);
    // B's modes, as its lab counted them, over the window's own live count.
    QTRY_VERIFY(!panel->run(second).modes.empty());
    QTRY_COMPARE(child<MeasuresPlot>(w)->overlayGraphCount(), 2);  // the sweep's ticked run and B
    const QString shots = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    QVERIFY(w.grab().save(shots + QStringLiteral("/compare-with.png")));
    // Stopping the window's run stops B; both are listed as finished.
    trigger(w, "stopAction");
    QTRY_COMPARE(w.training()->state(), State::Idle);
    QTRY_COMPARE(b->training()->state(), State::Idle);
    QTRY_VERIFY(panel->liveRow(w.training()) < 0 && panel->liveRow(b->training()) < 0);
    QVERIFY(!panel->table()->item(a, 0)->text().contains(QStringLiteral("training")));
    // The next run of the window alone: the comparison's view goes, nothing of it stays on screen.
    trigger(w, "startAction");
    QTRY_VERIFY(w.training()->isActive());
    QVERIFY(!b->isVisible());
    QCOMPARE(b->training()->state(), State::Idle);
    trigger(w, "stopAction");
    QTRY_COMPARE(w.training()->state(), State::Idle);
    QCOMPARE(panel->runCount(), 5);
}

QTEST_MAIN(TestWindowRuns)
namespace {
// Every view of a run, empty: what a window shows when no run has been started.
void verifyNothingOfARun(MainWindow &w)
{
    QVERIFY(!w.session());
    QCOMPARE(child<TrainingPlots>(w)->lossPlot()->graph(0)->dataCount(), 0);
    QCOMPARE(child<TrainingPlots>(w)->scorePlot()->graph(0)->dataCount(), 0);
    QCOMPARE(child<SampleView>(w)->historySize(), 0);
    auto *lab = child<Lab2dView>(w);
    QCOMPARE(lab->historySize(), 0);
    QCOMPARE(lab->shownStep(), std::int64_t(-1));
    QCOMPARE(lab->batch().realCount(), 0);
    QCOMPARE(lab->batch().fakeCount(), 0);
    QCOMPARE(child<MeasuresPlot>(w)->pointCount(), 0);
    QVERIFY(child<LatentExplorer>(w)->currentImage().isNull());
    QVERIFY(child<QualityPlot>(w)->records().empty());
    QVERIFY(!child<ClassHistogram>(w)->isVisible());
    QVERIFY(!child<SlowMotionPanel>(w)->hasReport());
    QCOMPARE(child<QLabel>(w, "stepStatus")->text(), QString());
    QCOMPARE(child<QLabel>(w, "rateStatus")->text(), QString());
    QCOMPARE(child<QLabel>(w, "timeStatus")->text(), QString());
    QCOMPARE(child<QProgressBar>(w, "runProgress")->value(), 0);
}
}  // namespace

// Opening another experiment while a run is on screen (a 2D run in slow motion, then an image
// run) empties every view of it, lays the panels out for the new kind of data, and nothing the
// old run still sends reaches a view. A 2D experiment's data show in the lab before Start.
void TestWindowRuns::anotherExperimentLeavesNothingOfTheRun()
{
    QTemporaryDir tmp;
    const QString images = tmp.filePath(QStringLiteral("images.json"));
    QCOMPARE(writeFashionSubsetExperiment(tmp.path(), 500, 100, 100000, images), QString());
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *lab = child<Lab2dView>(w);
    auto *labDock = child<QDockWidget>(w, "labDock");
    auto *explorerDock = child<QDockWidget>(w, "latentDock");
    // Before Start: the lab is laid out and shows the real data.
    QVERIFY(labDock->isVisible());
    QVERIFY(!explorerDock->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!lab->request().real.empty(), 10000);
    trigger(w, "startAction");
    QTRY_VERIFY_WITH_TIMEOUT(lab->historySize() >= 2 && child<SampleView>(w)->historySize() >= 2, 30000 * kSlowdown);
    QTRY_VERIFY(child<MeasuresPlot>(w)->pointCount() > 0);
    trigger(w, "substepAction");  // slow motion: the batch over the lab
    QTRY_VERIFY_WITH_TIMEOUT(child<SlowMotionPanel>(w)->hasReport() && lab->batch().realCount() > 0, 30000 * kSlowdown);
    lab->setDrawing(true);
    QVERIFY(!child<QLabel>(w, "stepStatus")->text().isEmpty());

    QVERIFY(w.openFile(images));  // the run stops; its last snapshot and copies are on their way
    verifyNothingOfARun(w);
    QVERIFY(!lab->isDrawing());
    QVERIFY(lab->request().real.empty());
    QVERIFY(!labDock->isVisible());
    QVERIFY(explorerDock->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Idle, 30000 * kSlowdown);
    QTest::qWait(300);
    verifyNothingOfARun(w);  // still: what the old run sent after was dropped

    // An image run, then a 2D experiment.
    trigger(w, "startAction");
    QTRY_VERIFY_WITH_TIMEOUT(child<SampleView>(w)->historySize() >= 2, 60000 * kSlowdown);
    QTRY_VERIFY_WITH_TIMEOUT(!child<LatentExplorer>(w)->currentImage().isNull(), 30000 * kSlowdown);
    QVERIFY(child<TrainingPlots>(w)->lossPlot()->graph(0)->dataCount() > 0);
    QVERIFY(w.openPreset(QStringLiteral("lesson-mode-collapse")));
    verifyNothingOfARun(w);
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Idle, 30000 * kSlowdown);
    QTest::qWait(300);
    verifyNothingOfARun(w);
    QVERIFY(labDock->isVisible());
    QVERIFY(!explorerDock->isVisible());
    // The 2D layout as the first run left it, but on the new experiment's tab, not on the
    // Slow Motion tab that run raised.
    QTRY_VERIFY(!child<QDockWidget>(w, "experimentDock")->visibleRegion().isEmpty());
    QVERIFY(child<QDockWidget>(w, "slowMotionDock")->visibleRegion().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!lab->request().real.empty(), 10000);
    const QString dir = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    QVERIFY(w.grab().save(dir + QStringLiteral("/before-start-2d.png")));
}

// A run paused at its budget can still take single steps; the status bar counts them as past
// the budget instead of "step 6 of 5", and the progress stays at 100 %.
void TestWindowRuns::stepsPastTheBudgetAreCountedAsSuch()
{
    QTemporaryDir tmp;
    LOAD_PRESET(spec, "mlp-ring8");
    spec.steps = 5;
    const QString path = tmp.filePath(QStringLiteral("five.json"));
    QCOMPARE(specjson::writeFile(spec, path), QString());
    MainWindow w;
    QVERIFY(w.openFile(path));
    QSignalSpy budget(w.training(), &TrainingController::budgetReached);
    trigger(w, "startAction");
    QTRY_VERIFY_WITH_TIMEOUT(!budget.isEmpty(), 30000 * kSlowdown);
    QTRY_COMPARE(w.training()->state(), State::Paused);
    QTRY_COMPARE(child<QLabel>(w, "stepStatus")->text(), QStringLiteral("step 5 of 5"));
    trigger(w, "stepAction");
    QTRY_COMPARE(child<QLabel>(w, "stepStatus")->text(), QStringLiteral("step 6, 1 past the budget of 5"));
    QCOMPARE(child<QProgressBar>(w, "runProgress")->value(), 100);
    trigger(w, "stopAction");
    QTRY_COMPARE(w.training()->state(), State::Idle);
}

#include "tst_windowruns.moc"
