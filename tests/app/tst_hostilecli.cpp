// The command line against hostile files and situations (issue 28): crafted checkpoints, links
// and pipes where a run keeps its files, outputs aimed at a run's own files, two writers, signals,
// huge files, NaN and escape sequences. Each case is what a script or a stranger's file can do;
// each must end in a message and an exit code, never a crash, a hang or a changed file.
#include "training/trainer.h"
#include "archivecraft.h"
#include "clisupport.h"
#include "training/blasprobe.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

#include <limits>

namespace {

QStringList args(std::initializer_list<const char *> parts)
{
    QStringList out;
    for (const char *p : parts)
        out << QString::fromUtf8(p);
    return out;
}

// A process of the command line left running (for signals and locks).
struct Running {
    QProcess process;
    void start(const QStringList &arguments) { process.start(qEnvironmentVariable("GP_CLI"), arguments); }
    void signal(int sig)
    {
        // Never pid 0: kill(0, ...) would signal this test's own process group.
        if (const qint64 pid = process.processId(); pid > 0)
            ::kill(pid_t(pid), sig);
    }
};

bool isFifo(const QString &path)
{
    struct stat s {};
    return ::lstat(QFile::encodeName(path).constData(), &s) == 0 && S_ISFIFO(s.st_mode);
}
}  // namespace

class TestHostileCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void craftedCheckpointIsRefusedByEveryCommand_data();
    void craftedCheckpointIsRefusedByEveryCommand();
    void runFilesAreNeverWrittenThroughLinks_data();
    void runFilesAreNeverWrittenThroughLinks();
    void pipesAndDevicesAreNeverReplaced();
    void metricsOfAnotherKindAreRefused_data();
    void metricsOfAnotherKindAreRefused();
    void anyExperimentUnderTheSizeLimitIsAnsweredQuickly();
    void outputsDoNotReplaceARunsFiles();
    void aRunFolderHasOneWriter();
    void signalsSaveTheRun_data();
    void signalsSaveTheRun();
    void longCommandsStopWithinASecond_data();
    void longCommandsStopWithinASecond();
    void numbersRefuseNaN_data();
    void numbersRefuseNaN();
    void messagesNameTheFile();
    void damagedImagesGetOneMessage_data();
    void damagedImagesGetOneMessage();
    void terminalEscapesAreShownNotSent();
    void argumentsAreNotIgnored_data();
    void argumentsAreNotIgnored();
    void hugeStepCountsShowASaneEta();
    void blasWarningFollowsTheLibrary();
    void scriptedWindowSaysABadFile();

private:
    // A copy of the base run (20 steps) in a folder of its own.
    QString copyOfRun(const QString &name);

    QTemporaryDir m_dir;
    QString m_experiment, m_run, m_crafted;
};

QString TestHostileCli::copyOfRun(const QString &name)
{
    const QString to = m_dir.filePath(name);
    QDir().mkpath(to + QStringLiteral("/samples"));
    for (const char *file : {"experiment.json", "checkpoint.pt", "metrics.csv"})
        QFile::copy(m_run + QLatin1Char('/') + QLatin1String(file), to + QLatin1Char('/') + QLatin1String(file));
    return to;
}

void TestHostileCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_experiment = m_dir.filePath(QStringLiteral("experiment.json"));
    writeBytes(m_experiment, kSmall2DExperiment);
    m_run = m_dir.filePath(QStringLiteral("base"));
    const Run trained = cli({QStringLiteral("train"), m_experiment, QStringLiteral("--out"), m_run, QStringLiteral("--steps"), QStringLiteral("20")});
    QVERIFY2(trained.code == 0, qPrintable(trained.err));
    // Issue 28, row 1: one tensor's storage offset set to 2^31-1, zipped again with good checksums.
    m_crafted = copyOfRun(QStringLiteral("crafted"));
    archivecraft::Archive a = archivecraft::readFile(m_crafted + QStringLiteral("/checkpoint.pt"));
    QByteArray *pickle = a.entry(QStringLiteral("archive/data.pkl"));
    QVERIFY(pickle);
    const torcharchive::Contents c = torcharchive::read(readAll(m_crafted + QStringLiteral("/checkpoint.pt")));
    const torcharchive::TensorInfo *weight = c.tensor(QStringLiteral("generator_ema/g1/weight"));
    QVERIFY(weight);
    archivecraft::splice(*pickle, weight->offsetAt, archivecraft::binint(std::numeric_limits<std::int32_t>::max()));
    writeBytes(m_crafted + QStringLiteral("/checkpoint.pt"), archivecraft::write(a));
}

