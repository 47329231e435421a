// Sweeps: fields named as the experiment file names them, every combination an ordinary run
// folder, the table of their measures, a killed sweep resumed without redoing finished runs,
// and bad keys or values refused before any run starts.
#include "clisupport.h"

#include "spec/fieldpath.h"
#include "spec/presets.h"
#include "sweep/sweep.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <QtTest>

#include <csignal>

class TestSweep : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void fieldsByTheirFileNames();
    void seedLists();
    void everyCombinationIsARunWithATable();
    void killedSweepResumesWithoutRedoing();
    void badKeysAndValuesAreRefusedBeforeAnyRun();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestSweep::fieldsByTheirFileNames()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("mlp-ring8"), &spec), QString());
    QCOMPARE(fieldpath::set(&spec, QStringLiteral("loss.kind"), QStringLiteral("minimax")), QString());
    QCOMPARE(spec.loss.kind, LossKind::Minimax);
    QCOMPARE(fieldpath::get(spec, QStringLiteral("loss.kind")), QStringLiteral("minimax"));
    QCOMPARE(fieldpath::set(&spec, QStringLiteral("optimizers.generator.lr"), QStringLiteral("0.0005")), QString());
    QCOMPARE(spec.optimizerG.lr, 0.0005);
    QCOMPARE(fieldpath::set(&spec, QStringLiteral("training.batch_size"), QStringLiteral("32")), QString());
    QCOMPARE(spec.batchSize, 32);
    // A layer by its id and by its place; the shapes are checked later, as a run checks them.
    const QString id = spec.generator.layers.front().id;
    QCOMPARE(fieldpath::set(&spec, QStringLiteral("generator.layers[%1].out").arg(id), QStringLiteral("48")), QString());
    QCOMPARE(spec.generator.layers.front().outFeatures, 48);
    QCOMPARE(fieldpath::get(spec, QStringLiteral("generator.layers[0].out")), QStringLiteral("48"));

    const ExperimentSpec before = spec;
    QString e = fieldpath::set(&spec, QStringLiteral("loss.kindd"), QStringLiteral("minimax"));
    QVERIFY2(e.contains(QStringLiteral("loss.kindd")) && e.contains(QStringLiteral("r1_gamma")), qPrintable(e));
    e = fieldpath::set(&spec, QStringLiteral("losss.kind"), QStringLiteral("minimax"));
    QVERIFY2(e.contains(QStringLiteral("losss")) && e.contains(QStringLiteral("optimizers")), qPrintable(e));
    e = fieldpath::set(&spec, QStringLiteral("loss.kind"), QStringLiteral("sideways"));
    QVERIFY2(e.contains(QStringLiteral("non-saturating")), qPrintable(e));
    e = fieldpath::set(&spec, QStringLiteral("optimizers.generator.lr"), QStringLiteral("fast"));
    QVERIFY2(e.contains(QStringLiteral("expected a number")), qPrintable(e));
    e = fieldpath::set(&spec, QStringLiteral("training.dcgan_init"), QStringLiteral("yes"));
    QVERIFY2(e.contains(QStringLiteral("true or false")), qPrintable(e));
    e = fieldpath::set(&spec, QStringLiteral("generator.layers[99].out"), QStringLiteral("4"));
    QVERIFY2(e.contains(QStringLiteral("99")), qPrintable(e));
    e = fieldpath::set(&spec, QStringLiteral("loss"), QStringLiteral("4"));
    QVERIFY2(!e.isEmpty(), "a group is not one value");
    e = fieldpath::set(&spec, QStringLiteral("version"), QStringLiteral("2.0"));
    QVERIFY2(!e.isEmpty(), "the format is not a setting");
    QVERIFY(!fieldpath::set(&spec, QStringLiteral("a..b"), QStringLiteral("1")).isEmpty());
    QVERIFY2(spec == before, "a refused change leaves the experiment as it was");
}

