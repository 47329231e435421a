// The command line as a script uses it: exit codes, files written, and exact resume across processes.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {
struct Run {
    int code = -1;
    QString out, err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(qEnvironmentVariable("GP_CLI"), args);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A small 2D experiment with BatchNorm, Dropout and EMA, so resume has state of every kind.
const char *kExperiment = R"({"format": "gan-playground-experiment", "version": "1.0", "name": "cli-test",
 "latent": {"size": 4},
 "generator": {"layers": [{"kind": "Linear", "in": 4, "out": 32}, {"kind": "BatchNorm1d", "features": 32},
                          {"kind": "ReLU"}, {"kind": "Linear", "in": 32, "out": 2}]},
 "discriminator": {"layers": [{"kind": "Linear", "in": 2, "out": 32}, {"kind": "LeakyReLU", "slope": 0.2},
                              {"kind": "Dropout", "p": 0.2}, {"kind": "Linear", "in": 32, "out": 1}]},
 "data": {"kind": "synthetic-2d", "set": "ring8", "count": 2000},
 "optimizers": {"generator": {"lr": 0.001}, "discriminator": {"lr": 0.001}},
 "training": {"batch_size": 32, "threads": 1, "steps": 200, "ema_decay": 0.9, "sample_every": 100}})";
}  // namespace

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

private:
    QTemporaryDir m_dir;
    QString m_experiment;
};

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_experiment = m_dir.filePath(QStringLiteral("exp.json"));
    QFile f(m_experiment);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kExperiment);
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
    QCOMPARE(rows[0], QByteArray("step,loss_d,loss_g,d_real,d_fake,grad_norm_d,grad_norm_g,seconds"));
    QVERIFY(rows[100].startsWith("100,"));
    QCOMPARE(rows[100].split(',').size(), 8);
    const Run eval = cli({QStringLiteral("evaluate"), run});
    QCOMPARE(eval.code, 0);
    QVERIFY(eval.out.contains(QStringLiteral("of 8")));
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
        for (QByteArray &row : rows)
            row = row.left(row.lastIndexOf(','));
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
    const QString run = m_dir.filePath(QStringLiteral("run"));
    QVERIFY(QFile::exists(run + QStringLiteral("/checkpoint.pt")));
    const QString png = m_dir.filePath(QStringLiteral("s.png"));
    QCOMPARE(cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("100"), QStringLiteral("--out"), png}).code, 0);
    QVERIFY(readAll(png).startsWith("\x89PNG"));
    const Run idx = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--out"),
                         m_dir.filePath(QStringLiteral("s.idx"))});
    QCOMPARE(idx.code, 1);
    QVERIFY(idx.err.contains(QStringLiteral(".idx output is for image runs")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
