// The trainer on small real data: every loss trains each network the right way, a failed step
// is undone whole, the engine matches PyTorch at step 1, the hand-written MLP path matches
// autograd, and slow motion's substeps are the step itself.
#include "trainersupport.h"

#include "spec/presets.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace trainersupport;

namespace {
// The loss setup of a table-driven test: columns declared by addLossColumns, applied to a spec
// by applyLossRow (from inside the test function, where the row's data is current).
void addLossColumns()
{
    QTest::addColumn<int>("loss");
    QTest::addColumn<double>("r1");
    QTest::addColumn<double>("smoothing");
    QTest::addColumn<double>("noise");
    QTest::addColumn<int>("dSteps");
}

void applyLossRow(ExperimentSpec &s)
{
    QFETCH(int, loss);
    QFETCH(double, r1);
    QFETCH(double, smoothing);
    QFETCH(double, noise);
    QFETCH(int, dSteps);
    s.loss.kind = LossKind(loss);
    s.loss.r1Gamma = r1;
    s.loss.labelSmoothing = smoothing;
    s.loss.instanceNoise = noise;
    s.loss.instanceNoiseSteps = 10;
    s.dStepsPerG = dSteps;
}

}  // namespace

class TestTrainer : public QObject {
    Q_OBJECT
private slots:
    void dcganOnFashionMnist();
    void firstStepMatchesPyTorch();
    void everyLossTrains_data();
    void everyLossTrains();
    void sameSeedSameRun();
    void handWrittenMlpMatchesAutograd_data();
    void handWrittenMlpMatchesAutograd();
    void failedStepIsUndoneWholly_data();
    void failedStepIsUndoneWholly();
    void substepsAreTheStep_data();
    void substepsAreTheStep();
    void abandonedStepLeavesNoTrace();
    void everyPresetTrainsSteps();
    void instanceNormTrainsAndResumes();
};

void TestTrainer::dcganOnFashionMnist()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    spec.data.limit = 256;
    spec.batchSize = 16;
    spec.threads = 1;
    MAKE_TRAINER(trainer, spec);
    QCOMPARE(trainer->data().count, std::int64_t(256));
    const SampleBatch before = trainer->sampleFixed(16);
    StepRecord r;
    QString error;
    for (int i = 0; i < 3; ++i)
        QVERIFY2(trainer->step(&r, &error), qPrintable(error));
    QCOMPARE(trainer->currentStep(), std::int64_t(3));
    QCOMPARE(int(trainer->history().size()), 3);
    QVERIFY(std::isfinite(r.lossD) && std::isfinite(r.lossG));
    QVERIFY(r.dReal > 0 && r.dReal < 1 && r.dFake > 0 && r.dFake < 1);  // probabilities for the sigmoid loss
    QVERIFY(r.gradNormD > 0 && r.gradNormG > 0);
    QVERIFY(r.seconds > 0);
    const SampleBatch after = trainer->sampleFixed(16);
    QCOMPARE(after.count, 16);
    QCOMPARE(after.channels, 1);
    QCOMPARE(after.height, 28);
    QCOMPARE(after.pixels.size(), size_t(16 * 28 * 28));
    QVERIFY(before.pixels != after.pixels);  // the generator changed
    // The evaluation noise is fixed: sampling twice gives the same images.
    QCOMPARE(trainer->sampleFixed(16).pixels, after.pixels);
}

