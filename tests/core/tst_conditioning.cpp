// Conditional GANs (ConditioningSpec): each kind's shapes and checks, its file form, training
// with every loss, exact resume, slow motion with labels, asking a run for a class, and the
// command line's --class and per-class evaluation.
#include "trainersupport.h"
#include "clisupport.h"

#include "document/experimentdocument.h"
#include "spec/classgrid.h"
#include "spec/presets.h"
#include "spec/shapeinference.h"
#include "spec/specjson.h"
#include "training/generatorcopy.h"

#include <QDir>
#include <QImage>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cmath>

using namespace trainersupport;

namespace {
ExperimentSpec preset(const QString &name)
{
    ExperimentSpec s;
    const QString error = presets::load(name, &s);
    if (!error.isEmpty())
        qFatal("%s", qPrintable(error));
    return s;
}

// A small image experiment of `kind` on 128 Fashion-MNIST images.
ExperimentSpec smallImages(ConditioningKind kind)
{
    ExperimentSpec s = preset(kind == ConditioningKind::Auxiliary ? QStringLiteral("acgan-fashion") : QStringLiteral("cdcgan-fashion"));
    s.conditioning.kind = kind;
    if (kind == ConditioningKind::Concat)
        s.discriminator.layers[0].inChannels = 1 + s.conditioning.classes;
    s.data.limit = 128;
    s.batchSize = 8;
    s.threads = 1;
    return s;
}

// cgan-ring8 with `kind`, small.
ExperimentSpec smallRing(ConditioningKind kind)
{
    ExperimentSpec s = preset(QStringLiteral("cgan-ring8"));
    s.conditioning.kind = kind;
    if (kind != ConditioningKind::Concat)
        s.discriminator.layers[0].inFeatures = 2;
    s.data.syntheticCount = 512;
    s.batchSize = 32;
    return s;
}

bool step(Trainer &t, int n, QString *error)
{
    for (int i = 0; i < n; ++i) {
        StepRecord r;
        if (!t.step(&r, error))
            return false;
        if (!std::isfinite(r.lossD) || !std::isfinite(r.lossG)) {
            *error = QStringLiteral("step %1: a loss is not finite").arg(r.step);
            return false;
        }
    }
    return true;
}
}  // namespace

class TestConditioning : public QObject {
    Q_OBJECT
private slots:
    void shapesOfEachKind();
    void mistakesAreSentences();
    void fileFormRoundTrips();
    void everyKindAndLossTrains_data();
    void everyKindAndLossTrains();
    void resumesBitExact();
    void substepsAreTheStepWithLabels_data();
    void substepsAreTheStepWithLabels();
    void aRunIsAskedForAClass();
    void checkpointOfAnotherConditioningIsRefused();
    void choosingAKindFitsTheFirstLayersInOneUndoStep();
    void commandLineAsksForClasses();
};

