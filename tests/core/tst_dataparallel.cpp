// Data-parallel training on PyTorch's c10d (gloo over a TCP store on loopback): two ranks, each
// in a thread of this process, train as one process does; a failed step on one rank is undone
// on both; a batch that does not divide is refused.
#include "data/dataset.h"
#include "training/dataparallel.h"
#include "training/trainer.h"

#include "clisupport.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <QtTest>

#include <cmath>
#include <thread>
#include <unistd.h>

#include <netinet/in.h>
#include <sys/socket.h>

namespace {
// A port per test process and call, so that parallel test runs do not meet.
int nextPort()
{
    static int offset = 0;
    return 20000 + int(getpid() % 20000) + 7 * offset++;
}

// A rank of `world` started as a launcher (srun, torchrun) starts it: torchrun's environment.
std::unique_ptr<QProcess> startRank(int rank, int world, int port, const QStringList &args)
{
    auto p = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WORLD_SIZE"), QString::number(world));
    env.insert(QStringLiteral("RANK"), QString::number(rank));
    env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
    p->setProcessEnvironment(env);
    p->start(qEnvironmentVariable("GP_CLI"), args);
    return p;
}

// ringMlp's ring of 8 Gaussians (2000 points).
std::shared_ptr<const Dataset> ring()
{
    return datasets::load(ringMlp().data, 1).data;
}

// Both ranks' trainers stepped `steps` times in threads of their own; each step's result kept.
struct RankRun {
    std::unique_ptr<Trainer> trainer;
    std::shared_ptr<DataParallel> group;
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
        r.group = DataParallel::connect(config, &r.error);
        if (!r.group)
            return;
        if (r.error = r.trainer->joinDataParallel(r.group); !r.error.isEmpty())
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
    void imageRanksCheckpointForOneProcess();
    void aBusyPortIsRefused();
    void anUnreachableMasterIsNamed();
    void aKilledRankIsNamed();
};

void TestDataParallel::twoRanksTrainAsOneProcess_data()
{
    QTest::addColumn<bool>("fused");
    QTest::addColumn<int>("width");
    QTest::newRow("autograd") << false << 32;
    QTest::newRow("hand-written MLP") << true << 32;
    // 512 units: each network's gradients fill two buckets (dataparallel::kFirstBucketBytes).
    QTest::newRow("autograd, two buckets") << false << 512;
    QTest::newRow("hand-written MLP, two buckets") << true << 512;
}

void TestDataParallel::twoRanksTrainAsOneProcess()
{
    QFETCH(bool, fused);
    QFETCH(int, width);
    // An MLP without BatchNorm: the average of the slices' gradients is the whole batch's.
    ExperimentSpec spec = ringMlp();
    spec.generator.layers = {LayerSpec::linear(spec.latentDim, width), LayerSpec::simple(LayerKind::ReLU),
                             LayerSpec::linear(width, width), LayerSpec::simple(LayerKind::ReLU), LayerSpec::linear(width, 2)};
    spec.discriminator.layers = {LayerSpec::linear(2, width), LayerSpec::leakyRelu(0.2), LayerSpec::linear(width, width),
                                 LayerSpec::leakyRelu(0.2), LayerSpec::linear(width, 1)};
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
    // A bucket per network and update, two when wide. On the autograd path each was sent from
    // backward's hooks as it filled; the hand-written arithmetic has no hooks: all after.
    const int buckets = width > 256 ? 2 : 1;
    for (const RankRun &r : runs) {
        QCOMPARE(r.group->bucketsSent(), 2 * buckets * kSteps);
        QCOMPARE(r.group->bucketsOverlapped(), fused ? 0 : 2 * buckets * kSteps);
    }
    // Each rank trained on its own half of each batch; the averaged gradients made the same
    // networks as the whole batches of one process, and every rank's record of each step (the
    // halves' figures averaged) is the whole batch's, as metrics.csv of one process has it.
    for (RankRun &r : runs)
        for (int i = 0; i < kSteps; ++i) {
            const StepRecord &a = alone->history()[size_t(i)], &b = r.trainer->history()[size_t(i)];
            for (const auto &[x, y] : {std::pair{a.lossD, b.lossD}, {a.lossDReal, b.lossDReal}, {a.lossG, b.lossG}, {a.dReal, b.dReal},
                                       {a.dFake, b.dFake}, {a.gradNormD, b.gradNormD}, {a.gradNormG, b.gradNormG}})
                QVERIFY2(std::abs(x - y) <= 1e-4f * (1 + std::abs(x)), qPrintable(QStringLiteral("step %1: %2 against %3").arg(i + 1).arg(y).arg(x)));
        }
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
    auto train = [&](const char *out, const QStringList &more) { return cli(ringTraining(path(out), 30, more)); };
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

void TestDataParallel::imageRanksCheckpointForOneProcess()
{
    // dcgan-fashion (BatchNorm, convolutions, the Debian package's Fashion-MNIST) at N=2: rank 0's
    // checkpoint is an ordinary one that one process samples and resumes.
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("images"));
    Run r = cli({QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("dcgan-fashion"), QStringLiteral("--out"), run,
                 QStringLiteral("--steps"), QStringLiteral("4"), QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--nproc"),
                 QStringLiteral("2")});
    QVERIFY2(r.code == 0 && r.out.contains(QStringLiteral("trained to step 4")), qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("2 processes")), qPrintable(r.out));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("grid.png"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(!QImage(dir.filePath(QStringLiteral("grid.png"))).isNull());
    r = cli({QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--steps"), QStringLiteral("6"), QStringLiteral("--threads"),
             QStringLiteral("1")});
    QVERIFY2(r.code == 0 && r.out.contains(QStringLiteral("trained to step 6")), qPrintable(r.err));
}

void TestDataParallel::aBusyPortIsRefused()
{
    // Something else listens on the port rank 0 is told to serve the group on.
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(s >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    socklen_t length = sizeof(address);
    QVERIFY(::bind(s, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0);
    QVERIFY(::listen(s, 1) == 0);
    QVERIFY(::getsockname(s, reinterpret_cast<sockaddr *>(&address), &length) == 0);
    const int port = ntohs(address.sin_port);
    QTemporaryDir dir;
    std::unique_ptr<QProcess> rank0 = startRank(0, 2, port, ringTraining(dir.filePath(QStringLiteral("busy")), 10));
    const Run r = finished(*rank0, 60000 * kSlowdown);
    ::close(s);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("port %1 is in use").arg(port)), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("busy"))));  // nothing written
}

