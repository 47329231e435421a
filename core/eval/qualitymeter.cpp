#include "eval/qualitymeter.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

namespace {
// Messages a user reads: translated (context "QualityMeter").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(QualityMeter)
};
}  // namespace

std::unique_ptr<QualityMeter> QualityMeter::forClassifier(const DataSpec &spec, std::uint64_t seed, std::shared_ptr<const Dataset> runData,
                                                         const ProgressFn &loading, const ProgressFn &training, QString *error)
{
    Options options;
    options.count = 500;
    return create(spec, seed, std::move(runData), options, loading, training, error);
}

QualityMeter::~QualityMeter() = default;

namespace {
// `held` images of `all`, chosen by a fixed shuffle (a folder lists its classes in turn), and
// the rest.
std::pair<std::shared_ptr<Dataset>, std::shared_ptr<Dataset>> holdOut(const Dataset &all, std::int64_t held,
                                                                       std::vector<std::int64_t> *trainIndex)
{
    std::vector<std::int64_t> order(size_t(all.count));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), std::mt19937_64(QualityMeter::kSampleSeed));
    const std::int64_t size = std::int64_t(all.channels) * all.height * all.width;
    auto part = [&](std::int64_t from, std::int64_t to, const QString &source) {
        auto d = std::make_shared<Dataset>();
        d->kind = all.kind;
        d->source = source;
        d->channels = all.channels;
        d->height = all.height;
        d->width = all.width;
        std::vector<std::int64_t> chosen(order.begin() + from, order.begin() + to);
        std::sort(chosen.begin(), chosen.end());
        if (from > 0)
            *trainIndex = chosen;
        d->count = std::int64_t(chosen.size());
        d->pixels.resize(size_t(d->count * size));
        for (size_t i = 0; i < chosen.size(); ++i) {
            std::copy_n(all.pixels.data() + chosen[i] * size, size, d->pixels.data() + std::int64_t(i) * size);
            if (!all.labels.empty())
                d->labels.push_back(all.labels[size_t(chosen[i])]);
        }
        return d;
    };
    return {part(held, all.count, all.source),
            part(0, held, Text::tr("%1 (%2 of its images held out: the data has no test split)").arg(all.source).arg(held))};
}
}  // namespace

std::unique_ptr<QualityMeter> QualityMeter::create(const DataSpec &spec, std::uint64_t seed, std::shared_ptr<const Dataset> runData,
                                                   const Options &options, const ProgressFn &loading, const ProgressFn &training,
                                                   QString *error)
{
    std::unique_ptr<QualityMeter> m(new QualityMeter);
    m->m_options = options;
    DataSpec full = spec;
    full.limit = 0;
    if (spec.limit != 0 || !runData) {
        DatasetLoad loaded = datasets::load(full, seed, loading);
        if (!loaded.data) {
            *error = loaded.error;
            return nullptr;
        }
        runData = std::move(loaded.data);
    }
    m->m_test = datasets::loadTestSplit(full).data;
    if (m->m_test) {
        m->m_train = std::move(runData);
    } else {
        // No test split: a part of the images is held out to compare with, so that nothing is
        // measured against itself (the classifier, the nearest-image check and the reference
        // each see their own images).
        const bool labelled = runData->labels.size() == size_t(runData->count);
        const std::int64_t least = 2 * (2 * kNeighbours + 2);
        if (runData->count < least) {
            *error = Text::tr("%1 holds %2 images; the image measures hold out part of them to compare with and need at least %3")
                         .arg(runData->source)
                         .arg(runData->count)
                         .arg(least);
            return nullptr;
        }
        // The same split whatever the count asked (the classifier's cache is keyed by the images
        // it learns from): the reference's first `count` images are used.
        const std::int64_t held = std::max<std::int64_t>(2 * kNeighbours + 2, runData->count / (labelled ? kHeldOutShareLabelled : 2));
        auto [train, test] = holdOut(*runData, held, &m->m_trainIndex);
        m->m_train = std::move(train);
        m->m_test = std::move(test);
        m->m_heldOut = true;
    }
    m->m_classifier = EvalClassifier::obtain(*m->m_train, m->m_test.get(),
                                             options.cacheDir.isEmpty() ? EvalClassifier::defaultCacheDir() : options.cacheDir,
                                             training, error);
    if (!m->m_classifier)
        return nullptr;
    const Dataset &reference = m->reference();
    const int n = int(std::min<std::int64_t>(options.count, reference.count));
    if (n <= 2 * kNeighbours + 1) {
        *error = Text::tr("%1 holds %2 images; the image measures need at least %3").arg(reference.source).arg(n).arg(2 * kNeighbours + 2);
        return nullptr;
    }
    m->m_classifier->measure(reference, 0, n, &m->m_real, &m->m_realProbabilities);
    return m;
}

