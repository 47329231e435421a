// The command line as a script uses it: exit codes, files written, and exact resume across processes.
#include "data/dataset.h"
#include "data/idxfile.h"
#include "spec/presets.h"
#include "spec/specjson.h"
#include "eval/lab2d.h"
#include "eval/divergence.h"
#include "eval/modecoverage.h"
#include "training/trainer.h"
#include "clisupport.h"

#include <QDateTime>
#include <QDir>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <QtTest>

#include <csignal>
#include <random>

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void presetsAndValidate();
    void usageAndUserErrors_data();
    void usageAndUserErrors();
    void trainWritesTheRun();
    void resumeAcrossProcessesIsExact();
    void sampleFormats();
    void refusesAFolderThatHoldsARun();
    void fileSizeLimitKeepsThePreviousFiles();
    void fullDiskKeepsTheCheckpoint();
    void damagedCheckpointIsRefused_data();
    void damagedCheckpointIsRefused();
    void experimentFileMustBeAFile_data();
    void experimentFileMustBeAFile();
    void layersThatCannotFitAreProblems();
    void evaluatesAnImageRun();
    void directionsWalksAndTimeline();
    void killedAnyMomentLeavesALoadableCheckpoint();
    void flippedBitsAreRefusedOrHarmless();
    void divergingRunKeepsItsLastGoodStep();

private:
    // A trained run of the test experiment (100 steps), made once in a folder of its own.
    QString baseRun();
    // A copy of the base run to damage or to resume.
    QString copyOfBaseRun(const QString &name);

    QTemporaryDir m_dir;
    QString m_experiment;
    QString m_baseRun;
};

QString TestCli::baseRun()
{
    if (m_baseRun.isEmpty()) {
        const QString run = m_dir.filePath(QStringLiteral("base"));
        const Run r = cli({QStringLiteral("train"), m_experiment, QStringLiteral("--out"), run, QStringLiteral("--steps"), QStringLiteral("100")});
        if (r.code != 0)
            qWarning("training the base run failed: %s", qPrintable(r.err));
        m_baseRun = run;
    }
    return m_baseRun;
}

QString TestCli::copyOfBaseRun(const QString &name)
{
    const QString from = baseRun(), to = m_dir.filePath(name);
    QDir().mkpath(to + QStringLiteral("/samples"));
    for (const QString &file : {QStringLiteral("experiment.json"), QStringLiteral("checkpoint.pt"), QStringLiteral("metrics.csv")}) {
        QFile::remove(to + QLatin1Char('/') + file);
        QFile::copy(from + QLatin1Char('/') + file, to + QLatin1Char('/') + file);
    }
    return to;
}

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_experiment = m_dir.filePath(QStringLiteral("exp.json"));
    QFile f(m_experiment);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kSmall2DExperiment);
}

void TestCli::presetsAndValidate()
{
    const Run presets = cli({QStringLiteral("presets")});
    QCOMPARE(presets.code, 0);
    for (const char *name : {"dcgan-fashion", "seed-keras-mnist", "wgan-gp-fashion", "hinge-sn-fashion", "lsgan-fashion",
                             "mlp-ring8", "mlp-grid25"})
        QVERIFY2(presets.out.contains(QLatin1String(name)), name);
    const Run valid = cli({QStringLiteral("validate"), QStringLiteral("--preset"), QStringLiteral("dcgan-fashion")});
    QCOMPARE(valid.code, 0);
    QVERIFY(valid.out.contains(QStringLiteral("ConvTranspose2d   [64, 14, 14]")));
    QVERIFY(valid.out.contains(QStringLiteral("771969")));
    QVERIFY(valid.out.trimmed().endsWith(QStringLiteral("valid")));
}

void TestCli::usageAndUserErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("stderrHas");
    QTest::newRow("no command") << QStringList{} << 2 << "no command given";
    QTest::newRow("unknown command") << QStringList{QStringLiteral("fly")} << 2 << "unknown command";
    QTest::newRow("unknown option") << QStringList{QStringLiteral("validate"), QStringLiteral("--bogus")} << 2 << "bogus";
    QTest::newRow("unknown preset") << QStringList{QStringLiteral("validate"), QStringLiteral("--preset"), QStringLiteral("nope")}
                                    << 1 << "no preset named \"nope\"";
    QTest::newRow("missing file") << QStringList{QStringLiteral("validate"), QStringLiteral("/nonexistent.json")} << 1
                                  << "/nonexistent.json: file not found";
    QTest::newRow("train without out") << QStringList{QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8")}
                                       << 2 << "--out";
    QTest::newRow("bad steps") << QStringList{QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"),
                                              QStringLiteral("--out"), QStringLiteral("/tmp/x"), QStringLiteral("--steps"), QStringLiteral("ten")}
                               << 2 << "--steps needs a whole number";
    QTest::newRow("threads beyond the file's range")
        << QStringList{QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"), QStringLiteral("--out"),
                       QStringLiteral("/tmp/x"), QStringLiteral("--threads"), QStringLiteral("1000")}
        << 2 << "--threads needs a whole number from 1 to 256";
    QTest::newRow("seed beyond what a file holds")
        << QStringList{QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"), QStringLiteral("--out"),
                       QStringLiteral("/tmp/x"), QStringLiteral("--seed"), QStringLiteral("10000000000000001")}
        << 2 << "--seed needs a whole number from 0 to 9007199254740991";
    QTest::newRow("sample no run") << QStringList{QStringLiteral("sample"), QStringLiteral("/nonexistent"), QStringLiteral("--count"),
                                                  QStringLiteral("3"), QStringLiteral("--out"), QStringLiteral("/tmp/x.csv")}
                                   << 1 << "no checkpoint.pt here";
}

void TestCli::usageAndUserErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, stderrHas);
    const Run r = cli(args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(stderrHas), qPrintable(r.err));
}