void TestConditioning::shapesOfEachKind()
{
    const Shape image{1, 28, 28};
    // Projection: G takes z and a 10-number embedding; D's projection reads the 6272 features
    // its last Linear takes.
    ExperimentSpec s = smallImages(ConditioningKind::Projection);
    ExperimentAnalysis a = ShapeInference::analyze(s, image);
    QVERIFY2(a.ok(), qPrintable(a.problems.join(QLatin1Char('\n'))));
    QVERIFY(a.generator.label && a.discriminator.label);
    QCOMPARE(a.generator.label->inShape, Shape{10});
    QCOMPARE(a.generator.label->outShape, Shape{110});
    QCOMPARE(a.generator.label->parameters, std::int64_t(100));
    QCOMPARE(a.generator.layers.front().inShape, Shape{110});
    QCOMPARE(a.discriminator.label->inShape, Shape{6272});
    QCOMPARE(a.discriminator.label->parameters, std::int64_t(10 * 6272));
    QCOMPARE(a.discriminator.label->flops, 2.0 * 6272 * 10);  // every class's projection, the asked one picked
    const std::int64_t dLayers = ShapeInference::analyzeNetwork(s.discriminator, NetworkRole::Discriminator, image).parameters;
    QCOMPARE(a.discriminator.parameters, dLayers + 10 * 6272);

    // Auxiliary: a class head with a bias per class.
    s = smallImages(ConditioningKind::Auxiliary);
    a = ShapeInference::analyze(s, image);
    QVERIFY2(a.ok(), qPrintable(a.problems.join(QLatin1Char('\n'))));
    QCOMPARE(a.discriminator.label->outShape, Shape{10});
    QCOMPARE(a.discriminator.label->parameters, std::int64_t(10 * (6272 + 1)));

    // Concat: D takes one channel per class besides the image's.
    s = smallImages(ConditioningKind::Concat);
    a = ShapeInference::analyze(s, image);
    QVERIFY2(a.ok(), qPrintable(a.problems.join(QLatin1Char('\n'))));
    QCOMPARE(a.discriminator.label->outShape, (Shape{11, 28, 28}));
    QCOMPARE(a.discriminator.layers.front().inShape, (Shape{11, 28, 28}));
    QCOMPARE(a.discriminator.label->parameters, std::int64_t(0));

    // 2D concat: the point and eight one-hot features.
    s = smallRing(ConditioningKind::Concat);
    a = ShapeInference::analyze(s, Shape{2});
    QVERIFY2(a.ok(), qPrintable(a.problems.join(QLatin1Char('\n'))));
    QCOMPARE(a.discriminator.layers.front().inShape, Shape{10});
    QCOMPARE(a.generator.layers.front().inShape, Shape{24});

    // Unconditional: no label blocks, and the inputs of before.
    s = preset(QStringLiteral("dcgan-fashion"));
    a = ShapeInference::analyze(s, image);
    QVERIFY(!a.generator.label && !a.discriminator.label);
    QCOMPARE(a.generator.layers.front().inShape, Shape{100});
}

void TestConditioning::mistakesAreSentences()
{
    const Shape image{1, 28, 28};
    // The generator still made for z alone.
    ExperimentSpec s = smallImages(ConditioningKind::Projection);
    s.generator.layers[0].inFeatures = 100;
    ExperimentAnalysis a = ShapeInference::analyze(s, image);
    QVERIFY(!a.ok());
    QVERIFY2(a.problems.join(QLatin1Char('\n')).contains(QLatin1String("110")), qPrintable(a.problems.join(QLatin1Char('\n'))));

    // Projection needs a last Linear with one output.
    s = smallImages(ConditioningKind::Projection);
    s.discriminator.layers.push_back(LayerSpec::simple(LayerKind::Sigmoid));
    a = ShapeInference::analyze(s, image);
    const QString all = a.problems.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("projection conditioning")) && all.contains(QLatin1String("Linear layer with 1 output"))
                 && all.contains(QLatin1String("Sigmoid")),
             qPrintable(all));

    // Concat with D's first layer still for one channel.
    s = smallImages(ConditioningKind::Concat);
    s.discriminator.layers[0].inChannels = 1;
    QVERIFY(!ShapeInference::analyze(s, image).ok());

    // A label input on unlabelled data, and fewer classes than the data has.
    s = smallRing(ConditioningKind::Concat);
    s.data.synthetic = Synthetic2DKind::Spiral;
    QString problem = datasets::conditioningProblem(s);
    QVERIFY2(problem.contains(QLatin1String("spiral")) && problem.contains(QLatin1String("no class labels")), qPrintable(problem));
    s = smallRing(ConditioningKind::Concat);
    s.conditioning.classes = 4;
    problem = datasets::conditioningProblem(s);
    QVERIFY2(problem.contains(QLatin1String("has 8 classes")) && problem.contains(QLatin1String("set conditioning classes to 8")),
             qPrintable(problem));
    // The trainer refuses them too, with the same sentence.
    const DatasetLoad loaded = datasets::load(s.data, s.seed);
    QVERIFY(loaded.data);
    QString error;
    QVERIFY(!Trainer::create(s, loaded.data, &error));
    QCOMPARE(error, problem);
    // Labelled points from a CSV file are known only when loaded.
    auto unlabelled = std::make_shared<Dataset>(*loaded.data);
    unlabelled->labels.clear();
    s.conditioning.classes = 8;
    QVERIFY(!Trainer::create(s, unlabelled, &error));
    QVERIFY2(error.contains(QLatin1String("no class labels")), qPrintable(error));
    // Unconditional experiments never have such a problem.
    s.conditioning.kind = ConditioningKind::None;
    s.data.synthetic = Synthetic2DKind::Spiral;
    QCOMPARE(datasets::conditioningProblem(s), QString());
}