void TestSweep::seedLists()
{
    std::vector<std::uint64_t> seeds;
    QCOMPARE(sweep::parseSeeds(QStringLiteral("1-3,7"), &seeds), QString());
    QCOMPARE(seeds, (std::vector<std::uint64_t>{1, 2, 3, 7}));
    for (const char *bad : {"", "3-1", "1,1", "x", "1-", "-2", "99999999999999999999"})
        QVERIFY2(!sweep::parseSeeds(QLatin1String(bad), &seeds).isEmpty(), bad);
    sweep::Axis axis;
    QCOMPARE(sweep::parseAxis(QStringLiteral("loss.kind=minimax, hinge"), &axis), QString());
    QCOMPARE(axis.values, (QStringList{QStringLiteral("minimax"), QStringLiteral("hinge")}));
    for (const char *bad : {"loss.kind", "=1", "loss.kind=a,,b", "loss.kind=a,a", "training.seed=1,2"})
        QVERIFY2(!sweep::parseAxis(QLatin1String(bad), &axis).isEmpty(), bad);
}

namespace {
QStringList ringSweep(const QString &out, int steps, const QStringList &more = {})
{
    return QStringList{QStringLiteral("sweep"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"), QStringLiteral("--out"), out,
                       QStringLiteral("--steps"), QString::number(steps)}
        + more;
}

QJsonObject readJson(const QString &path) { return QJsonDocument::fromJson(readAll(path)).object(); }
}  // namespace

void TestSweep::everyCombinationIsARunWithATable()
{
    const QString dir = path(QStringLiteral("twobytwo"));
    const Run r = cli(ringSweep(dir, 6,
                                {QStringLiteral("--vary"), QStringLiteral("loss.kind=minimax,non-saturating"), QStringLiteral("--vary"),
                                 QStringLiteral("training.batch_size=32,64"), QStringLiteral("--seeds"), QStringLiteral("1-2"),
                                 QStringLiteral("--parallel"), QStringLiteral("2"), QStringLiteral("--threads"), QStringLiteral("2")}));
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains(QStringLiteral("8 runs to make, 2 at a time")), qPrintable(r.out));

    // Eight ordinary run folders, each with the combination's values and its seed.
    int folders = 0;
    for (const QString kind : {QStringLiteral("minimax"), QStringLiteral("non-saturating")})
        for (const int batch : {32, 64})
            for (const int seed : {1, 2}) {
                const QString run = QDir(dir).filePath(QStringLiteral("kind=%1+batch_size=%2/seed-%3").arg(kind).arg(batch).arg(seed));
                for (const char *file : {"checkpoint.pt", "metrics.csv", "experiment.json", "evaluation.json", "run.json", "measures.csv"})
                    QVERIFY2(QFileInfo::exists(QDir(run).filePath(QLatin1String(file))), qPrintable(run + QLatin1Char('/') + QLatin1String(file)));
                const QJsonObject experiment = readJson(QDir(run).filePath(QStringLiteral("experiment.json")));
                QCOMPARE(experiment[QStringLiteral("loss")].toObject()[QStringLiteral("kind")].toString(), kind);
                QCOMPARE(experiment[QStringLiteral("training")].toObject()[QStringLiteral("batch_size")].toInt(), batch);
                QCOMPARE(experiment[QStringLiteral("training")].toObject()[QStringLiteral("seed")].toInt(), seed);
                const QJsonObject evaluation = readJson(QDir(run).filePath(QStringLiteral("evaluation.json")));
                QCOMPARE(evaluation[QStringLiteral("step")].toInt(), 6);
                // The modes over the steps (train --eval-every): its last row is evaluate's figure.
                const QList<QByteArray> measures = readAll(QDir(run).filePath(QStringLiteral("measures.csv"))).trimmed().split('\n');
                QCOMPARE(measures.size(), 7);  // the header and steps 1-6
                QCOMPARE(measures.last().split(',').value(0).toInt(), 6);
                QCOMPARE(measures.last().split(',').value(1).toInt(), evaluation[QStringLiteral("modes_captured")].toInt());
                ++folders;
            }
    QCOMPARE(folders, 8);