void TestCli::trainWritesTheRun()
{
    const QString run = m_dir.filePath(QStringLiteral("run"));
    const Run r = cli({QStringLiteral("train"), m_experiment, QStringLiteral("--out"), run, QStringLiteral("--steps"), QStringLiteral("100")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(run + QStringLiteral("/experiment.json")));
    QVERIFY(QFile::exists(run + QStringLiteral("/checkpoint.pt")));
    QVERIFY(QFile::exists(run + QStringLiteral("/samples/step_000100.png")));
    const QList<QByteArray> rows = readAll(run + QStringLiteral("/metrics.csv")).trimmed().split('\n');
    QCOMPARE(rows.size(), 101);
    QCOMPARE(rows[0], QByteArray("step,loss_d,loss_d_real,loss_d_fake,loss_g,d_real,d_fake,grad_norm_d,grad_norm_g,seconds,"
                                 "fd,kid,kid_se,precision,recall,density,coverage,classifier_score"));
    QVERIFY(rows[100].startsWith("100,"));
    QCOMPARE(rows[100].split(',').size(), 18);
    QVERIFY(rows[100].endsWith(",,,,,,,,"));  // no --eval-every: the quality columns stay empty
    const Run eval = cli({QStringLiteral("evaluate"), run});
    QCOMPARE(eval.code, 0);
    // evaluate reports this run's coverage: the same figures as the engine computes here from
    // the run's checkpoint, whatever they are after 100 steps.
    ExperimentSpec spec;
    const QString checkpoint = run + QStringLiteral("/checkpoint.pt");
    QCOMPARE(Trainer::readCheckpointSpec(checkpoint, &spec), QString());
    const DatasetLoad data = datasets::load(spec.data, spec.seed);
    QVERIFY2(data.data, qPrintable(data.error));
    QString error;
    auto trainer = Trainer::create(spec, data.data, &error);
    QVERIFY2(trainer, qPrintable(error));
    QCOMPARE(trainer->loadCheckpoint(checkpoint), QString());
    const ModeCoverage c = evaluateModeCoverage(trainer->sample(kCoverageSamples, kCoverageSeed).points, data.data->modes,
                                                data.data->modeSigma);
    QCOMPARE(c.modes, 8);
    QVERIFY2(eval.out.contains(QStringLiteral("samples:           %1\n").arg(kCoverageSamples)), qPrintable(eval.out));
    QVERIFY2(eval.out.contains(QStringLiteral("modes captured:    %1 of 8\n").arg(c.captured)), qPrintable(eval.out));
    QVERIFY2(eval.out.contains(QStringLiteral("high quality:      %1%").arg(100.0 * c.highQualityFraction, 0, 'f', 2)), qPrintable(eval.out));
    QVERIFY(c.highQuality > 0);  // after 100 steps some samples already lie on the ring
    // And the Jensen-Shannon estimate of the 2D lab, on all the coverage samples, with its floor.
    const auto [lo, hi] = divergence::viewAround(data.data->points);
    const divergence::Estimate js =
        divergence::againstReal(data.data->points, trainer->sample(kCoverageSamples, kCoverageSeed).points, kCoverageSamples, lo, hi);
    QVERIFY(js.floor >= 0 && js.js > js.floor);  // 100 steps are not enough to reach the data's own noise
    QVERIFY2(eval.out.contains(QStringLiteral("Jensen-Shannon:    %1 bits (noise floor %2; %3 points each")
                                   .arg(js.js, 0, 'f', 4).arg(js.floor, 0, 'f', 4).arg(js.points)),
             qPrintable(eval.out));
    // The window's live measure, from frozen copies of the same networks, says the same.
    lab2d::Request live;
    live.cells = 4;
    live.modes = data.data->modes;
    live.modeSigma = data.data->modeSigma;
    const lab2d::Frame frame = lab2d::compute(*trainer->copyGenerator(), *trainer->copyDiscriminator(), live, &error);
    QVERIFY2(frame.ok() && frame.hasCoverage, qPrintable(error));
    QVERIFY2(eval.out.contains(QStringLiteral("modes captured:    %1 of 8\n").arg(frame.coverage.captured)), qPrintable(eval.out));
    QVERIFY2(eval.out.contains(QStringLiteral("high quality:      %1%").arg(100.0 * frame.coverage.highQualityFraction, 0, 'f', 2)),
             qPrintable(eval.out));
}

void TestCli::resumeAcrossProcessesIsExact()
{
    const QString straight = m_dir.filePath(QStringLiteral("straight"));
    const QString split = m_dir.filePath(QStringLiteral("split"));
    QCOMPARE(cli({QStringLiteral("train"), m_experiment, QStringLiteral("--out"), straight, QStringLiteral("--steps"), QStringLiteral("200")}).code, 0);
    QCOMPARE(cli({QStringLiteral("train"), m_experiment, QStringLiteral("--out"), split, QStringLiteral("--steps"), QStringLiteral("100")}).code, 0);
    const Run resumed = cli({QStringLiteral("train"), QStringLiteral("--resume"), split, QStringLiteral("--steps"), QStringLiteral("200")});
    QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
    // Same losses, scores and gradient norms at every step (the timing column differs).
    auto withoutTime = [](const QByteArray &csv) {
        QList<QByteArray> rows = csv.trimmed().split('\n');
        const int seconds = int(rows.first().split(',').indexOf("seconds"));
        for (QByteArray &row : rows) {
            QList<QByteArray> cells = row.split(',');
            cells.removeAt(seconds);
            row = cells.join(',');
        }
        return rows;
    };
    const QList<QByteArray> a = withoutTime(readAll(straight + QStringLiteral("/metrics.csv")));
    const QList<QByteArray> b = withoutTime(readAll(split + QStringLiteral("/metrics.csv")));
    QCOMPARE(a.size(), 201);
    QCOMPARE(b, a);
    // And the same generator, bit for bit.
    const QString sa = m_dir.filePath(QStringLiteral("a.csv")), sb = m_dir.filePath(QStringLiteral("b.csv"));
    QCOMPARE(cli({QStringLiteral("sample"), straight, QStringLiteral("--count"), QStringLiteral("500"), QStringLiteral("--out"), sa}).code, 0);
    QCOMPARE(cli({QStringLiteral("sample"), split, QStringLiteral("--count"), QStringLiteral("500"), QStringLiteral("--out"), sb}).code, 0);
    QCOMPARE(readAll(sb), readAll(sa));
    QCOMPARE(readAll(sa).count('\n'), 500);
}

void TestCli::sampleFormats()
{
    const QString run = baseRun();
    QVERIFY(QFile::exists(run + QStringLiteral("/checkpoint.pt")));
    const QString png = m_dir.filePath(QStringLiteral("s.png"));
    QCOMPARE(cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("100"), QStringLiteral("--out"), png}).code, 0);
    QVERIFY(readAll(png).startsWith("\x89PNG"));
    const Run idx = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--out"),
                         m_dir.filePath(QStringLiteral("s.idx"))});
    QCOMPARE(idx.code, 1);
    QVERIFY(idx.err.contains(QStringLiteral(".idx output is for image runs")));
}