void TestHostileCli::craftedCheckpointIsRefusedByEveryCommand_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString out = m_dir.filePath(QStringLiteral("crafted-out"));
    QTest::newRow("sample") << QStringList{QStringLiteral("sample"), m_crafted, QStringLiteral("--count"), QStringLiteral("4"),
                                           QStringLiteral("--out"), out + QStringLiteral(".csv")};
    QTest::newRow("train --resume") << QStringList{QStringLiteral("train"), QStringLiteral("--resume"), m_crafted, QStringLiteral("--steps"),
                                                   QStringLiteral("30")};
    QTest::newRow("evaluate") << QStringList{QStringLiteral("evaluate"), m_crafted};
    QTest::newRow("directions") << QStringList{QStringLiteral("directions"), m_crafted, QStringLiteral("--method"), QStringLiteral("random"),
                                               QStringLiteral("--out"), out + QStringLiteral(".json")};
    QTest::newRow("walk") << QStringList{QStringLiteral("walk"), m_crafted, QStringLiteral("--direction"), QStringLiteral("1"),
                                         QStringLiteral("--out"), out + QStringLiteral(".gif")};
}

// They all exited 139 with nothing on stderr.
void TestHostileCli::craftedCheckpointIsRefusedByEveryCommand()
{
    QFETCH(QStringList, arguments);
    const QByteArray before = readAll(m_crafted + QStringLiteral("/checkpoint.pt"));
    const Run r = cli(arguments);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(m_crafted + QStringLiteral("/checkpoint.pt")) && r.err.contains(QStringLiteral("generator_ema/g1/weight")),
             qPrintable(r.err));
    QCOMPARE(readAll(m_crafted + QStringLiteral("/checkpoint.pt")), before);
}

void TestHostileCli::runFilesAreNeverWrittenThroughLinks_data()
{
    QTest::addColumn<QString>("link");
    QTest::newRow("experiment.json") << QStringLiteral("experiment.json");
    QTest::newRow("metrics.csv") << QStringLiteral("metrics.csv");
    QTest::newRow("a sample grid") << QStringLiteral("samples/step_000030.png");
    QTest::newRow("the samples folder") << QStringLiteral("samples");
}

