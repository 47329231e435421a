// Following a run folder that another process writes (File > Follow Run...): RunFollower reads
// what RunDirectory (the command line's writer) appends, whole lines only, a resume's rewritten
// file, the sample grids back into samples, checkpoint replacements and the writer's lock; the
// training controller follows a command-line run while it trains and after it ended.
#include "training/rundirectory.h"
#include "training/runfollower.h"
#include "training/sampleimage.h"
#include "training/trainingcontroller.h"
#include "spec/presets.h"

#include "clisupport.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSaveFile>
#include <QTemporaryDir>

#include <QtTest>

#include <csignal>

namespace {
StepRecord record(std::int64_t step)
{
    StepRecord r;
    r.step = step;
    r.lossD = 1.0f / float(step);
    r.lossG = 2.0f + float(step);
    r.dReal = 0.75f;
    r.seconds = 0.25;
    return r;
}

void appendRaw(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    QCOMPARE(f.write(bytes), bytes.size());
}

void replaceFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);  // as the writer does: a new file renamed over the old
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    QVERIFY(f.commit());
}
}  // namespace

class TestRunFollower : public QObject {
    Q_OBJECT
private slots:
    void readsWholeRowsAsTheyAreAppended();
    void aRewrittenFileGivesOnlyNewSteps();
    void sampleGridsComeBackAsSamples_data();
    void sampleGridsComeBackAsSamples();
    void checkpointReplacementsAndTheWriter();
    void followsACommandLineRunWhileItTrainsAndAfter();
};

void TestRunFollower::readsWholeRowsAsTheyAreAppended()
{
    QTemporaryDir dir;
    RunDirectory run(dir.filePath(QStringLiteral("run")));
    QVERIFY(run.create().isEmpty());
    RunFollower follower(run.path(), 0, 0);
    QVERIFY(follower.poll().records.empty());  // nothing written yet: no problem either
    QCOMPARE(follower.state(), RunFollower::State::Waiting);
    QVERIFY(run.startMetrics({}).isEmpty());
    for (int s = 1; s <= 5; ++s)
        run.appendMetrics(record(s));
    QVERIFY(run.flushMetrics().isEmpty());
    RunFollower::Update u = follower.poll();
    QVERIFY(u.problem.isEmpty());
    QCOMPARE(int(u.records.size()), 5);
    QCOMPARE(u.records[2].step, std::int64_t(3));
    QCOMPARE(u.records[2].lossD, record(3).lossD);  // 9 significant digits give the float back
    QCOMPARE(u.records[2].lossG, record(3).lossG);
    QCOMPARE(follower.trainingSeconds(), 1.25);
    QVERIFY(follower.poll().records.empty());
    // Half a row (the writer caught mid-write) waits for its end.
    const QByteArray row = steprecords::csvRow(record(6));
    appendRaw(run.metricsPath(), row.left(row.size() / 2));
    QVERIFY(follower.poll().records.empty());
    appendRaw(run.metricsPath(), row.mid(row.size() / 2));
    u = follower.poll();
    QCOMPARE(int(u.records.size()), 1);
    QCOMPARE(u.records[0].step, std::int64_t(6));
    // A measured row brings its quality figures.
    QualityRecord q;
    q.step = 7;
    q.fd = 42.5;
    q.precision = 0.5;
    run.appendMetrics(record(7), &q);
    QVERIFY(run.flushMetrics().isEmpty());
    u = follower.poll();
    QCOMPARE(int(u.records.size()), 1);
    QCOMPARE(int(u.quality.size()), 1);
    QCOMPARE(u.quality[0].step, std::int64_t(7));
    QCOMPARE(u.quality[0].fd, 42.5);
    QCOMPARE(follower.lastStep(), std::int64_t(7));
}