void TestCli::refusesAFolderThatHoldsARun()
{
    const QString run = copyOfBaseRun(QStringLiteral("taken"));
    const QByteArray checkpoint = readAll(run + QStringLiteral("/checkpoint.pt"));
    const QByteArray experiment = readAll(run + QStringLiteral("/experiment.json"));
    QVERIFY(!checkpoint.isEmpty());
    // Another experiment into the same folder: refused, and nothing in the folder changes.
    const Run again = cli({QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"), QStringLiteral("--out"), run,
                           QStringLiteral("--steps"), QStringLiteral("2")});
    QCOMPARE(again.code, 1);
    QVERIFY2(again.err.contains(QStringLiteral("already holds a run (experiment.json, checkpoint.pt, metrics.csv)")), qPrintable(again.err));
    QVERIFY2(again.err.contains(QStringLiteral("--resume")) && again.err.contains(QStringLiteral("--overwrite")), qPrintable(again.err));
    QCOMPARE(readAll(run + QStringLiteral("/checkpoint.pt")), checkpoint);
    QCOMPARE(readAll(run + QStringLiteral("/experiment.json")), experiment);
    // Resuming from it into another folder that holds a run is refused as well.
    const QString other = copyOfBaseRun(QStringLiteral("taken2"));
    QCOMPARE(cli({QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--out"), other, QStringLiteral("--steps"),
                  QStringLiteral("101")}).code, 1);
    // --overwrite replaces the whole run: the folder then describes only the new one.
    const Run replaced = cli({QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"), QStringLiteral("--out"), run,
                              QStringLiteral("--steps"), QStringLiteral("2"), QStringLiteral("--overwrite")});
    QVERIFY2(replaced.code == 0, qPrintable(replaced.err));
    QVERIFY(readAll(run + QStringLiteral("/experiment.json")).contains("\"mlp-ring8\""));
    QCOMPARE(readAll(run + QStringLiteral("/metrics.csv")).trimmed().split('\n').size(), 3);
    QVERIFY(!QFile::exists(run + QStringLiteral("/samples/step_000100.png")));
    QVERIFY(QFile::exists(run + QStringLiteral("/samples/step_000002.png")));
    const Run sampled = cli({QStringLiteral("evaluate"), run});
    QVERIFY2(sampled.code == 0 && sampled.out.contains(QStringLiteral("(step 2, ")), qPrintable(sampled.out + sampled.err));
}

void TestCli::fileSizeLimitKeepsThePreviousFiles()
{
    // The test run's checkpoint is ~79 KB, its sample PNG ~47 KB: a 64 KB limit lets the run
    // write everything but the new checkpoint.
    constexpr Limits kLimit{64 * 1024, 0};
    const QString run = copyOfBaseRun(QStringLiteral("limited"));
    const QByteArray before = readAll(run + QStringLiteral("/checkpoint.pt"));
    QVERIFY(before.size() > kLimit.fileSize);
    const Run resumed = cli({QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--steps"), QStringLiteral("102")}, kLimit);
    QCOMPARE(resumed.code, 1);
    QVERIFY2(resumed.err.contains(QStringLiteral("checkpoint.pt: file size limit reached (wrote ")), qPrintable(resumed.err));
    QVERIFY2(resumed.err.contains(QStringLiteral("the previous checkpoint is unchanged")), qPrintable(resumed.err));
    QCOMPARE(readAll(run + QStringLiteral("/checkpoint.pt")), before);
    QCOMPARE(cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("5"), QStringLiteral("--out"),
                  m_dir.filePath(QStringLiteral("after.csv"))}).code, 0);
    // A fresh run: no checkpoint at all rather than a cut one.
    const QString fresh = m_dir.filePath(QStringLiteral("limited-fresh"));
    const Run first = cli({QStringLiteral("train"), m_experiment, QStringLiteral("--out"), fresh, QStringLiteral("--steps"), QStringLiteral("3")}, kLimit);
    QCOMPARE(first.code, 1);
    QVERIFY2(first.err.contains(QStringLiteral("no checkpoint was written")), qPrintable(first.err));
    QVERIFY(!QFile::exists(fresh + QStringLiteral("/checkpoint.pt")));
    // Samples: 5000 points are ~100 KB of CSV; nothing is left behind.
    const QString csv = m_dir.filePath(QStringLiteral("limited.csv"));
    const Run sampled = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("5000"), QStringLiteral("--out"), csv}, kLimit);
    QCOMPARE(sampled.code, 1);
    QVERIFY2(sampled.err.contains(QStringLiteral("file size limit reached")), qPrintable(sampled.err));
    QVERIFY(!QFile::exists(csv));
}

