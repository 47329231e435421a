// The training thread as the window drives it: start, pause, single steps, resume, stop,
// failures, checkpoints, frozen generators, destruction mid-run, and slow motion.
#include "training/trainer.h"
#include "training/threadpolicy.h"
#include "training/trainingcontroller.h"

#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

namespace {

std::int64_t lastStep(const QSignalSpy &snapshots)
{
    return snapshots.isEmpty() ? -1 : snapshots.last().at(0).value<TrainingSnapshot>().step;
}

using State = TrainingController::State;
}  // namespace

class TestTrainingController : public QObject {
    Q_OBJECT
private slots:
    void startPauseStepResumeStop();
    void snapshotsCarryEveryStepOnce();
    void budgetPausesTheRun();
    void failureIsAMessage();
    void badDataIsAMessage();
    void checkpointFromTheRun();
    void runWithoutItsDataIsExplored();
    void failedSavePausesTheRun();
    void generatorCopyIsFrozen();
    void destroyingMidRunIsClean();
    void slowMotionStepsThroughSubsteps();
    void paceThrottlesTheRun();
    void threadPolicySharesTheMachine();
};

void TestTrainingController::startPauseStepResumeStop()
{
    TrainingController c;
    QSignalSpy states(&c, &TrainingController::stateChanged);
    QSignalSpy snapshots(&c, &TrainingController::snapshot);
    QVERIFY(c.start(ringMlp()));
    QCOMPARE(c.state(), State::Loading);
    QVERIFY(!c.start(ringMlp()));  // one run at a time
    QTRY_COMPARE(c.state(), State::Running);
    QTRY_VERIFY(lastStep(snapshots) >= 20);

    c.pause();
    QTRY_COMPARE(c.state(), State::Paused);
    QTest::qWait(50);
    const std::int64_t pausedAt = lastStep(snapshots);
    QTest::qWait(200);
    QCOMPARE(lastStep(snapshots), pausedAt);  // nothing trains while paused

    const int before = snapshots.count();
    c.step();
    QTRY_COMPARE(lastStep(snapshots), pausedAt + 1);
    const TrainingSnapshot one = snapshots.last().at(0).value<TrainingSnapshot>();
    QCOMPARE(int(one.records.size()), 1);
    QCOMPARE(one.records[0].step, pausedAt + 1);
    QCOMPARE(one.samples.count, 64);  // a single step refreshes the grid
    QVERIFY(snapshots.count() > before);
    QCOMPARE(c.state(), State::Paused);

    c.resume();
    QTRY_COMPARE(c.state(), State::Running);
    QTRY_VERIFY(lastStep(snapshots) > pausedAt + 20);
    c.stop();
    QTRY_COMPARE(c.state(), State::Idle);
    // The states in the order they came (a single step while paused changes none of them).
    QList<State> order;
    for (const QList<QVariant> &args : states)
        if (order.isEmpty() || order.last() != args.at(0).value<State>())
            order << args.at(0).value<State>();
    QCOMPARE(order, (QList<State>{State::Loading, State::Running, State::Paused, State::Running, State::Idle}));
    // A new run can start once the old one is over.
    QVERIFY(c.start(ringMlp()));
    c.stop();
    QTRY_COMPARE(c.state(), State::Idle);
}

