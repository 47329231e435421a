// The hand-written MLP arithmetic against autograd on the same modules.
#include "nn/torchmodules_p.h"
#include "training/fusedmlp_p.h"

#include <ATen/CPUGeneratorImpl.h>

#include <QtTest>

class TestFusedMlp : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void recognisesPlainMlps();
    void forwardAndGradientsMatchAutograd_data();
    void forwardAndGradientsMatchAutograd();
    void r1PenaltyMatchesDoubleBackward();
    void adamStepMatchesTorchAdam();
};

namespace {

at::Generator seeded(uint64_t seed) { return at::make_generator<at::CPUGeneratorImpl>(seed); }

NetworkSpec mlp(LayerKind activation, int in, int out, bool leadingFlatten = false)
{
    NetworkSpec n;
    auto act = [&] {
        LayerSpec l;
        l.kind = activation;
        l.slope = 0.2;
        l.alpha = 0.7;
        return l;
    };
    if (leadingFlatten) {
        LayerSpec f;
        f.kind = LayerKind::Flatten;
        n.layers.push_back(f);
    }
    n.layers.push_back(LayerSpec::linear(in, 24));
    n.layers.push_back(act());
    n.layers.push_back(LayerSpec::linear(24, 16, false));
    n.layers.push_back(act());
    n.layers.push_back(LayerSpec::linear(16, out));
    n.assignMissingIds(QStringLiteral("l"));
    return n;
}

torch::nn::Sequential build(const NetworkSpec &n, uint64_t seed = 5)
{
    return modulebuilder::build(n, seeded(seed));
}

void expectClose(const at::Tensor &a, const at::Tensor &b, const char *what, double tolerance = 1e-5)
{
    QVERIFY2(a.sizes() == b.sizes(), what);
    const double scale = std::max(1.0, b.abs().max().item<double>());
    const double diff = (a - b).abs().max().item<double>();
    QVERIFY2(diff <= tolerance * scale, qPrintable(QStringLiteral("%1 differs by %2 (scale %3)").arg(what).arg(diff).arg(scale)));
}

std::vector<at::Tensor> gradsOf(torch::nn::Sequential &s)
{
    std::vector<at::Tensor> g;
    for (const at::Tensor &p : s->parameters())
        g.push_back(p.grad().defined() ? p.grad().clone() : at::zeros_like(p));
    return g;
}

void zeroGrads(torch::nn::Sequential &s)
{
    for (at::Tensor &p : s->parameters())
        if (p.grad().defined())
            p.mutable_grad().zero_();
}

}  // namespace

void TestFusedMlp::initTestCase() { at::set_num_threads(1); }

void TestFusedMlp::recognisesPlainMlps()
{
    auto plain = build(mlp(LayerKind::LeakyReLU, 2, 1));
    const auto net = fusedmlp::extract(plain);
    QVERIFY(net.has_value());
    QCOMPARE(int(net->layers.size()), 3);
    QVERIFY(net->layers[0].activation == fusedmlp::Activation::LeakyReLU);
    QCOMPARE(net->layers[0].parameter, 0.2f);
    QVERIFY(net->layers[2].activation == fusedmlp::Activation::None);
    QVERIFY(!net->layers[1].bias.defined());
    QVERIFY(net->piecewiseLinear());
    // The extracted tensors are the modules' own parameters.
    QCOMPARE(net->layers[0].weight.data_ptr(), plain->parameters()[0].data_ptr());

    auto smooth = build(mlp(LayerKind::Tanh, 2, 1));
    QVERIFY(fusedmlp::extract(smooth).has_value());
    QVERIFY(!fusedmlp::extract(smooth)->piecewiseLinear());

    NetworkSpec withNorm = mlp(LayerKind::ReLU, 2, 1);
    withNorm.layers.insert(withNorm.layers.begin() + 1, LayerSpec::batchNorm1d(24));
    withNorm.layers[1].id = QStringLiteral("bn");
    auto bn = build(withNorm);
    QVERIFY(!fusedmlp::extract(bn).has_value());

    NetworkSpec sn = mlp(LayerKind::ReLU, 2, 1);
    sn.layers[0].spectralNorm = true;
    auto snNet = build(sn);
    QVERIFY(!fusedmlp::extract(snNet).has_value());

    NetworkSpec twoActivations = mlp(LayerKind::ReLU, 2, 1);
    LayerSpec tanh;
    tanh.kind = LayerKind::Tanh;
    tanh.id = QStringLiteral("t");
    twoActivations.layers.insert(twoActivations.layers.begin() + 2, tanh);
    auto twoNet = build(twoActivations);
    QVERIFY(!fusedmlp::extract(twoNet).has_value());

    NetworkSpec conv;
    conv.layers = {LayerSpec::conv2d(1, 4, 3, 1, 1)};
    conv.assignMissingIds(QStringLiteral("c"));
    auto convNet = build(conv);
    QVERIFY(!fusedmlp::extract(convNet).has_value());
}

