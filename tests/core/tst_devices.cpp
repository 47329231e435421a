// The device and the precision are settings, not assumptions: "auto" trains where this build
// can, a CUDA request on a build without CUDA is refused with one sentence (the engine, the
// experiment's problems and the command line), a checkpoint opens on every device this build
// sees, and bf16 trains where the CPU computes in bfloat16 (else it is refused, saying why).
#include "clisupport.h"
#include "spec/presets.h"
#include "spec/specjson.h"
#include "trainersupport.h"
#include "training/generatorcopy.h"
#include "training/roofprobe.h"
#include "training/rundirectory.h"
#include "training/rundriver.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace {
const QString kNoCuda = QStringLiteral(
    "this build's LibTorch has no CUDA support; build against a CUDA LibTorch (README) or use --device cpu");
}

class TestDevices : public QObject {
    Q_OBJECT
private slots:
    void namesAreChecked();
    void cudaOnACpuBuildIsRefused();
    void checkpointOpensOnEveryDevice();
    void precisionIsAnExperimentSetting();
    void bf16TrainsWhereTheCpuCan();
    void roofIsMeasured();
};

void TestDevices::namesAreChecked()
{
    QCOMPARE(Trainer::deviceProblem(QStringLiteral("auto")), QString());
    QCOMPARE(Trainer::deviceProblem(QStringLiteral("cpu")), QString());
    QVERIFY(Trainer::deviceProblem(QStringLiteral("tpu")).contains(QStringLiteral("use auto, cpu, cuda or cuda:N")));
    QVERIFY(Trainer::deviceProblem(QStringLiteral("gpu please")).contains(QStringLiteral("is not a device name")));
    QVERIFY(Trainer::deviceProblem(QStringLiteral("cpu:3")).contains(QStringLiteral("the CPU has no index")));
    const QStringList devices = Trainer::availableDevices();
    QCOMPARE(devices.mid(0, 2), (QStringList{QStringLiteral("auto"), QStringLiteral("cpu")}));
    // "auto" is the first GPU where there is one, else the CPU.
    QCOMPARE(Trainer::resolveDevice(QStringLiteral("auto")), devices.size() > 2 ? devices[2] : QStringLiteral("cpu"));
    QCOMPARE(Trainer::resolveDevice(QStringLiteral("cpu")), QStringLiteral("cpu"));
    QVERIFY2(Trainer::deviceName(QStringLiteral("cpu")).startsWith(QStringLiteral("CPU (")), qPrintable(Trainer::deviceName(QStringLiteral("cpu"))));
    // A new experiment trains wherever it can.
    QCOMPARE(ExperimentSpec().device, QStringLiteral("auto"));
}

void TestDevices::cudaOnACpuBuildIsRefused()
{
    if (Trainer::buildHasCuda())
        QSKIP("this build's LibTorch has CUDA; tests/gpu/check.sh covers it");
    for (const char *device : {"cuda", "cuda:0", "cuda:1"})
        QCOMPARE(Trainer::deviceProblem(QLatin1String(device)), kNoCuda);
    ExperimentSpec spec = trainersupport::smallMlp();
    spec.device = QStringLiteral("cuda");
    QString why;
    QVERIFY(!Trainer::create(spec, datasets::load(spec.data, 1).data, &why));
    QCOMPARE(why, kNoCuda);
    QVERIFY(runsetup::problems(spec).contains(kNoCuda));
    // The command line: one sentence, exit 1, nothing written.
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("run"));
    for (const QStringList &args : {ringTraining(out, 5, {QStringLiteral("--device"), QStringLiteral("cuda")}),
                                    QStringList{QStringLiteral("bench"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"),
                                                QStringLiteral("--device"), QStringLiteral("cuda:0")},
                                    // refused before the run folder is opened
                                    QStringList{QStringLiteral("directions"), out, QStringLiteral("--out"), dir.filePath(QStringLiteral("d.json")),
                                                QStringLiteral("--device"), QStringLiteral("cuda")},
                                    QStringList{QStringLiteral("walk"), out, QStringLiteral("--out"), dir.filePath(QStringLiteral("w.gif")),
                                                QStringLiteral("--direction"), QStringLiteral("1"), QStringLiteral("--device"), QStringLiteral("cuda")}}) {
        const Run r = cli(args);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.trimmed() == QStringLiteral("gan-playground-cli: ") + kNoCuda, qPrintable(r.err));
    }
    QVERIFY(!QFileInfo::exists(out));
}