void TestCli::fullDiskKeepsTheCheckpoint()
{
    // A real full disk: a 200 KB tmpfs in a mount namespace of our own (no root needed).
    if (QProcess::execute(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("true")}) != 0)
        QSKIP("unshare -rm (user and mount namespaces) is not available here");
    const QString run = copyOfBaseRun(QStringLiteral("full"));
    QFile::copy(baseRun() + QStringLiteral("/samples/step_000100.png"), run + QStringLiteral("/samples/step_000100.png"));
    const QString small = m_dir.filePath(QStringLiteral("small")), after = m_dir.filePath(QStringLiteral("full-after.pt"));
    QVERIFY(QDir().mkpath(small));
    const QString script = QStringLiteral(
        "mount -t tmpfs -o size=200k tmpfs \"$1\" || exit 90; cp -r \"$2\" \"$1/run\" || exit 91; "
        "\"$3\" train --resume \"$1/run\" --steps 102; code=$?; cp \"$1/run/checkpoint.pt\" \"$4\"; exit $code");
    QProcess p;
    p.start(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"), script, QStringLiteral("sh"), small, run,
                                        qEnvironmentVariable("GP_CLI"), after});
    QVERIFY(p.waitForFinished(120000 * kSlowdown));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    if (p.exitCode() == 90)
        QSKIP("cannot mount a tmpfs in a user namespace here");
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(err.contains(QStringLiteral("checkpoint.pt: disk full (wrote ")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("the previous checkpoint is unchanged")), qPrintable(err));
    QCOMPARE(readAll(after), readAll(run + QStringLiteral("/checkpoint.pt")));
}

void TestCli::damagedCheckpointIsRefused_data()
{
    QTest::addColumn<double>("where");  // fraction of the file where bytes are flipped
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");
    // The weights are the bulk of the file; the zip directory its last few kB.
    QTest::newRow("weights, one bit") << 0.5 << 1 << "fails its checksum";
    QTest::newRow("weights, 64 bytes") << 0.3 << 64 << "fails its checksum";
    QTest::newRow("zip directory") << 0.985 << 16 << "the checkpoint is damaged";
    QTest::newRow("end record") << 0.9999 << 4 << "the checkpoint is damaged";
    QTest::newRow("first header") << 0.0 << 8 << "the checkpoint is damaged";
    QTest::newRow("cut in half") << 0.5 << -1 << "no zip end record";
}

void TestCli::damagedCheckpointIsRefused()
{
    QFETCH(double, where);
    QFETCH(int, count);
    QFETCH(QString, expected);
    const QString run = copyOfBaseRun(QStringLiteral("damaged"));
    const QString path = run + QStringLiteral("/checkpoint.pt");
    QByteArray bytes = readAll(path);
    QVERIFY(bytes.size() > 1000);
    const qsizetype at = qsizetype(where * double(bytes.size() - 1));
    if (count < 0)
        bytes.truncate(at);
    for (int i = 0; i < count && at + i < bytes.size(); ++i)
        bytes[at + i] = char(bytes[at + i] ^ (0x5a + i));
    writeBytes(path, bytes);
    const QByteArray damaged = readAll(path);
    for (const QStringList &args : {QStringList{QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--steps"), QStringLiteral("102")},
                                    QStringList{QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--out"),
                                                m_dir.filePath(QStringLiteral("damaged.png"))},
                                    QStringList{QStringLiteral("evaluate"), run}}) {
        const Run r = cli(args);
        QVERIFY2(r.code == 1, qPrintable(args.first() + QStringLiteral(": exit %1: ").arg(r.code) + r.err));
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);  // one message, no abort text or backtrace
    }
    QCOMPARE(readAll(path), damaged);  // nothing re-saved over it
}

void TestCli::experimentFileMustBeAFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << "/dev/zero: not a regular file";
    QTest::newRow("/dev/urandom") << QStringLiteral("/dev/urandom") << "/dev/urandom: not a regular file";
    QTest::newRow("folder") << QDir::tempPath() << "is a folder, not an experiment file";
    QTest::newRow("17 MiB") << QStringLiteral("big.json") << "is too large for an experiment file";
}

void TestCli::experimentFileMustBeAFile()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    if (path == QLatin1String("big.json")) {
        path = m_dir.filePath(path);
        writeBytes(path, QByteArray(17 * 1024 * 1024, ' '));
    }
    const Run r = cli({QStringLiteral("validate"), path}, {}, 20000);  // these used to read forever
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
}

void TestCli::layersThatCannotFitAreProblems()
{
    const QString path = m_dir.filePath(QStringLiteral("absurd.json"));
    writeBytes(path, R"({"format": "gan-playground-experiment", "version": "1.0", "latent": {"size": 4},
 "generator": {"layers": [{"kind": "Linear", "in": 4, "out": 64}, {"kind": "Linear", "in": 64, "out": 1000000000},
                          {"kind": "Linear", "in": 1000000000, "out": 2}]},
 "discriminator": {"layers": [{"kind": "Conv2d", "in": 1000000, "out": 1000000, "kernel": 3}, {"kind": "Flatten"},
                              {"kind": "Linear", "in": 2, "out": 1}]},
 "data": {"kind": "synthetic-2d", "set": "ring8"}})");
    const Run r = cli({QStringLiteral("validate"), path});
    QCOMPARE(r.code, 1);
    // 6.5e10 weights of 4 bytes, each kept ~6 times by Adam training: no machine of ours holds that.
    QVERIFY2(r.out.contains(QStringLiteral("generator layer 2 (Linear) has 65000000000 parameters: training it needs about")),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("discriminator layer 1 (Conv2d) has 9000001000000 parameters")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("this process can use")), qPrintable(r.out));
    QVERIFY(!r.out.trimmed().endsWith(QStringLiteral("valid")));
}