void TestRunFollower::aRewrittenFileGivesOnlyNewSteps()
{
    QTemporaryDir dir;
    RunDirectory run(dir.filePath(QStringLiteral("run")));
    QVERIFY(run.create().isEmpty());
    std::vector<StepRecord> history;
    for (int s = 1; s <= 4; ++s)
        history.push_back(record(s));
    QVERIFY(run.startMetrics(history).isEmpty());
    RunFollower follower(run.path(), 0, 0);
    QCOMPARE(int(follower.poll().records.size()), 4);
    // A resume rewrites the file from its checkpoint (here two steps further), then appends.
    history.push_back(record(5));
    history.push_back(record(6));
    QVERIFY(run.startMetrics(history).isEmpty());
    run.appendMetrics(record(7));
    QVERIFY(run.flushMetrics().isEmpty());
    const RunFollower::Update u = follower.poll();
    QCOMPARE(int(u.records.size()), 3);
    QCOMPARE(u.records.front().step, std::int64_t(5));
    QCOMPARE(u.records.back().step, std::int64_t(7));
    // Something that is not a run's metrics is said, not read.
    replaceFile(run.metricsPath(), "name,value\nx,1\n");
    QVERIFY(follower.poll().problem.contains(QStringLiteral("no step column")));
}

void TestRunFollower::sampleGridsComeBackAsSamples_data()
{
    QTest::addColumn<int>("channels");
    QTest::newRow("grey") << 1;
    QTest::newRow("colour") << 3;
}

void TestRunFollower::sampleGridsComeBackAsSamples()
{
    QFETCH(int, channels);
    QTemporaryDir dir;
    RunDirectory run(dir.filePath(QStringLiteral("run")));
    QVERIFY(run.create().isEmpty());
    SampleBatch batch;
    batch.count = 64;
    batch.channels = channels;
    batch.height = batch.width = 12;
    batch.pixels.resize(size_t(64) * 12 * 12 * size_t(channels));
    for (size_t i = 0; i < batch.pixels.size(); ++i)
        batch.pixels[i] = std::uint8_t((i * 7919) % 251);
    QVERIFY(sampleimage::savePng(sampleimage::grid(batch, 8), run.samplePath(500)).isEmpty());
    QVERIFY(sampleimage::savePng(sampleimage::grid(batch, 8), run.samplePath(250)).isEmpty());
    RunFollower follower(run.path(), channels, 12);
    RunFollower::Update u = follower.poll();
    QCOMPARE(int(u.grids.size()), 2);
    QCOMPARE(u.grids[0].first, std::int64_t(250));  // in step order
    QCOMPARE(u.grids[1].first, std::int64_t(500));
    const SampleBatch &back = u.grids[1].second;
    QCOMPARE(back.count, 64);
    QCOMPARE(back.channels, channels);
    QVERIFY(back.pixels == batch.pixels);  // PNG is lossless: the very samples
    QVERIFY(follower.poll().grids.empty());
    // A grid of other images (another run's size) is not taken for one of this run.
    RunFollower other(run.path(), channels, 16);
    QVERIFY(other.poll().grids.empty());
}

void TestRunFollower::checkpointReplacementsAndTheWriter()
{
    QTemporaryDir dir;
    auto run = std::make_unique<RunDirectory>(dir.filePath(QStringLiteral("run")));
    QVERIFY(run->create().isEmpty());
    RunFollower follower(run->path(), 0, 0);
    QCOMPARE(follower.writer(), RunFollower::Writer::Nobody);
    QVERIFY(!follower.poll().checkpointChanged);
    replaceFile(run->checkpointPath(), "first");
    QVERIFY(follower.poll().checkpointChanged);
    QVERIFY(!follower.poll().checkpointChanged);
    replaceFile(run->checkpointPath(), "second");
    QVERIFY(follower.poll().checkpointChanged);
    // A writer holds the folder's lock while it trains; the run has ended when nobody does.
    QVERIFY(run->lock().isEmpty());
    QCOMPARE(follower.writer(), RunFollower::Writer::Here);
    QVERIFY(run->startMetrics({record(1)}).isEmpty());
    QCOMPARE(int(follower.poll().records.size()), 1);
    QCOMPARE(follower.state(), RunFollower::State::Writing);
    run.reset();  // the process ends: its lock goes
    QCOMPARE(follower.writer(), RunFollower::Writer::Nobody);
    QCOMPARE(follower.state(), RunFollower::State::Ended);
}

