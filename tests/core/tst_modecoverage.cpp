#include "data/synthetic2d.h"
#include "eval/modecoverage.h"

#include <QtTest>

#include <cmath>

class TestModeCoverage : public QObject {
    Q_OBJECT
private slots:
    void countsByHand();
    void realDataScoresPerfectly_data();
    void realDataScoresPerfectly();
};

void TestModeCoverage::countsByHand()
{
    const std::vector<std::array<double, 2>> modes = {{0, 0}, {1, 0}, {0, 1}};
    // sigma 0.1: high quality within 0.3. Three near mode 0, one near mode 1, one far away.
    const std::vector<float> points = {0.1f, 0.0f, -0.2f, 0.1f, 0.0f, 0.29f, 1.0f, 0.05f, 0.5f, 0.5f};
    const ModeCoverage c = evaluateModeCoverage(points, modes, 0.1);
    QCOMPARE(c.samples, 5);
    QCOMPARE(c.highQuality, 4);
    QCOMPARE(c.captured, 2);
    QCOMPARE(c.perMode, (std::vector<int>{3, 1, 0}));
    // KL(p || uniform) with p = (3/4, 1/4, 0): sum p log(3 p).
    const double kl = 0.75 * std::log(0.75 * 3) + 0.25 * std::log(0.25 * 3);
    QVERIFY(std::abs(c.reverseKL - kl) < 1e-12);
    QCOMPARE(c.highQualityFraction, 0.8);

    // Every point far from every mode: nothing captured, and the reverse KL is undefined (NaN),
    // not 0, which would read as perfect.
    const ModeCoverage none = evaluateModeCoverage({5.0f, 5.0f, -4.0f, 3.0f}, modes, 0.1);
    QCOMPARE(none.captured, 0);
    QCOMPARE(none.highQuality, 0);
    QVERIFY(std::isnan(none.reverseKL));
}

void TestModeCoverage::realDataScoresPerfectly_data()
{
    QTest::addColumn<int>("set");
    QTest::addColumn<int>("modes");
    QTest::newRow("ring8") << int(Synthetic2DKind::Ring8) << 8;
    QTest::newRow("grid25") << int(Synthetic2DKind::Grid25) << 25;
}

void TestModeCoverage::realDataScoresPerfectly()
{
    QFETCH(int, set);
    QFETCH(int, modes);
    const auto data = synthetic2d::generate(Synthetic2DKind(set), 2500, 11);
    QCOMPARE(int(data->modes.size()), modes);
    const ModeCoverage c = evaluateModeCoverage(data->points, data->modes, data->modeSigma);
    QCOMPARE(c.captured, modes);
    QVERIFY(c.highQualityFraction > 0.98);  // 3 sigma holds 98.9% of a 2D Gaussian (1 - exp(-4.5))
    QVERIFY(c.reverseKL < 0.02);
}

QTEST_GUILESS_MAIN(TestModeCoverage)
#include "tst_modecoverage.moc"