void TestDevices::checkpointOpensOnEveryDevice()
{
    // A run trained on the CPU opens through the device code path on every device this build
    // sees ("auto" included) and makes the same samples there.
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("run"));
    Run r = cli(ringTraining(out, 20, {QStringLiteral("--device"), QStringLiteral("cpu")}));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QString error;
    runsetup::OpenOptions cpu;
    cpu.device = QStringLiteral("cpu");
    const std::unique_ptr<Trainer> there = runsetup::openFolder(out, {}, &error, 1, cpu);
    QVERIFY2(there, qPrintable(error));
    const std::vector<float> expected = there->sample(256, 3).points;
    QCOMPARE(int(expected.size()), 512);
    for (const QString &device : Trainer::availableDevices()) {
        runsetup::OpenOptions options;
        options.device = device;
        const std::unique_ptr<Trainer> opened = runsetup::openFolder(out, {}, &error, 1, options);
        QVERIFY2(opened, qPrintable(device + QStringLiteral(": ") + error));
        QCOMPARE(opened->currentStep(), std::int64_t(20));
        // The run's own sampling, and a frozen copy of its generator placed there (the command
        // line's directions and walk).
        const std::shared_ptr<GeneratorCopy> copy = opened->copyGenerator();
        copy->setDevice(device);
        QCOMPARE(copy->device(), Trainer::resolveDevice(device));
        for (const std::vector<float> &got : {opened->sample(256, 3).points, copy->sample(256, 3).points}) {
            QCOMPARE(got.size(), expected.size());
            for (size_t i = 0; i < got.size(); ++i)
                QVERIFY2(std::abs(got[i] - expected[i]) < 1e-5f, qPrintable(QStringLiteral("%1: point value %2: %3 against %4")
                                                                                  .arg(device).arg(i).arg(got[i]).arg(expected[i])));
        }
    }
    // The command line opens it there too.
    r = cli({QStringLiteral("sample"), out, QStringLiteral("--count"), QStringLiteral("10"), QStringLiteral("--out"),
             dir.filePath(QStringLiteral("s.csv")), QStringLiteral("--device"), QStringLiteral("auto")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("s.csv"))).size() > 0);
    r = cli({QStringLiteral("directions"), out, QStringLiteral("--out"), dir.filePath(QStringLiteral("d.json")), QStringLiteral("--device"),
             QStringLiteral("cpu")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("d.json"))).size() > 0);
}

void TestDevices::precisionIsAnExperimentSetting()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    QCOMPARE(spec.precision, Precision::Fp32);
    QCOMPARE(spec.device, QStringLiteral("auto"));
    spec.precision = Precision::Bf16;
    const QByteArray bytes = specjson::toBytes(spec);
    QVERIFY(bytes.contains("\"precision\": \"bf16\""));
    const specjson::ParseResult back = specjson::fromBytes(bytes, QStringLiteral("bf16.json"));
    QVERIFY2(back.ok(), qPrintable(back.errors.join(QLatin1Char('\n'))));
    QCOMPARE(back.spec.precision, Precision::Bf16);
    QVERIFY(back.spec == spec);
    QByteArray bad = bytes;
    bad.replace("\"precision\": \"bf16\"", "\"precision\": \"fp8\"");
    const specjson::ParseResult refused = specjson::fromBytes(bad, QStringLiteral("fp8.json"));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.errors.join(QLatin1Char('\n')).contains(QStringLiteral("training.precision: expected \"fp32\" or \"bf16\", not \"fp8\"")),
             qPrintable(refused.errors.join(QLatin1Char('\n'))));
}