void TestTrainingController::snapshotsCarryEveryStepOnce()
{
    TrainingController c;
    c.setSnapshotInterval(30);
    c.setSampleInterval(100);
    QSignalSpy snapshots(&c, &TrainingController::snapshot);
    ExperimentSpec s = ringMlp();
    s.steps = 300;
    QVERIFY(c.start(s));
    QSignalSpy budget(&c, &TrainingController::budgetReached);
    QTRY_COMPARE_WITH_TIMEOUT(budget.count(), 1, 30000);
    c.stop();
    QTRY_COMPARE(c.state(), State::Idle);
    std::int64_t expected = 1;
    int withSamples = 0;
    for (const QList<QVariant> &args : snapshots) {
        const TrainingSnapshot snap = args.at(0).value<TrainingSnapshot>();
        for (const StepRecord &r : snap.records)
            QCOMPARE(r.step, expected++);
        if (snap.samples.count > 0) {
            ++withSamples;
            QCOMPARE(snap.samples.points.size(), size_t(2 * 64));
        }
        QCOMPARE(snap.targetSteps, std::int64_t(300));
    }
    QCOMPARE(expected, std::int64_t(301));  // every step exactly once, in order
    QVERIFY(withSamples >= 2);              // the first grid and the last
    QVERIFY(snapshots.count() < 300);       // throttled, not one per step

    // A negative sample interval: no snapshot carries samples.
    c.setSampleInterval(-1);
    snapshots.clear();
    s.steps = 50;
    QVERIFY(c.start(s));
    QTRY_COMPARE_WITH_TIMEOUT(budget.count(), 2, 30000);
    c.stop();
    QTRY_COMPARE(c.state(), State::Idle);
    QVERIFY(!snapshots.isEmpty());
    for (const QList<QVariant> &args : snapshots)
        QCOMPARE(args.at(0).value<TrainingSnapshot>().samples.count, 0);
}

void TestTrainingController::budgetPausesTheRun()
{
    TrainingController c;
    QSignalSpy budget(&c, &TrainingController::budgetReached);
    QSignalSpy snapshots(&c, &TrainingController::snapshot);
    ExperimentSpec s = ringMlp();
    s.steps = 25;
    QVERIFY(c.start(s));
    QTRY_COMPARE(budget.count(), 1);
    QCOMPARE(budget.first().at(0).toLongLong(), 25);
    QTRY_COMPARE(c.state(), State::Paused);
    QTRY_COMPARE(lastStep(snapshots), std::int64_t(25));
    c.resume();  // trains on past the budget when asked
    QTRY_VERIFY(lastStep(snapshots) > 30);
}

void TestTrainingController::failureIsAMessage()
{
    // A tiny CSV with a huge coordinate makes the losses overflow at once.
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("points.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("0,0\n1,1\n3e38,3e38\n-3e38,1\n");
    f.close();
    ExperimentSpec s = ringMlp();
    s.data.kind = DataKind::Csv2D;
    s.data.path = csv;
    s.batchSize = 4;
    TrainingController c;
    QSignalSpy failed(&c, &TrainingController::failed);
    QVERIFY(c.start(s));
    QTRY_COMPARE(failed.count(), 1);
    const QString message = failed.first().at(0).toString();
    QVERIFY2(message.startsWith(QStringLiteral("step 1, discriminator update: the discriminator loss is ")), qPrintable(message));
    QTRY_COMPARE(c.state(), State::Idle);
}

void TestTrainingController::badDataIsAMessage()
{
    ExperimentSpec s = ringMlp();
    s.data.kind = DataKind::Csv2D;
    s.data.path = QStringLiteral("/nonexistent/points.csv");
    TrainingController c;
    QSignalSpy failed(&c, &TrainingController::failed);
    QVERIFY(c.start(s));
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("/nonexistent/points.csv")),
             qPrintable(failed.first().at(0).toString()));
    QTRY_COMPARE(c.state(), State::Idle);
}