// evaluate on an image run: the classifier is trained on the run's labelled IDX images (an
// MNIST-style train-/t10k- pair cut from Fashion-MNIST), cached in the user's cache folder and
// reused; the generated images lie between other real images and uniform noise.
void TestCli::evaluatesAnImageRun()
{
    const QString data = m_dir.filePath(QStringLiteral("idx"));
    QCOMPARE(writeFashionSubset(data, 2000, 600), QString());

    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    spec.data = fashionSubsetData(data);
    spec.threads = 2;
    const QString experiment = m_dir.filePath(QStringLiteral("images.json"));
    QCOMPARE(specjson::writeFile(spec, experiment), QString());
    const QString run = m_dir.filePath(QStringLiteral("imagerun"));
    const Run trained = cli({QStringLiteral("train"), experiment, QStringLiteral("--out"), run, QStringLiteral("--steps"), QStringLiteral("20")});
    QVERIFY2(trained.code == 0, qPrintable(trained.err));

    const QString cache = m_dir.filePath(QStringLiteral("cache"));
    const QByteArray oldCache = qgetenv("XDG_CACHE_HOME");
    qputenv("XDG_CACHE_HOME", cache.toUtf8());
    const QStringList args{QStringLiteral("evaluate"), run, QStringLiteral("--count"), QStringLiteral("500"), QStringLiteral("--json"),
                           QStringLiteral("--baselines")};
    const Run first = cli(args);
    const Run second = cli(args);
    const Run text = cli({QStringLiteral("evaluate"), run, QStringLiteral("--count"), QStringLiteral("500")});
    // train --eval-every writes the measures into metrics.csv on the measured steps, and a
    // resumed run keeps them.
    const QString measured = m_dir.filePath(QStringLiteral("measured"));
    const Run everyTen = cli({QStringLiteral("train"), experiment, QStringLiteral("--out"), measured, QStringLiteral("--steps"),
                              QStringLiteral("20"), QStringLiteral("--eval-every"), QStringLiteral("10"), QStringLiteral("--eval-count"),
                              QStringLiteral("300")});
    const Run resumedEval = cli({QStringLiteral("train"), QStringLiteral("--resume"), measured, QStringLiteral("--steps"),
                                 QStringLiteral("25"), QStringLiteral("--eval-every"), QStringLiteral("10"), QStringLiteral("--eval-count"),
                                 QStringLiteral("300")});
    const Run atEnd = cli({QStringLiteral("evaluate"), measured, QStringLiteral("--count"), QStringLiteral("300"), QStringLiteral("--json")});
    // An image run without labels is measured with random features.
    spec.data.labelsPath.clear();
    QCOMPARE(specjson::writeFile(spec, experiment), QString());
    const QString unlabelled = m_dir.filePath(QStringLiteral("unlabelled"));
    const Run trainedUnlabelled = cli({QStringLiteral("train"), experiment, QStringLiteral("--out"), unlabelled, QStringLiteral("--steps"), QStringLiteral("2")});
    const Run randomText = cli({QStringLiteral("evaluate"), unlabelled, QStringLiteral("--count"), QStringLiteral("300")});
    const Run randomJson = cli({QStringLiteral("evaluate"), unlabelled, QStringLiteral("--count"), QStringLiteral("300"),
                                QStringLiteral("--json"), QStringLiteral("--baselines")});
    if (oldCache.isNull())
        qunsetenv("XDG_CACHE_HOME");
    else
        qputenv("XDG_CACHE_HOME", oldCache);

    QVERIFY2(first.code == 0, qPrintable(first.err));
    // A line per epoch (stderr is no terminal here), then the time it took.
    for (int epoch = 1; epoch <= 5; ++epoch)
        QVERIFY2(first.err.contains(QStringLiteral("training the image measures' classifier: epoch %1 of 5").arg(epoch)), qPrintable(first.err));
    QVERIFY2(first.err.contains(QStringLiteral("training the image measures' classifier: done in")), qPrintable(first.err));
    const QJsonObject a = QJsonDocument::fromJson(first.out.trimmed().toUtf8()).object();
    const QJsonObject b = QJsonDocument::fromJson(second.out.trimmed().toUtf8()).object();
    QVERIFY2(!a.isEmpty() && !b.isEmpty(), qPrintable(first.out + second.out));
    QCOMPARE(a.value(QStringLiteral("samples")).toInt(), 500);
    QCOMPARE(a.value(QStringLiteral("step")).toInt(), 20);
    QVERIFY(a.value(QStringLiteral("reference")).toString().endsWith(QStringLiteral("t10k-images-idx3-ubyte")));
    QCOMPARE(a.value(QStringLiteral("classifier_test_count")).toInt(), 600);
    QVERIFY2(a.value(QStringLiteral("classifier_accuracy")).toDouble() > 0.6, qPrintable(first.out));
    QVERIFY(!a.value(QStringLiteral("classifier_cached")).toBool());
    QVERIFY(b.value(QStringLiteral("classifier_cached")).toBool());
    QVERIFY(!QDir(cache + QStringLiteral("/gan-playground/classifiers")).entryList({QStringLiteral("*.pt")}).isEmpty());
    // The cached network measures the same samples the same way.
    QCOMPARE(b.value(QStringLiteral("fd")).toDouble(), a.value(QStringLiteral("fd")).toDouble());
    QCOMPARE(b.value(QStringLiteral("class_histogram")), a.value(QStringLiteral("class_histogram")));
    const double fd = a.value(QStringLiteral("fd")).toDouble();
    const double realFd = a.value(QStringLiteral("baseline_real_training_images")).toObject().value(QStringLiteral("fd")).toDouble();
    const double noiseFd = a.value(QStringLiteral("baseline_uniform_noise")).toObject().value(QStringLiteral("fd")).toDouble();
    QVERIFY2(realFd < fd && realFd * 5 < noiseFd, qPrintable(first.out));
    int made = 0;
    for (const QJsonValue v : a.value(QStringLiteral("class_histogram")).toArray())
        made += v.toInt();
    QCOMPARE(made, 500);
    QCOMPARE(a.value(QStringLiteral("nearest_training_image")).toArray().size(), 4);
    const QJsonArray nearPixels = a.value(QStringLiteral("nearest_training_image_pixels")).toArray();
    QCOMPARE(nearPixels.size(), 4);
    for (const QJsonValue v : nearPixels)
        QVERIFY(v.toObject().value(QStringLiteral("index")).toInt() >= 0 && v.toObject().value(QStringLiteral("rms")).toDouble() > 0);
    QVERIFY(a.value(QStringLiteral("real_image_nearest_rms")).toDouble() > 0);
    QVERIFY2(text.code == 0 && text.out.contains(QStringLiteral("Fréchet distance:  %1").arg(fd, 0, 'f', 3)), qPrintable(text.out));
    QVERIFY2(trainedUnlabelled.code == 0, qPrintable(trainedUnlabelled.err));
    QVERIFY2(randomText.code == 0 && randomText.out.contains(QStringLiteral("random convolutional features"))
                 && !randomText.out.contains(QStringLiteral("classifier score")),
             qPrintable(randomText.out + randomText.err));
    const QJsonObject r = QJsonDocument::fromJson(randomJson.out.trimmed().toUtf8()).object();
    QCOMPARE(r.value(QStringLiteral("network")).toString(), QStringLiteral("random_features"));
    QVERIFY(!r.contains(QStringLiteral("class_histogram")) && !r.contains(QStringLiteral("classifier_score")));
    // Random features still put the run between real images and noise.
    const double randomFd = r.value(QStringLiteral("fd")).toDouble();
    QVERIFY2(r.value(QStringLiteral("baseline_real_training_images")).toObject().value(QStringLiteral("fd")).toDouble() < randomFd
                 && randomFd < r.value(QStringLiteral("baseline_uniform_noise")).toObject().value(QStringLiteral("fd")).toDouble(),
             qPrintable(randomJson.out));

    QVERIFY2(everyTen.code == 0 && everyTen.out.contains(QStringLiteral("image quality measured 2 times (300 samples each)")),
             qPrintable(everyTen.out + everyTen.err));
    QVERIFY2(everyTen.err.contains(QStringLiteral("step 10: FD ")), qPrintable(everyTen.err));
    QVERIFY2(resumedEval.code == 0, qPrintable(resumedEval.err));
    const QList<QByteArray> rows = readAll(measured + QStringLiteral("/metrics.csv")).trimmed().split('\n');
    QCOMPARE(rows.size(), 26);
    const int fdAt = int(rows[0].split(',').indexOf("fd"));
    QVERIFY(fdAt > 0);
    QList<int> measuredSteps;
    for (int i = 1; i < rows.size(); ++i) {
        const QList<QByteArray> cells = rows[i].split(',');
        QCOMPARE(cells.size(), rows[0].split(',').size());
        if (!cells[fdAt].isEmpty()) {
            measuredSteps << cells[0].toInt();
            QVERIFY(cells[fdAt].toDouble() > 0);
        }
    }
    QCOMPARE(measuredSteps, (QList<int>{10, 20, 25}));  // every ten steps, the end of each part, kept across the resume
    // The same generator and noise as evaluate measures: the same figures with the same count.
    const QJsonObject e = QJsonDocument::fromJson(atEnd.out.trimmed().toUtf8()).object();
    QCOMPARE(QByteArray::number(e.value(QStringLiteral("fd")).toDouble(), 'g', 9), rows.last().split(',')[fdAt]);
}