// With the same seed the engine draws its initial weights, the first permutation of the data
// and the first noise batch exactly as tests/benchmarks/dcgan_fashion.py does in PyTorch
// (torch.manual_seed(3), the preset's modules, DCGAN init). The expected values are that
// script's first row of --metrics-out, from `dcgan_fashion.py --steps 1 --warmup 0 --threads 1
// --seed 3` with Debian's python3-torch 1.13.1. Any difference in the order of the random draws
// changes them in the second decimal; float rounding (other kernels, other BLAS) in the sixth.
void TestTrainer::firstStepMatchesPyTorch()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    spec.seed = 3;
    spec.threads = 1;
    MAKE_TRAINER(trainer, spec);
    QCOMPARE(trainer->data().count, std::int64_t(60000));  // the permutation is over all of it
    StepRecord r;
    QString error;
    QVERIFY2(trainer->step(&r, &error), qPrintable(error));
    const auto close = [](double ours, double pytorch) { return std::abs(ours - pytorch) <= 1e-5 * std::max(1.0, std::abs(pytorch)); };
    QVERIFY2(close(r.lossD, 1.47645068), qPrintable(QString::number(r.lossD, 'g', 9)));
    QVERIFY2(close(r.lossG, 1.13238657), qPrintable(QString::number(r.lossG, 'g', 9)));
    QVERIFY2(close(r.dReal, 0.45214051), qPrintable(QString::number(r.dReal, 'g', 9)));
    QVERIFY2(close(r.dFake, 0.426932931), qPrintable(QString::number(r.dFake, 'g', 9)));
}

void TestTrainer::everyLossTrains_data()
{
    addLossColumns();
    QTest::addColumn<double>("ema");
    QTest::newRow("minimax") << int(LossKind::Minimax) << 0.0 << 0.0 << 0.0 << 1 << 0.0;
    QTest::newRow("non-saturating + smoothing") << int(LossKind::NonSaturating) << 0.0 << 0.1 << 0.0 << 1 << 0.0;
    QTest::newRow("least-squares + instance noise") << int(LossKind::LeastSquares) << 0.0 << 0.0 << 0.5 << 1 << 0.0;
    QTest::newRow("wasserstein, 5 critic steps") << int(LossKind::Wasserstein) << 0.0 << 0.0 << 0.0 << 5 << 0.0;
    QTest::newRow("wasserstein-gp") << int(LossKind::WassersteinGP) << 0.0 << 0.0 << 0.0 << 2 << 0.0;
    QTest::newRow("hinge + R1 + EMA") << int(LossKind::Hinge) << 1.0 << 0.0 << 0.0 << 1 << 0.99;
}

void TestTrainer::everyLossTrains()
{
    // Each loss must train both networks the right way round; a sign error in a loss or its
    // gradient reverses one of these. Each network is trained against a frozen other (learning
    // rate 0), so that the game's back and forth cannot hide the direction.
    QFETCH(double, ema);
    QString error;
    ExperimentSpec s = smallMlp();
    applyLossRow(s);
    s.emaDecay = ema;

    // D alone: against a fixed G it soon scores real points above generated ones.
    ExperimentSpec dOnly = s;
    dOnly.optimizerG.lr = 0;
    dOnly.optimizerD.lr = 1e-2;
    MAKE_TRAINER(d, dOnly);
    for (int i = 0; i < 30; ++i)
        QVERIFY2(d->step(nullptr, &error), qPrintable(error));
    double margin = 0;
    for (size_t i = 20; i < 30; ++i)
        margin += (d->history()[i].dReal - d->history()[i].dFake) / 10;
    const double startMargin = d->history()[0].dReal - d->history()[0].dFake;
    QVERIFY2(margin > startMargin && margin > 0, qPrintable(QStringLiteral("D(x) - D(G(z)): %1 at first, %2 at the end").arg(startMargin).arg(margin)));

    // G alone: against a fixed D its loss falls.
    ExperimentSpec gOnly = s;
    gOnly.optimizerD.lr = 0;
    gOnly.loss.clip = 1e3;  // WGAN: clipping a frozen critic must not change it either
    MAKE_TRAINER(g, gOnly);
    StepRecord r;
    for (int i = 0; i < 30; ++i)
        QVERIFY2(g->step(&r, &error), qPrintable(error));
    QVERIFY(std::isfinite(r.lossD) && std::isfinite(r.lossG));
    double lateLossG = 0;
    for (size_t i = 20; i < 30; ++i)
        lateLossG += g->history()[i].lossG / 10;
    QVERIFY2(lateLossG < g->history()[0].lossG,
             qPrintable(QStringLiteral("G's loss %1 at first, %2 at the end").arg(g->history()[0].lossG).arg(lateLossG)));

    const SampleBatch points = g->sample(10, 3);
    QCOMPARE(points.count, 10);
    QCOMPARE(points.points.size(), size_t(20));
    QVERIFY(!points.isImages());
}

