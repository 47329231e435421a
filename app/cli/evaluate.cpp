#include "cli.h"

#include "eval/divergence.h"
#include "eval/evalclassifier.h"
#include "eval/imagemeasures.h"
#include "eval/modecoverage.h"
#include "eval/qualitymeter.h"
#include "training/rundriver.h"
#include "training/trainer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <random>

namespace cli {

namespace {
// Per sample: all of the coverage samples, ten times the lab's (its floor is correspondingly lower).
constexpr int kJsPoints = kCoverageSamples;
constexpr int kImageSamples = 10000;
constexpr int kNearestShown = 4;

QJsonObject toJson(const imagemeasures::Quality &row)
{
    QJsonObject o;
    o.insert(QStringLiteral("fd"), row.fd);
    o.insert(QStringLiteral("kid"), row.kid.value);
    o.insert(QStringLiteral("kid_se"), row.kid.standardError);
    o.insert(QStringLiteral("precision"), row.manifold.precision);
    o.insert(QStringLiteral("recall"), row.manifold.recall);
    o.insert(QStringLiteral("density"), row.manifold.density);
    o.insert(QStringLiteral("coverage"), row.manifold.coverage);
    if (!row.classHistogram.empty())
        o.insert(QStringLiteral("classifier_score"), row.classifierScore);
    return o;
}

// A conditional run asked for each class in turn: how often the program's classifier names the
// class that was asked, and the FD of the class's samples against the reference images of that
// class.
struct ClassRow {
    int label = 0;
    QString name;
    int samples = 0;
    double agreement = 0;  // share of samples the classifier puts in the class asked
    double fd = -1;        // -1: too few reference images of the class
    int realCount = 0;
};

std::vector<ClassRow> measureClasses(Trainer &trainer, const QualityMeter &meter, int count)
{
    const ExperimentSpec &spec = trainer.spec();
    const int classes = spec.conditioning.classes;
    const int per = std::max(2, count / classes);
    const QStringList names = datasets::classNames(spec.data);
    const std::vector<int> &refLabels = meter.reference().labels;
    const imagemeasures::Features &real = meter.referenceFeatures();
    std::vector<ClassRow> rows;
    for (int k = 0; k < classes; ++k) {
        ClassRow row;
        row.label = k;
        row.name = k < int(names.size()) ? QCoreApplication::translate("ClassNames", names[k].toUtf8().constData()) : QString();
        const SampleBatch samples = trainer.sample(per, QualityMeter::kSampleSeed, nullptr, k);
        imagemeasures::Features fake;
        std::vector<float> probabilities;
        meter.classifier().measure(samples, &fake, &probabilities);
        const int c = meter.classifier().info().classes;
        int agree = 0;
        for (int i = 0; i < samples.count; ++i) {
            const float *p = probabilities.data() + std::ptrdiff_t(i) * c;
            agree += int(std::max_element(p, p + c) - p) == k ? 1 : 0;
        }
        row.samples = samples.count;
        row.agreement = samples.count > 0 ? double(agree) / samples.count : 0;
        imagemeasures::Features mine{0, real.dim, {}};
        for (int i = 0; i < real.count && size_t(i) < refLabels.size(); ++i)
            if (refLabels[size_t(i)] == k) {
                mine.values.insert(mine.values.end(), real.values.begin() + std::ptrdiff_t(i) * real.dim,
                                   real.values.begin() + std::ptrdiff_t(i + 1) * real.dim);
                ++mine.count;
            }
        row.realCount = mine.count;
        if (mine.count > 1 && fake.count > 1)
            row.fd = imagemeasures::frechetDistance(mine, fake);
        rows.push_back(row);
    }
    return rows;
}

double overallAgreement(const std::vector<ClassRow> &rows)
{
    double agree = 0, all = 0;
    for (const ClassRow &r : rows) {
        agree += r.agreement * r.samples;
        all += r.samples;
    }
    return all > 0 ? agree / all : 0;
}

QString oneLine(const imagemeasures::Quality &row)
{
    const QString line = Text::tr("FD %1, KID %2 ± %3, precision %4, recall %5, density %6, coverage %7")
                             .arg(QString::number(row.fd, 'f', 3), QString::number(row.kid.value, 'f', 5),
                                  QString::number(row.kid.standardError, 'f', 5), QString::number(row.manifold.precision, 'f', 3),
                                  QString::number(row.manifold.recall, 'f', 3), QString::number(row.manifold.density, 'f', 3),
                                  QString::number(row.manifold.coverage, 'f', 3));
    return row.classHistogram.empty() ? line : Text::tr("%1, classifier score %2").arg(line, QString::number(row.classifierScore, 'f', 3));
}

// FD, KID, precision/recall, density/coverage, the classifier score, the class histogram and
// the nearest training image of a few samples, in the features of the program's own network
// for the run's data (QualityMeter). The reference is the data's test split where it has one,
// else the first `count` training images.
int evaluateImages(Trainer &trainer, const QString &runDir, int count, bool json, bool baselines)
{
    QTextStream err(stderr);
    QElapsedTimer clock;
    clock.start();
    QString error;
    QualityMeter::Options options;
    options.count = count;
    const std::unique_ptr<QualityMeter> meter =
        QualityMeter::create(trainer.spec().data, trainer.spec().seed, trainer.sharedData(), options, loadingProgress(),
                             classifierProgress(), &error);
    if (!meter)
        return fail(error);
    const EvalClassifier::Info &info = meter->classifier().info();
    if (!info.cacheProblem.isEmpty())
        err << Text::tr("warning: the classifier is not cached (%1); the next evaluate trains it again").arg(info.cacheProblem) << "\n";

    const Dataset &trainData = meter->trainData();
    const Dataset &reference = meter->reference();
    const int n = meter->count();
    imagemeasures::Features fake;
    const SampleBatch samples = trainer.sample(n, QualityMeter::kSampleSeed);
    const imagemeasures::Quality generated = meter->measure(samples, &fake);
    const double fd = generated.fd;
    const imagemeasures::Kid &kid = generated.kid;
    const imagemeasures::Manifold &manifold = generated.manifold;
    // The scale: other real images (training images beside a test split, else the next ones) and
    // uniform noise, measured against the same reference.
    std::vector<std::pair<QString, imagemeasures::Quality>> scale;
    if (baselines) {
        // The training images are never the reference (a test split, or images held out).
        if (trainData.count >= n)
            scale.emplace_back(QStringLiteral("real_training_images"), meter->measure(trainData, 0, n));
        SampleBatch noise;
        noise.count = n;
        noise.channels = samples.channels;
        noise.height = samples.height;
        noise.width = samples.width;
        noise.pixels.resize(size_t(n) * samples.channels * samples.height * samples.width);
        std::mt19937 rng(QualityMeter::kSampleSeed);
        std::uniform_int_distribution<int> byte(0, 255);
        for (std::uint8_t &p : noise.pixels)
            p = std::uint8_t(byte(rng));
        scale.emplace_back(QStringLiteral("uniform_noise"), meter->measure(noise));
    }
    const bool classes = info.classes > 0;
    const double score = generated.classifierScore;
    const double realScore = classes ? imagemeasures::classifierScore(meter->referenceProbabilities(), info.classes) : 0;
    const std::vector<int> &histogram = generated.classHistogram;
    // The nearest training images of the first few samples, in feature space.
    imagemeasures::Features firstFakes{kNearestShown, fake.dim,
                                       std::vector<float>(fake.values.begin(), fake.values.begin() + std::ptrdiff_t(kNearestShown) * fake.dim)};
    imagemeasures::Features trainFeatures;
    meter->classifier().measure(trainData, 0, trainData.count, &trainFeatures, nullptr);
    // Indices into the run's data (the meter's training images skip those held out).
    std::vector<std::int64_t> nearest;
    for (int i : imagemeasures::nearestNeighbours(firstFakes, trainFeatures))
        nearest.push_back(meter->dataIndex(i));
    std::vector<QualityMeter::Nearest> nearestPixels = meter->nearestTrainingImages(samples, kNearestShown);
    for (QualityMeter::Nearest &n : nearestPixels)
        n.index = meter->dataIndex(n.index);
    const std::vector<QualityMeter::Nearest> realPixels = meter->nearestTrainingImagesOfReference(kNearestShown);
    auto meanRms = [](const std::vector<QualityMeter::Nearest> &v) {
        double sum = 0;
        for (const QualityMeter::Nearest &n : v)
            sum += n.rms;
        return v.empty() ? 0.0 : sum / double(v.size());
    };
    // A conditional run: each class asked in turn, when the classifier knows the same classes.
    std::vector<ClassRow> perClass;
    const ConditioningSpec &conditioning = trainer.spec().conditioning;
    const bool conditional = conditioning.enabled() && info.classes == conditioning.classes;
    if (conditioning.enabled() && !conditional)
        err << Text::tr("note: the run asks for %1 classes, but the classifier of its data knows %2; the agreement with the "
                        "class asked is not measured")
                   .arg(conditioning.classes)
                   .arg(info.classes)
            << "\n";
    if (conditional)
        perClass = measureClasses(trainer, *meter, n);
    const double seconds = double(clock.elapsed()) / 1000.0;

    if (json) {
        QJsonObject o;
        o.insert(QStringLiteral("run"), runDir);
        o.insert(QStringLiteral("step"), qint64(trainer.currentStep()));
        o.insert(QStringLiteral("samples"), n);
        o.insert(QStringLiteral("samples_asked"), count);
        o.insert(QStringLiteral("reference_held_out"), meter->heldOut());
        o.insert(QStringLiteral("reference"), reference.source);
        o.insert(QStringLiteral("network"), classes ? QStringLiteral("classifier") : QStringLiteral("random_features"));
        if (classes) {
            o.insert(QStringLiteral("classifier_accuracy"), info.testAccuracy);
            o.insert(QStringLiteral("classifier_test_count"), info.testCount);
            o.insert(QStringLiteral("classifier_cached"), info.fromCache);
        }
        o.insert(QStringLiteral("fd"), fd);
        o.insert(QStringLiteral("kid"), kid.value);
        o.insert(QStringLiteral("kid_se"), kid.standardError);
        o.insert(QStringLiteral("precision"), manifold.precision);
        o.insert(QStringLiteral("recall"), manifold.recall);
        o.insert(QStringLiteral("density"), manifold.density);
        o.insert(QStringLiteral("coverage"), manifold.coverage);
        if (classes) {
            o.insert(QStringLiteral("classifier_score"), score);
            o.insert(QStringLiteral("classifier_score_real"), realScore);
            QJsonArray bars;
            for (int c : histogram)
                bars.append(c);
            o.insert(QStringLiteral("class_histogram"), bars);
        }
        QJsonArray near, nearPixels;
        for (std::int64_t i : nearest)
            near.append(qint64(i));
        for (const QualityMeter::Nearest &n : nearestPixels)
            nearPixels.append(QJsonObject{{QStringLiteral("index"), qint64(n.index)}, {QStringLiteral("rms"), n.rms}});
        o.insert(QStringLiteral("nearest_training_image_pixels"), nearPixels);
        o.insert(QStringLiteral("real_image_nearest_rms"), meanRms(realPixels));
        o.insert(QStringLiteral("nearest_training_image"), near);
        for (const auto &[name, row] : scale)
            o.insert(QStringLiteral("baseline_") + name, toJson(row));
        if (conditional) {
            QJsonArray rows;
            for (const ClassRow &r : perClass)
                rows.append(QJsonObject{{QStringLiteral("class"), r.label}, {QStringLiteral("name"), r.name},
                                        {QStringLiteral("samples"), r.samples}, {QStringLiteral("agreement"), r.agreement},
                                        {QStringLiteral("fd"), r.fd}, {QStringLiteral("real_images"), r.realCount}});
            o.insert(QStringLiteral("class_agreement"), overallAgreement(perClass));
            o.insert(QStringLiteral("per_class"), rows);
        }
        o.insert(QStringLiteral("seconds"), seconds);
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
        return kExitOk;
    }
    out() << Text::tr("run:               %1 (step %2, %3)").arg(runDir).arg(trainer.currentStep()).arg(trainer.data().source) << "\n";
    if (classes)
        out() << Text::tr("classifier:        %1 classes, accuracy %2 on %3 images of %4 (%5)")
                     .arg(info.classes)
                     .arg(QString::number(info.testAccuracy, 'f', 4))
                     .arg(info.testCount)
                     .arg(info.testSource)
                     .arg(info.fromCache ? Text::tr("cached") : Text::tr("trained in %1 s").arg(QString::number(info.trainSeconds, 'f', 1)))
              << "\n";
    else
        out() << Text::tr("network:           random convolutional features (the data has no labels to train a classifier on; "
                          "figures compare runs on this data, not with labelled data)")
              << "\n";
    out() << Text::tr("compared:          %1 generated against %1 real images of %2").arg(n).arg(reference.source) << "\n";
    if (n < count)
        out() << Text::tr("                   (%1 asked for, but there are %2 real images to compare with)").arg(count).arg(n) << "\n";
    out()
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
          << "\n";
    if (classes) {
        out() << Text::tr("classifier score:  %1 (real images: %2; at most %3)")
                     .arg(QString::number(score, 'f', 3), QString::number(realScore, 'f', 3))
                     .arg(info.classes)
              << "\n";
        QStringList bars;
        for (size_t c = 0; c < histogram.size(); ++c)
            bars << QStringLiteral("%1:%2").arg(c).arg(histogram[c]);
        out() << Text::tr("classes made:      %1").arg(bars.join(QLatin1Char(' '))) << "\n";
    }
    if (conditional) {
        out() << Text::tr("class asked:       the classifier names the class asked for %1% of %2 samples (%3 of each class)")
                     .arg(QString::number(100.0 * overallAgreement(perClass), 'f', 1))
                     .arg(perClass.size() * size_t(perClass.front().samples))
                     .arg(perClass.front().samples)
              << "\n";
        for (const ClassRow &r : perClass)
            out() << Text::tr("  class %1 %2 agreement %3%, FD %4 (against %5 real images of the class)")
                         .arg(r.label)
                         .arg(r.name.isEmpty() ? QString() : QStringLiteral("(%1)").arg(r.name), -14)
                         .arg(QString::number(100.0 * r.agreement, 'f', 1))
                         .arg(r.fd >= 0 ? QString::number(r.fd, 'f', 3) : Text::tr("n/a"))
                         .arg(r.realCount)
                  << "\n";
    }
    QStringList near;
    for (size_t i = 0; i < nearest.size(); ++i)
        near << QStringLiteral("%1→%2").arg(i).arg(nearest[i]);
    for (const auto &[name, row] : scale)
        out() << (name == QLatin1String("uniform_noise") ? Text::tr("uniform noise:     %1") : Text::tr("real images:       %1")).arg(oneLine(row))
              << "\n";
    QStringList nearPixels;
    for (size_t i = 0; i < nearestPixels.size(); ++i)
        nearPixels << QStringLiteral("%1→%2 (%3)").arg(i).arg(nearestPixels[i].index).arg(QString::number(nearestPixels[i].rms, 'f', 3));
    out() << Text::tr("nearest training image of samples 0-%1: %2 (features); %3 (pixels, RMS difference; real images not "
                      "trained on are %4 from theirs on average, a copy would be 0)")
                 .arg(kNearestShown - 1)
                 .arg(near.join(QLatin1Char(' ')), nearPixels.join(QLatin1Char(' ')), QString::number(meanRms(realPixels), 'f', 3))
          << "\n"
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
                       {QStringLiteral("json"), Text::tr("Print the measures as JSON.")},
                       {QStringLiteral("baselines"),
                        Text::tr("Image runs: also measure other real images and uniform noise the same way, for the scale.")},
                       {QStringLiteral("threads"), Text::tr("Intra-op threads (default: the run's)."), QStringLiteral("T")},
                       deviceOption()},
                      &code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return usage(Text::tr("evaluate needs one RUN_DIR"));
    qint64 threads = 0, count = kImageSamples;
    if (!intOption(parser, QStringLiteral("threads"), 1, ExperimentSpec::kMaxThreads, &threads, &code)
        || !intOption(parser, QStringLiteral("count"), 2 * QualityMeter::kNeighbours + 2, 100000, &count, &code))
        return code;
    runsetup::OpenOptions open;
    if (!readDevice(parser, &open.device, &code))
        return code;
    QString error;
    std::unique_ptr<Trainer> trainer = runsetup::openFolder(parser.positionalArguments()[0], {}, &error, int(threads), open);
    if (!trainer)
        return fail(error);
    const Dataset &data = trainer->data();
    if (data.kind == Dataset::Kind::Images) {
        return evaluateImages(*trainer, parser.positionalArguments()[0], int(count), parser.isSet(QStringLiteral("json")),
                              parser.isSet(QStringLiteral("baselines")));
    }
    // The options of image runs are refused rather than ignored.
    for (const QString &imageOnly : {QStringLiteral("count"), QStringLiteral("baselines")})
        if (parser.isSet(imageOnly))
            return usage(Text::tr("--%1 is for image runs; a 2D run is measured on %2 samples, as the mode-coverage protocol asks")
                             .arg(imageOnly)
                             .arg(kCoverageSamples));
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString runDir = parser.positionalArguments()[0];
    const SampleBatch batch = trainer->sample(kCoverageSamples, kCoverageSeed);
    QJsonObject o;  // --json: the same figures, for scripts and sweeps
    o.insert(QStringLiteral("run"), runDir);
    o.insert(QStringLiteral("step"), qint64(trainer->currentStep()));
    o.insert(QStringLiteral("samples"), batch.count);
    QStringList lines;
    lines << Text::tr("run:               %1 (step %2, %3)").arg(runDir).arg(trainer->currentStep()).arg(data.source)
          << Text::tr("samples:           %1").arg(batch.count);
    if (!data.modes.empty()) {
        const ModeCoverage c = evaluateModeCoverage(batch.points, data.modes, data.modeSigma);
        o.insert(QStringLiteral("modes_captured"), c.captured);
        o.insert(QStringLiteral("modes"), c.modes);
        o.insert(QStringLiteral("high_quality"), c.highQualityFraction);
        if (c.captured > 0)
            o.insert(QStringLiteral("reverse_kl"), c.reverseKL);
        lines << Text::tr("modes captured:    %1 of %2").arg(c.captured).arg(c.modes)
              << Text::tr("high quality:      %1% (within 3 sigma = %2 of a mode)")
                     .arg(QString::number(100.0 * c.highQualityFraction, 'f', 2))
                     .arg(data.modeSigma * 3)
              << (c.captured > 0 ? Text::tr("reverse KL:        %1").arg(QString::number(c.reverseKL, 'f', 4))
                                 : Text::tr("reverse KL:        undefined (no mode captured)"));
    }
    // A conditional run on a set whose classes are its modes: each class asked in turn, and
    // the share of its samples within 3 sigma of its own mode.
    const ConditioningSpec &conditioning = trainer->spec().conditioning;
    if (!data.modes.empty() && conditioning.enabled() && conditioning.classes == int(data.modes.size())) {
        const int per = kCoverageSamples / conditioning.classes;
        QStringList shares;
        QJsonArray byClass;
        double inOwn = 0;
        for (int k = 0; k < conditioning.classes; ++k) {
            const SampleBatch mine = trainer->sample(per, kCoverageSeed, nullptr, k);
            // The coverage protocol's test (within 3 sigma), the class's own mode the only one.
            const int near = evaluateModeCoverage(mine.points, {data.modes[size_t(k)]}, data.modeSigma).highQuality;
            inOwn += near;
            const double share = double(near) / std::max(1, mine.count);
            byClass.append(share);
            shares << QStringLiteral("%1:%2%").arg(k).arg(QString::number(100.0 * share, 'f', 1));
        }
        const double own = inOwn / (double(per) * conditioning.classes);
        o.insert(QStringLiteral("own_mode"), own);
        o.insert(QStringLiteral("own_mode_by_class"), byClass);
        lines << Text::tr("own mode:          %1% of %2 samples per class lie within 3 sigma of their class's mode")
                     .arg(QString::number(100.0 * own, 'f', 2))
                     .arg(per)
              << Text::tr("  by class:        %1").arg(shares.join(QLatin1Char(' ')));
    }
    // The 2D lab's estimate, on more points: its bias (the noise floor) shrinks with the sample.
    const auto [lo, hi] = divergence::viewAround(data.points);
    const divergence::Estimate e = divergence::againstReal(data.points, batch.points, kJsPoints, lo, hi);
    if (e.js >= 0) {
        o.insert(QStringLiteral("js"), e.js);
        o.insert(QStringLiteral("js_floor"), e.floor);
        lines << Text::tr("Jensen-Shannon:    %1 bits (noise floor %2; %3 points each on a 32x32 histogram over [%4, %5]^2)")
                     .arg(QString::number(e.js, 'f', 4), QString::number(e.floor, 'f', 4))
                     .arg(e.points)
                     .arg(QString::number(lo, 'g', 3), QString::number(hi, 'g', 3));
    }
    if (json)
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
    else
        for (const QString &line : lines)
            out() << line << "\n";
    return kExitOk;
}

}  // namespace cli
