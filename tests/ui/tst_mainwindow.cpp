#include "mainwindow.h"
#include "sampleview.h"
#include "trainingplots.h"

#include "spec/presets.h"
#include "spec/specjson.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QSlider>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void opensEveryPreset();
    void trainsFashionMnistFromTheWindow();
    void twoDimensionalDataShowsAScatter();
    void invalidExperimentDisablesStart();
    void closingMidRunIsClean();
    void plotHistoryStaysBounded();
};

namespace {
using State = TrainingController::State;
}

void TestMainWindow::opensEveryPreset()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.windowTitle().startsWith(QStringLiteral("dcgan-fashion")));
    auto *generator = w.findChild<QTableWidget *>(QStringLiteral("generatorTable"));
    auto *discriminator = w.findChild<QTableWidget *>(QStringLiteral("discriminatorTable"));
    QVERIFY(generator && discriminator);
    QCOMPARE(generator->rowCount(), 10);  // 9 generator layers + total
    QCOMPARE(generator->item(4, 1)->text(), QStringLiteral("[64, 14, 14]"));
    QCOMPARE(discriminator->rowCount(), 8);
    QCOMPARE(discriminator->item(7, 1)->text(), QStringLiteral("[1]"));
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    QCOMPARE(generator->item(generator->rowCount() - 1, 1)->text(), QStringLiteral("[2]"));
    QVERIFY(!w.openPreset(QStringLiteral("no-such-preset")));
}

void TestMainWindow::trainsFashionMnistFromTheWindow()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.startAction()->isEnabled());
    QSignalSpy snapshots(w.training(), &TrainingController::snapshot);
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
    QVERIFY(w.plots()->metricsCsv().startsWith(QStringLiteral("step,loss_d,loss_g")));
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