void TestCli::directionsWalksAndTimeline()
{
    const QString data = m_dir.filePath(QStringLiteral("idx-walk"));
    QCOMPARE(writeFashionSubset(data, 600, 100), QString());
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    spec.data = fashionSubsetData(data);
    spec.threads = 2;
    spec.sampleEvery = 2;
    const QString experiment = m_dir.filePath(QStringLiteral("walk.json"));
    QCOMPARE(specjson::writeFile(spec, experiment), QString());
    const QString run = m_dir.filePath(QStringLiteral("walkrun"));
    const Run trained = cli({QStringLiteral("train"), experiment, QStringLiteral("--out"), run, QStringLiteral("--steps"), QStringLiteral("6")});
    QVERIFY2(trained.code == 0, qPrintable(trained.err));

    // SeFa directions to a file: orthonormal unit vectors of the latent size.
    const QString directions = m_dir.filePath(QStringLiteral("sefa.json"));
    const Run found = cli({QStringLiteral("directions"), run, QStringLiteral("--method"), QStringLiteral("sefa"), QStringLiteral("--count"),
                           QStringLiteral("4"), QStringLiteral("--out"), directions});
    QVERIFY2(found.code == 0, qPrintable(found.err));
    QVERIFY2(found.out.contains(QStringLiteral("direction 1 (eigenvalue")), qPrintable(found.out));
    const QJsonObject file = QJsonDocument::fromJson(readAll(directions)).object();
    QCOMPARE(file.value(QStringLiteral("method")).toString(), QStringLiteral("sefa"));
    QCOMPARE(file.value(QStringLiteral("layer")).toString(), QStringLiteral("g1"));
    const QJsonArray list = file.value(QStringLiteral("directions")).toArray();
    QCOMPARE(list.size(), 4);
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) {
            const QJsonArray a = list[i].toObject().value(QStringLiteral("vector")).toArray(), b = list[j].toObject().value(QStringLiteral("vector")).toArray();
            QCOMPARE(a.size(), spec.latentDim);
            double dot = 0;
            for (int k = 0; k < a.size(); ++k)
                dot += a[k].toDouble() * b[k].toDouble();
            QVERIFY2(std::abs(dot - (i == j ? 1.0 : 0.0)) < 1e-4, qPrintable(QString::number(dot)));
        }

    // A looping sweep along direction 2 as a GIF of exactly 24 frames that repeats forever.
    const QString gif = m_dir.filePath(QStringLiteral("walk.gif"));
    const Run walked = cli({QStringLiteral("walk"), run, QStringLiteral("--directions"), directions, QStringLiteral("--direction"),
                            QStringLiteral("2"), QStringLiteral("--frames"), QStringLiteral("24"), QStringLiteral("--loop"),
                            QStringLiteral("--out"), gif});
    QVERIFY2(walked.code == 0, qPrintable(walked.err));
    QImageReader reader(gif);
    QCOMPARE(reader.imageCount(), 24);
    QCOMPARE(reader.loopCount(), -1);
    QCOMPARE(reader.size(), QSize(112, 112));  // 28 x 28 enlarged 4 times
    // The samples x steps grid: 3 samples, 5 steps, each 28 pixels + 2 of gap, enlarged 2 times.
    const QString grid = m_dir.filePath(QStringLiteral("grid.png"));
    const Run gridded = cli({QStringLiteral("walk"), run, QStringLiteral("--direction"), QStringLiteral("1"), QStringLiteral("--grid"),
                             QStringLiteral("3"), QStringLiteral("--frames"), QStringLiteral("5"), QStringLiteral("--scale"),
                             QStringLiteral("2"), QStringLiteral("--out"), grid});
    QVERIFY2(gridded.code == 0, qPrintable(gridded.err));
    QCOMPARE(QImageReader(grid).size(), QSize((2 + 5 * 30) * 2, (2 + 3 * 30) * 2));
    // A spherical interpolation between two samples of the fixed grid, as PNG frames.
    const Run between = cli({QStringLiteral("walk"), run, QStringLiteral("--between"), QStringLiteral("1,3"), QStringLiteral("--spherical"),
                             QStringLiteral("--frames"), QStringLiteral("5"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("frames.png"))});
    QVERIFY2(between.code == 0, qPrintable(between.err));
    QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("frames_0005.png"))));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("frames_0006.png"))));
    // The training timeline: one frame per saved grid.
    const int grids = QDir(run + QStringLiteral("/samples")).entryList({QStringLiteral("step_*.png")}, QDir::Files).size();
    QVERIFY(grids >= 3);
    const QString timeline = m_dir.filePath(QStringLiteral("timeline.gif"));
    const Run animated = cli({QStringLiteral("timeline"), run, QStringLiteral("--out"), timeline});
    QVERIFY2(animated.code == 0, qPrintable(animated.err));
    QCOMPARE(QImageReader(timeline).imageCount(), grids);

    // Mistakes are named: a direction that is not there, a 2D run, a directions file of another size.
    const Run tooFar = cli({QStringLiteral("walk"), run, QStringLiteral("--directions"), directions, QStringLiteral("--direction"),
                            QStringLiteral("9"), QStringLiteral("--out"), gif});
    QCOMPARE(tooFar.code, 2);
    QVERIFY2(tooFar.err.contains(QStringLiteral("4 directions")), qPrintable(tooFar.err));
    const Run twoD = cli({QStringLiteral("walk"), baseRun(), QStringLiteral("--direction"), QStringLiteral("1"), QStringLiteral("--out"), gif});
    QCOMPARE(twoD.code, 1);
    QVERIFY2(twoD.err.contains(QStringLiteral("2D")), qPrintable(twoD.err));
    const QString otherSize = m_dir.filePath(QStringLiteral("other.json"));
    QVERIFY(cli({QStringLiteral("directions"), baseRun(), QStringLiteral("--method"), QStringLiteral("random"), QStringLiteral("--out"), otherSize}).code == 0);
    const Run mismatched = cli({QStringLiteral("walk"), run, QStringLiteral("--directions"), otherSize, QStringLiteral("--direction"),
                                QStringLiteral("1"), QStringLiteral("--out"), gif});
    QCOMPARE(mismatched.code, 1);
    QVERIFY2(mismatched.err.contains(otherSize) && mismatched.err.contains(QStringLiteral("latent size is 100")), qPrintable(mismatched.err));
    // The GIF written before is still whole.
    QCOMPARE(QImageReader(gif).imageCount(), 24);
    // Samples that cannot fit in memory are refused before any is made, with the size (in a
    // process limited to 6 GB of address space, as `ulimit -v` limits it, so that the refusal
    // does not depend on the machine's memory). Sanitized programs cannot start under that
    // limit (ASan and TSan reserve terabytes of address space for their shadow memory), so
    // sanitized builds leave this one check out.
