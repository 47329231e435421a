#include "cli.h"

#include "eval/divergence.h"
#include "eval/evalclassifier.h"
#include "eval/imagemeasures.h"
#include "eval/modecoverage.h"
#include "training/rundriver.h"
#include "training/trainer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <random>

namespace cli {

namespace {
// Per sample: all of the coverage samples, ten times the lab's (its floor is correspondingly lower).
constexpr int kJsPoints = kCoverageSamples;
constexpr int kImageSamples = 10000;
constexpr int kManifoldK = 5;
constexpr int kNearestShown = 4;
constexpr std::uint64_t kImageSeed = 20261203;

struct ImageRow {
    double fd = 0, score = 0;
    imagemeasures::Kid kid;
    imagemeasures::Manifold manifold;
};

ImageRow compare(const imagemeasures::Features &real, const imagemeasures::Features &other, const std::vector<float> &probabilities,
                 int classes)
{
    ImageRow row;
    row.fd = imagemeasures::frechetDistance(real, other);
    row.kid = imagemeasures::kernelDistance(real, other);
    row.manifold = imagemeasures::manifoldMeasures(real, other, kManifoldK);
    row.score = imagemeasures::classifierScore(probabilities, classes);
    return row;
}

QJsonObject toJson(const ImageRow &row)
{
    QJsonObject o;
    o.insert(QStringLiteral("fd"), row.fd);
    o.insert(QStringLiteral("kid"), row.kid.value);
    o.insert(QStringLiteral("kid_se"), row.kid.standardError);
    o.insert(QStringLiteral("precision"), row.manifold.precision);
    o.insert(QStringLiteral("recall"), row.manifold.recall);
    o.insert(QStringLiteral("density"), row.manifold.density);
    o.insert(QStringLiteral("coverage"), row.manifold.coverage);
    o.insert(QStringLiteral("classifier_score"), row.score);
    return o;
}

QString oneLine(const ImageRow &row)
{
    return Text::tr("FD %1, KID %2 ± %3, precision %4, recall %5, density %6, coverage %7, classifier score %8")
        .arg(QString::number(row.fd, 'f', 3), QString::number(row.kid.value, 'f', 5), QString::number(row.kid.standardError, 'f', 5),
             QString::number(row.manifold.precision, 'f', 3), QString::number(row.manifold.recall, 'f', 3),
             QString::number(row.manifold.density, 'f', 3), QString::number(row.manifold.coverage, 'f', 3),
             QString::number(row.score, 'f', 3));
}

// FD, KID, precision/recall, density/coverage, the classifier score, the class histogram and
// the nearest training image of a few samples, in the features of the program's own classifier
// of the run's data. The reference is the data's test split where it has one, else the first
// `count` training images.
int evaluateImages(Trainer &trainer, const QString &runDir, int count, bool json, bool baselines)
{
    // The classifier learns from all of the labelled data, whatever the run used: the run's own
    // copy when it holds all of it.
    DataSpec full = trainer.spec().data;
    full.limit = 0;
    DatasetLoad loaded;
    if (trainer.spec().data.limit != 0) {
        loaded = datasets::load(full, trainer.spec().seed, loadingProgress());
        if (!loaded.data)
            return fail(loaded.error);
    }
    const Dataset &trainData = loaded.data ? *loaded.data : trainer.data();
    const DatasetLoad test = datasets::loadTestSplit(full);
    QTextStream err(stderr);
    int shown = -1;
    QElapsedTimer clock;
    clock.start();
    QString error;
    const std::unique_ptr<EvalClassifier> classifier = EvalClassifier::obtain(
        trainData, test.data.get(), EvalClassifier::defaultCacheDir(),
        [&](double f) {
            if (int(f * 20) != shown) {
                shown = int(f * 20);
                err << Text::tr("training the image measures' classifier: %1%").arg(shown * 5) << "\n";
                err.flush();
            }
        },
        &error);
    if (!classifier)
        return fail(error);
    const EvalClassifier::Info &info = classifier->info();
    if (!info.cacheProblem.isEmpty())
        err << Text::tr("warning: the classifier is not cached (%1); the next evaluate trains it again").arg(info.cacheProblem) << "\n";

    const Dataset &reference = test.data ? *test.data : trainData;
    const int n = int(std::min<std::int64_t>(count, reference.count));
    if (n <= 2 * kManifoldK + 1)
        return fail(Text::tr("%1 holds %2 images; the image measures need at least %3").arg(reference.source).arg(n).arg(2 * kManifoldK + 2));
    imagemeasures::Features real, fake;
    std::vector<float> realProbabilities, fakeProbabilities;
    classifier->measure(reference, 0, n, &real, &realProbabilities);
    const SampleBatch samples = trainer.sample(n, kImageSeed);
    classifier->measure(samples, &fake, &fakeProbabilities);
    const ImageRow generated = compare(real, fake, fakeProbabilities, info.classes);
    const double fd = generated.fd;
    const imagemeasures::Kid &kid = generated.kid;
    const imagemeasures::Manifold &manifold = generated.manifold;
    const double score = generated.score;
    // The scale: other real images (training images beside a test split, else the next ones) and
    // uniform noise, measured against the same reference.
    std::vector<std::pair<QString, ImageRow>> scale;
    if (baselines) {
        const std::int64_t first = test.data ? 0 : n;
        if (trainData.count >= first + n) {
            imagemeasures::Features other;
            std::vector<float> probabilities;
            classifier->measure(trainData, first, n, &other, &probabilities);
            scale.emplace_back(QStringLiteral("real_training_images"), compare(real, other, probabilities, info.classes));
        }
        SampleBatch noise;
        noise.count = n;
        noise.channels = samples.channels;
        noise.height = samples.height;
        noise.width = samples.width;
        noise.pixels.resize(size_t(n) * samples.channels * samples.height * samples.width);
        std::mt19937 rng(kImageSeed);
        std::uniform_int_distribution<int> byte(0, 255);
        for (std::uint8_t &p : noise.pixels)
            p = std::uint8_t(byte(rng));
        imagemeasures::Features noiseFeatures;
        std::vector<float> probabilities;
        classifier->measure(noise, &noiseFeatures, &probabilities);
        scale.emplace_back(QStringLiteral("uniform_noise"), compare(real, noiseFeatures, probabilities, info.classes));
    }
    const double realScore = imagemeasures::classifierScore(realProbabilities, info.classes);
    const std::vector<int> histogram = imagemeasures::classHistogram(fakeProbabilities, info.classes);
    // The nearest training images of the first few samples, in feature space.
    imagemeasures::Features firstFakes{kNearestShown, fake.dim,
                                       std::vector<float>(fake.values.begin(), fake.values.begin() + std::ptrdiff_t(kNearestShown) * fake.dim)};
    imagemeasures::Features trainFeatures;
    classifier->measure(trainData, 0, trainData.count, &trainFeatures, nullptr);
    const std::vector<int> nearest = imagemeasures::nearestNeighbours(firstFakes, trainFeatures);
    const double seconds = double(clock.elapsed()) / 1000.0;

    if (json) {
        QJsonObject o;
        o.insert(QStringLiteral("run"), runDir);
        o.insert(QStringLiteral("step"), qint64(trainer.currentStep()));
        o.insert(QStringLiteral("samples"), n);
        o.insert(QStringLiteral("reference"), reference.source);
        o.insert(QStringLiteral("classifier_accuracy"), info.testAccuracy);
        o.insert(QStringLiteral("classifier_test_count"), info.testCount);
        o.insert(QStringLiteral("classifier_cached"), info.fromCache);
        o.insert(QStringLiteral("fd"), fd);
        o.insert(QStringLiteral("kid"), kid.value);
        o.insert(QStringLiteral("kid_se"), kid.standardError);
        o.insert(QStringLiteral("precision"), manifold.precision);
        o.insert(QStringLiteral("recall"), manifold.recall);
        o.insert(QStringLiteral("density"), manifold.density);
        o.insert(QStringLiteral("coverage"), manifold.coverage);
        o.insert(QStringLiteral("classifier_score"), score);
        o.insert(QStringLiteral("classifier_score_real"), realScore);
        QJsonArray bars, near;
        for (int c : histogram)
            bars.append(c);
        for (int i : nearest)
            near.append(i);
        o.insert(QStringLiteral("class_histogram"), bars);
        o.insert(QStringLiteral("nearest_training_image"), near);
        for (const auto &[name, row] : scale)
            o.insert(QStringLiteral("baseline_") + name, toJson(row));
        o.insert(QStringLiteral("seconds"), seconds);
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
        return kExitOk;
    }
    out() << Text::tr("run:               %1 (step %2, %3)").arg(runDir).arg(trainer.currentStep()).arg(trainer.data().source) << "\n"
          << Text::tr("classifier:        %1 classes, accuracy %2 on %3 images of %4 (%5)")
                 .arg(info.classes)
                 .arg(QString::number(info.testAccuracy, 'f', 4))
                 .arg(info.testCount)
                 .arg(info.testSource)
                 .arg(info.fromCache ? Text::tr("cached") : Text::tr("trained in %1 s").arg(QString::number(info.trainSeconds, 'f', 1)))
          << "\n"
          << Text::tr("compared:          %1 generated against %1 real images of %2").arg(n).arg(reference.source) << "\n"
          << Text::tr("Fréchet distance:  %1").arg(QString::number(fd, 'f', 3)) << "\n"
          << Text::tr("KID:               %1 ± %2 (%3 subsets of %4)")
                 .arg(QString::number(kid.value, 'f', 5), QString::number(kid.standardError, 'f', 5))
                 .arg(kid.subsets)
                 .arg(kid.subsetSize)
          << "\n"
          << Text::tr("precision, recall: %1, %2 (k = %3)")
                 .arg(QString::number(manifold.precision, 'f', 3), QString::number(manifold.recall, 'f', 3))
                 .arg(manifold.k)
          << "\n"
          << Text::tr("density, coverage: %1, %2")
                 .arg(QString::number(manifold.density, 'f', 3), QString::number(manifold.coverage, 'f', 3))
          << "\n"
          << Text::tr("classifier score:  %1 (real images: %2; at most %3)")
                 .arg(QString::number(score, 'f', 3), QString::number(realScore, 'f', 3))
                 .arg(info.classes)
          << "\n";
    QStringList bars;
    for (size_t c = 0; c < histogram.size(); ++c)
        bars << QStringLiteral("%1:%2").arg(c).arg(histogram[c]);
    out() << Text::tr("classes made:      %1").arg(bars.join(QLatin1Char(' '))) << "\n";
    QStringList near;
    for (size_t i = 0; i < nearest.size(); ++i)
        near << QStringLiteral("%1→%2").arg(i).arg(nearest[i]);
    for (const auto &[name, row] : scale)
        out() << (name == QLatin1String("uniform_noise") ? Text::tr("uniform noise:     %1") : Text::tr("real images:       %1")).arg(oneLine(row))
              << "\n";
    out() << Text::tr("nearest training image of samples 0-%1: %2").arg(kNearestShown - 1).arg(near.join(QLatin1Char(' '))) << "\n"
          << Text::tr("measured in %1 s").arg(QString::number(seconds, 'f', 1)) << "\n";
    return kExitOk;
}

}  // namespace

int evaluate(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    if (!parseOptions(parser, args,
                      {{QStringLiteral("count"), Text::tr("Image runs: how many generated and real images to compare (default 10000)."),
                        QStringLiteral("N")},
                       {QStringLiteral("json"), Text::tr("Image runs: print the measures as JSON.")},
                       {QStringLiteral("baselines"),
                        Text::tr("Image runs: also measure other real images and uniform noise the same way, for the scale.")}},
                      &code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return usage(Text::tr("evaluate needs one RUN_DIR"));
    QString error;
    std::unique_ptr<Trainer> trainer = runsetup::openFolder(parser.positionalArguments()[0], {}, &error);
    if (!trainer)
        return fail(error);
    const Dataset &data = trainer->data();
    if (data.kind == Dataset::Kind::Images) {
        qint64 count = kImageSamples;
        if (!intOption(parser, QStringLiteral("count"), 2 * kManifoldK + 2, 100000, &count, &code))
            return code;
        return evaluateImages(*trainer, parser.positionalArguments()[0], int(count), parser.isSet(QStringLiteral("json")),
                              parser.isSet(QStringLiteral("baselines")));
    }
    const SampleBatch batch = trainer->sample(kCoverageSamples, kCoverageSeed);
    out() << Text::tr("run:               %1 (step %2, %3)").arg(parser.positionalArguments()[0]).arg(trainer->currentStep()).arg(data.source)
          << "\n"
          << Text::tr("samples:           %1").arg(batch.count) << "\n";
    if (!data.modes.empty()) {
        const ModeCoverage c = evaluateModeCoverage(batch.points, data.modes, data.modeSigma);
        out() << Text::tr("modes captured:    %1 of %2").arg(c.captured).arg(c.modes) << "\n"
              << Text::tr("high quality:      %1% (within 3 sigma = %2 of a mode)")
                     .arg(QString::number(100.0 * c.highQualityFraction, 'f', 2))
                     .arg(data.modeSigma * 3)
              << "\n"
              << Text::tr("reverse KL:        %1").arg(QString::number(c.reverseKL, 'f', 4)) << "\n";
    }
    // The 2D lab's estimate, on more points: its bias (the noise floor) shrinks with the sample.
    const auto [lo, hi] = divergence::viewAround(data.points);
    const divergence::Estimate e = divergence::againstReal(data.points, batch.points, kJsPoints, lo, hi);
    if (e.js >= 0)
        out() << Text::tr("Jensen-Shannon:    %1 bits (noise floor %2; %3 points each on a 32x32 histogram over [%4, %5]^2)")
                     .arg(QString::number(e.js, 'f', 4), QString::number(e.floor, 'f', 4))
                     .arg(e.points)
                     .arg(QString::number(lo, 'g', 3), QString::number(hi, 'g', 3))
              << "\n";
    return kExitOk;
}

}  // namespace cli