void TestFusedMlp::forwardAndGradientsMatchAutograd_data()
{
    QTest::addColumn<int>("activation");
    QTest::addColumn<bool>("images");
    QTest::newRow("ReLU") << int(LayerKind::ReLU) << false;
    QTest::newRow("LeakyReLU") << int(LayerKind::LeakyReLU) << false;
    QTest::newRow("Tanh") << int(LayerKind::Tanh) << false;
    QTest::newRow("Sigmoid") << int(LayerKind::Sigmoid) << false;
    QTest::newRow("ELU") << int(LayerKind::ELU) << false;
    QTest::newRow("LeakyReLU, flattened 3x4x4 input") << int(LayerKind::LeakyReLU) << true;
}

void TestFusedMlp::forwardAndGradientsMatchAutograd()
{
    QFETCH(int, activation);
    QFETCH(bool, images);
    const int in = images ? 3 * 4 * 4 : 5;
    auto seq = build(mlp(LayerKind(activation), in, 3, images));
    const auto net = fusedmlp::extract(seq);
    QVERIFY(net.has_value());
    QCOMPARE(net->flattenInput, images);

    const at::Tensor x = images ? torch::randn({9, 3, 4, 4}, seeded(1)) : torch::randn({9, in}, seeded(1));
    const at::Tensor upstream = torch::randn({9, 3}, seeded(2));  // dLoss/dOutput

    const at::Tensor xa = x.clone().requires_grad_(true);
    const at::Tensor ya = seq->forward(xa);
    (ya * upstream).sum().backward();
    const std::vector<at::Tensor> expected = gradsOf(seq);
    zeroGrads(seq);

    fusedmlp::Pass pass;
    const at::Tensor y = fusedmlp::forward(*net, x, &pass);
    expectClose(y, ya.detach(), "output");
    const at::Tensor dx = fusedmlp::backward(*net, pass, upstream, true, true);
    expectClose(dx, xa.grad(), "input gradient");
    QCOMPARE(dx.sizes(), x.sizes());
    const std::vector<at::Tensor> got = gradsOf(seq);
    for (size_t i = 0; i < got.size(); ++i)
        expectClose(got[i], expected[i], qPrintable(QStringLiteral("parameter %1 gradient").arg(i)));

    // Without parameter gradients nothing is accumulated.
    zeroGrads(seq);
    fusedmlp::backward(*net, pass, upstream, false, true);
    for (const at::Tensor &g : gradsOf(seq))
        QCOMPARE(g.abs().sum().item<double>(), 0.0);
}