// `ln -s /some/file RUN/experiment.json; train --resume RUN` replaced /some/file.
void TestHostileCli::runFilesAreNeverWrittenThroughLinks()
{
    QFETCH(QString, link);
    const QString run = copyOfRun(QStringLiteral("linked-") + QString(link).replace(QLatin1Char('/'), QLatin1Char('_')));
    const QString outside = m_dir.filePath(QStringLiteral("outside-") + QFileInfo(link).fileName());
    const bool folder = link == QLatin1String("samples");
    if (folder) {
        QDir().mkpath(outside);
        QDir(run).rmdir(QStringLiteral("samples"));
    } else {
        writeBytes(outside, "a file of someone else's");
        QFile::remove(run + QLatin1Char('/') + link);
    }
    QVERIFY(QFile::link(outside, run + QLatin1Char('/') + link));
    const QByteArray checkpoint = readAll(run + QStringLiteral("/checkpoint.pt"));
    const Run r = cli({QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--steps"), QStringLiteral("30")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("is a symbolic link")) && r.err.contains(link), qPrintable(r.err));
    if (folder)
        QVERIFY(QDir(outside).isEmpty());
    else
        QCOMPARE(readAll(outside), QByteArray("a file of someone else's"));
    QCOMPARE(readAll(run + QStringLiteral("/checkpoint.pt")), checkpoint);
}

// `directions --out /dev/full` replaced the device node with a plain file; `sample` did the
// same through a link. A pipe stands in for the device here (the same check; a test never
// risks a machine's /dev).
void TestHostileCli::pipesAndDevicesAreNeverReplaced()
{
    const QString fifo = m_dir.filePath(QStringLiteral("pipe.json")), link = m_dir.filePath(QStringLiteral("to-pipe.csv"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(QFile::link(fifo, link));
    const Run directions = cli({QStringLiteral("directions"), m_run, QStringLiteral("--method"), QStringLiteral("random"),
                                QStringLiteral("--out"), fifo}, {}, 60000);
    QCOMPARE(directions.code, 1);
    QVERIFY2(directions.err.contains(QStringLiteral("not a regular file")), qPrintable(directions.err));
    const Run sample = cli({QStringLiteral("sample"), m_run, QStringLiteral("--count"), QStringLiteral("5"), QStringLiteral("--out"), link}, {}, 60000);
    QCOMPARE(sample.code, 1);
    QVERIFY2(sample.err.contains(QStringLiteral("not a regular file")), qPrintable(sample.err));
    QVERIFY(isFifo(fifo));
    QVERIFY(QFileInfo(link).isSymLink());
}

void TestHostileCli::metricsOfAnotherKindAreRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a pipe") << QStringLiteral("fifo") << QStringLiteral("not a regular file");
    QTest::newRow("a link to /dev/zero") << QStringLiteral("zero") << QStringLiteral("is a symbolic link");
    QTest::newRow("600 MB") << QStringLiteral("huge") << QString();
}

// A pipe hung `train --resume`; a link to /dev/zero grew to 3.9 GB; 600 MB took 49 s and 2.5 GB.
// A pipe or a link is refused; a large file is read only as far as the checkpoint's steps reach
// (a run killed after its last checkpoint leaves metrics beyond it) and rewritten from them.
void TestHostileCli::metricsOfAnotherKindAreRefused()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    const QString run = copyOfRun(QStringLiteral("metrics-") + kind);
    const QString metrics = run + QStringLiteral("/metrics.csv");
    const QByteArray rows = readAll(metrics);
    QFile::remove(metrics);
    if (kind == QLatin1String("fifo")) {
        QCOMPARE(::mkfifo(QFile::encodeName(metrics).constData(), 0600), 0);
    } else if (kind == QLatin1String("zero")) {
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), metrics));
    } else {
        QFile f(metrics);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(rows);
        QVERIFY(f.resize(qint64(600) << 20));  // sparse: the rows, then zeros
    }
    QElapsedTimer clock;
    clock.start();
    const Run r = cli({QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--steps"), QStringLiteral("30")}, {}, 60000);
    QVERIFY2(clock.elapsed() < 30000 * kSlowdown, qPrintable(QString::number(clock.elapsed())));
    if (expected.isEmpty()) {
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QByteArray rewritten = readAll(metrics);
        QCOMPARE(rewritten.count('\n'), 31);  // the header and steps 1 to 30
        QVERIFY(rewritten.startsWith(rows));
        return;
    }
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(metrics) && r.err.contains(expected), qPrintable(r.err));
    if (kind == QLatin1String("fifo"))
        QVERIFY(isFifo(metrics));
}

// validate took 238 s on 200,000 layers (5.7 MB, under the 16 MiB limit) and 24 s on 100,000.
void TestHostileCli::anyExperimentUnderTheSizeLimitIsAnsweredQuickly()
{
    const auto experiment = [&](int layers, const QString &name) {
        QByteArray relus;
        for (int i = 0; i < layers; ++i)
            relus += QStringLiteral(R"(, {"kind": "ReLU", "id": "r%1"})").arg(i).toUtf8();
        const QString path = m_dir.filePath(name);
        writeBytes(path, R"({"format": "gan-playground-experiment", "version": "1.0", "latent": {"size": 4},
            "generator": {"layers": [{"kind": "Linear", "in": 4, "out": 8})" + relus + R"(, {"kind": "Linear", "in": 8, "out": 2}]},
            "discriminator": {"layers": [{"kind": "Linear", "in": 2, "out": 1}]},
            "data": {"kind": "synthetic-2d", "set": "ring8", "count": 100}})");
        return path;
    };
    const QString huge = experiment(200000, QStringLiteral("200k-layers.json"));
    QVERIFY(QFileInfo(huge).size() < 16 * 1024 * 1024);
    QElapsedTimer clock;
    clock.start();
    const Run refused = cli({QStringLiteral("validate"), huge}, {}, 120000);
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("has 200002 layers; a network may have at most 10000")), qPrintable(refused.err));
    const Run valid = cli({QStringLiteral("validate"), experiment(9998, QStringLiteral("10k-layers.json"))}, {}, 120000);
    QVERIFY2(valid.code == 0 && valid.out.contains(QStringLiteral("valid")), qPrintable(valid.err));
    // Seconds, where the quadratic check of duplicate ids took minutes.
    QVERIFY2(clock.elapsed() < 60000 * kSlowdown, qPrintable(QString::number(clock.elapsed())));
}

