#include "eval/qualitymeter.h"

#include <QCoreApplication>

#include <stdexcept>

namespace {
// Messages a user reads: translated (context "QualityMeter").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(QualityMeter)
};
}  // namespace

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
