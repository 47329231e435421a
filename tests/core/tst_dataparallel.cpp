// Data-parallel training on PyTorch's c10d (gloo over a TCP store on loopback): two ranks, each
// in a thread of this process, train as one process does; a failed step on one rank is undone
// on both; a batch that does not divide is refused.
#include "data/dataset.h"
#include "training/dataparallel.h"
#include "training/trainer.h"

#include "clisupport.h"
#include "testsupport.h"

#include <QTemporaryDir>

#include <QtTest>

#include <cmath>
#include <thread>
#include <unistd.h>

namespace {
// A port per test process and call, so that parallel test runs do not meet.
int nextPort()
{
    static int offset = 0;
    return 20000 + int(getpid() % 20000) + 7 * offset++;
}

// ringMlp's ring of 8 Gaussians (2000 points).
std::shared_ptr<const Dataset> ring()
{
    return datasets::load(ringMlp().data, 1).data;
}

// Both ranks' trainers stepped `steps` times in threads of their own; each step's result kept.
struct RankRun {
    std::unique_ptr<Trainer> trainer;
    QString error;
    std::vector<bool> stepped;
};

void runRanks(const ExperimentSpec &spec, const std::shared_ptr<const Dataset> data[2], int steps, RankRun runs[2])
{
    const int port = nextPort();
    auto work = [&](int rank) {
        RankRun &r = runs[rank];
        r.trainer = Trainer::create(spec, data[rank], &r.error);
        if (!r.trainer)
            return;
        DataParallelConfig config;
        config.rank = rank;
        config.world = 2;
        config.masterPort = port;
        config.timeoutSeconds = 30;
        const std::shared_ptr<DataParallel> group = DataParallel::connect(config, &r.error);
        if (!group)
            return;
        if (r.error = r.trainer->joinDataParallel(group); !r.error.isEmpty())
            return;
        for (int i = 0; i < steps; ++i) {
            QString error;
            r.stepped.push_back(r.trainer->step(nullptr, &error));
            if (!error.isEmpty())
                r.error = error;
        }
    };
    std::thread first(work, 0), second(work, 1);
    first.join();
    second.join();
}

double largestDifference(const std::vector<float> &a, const std::vector<float> &b)
{
    double most = a.size() == b.size() ? 0 : 1e9;
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        most = std::max(most, double(std::abs(a[i] - b[i])));
    return most;
}
}  // namespace

class TestDataParallel : public QObject {
    Q_OBJECT
private slots:
    void twoRanksTrainAsOneProcess_data();
    void twoRanksTrainAsOneProcess();
    void aFailedStepIsUndoneOnEveryRank();
    void aBatchThatDoesNotDivideIsRefused();
    void environmentOfALauncher();
    void commandLineRanksWriteOneRun();
};

void TestDataParallel::twoRanksTrainAsOneProcess_data()
{
    QTest::addColumn<bool>("fused");
    QTest::newRow("autograd") << false;
    QTest::newRow("hand-written MLP") << true;
}

void TestDataParallel::twoRanksTrainAsOneProcess()
{
    QFETCH(bool, fused);
    // An MLP without BatchNorm: the average of the slices' gradients is the whole batch's.
    ExperimentSpec spec = ringMlp();
    spec.batchSize = 64;
    const std::shared_ptr<const Dataset> data = ring();
    constexpr int kSteps = 20;
    QString error;
    std::unique_ptr<Trainer> alone = Trainer::create(spec, data, &error);
    QVERIFY2(alone, qPrintable(error));
    alone->setFusedMlpAllowed(fused);
    for (int i = 0; i < kSteps; ++i)
        QVERIFY2(alone->step(nullptr, &error), qPrintable(error));

    const std::shared_ptr<const Dataset> both[2] = {data, data};
    RankRun runs[2];
    runRanks(spec, both, 0, runs);
    for (RankRun &r : runs) {
        QVERIFY2(r.trainer && r.error.isEmpty(), qPrintable(r.error));
        r.trainer->setFusedMlpAllowed(fused);
    }
    // Stepped in lockstep from here, on the group the ranks joined above.
    auto stepAll = [&runs] {
        bool ok[2] = {false, false};
        QString errors[2];
        std::thread a([&] { ok[0] = runs[0].trainer->step(nullptr, &errors[0]); });
        std::thread b([&] { ok[1] = runs[1].trainer->step(nullptr, &errors[1]); });
        a.join();
        b.join();
        return ok[0] && ok[1];
    };
    for (int i = 0; i < kSteps; ++i)
        QVERIFY(stepAll());
    QCOMPARE(runs[0].trainer->usesFusedMlp(), fused);
    // Each rank trained on its own half of each batch (their losses differ), and the averaged
    // gradients made the same networks as the whole batches of one process.
    QVERIFY(runs[0].trainer->history().back().lossD != runs[1].trainer->history().back().lossD);
    const std::vector<float> single = alone->sample(256, 5).points;
    for (RankRun &r : runs) {
        QCOMPARE(r.trainer->currentStep(), std::int64_t(kSteps));
        const double difference = largestDifference(r.trainer->sample(256, 5).points, single);
        QVERIFY2(difference < 1e-5, qPrintable(QStringLiteral("largest difference %1").arg(difference)));
    }
}