// `directions --out RUN/checkpoint.pt` turned the checkpoint into JSON; `--out RUN/experiment.json`
// and `sample --out RUN/metrics.csv` replaced them silently.
void TestHostileCli::outputsDoNotReplaceARunsFiles()
{
    const QString run = copyOfRun(QStringLiteral("outputs"));
    const QByteArray checkpoint = readAll(run + QStringLiteral("/checkpoint.pt")), experiment = readAll(run + QStringLiteral("/experiment.json")),
                     metrics = readAll(run + QStringLiteral("/metrics.csv"));
    const Run intoCheckpoint = cli({QStringLiteral("directions"), run, QStringLiteral("--method"), QStringLiteral("random"),
                                    QStringLiteral("--out"), run + QStringLiteral("/checkpoint.pt")});
    QCOMPARE(intoCheckpoint.code, 2);
    QVERIFY2(intoCheckpoint.err.contains(QStringLiteral("--out must end in .json")), qPrintable(intoCheckpoint.err));
    const Run intoExperiment = cli({QStringLiteral("directions"), run, QStringLiteral("--method"), QStringLiteral("random"),
                                    QStringLiteral("--out"), run + QStringLiteral("/experiment.json")});
    QCOMPARE(intoExperiment.code, 1);
    QVERIFY2(intoExperiment.err.contains(QStringLiteral("is a file of the run in")) && intoExperiment.err.contains(QStringLiteral("--force")),
             qPrintable(intoExperiment.err));
    const Run intoMetrics = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("5"), QStringLiteral("--out"),
                                 run + QStringLiteral("/metrics.csv")});
    QCOMPARE(intoMetrics.code, 1);
    QCOMPARE(readAll(run + QStringLiteral("/checkpoint.pt")), checkpoint);
    QCOMPARE(readAll(run + QStringLiteral("/experiment.json")), experiment);
    QCOMPARE(readAll(run + QStringLiteral("/metrics.csv")), metrics);

    // Outside a run: a file of another kind is kept unless --force; one of the same kind is replaced.
    const QString elsewhere = m_dir.filePath(QStringLiteral("looks-like-points.csv"));
    QVERIFY(QFile::copy(m_experiment, elsewhere));
    const Run overExperiment = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("5"), QStringLiteral("--out"), elsewhere});
    QCOMPARE(overExperiment.code, 1);
    QVERIFY2(overExperiment.err.contains(QStringLiteral("already holds an experiment, not a CSV of points")), qPrintable(overExperiment.err));
    QCOMPARE(readAll(elsewhere), readAll(m_experiment));
    QCOMPARE(cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("5"), QStringLiteral("--out"), elsewhere,
                  QStringLiteral("--force")}).code,
             0);
    QCOMPARE(readAll(elsewhere).count('\n'), 5);
    QCOMPARE(cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("7"), QStringLiteral("--out"), elsewhere}).code, 0);
    QCOMPARE(readAll(elsewhere).count('\n'), 7);
}