void TestDevices::bf16TrainsWhereTheCpuCan()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    spec.data.limit = 256;
    spec.batchSize = 16;
    spec.threads = 1;
    spec.device = QStringLiteral("cpu");
    ExperimentSpec bf16 = spec;
    bf16.precision = Precision::Bf16;
    if (const QString problem = Trainer::precisionProblem(bf16); !problem.isEmpty()) {
        // A CPU without bfloat16 arithmetic: refused with the sentence, before anything trains.
        QVERIFY2(problem.contains(QStringLiteral("this CPU has no bfloat16 arithmetic")), qPrintable(problem));
        QVERIFY(runsetup::problems(bf16).contains(problem));
        return;
    }
    MAKE_TRAINER(full, spec);
    MAKE_TRAINER(mixed, bf16);
    QVERIFY(!mixed->usesFusedMlp());
    QString error;
    StepRecord a, b;
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(full->step(&a, &error), qPrintable(error));
        QVERIFY2(mixed->step(&b, &error), qPrintable(error));
        // The same batches and noise, bf16's rounding (8 bits of mantissa) apart.
        QVERIFY(std::isfinite(b.lossD) && std::isfinite(b.lossG) && b.gradNormD > 0 && b.gradNormG > 0);
        QVERIFY2(std::abs(a.lossD - b.lossD) < 0.05f * std::abs(a.lossD) && std::abs(a.lossG - b.lossG) < 0.05f * std::abs(a.lossG),
                 qPrintable(QStringLiteral("step %1: fp32 D %2 G %3, bf16 D %4 G %5").arg(i + 1).arg(a.lossD).arg(a.lossG).arg(b.lossD).arg(b.lossG)));
    }
    // Weights stay fp32: the checkpoint opens in an fp32 trainer, and its samples are images.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("checkpoint.pt"));
    QCOMPARE(mixed->saveCheckpoint(path), QString());
    MAKE_TRAINER(reopened, spec);
    QCOMPARE(reopened->loadCheckpoint(path), QString());
    QCOMPARE(reopened->currentStep(), std::int64_t(3));
    const SampleBatch grid = mixed->sampleFixed(16);
    QCOMPARE(grid.count, 16);
    QCOMPARE(int(grid.pixels.size()), 16 * 28 * 28);
}

void TestDevices::roofIsMeasured()
{
    // bench's share is of a measured roof: LibTorch's fastest kernel here and the CPU's FMA peak,
    // for bf16 only where asked and where the CPU computes in it.
    ExperimentSpec bf16;
    bf16.device = QStringLiteral("cpu");
    bf16.precision = Precision::Bf16;
    const bool cpuBf16 = Trainer::precisionProblem(bf16).isEmpty();
    const RoofProbe fp32 = probeRoof(1, false, 0.03);
    QCOMPARE(fp32.threads, 1);
    QVERIFY2(fp32.torchFp32 > 1 && !fp32.torchFp32Kernel.isEmpty(), qPrintable(QString::number(fp32.torchFp32)));
    QCOMPARE(fp32.torchBf16, 0.0);
    QCOMPARE(fp32.fmaBf16, 0.0);
#if defined(__x86_64__)
    // Every x86-64 CPU that LibTorch 1.13 runs well on has AVX2 and FMA at least.
    QVERIFY2(fp32.fmaFp32 > 1 && !fp32.vectors.isEmpty(), qPrintable(fp32.vectors));
#endif
    const RoofProbe both = probeRoof(1, true, 0.03);
    QVERIFY(both.torchBf16 > 1 && !both.torchBf16Kernel.isEmpty());
    if (cpuBf16 && both.vectors == QLatin1String("AVX-512"))
        QVERIFY2(both.fmaBf16 > 1, qPrintable(QString::number(both.fmaBf16)));
    const Run r = cli({QStringLiteral("bench"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"), QStringLiteral("--steps"),
                       QStringLiteral("3"), QStringLiteral("--threads"), QStringLiteral("1")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("in LibTorch's fastest kernel here")) && r.out.contains(QStringLiteral("share of roof:")),
             qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestDevices)
#include "tst_devices.moc"
