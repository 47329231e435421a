// The image-quality measures on inputs whose answers are known: Fréchet distance against the
// closed form, KID's unbiasedness, the k-NN manifolds of a set against itself and against a
// shifted copy, the classifier score's bounds and the class histogram.
#include "eval/imagemeasures.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace imagemeasures;

namespace {

// `count` draws of N(mean, L Lᵀ) in `dim` dimensions.
Features gaussianSample(int count, const std::vector<double> &mean, const std::vector<double> &lower, std::uint64_t seed)
{
    const int dim = int(mean.size());
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    Features f{count, dim, std::vector<float>(size_t(count) * dim)};
    std::vector<double> e(static_cast<size_t>(dim), 0.0);
    for (int i = 0; i < count; ++i) {
        for (double &v : e)
            v = normal(rng);
        for (int r = 0; r < dim; ++r) {
            double v = mean[size_t(r)];
            for (int c = 0; c <= r; ++c)
                v += lower[size_t(r) * dim + c] * e[size_t(c)];
            f.values[size_t(i) * dim + r] = float(v);
        }
    }
    return f;
}

Gaussian gaussian(std::vector<double> mean, std::vector<double> covariance)
{
    return Gaussian{int(mean.size()), std::move(mean), std::move(covariance)};
}

}  // namespace

class TestImageMeasures : public QObject {
    Q_OBJECT
private slots:
    void frechetOfIdenticalSetsIsZero();
    void frechetMatchesTheClosedForm();
    void frechetGrowsWithTheShift();
    void kidIsUnbiased();
    void manifoldOfASetAgainstItself();
    void manifoldOfDisjointSets();
    void classifierScoreAndHistogram();
    void nearestNeighbourFindsTheCopy();
};

void TestImageMeasures::frechetOfIdenticalSetsIsZero()
{
    const Features f = gaussianSample(500, {1, -2, 0.5}, {1, 0, 0, 0.3, 2, 0, -0.2, 0.1, 0.5}, 7);
    QVERIFY2(frechetDistance(f, f) < 1e-6, qPrintable(QString::number(frechetDistance(f, f))));
}

// Diagonal covariances: FD = |m1 - m2|² + Σ (√a_i - √b_i)². Full 2x2 ones: the eigenvalues of
// C1 C2 are those of C1^½ C2 C1^½, so tr((C1^½ C2 C1^½)^½) = √(tr(C1 C2) + 2 √det(C1 C2)).
void TestImageMeasures::frechetMatchesTheClosedForm()
{
    const Gaussian a = gaussian({0, 1, 2}, {4, 0, 0, 0, 1, 0, 0, 0, 0.25});
    const Gaussian b = gaussian({1, 1, 0}, {1, 0, 0, 0, 9, 0, 0, 0, 1});
    const double diagonal = 1 + 4 + std::pow(2 - 1, 2) + std::pow(1 - 3, 2) + std::pow(0.5 - 1, 2);
    QVERIFY2(std::abs(frechetDistance(a, b) - diagonal) < 1e-4, qPrintable(QString::number(frechetDistance(a, b))));

    // Two rotated, non-commuting covariances.
    const double c1[4] = {2.0, 0.8, 0.8, 1.0}, c2[4] = {0.5, -0.3, -0.3, 3.0};
    const double p00 = c1[0] * c2[0] + c1[1] * c2[2], p01 = c1[0] * c2[1] + c1[1] * c2[3];
    const double p10 = c1[2] * c2[0] + c1[3] * c2[2], p11 = c1[2] * c2[1] + c1[3] * c2[3];
    const double cross = std::sqrt(p00 + p11 + 2 * std::sqrt(p00 * p11 - p01 * p10));
    const double closed = std::pow(0.5 - (-1.0), 2) + std::pow(2.0 - 0.0, 2) + (c1[0] + c1[3]) + (c2[0] + c2[3]) - 2 * cross;
    const double fd = frechetDistance(gaussian({0.5, 2}, {c1[0], c1[1], c1[2], c1[3]}), gaussian({-1, 0}, {c2[0], c2[1], c2[2], c2[3]}));
    QVERIFY2(std::abs(fd - closed) < 1e-4, qPrintable(QStringLiteral("%1 vs %2").arg(fd).arg(closed)));

    // A singular covariance (a feature that never varies) stays finite and exact.
    const double singular = frechetDistance(gaussian({0, 0}, {1, 0, 0, 0}), gaussian({0, 0}, {4, 0, 0, 0}));
    QVERIFY2(std::abs(singular - 1.0) < 1e-9, qPrintable(QString::number(singular)));
}

// Fitted on samples, FD orders shifted copies of a distribution by their shift.
void TestImageMeasures::frechetGrowsWithTheShift()
{
    const std::vector<double> identity{1, 0, 0, 1};
    const Features base = gaussianSample(2000, {0, 0}, identity, 1);
    double previous = -1;
    for (double shift : {0.0, 0.5, 1.0, 2.0}) {
        const double fd = frechetDistance(base, gaussianSample(2000, {shift, 0}, identity, 2));
        QVERIFY2(fd > previous, qPrintable(QStringLiteral("shift %1: %2").arg(shift).arg(fd)));
        // The sample means are off by about √(2/2000) = 0.03 per axis: the shift's square moves by twice that per unit of shift.
        QVERIFY2(std::abs(fd - shift * shift) < 0.03 + 0.25 * shift, qPrintable(QStringLiteral("shift %1: %2").arg(shift).arg(fd)));
        previous = fd;
    }
}