// `train --resume R` beside `train --out R --overwrite` both exited 0, leaving one run's
// checkpoint beside the other's samples.
void TestHostileCli::aRunFolderHasOneWriter()
{
    const QString run = copyOfRun(QStringLiteral("locked"));
    Running first;
    first.start({QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--steps"), QStringLiteral("10000000")});
    QVERIFY(first.process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(run + QStringLiteral("/.lock")), 60000 * kSlowdown);
    const QString holder = QStringLiteral("process %1").arg(first.process.processId());
    const Run overwrite = cli({QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("mlp-grid25"), QStringLiteral("--out"), run,
                               QStringLiteral("--overwrite")});
    QCOMPARE(overwrite.code, 1);
    QVERIFY2(overwrite.err.contains(QStringLiteral("another process is writing this run")) && overwrite.err.contains(holder), qPrintable(overwrite.err));
    const Run resume = cli({QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--steps"), QStringLiteral("40")});
    QCOMPARE(resume.code, 1);
    QVERIFY2(resume.err.contains(holder), qPrintable(resume.err));
    QVERIFY(readAll(run + QStringLiteral("/experiment.json")).contains("cli-test"));  // not grid25's
    // A writer that was killed leaves its lock behind; the next one takes it over.
    first.signal(SIGKILL);
    QVERIFY(first.process.waitForFinished());
    QVERIFY(QFileInfo::exists(run + QStringLiteral("/.lock")));
    const Run after = cli({QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--steps"), QStringLiteral("40")});
    QVERIFY2(after.code == 0, qPrintable(after.err));
}

void TestHostileCli::signalsSaveTheRun_data()
{
    QTest::addColumn<int>("sig");
    QTest::addColumn<int>("code");
    QTest::newRow("SIGTERM") << int(SIGTERM) << 143;
    QTest::newRow("SIGINT") << int(SIGINT) << 130;
    QTest::newRow("SIGHUP") << int(SIGHUP) << 129;
}

// `train` without --checkpoint-every killed with SIGTERM exited 143 with no checkpoint, and the
// folder could be neither resumed nor reused.
void TestHostileCli::signalsSaveTheRun()
{
    QFETCH(int, sig);
    QFETCH(int, code);
    const QString run = m_dir.filePath(QStringLiteral("signal-%1").arg(sig));
    Running p;
    p.start({QStringLiteral("train"), m_experiment, QStringLiteral("--out"), run, QStringLiteral("--steps"), QStringLiteral("10000000")});
    QVERIFY(p.process.waitForStarted());
    // Stepping: the metrics have rows beyond the header.
    QTRY_VERIFY_WITH_TIMEOUT(readAll(run + QStringLiteral("/metrics.csv")).count('\n') > 2, 60000 * kSlowdown);
    p.signal(sig);
    const Run r = finished(p.process, 60000 * kSlowdown);
    QCOMPARE(r.code, code);
    QVERIFY2(r.out.contains(QStringLiteral("interrupted at step")), qPrintable(r.out));
    const Run sampled = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--out"),
                             m_dir.filePath(QStringLiteral("signal-%1.csv").arg(sig))});
    QVERIFY2(sampled.code == 0, qPrintable(sampled.err));
    const Run resumed = cli({QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--steps"), QStringLiteral("1")});
    QVERIFY2(resumed.code == 0 && resumed.out.contains(QStringLiteral("nothing to do")), qPrintable(resumed.out + resumed.err));
}

void TestHostileCli::longCommandsStopWithinASecond_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("output");
    const QString csv = m_dir.filePath(QStringLiteral("many.csv")), dirs = m_dir.filePath(QStringLiteral("slow.json"));
    QTest::newRow("sample") << QStringList{QStringLiteral("sample"), m_run, QStringLiteral("--count"), QStringLiteral("10000000"),
                                           QStringLiteral("--out"), csv}
                            << csv;
    QTest::newRow("directions") << QStringList{QStringLiteral("directions"), m_run, QStringLiteral("--method"), QStringLiteral("pca"),
                                               QStringLiteral("--samples"), QStringLiteral("10000000"), QStringLiteral("--out"), dirs}
                                << dirs;
}

// SIGINT during a large `sample` ran on for 10 s; during `walk --frames 2000` every frame was
// still written and the exit status was 0.
void TestHostileCli::longCommandsStopWithinASecond()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, output);
    Running p;
    p.start(arguments);
    QVERIFY(p.process.waitForStarted());
    QTest::qWait(2000);  // past start-up, into the work
    QVERIFY2(p.process.state() == QProcess::Running, "the command ended before the signal; give it more work");
    QElapsedTimer clock;
    clock.start();
    p.signal(SIGINT);
    const Run r = finished(p.process, 60000);
    QCOMPARE(r.code, 130);
    QVERIFY2(clock.elapsed() < 3000 * kSlowdown, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!QFileInfo::exists(output));
}

void TestHostileCli::numbersRefuseNaN_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("walk --range nan") << QStringLiteral("GP_CLI")
                                      << QStringList{QStringLiteral("walk"), m_run, QStringLiteral("--direction"), QStringLiteral("1"),
                                                     QStringLiteral("--range"), QStringLiteral("nan"), QStringLiteral("--out"),
                                                     m_dir.filePath(QStringLiteral("nan.gif"))};
    QTest::newRow("walk --range inf") << QStringLiteral("GP_CLI")
                                      << QStringList{QStringLiteral("walk"), m_run, QStringLiteral("--direction"), QStringLiteral("1"),
                                                     QStringLiteral("--range"), QStringLiteral("inf"), QStringLiteral("--out"),
                                                     m_dir.filePath(QStringLiteral("inf.gif"))};
    QTest::newRow("--benchmark-ui nan") << QStringLiteral("GP_GUI") << QStringList{QStringLiteral("--benchmark-ui"), QStringLiteral("nan")};
    QTest::newRow("--substeps nan") << QStringLiteral("GP_GUI") << QStringList{QStringLiteral("--substeps"), QStringLiteral("nan")};
}

// `walk --range nan` wrote black frames and exited 0; `--benchmark-ui nan` ran 0 steps, exit 0.
void TestHostileCli::numbersRefuseNaN()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QProcess p;
    p.start(qEnvironmentVariable(qPrintable(program)), arguments);
    const Run r = finished(p, 120000);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("needs a number")), qPrintable(r.err));
}