void TestDataParallel::anUnreachableMasterIsNamed()
{
    // Rank 1 alone: nothing serves the group at the address and port it is given.
    QTemporaryDir dir;
    const int port = nextPort();
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<QProcess> rank1 =
        startRank(1, 2, port, ringTraining(dir.filePath(QStringLiteral("lost")), 10) << QStringLiteral("--dist-timeout") << QStringLiteral("3"));
    const Run r = finished(*rank1, 120000 * kSlowdown);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("rank 1 of 2 cannot join the group at 127.0.0.1:%1 within 3 s").arg(port)), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("check MASTER_ADDR and MASTER_PORT")), qPrintable(r.err));
    QVERIFY2(clock.elapsed() < 60000 * kSlowdown, qPrintable(QString::number(clock.elapsed())));
}

void TestDataParallel::aKilledRankIsNamed()
{
    // Two ranks as a launcher starts them; rank 1 is killed mid-run. Rank 0 ends with exit 1
    // within the timeout, names rank 1, and keeps a checkpoint of its last good step that one
    // process samples.
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("killed"));
    const int port = nextPort();
    constexpr int kTimeoutSeconds = 40;
    const QStringList args = ringTraining(out, 1000000) << QStringLiteral("--dist-timeout") << QString::number(kTimeoutSeconds);
    std::unique_ptr<QProcess> rank0 = startRank(0, 2, port, args);
    std::unique_ptr<QProcess> rank1 = startRank(1, 2, port, args);
    QVERIFY(rank0->waitForStarted() && rank1->waitForStarted());
    // Training: metrics.csv fills (flushed every second).
    QElapsedTimer clock;
    clock.start();
    while (readAll(out + QStringLiteral("/metrics.csv")).count('\n') < 50 && clock.elapsed() < 120000 * kSlowdown
           && rank0->state() == QProcess::Running)
        QTest::qWait(100);
    QVERIFY2(rank0->state() == QProcess::Running, qPrintable(QString::fromUtf8(rank0->readAllStandardError())));
    QVERIFY(readAll(out + QStringLiteral("/metrics.csv")).count('\n') >= 50);
    ::kill(pid_t(rank1->processId()), SIGKILL);
    clock.restart();
    const Run r = finished(*rank0, 2 * kTimeoutSeconds * 1000 * kSlowdown);
    rank1->waitForFinished();
    QCOMPARE(r.code, 1);
    QVERIFY2(clock.elapsed() < kTimeoutSeconds * 1000 * kSlowdown, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(r.err.contains(QStringLiteral("rank 1 of 2 stopped answering")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("the last good step, are saved")), qPrintable(r.err));
    const Run s = cli({QStringLiteral("sample"), out, QStringLiteral("--count"), QStringLiteral("8"), QStringLiteral("--out"),
                       dir.filePath(QStringLiteral("after.csv"))});
    QVERIFY2(s.code == 0, qPrintable(s.err));
}

QTEST_GUILESS_MAIN(TestDataParallel)
#include "tst_dataparallel.moc"