void TestTrainer::sameSeedSameRun()
{
    MAKE_TRAINER(a, smallMlp());
    MAKE_TRAINER(b, smallMlp());
    QString error;
    for (int i = 0; i < 10; ++i) {
        QVERIFY(a->step(nullptr, &error));
        QVERIFY(b->step(nullptr, &error));
    }
    for (size_t i = 0; i < 10; ++i)
        QVERIFY(sameRecords(a->history()[i], b->history()[i]));
    ExperimentSpec other = smallMlp();
    other.seed = 2;
    MAKE_TRAINER(c, other);
    QVERIFY(c->step(nullptr, &error));
    QVERIFY(!sameRecords(a->history()[0], c->history()[0]));
}

void TestTrainer::handWrittenMlpMatchesAutograd_data()
{
    addLossColumns();
    QTest::addColumn<int>("optimizer");
    const int adam = int(OptimizerKind::Adam), sgd = int(OptimizerKind::SGD);
    QTest::newRow("non-saturating + R1 (the 2D presets)") << int(LossKind::NonSaturating) << 1.0 << 0.0 << 0.0 << 1 << adam;
    QTest::newRow("minimax + smoothing") << int(LossKind::Minimax) << 0.0 << 0.1 << 0.0 << 1 << adam;
    QTest::newRow("least-squares + instance noise") << int(LossKind::LeastSquares) << 0.0 << 0.0 << 0.3 << 1 << adam;
    QTest::newRow("wasserstein, 3 critic steps") << int(LossKind::Wasserstein) << 0.0 << 0.0 << 0.0 << 3 << adam;
    // At the start of hinge training every hinge term is active, and the real and fake parts of
    // some bias gradients cancel: exactly 0 in one order of summation, 1e-11 in another. Adam
    // turns that into steps a large fraction of the learning rate apart, so compare with SGD.
    QTest::newRow("hinge + R1, SGD with momentum") << int(LossKind::Hinge) << 2.0 << 0.0 << 0.0 << 2 << sgd;
}

void TestTrainer::handWrittenMlpMatchesAutograd()
{
    QFETCH(int, optimizer);
    ExperimentSpec s = smallMlp();
    applyLossRow(s);
    s.optimizerD.kind = s.optimizerG.kind = OptimizerKind(optimizer);
    s.optimizerD.momentum = s.optimizerG.momentum = 0.9;
    s.generator.layers.insert(s.generator.layers.begin() + 2, LayerSpec::linear(32, 32));
    s.generator.layers.insert(s.generator.layers.begin() + 3, LayerSpec::simple(LayerKind::Tanh));
    s.emaDecay = 0.9;
    s.lrDecayTo = 0.5;
    s.steps = 15;
    MAKE_TRAINER(fused, s);
    MAKE_TRAINER(reference, s);
    reference->setFusedMlpAllowed(false);
    QVERIFY(fused->usesFusedMlp());
    QVERIFY(!reference->usesFusedMlp());
    QString error;
    auto close = [](double a, double b) { return std::abs(a - b) <= 1e-4 * std::max(1.0, std::abs(b)); };
    for (int i = 0; i < 15; ++i) {
        StepRecord a, b;
        QVERIFY2(fused->step(&a, &error), qPrintable(error));
        QVERIFY2(reference->step(&b, &error), qPrintable(error));
        const QString where = QStringLiteral("step %1: D %2 vs %3, G %4 vs %5, |gD| %6 vs %7, |gG| %8 vs %9")
                                  .arg(i + 1).arg(a.lossD).arg(b.lossD).arg(a.lossG).arg(b.lossG)
                                  .arg(a.gradNormD).arg(b.gradNormD).arg(a.gradNormG).arg(b.gradNormG);
        QVERIFY2(close(a.lossD, b.lossD) && close(a.lossG, b.lossG) && close(a.lossDReal, b.lossDReal)
                     && close(a.dReal, b.dReal) && close(a.dFake, b.dFake) && close(a.gradNormD, b.gradNormD)
                     && close(a.gradNormG, b.gradNormG),
                 qPrintable(where));
    }
    const SampleBatch a = fused->sampleFixed(32), b = reference->sampleFixed(32);
    QCOMPARE(a.points.size(), b.points.size());
    for (size_t i = 0; i < a.points.size(); ++i)
        QVERIFY2(close(a.points[i], b.points[i]), qPrintable(QStringLiteral("sample value %1: %2 vs %3").arg(i).arg(a.points[i]).arg(b.points[i])));
}