void TestRunFollower::followsACommandLineRunWhileItTrainsAndAfter()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("ring"));
    // A long command-line run; the window follows it while it trains.
    QProcess cli;
    cli.start(qEnvironmentVariable("GP_CLI"), ringTraining(folder, 1000000, {QStringLiteral("--checkpoint-every"), QStringLiteral("100")}));
    QVERIFY(cli.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(RunDirectory(folder).checkpointPath()), 60000 * kSlowdown);
    ExperimentSpec spec;
    QVERIFY(presets::load(QStringLiteral("mlp-ring8"), &spec).isEmpty());
    TrainingController controller;
    QSignalSpy snapshots(&controller, &TrainingController::snapshot);
    QSignalSpy generators(&controller, &TrainingController::generatorPublished);
    QSignalSpy discriminators(&controller, &TrainingController::discriminatorPublished);
    QSignalSpy followed(&controller, &TrainingController::followed);
    QVERIFY(controller.follow(folder, spec));
    QCOMPARE(controller.state(), TrainingController::State::Following);
    QVERIFY(!controller.follow(folder, spec));  // one at a time
    auto rows = [&] {
        std::int64_t n = 0, last = 0;
        bool inOrder = true;
        for (const QList<QVariant> &args : snapshots)
            for (const StepRecord &r : args.at(0).value<TrainingSnapshot>().records) {
                inOrder = inOrder && r.step == last + 1;
                last = r.step;
                ++n;
            }
        return inOrder ? n : -1;
    };
    auto status = [&] { return followed.isEmpty() ? FollowStatus() : followed.last().at(0).value<FollowStatus>(); };
    QTRY_VERIFY_WITH_TIMEOUT(status().state == RunFollower::State::Writing, 30000 * kSlowdown);
    QCOMPARE(status().writer, RunFollower::Writer::Here);
    // The rows keep coming, every step once and in order, and newer checkpoints replace the networks.
    const std::int64_t seen = rows();
    QVERIFY(seen > 0);
    QTRY_VERIFY_WITH_TIMEOUT(rows() > seen + 100, 60000 * kSlowdown);
    QTRY_VERIFY_WITH_TIMEOUT(generators.size() >= 2, 60000 * kSlowdown);
    QVERIFY(!discriminators.isEmpty());  // 2D: the lab's other network
    bool realPoints = false;
    for (const QList<QVariant> &args : snapshots)
        realPoints = realPoints || !args.at(0).value<TrainingSnapshot>().realPoints.empty();
    QVERIFY(realPoints);
    // Interrupted, the command line saves and ends: the follower says so and shows its last step.
    ::kill(pid_t(cli.processId()), SIGINT);
    QVERIFY(cli.waitForFinished(60000 * kSlowdown));
    QTRY_VERIFY_WITH_TIMEOUT(status().state == RunFollower::State::Ended, 30000 * kSlowdown);
    const std::int64_t last = status().step;
    QVERIFY(last > seen + 100);
    QTRY_COMPARE_WITH_TIMEOUT(rows(), last, 10000 * kSlowdown);
    QTRY_COMPARE_WITH_TIMEOUT(status().checkpointStep, last, 10000 * kSlowdown);  // the save on interruption
    QCOMPARE(generators.last().at(0).value<std::shared_ptr<GeneratorCopy>>()->step(), last);
    QVERIFY(status().problem.isEmpty());
    controller.stop();
    QTRY_COMPARE(controller.state(), TrainingController::State::Idle);

    // Followed again once ended: the whole run at once.
    snapshots.clear();
    followed.clear();
    QVERIFY(controller.follow(folder, spec));
    QTRY_VERIFY_WITH_TIMEOUT(!followed.isEmpty() && status().checkpointStep == last, 30000 * kSlowdown);
    QCOMPARE(status().state, RunFollower::State::Ended);
    QCOMPARE(rows(), last);
    controller.stop();
    QTRY_COMPARE(controller.state(), TrainingController::State::Idle);
}

QTEST_GUILESS_MAIN(TestRunFollower)
#include "tst_runfollower.moc"
