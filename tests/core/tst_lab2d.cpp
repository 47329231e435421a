// The 2D lab's numbers: the heatmap is D at the cell centres, the arrows are -dl_G/dx, the
// mesh is G of the latent grid, all from frozen copies of a real run.
#include "trainersupport.h"

#include "data/synthetic2d.h"

#include "eval/divergence.h"
#include "eval/lab2d.h"
#include "eval/labrenderer.h"

#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace trainersupport;

class TestLab2d : public QObject {
    Q_OBJECT
private slots:
    void frameMatchesTheNetworks_data();
    void frameMatchesTheNetworks();
    void rendererDeliversTheNewestFrame();
    void jensenShannonAndItsFloor();
};

void TestLab2d::frameMatchesTheNetworks_data()
{
    QTest::addColumn<int>("loss");
    QTest::newRow("non-saturating (probabilities)") << int(LossKind::NonSaturating);
    QTest::newRow("WGAN-GP (raw scores)") << int(LossKind::WassersteinGP);
    QTest::newRow("least squares") << int(LossKind::LeastSquares);
}

void TestLab2d::frameMatchesTheNetworks()
{
    QFETCH(int, loss);
    ExperimentSpec s = smallMlp(16);
    s.loss.kind = LossKind(loss);
    MAKE_TRAINER(trainer, s);
    QString error;
    for (int i = 0; i < 5; ++i)
        QVERIFY2(trainer->step(nullptr, &error), qPrintable(error));
    auto g = trainer->copyGenerator();
    auto d = trainer->copyDiscriminator();
    QCOMPARE(d->step(), std::int64_t(5));
    lab2d::Request request;
    request.cells = 16;
    request.arrows = 8;
    request.meshLines = 5;
    const lab2d::Frame f = lab2d::compute(*g, *d, request, &error);
    QVERIFY2(f.ok(), qPrintable(error));
    QCOMPARE(f.step, std::int64_t(5));
    QCOMPARE(f.probabilities, LossKind(loss) == LossKind::NonSaturating);

    // The heatmap: D at each cell's centre, worked out here from the area alone.
    QCOMPARE(f.heat.size(), size_t(16 * 16));
    const double w = (request.xMax - request.xMin) / 16, h = (request.yMax - request.yMin) / 16;
    for (int i = 0; i < 16; i += 5)
        for (int j = 0; j < 16; j += 3) {
            const std::vector<float> centre = {float(request.xMin + (j + 0.5) * w), float(request.yMin + (i + 0.5) * h)};
            const float raw = d->rawOutputs(centre, 1).at(0);
            const float expected = f.probabilities ? float(1 / (1 + std::exp(-double(raw)))) : raw;
            QVERIFY2(std::abs(f.heat[size_t(i * 16 + j)] - expected) <= 1e-5f * std::max(1.0f, std::abs(expected)),
                     qPrintable(QStringLiteral("cell %1,%2: %3 vs %4").arg(i).arg(j).arg(f.heat[size_t(i * 16 + j)]).arg(expected)));
        }

    // The fakes: G of the run's fixed noise.
    QCOMPARE(f.fakes, g->generate(g->evalLatents(), 64).points);

    // The arrows: -dl/dx of each sample's own generator loss, by central differences of D.
    auto sampleLoss = [&](double raw) {
        switch (LossKind(loss)) {
        case LossKind::NonSaturating: return std::log1p(std::exp(-raw));  // -log sigmoid(raw)
        case LossKind::LeastSquares: return 0.5 * (raw - 1) * (raw - 1);
        default: return -raw;
        }
    };
    QCOMPARE(f.arrows.size(), size_t(8 * 4));
    const float eps = 1e-3f;  // small enough not to cross a LeakyReLU kink of D, large for float rounding
    for (int k = 0; k < 8; ++k) {
        const float x = f.arrows[4 * size_t(k)], y = f.arrows[4 * size_t(k) + 1];
        QCOMPARE(x, f.fakes[2 * size_t(k)]);
        QCOMPARE(y, f.fakes[2 * size_t(k) + 1]);
        const std::vector<float> around = {x + eps, y, x - eps, y, x, y + eps, x, y - eps};
        const std::vector<float> raw = d->rawOutputs(around, 4);
        const double gx = -(sampleLoss(raw[0]) - sampleLoss(raw[1])) / (2 * eps);
        const double gy = -(sampleLoss(raw[2]) - sampleLoss(raw[3])) / (2 * eps);
        for (auto [got, want] : {std::pair{double(f.arrows[4 * size_t(k) + 2]), gx}, std::pair{double(f.arrows[4 * size_t(k) + 3]), gy}})
            QVERIFY2(std::abs(got - want) <= 2e-2 * std::max(1.0, std::abs(want)) + 1e-3,
                     qPrintable(QStringLiteral("arrow %1: %2 vs finite difference %3").arg(k).arg(got).arg(want)));
    }

    // The mesh: G of a 5 x 5 grid over latent dimensions 0 and 1, the rest 0.
    QCOMPARE(f.mesh.size(), size_t(5 * 5 * 2));
    std::vector<float> corner(size_t(s.latentDim), 0.0f);
    corner[0] = float(request.meshRange);
    corner[1] = float(-request.meshRange);
    const SampleBatch c = g->generate(corner, 1);
    QCOMPARE(f.mesh[2 * 4], c.points[0]);  // row 0 (dimension 1 at -range), column 4 (dimension 0 at +range)
    QCOMPARE(f.mesh[2 * 4 + 1], c.points[1]);
}

