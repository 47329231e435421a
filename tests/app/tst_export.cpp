// Export as a PyTorch script: every preset exports and its script trains 20 steps under Debian's
// python3-torch; the scripts of the anchor presets draw what the engine draws (their losses equal
// the engine's metrics.csv at step 1 within 1e-5 and at step 20 within 1e-3); a run's exported
// weights give the engine's samples for the same noise, and the script goes on from them as the
// engine does; bad requests are refused with a sentence.
#include "clisupport.h"

#include "data/idxfile.h"
#include "export/pytorchscript.h"
#include "spec/presets.h"
#include "spec/specjson.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <QtTest>

#include <cmath>
#include <deque>
#include <map>

namespace {
// Debian's Python, where the test command installs python3-torch (the python3 on PATH may be another).
const QString kPython = QStringLiteral("/usr/bin/python3");

bool pythonHasTorch()
{
    QProcess p;
    p.start(kPython, {QStringLiteral("-c"), QStringLiteral("import torch, numpy")});
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Runs the commands two at a time (the machine's two cores); the results in the same order.
std::vector<Run> runAll(const std::vector<std::pair<QString, QStringList>> &commands, int timeoutMs)
{
    std::vector<Run> results(commands.size());
    std::deque<size_t> waiting;
    for (size_t i = 0; i < commands.size(); ++i)
        waiting.push_back(i);
    std::vector<std::pair<size_t, std::unique_ptr<QProcess>>> running;
    while (!waiting.empty() || !running.empty()) {
        while (running.size() < 2 && !waiting.empty()) {
            const size_t i = waiting.front();
            waiting.pop_front();
            auto p = std::make_unique<QProcess>();
            p->start(commands[i].first, commands[i].second);
            running.emplace_back(i, std::move(p));
        }
        // The first of the running two to finish.
        const size_t i = running.front().first;
        results[i] = finished(*running.front().second, timeoutMs);
        running.erase(running.begin());
    }
    return results;
}

// metrics.csv by step: the columns the comparison reads.
std::map<qint64, std::map<QString, double>> readMetrics(const QString &path)
{
    std::map<qint64, std::map<QString, double>> rows;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return rows;
    const QStringList header = lines[0].split(QLatin1Char(','));
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].split(QLatin1Char(','));
        std::map<QString, double> row;
        for (int c = 0; c < header.size() && c < cells.size(); ++c)
            if (!cells[c].isEmpty())
                row[header[c]] = cells[c].toDouble();
        rows[qint64(row[QStringLiteral("step")])] = row;
    }
    return rows;
}

// A .npy file of float32 (NumPy's format 1.0): its values and shape.
std::vector<float> readNpy(const QString &path, QString *shape)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    if (!bytes.startsWith("\x93NUMPY") || bytes.size() < 10)
        return {};
    const int headerLength = quint8(bytes[8]) | (quint8(bytes[9]) << 8);
    const QByteArray header = bytes.mid(10, headerLength);
    if (!header.contains("'<f4'"))
        return {};
    *shape = QString::fromLatin1(header.mid(header.indexOf("'shape'")));
    const QByteArray data = bytes.mid(10 + headerLength);
    std::vector<float> values(size_t(data.size()) / sizeof(float));
    memcpy(values.data(), data.constData(), values.size() * sizeof(float));
    return values;
}

const QStringList kColumns = {QStringLiteral("loss_d"), QStringLiteral("loss_g"), QStringLiteral("d_real"), QStringLiteral("d_fake")};

double largestDifference(const std::map<QString, double> &a, const std::map<QString, double> &b)
{
    double worst = 0;
    for (const QString &c : kColumns)
        worst = std::max(worst, std::abs(a.at(c) - b.at(c)));
    return worst;
}
}  // namespace

class TestExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyPresetExportsAReadableScript();
    void weightNamesFollowTheScriptsModules();
    void everyScriptTrainsTwentySteps();
    void anchorScriptsDrawWhatTheEngineDraws();
    void exportedWeightsSampleAndGoOnAsTheEngine();
    void everyOtherLayerKindAndSettingAsTheEngine();
    void ownDataOfEveryKindAsTheEngine();
    void badRequestsAreRefused();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    void needTorch()
    {
        if (!m_torch)
            QSKIP("Debian's python3-torch is not installed (/usr/bin/python3 cannot import torch and numpy): the exported "
                  "scripts cannot run here. ./scripts/test installs it (apt-get install python3-torch python3-numpy).");
    }
    QTemporaryDir m_dir;
    bool m_torch = false;
};

void TestExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_torch = QFileInfo::exists(kPython) && pythonHasTorch();
    if (!m_torch)
        qWarning("python3-torch is absent: the tests that run the exported scripts are skipped");
}

void TestExport::everyPresetExportsAReadableScript()
{
    for (const QString &name : presets::names()) {
        const QString script = path(name + QStringLiteral(".py"));
        const Run r = cli({QStringLiteral("export"), QStringLiteral("--preset"), name, QStringLiteral("--python"), script});
        QVERIFY2(r.code == 0, qPrintable(name + QStringLiteral(": ") + r.err));
        QVERIFY2(r.out.contains(script), qPrintable(r.out));
        QFile f(script);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        ExperimentSpec spec;
        QCOMPARE(presets::load(name, &spec), QString());
        // The stacks as nn.Sequential named by the designer's ids, each layer commented.
        QVERIFY2(text.contains(QStringLiteral("nn.Sequential(OrderedDict([")), qPrintable(name));
        for (const NetworkSpec *net : {&spec.generator, &spec.discriminator})
            for (const LayerSpec &l : net->layers) {
                if (l.kind == LayerKind::Sigmoid && net == &spec.discriminator && &l == &net->layers.back())
                    continue;  // left out for the logit losses (and the script says so)
                QVERIFY2(text.contains(QStringLiteral("('%1', ").arg(l.id)) || text.contains(QStringLiteral("# %1: the score").arg(l.id)),
                         qPrintable(name + QStringLiteral(": layer ") + l.id));
            }
        // The loss as the formulas panel writes it, and the experiment's own settings.
        QVERIFY2(text.contains(QStringLiteral("# The loss (%1):").arg(specnames::loss(spec.loss.kind))), qPrintable(name));
        QVERIFY2(text.contains(QStringLiteral("L_G = ")), qPrintable(name));
        QVERIFY2(text.contains(QStringLiteral("BATCH = %1 ").arg(spec.batchSize)), qPrintable(name));
        QVERIFY2(text.contains(QStringLiteral("D_STEPS = %1 ").arg(spec.dStepsPerG)), qPrintable(name));
        QCOMPARE(text.contains(QStringLiteral("R1_GAMMA = ")), spec.loss.r1Gamma > 0);
        QCOMPARE(text.contains(QStringLiteral("EMA_DECAY = ")), spec.emaDecay > 0);
        QCOMPARE(text.contains(QStringLiteral("GP_LAMBDA = ")), spec.loss.kind == LossKind::WassersteinGP);
        QCOMPARE(text.contains(QStringLiteral("CLIP = ")), spec.loss.kind == LossKind::Wasserstein);
        QCOMPARE(text.contains(QStringLiteral("SNLinear(")) || text.contains(QStringLiteral("SNConv2d(")),
                 std::any_of(spec.discriminator.layers.begin(), spec.discriminator.layers.end(), [](const LayerSpec &l) { return l.spectralNorm; }));
        // 2D sets are drawn by the program from the seed: their points travel beside the script.
        const QString points = path(name + QStringLiteral("-points.csv"));
        QCOMPARE(QFileInfo::exists(points), spec.isTwoDimensional());
        if (spec.isTwoDimensional()) {
            QFile p(points);
            QVERIFY(p.open(QIODevice::ReadOnly));
            QCOMPARE(p.readAll().count('\n'), qsizetype(spec.data.syntheticCount));
        }
        if (QFileInfo::exists(kPython)) {  // Python alone reads the syntax, torch or not
            QProcess p;
            p.start(kPython, {QStringLiteral("-m"), QStringLiteral("py_compile"), script});
            QVERIFY(p.waitForFinished(60000));
            QVERIFY2(p.exitCode() == 0, qPrintable(name + QStringLiteral(": ") + QString::fromUtf8(p.readAllStandardError())));
        }
    }
}

