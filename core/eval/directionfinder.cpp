#include "eval/directionfinder.h"

#include "eval/qualitymeter.h"
#include "training/generatorcopy.h"

#include <QCoreApplication>

namespace {
// Messages a user reads: translated (context "DirectionFinder").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(DirectionFinder)
};

struct Cancelled {};

double meanEffect(const latentdirections::Result &r)
{
    double sum = 0;
    for (const latentdirections::Direction &d : r.directions)
        sum += d.effect;
    return r.directions.empty() ? 0 : sum / double(r.directions.size());
}
}  // namespace

DirectionFinder::DirectionFinder(const DataSpec &spec, std::uint64_t seed, std::shared_ptr<const Dataset> data)
    : m_spec(spec), m_seed(seed), m_data(std::move(data))
{
}

DirectionFinder::~DirectionFinder() = default;

bool DirectionFinder::hasLabels() const { return m_data && !m_data->labels.empty(); }

QStringList DirectionFinder::classNames() const { return datasets::classNames(m_spec); }

DirectionFinder::Found DirectionFinder::find(const GeneratorCopy &generator, latentdirections::Method method,
                                             latentdirections::Options options, bool withBaseline, const Progress &progress,
                                             const std::atomic<bool> *cancel)
{
    Found found;
    if (method == latentdirections::Method::Class) {
        if (!m_meter) {
            QString error;
            try {
                // Training the classifier may take a minute: a cancel stops it at its next report.
                m_meter = QualityMeter::forClassifier(m_spec, m_seed, m_data, progress.loading,
                                                      [&](double f) {
                                                          if (cancel && cancel->load())
                                                              throw Cancelled();
                                                          if (progress.training)
                                                              progress.training(f);
                                                      },
                                                      &error);
            } catch (const Cancelled &) {
                error = Text::tr("cancelled");
            }
            if (!m_meter) {
                found.result.error = error;
                return found;
            }
        }
        options.classifier = &m_meter->classifier();
        options.classNames = classNames();
    }
    found.result = latentdirections::find(generator, method, options, progress.finding, cancel);
    if (!found.result.ok() || !withBaseline)
        return found;
    // As many random directions, measured the same way (the random set is its own baseline).
    if (method == latentdirections::Method::Random) {
        found.baseline = meanEffect(found.result);
    } else {
        options.count = std::max(1, int(found.result.directions.size()));
        found.baseline = meanEffect(latentdirections::find(generator, latentdirections::Method::Random, options, {}, cancel));
    }
    return found;
}