void TestTrainer::failedStepIsUndoneWholly_data()
{
    QTest::addColumn<QString>("where");  // the update the failure must come from
    QTest::addColumn<bool>("plainMlp");
    QTest::newRow("NaN at a later D update, hand-written MLP") << QStringLiteral("discriminator update 3 of 3") << true;
    QTest::newRow("NaN at a later D update, autograd with BatchNorm") << QStringLiteral("discriminator update 3 of 3") << false;
    QTest::newRow("infinite G loss after the D update, hand-written MLP") << QStringLiteral("generator update") << true;
    QTest::newRow("infinite G loss after the D update, autograd with BatchNorm") << QStringLiteral("generator update") << false;
}

void TestTrainer::failedStepIsUndoneWholly()
{
    QFETCH(QString, where);
    QFETCH(bool, plainMlp);
    QTemporaryDir dir;
    const bool generatorSide = where.startsWith(QStringLiteral("generator"));
    ExperimentSpec s = smallMlp(16);
    s.batchSize = 8;
    std::shared_ptr<Dataset> data;
    if (generatorSide) {
        // Real points near the float limit: D's loss and gradient are finite, but one plain SGD
        // step of rate 10 takes D's weights to ~3e38, and its scores of G's samples overflow in
        // the G update that follows.
        s.discriminator.layers = {LayerSpec::linear(2, 1)};
        s.optimizerD.kind = OptimizerKind::SGD;
        s.optimizerD.lr = 10;
        data = points(std::vector<float>(2 * 24, 3.3e37f));
    } else {
        // One NaN among 96 points, 3 D updates of 8 per step: a few steps succeed (optimiser
        // states fill), then one fails at whichever D update draws the NaN.
        s.dStepsPerG = 3;
        std::vector<float> xy;
        for (int i = 0; i < 96; ++i)
            xy.insert(xy.end(), {std::cos(0.1f * float(i)), std::sin(0.1f * float(i))});
        xy[2 * 50 + 1] = std::numeric_limits<float>::quiet_NaN();
        data = points(xy);
    }
    if (!plainMlp) {
        s.generator.layers.insert(s.generator.layers.begin() + 1, LayerSpec::batchNorm1d(16));
        if (!generatorSide)
            s.discriminator.layers.insert(s.discriminator.layers.begin() + 1, LayerSpec::batchNorm1d(16));
    }
    s.emaDecay = 0.9;
    s.lrDecayTo = 0.2;  // the learning rates change every step: a failed step must put them back too
    s.steps = 10;
    // The failing update depends on the draws: search the seeds for one that fails there.
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        s.seed = seed;
        QString error;
        auto trainer = Trainer::create(s, data, &error);
        QVERIFY2(trainer, qPrintable(error));
        QCOMPARE(trainer->usesFusedMlp(), plainMlp);
        QByteArray before;
        bool failed = false;
        for (int i = 0; i < 8 && !failed; ++i) {
            before = stateBytes(*trainer, dir.filePath(QStringLiteral("before.pt")));
            failed = !trainer->step(nullptr, &error);
        }
        // The D case wants some successful steps first, so that optimiser states exist.
        if (!failed || !error.contains(where) || (!generatorSide && trainer->currentStep() == 0))
            continue;
        const std::int64_t step = trainer->currentStep();
        QVERIFY2(error.startsWith(QStringLiteral("step %1, %2: the ").arg(step + 1).arg(where)), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("the step was undone")), qPrintable(error));
        QVERIFY(!before.isEmpty());
        QCOMPARE(trainer->history().size(), size_t(step));
        // Nothing of the failed step is kept: a checkpoint now is the checkpoint before it.
        QVERIFY(stateBytes(*trainer, dir.filePath(QStringLiteral("after.pt"))) == before);
        // And the same step, tried again, fails the same way (the random stream was put back).
        QString again;
        QVERIFY(!trainer->step(nullptr, &again));
        QCOMPARE(again, error);
        return;
    }
    QFAIL(qPrintable(QStringLiteral("no seed from 1 to 60 failed at %1").arg(where)));
}