void TestExport::weightNamesFollowTheScriptsModules()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    QCOMPARE(pytorchscript::moduleKey(spec, NetworkRole::Generator, QStringLiteral("g2.running_mean")), QStringLiteral("g2.running_mean"));
    QCOMPARE(presets::load(QStringLiteral("acgan-fashion"), &spec), QString());
    QCOMPARE(pytorchscript::moduleKey(spec, NetworkRole::Generator, QStringLiteral("label.weight")), QStringLiteral("label.weight"));
    QCOMPARE(pytorchscript::moduleKey(spec, NetworkRole::Generator, QStringLiteral("g1.weight")), QStringLiteral("layers.g1.weight"));
    QCOMPARE(pytorchscript::moduleKey(spec, NetworkRole::Discriminator, QStringLiteral("d7.score.weight")), QStringLiteral("score.weight"));
    QCOMPARE(pytorchscript::moduleKey(spec, NetworkRole::Discriminator, QStringLiteral("d7.classes.bias")), QStringLiteral("classes.bias"));
    QCOMPARE(pytorchscript::moduleKey(spec, NetworkRole::Discriminator, QStringLiteral("d4.running_var")), QStringLiteral("layers.d4.running_var"));
    QCOMPARE(presets::load(QStringLiteral("cgan-ring8"), &spec), QString());  // concat: D's label joins its input
    QCOMPARE(pytorchscript::moduleKey(spec, NetworkRole::Discriminator, QStringLiteral("d1.weight")), QStringLiteral("layers.d1.weight"));
}

void TestExport::everyScriptTrainsTwentySteps()
{
    needTorch();
    std::vector<std::pair<QString, QStringList>> commands;
    const QStringList names = presets::names();
    for (const QString &name : names)
        commands.push_back({kPython,
                            {path(name + QStringLiteral(".py")), QStringLiteral("--steps"), QStringLiteral("20"), QStringLiteral("--threads"),
                             QStringLiteral("1"), QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--out"),
                             path(QStringLiteral("py-") + name)}});
    const std::vector<Run> runs = runAll(commands, 300000 * kSlowdown);
    for (int i = 0; i < names.size(); ++i) {
        const QString &name = names[i];
        QVERIFY2(runs[size_t(i)].code == 0, qPrintable(name + QStringLiteral(": ") + runs[size_t(i)].err.right(2000)));
        QVERIFY2(runs[size_t(i)].out.contains(QStringLiteral("step 20: loss_d ")), qPrintable(runs[size_t(i)].out));
        const auto metrics = readMetrics(path(QStringLiteral("py-%1/metrics.csv").arg(name)));
        QCOMPARE(metrics.size(), size_t(20));
        for (const auto &[step, row] : metrics)
            for (const QString &c : kColumns + QStringList{QStringLiteral("grad_norm_d"), QStringLiteral("grad_norm_g")})
                QVERIFY2(std::isfinite(row.at(c)), qPrintable(QStringLiteral("%1 step %2 %3").arg(name).arg(step).arg(c)));
        // The program's sample grid at the last step: a PNG.
        QFile grid(path(QStringLiteral("py-%1/samples/step_000020.png").arg(name)));
        QVERIFY2(grid.open(QIODevice::ReadOnly), qPrintable(grid.fileName()));
        QVERIFY(grid.read(8) == QByteArray("\x89PNG\r\n\x1a\n"));
    }
}