void TestTrainingController::checkpointFromTheRun()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.pt"));
    TrainingController c;
    QSignalSpy saved(&c, &TrainingController::checkpointSaved);
    QSignalSpy snapshots(&c, &TrainingController::snapshot);
    QVERIFY(c.start(ringMlp(), QString(), true));
    QTRY_COMPARE(c.state(), State::Paused);
    for (int i = 0; i < 7; ++i)
        c.step();
    QTRY_COMPARE(lastStep(snapshots), std::int64_t(7));
    // Image measures taken meanwhile are kept with the run; one of a step not reached is not.
    QualityRecord q5, q7, q9;
    q5.step = 5;
    q5.fd = 12.5;
    q5.recall = 0.25;
    q7.step = 7;
    q7.fd = 9.75;
    q7.classifierScore = 3.5;
    q9.step = 9;
    for (const QualityRecord &q : {q5, q7, q9})
        c.addQuality(q);
    c.saveCheckpoint(path);
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(saved.first().at(1).toString(), QString());
    c.stop();
    QTRY_COMPARE(c.state(), State::Idle);

    // Resuming from it continues at step 8.
    QSignalSpy more(&c, &TrainingController::snapshot);
    QVERIFY(c.start(ringMlp(), path, true));
    QTRY_COMPARE(c.state(), State::Paused);
    // Its clock goes on from the checkpoint's steps, not from 0.
    const TrainingSnapshot resumed = more.first().at(0).value<TrainingSnapshot>();
    double before = 0;
    for (const StepRecord &r : resumed.records)
        before += r.seconds;
    QCOMPARE(int(resumed.records.size()), 7);
    QVERIFY(before > 0);
    QCOMPARE(resumed.elapsedSeconds, before);
    QCOMPARE(int(resumed.quality.size()), 2);
    QCOMPARE(resumed.quality[0].step, std::int64_t(5));
    QCOMPARE(resumed.quality[0].fd, 12.5);
    QCOMPARE(resumed.quality[0].recall, 0.25);
    QCOMPARE(resumed.quality[1].step, std::int64_t(7));
    QCOMPARE(resumed.quality[1].classifierScore, 3.5);
    QVERIFY(more.size() < 2 || more.at(1).at(0).value<TrainingSnapshot>().quality.empty());  // the first snapshot only
    c.step();
    QTRY_COMPARE(lastStep(more), std::int64_t(8));
    c.saveCheckpoint(dir.filePath(QStringLiteral("no/such/folder/x.pt")));
    QTRY_COMPARE(saved.count(), 2);
    QVERIFY2(saved.last().at(1).toString().contains(QStringLiteral("x.pt")), qPrintable(saved.last().at(1).toString()));
    c.stop();
    QTRY_COMPARE(c.state(), State::Idle);
    c.saveCheckpoint(path);  // nothing to save now: answered at once
    QCOMPARE(saved.count(), 3);
    QVERIFY(!saved.last().at(1).toString().isEmpty());
}

void TestTrainingController::runWithoutItsDataIsExplored()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("points.csv")), path = dir.filePath(QStringLiteral("run.pt"));
    auto writePoints = [&](int count) {
        QByteArray text;
        for (int i = 0; i < count; ++i)
            text += QByteArray::number(std::cos(i * 0.3)) + ',' + QByteArray::number(std::sin(i * 0.3)) + '\n';
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    };
    writePoints(200);
    ExperimentSpec spec = ringMlp();
    spec.data.kind = DataKind::Csv2D;
    spec.data.path = csv;
    TrainingController c;
    QSignalSpy saved(&c, &TrainingController::checkpointSaved);
    QSignalSpy unavailable(&c, &TrainingController::dataUnavailable);
    QSignalSpy first(&c, &TrainingController::snapshot);
    QVERIFY(c.start(spec, QString(), true));
    QTRY_COMPARE(c.state(), State::Paused);
    for (int i = 0; i < 3; ++i)
        c.step();
    QTRY_COMPARE(lastStep(first), std::int64_t(3));  // a save asked meanwhile would come first
    c.saveCheckpoint(path);
    QTRY_COMPARE(saved.count(), 1);
    c.stop();
    QTRY_COMPARE(c.state(), State::Idle);
    QCOMPARE(unavailable.count(), 0);

    // The data grew: the run opens paused without it, its generator published for the explorer,
    // and says what changed; it cannot step.
    writePoints(260);
    QSignalSpy published(&c, &TrainingController::generatorPublished);
    QSignalSpy failed(&c, &TrainingController::failed);
    QVERIFY(c.start(spec, path, false));
    QTRY_COMPARE(unavailable.count(), 1);
    QCOMPARE(unavailable.first().at(1).toLongLong(), qint64(200));
    QVERIFY2(unavailable.first().at(0).toString().contains(QStringLiteral("now holds 260")), qPrintable(unavailable.first().at(0).toString()));
    QTRY_COMPARE(c.state(), State::Paused);
    QTRY_VERIFY(!published.isEmpty());
    QCOMPARE(published.last().at(0).value<std::shared_ptr<GeneratorCopy>>()->step(), std::int64_t(3));
    c.step();
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("cannot train")), qPrintable(failed.first().at(0).toString()));
    QTRY_COMPARE(c.state(), State::Idle);

    // Asked to go on with the data as it is now: it trains on from step 3.
    QSignalSpy snapshots(&c, &TrainingController::snapshot);
    QVERIFY(c.start(spec, path, true, true));
    QTRY_COMPARE(c.state(), State::Paused);
    QCOMPARE(unavailable.count(), 1);
    c.step();
    QTRY_COMPARE(lastStep(snapshots), std::int64_t(4));
    c.stop();
    QTRY_COMPARE(c.state(), State::Idle);

    // The data gone: explored all the same, with no size to offer to go on with.
    QVERIFY(QFile::remove(csv));
    QVERIFY(c.start(spec, path, false));
    QTRY_COMPARE(unavailable.count(), 2);
    QCOMPARE(unavailable.last().at(1).toLongLong(), qint64(-1));
    QTRY_COMPARE(c.state(), State::Paused);
    c.stop();
    QTRY_COMPARE(c.state(), State::Idle);
}