void TestConditioning::fileFormRoundTrips()
{
    ExperimentSpec s = smallImages(ConditioningKind::Auxiliary);
    s.conditioning.auxWeight = 0.5;
    s.conditioning.embedding = 7;
    const QByteArray bytes = specjson::toBytes(s);
    QVERIFY(bytes.contains("\"conditioning\""));
    QVERIFY(bytes.contains("\"version\": \"1.3\""));
    const specjson::ParseResult back = specjson::fromBytes(bytes, QStringLiteral("test"));
    QVERIFY2(back.ok(), qPrintable(back.errors.join(QLatin1Char('\n'))));
    QVERIFY(back.spec == s);
    QCOMPARE(back.spec.conditioning.auxWeight, 0.5);

    // A file of version 1.2 (before conditioning) reads as an unconditional experiment, and an
    // unconditional one is written without the object.
    QFile old(qEnvironmentVariable("GP_TEST_DATA") + QStringLiteral("/golden/experiment-1.2.json"));
    QVERIFY(old.open(QIODevice::ReadOnly));
    const QByteArray oldBytes = old.readAll();
    QVERIFY(oldBytes.contains("\"version\": \"1.2\""));
    const specjson::ParseResult unconditional = specjson::fromBytes(oldBytes, QStringLiteral("dcgan-fashion.json"));
    QVERIFY(unconditional.ok());
    QCOMPARE(unconditional.spec.conditioning.kind, ConditioningKind::None);
    QVERIFY(!specjson::toBytes(unconditional.spec).contains("conditioning"));

    // Mistakes name the field.
    QByteArray bad = bytes;
    bad.replace("\"auxiliary\"", "\"film\"");
    specjson::ParseResult wrong = specjson::fromBytes(bad, QStringLiteral("x.json"));
    QVERIFY(!wrong.ok());
    QVERIFY2(wrong.errors.join(QLatin1Char('\n')).contains(QLatin1String("conditioning.kind")), qPrintable(wrong.errors.join(QLatin1Char('\n'))));
    bad = bytes;
    bad.replace("\"classes\": 10", "\"classes\": 1");
    wrong = specjson::fromBytes(bad, QStringLiteral("x.json"));
    QVERIFY2(wrong.errors.join(QLatin1Char('\n')).contains(QLatin1String("conditioning.classes")), qPrintable(wrong.errors.join(QLatin1Char('\n'))));
}

void TestConditioning::everyKindAndLossTrains_data()
{
    QTest::addColumn<bool>("images");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("loss");
    QTest::addColumn<double>("r1");
    for (ConditioningKind kind : {ConditioningKind::Concat, ConditioningKind::Projection, ConditioningKind::Auxiliary}) {
        const QString k = specnames::conditioning(kind);
        QTest::addRow("2d %s non-saturating r1", qPrintable(k)) << false << int(kind) << int(LossKind::NonSaturating) << 1.0;
        QTest::addRow("2d %s wgan-gp", qPrintable(k)) << false << int(kind) << int(LossKind::WassersteinGP) << 0.0;
        QTest::addRow("2d %s hinge", qPrintable(k)) << false << int(kind) << int(LossKind::Hinge) << 0.0;
        QTest::addRow("2d %s least-squares", qPrintable(k)) << false << int(kind) << int(LossKind::LeastSquares) << 0.0;
        QTest::addRow("images %s non-saturating", qPrintable(k)) << true << int(kind) << int(LossKind::NonSaturating) << 0.0;
    }
    QTest::addRow("images projection wgan-gp") << true << int(ConditioningKind::Projection) << int(LossKind::WassersteinGP) << 0.0;
}

// Each kind trains with each loss (the penalties with the label held fixed): finite losses, and
// the discriminator's weights move in every part, the label's included.
void TestConditioning::everyKindAndLossTrains()
{
    QFETCH(bool, images);
    QFETCH(int, kind);
    QFETCH(int, loss);
    QFETCH(double, r1);
    ExperimentSpec s = images ? smallImages(ConditioningKind(kind)) : smallRing(ConditioningKind(kind));
    s.loss.kind = LossKind(loss);
    s.loss.r1Gamma = r1;
    if (s.loss.kind == LossKind::WassersteinGP)
        for (LayerSpec &l : s.discriminator.layers)
            if (l.kind == LayerKind::BatchNorm2d)
                l = LayerSpec::simple(LayerKind::LeakyReLU);
    MAKE_TRAINER(trainer, s);
    QVERIFY(!trainer->usesFusedMlp());
    const SampleBatch before = trainer->sampleFixed(trainer->fixedGridCount());
    QString error;
    QVERIFY2(step(*trainer, 3, &error), qPrintable(error));
    const SampleBatch after = trainer->sampleFixed(trainer->fixedGridCount());
    QCOMPARE(after.count, classgrid::count(s));
    QVERIFY(images ? before.pixels != after.pixels : before.points != after.points);
}