void TestFusedMlp::r1PenaltyMatchesDoubleBackward()
{
    auto seq = build(mlp(LayerKind::LeakyReLU, 2, 1), 11);
    const auto net = fusedmlp::extract(seq);
    QVERIFY(net.has_value());
    const double gamma = 3.0;
    const at::Tensor x = torch::randn({33, 2}, seeded(4));

    const at::Tensor xa = x.clone().requires_grad_(true);
    const at::Tensor out = seq->forward(xa);
    const at::Tensor g = torch::autograd::grad({out.sum()}, {xa}, {}, true, true)[0];
    const at::Tensor penalty = 0.5 * gamma * g.pow(2).sum(1).mean();
    penalty.backward();
    const std::vector<at::Tensor> expected = gradsOf(seq);
    zeroGrads(seq);

    fusedmlp::Pass pass;
    fusedmlp::forward(*net, x, &pass);
    const double value = fusedmlp::r1Penalty(*net, pass, gamma);
    QVERIFY2(std::abs(value - penalty.item<double>()) <= 1e-5 * std::abs(penalty.item<double>()),
             qPrintable(QStringLiteral("%1 vs %2").arg(value).arg(penalty.item<double>())));
    QVERIFY(value > 0);
    const std::vector<at::Tensor> got = gradsOf(seq);
    double total = 0;
    for (size_t i = 0; i < got.size(); ++i) {
        expectClose(got[i], expected[i], qPrintable(QStringLiteral("parameter %1 gradient").arg(i)));
        total += got[i].abs().sum().item<double>();
    }
    QVERIFY(total > 0);  // the weights do get gradients from the penalty

    // On a restricted pass (the real half of a combined batch) it equals the penalty of that half.
    fusedmlp::Pass both;
    fusedmlp::forward(*net, torch::cat({x, torch::randn({7, 2}, seeded(9))}), &both);
    zeroGrads(seq);
    const double half = fusedmlp::r1Penalty(*net, both.rows(0, 33), gamma);
    QVERIFY(std::abs(half - value) <= 1e-5 * value);
    const std::vector<at::Tensor> halfGrads = gradsOf(seq);
    for (size_t i = 0; i < got.size(); ++i)
        expectClose(halfGrads[i], expected[i], "restricted pass gradient");
}

void TestFusedMlp::adamStepMatchesTorchAdam()
{
    for (const double decay : {0.0, 0.01}) {
        auto a = build(mlp(LayerKind::ReLU, 4, 2), 3);
        auto b = build(mlp(LayerKind::ReLU, 4, 2), 3);
        const auto options = torch::optim::AdamOptions(2e-3).betas({0.5, 0.9}).weight_decay(decay);
        torch::optim::Adam optA(a->parameters(), options), optB(b->parameters(), options);
        for (int step = 0; step < 6; ++step) {
            const at::Tensor x = torch::randn({8, 4}, seeded(100 + step));
            for (auto *pair : {&a, &b}) {
                auto &net = *pair;
                zeroGrads(net);
                net->forward(x).pow(2).sum().backward();
            }
            optA.step();
            QVERIFY(fusedmlp::adamStep(optB));
            for (size_t i = 0; i < a->parameters().size(); ++i)
                expectClose(b->parameters()[i].detach(), a->parameters()[i].detach(), "parameter after Adam", 1e-6);
        }
        // The state is torch's own: a torch step continues from it.
        zeroGrads(a);
        zeroGrads(b);
        const at::Tensor x = torch::randn({8, 4}, seeded(7));
        a->forward(x).sum().backward();
        b->forward(x).sum().backward();
        optA.step();
        optB.step();
        for (size_t i = 0; i < a->parameters().size(); ++i)
            expectClose(b->parameters()[i].detach(), a->parameters()[i].detach(), "parameter after mixed steps", 1e-6);
    }
    // Not an Adam: left to the caller.
    auto c = build(mlp(LayerKind::ReLU, 4, 2));
    torch::optim::SGD sgd(c->parameters(), torch::optim::SGDOptions(0.1));
    QVERIFY(!fusedmlp::adamStep(sgd));
    torch::optim::Adam ams(c->parameters(), torch::optim::AdamOptions(0.1).amsgrad(true));
    QVERIFY(!fusedmlp::adamStep(ams));
}

QTEST_GUILESS_MAIN(TestFusedMlp)
#include "tst_fusedmlp.moc"