void TestLab2d::rendererDeliversTheNewestFrame()
{
    MAKE_TRAINER(trainer, smallMlp(16));
    LabRenderer renderer;
    QSignalSpy computed(&renderer, &LabRenderer::computed);
    QString error;
    lab2d::Request request;
    request.cells = 32;
    for (int i = 0; i < 5; ++i) {  // a burst: only the newest must arrive last
        QVERIFY(trainer->step(nullptr, &error));
        renderer.request(trainer->copyGenerator(), trainer->copyDiscriminator(), request);
    }
    QTRY_VERIFY(!computed.isEmpty() && computed.last().at(0).value<lab2d::Frame>().step == 5);
    QVERIFY(renderer.frameCount() <= 5);
    QCOMPARE(computed.last().at(0).value<lab2d::Frame>().heat.size(), size_t(32 * 32));
}

void TestLab2d::jensenShannonAndItsFloor()
{
    // The same points: 0. Points in disjoint halves of the area: 1 bit.
    std::vector<float> left, right;
    for (int i = 0; i < 500; ++i) {
        const float t = float(i) / 500;
        left.insert(left.end(), {-0.9f + 0.8f * t, -0.9f + 1.8f * float((i * 37) % 500) / 500});
        right.insert(right.end(), {0.1f + 0.8f * t, -0.9f + 1.8f * float((i * 53) % 500) / 500});
    }
    QCOMPARE(divergence::jensenShannon(left, left, -1, 1), 0.0);
    const double apart = divergence::jensenShannon(left, right, -1, 1);
    QVERIFY2(std::abs(apart - 1.0) < 1e-12, qPrintable(QString::number(apart)));
    // Two samples of one distribution (ring8) differ by chance; the floor measures that, and a
    // second draw of the same set lands near it.
    const auto ring = synthetic2d::generate(Synthetic2DKind::Ring8, 1000, 1);
    const auto again = synthetic2d::generate(Synthetic2DKind::Ring8, 500, 2);
    const double floor = divergence::jsNoiseFloor(ring->points, 500, -1.5, 1.5);
    QVERIFY(floor > 0 && floor < 0.2);
    const std::vector<float> first(ring->points.begin(), ring->points.begin() + 1000);
    const double same = divergence::jensenShannon(first, again->points, -1.5, 1.5);
    QVERIFY2(std::abs(same - floor) < 0.05, qPrintable(QStringLiteral("%1 vs floor %2").arg(same).arg(floor)));
    QCOMPARE(divergence::jsNoiseFloor(ring->points, 501, -1.5, 1.5), -1.0);  // needs 2n points
    // Points in drawing order (left side first, then right): the halves are random samples, not
    // the two sides (which would give 1 bit), so the floor is what any order of them gives.
    std::vector<float> ordered = left, interleaved;
    ordered.insert(ordered.end(), right.begin(), right.end());
    for (size_t i = 0; i < left.size(); i += 2)
        interleaved.insert(interleaved.end(), {left[i], left[i + 1], right[i], right[i + 1]});
    const double orderedFloor = divergence::jsNoiseFloor(ordered, 500, -1, 1);
    const double interleavedFloor = divergence::jsNoiseFloor(interleaved, 500, -1, 1);
    QVERIFY2(orderedFloor < 0.9 && std::abs(orderedFloor - interleavedFloor) < 0.05,
             qPrintable(QStringLiteral("%1 vs %2").arg(orderedFloor).arg(interleavedFloor)));
}

QTEST_GUILESS_MAIN(TestLab2d)
#include "tst_lab2d.moc"