#ifdef GP_SANITIZED
    qInfo("the sample memory refusal under RLIMIT_AS is not checked in a sanitized build");
#else
    const Run tooMany = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("10000000"), QStringLiteral("--out"),
                             m_dir.filePath(QStringLiteral("many.idx"))},
                            Limits{0, qint64(6) << 30}, 60000);
    QCOMPARE(tooMany.code, 1);
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("many.idx"))));
    QVERIFY2(tooMany.err.contains(QStringLiteral("of memory")) && tooMany.err.contains(QStringLiteral("ask for at most")), qPrintable(tooMany.err));
#endif
}

// SIGKILL at random moments of a run that checkpoints every step: every time, the checkpoint
// left behind loads (sample) and the run resumes from it (the next round is that resume).
void TestCli::killedAnyMomentLeavesALoadableCheckpoint()
{
    const QString run = m_dir.filePath(QStringLiteral("killed"));
    std::mt19937 rng(20261203);
    std::uniform_int_distribution<int> pause(0, 700);
    constexpr int kRounds = 20;
    int loaded = 0;
    qint64 lastStep = 0;
    for (int round = 0; round < kRounds; ++round) {
        QProcess p;
        const QStringList args = round == 0 ? QStringList{QStringLiteral("train"), m_experiment, QStringLiteral("--out"), run}
                                            : QStringList{QStringLiteral("train"), QStringLiteral("--resume"), run};
        p.start(qEnvironmentVariable("GP_CLI"), args + QStringList{QStringLiteral("--steps"), QStringLiteral("1000000"),
                                                                    QStringLiteral("--checkpoint-every"), QStringLiteral("1")});
        QVERIFY(p.waitForStarted());
        // Past loading: the run has written a checkpoint of its own this round.
        const QString checkpoint = run + QStringLiteral("/checkpoint.pt");
        const QDateTime before = QFileInfo(checkpoint).lastModified();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(checkpoint) && QFileInfo(checkpoint).lastModified() != before, 60000 * kSlowdown);
        QTest::qWait(pause(rng));
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        const Run sampled = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--out"),
                                 m_dir.filePath(QStringLiteral("killed.csv"))});
        QVERIFY2(sampled.code == 0, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(sampled.err)));
        const Run validated = cli({QStringLiteral("validate"), run + QStringLiteral("/experiment.json")});
        QVERIFY2(validated.code == 0, qPrintable(validated.err));
        ++loaded;
        // The step the checkpoint holds only moves forward.
        QFile metrics(run + QStringLiteral("/metrics.csv"));
        QVERIFY(metrics.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = metrics.readAll().trimmed().split('\n');
        const qint64 step = rows.size() > 1 ? rows.last().split(',').first().toLongLong() : 0;
        QVERIFY2(step >= lastStep, qPrintable(QStringLiteral("round %1: step %2 after %3").arg(round).arg(step).arg(lastStep)));
        lastStep = step;
    }
    QCOMPARE(loaded, kRounds);
    qInfo("%d of %d killed runs left a loadable checkpoint; the run reached step %lld", loaded, kRounds, lastStep);
}

