// A run's session: it follows one run (grid, lab frames, the explorer's generator, the
// direction finder), and a replaced session takes all of its run's work with it.

#include "eval/directionfinder.h"
#include "session/runsession.h"
#include "training/latentrenderer.h"
#include "training/trainingcontroller.h"

#include "testsupport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

class TestRunSession : public QObject {
    Q_OBJECT
private slots:
    void followsItsRun();
    void aReplacedSessionLeavesNothingBehind();
};

void TestRunSession::followsItsRun()
{
    TrainingController training;
    training.setSampleInterval(-1);
    RunSession session(ringMlp(4), &training);
    QVERIFY(session.generator() == nullptr);
    QSignalSpy grids(&session, &RunSession::gridRendered);
    QSignalSpy frames(&session, &RunSession::labFrame);
    QSignalSpy generators(&session, &RunSession::generatorChanged);
    QSignalSpy loaded(&session, &RunSession::dataLoaded);
    connect(&session, &RunSession::labCopiesChanged, &session, [&session] { session.requestLabFrame(lab2d::Request{}); });
    QVERIFY(training.start(session.spec()));
    QTRY_VERIFY_WITH_TIMEOUT(!grids.isEmpty() && !frames.isEmpty(), 30000);
    training.stop();
    QTRY_COMPARE(training.state(), TrainingController::State::Idle);
    QCOMPARE(loaded.count(), 1);
    QVERIFY(session.data() && session.data()->count == 2000);
    QVERIFY(!generators.isEmpty());
    QVERIFY(session.generator() && session.generator()->latentDim() == 4);
    // The grid is the live grid: the run's fixed noise through the published generator.
    const SampleBatch grid = grids.last().at(1).value<SampleBatch>();
    QCOMPARE(grid.count, int(session.generator()->evalLatents().size()) / 4);
    QVERIFY(session.renderer()->hasGenerator());
    QVERIFY(!session.isImageRun());
    // The finder measures directions against the random baseline.
    const DirectionFinder::Found random = session.directionFinder()->find(
        *session.generator(), latentdirections::Method::Random, latentdirections::Options{}, true, {}, nullptr);
    QVERIFY2(random.result.ok(), qPrintable(random.result.error));
    QVERIFY(random.baseline > 0);
}

void TestRunSession::aReplacedSessionLeavesNothingBehind()
{
    TrainingController training;
    training.setSampleInterval(-1);
    QObject view;  // stands for a window's views: it hears the current session only
    std::vector<int> gridLatentDims;
    auto follow = [&](RunSession *session) {
        connect(session, &RunSession::gridRendered, &view, [&gridLatentDims, session](qint64, const SampleBatch &) {
            gridLatentDims.push_back(session->spec().latentDim);
        });
        connect(session, &RunSession::labCopiesChanged, session, [session] { session->requestLabFrame(lab2d::Request{}); });
    };
    auto first = std::make_unique<RunSession>(ringMlp(4), &training);
    follow(first.get());
    QSignalSpy firstGrids(first.get(), &RunSession::gridRendered);
    QVERIFY(training.start(first->spec()));
    QTRY_VERIFY_WITH_TIMEOUT(!firstGrids.isEmpty(), 30000);
    // Work is queued and under way (renders, lab frames) while the run goes on: replacing the
    // session stops it at once.
    first->renderer()->request(first->renderer()->newChannel(), std::vector<float>(4 * 4096, 0.5f), 4096);
    training.stop();
    QTRY_COMPARE(training.state(), TrainingController::State::Idle);
    QElapsedTimer clock;
    clock.start();
    first.reset();
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    const size_t fromFirst = gridLatentDims.size();
    auto second = std::make_unique<RunSession>(ringMlp(3), &training);
    follow(second.get());
    QSignalSpy secondGrids(second.get(), &RunSession::gridRendered);
    QVERIFY(training.start(second->spec()));
    QTRY_VERIFY_WITH_TIMEOUT(!secondGrids.isEmpty(), 30000);
    training.stop();
    QTRY_COMPARE(training.state(), TrainingController::State::Idle);
    QTest::qWait(100);
    QVERIFY(fromFirst >= 1);
    for (size_t i = fromFirst; i < gridLatentDims.size(); ++i)
        QCOMPARE(gridLatentDims[i], 3);  // nothing of the first run after it was replaced
    QCOMPARE(second->generator()->latentDim(), 3);
}

QTEST_GUILESS_MAIN(TestRunSession)
#include "tst_runsession.moc"
