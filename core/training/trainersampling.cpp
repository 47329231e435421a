#include "trainerimpl_p.h"

#include "seededsamples_p.h"

#include "checkpoint_p.h"

#include "spec/classgrid.h"

#include <algorithm>

#include <QCoreApplication>
#include <sstream>

namespace {
// Messages a user reads: translated (context "Trainer").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Trainer)
};
}  // namespace

void Trainer::setFusedMlpAllowed(bool allowed) { d->fusedAllowed = allowed; }

void Trainer::setThreads(int threads) { d->threads = std::max(1, threads); }

int Trainer::threads() const { return d->threads; }

bool Trainer::usesFusedMlp() const
{
    std::optional<fusedmlp::Net> g, dn;
    d->fusedNets(&g, &dn);
    return g && dn;
}

torch::Tensor Trainer::Impl::gridInput(int count) const
{
    const std::vector<int> rows = classgrid::noiseRows(spec);
    const int n = std::clamp(count, 0, int(rows.size()));
    const torch::Tensor index = torch::tensor(std::vector<std::int64_t>(rows.begin(), rows.begin() + n), torch::kLong);
    const torch::Tensor z = evalNoise.index_select(0, index.to(evalNoise.device()));
    const std::vector<int> labels = classgrid::labels(spec);
    if (labels.empty())
        return z;
    const torch::Tensor y = torch::tensor(std::vector<std::int64_t>(labels.begin(), labels.begin() + n), torch::kLong);
    return conditioning::generatorInput(spec, z, y);
}

SampleBatch Trainer::sampleFixed(int count) { return d->generateFrom(d->gridInput(std::min(count, fixedGridCount()))); }

int Trainer::fixedGridCount() const { return classgrid::count(d->spec); }

SampleBatch Trainer::sample(int count, std::uint64_t seed, const std::atomic<bool> *cancel, int label, bool raw)
{
    return seededsamples::draw([this, raw](const torch::Tensor &input) { return d->generateFrom(input, raw); }, count, seed, d->spec,
                               label, cancel);
}

namespace {
QByteArray serialized(const torch::nn::Sequential &net)
{
    torch::serialize::OutputArchive archive;
    net->save(archive);
    std::ostringstream out;
    archive.save_to(out);
    const std::string bytes = out.str();
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}
}  // namespace

std::shared_ptr<DiscriminatorCopy> Trainer::copyDiscriminator() const
{
    return std::make_shared<DiscriminatorCopy>(d->spec, serialized(d->D), d->step);
}

std::shared_ptr<GeneratorCopy> Trainer::copyGenerator() const
{
    // The grid's own latent vectors, one per grid sample (a conditional grid repeats a column's).
    const torch::Tensor noise = d->gridInput(fixedGridCount()).slice(1, 0, d->spec.latentDim).to(torch::kCPU).to(torch::kFloat).contiguous();
    std::vector<float> latents(noise.data_ptr<float>(), noise.data_ptr<float>() + noise.numel());
    return std::make_shared<GeneratorCopy>(d->spec, serialized(d->Gema ? d->Gema : d->G), d->step, std::move(latents),
                                           classgrid::labels(d->spec));
}

QString Trainer::saveCheckpoint(const QString &path) const
{
    if (d->pending)
        return Text::tr("%1: not saved, because step %2 is half done in slow motion (D is updated, G not yet); "
                              "finish the step, then save")
            .arg(path)
            .arg(d->pending->number);
    return checkpoint::save(*d, path);
}

QString Trainer::readCheckpointSpec(const QString &path, ExperimentSpec *spec)
{
    checkpoint::File file;
    if (QString e = checkpoint::open(path, &file); !e.isEmpty())
        return e;
    *spec = file.spec;
    return QString();
}

QString Trainer::loadCheckpoint(const QString &path, bool reshuffle, std::int64_t *trainedOn)
{
    checkpoint::File file;
    if (QString e = checkpoint::open(path, &file); !e.isEmpty())
        return e;
    if (QString e = checkpoint::fits(path, file.spec, d->spec); !e.isEmpty())
        return e;
    // Load into a fresh copy; the running state is replaced only when everything loaded.
    QString error;
    std::unique_ptr<Impl> fresh = Impl::create(d->spec, d->data, &error);
    if (!fresh)
        return error;
    if (trainedOn)
        *trainedOn = -1;
    // The data order's length is the size of the data the run was trained on.
    const torcharchive::TensorInfo *order = file.contents.tensor(QStringLiteral("order"));
    if (order && !d->data->standIn && !reshuffle) {
        std::int64_t n = 1;
        for (std::int64_t dim : order->sizes)
            n *= dim;
        if (n > 0 && n != d->data->count) {
            if (trainedOn)
                *trainedOn = n;
            return Text::tr("%1: the run was trained on %2 samples, and its data (%3) now holds %4")
                .arg(path)
                .arg(n)
                .arg(d->data->source)
                .arg(d->data->count);
        }
    }
    if (QString e = checkpoint::restore(file, *fresh, reshuffle || d->data->standIn); !e.isEmpty())
        return e;
    fresh->fusedAllowed = d->fusedAllowed;
    fresh->parallel = d->parallel;  // a rank that loads a checkpoint stays in its group
    fresh->averageD = d->averageD;  // laid out again for the new modules' parameters
    fresh->averageG = d->averageG;
    d = std::move(fresh);
    return QString();
}
