// Every loss against values computed by hand on fixed outputs.
#include "training/losses_p.h"

#include <torch/torch.h>

#include <QtTest>

#include <cmath>

namespace {
double sp(double x) { return std::log1p(std::exp(x)); }  // softplus
double sig(double x) { return 1.0 / (1.0 + std::exp(-x)); }
const std::vector<float> kReal = {2.0f, -0.5f};   // D outputs on real samples
const std::vector<float> kFake = {-1.0f, 0.25f};  // D outputs on generated samples
torch::Tensor t(const std::vector<float> &v) { return torch::tensor(v); }
}  // namespace

class TestLosses : public QObject {
    Q_OBJECT
private slots:
    void discriminator_data();
    void discriminator();
    void generator_data();
    void generator();
    void labelSmoothing();
    void meanScore();
};

void TestLosses::discriminator_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("real");
    QTest::addColumn<double>("fake");
    // BCE on logits: real part -log sigmoid(s) = softplus(-s); fake part -log(1 - sigmoid(s)) = softplus(s).
    const double bceReal = (-std::log(sig(2.0)) - std::log(sig(-0.5))) / 2;
    const double bceFake = (-std::log(1 - sig(-1.0)) - std::log(1 - sig(0.25))) / 2;
    QTest::newRow("minimax") << int(LossKind::Minimax) << bceReal << bceFake;
    QTest::newRow("non-saturating") << int(LossKind::NonSaturating) << bceReal << bceFake;
    // LSGAN: 0.5 E[(D(x) - 1)^2] + 0.5 E[D(G(z))^2]
    QTest::newRow("least-squares") << int(LossKind::LeastSquares) << 0.5 * (1.0 + 2.25) / 2 << 0.5 * (1.0 + 0.0625) / 2;
    // WGAN: -E[D(x)] + E[D(G(z))]
    QTest::newRow("wasserstein") << int(LossKind::Wasserstein) << -(2.0 - 0.5) / 2 << (-1.0 + 0.25) / 2;
    QTest::newRow("wasserstein-gp") << int(LossKind::WassersteinGP) << -0.75 << -0.375;
    // Hinge: E[max(0, 1 - D(x))] + E[max(0, 1 + D(G(z)))]
    QTest::newRow("hinge") << int(LossKind::Hinge) << (0.0 + 1.5) / 2 << (0.0 + 1.25) / 2;
}

void TestLosses::discriminator()
{
    QFETCH(int, kind);
    QFETCH(double, real);
    QFETCH(double, fake);
    const losses::DiscriminatorLoss l = losses::discriminator(LossKind(kind), t(kReal), t(kFake));
    QVERIFY(std::abs(l.real.item<double>() - real) < 1e-6);
    QVERIFY(std::abs(l.fake.item<double>() - fake) < 1e-6);
    QVERIFY(std::abs(l.total().item<double>() - (real + fake)) < 1e-6);
}

void TestLosses::generator_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("expected");
    // Saturating minimax: E[log(1 - D(G(z)))].
    QTest::newRow("minimax") << int(LossKind::Minimax) << (std::log(1 - sig(-1.0)) + std::log(1 - sig(0.25))) / 2;
    // Non-saturating: -E[log D(G(z))].
    QTest::newRow("non-saturating") << int(LossKind::NonSaturating) << (-std::log(sig(-1.0)) - std::log(sig(0.25))) / 2;
    QTest::newRow("least-squares") << int(LossKind::LeastSquares) << 0.5 * (4.0 + 0.5625) / 2;
    QTest::newRow("wasserstein") << int(LossKind::Wasserstein) << 0.375;
    QTest::newRow("hinge") << int(LossKind::Hinge) << 0.375;
}

void TestLosses::generator()
{
    QFETCH(int, kind);
    QFETCH(double, expected);
    QVERIFY(std::abs(losses::generator(LossKind(kind), t(kFake)).item<double>() - expected) < 1e-6);
}

void TestLosses::labelSmoothing()
{
    // One-sided smoothing 0.1: real target 0.9 -> 0.9 softplus(-s) + 0.1 softplus(s); fakes unchanged.
    const losses::DiscriminatorLoss l = losses::discriminator(LossKind::NonSaturating, t(kReal), t(kFake), 0.9);
    const double real = (0.9 * sp(-2.0) + 0.1 * sp(2.0) + 0.9 * sp(0.5) + 0.1 * sp(-0.5)) / 2;
    QVERIFY(std::abs(l.real.item<double>() - real) < 1e-6);
    QVERIFY(std::abs(l.fake.item<double>() - (sp(-1.0) + sp(0.25)) / 2) < 1e-6);
}

void TestLosses::meanScore()
{
    QVERIFY(std::abs(losses::meanScore(LossKind::NonSaturating, t(kReal)).item<double>() - (sig(2.0) + sig(-0.5)) / 2) < 1e-6);
    QVERIFY(std::abs(losses::meanScore(LossKind::Hinge, t(kReal)).item<double>() - 0.75) < 1e-6);
}

QTEST_GUILESS_MAIN(TestLosses)
#include "tst_losses.moc"