void TestImageMeasures::kidIsUnbiased()
{
    const std::vector<double> identity{1, 0, 0, 0, 1, 0, 0, 0, 1};
    const Features a = gaussianSample(1000, {0, 0, 0}, identity, 3);
    const Features same = gaussianSample(1000, {0, 0, 0}, identity, 4);
    const Features shifted = gaussianSample(1000, {1, 0, 0}, identity, 5);
    // A set against itself: the estimator pairs each vector with itself across the sets, which
    // costs about 2 (k(x,x) - k(x,y)) / m; near 0 next to a real difference (checked below).
    const Kid self = kernelDistance(a, a, 1, 1000);
    QVERIFY2(self.value < 0 && self.value > -0.03, qPrintable(QString::number(self.value)));
    const Kid twins = kernelDistance(a, same, 50, 200);
    QCOMPARE(twins.subsetSize, 200);
    QVERIFY(twins.standardError > 0);
    // Unbiased: two samples of one distribution give 0 within a few standard errors.
    QVERIFY2(std::abs(twins.value) < 4 * twins.standardError + 1e-3,
             qPrintable(QStringLiteral("%1 ± %2").arg(twins.value).arg(twins.standardError)));
    const Kid apart = kernelDistance(a, shifted, 50, 200);
    QVERIFY2(apart.value > 10 * apart.standardError && apart.value > twins.value + 0.05,
             qPrintable(QStringLiteral("%1 ± %2").arg(apart.value).arg(apart.standardError)));
    qInfo("KID: same set %.4f, twin samples %.4f ± %.4f, shifted by 1 sd %.4f ± %.4f", self.value, twins.value,
          twins.standardError, apart.value, apart.standardError);
    QVERIFY2(std::abs(self.value) < 0.05 * apart.value, qPrintable(QStringLiteral("%1 vs %2").arg(self.value).arg(apart.value)));
}

void TestImageMeasures::manifoldOfASetAgainstItself()
{
    const Features f = gaussianSample(1500, {0, 0, 0, 0}, {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, 11);
    const Manifold m = manifoldMeasures(f, f, 5);
    QCOMPARE(m.precision, 1.0);
    QCOMPARE(m.recall, 1.0);
    QCOMPARE(m.coverage, 1.0);
    // Each vector lies in its own ball and its k neighbours' (about k balls): density near 1.
    QVERIFY2(m.density > 0.9 && m.density < 1.6, qPrintable(QString::number(m.density)));
}

void TestImageMeasures::manifoldOfDisjointSets()
{
    const std::vector<double> identity{1, 0, 0, 1};
    const Features real = gaussianSample(1000, {0, 0}, identity, 12);
    const Features far = gaussianSample(1000, {50, 0}, identity, 13);
    const Manifold apart = manifoldMeasures(real, far, 5);
    QCOMPARE(apart.precision, 0.0);
    QCOMPARE(apart.recall, 0.0);
    QCOMPARE(apart.density, 0.0);
    QCOMPARE(apart.coverage, 0.0);
    // A collapsed generator: every sample near one point of the data. Precise, but no recall.
    Features collapsed = gaussianSample(1000, {0, 0}, {0.01, 0, 0, 0.01}, 14);
    const Manifold mode = manifoldMeasures(real, collapsed, 5);
    QVERIFY2(mode.precision > 0.95, qPrintable(QString::number(mode.precision)));
    QVERIFY2(mode.recall < 0.1 && mode.coverage < 0.1, qPrintable(QStringLiteral("%1 %2").arg(mode.recall).arg(mode.coverage)));
}

void TestImageMeasures::classifierScoreAndHistogram()
{
    const int classes = 4;
    std::vector<float> certain, uniform, oneClass;
    for (int i = 0; i < 400; ++i)
        for (int c = 0; c < classes; ++c) {
            certain.push_back(c == i % classes ? 1.0f : 0.0f);
            uniform.push_back(0.25f);
            oneClass.push_back(c == 2 ? 1.0f : 0.0f);
        }
    QVERIFY(std::abs(classifierScore(certain, classes) - 4.0) < 1e-6);
    QVERIFY(std::abs(classifierScore(uniform, classes) - 1.0) < 1e-6);
    QVERIFY(std::abs(classifierScore(oneClass, classes) - 1.0) < 1e-6);
    QCOMPARE(classHistogram(certain, classes), std::vector<int>({100, 100, 100, 100}));
    QCOMPARE(classHistogram(oneClass, classes), std::vector<int>({0, 0, 400, 0}));
}

void TestImageMeasures::nearestNeighbourFindsTheCopy()
{
    const Features reference = gaussianSample(3000, {0, 0, 0}, {1, 0, 0, 0, 1, 0, 0, 0, 1}, 21);
    Features queries{3, 3, {}};
    for (int index : {17, 1500, 2999})
        for (int d = 0; d < 3; ++d)
            queries.values.push_back(reference.values[size_t(index) * 3 + d] + 1e-4f);
    QCOMPARE(nearestNeighbours(queries, reference), std::vector<int>({17, 1500, 2999}));
}

QTEST_GUILESS_MAIN(TestImageMeasures)
#include "tst_imagemeasures.moc"