void TestTrainingController::failedSavePausesTheRun()
{
    // A save that fails mid-run (a full disk, a folder gone) pauses the run, so that training
    // does not go on for hours with nothing saved while the message waits to be read.
    QTemporaryDir dir;
    TrainingController c;
    QSignalSpy saved(&c, &TrainingController::checkpointSaved);
    QSignalSpy states(&c, &TrainingController::stateChanged);
    QVERIFY(c.start(ringMlp()));
    QTRY_COMPARE(c.state(), State::Running);
    c.saveCheckpoint(dir.filePath(QStringLiteral("no/such/folder/x.pt")));
    QTRY_COMPARE(saved.count(), 1);
    QVERIFY2(saved.first().at(1).toString().contains(QStringLiteral("x.pt")), qPrintable(saved.first().at(1).toString()));
    QTRY_COMPARE(c.state(), State::Paused);
    QCOMPARE(states.last().at(0).value<State>(), State::Paused);
    c.resume();  // the person decides to go on
    QTRY_COMPARE(c.state(), State::Running);
    // A save that succeeds leaves a running run running.
    c.saveCheckpoint(dir.filePath(QStringLiteral("ok.pt")));
    QTRY_COMPARE(saved.count(), 2);
    QCOMPARE(saved.last().at(1).toString(), QString());
    QCOMPARE(c.state(), State::Running);
    c.stop();
    QTRY_COMPARE(c.state(), State::Idle);
}