// One bit flipped at 40 places across a checkpoint: each damaged copy is refused with a message,
// or (where the flip lies outside the data: zip padding, names LibTorch does not read) gives
// exactly the samples of the intact one.
void TestCli::flippedBitsAreRefusedOrHarmless()
{
    const QString intact = baseRun();
    const QString reference = m_dir.filePath(QStringLiteral("intact.csv"));
    QCOMPARE(cli({QStringLiteral("sample"), intact, QStringLiteral("--count"), QStringLiteral("8"), QStringLiteral("--out"), reference}).code, 0);
    const QByteArray expected = readAll(reference);
    const QByteArray checkpoint = readAll(intact + QStringLiteral("/checkpoint.pt"));
    QVERIFY(checkpoint.size() > 1000);
    const QString flipped = copyOfBaseRun(QStringLiteral("flipped"));
    int refused = 0, harmless = 0;
    constexpr int kFlips = 40;
    for (int k = 0; k < kFlips; ++k) {
        QByteArray damaged = checkpoint;
        const qsizetype at = qsizetype(std::int64_t(damaged.size() - 1) * k / (kFlips - 1));
        damaged[at] = char(damaged[at] ^ (1 << (k % 8)));
        writeBytes(flipped + QStringLiteral("/checkpoint.pt"), damaged);
        const QString out = m_dir.filePath(QStringLiteral("flipped.csv"));
        QFile::remove(out);
        const Run r = cli({QStringLiteral("sample"), flipped, QStringLiteral("--count"), QStringLiteral("8"), QStringLiteral("--out"), out});
        if (r.code == 0) {
            QVERIFY2(readAll(out) == expected, qPrintable(QStringLiteral("byte %1 flipped: loaded, and the samples changed").arg(at)));
            ++harmless;
        } else {
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(QStringLiteral("checkpoint")), qPrintable(r.err));
            ++refused;
        }
    }
    qInfo("%d of %d flips refused, %d loaded with identical samples", refused, kFlips, harmless);
    QVERIFY(refused > kFlips / 2);
}

// A run without --checkpoint-every whose loss turns NaN keeps what it trained: the failed step
// is undone and the networks as after the last good step are saved, not thrown away.
void TestCli::divergingRunKeepsItsLastGoodStep()
{
    // 2000 ordinary points and one at 3e38: the step whose batch draws it overflows to NaN.
    QByteArray points("x,y\n");
    for (int i = 0; i < 2000; ++i)
        points += i == 1000 ? QByteArray("3e38,3e38\n") : QByteArray::number((i % 7) / 7.0) + ',' + QByteArray::number((i % 5) / 5.0) + '\n';
    const QString csv = m_dir.filePath(QStringLiteral("huge.csv"));
    writeBytes(csv, points);
    QJsonObject e = QJsonDocument::fromJson(kSmall2DExperiment).object();
    e[QStringLiteral("data")] = QJsonObject{{QStringLiteral("kind"), QStringLiteral("csv-2d")}, {QStringLiteral("path"), csv}};
    const QString experiment = m_dir.filePath(QStringLiteral("diverges.json"));
    writeBytes(experiment, QJsonDocument(e).toJson());
    const QString run = m_dir.filePath(QStringLiteral("diverged"));
    const Run r = cli({QStringLiteral("train"), experiment, QStringLiteral("--out"), run, QStringLiteral("--steps"), QStringLiteral("500")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("NaN")) || r.err.contains(QStringLiteral("inf")), qPrintable(r.err));
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("as after step (\\d+), the last good step")).match(r.err);
    QVERIFY2(m.hasMatch(), qPrintable(r.err));
    const qint64 good = m.captured(1).toLongLong();
    QVERIFY2(good >= 1 && good < 500, qPrintable(r.err));
    // The saved networks load and sample, and resuming starts after the last good step.
    QCOMPARE(cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--out"),
                  m_dir.filePath(QStringLiteral("diverged.csv"))}).code, 0);
    const Run resumed = cli({QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--steps"), QString::number(good)});
    QCOMPARE(resumed.code, 0);
    QVERIFY2(resumed.out.contains(QStringLiteral("already at step %1").arg(good)), qPrintable(resumed.out));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