// A scripted window start (--screenshot, --benchmark-ui) with an experiment file it cannot read
// waited for a person to close "Cannot open experiment": it says why on stderr and exits 1.
void TestHostileCli::scriptedWindowSaysABadFile()
{
    const QString bad = m_dir.filePath(QStringLiteral("cut-short.json"));
    writeBytes(bad, "{\"format\": \"gan-playground-experiment\"");
    for (const QStringList &script : {QStringList{QStringLiteral("--substeps"), QStringLiteral("3"), QStringLiteral("--screenshot"),
                                                  m_dir.filePath(QStringLiteral("never.png"))},
                                      QStringList{QStringLiteral("--benchmark-ui"), QStringLiteral("3")}}) {
        QProcess p;
        p.start(qEnvironmentVariable("GP_GUI"), QStringList{bad} + script);
        const Run r = finished(p, 60000);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(bad + QStringLiteral(": not valid JSON")), qPrintable(r.err));
    }
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("never.png"))));
}

void TestHostileCli::messagesNameTheFile()
{
    // RUN/samples a file: "cannot create the run folder".
    const QString run = copyOfRun(QStringLiteral("samples-file"));
    QDir(run).rmdir(QStringLiteral("samples"));
    writeBytes(run + QStringLiteral("/samples"), "not a folder");
    const Run samples = cli({QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--steps"), QStringLiteral("30")});
    QCOMPARE(samples.code, 1);
    QVERIFY2(samples.err.contains(run + QStringLiteral("/samples: is a file where the run keeps its sample grids")), qPrintable(samples.err));

    // A 3 GB checkpoint under `ulimit -v`: "out of memory; make the batch ... smaller".
#ifdef GP_SANITIZED
    qInfo("the checkpoint memory refusal under RLIMIT_AS is not checked in a sanitized build");
#else
    const QString big = copyOfRun(QStringLiteral("big-checkpoint"));
    QFile checkpoint(big + QStringLiteral("/checkpoint.pt"));
    QVERIFY(checkpoint.resize(qint64(3) << 30));  // sparse
    const Run limited = cli({QStringLiteral("sample"), big, QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--out"),
                             m_dir.filePath(QStringLiteral("big.csv"))},
                            Limits{0, qint64(6) << 30}, 60000);
    QCOMPARE(limited.code, 1);
    QVERIFY2(limited.err.contains(big + QStringLiteral("/checkpoint.pt: this checkpoint of 3.2 GB needs about 9.7 GB of memory to load")),
             qPrintable(limited.err));
#endif
}

void TestHostileCli::damagedImagesGetOneMessage_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("expected");
    QImage image(8, 8, QImage::Format_RGB888);
    image.fill(Qt::darkCyan);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    const QByteArray png = buffer.data();
    QTest::newRow("cut short") << png.left(png.size() - 20) << QStringLiteral("this PNG file is damaged (it is cut short");
    QByteArray crc = png;
    crc[crc.indexOf("IDAT") + 6] = char(crc[crc.indexOf("IDAT") + 6] ^ 0x40);
    QTest::newRow("bad checksum") << crc << QStringLiteral("IDAT chunk at byte");
    // The header's width and height (bytes 16 to 23) set, its checksum made right again.
    const auto sized = [&png](const QByteArray &widthHeight) {
        QByteArray b = png;
        b.replace(16, 8, widthHeight);
        const uLong crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(b.constData() + 12), 17);
        for (int i = 0; i < 4; ++i)
            b[29 + i] = char((crc >> (24 - 8 * i)) & 0xff);
        return b;
    };
    QTest::newRow("zero width") << sized(QByteArray::fromHex("0000000000000008")) << QStringLiteral("its header gives a size of 0x8 pixels");
    // 60000 x 60000: Qt answered "Unable to read image data". Only its header is needed.
    QTest::newRow("60000 x 60000") << sized(QByteArray::fromHex("0000ea600000ea60")) << QStringLiteral("is 60000x60000 pixels, too large to read");
}