    // The table: a row per combination, the mean over its seeds of what each run measured.
    const QList<QByteArray> rows = readAll(QDir(dir).filePath(QStringLiteral("results.csv"))).trimmed().split('\n');
    QCOMPARE(rows.size(), 5);
    const QList<QByteArray> header = rows[0].split(',');
    QCOMPARE(header.value(0), QByteArray("loss.kind"));
    QCOMPARE(header.value(1), QByteArray("training.batch_size"));
    QCOMPARE(header.value(2), QByteArray("runs"));
    const int hq = int(header.indexOf("high_quality_pct_mean"));
    const int js = int(header.indexOf("js_mean"));
    QVERIFY(hq > 0 && js > 0);
    const QList<QByteArray> first = rows[1].split(',');
    QCOMPARE(first.value(0), QByteArray("minimax"));
    QCOMPARE(first.value(1), QByteArray("32"));
    QCOMPARE(first.value(2), QByteArray("2"));
    double mean = 0, jsMean = 0;
    for (int seed : {1, 2}) {
        const QJsonObject e = readJson(QDir(dir).filePath(QStringLiteral("kind=minimax+batch_size=32/seed-%1/evaluation.json").arg(seed)));
        mean += 100.0 * e[QStringLiteral("high_quality")].toDouble() / 2;
        jsMean += e[QStringLiteral("js")].toDouble() / 2;
    }
    QVERIFY(qAbs(first.value(hq).toDouble() - mean) < 1e-6);
    QVERIFY(qAbs(first.value(js).toDouble() - jsMean) < 1e-6);
    QCOMPARE(readAll(QDir(dir).filePath(QStringLiteral("runs.csv"))).trimmed().split('\n').size(), 9);
    const QByteArray md = readAll(QDir(dir).filePath(QStringLiteral("results.md")));
    QVERIFY2(md.contains("| minimax | 32 | 2/2 |"), md.constData());
    QVERIFY(r.out.contains(QStringLiteral("| non-saturating | 64 | 2/2 |")));

    // --table rebuilds the same table from the folders alone.
    const QByteArray before = readAll(QDir(dir).filePath(QStringLiteral("results.csv")));
    QVERIFY(QFile::remove(QDir(dir).filePath(QStringLiteral("results.csv"))));
    const Run table = cli({QStringLiteral("sweep"), QStringLiteral("--table"), dir});
    QVERIFY2(table.code == 0, qPrintable(table.err));
    QCOMPARE(readAll(QDir(dir).filePath(QStringLiteral("results.csv"))), before);

    // Each run is an ordinary run: evaluate reads it as the sweep did.
    const Run e = cli({QStringLiteral("evaluate"), QDir(dir).filePath(QStringLiteral("kind=minimax+batch_size=32/seed-1")), QStringLiteral("--json")});
    QVERIFY2(e.code == 0, qPrintable(e.err));
    QCOMPARE(QJsonDocument::fromJson(e.out.toUtf8()).object()[QStringLiteral("js")].toDouble(),
             readJson(QDir(dir).filePath(QStringLiteral("kind=minimax+batch_size=32/seed-1/evaluation.json")))[QStringLiteral("js")].toDouble());
}