void TestDataParallel::aFailedStepIsUndoneOnEveryRank()
{
    // Rank 1's data holds an infinite point: its loss is not finite, so both ranks undo the step.
    ExperimentSpec spec = ringMlp();
    auto bad = std::make_shared<Dataset>(*ring());
    for (size_t i = 0; i < bad->points.size(); i += 2)
        bad->points[i] = std::numeric_limits<float>::infinity();
    const std::shared_ptr<const Dataset> data[2] = {ring(), bad};
    RankRun runs[2];
    runRanks(spec, data, 1, runs);
    for (int rank = 0; rank < 2; ++rank) {
        QVERIFY(runs[rank].trainer);
        QCOMPARE(runs[rank].stepped, std::vector<bool>{false});
        QVERIFY2(runs[rank].error.contains(QStringLiteral("the step was undone")), qPrintable(runs[rank].error));
        QCOMPARE(runs[rank].trainer->currentStep(), std::int64_t(0));
    }
}

void TestDataParallel::aBatchThatDoesNotDivideIsRefused()
{
    ExperimentSpec spec = ringMlp();
    spec.batchSize = 63;
    const std::shared_ptr<const Dataset> data[2] = {ring(), ring()};
    RankRun runs[2];
    runRanks(spec, data, 0, runs);
    for (const RankRun &r : runs)
        QVERIFY2(r.error.contains(QStringLiteral("the batch of 63 does not divide among 2 processes")), qPrintable(r.error));
}

void TestDataParallel::environmentOfALauncher()
{
    QString error;
    qunsetenv("WORLD_SIZE");
    QVERIFY(!DataParallelConfig::fromEnvironment(&error));
    QVERIFY(error.isEmpty());
    qputenv("WORLD_SIZE", "4");
    qputenv("RANK", "3");
    qputenv("MASTER_ADDR", "10.0.0.7");
    qputenv("MASTER_PORT", "29555");
    const std::optional<DataParallelConfig> c = DataParallelConfig::fromEnvironment(&error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->rank, 3);
    QCOMPARE(c->world, 4);
    QCOMPARE(c->masterAddress, QStringLiteral("10.0.0.7"));
    QCOMPARE(c->masterPort, 29555);
    qputenv("RANK", "4");
    QVERIFY(!DataParallelConfig::fromEnvironment(&error));
    QVERIFY2(error.contains(QStringLiteral("RANK=4")), qPrintable(error));
    for (const char *name : {"WORLD_SIZE", "RANK", "MASTER_ADDR", "MASTER_PORT"})
        qunsetenv(name);
}

void TestDataParallel::commandLineRanksWriteOneRun()
{
    QTemporaryDir dir;
    auto path = [&dir](const char *name) { return dir.filePath(QLatin1String(name)); };
    auto train = [&](const char *out, const QStringList &more) {
        return cli(QStringList{QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"), QStringLiteral("--out"), path(out),
                               QStringLiteral("--steps"), QStringLiteral("30"), QStringLiteral("--threads"), QStringLiteral("1")}
                   + more);
    };
    // Two ranks on loopback: one run folder (rank 0's), which one process samples and resumes.
    Run r = train("two", {QStringLiteral("--nproc"), QStringLiteral("2")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out.count(QStringLiteral("trained to step 30")), 1);
    QCOMPARE(readAll(path("two") + QStringLiteral("/metrics.csv")).count('\n'), 31);
    r = cli({QStringLiteral("sample"), path("two"), QStringLiteral("--count"), QStringLiteral("8"), QStringLiteral("--out"), path("two.csv")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli({QStringLiteral("train"), QStringLiteral("--resume"), path("two"), QStringLiteral("--steps"), QStringLiteral("35")});
    QVERIFY2(r.code == 0 && r.out.contains(QStringLiteral("trained to step 35")), qPrintable(r.err));
    // --nproc 1 is a plain run: the same checkpoint's samples.
    QCOMPARE(train("plain", {}).code, 0);
    QCOMPARE(train("one", {QStringLiteral("--nproc"), QStringLiteral("1")}).code, 0);
    for (const char *run : {"plain", "one"})
        QCOMPARE(cli({QStringLiteral("sample"), path(run), QStringLiteral("--count"), QStringLiteral("8"), QStringLiteral("--out"),
                      path(run) + QStringLiteral(".csv")})
                     .code,
                 0);
    QCOMPARE(readAll(path("one") + QStringLiteral(".csv")), readAll(path("plain") + QStringLiteral(".csv")));
    // mlp-ring8's batch of 256 does not divide among 3: every rank says so and the launcher ends with 1.
    r = train("three", {QStringLiteral("--nproc"), QStringLiteral("3")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("the batch of 256 does not divide among 3 processes")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestDataParallel)
#include "tst_dataparallel.moc"