void TestConditioning::resumesBitExact()
{
    QTemporaryDir dir;
    const ExperimentSpec s = smallImages(ConditioningKind::Auxiliary);
    MAKE_TRAINER(first, s);
    QString error;
    QVERIFY2(step(*first, 2, &error), qPrintable(error));
    const QString path = dir.filePath(QStringLiteral("c.pt"));
    QCOMPARE(first->saveCheckpoint(path), QString());
    QVERIFY2(step(*first, 2, &error), qPrintable(error));
    MAKE_TRAINER(second, s);
    QCOMPARE(second->loadCheckpoint(path), QString());
    QVERIFY2(step(*second, 2, &error), qPrintable(error));
    // The same steps after the resume: every record, the grid, and a class asked for.
    for (size_t i = 2; i < 4; ++i)
        QVERIFY2(sameRecords(first->history()[i], second->history()[i]), qPrintable(QStringLiteral("step %1").arg(i + 1)));
    QCOMPARE(second->sampleFixed(80).pixels, first->sampleFixed(80).pixels);
    QCOMPARE(second->sample(4, 3, nullptr, 5).pixels, first->sample(4, 3, nullptr, 5).pixels);
}

void TestConditioning::substepsAreTheStepWithLabels_data()
{
    QTest::addColumn<bool>("images");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("dSteps");
    QTest::newRow("2d concat") << false << int(ConditioningKind::Concat) << 1;
    QTest::newRow("2d auxiliary, 2 D updates") << false << int(ConditioningKind::Auxiliary) << 2;
    QTest::newRow("images projection") << true << int(ConditioningKind::Projection) << 1;
}

// Slow motion runs the very step, labels drawn and used alike, and names the labels it shows.
void TestConditioning::substepsAreTheStepWithLabels()
{
    QFETCH(bool, images);
    QFETCH(int, kind);
    QFETCH(int, dSteps);
    ExperimentSpec s = images ? smallImages(ConditioningKind(kind)) : smallRing(ConditioningKind(kind));
    s.dStepsPerG = dSteps;
    MAKE_TRAINER(plain, s);
    MAKE_TRAINER(slow, s);
    QString error;
    for (int n = 1; n <= 2; ++n) {
        StepRecord expected;
        QVERIFY2(plain->step(&expected, &error), qPrintable(error));
        SubstepReport report;
        do {
            QVERIFY2(slow->substep(&report, &error), qPrintable(error));
            if (report.substep == Substep::Draw) {
                QCOMPARE(report.classes, s.conditioning.classes);
                QCOMPARE(report.realLabels.size(), size_t(report.real.count));
                QVERIFY(!report.fakeLabels.empty());
                for (int label : report.realLabels)
                    QVERIFY(label >= 0 && label < s.conditioning.classes);
            }
        } while (!report.complete);
        QVERIFY(sameRecords(report.record, expected));
    }
    // Whatever the substeps left behind (the random stream, the data position), the ordinary
    // steps after them see it.
    for (int n = 3; n <= 4; ++n) {
        StepRecord a, b;
        QVERIFY2(plain->step(&a, &error) && slow->step(&b, &error), qPrintable(error));
        QVERIFY(sameRecords(a, b));
    }
    const SampleBatch a = plain->sampleFixed(plain->fixedGridCount()), b = slow->sampleFixed(slow->fixedGridCount());
    QVERIFY(a.points == b.points && a.pixels == b.pixels);
}

