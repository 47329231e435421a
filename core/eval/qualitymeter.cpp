#include "eval/qualitymeter.h"

#include <QCoreApplication>

#include <cmath>
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
    m->m_train = std::move(runData);
    m->m_test = datasets::loadTestSplit(full).data;
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
    // Without a test split the reference is the training set itself: its images would find
    // themselves, so the images after the reference's are used.
    const std::int64_t first = m_test ? 0 : m_real.count;
    for (std::int64_t i = first; i < std::min<std::int64_t>(first + count, reference.count); ++i)
        out.push_back(nearestIn(*m_train, reference.pixels.data() + i * size));
    return out;
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