void TestExport::anchorScriptsDrawWhatTheEngineDraws()
{
    needTorch();
    // The anchors and the conditional presets: the engine trains them on the same seed
    // and thread count as the scripts did above.
    const QStringList anchors = {QStringLiteral("dcgan-fashion"), QStringLiteral("wgan-gp-fashion"), QStringLiteral("mlp-ring8"),
                                 QStringLiteral("cgan-ring8"), QStringLiteral("cdcgan-fashion"), QStringLiteral("acgan-fashion")};
    std::vector<std::pair<QString, QStringList>> commands;
    for (const QString &name : anchors)
        commands.push_back({qEnvironmentVariable("GP_CLI"),
                            {QStringLiteral("train"), QStringLiteral("--preset"), name, QStringLiteral("--steps"), QStringLiteral("20"),
                             QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--out"), path(QStringLiteral("eng-") + name)}});
    const std::vector<Run> runs = runAll(commands, 300000 * kSlowdown);
    for (int i = 0; i < anchors.size(); ++i) {
        const QString &name = anchors[i];
        QVERIFY2(runs[size_t(i)].code == 0, qPrintable(name + QStringLiteral(": ") + runs[size_t(i)].err));
        const auto engine = readMetrics(path(QStringLiteral("eng-%1/metrics.csv").arg(name)));
        const auto script = readMetrics(path(QStringLiteral("py-%1/metrics.csv").arg(name)));
        QVERIFY2(engine.count(1) && engine.count(20) && script.count(1) && script.count(20), qPrintable(name));
        const double first = largestDifference(engine.at(1), script.at(1));
        const double last = largestDifference(engine.at(20), script.at(20));
        qInfo("%s: the largest difference of loss_d, loss_g, d_real, d_fake: %.3g at step 1, %.3g at step 20", qPrintable(name), first,
              last);
        QVERIFY2(first <= 1e-5, qPrintable(QStringLiteral("%1: step 1 differs by %2").arg(name).arg(first)));
        QVERIFY2(last <= 1e-3, qPrintable(QStringLiteral("%1: step 20 differs by %2").arg(name).arg(last)));
        // The losses differ from one step to the next: the comparison is of training, not of constants.
        QVERIFY(std::abs(engine.at(1).at(QStringLiteral("loss_d")) - engine.at(20).at(QStringLiteral("loss_d"))) > 1e-3);
    }
}

void TestExport::exportedWeightsSampleAndGoOnAsTheEngine()
{
    needTorch();
    for (const QString &name : {QStringLiteral("dcgan-fashion"), QStringLiteral("mlp-ring8"), QStringLiteral("acgan-fashion")}) {
        const QString runDir = path(QStringLiteral("eng-") + name);
        QVERIFY2(QFileInfo::exists(runDir + QStringLiteral("/checkpoint.pt")), qPrintable(runDir));
        const QString script = path(QStringLiteral("run-%1.py").arg(name));
        Run r = cli({QStringLiteral("export"), runDir, QStringLiteral("--python"), script});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString weights = path(QStringLiteral("run-%1-weights.safetensors").arg(name));
        QVERIFY2(r.out.contains(weights), qPrintable(r.out));
        QFile text(script);
        QVERIFY(text.open(QIODevice::ReadOnly));
        QVERIFY(text.readAll().contains("exported at step 20"));

        // The same noise (seed 3) through the engine's generator and the script's loaded one.
        r = cli({QStringLiteral("sample"), runDir, QStringLiteral("--count"), QStringLiteral("50"), QStringLiteral("--seed"), QStringLiteral("3"),
                 QStringLiteral("--out"), path(QStringLiteral("engine-%1.npy").arg(name))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QProcess p;
        p.start(kPython, {script, QStringLiteral("--weights"), weights, QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--sample"),
                          QStringLiteral("50"), QStringLiteral("--sample-seed"), QStringLiteral("3"), QStringLiteral("--sample-out"),
                          path(QStringLiteral("script-%1.npy").arg(name))});
        r = finished(p, 300000);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QString engineShape, scriptShape;
        const std::vector<float> a = readNpy(path(QStringLiteral("engine-%1.npy").arg(name)), &engineShape);
        const std::vector<float> b = readNpy(path(QStringLiteral("script-%1.npy").arg(name)), &scriptShape);
        QCOMPARE(scriptShape, engineShape);
        QVERIFY(!a.empty());
        QCOMPARE(a.size(), b.size());
        double worst = 0, spread = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            worst = std::max(worst, double(std::abs(a[i] - b[i])));
            spread = std::max(spread, double(std::abs(a[i] - a[0])));
        }
        qInfo("%s: %zu sample values, the largest difference %.3g", qPrintable(name), a.size(), worst);
        QVERIFY2(worst <= 1e-5, qPrintable(QStringLiteral("%1: samples differ by %2").arg(name).arg(worst)));
        QVERIFY(spread > 0.01);  // real samples, not a constant

        // Going on from the weights: the script's steps 21-25 as the engine's resumed run.
        const QString resumed = path(QStringLiteral("resumed-") + name);
        QVERIFY(QDir().mkpath(resumed));
        for (const QString &file : QDir(runDir).entryList(QDir::Files))
            QVERIFY(QFile::copy(QDir(runDir).filePath(file), QDir(resumed).filePath(file)));
        r = cli({QStringLiteral("train"), QStringLiteral("--resume"), resumed, QStringLiteral("--out"), resumed, QStringLiteral("--steps"),
                 QStringLiteral("25"), QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QProcess q;
        q.start(kPython, {script, QStringLiteral("--weights"), weights, QStringLiteral("--steps"), QStringLiteral("25"), QStringLiteral("--threads"),
                          QStringLiteral("1"), QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--out"),
                          path(QStringLiteral("py-resumed-") + name)});
        r = finished(q, 300000);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto engine = readMetrics(resumed + QStringLiteral("/metrics.csv"));
        const auto goneOn = readMetrics(path(QStringLiteral("py-resumed-%1/metrics.csv").arg(name)));
        QCOMPARE(goneOn.size(), size_t(5));
        QCOMPARE(goneOn.begin()->first, qint64(21));
        double resumedWorst = 0;
        for (const auto &[step, row] : goneOn)
            resumedWorst = std::max(resumedWorst, largestDifference(engine.at(step), row));
        qInfo("%s: steps 21-25 from the exported weights differ from the engine's resumed run by at most %.3g", qPrintable(name),
              resumedWorst);
        QVERIFY2(resumedWorst <= 1e-4, qPrintable(QStringLiteral("%1: resumed steps differ by %2").arg(name).arg(resumedWorst)));
    }
}

// What the presets do not use, in one experiment (tests/data/export/every-kind.json): Upsample
// (bilinear), InstanceNorm2d, ELU, spectral norm on a transposed convolution with output padding,
// on a convolution and on a Linear layer, LayerNorm, Dropout, a Sigmoid inside D, a uniform prior,
// least squares with label smoothing, annealed instance noise and R1, SGD with momentum and weight
// decay, RMSprop with momentum, two D updates per G update, the learning-rate schedule and EMA.
void TestExport::everyOtherLayerKindAndSettingAsTheEngine()
{
    const QString experiment = qEnvironmentVariable("GP_TEST_DATA") + QStringLiteral("/export/every-kind.json");
    const QString script = path(QStringLiteral("every-kind.py"));
    Run r = cli({QStringLiteral("export"), experiment, QStringLiteral("--python"), script});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile f(script);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    for (const char *expected : {"nn.Upsample(scale_factor=2, mode='bilinear', align_corners=False)", "nn.InstanceNorm2d(64, affine=True)",
                                 "nn.ELU(alpha=0.8)", "SNConvTranspose2d(64, 1, 3, stride=2, padding=1, output_padding=1)",
                                 "SNConv2d(1, 32, 4, stride=2, padding=1)", "SNLinear(3136, 1)", "nn.LayerNorm([64, 7, 7])",
                                 "Dropout(0.3)", "nn.Sigmoid()", "torch.rand(n, LATENT, generator=generator).mul_(2).sub_(1)",
                                 "REAL_TARGET = 0.9", "INSTANCE_NOISE_STEPS = 10", "R1_GAMMA = 0.5",
                                 "torch.optim.SGD(G.parameters(), lr=0.01, momentum=0.9, weight_decay=0.0001)",
                                 "torch.optim.RMSprop(D.parameters(), lr=0.0001, alpha=0.9, momentum=0.5)", "D_STEPS = 2 ",
                                 "LR_DECAY_TO = 0.5", "EMA_DECAY = 0.99", "nn.BatchNorm1d(6272, momentum=0.2)"})
        QVERIFY2(text.contains(expected), expected);
    needTorch();
    const std::vector<Run> runs = runAll(
        {{kPython,
          {script, QStringLiteral("--steps"), QStringLiteral("12"), QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--device"),
           QStringLiteral("cpu"), QStringLiteral("--out"), path(QStringLiteral("py-every-kind"))}},
         {qEnvironmentVariable("GP_CLI"),
          {QStringLiteral("train"), experiment, QStringLiteral("--steps"), QStringLiteral("12"), QStringLiteral("--threads"), QStringLiteral("1"),
           QStringLiteral("--out"), path(QStringLiteral("eng-every-kind"))}}},
        300000 * kSlowdown);
    QVERIFY2(runs[0].code == 0, qPrintable(runs[0].err.right(2000)));
    QVERIFY2(runs[1].code == 0, qPrintable(runs[1].err));
    const auto script12 = readMetrics(path(QStringLiteral("py-every-kind/metrics.csv")));
    const auto engine12 = readMetrics(path(QStringLiteral("eng-every-kind/metrics.csv")));
    QCOMPARE(script12.size(), size_t(12));
    double worst = 0;
    for (const auto &[step, row] : script12)
        worst = std::max(worst, largestDifference(engine12.at(step), row));
    qInfo("every-kind: steps 1-12 differ from the engine's by at most %.3g", worst);
    QVERIFY2(worst <= 1e-5, qPrintable(QString::number(worst)));
    // Its weights: SGD's and RMSprop's state go on as the engine's.
    r = cli({QStringLiteral("export"), path(QStringLiteral("eng-every-kind")), QStringLiteral("--python"), path(QStringLiteral("every-run.py"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QDir().mkpath(path(QStringLiteral("every-resumed"))));
    for (const QString &file : QDir(path(QStringLiteral("eng-every-kind"))).entryList(QDir::Files))
        QVERIFY(QFile::copy(path(QStringLiteral("eng-every-kind/")) + file, path(QStringLiteral("every-resumed/")) + file));
    const std::vector<Run> goOn = runAll(
        {{kPython,
          {path(QStringLiteral("every-run.py")), QStringLiteral("--weights"), path(QStringLiteral("every-run-weights.safetensors")),
           QStringLiteral("--steps"), QStringLiteral("15"), QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--device"),
           QStringLiteral("cpu"), QStringLiteral("--out"), path(QStringLiteral("py-every-resumed"))}},
         {qEnvironmentVariable("GP_CLI"),
          {QStringLiteral("train"), QStringLiteral("--resume"), path(QStringLiteral("every-resumed")), QStringLiteral("--out"),
           path(QStringLiteral("every-resumed")), QStringLiteral("--steps"), QStringLiteral("15"), QStringLiteral("--threads"), QStringLiteral("1")}}},
        300000 * kSlowdown);
    QVERIFY2(goOn[0].code == 0, qPrintable(goOn[0].err.right(2000)));
    QVERIFY2(goOn[1].code == 0, qPrintable(goOn[1].err));
    const auto scriptOn = readMetrics(path(QStringLiteral("py-every-resumed/metrics.csv")));
    const auto engineOn = readMetrics(path(QStringLiteral("every-resumed/metrics.csv")));
    QCOMPARE(scriptOn.size(), size_t(3));
    worst = 0;
    for (const auto &[step, row] : scriptOn)
        worst = std::max(worst, largestDifference(engineOn.at(step), row));
    qInfo("every-kind: steps 13-15 from the exported weights differ from the engine's resumed run by at most %.3g", worst);
    QVERIFY2(worst <= 1e-5, qPrintable(QString::number(worst)));
}

// A person's own data: an image folder of two classes (decoded by the program: the images travel
// beside the script as IDX, with their classes), an IDX file with labels and a CSV of points (read
// where they are), points drawn by hand (beside the script). Each trained by the engine (train
// --data, 6 steps), then its experiment exported and run: the same losses.
void TestExport::ownDataOfEveryKindAsTheEngine()
{
    const QString pictures = path(QStringLiteral("own/pictures"));
    for (int i = 0; i < 40; ++i) {
        const QString folder = pictures + (i % 2 ? QStringLiteral("/circles") : QStringLiteral("/squares"));
        QVERIFY(QDir().mkpath(folder));
        QImage image(12, 12, QImage::Format_RGB32);
        for (int y = 0; y < 12; ++y)
            for (int x = 0; x < 12; ++x)
                image.setPixel(x, y, qRgb((x * 21 + i * 5) % 256, (y * 17 + i * 3) % 256, (x * y + i) % 256));
        QVERIFY(image.save(QStringLiteral("%1/%2.png").arg(folder).arg(i)));
    }
    std::vector<std::uint8_t> pixels(30 * 8 * 8), labels(30);
    for (size_t i = 0; i < pixels.size(); ++i)
        pixels[i] = std::uint8_t(i * 7);
    for (size_t i = 0; i < labels.size(); ++i)
        labels[i] = std::uint8_t(i % 3);
    const QString images = path(QStringLiteral("own/train-images-idx3-ubyte"));
    QVERIFY(idxfile::write(images, {30, 8, 8}, pixels).isEmpty());
    QVERIFY(idxfile::write(path(QStringLiteral("own/train-labels-idx1-ubyte")), {30}, labels).isEmpty());
    QByteArray csv;
    for (int i = 0; i < 200; ++i)
        csv += QByteArray::number(std::cos(i * 0.1)) + ',' + QByteArray::number(2 * std::sin(i * 0.1)) + '\n';
    writeBytes(path(QStringLiteral("own/points.csv")), csv);
    ExperimentSpec drawn;
    QCOMPARE(presets::load(QStringLiteral("mlp-ring8"), &drawn), QString());
    drawn.data = DataSpec();
    drawn.data.kind = DataKind::Drawn2D;
    for (int i = 0; i < 60; ++i)
        drawn.data.points.insert(drawn.data.points.end(), {float(std::cos(i * 0.3)), float(std::sin(i * 0.7))});
    QVERIFY(specjson::writeFile(drawn, path(QStringLiteral("own/drawn.json"))).isEmpty());

    struct Case {
        QString name;
        QStringList train;    // what `train` takes besides --out, --steps and --threads
        QStringList beside;   // files the export writes beside the script
    };
    const std::vector<Case> cases = {
        {QStringLiteral("folder"), {QStringLiteral("--data"), pictures}, {QStringLiteral("-images.idx"), QStringLiteral("-labels.idx")}},
        {QStringLiteral("idx"), {QStringLiteral("--data"), images}, {}},
        {QStringLiteral("csv"), {QStringLiteral("--preset"), QStringLiteral("mlp-ring8"), QStringLiteral("--data"), path(QStringLiteral("own/points.csv"))}, {}},
        {QStringLiteral("drawn"), {path(QStringLiteral("own/drawn.json"))}, {QStringLiteral("-points.csv")}},
    };
    for (const Case &c : cases) {
        const QString run = path(QStringLiteral("own/run-") + c.name);
        Run r = cli(QStringList{QStringLiteral("train")} + c.train
                    + QStringList{QStringLiteral("--out"), run, QStringLiteral("--steps"), QStringLiteral("6"), QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY2(r.code == 0, qPrintable(c.name + QStringLiteral(": ") + r.err));
        const QString script = path(QStringLiteral("own/%1.py").arg(c.name));
        r = cli({QStringLiteral("export"), run + QStringLiteral("/experiment.json"), QStringLiteral("--python"), script});
        QVERIFY2(r.code == 0, qPrintable(c.name + QStringLiteral(": ") + r.err));
        for (const QString &suffix : c.beside)
            QVERIFY2(QFileInfo::exists(path(QStringLiteral("own/") + c.name + suffix)), qPrintable(c.name + suffix));
        if (!m_torch)
            continue;
        QProcess p;
        p.start(kPython, {script, QStringLiteral("--steps"), QStringLiteral("6"), QStringLiteral("--threads"), QStringLiteral("1"),
                          QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--out"), path(QStringLiteral("own/py-") + c.name)});
        r = finished(p, 300000 * kSlowdown);
        QVERIFY2(r.code == 0, qPrintable(c.name + QStringLiteral(": ") + r.err.right(2000)));
        const auto engine = readMetrics(run + QStringLiteral("/metrics.csv"));
        const auto mine = readMetrics(path(QStringLiteral("own/py-%1/metrics.csv").arg(c.name)));
        QCOMPARE(mine.size(), size_t(6));
        double worst = 0;
        for (const auto &[step, row] : mine)
            worst = std::max(worst, largestDifference(engine.at(step), row));
        qInfo("%s: steps 1-6 differ from the engine's by at most %.3g", qPrintable(c.name), worst);
        QVERIFY2(worst <= 1e-5, qPrintable(c.name + QStringLiteral(": ") + QString::number(worst)));
    }
    needTorch();  // said, when the scripts could not run
}

void TestExport::badRequestsAreRefused()
{
    // No output named, or not a .py.
    Run r = cli({QStringLiteral("export"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--python")), qPrintable(r.err));
    r = cli({QStringLiteral("export"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"), QStringLiteral("--python"), path(QStringLiteral("x.txt"))});
    QCOMPARE(r.code, 2);
    // An experiment that cannot train: its problem named, nothing written.
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("mlp-ring8"), &spec), QString());
    spec.generator.layers[0].inFeatures += 3;
    QVERIFY(specjson::writeFile(spec, path(QStringLiteral("broken.json"))).isEmpty());
    r = cli({QStringLiteral("export"), path(QStringLiteral("broken.json")), QStringLiteral("--python"), path(QStringLiteral("broken.py"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("cannot train")) && r.err.contains(QStringLiteral("generator")), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("broken.py"))));
    // A run's checkpoint is never replaced unasked.
    r = cli(ringTraining(path(QStringLiteral("ring")), 5));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString target = path(QStringLiteral("ckpt.py"));
    QVERIFY(QFile::copy(path(QStringLiteral("ring/checkpoint.pt")), target));
    r = cli({QStringLiteral("export"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"), QStringLiteral("--python"), target});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("already holds")), qPrintable(r.err));
    // A run folder exports with its weights whether or not Python is here.
    r = cli({QStringLiteral("export"), path(QStringLiteral("ring")), QStringLiteral("--python"), path(QStringLiteral("ring.py"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile weights(path(QStringLiteral("ring-weights.safetensors")));
    QVERIFY(weights.open(QIODevice::ReadOnly));
    const QByteArray head = weights.read(8);
    QCOMPARE(head.size(), 8);
    quint64 headerLength = 0;
    for (int i = 7; i >= 0; --i)
        headerLength = (headerLength << 8) | quint8(head[i]);
    const QByteArray header = weights.read(qint64(headerLength));
    QVERIFY(header.contains("\"generator/g1.weight\""));
    QVERIFY(header.contains("\"optimizer_d/d1.weight/exp_avg_sq\""));
    QVERIFY(header.contains("\"step\":\"5\""));
    // Someone else's file behind a symbolic link at the script's name: refused, unchanged. An
    // earlier export at the same name is replaced.
    writeBytes(path(QStringLiteral("notes.txt")), "my notes\n");
    QVERIFY(QFile::link(path(QStringLiteral("notes.txt")), path(QStringLiteral("linked.py"))));
    r = cli({QStringLiteral("export"), QStringLiteral("--preset"), QStringLiteral("dcgan-fashion"), QStringLiteral("--python"),
             path(QStringLiteral("linked.py"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("did not export")), qPrintable(r.err));
    QFile notes(path(QStringLiteral("notes.txt")));
    QVERIFY(notes.open(QIODevice::ReadOnly));
    QCOMPARE(notes.readAll(), QByteArray("my notes\n"));
    for (int time = 0; time < 2; ++time) {
        r = cli({QStringLiteral("export"), QStringLiteral("--preset"), QStringLiteral("dcgan-fashion"), QStringLiteral("--python"),
                 path(QStringLiteral("again.py"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }
    // A folder that is not a run.
    QVERIFY(QDir().mkpath(path(QStringLiteral("empty"))));
    r = cli({QStringLiteral("export"), path(QStringLiteral("empty")), QStringLiteral("--python"), path(QStringLiteral("e.py"))});
    QCOMPARE(r.code, 1);
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("e.py"))));
    // A folder it cannot write in: the file named, nothing left behind.
    QVERIFY(QDir().mkpath(path(QStringLiteral("locked"))));
    QFile::setPermissions(path(QStringLiteral("locked")), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    if (QFileInfo(path(QStringLiteral("locked"))).isWritable())
        QSKIP("running as a user who may write anywhere (root): the unwritable folder cannot be tested here");
    r = cli({QStringLiteral("export"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"), QStringLiteral("--python"),
             path(QStringLiteral("locked/m.py"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("locked")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
