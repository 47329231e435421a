// Spectral normalisation against the largest singular value computed directly.
#include "nn/torchmodules_p.h"

#include <ATen/CPUGeneratorImpl.h>

#include <QtTest>

class TestSpectralNorm : public QObject {
    Q_OBJECT
private slots:
    void matchesLargestSingularValue_data();
    void matchesLargestSingularValue();
    void normalisedWeightHasUnitNorm();
    void evalModeDoesNotIterate();
};

void TestSpectralNorm::matchesLargestSingularValue_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("Linear") << int(LayerKind::Linear);
    QTest::newRow("Conv2d") << int(LayerKind::Conv2d);
    QTest::newRow("ConvTranspose2d") << int(LayerKind::ConvTranspose2d);
}

namespace {
LayerSpec layerOf(LayerKind kind)
{
    LayerSpec l = kind == LayerKind::Linear ? LayerSpec::linear(40, 24)
        : kind == LayerKind::Conv2d        ? LayerSpec::conv2d(6, 16, 3, 1, 1)
                                           : LayerSpec::convTranspose2d(16, 6, 4, 2, 1);
    l.spectralNorm = true;
    return l;
}
}  // namespace

void TestSpectralNorm::matchesLargestSingularValue()
{
    QFETCH(int, kind);
    WeightLayer layer(layerOf(LayerKind(kind)), at::make_generator<at::CPUGeneratorImpl>(7));
    layer->train();
    for (int i = 0; i < 50; ++i)
        layer->effectiveWeight();  // power iterations
    torch::NoGradGuard noGrad;
    const double estimate = layer->spectralNormEstimate().item<double>();
    const double exact = torch::linalg_svdvals(layer->weightMatrix(layer->weight)).max().item<double>();
    QVERIFY2(std::abs(estimate - exact) / exact < 1e-4, qPrintable(QStringLiteral("%1 vs %2").arg(estimate).arg(exact)));
}

void TestSpectralNorm::normalisedWeightHasUnitNorm()
{
    WeightLayer layer(layerOf(LayerKind::Conv2d), at::make_generator<at::CPUGeneratorImpl>(3));
    layer->train();
    torch::Tensor w;
    for (int i = 0; i < 50; ++i)
        w = layer->effectiveWeight();
    torch::NoGradGuard noGrad;
    const double sigma = torch::linalg_svdvals(layer->weightMatrix(w)).max().item<double>();
    QVERIFY(std::abs(sigma - 1.0) < 1e-4);
    // The forward pass uses the normalised weight.
    const torch::Tensor x = torch::randn({2, 6, 5, 5});
    layer->eval();
    const torch::Tensor expected = torch::conv2d(x, layer->weight / layer->spectralNormEstimate(), layer->bias, 1, 1);
    QVERIFY(torch::allclose(layer->forward(x), expected));
}

void TestSpectralNorm::evalModeDoesNotIterate()
{
    WeightLayer layer(layerOf(LayerKind::Linear), at::make_generator<at::CPUGeneratorImpl>(5));
    layer->eval();
    const torch::Tensor u = layer->u.clone();
    layer->forward(torch::randn({3, 40}));
    QVERIFY(torch::equal(u, layer->u));
    layer->train();
    layer->forward(torch::randn({3, 40}));
    QVERIFY(!torch::equal(u, layer->u));
}

QTEST_GUILESS_MAIN(TestSpectralNorm)
#include "tst_spectralnorm.moc"