// Cut, bad-checksum and zero-width PNGs printed "libpng error: ..." lines beside the message.
void TestHostileCli::damagedImagesGetOneMessage()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, expected);
    const QString folder = m_dir.filePath(QStringLiteral("images-") + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    QDir().mkpath(folder);
    QImage good(8, 8, QImage::Format_RGB888);
    good.fill(Qt::red);
    for (int i = 0; i < 3; ++i)
        QVERIFY(good.save(QStringLiteral("%1/good%2.png").arg(folder).arg(i)));
    writeBytes(folder + QStringLiteral("/damaged.png"), file);
    const QString experiment = folder + QStringLiteral(".json");
    writeBytes(experiment, QStringLiteral(R"({"format": "gan-playground-experiment", "version": "1.0", "latent": {"size": 4},
        "generator": {"layers": [{"kind": "Linear", "in": 4, "out": 48}, {"kind": "Reshape", "shape": [3, 4, 4]}]},
        "discriminator": {"layers": [{"kind": "Flatten"}, {"kind": "Linear", "in": 48, "out": 1}]},
        "data": {"kind": "image-folder", "path": "%1", "image_size": 4, "grayscale": false},
        "training": {"batch_size": 2, "threads": 1}})")
                               .arg(folder)
                               .toUtf8());
    const Run r = cli({QStringLiteral("train"), experiment, QStringLiteral("--out"), folder + QStringLiteral("-run"), QStringLiteral("--steps"),
                       QStringLiteral("1")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(folder + QStringLiteral("/damaged.png")) && r.err.contains(expected), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("libpng")), qPrintable(r.err));
}

// An experiment's name or a layer id with escape sequences was printed raw.
void TestHostileCli::terminalEscapesAreShownNotSent()
{
    QByteArray named = kSmall2DExperiment;
    named.replace("\"cli-test\"", "\"evil\\u001b]0;owned\\u0007\\u001b[2J\\u202e\"");
    writeBytes(m_dir.filePath(QStringLiteral("escapes.json")), named);
    const Run shown = cli({QStringLiteral("validate"), m_dir.filePath(QStringLiteral("escapes.json"))});
    QCOMPARE(shown.code, 0);
    QVERIFY2(shown.out.contains(QStringLiteral("evil\\x1b]0;owned\\x07\\x1b[2J\\u202e")), qPrintable(shown.out));
    QVERIFY(!shown.out.contains(QChar(0x1b)) && !shown.out.contains(QChar(0x202e)));
    QByteArray id = kSmall2DExperiment;
    id.replace("{\"kind\": \"ReLU\"}", "{\"kind\": \"ReLU\", \"id\": \"r\\u001b[31m\"}");
    writeBytes(m_dir.filePath(QStringLiteral("escaped-id.json")), id);
    const Run refused = cli({QStringLiteral("validate"), m_dir.filePath(QStringLiteral("escaped-id.json"))});
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("generator.layers[2].id: must not contain control characters")), qPrintable(refused.err));
    QVERIFY(!refused.err.contains(QChar(0x1b)));
}

