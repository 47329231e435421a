// The engine's ConvTranspose2d path equals LibTorch's conv_transpose2d in value and gradients.
#include "nn/torchmodules_p.h"

#include <QtTest>

class TestFastConv : public QObject {
    Q_OBJECT
private slots:
    void equalsLibTorch_data();
    void equalsLibTorch();
};

void TestFastConv::equalsLibTorch_data()
{
    QTest::addColumn<int>("in");
    QTest::addColumn<int>("out");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("padding");
    QTest::addColumn<int>("outputPadding");
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("bias");
    QTest::newRow("dcgan 128->64 k4 s2 p1") << 128 << 64 << 4 << 2 << 1 << 0 << 7 << false;
    QTest::newRow("dcgan 64->1 k4 s2 p1 bias") << 64 << 1 << 4 << 2 << 1 << 0 << 14 << true;
    QTest::newRow("keras same k5 s2 p2 op1") << 16 << 8 << 5 << 2 << 2 << 1 << 7 << true;
    QTest::newRow("keras same k5 s1 p2") << 16 << 8 << 5 << 1 << 2 << 0 << 7 << true;
    QTest::newRow("k3 s3 p0 op2") << 4 << 6 << 3 << 3 << 0 << 2 << 5 << true;
}

void TestFastConv::equalsLibTorch()
{
    QFETCH(int, in);
    QFETCH(int, out);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(int, padding);
    QFETCH(int, outputPadding);
    QFETCH(int, size);
    QFETCH(bool, bias);
    torch::manual_seed(1);
    const torch::Tensor x = torch::randn({5, in, size, size}, torch::requires_grad());
    const torch::Tensor w = torch::randn({in, out, kernel, kernel}, torch::requires_grad());
    const torch::Tensor b = bias ? torch::randn({out}, torch::requires_grad()) : torch::Tensor();
    const torch::Tensor reference = torch::conv_transpose2d(x, w, b, stride, padding, outputPadding);
    const torch::Tensor ours = convTranspose2d(x, w, b, stride, padding, outputPadding);
    QCOMPARE(ours.sizes().vec(), reference.sizes().vec());
    const double scale = reference.abs().max().item<double>();
    QVERIFY((ours - reference).abs().max().item<double>() < 1e-5 * scale);

    const torch::Tensor g = torch::randn_like(reference);
    std::vector<torch::Tensor> inputs = {x, w};
    if (bias)
        inputs.push_back(b);
    const auto refGrads = torch::autograd::grad({reference}, inputs, {g});
    const auto ourGrads = torch::autograd::grad({ours}, inputs, {g});
    for (size_t i = 0; i < inputs.size(); ++i) {
        const double s = refGrads[i].abs().max().item<double>();
        QVERIFY2((ourGrads[i] - refGrads[i]).abs().max().item<double>() < 1e-5 * s, qPrintable(QStringLiteral("gradient %1").arg(i)));
    }
}

QTEST_GUILESS_MAIN(TestFastConv)
#include "tst_fastconv.moc"