void TestConditioning::aRunIsAskedForAClass()
{
    // Images: a row of eight per class, the noise fixed per column.
    const ExperimentSpec s = smallImages(ConditioningKind::Projection);
    MAKE_TRAINER(trainer, s);
    QString error;
    QVERIFY2(step(*trainer, 2, &error), qPrintable(error));
    QCOMPARE(trainer->fixedGridCount(), 80);
    const std::shared_ptr<GeneratorCopy> g = trainer->copyGenerator();
    QCOMPARE(g->classes(), 10);
    QCOMPARE(g->evalLabels().size(), size_t(80));
    QCOMPARE(g->evalLabels()[17], 2);
    QCOMPARE(g->evalLatent(3), g->evalLatent(8 * 5 + 3));
    QVERIFY(g->evalLatent(3) != g->evalLatent(4));
    // The copy's live grid is the trainer's grid.
    QCOMPARE(g->generate(g->evalLatents(), 80, &error, g->evalLabels()).pixels, trainer->sampleFixed(80).pixels);
    // A class asked of the copy is the class asked of the trainer, and another class is another image.
    const SampleBatch sneakers = g->sample(6, 11, &error, 7);
    QCOMPARE(sneakers.count, 6);
    QCOMPARE(sneakers.pixels, trainer->sample(6, 11, nullptr, 7).pixels);
    QVERIFY(sneakers.pixels != g->sample(6, 11, &error, 8).pixels);
    const std::vector<float> z = g->evalLatent(0);
    QVERIFY(g->generate(z, 1, &error, {0}).pixels != g->generate(z, 1, &error, {9}).pixels);
    // A class out of range is a sentence, not a crash.
    QVERIFY(g->sample(2, 1, &error, 10).count == 0);
    QVERIFY2(error.contains(QLatin1String("classes 0 to 9")), qPrintable(error));
    QVERIFY(g->generate(z, 1, &error, {-1}).count == 0);

    // 2D: at least 64 points of distinct noise, classes in turn.
    const ExperimentSpec r = smallRing(ConditioningKind::Concat);
    MAKE_TRAINER(ring, r);
    const std::shared_ptr<GeneratorCopy> rg = ring->copyGenerator();
    QCOMPARE(rg->evalLabels().size(), size_t(64));
    QCOMPARE(rg->evalLabels()[9], 1);
    QVERIFY(rg->evalLatent(0) != rg->evalLatent(8));
}

void TestConditioning::checkpointOfAnotherConditioningIsRefused()
{
    QTemporaryDir dir;
    const ExperimentSpec s = smallImages(ConditioningKind::Projection);
    MAKE_TRAINER(trainer, s);
    const QString path = dir.filePath(QStringLiteral("c.pt"));
    QCOMPARE(trainer->saveCheckpoint(path), QString());
    ExperimentSpec other = s;
    other.conditioning.kind = ConditioningKind::Auxiliary;
    MAKE_TRAINER(auxiliary, other);
    const QString error = auxiliary->loadCheckpoint(path);
    QVERIFY2(error.contains(QLatin1String("conditioning projection")) && error.contains(QLatin1String("auxiliary")), qPrintable(error));
}

// The window's Conditioning choice: the first layers follow it, the classes come from the data,
// and one undo puts everything back.
void TestConditioning::choosingAKindFitsTheFirstLayersInOneUndoStep()
{
    ExperimentDocument doc;
    doc.reset(smallRing(ConditioningKind::Concat), QString());
    doc.changeSettings(QStringLiteral("conditioning"), [](ExperimentSpec &s) { conditioningfit::apply(&s, ConditioningSpec{}); });
    QCOMPARE(doc.spec().generator.layers[0].inFeatures, 16);
    QCOMPARE(doc.spec().discriminator.layers[0].inFeatures, 2);
    QVERIFY2(doc.analysis().ok(), qPrintable(doc.analysis().problems.join(QLatin1Char('\n'))));
    const ExperimentSpec plain = doc.spec();
    ConditioningSpec projection;
    projection.kind = ConditioningKind::Projection;
    projection.classes = datasets::knownClassCount(plain.data);
    projection.embedding = 4;
    doc.changeSettings(QStringLiteral("conditioning"), [&](ExperimentSpec &s) { conditioningfit::apply(&s, projection); });
    QCOMPARE(doc.spec().conditioning, projection);
    QCOMPARE(doc.spec().generator.layers[0].inFeatures, 16 + 4);
    QCOMPARE(doc.spec().discriminator.layers[0].inFeatures, 2);
    QVERIFY2(doc.analysis().ok(), qPrintable(doc.analysis().problems.join(QLatin1Char('\n'))));
    doc.undoStack()->undo();
    QCOMPARE(doc.spec(), plain);
    doc.undoStack()->redo();
    QCOMPARE(doc.spec().generator.layers[0].inFeatures, 20);
}