void TestTrainingController::generatorCopyIsFrozen()
{
    TrainingController c;
    QSignalSpy published(&c, &TrainingController::generatorPublished);
    QSignalSpy snapshots(&c, &TrainingController::snapshot);
    QVERIFY(c.start(ringMlp(), QString(), true));
    QTRY_VERIFY(published.count() >= 1);
    std::shared_ptr<GeneratorCopy> first = published.last().at(0).value<std::shared_ptr<GeneratorCopy>>();
    QVERIFY(first);
    QCOMPARE(first->step(), std::int64_t(0));
    const std::vector<float> z{0.5f, -1.0f, 0.25f, 2.0f, 0.0f, 0.0f, 0.0f, 0.0f};
    const SampleBatch before = first->generate(z, 2);
    QCOMPARE(before.count, 2);
    QCOMPARE(before.points.size(), size_t(4));
    QVERIFY(before.points[0] != before.points[2] || before.points[1] != before.points[3]);

    c.resume();
    QTRY_VERIFY(published.count() >= 2);
    c.pause();
    QTRY_COMPARE(c.state(), State::Paused);
    std::shared_ptr<GeneratorCopy> later = published.last().at(0).value<std::shared_ptr<GeneratorCopy>>();
    QVERIFY(later->step() > 0);
    // The copy carries the run's fixed evaluation noise: rendering it gives exactly the grid
    // the run sent at the same step (the window draws its grid this way).
    QCOMPARE(later->evalLatents().size(), size_t(64 * 4));
    QCOMPARE(later->evalLatent(3), std::vector<float>(later->evalLatents().begin() + 12, later->evalLatents().begin() + 16));
    QVERIFY(later->evalLatent(64).empty());
    const TrainingSnapshot atPause = snapshots.last().at(0).value<TrainingSnapshot>();
    QCOMPARE(atPause.step, later->step());
    QCOMPARE(atPause.samples.count, 64);
    QCOMPARE(later->generate(later->evalLatents(), 64).points, atPause.samples.points);
    // The old copy is unchanged by training; the new one has learnt something.
    QCOMPARE(first->generate(z, 2).points, before.points);
    QVERIFY(later->generate(z, 2).points != before.points);
    QString error;
    QCOMPARE(first->generate(z, 3, &error).count, 0);  // sizes disagree
    QVERIFY2(error.contains(QStringLiteral("do not make 3 vectors")), qPrintable(error));
    c.stop();
    QTRY_COMPARE(c.state(), State::Idle);
}

void TestTrainingController::destroyingMidRunIsClean()
{
    QElapsedTimer timer;
    timer.start();
    {
        TrainingController c;
        QVERIFY(c.start(ringMlp()));
        QTRY_COMPARE(c.state(), State::Running);
        QTest::qWait(100);
    }  // the destructor stops the run and joins the thread
    QVERIFY(timer.elapsed() < 10000);
    // Destroyed while loading: the load is abandoned, no signal arrives after the end, and
    // nothing waits for training that never started.
    timer.restart();
    bool signalled = false;
    {
        TrainingController c;
        QVERIFY(c.start(ringMlp()));
        QCOMPARE(c.state(), State::Loading);
        connect(&c, &TrainingController::snapshot, this, [&signalled] { signalled = true; });
    }
    QCoreApplication::processEvents();
    QVERIFY(!signalled);
    QVERIFY(timer.elapsed() < 10000);
}

void TestTrainingController::slowMotionStepsThroughSubsteps()
{
    TrainingController c;
    QSignalSpy snapshots(&c, &TrainingController::snapshot);
    QSignalSpy reports(&c, &TrainingController::substepDone);
    QSignalSpy discriminators(&c, &TrainingController::discriminatorPublished);
    QSignalSpy generators(&c, &TrainingController::generatorPublished);
    QVERIFY(c.start(ringMlp(), QString(), true));
    QTRY_COMPARE(c.state(), State::Paused);
    QTRY_VERIFY(discriminators.count() >= 1);
    QTest::qWait(50);
    const int published = discriminators.count(), generatorsBefore = generators.count();
    for (int i = 1; i <= kSubstepCount; ++i) {
        c.substep();
        QTRY_COMPARE(reports.count(), i);
        const SubstepReport r = reports.last().at(0).value<SubstepReport>();
        QCOMPARE(int(r.substep), i);
        QCOMPARE(r.step, std::int64_t(1));
        QCOMPARE(r.complete, i == kSubstepCount);
        if (i == int(Substep::DiscriminatorUpdate)) {  // the heatmap is redrawn from the updated D
            QTRY_COMPARE(discriminators.count(), published + 1);
            QCOMPARE(generators.count(), generatorsBefore);  // G has not changed: no new grid of the same step
        }
        if (i < kSubstepCount)
            QCOMPARE(lastStep(snapshots), std::int64_t(0));  // no step is counted until G moves
    }
    QTRY_COMPARE(lastStep(snapshots), std::int64_t(1));
    const TrainingSnapshot one = snapshots.last().at(0).value<TrainingSnapshot>();
    QCOMPARE(int(one.records.size()), 1);
    QCOMPARE(one.records[0].lossD, reports.last().at(0).value<SubstepReport>().record.lossD);

    // Step finishes a half-done step: one record, the same step.
    for (int i = 0; i < 3; ++i)
        c.substep();
    QTRY_COMPARE(reports.count(), kSubstepCount + 3);
    c.step();
    QTRY_COMPARE(lastStep(snapshots), std::int64_t(2));
    QCOMPARE(int(snapshots.last().at(0).value<TrainingSnapshot>().records.size()), 1);
    QCOMPARE(reports.count(), kSubstepCount + 3);

    // While running, a substep request does nothing; stopping halfway ends at the last whole step.
    c.resume();
    QTRY_COMPARE(c.state(), State::Running);
    c.substep();
    c.pause();
    QTRY_COMPARE(c.state(), State::Paused);
    QTest::qWait(50);
    QCOMPARE(reports.count(), kSubstepCount + 3);
    const std::int64_t at = lastStep(snapshots);
    c.substep();
    c.substep();
    QTRY_COMPARE(reports.count(), kSubstepCount + 5);
    c.stop();
    QTRY_COMPARE(c.state(), State::Idle);
    QCOMPARE(lastStep(snapshots), at);
}