void TestTrainer::substepsAreTheStep_data()
{
    addLossColumns();
    QTest::addColumn<bool>("images");     // dcgan-fashion on a few Fashion-MNIST images
    QTest::addColumn<bool>("batchNorm");  // a BatchNorm in G (the autograd path)
    const int ns = int(LossKind::NonSaturating);
    QTest::newRow("non-saturating, hand-written MLP") << ns << 0.0 << 0.0 << 0.0 << 1 << false << false;
    QTest::newRow("non-saturating + R1, 2 D updates, BatchNorm in G") << ns << 1.0 << 0.0 << 0.0 << 2 << false << true;
    QTest::newRow("WGAN-GP, 3 critic updates") << int(LossKind::WassersteinGP) << 0.0 << 0.0 << 0.0 << 3 << false << false;
    QTest::newRow("WGAN-GP, BatchNorm in G") << int(LossKind::WassersteinGP) << 0.0 << 0.0 << 0.0 << 1 << false << true;
    QTest::newRow("WGAN clipping + instance noise") << int(LossKind::Wasserstein) << 0.0 << 0.0 << 0.3 << 2 << false << false;
    QTest::newRow("minimax + label smoothing") << int(LossKind::Minimax) << 0.0 << 0.1 << 0.0 << 1 << false << false;
    QTest::newRow("hinge, spectral norm in both networks") << int(LossKind::Hinge) << 0.0 << 0.0 << 0.0 << 1 << false << false;
    QTest::newRow("dcgan-fashion, non-saturating") << ns << 0.0 << 0.0 << 0.0 << 1 << true << false;
    QTest::newRow("dcgan-fashion, WGAN-GP") << int(LossKind::WassersteinGP) << 0.0 << 0.0 << 0.0 << 1 << true << false;
}

