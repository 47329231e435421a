#pragma once

// Shared by the trainer's and the checkpoint's tests: small experiments and trainers on them.

#include "data/dataset.h"
#include "training/trainer.h"

#include <QFile>
#include <QFileInfo>
#include <QtTest>

#include <memory>

namespace trainersupport {
ExperimentSpec smallMlp(int width = 32)
{
    ExperimentSpec s;
    s.name = QStringLiteral("test-mlp");
    s.latentDim = 4;
    s.generator.layers = {LayerSpec::linear(4, width), LayerSpec::simple(LayerKind::ReLU), LayerSpec::linear(width, 2)};
    s.discriminator.layers = {LayerSpec::linear(2, width), LayerSpec::leakyRelu(0.2), LayerSpec::linear(width, 1)};
    s.data.kind = DataKind::Synthetic2D;
    s.data.syntheticCount = 500;
    s.batchSize = 32;
    s.optimizerG.lr = s.optimizerD.lr = 1e-3;
    s.threads = 1;
    return s;
}

// A trainer for `s`, or null with `why` set; `skip` when Fashion-MNIST is not installed here.
std::unique_ptr<Trainer> makeTrainer(const ExperimentSpec &s, QString *why, bool *skip)
{
    *skip = s.data.kind == DataKind::FashionMnist && !QFileInfo::exists(datasets::fashionMnistDir());
    if (*skip) {
        *why = QStringLiteral("Fashion-MNIST is not installed (%1); scripts/test installs dataset-fashion-mnist").arg(datasets::fashionMnistDir());
        return nullptr;
    }
    const DatasetLoad loaded = datasets::load(s.data, s.seed);
    if (!loaded.data) {
        *why = loaded.error;
        return nullptr;
    }
    return Trainer::create(s, loaded.data, why);
}
}  // namespace trainersupport

// Declares `name` as a trainer for `spec`; fails the test when it cannot be built, and skips
// it when the data is not installed (never aborts the whole executable).
#define MAKE_TRAINER(name, spec)                                   \
    QString name##Why;                                             \
    bool name##Skip = false;                                       \
    const std::unique_ptr<Trainer> name = trainersupport::makeTrainer(spec, &name##Why, &name##Skip); \
    if (name##Skip)                                                \
        QSKIP(qPrintable(name##Why));                              \
    QVERIFY2(name, qPrintable(name##Why))


namespace trainersupport {
bool sameRecords(const StepRecord &a, const StepRecord &b)
{
    return a.step == b.step && a.lossD == b.lossD && a.lossG == b.lossG && a.dReal == b.dReal && a.dFake == b.dFake
        && a.gradNormD == b.gradNormD && a.gradNormG == b.gradNormG;
}
// Everything a checkpoint holds (weights, buffers, optimiser states, random stream, data order
// and position, step, history), as bytes.
QByteArray stateBytes(const Trainer &trainer, const QString &path)
{
    if (!trainer.saveCheckpoint(path).isEmpty())
        return {};
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::shared_ptr<Dataset> points(const std::vector<float> &xy)
{
    auto data = std::make_shared<Dataset>();
    data->kind = Dataset::Kind::Points;
    data->count = std::int64_t(xy.size() / 2);
    data->points = xy;
    return data;
}

}  // namespace trainersupport