QTEST_GUILESS_MAIN(TestTrainingController)
// The speed control: a run at 25 steps a second trains at that rate (within 20 %), a pause
// takes effect before the next slow step is due, and full speed is full speed again.
void TestTrainingController::paceThrottlesTheRun()
{
    TrainingController c;
    QElapsedTimer clock;
    clock.start();
    std::vector<std::pair<qint64, std::int64_t>> seen;  // (ms, step) as snapshots arrive
    connect(&c, &TrainingController::snapshot, this, [&](const TrainingSnapshot &s) { seen.emplace_back(clock.elapsed(), s.step); });
    c.setSpeed(25);
    QCOMPARE(c.speed(), 25.0);
    QVERIFY(c.start(ringMlp()));
    QTRY_COMPARE_WITH_TIMEOUT(c.state(), State::Running, 30000 * kSlowdown);
    QTRY_VERIFY(!seen.empty() && seen.back().second >= 2);
    const auto first = seen.back();
    QTest::qWait(2500);
    const auto last = seen.back();
    const double rate = double(last.second - first.second) / (double(last.first - first.first) / 1000.0);
    QVERIFY2(rate >= 20 && rate <= 30, qPrintable(QStringLiteral("%1 steps/s at a pace of 25").arg(rate)));

    // At one step every two seconds, a pause does not wait for the next step.
    c.setSpeed(0.5);
    QTest::qWait(100);
    c.pause();
    QTRY_COMPARE_WITH_TIMEOUT(c.state(), State::Paused, 1000);
    // Full speed again: a run of this size takes hundreds of steps a second.
    c.setSpeed(0);
    const std::int64_t pausedAt = seen.back().second;
    c.resume();
    QTRY_VERIFY_WITH_TIMEOUT(seen.back().second > pausedAt + 200, 2000 * kSlowdown);
    c.stop();
    QTRY_COMPARE(c.state(), State::Idle);
}