void TestHostileCli::argumentsAreNotIgnored_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("evaluate --count -1") << QStringList{QStringLiteral("evaluate"), m_run, QStringLiteral("--count"), QStringLiteral("-1")} << 2
                                         << QStringLiteral("--count needs a whole number");
    QTest::newRow("evaluate --count on a 2D run") << QStringList{QStringLiteral("evaluate"), m_run, QStringLiteral("--count"), QStringLiteral("500")}
                                                  << 2 << QStringLiteral("--count is for image runs");
    QTest::newRow("directions --layer with SeFa") << QStringList{QStringLiteral("directions"), m_run, QStringLiteral("--layer"),
                                                                 QStringLiteral("nope"), QStringLiteral("--out"),
                                                                 m_dir.filePath(QStringLiteral("layer.json"))}
                                                  << 2 << QStringLiteral("--layer chooses the layer PCA analyses");
    QTest::newRow("directions --layer nope with PCA") << QStringList{QStringLiteral("directions"), m_run, QStringLiteral("--method"),
                                                                     QStringLiteral("pca"), QStringLiteral("--layer"), QStringLiteral("nope"),
                                                                     QStringLiteral("--out"), m_dir.filePath(QStringLiteral("layer.json"))}
                                                      << 1 << QStringLiteral("the generator has no layer \"nope\"");
    QByteArray cuda = kSmall2DExperiment;
    cuda.replace("\"threads\": 1", "\"threads\": 1, \"device\": \"cuda\"");
    const QString cudaFile = m_dir.filePath(QStringLiteral("cuda.json"));
    QFile f(cudaFile);
    if (f.open(QIODevice::WriteOnly))
        f.write(cuda);
    if (!Trainer::buildHasCuda())
        QTest::newRow("validate device cuda") << QStringList{QStringLiteral("validate"), cudaFile} << 1
                                              << QStringLiteral("this build's LibTorch has no CUDA support");
}

// `evaluate RUN --count -1` exited 0 on a 2D run; `directions --layer nope` used g1; `validate`
// said "valid" for a device that train then refused.
void TestHostileCli::argumentsAreNotIgnored()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, code);
    QFETCH(QString, expected);
    const Run r = cli(arguments);
    QCOMPARE(r.code, code);
    QVERIFY2((r.err + r.out).contains(expected), qPrintable(r.err + r.out));
}

// `--steps 9223372036854775807` showed "ETA -35791394:-8".
void TestHostileCli::hugeStepCountsShowASaneEta()
{
    Running p;
    const QString run = m_dir.filePath(QStringLiteral("endless"));
    p.start({QStringLiteral("train"), m_experiment, QStringLiteral("--out"), run, QStringLiteral("--steps"), QStringLiteral("9223372036854775807")});
    QVERIFY(p.process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(readAll(run + QStringLiteral("/metrics.csv")).count('\n') > 2, 60000 * kSlowdown);
    p.signal(SIGINT);
    const Run r = finished(p.process, 60000 * kSlowdown);
    QCOMPARE(r.code, 130);
    QVERIFY2(r.err.contains(QStringLiteral("ETA over 100 days")) && !r.err.contains(QStringLiteral("ETA -")), qPrintable(r.err));
}

// The slow-BLAS warning appeared on a busy machine with OpenBLAS loaded: the library decides.
void TestHostileCli::blasWarningFollowsTheLibrary()
{
    BlasProbe busy;
    busy.library = QStringLiteral("/usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3");
    busy.gflops = 1.5;
    QCOMPARE(busy.warning(), QString());
    BlasProbe reference;
    reference.library = QStringLiteral("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3");
    reference.reference = true;
    reference.gflops = 50;
    QVERIFY(reference.warning().contains(QStringLiteral("reference BLAS")));
    BlasProbe unknown;
    unknown.library = QStringLiteral("/opt/blas/libsomeblas.so");
    unknown.gflops = 1.5;
    QVERIFY(!unknown.warning().isEmpty());
    // And this process's library is the one the packages install.
    QVERIFY2(probeBlas(1, 0.05).library.contains(QStringLiteral("openblas")), qPrintable(probeBlas(1, 0.05).library));
}

QTEST_GUILESS_MAIN(TestHostileCli)
#include "tst_hostilecli.moc"