imagemeasures::Quality QualityMeter::measure(const SampleBatch &samples, imagemeasures::Features *features,
                                             std::vector<float> *probabilities) const
{
    imagemeasures::Features own;
    std::vector<float> ownProbabilities;
    imagemeasures::Features &f = features ? *features : own;
    std::vector<float> &p = probabilities ? *probabilities : ownProbabilities;
    m_classifier->measure(samples, &f, &p);
    return against(f, p);
}

imagemeasures::Quality QualityMeter::measure(const Dataset &data, std::int64_t first, std::int64_t count) const
{
    imagemeasures::Features f;
    std::vector<float> p;
    m_classifier->measure(data, first, count, &f, &p);
    return against(f, p);
}

imagemeasures::Quality QualityMeter::against(const imagemeasures::Features &features, const std::vector<float> &probabilities) const
{
    return imagemeasures::measureQuality(m_real, features, probabilities, m_classifier->info().classes, m_options.kidSubsets,
                                         kNeighbours);
}

namespace {
// The training image nearest to `query`, one image of C x H x W bytes (the data's layout).
QualityMeter::Nearest nearestIn(const Dataset &train, const std::uint8_t *query)
{
    const std::int64_t size = std::int64_t(train.channels) * train.height * train.width;
    QualityMeter::Nearest best;
    std::int64_t bestSquares = -1;
    for (std::int64_t i = 0; i < train.count; ++i) {
        const std::uint8_t *image = train.pixels.data() + i * size;
        std::int64_t squares = 0;
        for (std::int64_t p = 0; p < size && (bestSquares < 0 || squares < bestSquares); ++p) {
            const int d = int(image[p]) - int(query[p]);
            squares += d * d;
        }
        if (bestSquares < 0 || squares < bestSquares) {
            bestSquares = squares;
            best.index = i;
        }
    }
    best.rms = std::sqrt(double(bestSquares) / double(size)) / 255.0;
    return best;
}
}  // namespace

std::vector<QualityMeter::Nearest> QualityMeter::nearestTrainingImages(const SampleBatch &samples, int count) const
{
    const Dataset &train = *m_train;
    if (samples.channels != train.channels || samples.height != train.height || samples.width != train.width)
        throw std::invalid_argument("nearestTrainingImages: the samples are not of the data's size");
    std::vector<Nearest> out;
    const std::int64_t plane = std::int64_t(train.height) * train.width;
    std::vector<std::uint8_t> query(size_t(plane * train.channels));
    for (int i = 0; i < std::min(count, samples.count); ++i) {
        // Samples are H x W x C; the data C x H x W.
        const std::uint8_t *sample = samples.pixels.data() + std::int64_t(i) * plane * train.channels;
        for (int c = 0; c < train.channels; ++c)
            for (std::int64_t p = 0; p < plane; ++p)
                query[size_t(c * plane + p)] = sample[p * train.channels + c];
        out.push_back(nearestIn(train, query.data()));
    }
    return out;
}

std::vector<QualityMeter::Nearest> QualityMeter::nearestTrainingImagesOfReference(int count) const
{
    std::vector<Nearest> out;
    const Dataset &reference = this->reference();
    const std::int64_t size = std::int64_t(reference.channels) * reference.height * reference.width;
    // The reference never holds a training image (a test split, or images held out).
    for (std::int64_t i = 0; i < std::min<std::int64_t>(count, reference.count); ++i)
        out.push_back(nearestIn(*m_train, reference.pixels.data() + i * size));
    return out;
}

std::int64_t QualityMeter::dataIndex(std::int64_t index) const
{
    return index >= 0 && size_t(index) < m_trainIndex.size() ? m_trainIndex[size_t(index)] : index;
}

QualityRecord QualityMeter::record(std::int64_t step, const imagemeasures::Quality &q)
{
    QualityRecord r;
    r.step = step;
    r.fd = q.fd;
    r.kid = q.kid.value;
    r.kidStandardError = q.kid.standardError;
    r.precision = q.manifold.precision;
    r.recall = q.manifold.recall;
    r.density = q.manifold.density;
    r.coverage = q.manifold.coverage;
    r.classifierScore = q.classifierScore;
    return r;
}
