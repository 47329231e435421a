#include "checkpoint_p.h"

#include "errortext.h"

#include "io/atomicfile.h"
#include "io/memorybudget.h"
#include "nn/tensortable_p.h"
#include "spec/specjson.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cmath>
#include <QVariantMap>

#include <sstream>

namespace {
// Messages a user reads: translated (context "Checkpoint").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Checkpoint)
};
}  // namespace

namespace checkpoint {
namespace {

constexpr const char *kFormat = "gan-playground-checkpoint";
constexpr std::int64_t kVersion = 1;

// The history as a double tensor, one row per step, columns as steprecords::columns().
torch::Tensor historyTensor(const std::vector<StepRecord> &history)
{
    const auto &columns = steprecords::columns();
    torch::Tensor t = torch::empty({std::int64_t(history.size()), std::int64_t(columns.size())}, torch::kDouble);
    auto h = t.accessor<double, 2>();
    for (size_t i = 0; i < history.size(); ++i)
        for (size_t c = 0; c < columns.size(); ++c)
            h[std::int64_t(i)][std::int64_t(c)] = columns[c].get(history[i]);
    return t;
}

// The image measures as a double tensor, one row per measurement: the step, then
// steprecords::qualityColumns().
torch::Tensor qualityTensor(const std::vector<QualityRecord> &quality)
{
    const auto &columns = steprecords::qualityColumns();
    torch::Tensor t = torch::empty({std::int64_t(quality.size()), std::int64_t(columns.size()) + 1}, torch::kDouble);
    auto q = t.accessor<double, 2>();
    for (size_t i = 0; i < quality.size(); ++i) {
        q[std::int64_t(i)][0] = double(quality[i].step);
        for (size_t c = 0; c < columns.size(); ++c)
            q[std::int64_t(i)][std::int64_t(c) + 1] = columns[c].get(quality[i]);
    }
    return t;
}

std::vector<QualityRecord> qualityFrom(const torch::Tensor &tensor)
{
    const auto &columns = steprecords::qualityColumns();
    const torch::Tensor t = tensor.contiguous();
    auto q = t.accessor<double, 2>();
    std::vector<QualityRecord> quality(size_t(t.size(0)));
    for (size_t i = 0; i < quality.size(); ++i) {
        // A whole step the run has reached is checked by the caller; a value no step can be
        // (NaN, a fraction, beyond 2^53) is refused here, before it is cast.
        const double step = q[std::int64_t(i)][0];
        if (!(step >= 1 && step <= 9007199254740991.0) || step != std::floor(step))
            throw std::runtime_error("its image measures name a step that is not a whole number");
        quality[i].step = std::int64_t(step);
        for (size_t c = 0; c < columns.size(); ++c)
            columns[c].set(quality[i], q[std::int64_t(i)][std::int64_t(c) + 1]);
    }
    return quality;
}

std::vector<StepRecord> historyFrom(const torch::Tensor &tensor)
{
    const auto &columns = steprecords::columns();
    const torch::Tensor t = tensor.to(torch::kDouble).contiguous();
    auto h = t.accessor<double, 2>();
    std::vector<StepRecord> history(size_t(t.size(0)));
    for (size_t i = 0; i < history.size(); ++i)
        for (size_t c = 0; c < columns.size(); ++c)
            columns[c].set(history[i], h[std::int64_t(i)][std::int64_t(c)]);
    return history;
}

std::vector<std::vector<int64_t>> shapesOf(const torch::nn::Sequential &net)
{
    std::vector<std::vector<int64_t>> shapes;
    for (const auto &t : net->named_parameters())
        shapes.push_back(t.value().sizes().vec());
    for (const auto &t : net->named_buffers())
        shapes.push_back(t.value().sizes().vec());
    return shapes;
}

}  // namespace

QString save(const TrainerState &m, const QString &path)
{
    try {
        torch::serialize::OutputArchive archive;
        archive.write("format", c10::IValue(std::string(kFormat)));
        archive.write("version", c10::IValue(kVersion));
        archive.write("spec", c10::IValue(specjson::toBytes(m.spec).toStdString()));
        archive.write("step", c10::IValue(m.step));
        auto writeNested = [&](const char *key, const auto &saver) {
            torch::serialize::OutputArchive nested;
            saver(nested);
            archive.write(key, nested);
        };
        writeNested("generator", [&](auto &a) { m.G->save(a); });
        writeNested("discriminator", [&](auto &a) { m.D->save(a); });
        if (m.Gema)
            writeNested("generator_ema", [&](auto &a) { m.Gema->save(a); });
        writeNested("optimizer_g", [&](auto &a) { m.optG->save(a); });
        writeNested("optimizer_d", [&](auto &a) { m.optD->save(a); });
        archive.write("rng", m.gen.get_state());
        archive.write("order", m.batches.order.defined() ? m.batches.order : torch::empty({0}, torch::kLong));
        archive.write("cursor", c10::IValue(m.batches.cursor));
        archive.write("eval_noise", m.evalNoise);
        archive.write("history", historyTensor(m.history));
        if (!m.quality.empty())
            archive.write("quality", qualityTensor(m.quality));

        std::ostringstream stream;
        archive.save_to(stream);
        const std::string bytes = stream.str();
        return atomicfile::write(path, QByteArrayView(bytes.data(), qsizetype(bytes.size())), Text::tr("checkpoint"));
    } catch (const std::exception &e) {
        return Text::tr("%1: cannot save the checkpoint: %2; the previous checkpoint is unchanged").arg(path, errorText(e));
    }
}

QString open(const QString &path, File *file)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return Text::tr("%1: not a regular file; choose a checkpoint.pt written by GAN Playground").arg(path);
    // Loading holds the file, LibTorch's copy of each tensor and the networks it fills.
    const double needed = 3.0 * double(info.size());
    if (const double budget = double(memorybudget::availableBytes()); needed > budget)
        return Text::tr("%1: this checkpoint of %2 needs about %3 of memory to load, more than the %4 this process can use; "
                        "load it where more memory is free")
            .arg(path, memorybudget::describe(double(info.size())), memorybudget::describe(needed), memorybudget::describe(budget));
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return Text::tr("%1: cannot open the checkpoint (%2)").arg(path, in.errorString());
    file->path = path;
    file->bytes = in.readAll();
    file->contents = torcharchive::read(file->bytes);
    if (!file->contents.ok())
        return Text::tr("%1: the checkpoint is damaged or not a checkpoint (%2); nothing was loaded. "
                        "Use an earlier copy or train the run again.")
            .arg(path, file->contents.error);
    const QVariantMap &values = file->contents.values;
    if (values.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return Text::tr("%1: not a GAN Playground checkpoint").arg(path);
    const QVariant version = values.value(QStringLiteral("version"));
    if (version.typeId() != QMetaType::LongLong || version.toLongLong() != kVersion)
        return Text::tr("%1: checkpoint version %2 is not supported by this program")
            .arg(path)
            .arg(version.typeId() == QMetaType::LongLong ? version.toLongLong() : -1);
    const QVariant json = values.value(QStringLiteral("spec"));
    if (!json.isValid())
        return Text::tr("%1: the checkpoint holds no experiment").arg(path);
    if (json.typeId() != QMetaType::QString)
        return Text::tr("%1: the checkpoint's experiment is not text").arg(path);
    const specjson::ParseResult parsed = specjson::fromBytes(json.toString().toUtf8(), path + Text::tr(" (experiment)"));
    if (!parsed.ok())
        return parsed.errors.join(QLatin1Char('\n'));
    file->spec = parsed.spec;
    return QString();
}

QString fits(const QString &path, ExperimentSpec saved, const ExperimentSpec &current)
{
    saved.generator.assignMissingIds(QStringLiteral("g"));
    saved.discriminator.assignMissingIds(QStringLiteral("d"));
    for (NetworkRole role : {NetworkRole::Generator, NetworkRole::Discriminator}) {
        const auto &mine = current.network(role).layers;
        const auto &theirs = saved.network(role).layers;
        for (size_t i = 0; i < std::max(mine.size(), theirs.size()); ++i) {
            if (i >= mine.size() || i >= theirs.size() || mine[i] != theirs[i])
                return (role == NetworkRole::Generator
                            ? Text::tr("%1: saved from a different architecture (the generator differs at layer %2); "
                                       "open the experiment it was saved with")
                            : Text::tr("%1: saved from a different architecture (the discriminator differs at layer %2); "
                                       "open the experiment it was saved with"))
                    .arg(path)
                    .arg(i + 1);
        }
    }
    if (saved.conditioning != current.conditioning)
        return Text::tr("%1: saved with conditioning %2 (%3 classes), this experiment uses %4 (%5 classes); open the experiment it "
                        "was saved with")
            .arg(path, specnames::conditioning(saved.conditioning.kind))
            .arg(saved.conditioning.enabled() ? saved.conditioning.classes : 0)
            .arg(specnames::conditioning(current.conditioning.kind))
            .arg(current.conditioning.enabled() ? current.conditioning.classes : 0);
    if (saved.latentDim != current.latentDim)
        return Text::tr("%1: saved with latent size %2, this experiment uses %3").arg(path).arg(saved.latentDim).arg(current.latentDim);
    if ((saved.emaDecay > 0) != (current.emaDecay > 0))
        return (saved.emaDecay > 0 ? Text::tr("%1: saved with an EMA generator; set the EMA decay as when it was saved")
                                   : Text::tr("%1: saved without an EMA generator; set the EMA decay as when it was saved"))
            .arg(path);
    return QString();
}

namespace {
// What this experiment's checkpoint holds, tensor by tensor.
QString checkTensors(const torcharchive::Contents &contents, TrainerState &fresh, std::int64_t step)
{
    tensortable::Table table;
    tensortable::addModule(table, QStringLiteral("generator"), *fresh.G);
    tensortable::addModule(table, QStringLiteral("discriminator"), *fresh.D);
    if (fresh.Gema)
        tensortable::addModule(table, QStringLiteral("generator_ema"), *fresh.Gema);
    tensortable::addOptimizer(table, contents, QStringLiteral("optimizer_g"), *fresh.optG);
    tensortable::addOptimizer(table, contents, QStringLiteral("optimizer_d"), *fresh.optD);
    table[QStringLiteral("rng")] = {torch::kByte, fresh.gen.get_state().sizes().vec()};
    table[QStringLiteral("order")] = {torch::kLong, {-1}};  // its length is checked against the data below
    table[QStringLiteral("eval_noise")] = {torch::kFloat, fresh.evalNoise.sizes().vec()};
    table[QStringLiteral("history")] = {torch::kDouble, {step, std::int64_t(steprecords::columns().size())}};
    // Checkpoints of runs without image measures (and of earlier versions) have none.
    table[QStringLiteral("quality")] = {torch::kDouble, {-1, std::int64_t(steprecords::qualityColumns().size()) + 1}, false};
    return tensortable::compare(contents, table);
}
}  // namespace

QString restore(const File &file, TrainerState &fresh, bool anyData)
{
    const QString &path = file.path;
    const QVariant stepValue = file.contents.values.value(QStringLiteral("step"));
    QString problem;
    if (stepValue.typeId() != QMetaType::LongLong || stepValue.toLongLong() < 0)
        problem = Text::tr("its step count is not a whole number of at least 0");
    else
        problem = checkTensors(file.contents, fresh, stepValue.toLongLong());
    if (!problem.isEmpty())
        return Text::tr("%1: the checkpoint does not fit this experiment or is damaged (%2); nothing was changed").arg(path, problem);
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(file.bytes.constData(), size_t(file.bytes.size()));
    } catch (const std::exception &) {
        // c10::Error, torch::jit::ErrorReport and std errors alike: the archive's contents do
        // not parse although its container and table are sound (written by something else).
        return Text::tr("%1: damaged or not a checkpoint (it cannot be read as one)").arg(path);
    }
    try {
        auto loadNested = [&](const char *key, torch::nn::Sequential &net) {
            const auto before = shapesOf(net);
            torch::serialize::InputArchive nested;
            archive.read(key, nested);
            net->load(nested);
            if (shapesOf(net) != before)
                throw std::runtime_error(std::string("tensor shapes in ") + key + " do not match the experiment");
        };
        loadNested("generator", fresh.G);
        loadNested("discriminator", fresh.D);
        if (fresh.Gema)
            loadNested("generator_ema", fresh.Gema);
        torch::serialize::InputArchive optG, optD;
        archive.read("optimizer_g", optG);
        fresh.optG->load(optG);
        archive.read("optimizer_d", optD);
        fresh.optD->load(optD);
        torch::Tensor rng, order, evalNoise, history;
        archive.read("rng", rng);
        fresh.gen.set_state(rng);
        archive.read("order", order);
        c10::IValue cursor;
        archive.read("cursor", cursor);
        const std::int64_t count = fresh.data->count;
        if (fresh.data->standIn) {
            // Opened to be explored, without its data: the order is kept as it is (checked when
            // the run is opened on its data), so that a checkpoint saved from here (the
            // window's autosave) continues the run's batches as the original does.
            fresh.batches.order = order.numel() > 0 ? order : torch::Tensor();
            fresh.batches.cursor = cursor.toInt();
        } else if (anyData) {
            // A new shuffle of whatever the data is now, at its next batch.
            fresh.batches.order = torch::Tensor();
            fresh.batches.cursor = 0;
        } else {
            if (order.numel() > 0) {
                if (order.numel() != count)
                    throw std::runtime_error("its data order is for a dataset of another size");
                if (order.dim() != 1 || order.scalar_type() != torch::kLong || order.min().item<std::int64_t>() < 0
                    || order.max().item<std::int64_t>() >= count)
                    throw std::runtime_error("its data order holds indices outside the dataset");
            }
            fresh.batches.order = order.numel() > 0 ? order : torch::Tensor();
            fresh.batches.cursor = cursor.toInt();
            if (fresh.batches.cursor < 0 || fresh.batches.cursor > count)
                throw std::runtime_error("its position in the data order is outside the dataset");
        }
        fresh.step = stepValue.toLongLong();
        archive.read("eval_noise", evalNoise);
        if (evalNoise.sizes() != fresh.evalNoise.sizes())
            throw std::runtime_error("its evaluation noise has another shape than the experiment's");
        fresh.evalNoise = evalNoise.to(fresh.device).to(torch::kFloat);
        archive.read("history", history);
        if (history.dim() != 2 || history.size(1) != std::int64_t(steprecords::columns().size()) || history.size(0) != fresh.step)
            throw std::runtime_error("its loss history is malformed");
        fresh.history = historyFrom(history);
        fresh.quality.clear();
        if (archive.try_read("quality", history)) {
            fresh.quality = qualityFrom(history);
            for (const QualityRecord &q : fresh.quality)
                if (q.step < 1 || q.step > fresh.step)
                    throw std::runtime_error("its image measures name a step the run has not reached");
        }
        // Training never saves a non-finite weight (a failed step is undone), so one here means
        // the file was altered.
        for (const auto &[key, net] : {std::pair{"generator", fresh.G}, std::pair{"discriminator", fresh.D},
                                       std::pair{"generator_ema", fresh.Gema}}) {
            if (!net)
                continue;
            for (const auto &t : net->named_parameters())
                if (!torch::isfinite(t.value()).all().item<bool>())
                    throw std::runtime_error(std::string(key) + " weight " + t.key() + " holds NaN or infinite values");
            for (const auto &t : net->named_buffers())
                if (t.value().is_floating_point() && !torch::isfinite(t.value()).all().item<bool>())
                    throw std::runtime_error(std::string(key) + " buffer " + t.key() + " holds NaN or infinite values");
        }
        if (!torch::isfinite(fresh.evalNoise).all().item<bool>())
            throw std::runtime_error("its evaluation noise holds NaN or infinite values");
    } catch (const std::exception &e) {
        return Text::tr("%1: the checkpoint does not fit this experiment or is damaged (%2); nothing was changed")
            .arg(path, errorText(e));
    }
    return QString();
}

}  // namespace checkpoint