// Slow motion shows the real training: a step taken substep by substep leaves the networks,
// optimisers, random stream and data position exactly as one ordinary step does, so the steps
// after it are bit for bit the same too. The substeps come in their order and report the
// numbers the step records; the arrows of substep 6 are the generator's push of the updated D.
void TestTrainer::substepsAreTheStep()
{
    QFETCH(bool, images);
    QFETCH(bool, batchNorm);
    QFETCH(int, dSteps);
    ExperimentSpec s = smallMlp();
    if (images) {
        QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &s), QString());
        s.data.limit = 64;
        s.batchSize = 8;
        s.threads = 1;
    }
    applyLossRow(s);
    const bool spectral = QByteArray(QTest::currentDataTag()).contains("spectral");
    if (spectral)
        for (NetworkSpec *net : {&s.generator, &s.discriminator})
            for (LayerSpec &l : net->layers)
                l.spectralNorm = l.kind == LayerKind::Linear;
    if (batchNorm)
        s.generator.layers.insert(s.generator.layers.begin() + 1, LayerSpec::batchNorm1d(32));
    s.emaDecay = 0.9;
    s.lrDecayTo = 0.5;
    s.steps = 6;
    MAKE_TRAINER(plain, s);
    MAKE_TRAINER(slow, s);
    QString error;
    const Substep dPart[] = {Substep::Draw, Substep::Generate, Substep::Score, Substep::DiscriminatorLoss,
                             Substep::DiscriminatorUpdate};
    for (int step = 1; step <= 3; ++step) {
        StepRecord expected;
        QVERIFY2(plain->step(&expected, &error), qPrintable(error));
        std::vector<Substep> order;
        for (int k = 0; k < dSteps; ++k)
            order.insert(order.end(), std::begin(dPart), std::end(dPart));
        order.insert(order.end(), {Substep::GeneratorLoss, Substep::GeneratorUpdate});
        std::shared_ptr<DiscriminatorCopy> updatedD;
        SubstepReport report;
        for (size_t i = 0; i < order.size(); ++i) {
            QVERIFY2(slow->substep(&report, &error), qPrintable(error));
            const QString where = QStringLiteral("step %1, substep call %2").arg(step).arg(i + 1);
            QVERIFY2(report.substep == order[i], qPrintable(where));
            QCOMPARE(report.step, std::int64_t(step));
            QCOMPARE(report.complete, i + 1 == order.size());
            QCOMPARE(slow->stepInProgress(), i + 1 < order.size());
            QCOMPARE(slow->currentStep(), std::int64_t(i + 1 == order.size() ? step : step - 1));
            QCOMPARE(report.dUpdates, dSteps);
            QVERIFY2(report.real.count > 0 && (report.substep == Substep::Draw) == (report.fake.count == 0), qPrintable(where));
            if (report.substep == Substep::Score)
                QVERIFY(report.realScores.size() == size_t(report.real.count) && report.fakeScores.size() == size_t(report.fake.count));
            if (report.substep == Substep::DiscriminatorUpdate) {
                QVERIFY(report.updateNormD > 0 && report.weightNormD > 0);
                if (report.dUpdate == dSteps && !images && s.loss.instanceNoise == 0)
                    updatedD = slow->copyDiscriminator();
            }
            if (report.substep == Substep::GeneratorLoss && updatedD) {
                // -dl/dx of each shown fake under the D just updated, as the 2D lab computes it.
                const std::vector<float> push = updatedD->generatorPush(report.fake.points, report.fake.count);
                QCOMPARE(report.push.size(), push.size());
                for (size_t j = 0; j < push.size(); ++j)
                    QVERIFY2(std::abs(report.push[j] - push[j]) <= 1e-4f * std::max(1.f, std::abs(push[j])),
                             qPrintable(QStringLiteral("%1: push %2: %3 vs %4").arg(where).arg(j).arg(report.push[j]).arg(push[j])));
            }
        }
        // The last report holds the whole step, and its figures are the step's record.
        QVERIFY2(sameRecords(report.record, expected), qPrintable(QStringLiteral("step %1: L_D %2 vs %3, L_G %4 vs %5")
                     .arg(step).arg(report.record.lossD).arg(expected.lossD).arg(report.record.lossG).arg(expected.lossG)));
        QCOMPARE(report.lossD, expected.lossD);
        QCOMPARE(report.lossReal + report.lossFake + report.penalty, expected.lossD);
        QCOMPARE(report.lossG, expected.lossG);
        QCOMPARE(report.meanReal, expected.dReal);
        QCOMPARE(report.meanFake, expected.dFake);
        QVERIFY(report.updateNormG > 0);
        if (s.loss.kind == LossKind::WassersteinGP)
            QVERIFY(report.penalty > 0);
        // dcgan-fashion's G has BatchNorm; spectral norm's power iteration is a state too.
        QCOMPARE(report.moved.count > 0, !batchNorm && !images && !spectral);
    }
    // Whatever the substeps left behind, the ordinary steps after them see it.
    for (int step = 4; step <= 6; ++step) {
        StepRecord a, b;
        QVERIFY2(plain->step(&a, &error), qPrintable(error));
        QVERIFY2(slow->step(&b, &error), qPrintable(error));
        QVERIFY2(sameRecords(a, b), qPrintable(QStringLiteral("step %1: L_D %2 vs %3").arg(step).arg(a.lossD).arg(b.lossD)));
    }
    const SampleBatch a = plain->sampleFixed(16), b = slow->sampleFixed(16);
    QVERIFY(a.points == b.points && a.pixels == b.pixels);
}