void TestTrainingController::threadPolicySharesTheMachine()
{
    using Mode = ThreadPolicy::Mode;
    // Two cores, an experiment asking for 4: at most 2, one while the window needs its core.
    ThreadPolicy adaptive(Mode::Adaptive, 4, 2);
    QCOMPARE(adaptive.most(), 2);
    QCOMPARE(adaptive.fewest(), 1);
    QCOMPARE(adaptive.threads(0), 2);
    adaptive.noteLateness(ThreadPolicy::kLateMs - 1, 100);  // a tick a little late is not a busy window
    QCOMPARE(adaptive.threads(100), 2);
    adaptive.noteActivity(1000);
    QCOMPARE(adaptive.threads(1000), 1);
    QVERIFY(adaptive.holdingBack(1000 + ThreadPolicy::kActivityHoldMs - 1));
    QCOMPARE(adaptive.threads(1000 + ThreadPolicy::kActivityHoldMs), 2);
    // One late tick is a hiccup; a second within the window means the window falls behind.
    const qint64 lone = 5000 - ThreadPolicy::kLateWindowMs - 1;
    adaptive.noteLateness(ThreadPolicy::kLateMs, lone - ThreadPolicy::kLateWindowMs - 1);
    QCOMPARE(adaptive.threads(lone - ThreadPolicy::kLateWindowMs - 1), 2);
    adaptive.noteLateness(ThreadPolicy::kLateMs, lone);  // more than the window after the first
    QCOMPARE(adaptive.threads(lone), 2);
    adaptive.noteLateness(ThreadPolicy::kLateMs - 1, lone + 10);  // punctual ticks between do not count
    adaptive.noteLateness(ThreadPolicy::kLateMs, 5000 - 1);
    QCOMPARE(adaptive.threads(5000 - 1), 1);
    adaptive.noteLateness(ThreadPolicy::kLateMs, 5000);
    QCOMPARE(adaptive.threads(5000 + ThreadPolicy::kLateHoldMs - 1), 1);
    // A person's action during a longer hold does not shorten it.
    adaptive.noteActivity(5001);
    QCOMPARE(adaptive.threads(5001 + ThreadPolicy::kActivityHoldMs), 1);
    QCOMPARE(adaptive.threads(5000 + ThreadPolicy::kLateHoldMs), 2);
    // The window's image measures get a core while they work, and give it back.
    adaptive.setBackgroundWork(true);
    QCOMPARE(adaptive.threads(20000), 1);
    QVERIFY(adaptive.holdingBack(20000));
    adaptive.setBackgroundWork(false);
    QCOMPARE(adaptive.threads(20000), 2);

    ThreadPolicy keep(Mode::KeepCore, 4, 2);
    QCOMPARE(keep.threads(0), 1);
    ThreadPolicy all(Mode::AllCores, 4, 2);
    all.noteActivity(0);
    all.setBackgroundWork(true);
    QCOMPARE(all.threads(0), 2);
    // The names settings and the command line use, both ways.
    for (Mode m : {Mode::Adaptive, Mode::KeepCore, Mode::AllCores})
        QCOMPARE(ThreadPolicy::fromKey(ThreadPolicy::key(m)), std::optional<Mode>(m));
    QCOMPARE(ThreadPolicy::key(Mode::KeepCore), QStringLiteral("keep-core"));
    QVERIFY(!ThreadPolicy::fromKey(QStringLiteral("fast")));
    // An experiment of one thread, or a machine of one core: nothing to share.
    QCOMPARE(ThreadPolicy(Mode::Adaptive, 1, 8).fewest(), 1);
    ThreadPolicy one(Mode::Adaptive, 4, 1);
    one.noteActivity(0);
    QCOMPARE(one.threads(0), 1);
    QCOMPARE(one.most(), 1);

    // The controller takes another count mid-run, and the run goes on.
    TrainingController c;
    QSignalSpy snapshots(&c, &TrainingController::snapshot);
    ExperimentSpec spec = ringMlp();
    spec.threads = 2;
    QVERIFY(c.start(spec, QString(), true));
    QTRY_COMPARE(c.state(), State::Paused);
    c.setThreads(1);
    c.step();
    QTRY_COMPARE(lastStep(snapshots), std::int64_t(1));
    c.setThreads(0);  // the spec's again
    c.step();
    QTRY_COMPARE(lastStep(snapshots), std::int64_t(2));
    c.stop();
    QTRY_COMPARE(c.state(), State::Idle);
}

#include "tst_trainingcontroller.moc"
