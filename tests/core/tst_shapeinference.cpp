#include "spec/presets.h"
#include "spec/shapeinference.h"

#include <QtTest>

class TestShapeInference : public QObject {
    Q_OBJECT
private slots:
    void dcganCounts();
    void presetsAreValid_data();
    void presetsAreValid();
    void namesTheLayerAndTheMismatch();
    void reportsAllProblems();
    void generatorMustMatchData();
    void discriminatorMustEndInOneScore();
    void sigmoidWithWassersteinIsAProblem();
    void instanceNormKeepsTheImage();
};

void TestShapeInference::dcganCounts()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    const ExperimentAnalysis a = ShapeInference::analyze(spec, {1, 28, 28});
    QVERIFY(a.ok());
    // By hand: Linear 100*6272 (no bias) + BN 2*6272 + ConvT 128*64*16 (no bias) + BN 2*64 + ConvT 64*16 + 1.
    QCOMPARE(a.generator.parameters, std::int64_t(627200 + 12544 + 131072 + 128 + 1025));
    // Conv 1*64*16+64, Conv 64*128*16 (no bias), BN 256, Linear 6272+1.
    QCOMPARE(a.discriminator.parameters, std::int64_t(1088 + 131072 + 256 + 6273));
    QCOMPARE(a.generator.layers[4].outShape, (Shape{64, 14, 14}));
    QCOMPARE(a.generator.outShape, (Shape{1, 28, 28}));
    QCOMPARE(a.discriminator.layers[2].outShape, (Shape{128, 7, 7}));
    // ConvTranspose2d 128->64, k4, on 7x7: 2 * 128 * 64 * 16 * 49 FLOPs.
    QCOMPARE(a.generator.layers[4].flops, 2.0 * 128 * 64 * 16 * 49);
    // Conv2d 64->128, k4, output 7x7: same count.
    QCOMPARE(a.discriminator.layers[2].flops, 2.0 * 64 * 128 * 16 * 49);
}

void TestShapeInference::presetsAreValid_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &n : presets::names())
        QTest::newRow(qPrintable(n)) << n;
}

void TestShapeInference::presetsAreValid()
{
    QFETCH(QString, name);
    ExperimentSpec spec;
    QCOMPARE(presets::load(name, &spec), QString());
    const Shape data = spec.isTwoDimensional() ? Shape{2} : Shape{1, 28, 28};
    const ExperimentAnalysis a = ShapeInference::analyze(spec, data);
    QVERIFY2(a.ok(), qPrintable(a.problems.join(QLatin1Char('\n'))));
}

void TestShapeInference::namesTheLayerAndTheMismatch()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    // Make the first transposed convolution (layer 5) expect 256 channels: it gets 128.
    spec.generator.layers[4].inChannels = 256;
    const ExperimentAnalysis a = ShapeInference::analyze(spec, {1, 28, 28});
    QCOMPARE(a.problems, QStringList{QStringLiteral("generator layer 5 (ConvTranspose2d) gets 128 channels but expects 256")});
    QCOMPARE(a.generator.layers[4].problems.size(), 1);
}

void TestShapeInference::reportsAllProblems()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    spec.generator.layers[0].inFeatures = 64;          // latent is 100
    spec.generator.layers[5].numFeatures = 32;         // BatchNorm2d after 64 channels
    spec.discriminator.layers[6].inFeatures = 1000;    // Flatten gives 6272
    const ExperimentAnalysis a = ShapeInference::analyze(spec, {1, 28, 28});
    QCOMPARE(a.problems.size(), 3);
    QCOMPARE(a.problems[0], QStringLiteral("generator layer 1 (Linear) gets 100 features but expects 64"));
    QCOMPARE(a.problems[1], QStringLiteral("generator layer 6 (BatchNorm2d) gets 64 channels but expects 32"));
    QCOMPARE(a.problems[2], QStringLiteral("discriminator layer 7 (Linear) gets 6272 features but expects 1000"));
}

void TestShapeInference::generatorMustMatchData()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    const ExperimentAnalysis a = ShapeInference::analyze(spec, {3, 32, 32});
    QVERIFY(!a.ok());
    QVERIFY(a.problems.join(QLatin1Char('\n')).contains(
        QStringLiteral("the generator produces [1, 28, 28] per sample but the data samples are [3, 32, 32]")));
}

void TestShapeInference::discriminatorMustEndInOneScore()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    spec.discriminator.layers.pop_back();  // drop Linear(6272, 1)
    const ExperimentAnalysis a = ShapeInference::analyze(spec, {1, 28, 28});
    QCOMPARE(a.problems.size(), 1);
    QVERIFY(a.problems[0].contains(QStringLiteral("ends with [6272] per sample but must end in one score")));
    QVERIFY(a.problems[0].contains(QStringLiteral("Linear(6272, 1)")));
}

void TestShapeInference::sigmoidWithWassersteinIsAProblem()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("seed-keras-mnist"), &spec), QString());
    QVERIFY(ShapeInference::analyze(spec, {1, 28, 28}).ok());
    spec.loss.kind = LossKind::WassersteinGP;
    const ExperimentAnalysis a = ShapeInference::analyze(spec, {1, 28, 28});
    QVERIFY(!a.ok());
    QVERIFY(a.problems.join(QLatin1Char('\n')).contains(QStringLiteral("ends in Sigmoid")));
}

// InstanceNorm2d (the kind added through the layer table): one scale and shift per channel,
// the image's shape unchanged; a vector or another channel count is a problem with a sentence.
void TestShapeInference::instanceNormKeepsTheImage()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    const int bn = spec.discriminator.indexOfId(spec.discriminator.layers[3].id);
    QCOMPARE(spec.discriminator.layers[size_t(bn)].kind, LayerKind::BatchNorm2d);
    LayerSpec in = LayerSpec::simple(LayerKind::InstanceNorm2d);
    in.id = spec.discriminator.layers[size_t(bn)].id;
    in.numFeatures = 128;
    spec.discriminator.layers[size_t(bn)] = in;
    ExperimentAnalysis a = ShapeInference::analyze(spec, {1, 28, 28});
    QVERIFY2(a.ok(), qPrintable(a.problems.join(QLatin1Char('\n'))));
    QCOMPARE(a.discriminator.layers[size_t(bn)].outShape, (Shape{128, 7, 7}));
    QCOMPARE(a.discriminator.layers[size_t(bn)].parameters, std::int64_t(256));
    QCOMPARE(a.discriminator.layers[size_t(bn)].flops, 8.0 * 128 * 7 * 7);
    spec.discriminator.layers[size_t(bn)].numFeatures = 64;
    a = ShapeInference::analyze(spec, {1, 28, 28});
    QVERIFY(a.problems.join(QLatin1Char('\n')).contains(QStringLiteral("(InstanceNorm2d) gets 128 channels but expects 64")));
    // After the Flatten, a vector: the sentence says what to use instead.
    const int flat = int(spec.discriminator.layers.size()) - 1;
    in.numFeatures = 6272;
    spec.discriminator.layers.insert(spec.discriminator.layers.begin() + flat, in);
    spec.discriminator.layers[size_t(bn)].numFeatures = 128;
    spec.discriminator.layers[size_t(flat)].id = QStringLiteral("inorm_vec");
    a = ShapeInference::analyze(spec, {1, 28, 28});
    QVERIFY2(a.problems.join(QLatin1Char('\n')).contains(QStringLiteral("use LayerNorm for vectors")),
             qPrintable(a.problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestShapeInference)
#include "tst_shapeinference.moc"