// Leaving slow motion halfway (stopping the run, loading a checkpoint) puts everything back:
// the next step is the step that would have come, and a half-done step cannot be saved.
void TestTrainer::abandonedStepLeavesNoTrace()
{
    ExperimentSpec s = smallMlp();
    s.dStepsPerG = 2;
    s.generator.layers.insert(s.generator.layers.begin() + 1, LayerSpec::batchNorm1d(32));
    MAKE_TRAINER(plain, s);
    MAKE_TRAINER(slow, s);
    QTemporaryDir dir;
    QString error;
    StepRecord a, b;
    QVERIFY(plain->step(&a, &error) && slow->step(&b, &error));
    const QByteArray before = stateBytes(*slow, dir.filePath(QStringLiteral("before.pt")));
    QVERIFY(!before.isEmpty());
    for (int i = 0; i < 8; ++i) {  // into the second D update, past the first D update
        SubstepReport report;
        QVERIFY2(slow->substep(&report, &error), qPrintable(error));
    }
    QVERIFY(slow->stepInProgress());
    const QString refused = slow->saveCheckpoint(dir.filePath(QStringLiteral("half.pt")));
    QVERIFY2(refused.contains(QStringLiteral("half done")) && refused.contains(QStringLiteral("step 2")), qPrintable(refused));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("half.pt"))));
    slow->abandonStep();
    QVERIFY(!slow->stepInProgress());
    QCOMPARE(slow->currentStep(), std::int64_t(1));
    QVERIFY(stateBytes(*slow, dir.filePath(QStringLiteral("after.pt"))) == before);
    QVERIFY(plain->step(&a, &error) && slow->step(&b, &error));
    QVERIFY(sameRecords(a, b));
}

// Every built-in experiment trains: a few steps on a few of its images (hinge-sn-fashion
// failed at step 1 when the spectral norm's power iteration of D's second forward pass changed
// what the first one's backward pass needed).
void TestTrainer::everyPresetTrainsSteps()
{
    for (const QString &name : presets::names()) {
        ExperimentSpec s;
        QCOMPARE(presets::load(name, &s), QString());
        s.data.limit = 128;
        s.batchSize = std::min(s.batchSize, 16);
        s.threads = 1;
        QString why;
        bool skip = false;
        const std::unique_ptr<Trainer> trainer = trainersupport::makeTrainer(s, &why, &skip);
        if (skip)
            continue;
        QVERIFY2(trainer, qPrintable(name + QStringLiteral(": ") + why));
        for (int i = 0; i < 2; ++i) {
            StepRecord r;
            QString error;
            QVERIFY2(trainer->step(&r, &error), qPrintable(name + QStringLiteral(": ") + error));
            QVERIFY2(std::isfinite(r.lossD) && std::isfinite(r.lossG), qPrintable(name));
        }
    }
}

// InstanceNorm2d, the layer kind added through the table: a WGAN-GP critic with it in place of
// BatchNorm (the usual pairing) trains, and a checkpoint of it resumes to the same samples.
void TestTrainer::instanceNormTrainsAndResumes()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    LayerSpec &bn = spec.discriminator.layers[3];
    QCOMPARE(bn.kind, LayerKind::BatchNorm2d);
    const int channels = bn.numFeatures;
    bn = [&] {
        LayerSpec l = LayerSpec::simple(LayerKind::InstanceNorm2d);
        l.id = bn.id;
        l.numFeatures = channels;
        return l;
    }();
    spec.loss.kind = LossKind::WassersteinGP;
    spec.data.limit = 128;
    spec.batchSize = 16;
    spec.threads = 1;
    MAKE_TRAINER(trainer, spec);
    StepRecord r;
    QString error;
    for (int i = 0; i < 2; ++i)
        QVERIFY2(trainer->step(&r, &error), qPrintable(error));
    QVERIFY(std::isfinite(r.lossD) && std::isfinite(r.lossG) && r.gradNormD > 0);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("inorm.pt"));
    QCOMPARE(trainer->saveCheckpoint(path), QString());
    QVERIFY2(trainer->step(&r, &error), qPrintable(error));
    const float lossAfter = r.lossD;
    MAKE_TRAINER(resumed, spec);
    QCOMPARE(resumed->loadCheckpoint(path), QString());
    QVERIFY2(resumed->step(&r, &error), qPrintable(error));
    QCOMPARE(r.lossD, lossAfter);  // bit for bit: the same step from the same state
    QCOMPARE(resumed->sampleFixed(8).pixels, trainer->sampleFixed(8).pixels);
}

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