void TestConditioning::commandLineAsksForClasses()
{
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("run"));
    Run r = cli({QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("cgan-ring8"), QStringLiteral("--steps"),
                 QStringLiteral("300"), QStringLiteral("--out"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(run + QStringLiteral("/samples/step_000300.png")));

    // One class: every line of the CSV carries it.
    const QString csv = dir.filePath(QStringLiteral("three.csv"));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--class"), QStringLiteral("3"), QStringLiteral("--count"),
             QStringLiteral("50"), QStringLiteral("--out"), csv});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QList<QByteArray> lines = readAll(csv).trimmed().split('\n');
    QCOMPARE(lines.size(), 50);
    for (const QByteArray &line : lines)
        QVERIFY2(line.endsWith(",3") && line.split(',').size() == 3, line.constData());
    // All classes, the same noise in each.
    const QString all = dir.filePath(QStringLiteral("all.csv"));
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--class"), QStringLiteral("all"), QStringLiteral("--count"),
             QStringLiteral("5"), QStringLiteral("--out"), all});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QList<QByteArray> every = readAll(all).trimmed().split('\n');
    QCOMPARE(every.size(), 40);
    // Class 3's five are the first five of the 50 above (the same noise; float sums over a
    // batch of another size may differ in the last bits).
    for (int i = 0; i < 5; ++i) {
        const QList<QByteArray> mine = every[15 + i].split(','), theirs = lines[i].split(',');
        QCOMPARE(mine[2], QByteArray("3"));
        for (int c = 0; c < 2; ++c)
            QVERIFY2(std::abs(mine[c].toDouble() - theirs[c].toDouble()) < 1e-5, every[15 + i].constData());
    }
    // A class the run lacks, and --class on an unconditional run.
    r = cli({QStringLiteral("sample"), run, QStringLiteral("--class"), QStringLiteral("8"), QStringLiteral("--count"),
             QStringLiteral("5"), QStringLiteral("--out"), all});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("classes are 0, 1, 2")), qPrintable(r.err));

    // evaluate: each class in its own mode, as a share of its samples.
    r = cli({QStringLiteral("evaluate"), run});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("own mode:")) && r.out.contains(QLatin1String("7:")), qPrintable(r.out));

    const QString plainRun = dir.filePath(QStringLiteral("plain"));
    r = cli({QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"), QStringLiteral("--steps"),
             QStringLiteral("5"), QStringLiteral("--out"), plainRun});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli({QStringLiteral("sample"), plainRun, QStringLiteral("--class"), QStringLiteral("1"), QStringLiteral("--count"),
             QStringLiteral("5"), QStringLiteral("--out"), dir.filePath(QStringLiteral("p.csv"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("not conditional")), qPrintable(r.err));

    // Images: a PNG grid of one row per class, and the labels beside an IDX file.
    const QString imageRun = dir.filePath(QStringLiteral("images"));
    const QString experiment = dir.filePath(QStringLiteral("small.json"));
    QCOMPARE(specjson::writeFile(smallImages(ConditioningKind::Projection), experiment), QString());
    r = cli({QStringLiteral("train"), experiment, QStringLiteral("--steps"), QStringLiteral("2"), QStringLiteral("--out"), imageRun});
    if (r.code != 0 && !QFileInfo::exists(datasets::fashionMnistDir()))
        QSKIP("Fashion-MNIST is not installed");
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QImage grid(imageRun + QStringLiteral("/samples/step_000002.png"));
    QCOMPARE(grid.width(), 2 + 8 * 30);
    QCOMPARE(grid.height(), 2 + 10 * 30);
    const QString idx = dir.filePath(QStringLiteral("shoes.idx"));
    r = cli({QStringLiteral("sample"), imageRun, QStringLiteral("--class"), QStringLiteral("sneaker"), QStringLiteral("--count"),
             QStringLiteral("3"), QStringLiteral("--out"), idx});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QByteArray labels = readAll(dir.filePath(QStringLiteral("shoes-labels.idx")));
    QCOMPARE(labels.size(), 8 + 3);
    QCOMPARE(labels.right(3), QByteArray("\x07\x07\x07"));
}

QTEST_GUILESS_MAIN(TestConditioning)
#include "tst_conditioning.moc"