void TestSweep::killedSweepResumesWithoutRedoing()
{
    const QString dir = path(QStringLiteral("killed"));
    const QStringList args = ringSweep(dir, 400,
                                       {QStringLiteral("--vary"), QStringLiteral("loss.kind=minimax,non-saturating"), QStringLiteral("--seeds"),
                                        QStringLiteral("1-2"), QStringLiteral("--parallel"), QStringLiteral("1"), QStringLiteral("--threads"),
                                        QStringLiteral("1")});
    const QString firstRun = QDir(dir).filePath(QStringLiteral("kind=minimax/seed-1"));
    QProcess p;
    p.start(qEnvironmentVariable("GP_CLI"), args);
    QVERIFY(p.waitForStarted());
    // Killed once the first run is measured and before the last is.
    QElapsedTimer clock;
    clock.start();
    while (!QFileInfo::exists(sweep::evaluationPath(firstRun)) && clock.elapsed() < 120000 * kSlowdown)
        QThread::msleep(20);
    QVERIFY(QFileInfo::exists(sweep::evaluationPath(firstRun)));
    ::kill(pid_t(p.processId()), SIGTERM);
    QVERIFY(p.waitForFinished(60000 * kSlowdown));
    QCOMPARE(p.exitCode(), 128 + SIGTERM);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("the same command goes on")), qPrintable(err));

    // What was finished stays as it was; the rest is made.
    struct Kept {
        QString file;
        QDateTime modified;
    };
    std::vector<Kept> kept;
    int finished = 0;
    for (const QString run : {QStringLiteral("kind=minimax/seed-1"), QStringLiteral("kind=minimax/seed-2"), QStringLiteral("kind=non-saturating/seed-1"),
                              QStringLiteral("kind=non-saturating/seed-2")}) {
        const QString evaluation = sweep::evaluationPath(QDir(dir).filePath(run));
        if (!QFileInfo::exists(evaluation))
            continue;
        ++finished;
        for (const QString &f : {evaluation, QDir(dir).filePath(run + QStringLiteral("/checkpoint.pt")), QDir(dir).filePath(run + QStringLiteral("/metrics.csv"))})
            kept.push_back({f, QFileInfo(f).lastModified()});
    }
    QVERIFY2(finished >= 1 && finished < 4, qPrintable(QString::number(finished)));
    QThread::msleep(20);  // a file written again would have a later time
    const Run again = cli(args);
    QVERIFY2(again.code == 0, qPrintable(again.err + again.out));
    QVERIFY2(again.out.contains(QStringLiteral("%1 of 4 runs are finished already and are skipped").arg(finished)), qPrintable(again.out));
    for (const Kept &k : kept)
        QVERIFY2(QFileInfo(k.file).lastModified() == k.modified, qPrintable(k.file));
    QVERIFY2(again.out.contains(QStringLiteral("| minimax | 2/2 |")) && again.out.contains(QStringLiteral("| non-saturating | 2/2 |")),
             qPrintable(again.out));
    // The run stopped mid-way went on from its checkpoint: its metrics hold each step once.
    for (const QString run : {QStringLiteral("kind=minimax/seed-2"), QStringLiteral("kind=non-saturating/seed-1")}) {
        const QList<QByteArray> lines = readAll(QDir(dir).filePath(run + QStringLiteral("/metrics.csv"))).trimmed().split('\n');
        QCOMPARE(lines.size(), 401);
        for (int i = 1; i < lines.size(); ++i)
            QCOMPARE(lines[i].split(',').value(0).toInt(), i);
    }
}

void TestSweep::badKeysAndValuesAreRefusedBeforeAnyRun()
{
    struct Case {
        QStringList vary;
        QString named;
    };
    const std::vector<Case> cases = {
        {{QStringLiteral("loss.kindd=minimax")}, QStringLiteral("loss.kindd")},
        {{QStringLiteral("loss.kind=minimax,sideways")}, QStringLiteral("sideways")},
        {{QStringLiteral("optimizers.generator.lr=0.001,fast")}, QStringLiteral("fast")},
        // Each value alone is a number; one combination is not a valid run.
        {{QStringLiteral("training.batch_size=32,0")}, QStringLiteral("batch_size")},
        {{QStringLiteral("loss.kind=minimax"), QStringLiteral("loss.kind=hinge")}, QStringLiteral("twice")},
    };
    for (const Case &c : cases) {
        const QString dir = path(QStringLiteral("refused"));
        QStringList args = ringSweep(dir, 5, {QStringLiteral("--seeds"), QStringLiteral("1-2")});
        for (const QString &v : c.vary)
            args << QStringLiteral("--vary") << v;
        const Run r = cli(args);
        QVERIFY2(r.code == 1 || r.code == 2, qPrintable(r.err));
        QVERIFY2(r.err.contains(c.named), qPrintable(r.err));
        QVERIFY2(!QFileInfo::exists(dir), "nothing is started or written");
    }
    // A folder that holds another sweep is not mixed with this one.
    const QString dir = path(QStringLiteral("other"));
    QCOMPARE(cli(ringSweep(dir, 3, {QStringLiteral("--vary"), QStringLiteral("loss.kind=hinge")})).code, 0);
    const Run other = cli(ringSweep(dir, 3, {QStringLiteral("--vary"), QStringLiteral("loss.kind=minimax")}));
    QCOMPARE(other.code, 1);
    QVERIFY2(other.err.contains(QStringLiteral("another sweep")), qPrintable(other.err));
}

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"
