#pragma once

// Shared by the Qt Test executables.

#include "data/dataset.h"
#include "data/idxfile.h"
#include "spec/presets.h"
#include "spec/specjson.h"

#include <QDir>
#include <QtTest>

// Sanitized builds (scripts/test --sanitize, --tsan) run our code several times slower: the
// long waits of the tests that train scale with this.
#ifdef GP_SANITIZED
inline constexpr int kSlowdown = 5;
#else
inline constexpr int kSlowdown = 1;
#endif

// An MLP GAN on ring8 with `latentDim` latent values, one intra-op thread and a long budget:
// runs that threaded tests start, watch and stop.
inline ExperimentSpec ringMlp(int latentDim = 4)
{
    ExperimentSpec s;
    s.name = QStringLiteral("controller-test");
    s.latentDim = latentDim;
    s.generator.layers = {LayerSpec::linear(latentDim, 32), LayerSpec::simple(LayerKind::ReLU), LayerSpec::linear(32, 2)};
    s.discriminator.layers = {LayerSpec::linear(2, 32), LayerSpec::leakyRelu(0.2), LayerSpec::linear(32, 1)};
    s.data.kind = DataKind::Synthetic2D;
    s.data.syntheticCount = 2000;
    s.batchSize = 64;
    s.threads = 1;
    s.steps = 100000;
    return s;
}

// A small 2D experiment with BatchNorm (a Long buffer), Dropout, EMA and Adam, so that a checkpoint
// and a resume have state of every kind.
inline const char *const kSmall2DExperiment = R"({"format": "gan-playground-experiment", "version": "1.0", "name": "cli-test",
 "latent": {"size": 4},
 "generator": {"layers": [{"kind": "Linear", "in": 4, "out": 32}, {"kind": "BatchNorm1d", "features": 32},
                          {"kind": "ReLU"}, {"kind": "Linear", "in": 32, "out": 2}]},
 "discriminator": {"layers": [{"kind": "Linear", "in": 2, "out": 32}, {"kind": "LeakyReLU", "slope": 0.2},
                              {"kind": "Dropout", "p": 0.2}, {"kind": "Linear", "in": 32, "out": 1}]},
 "data": {"kind": "synthetic-2d", "set": "ring8", "count": 2000},
 "optimizers": {"generator": {"lr": 0.001}, "discriminator": {"lr": 0.001}},
 "training": {"batch_size": 32, "threads": 1, "steps": 200, "ema_decay": 0.9, "sample_every": 100}})";

// Declares `var` as the built-in experiment `name`; fails the calling test if it does not load.
#define LOAD_PRESET(var, name)                                    \
    ExperimentSpec var;                                           \
    QCOMPARE(presets::load(QStringLiteral(name), &var), QString())

// Writes the first `trainCount` Fashion-MNIST training images and `testCount` test images with
// their labels as MNIST-style IDX files (train-*, t10k-*) into `dir`: a small labelled image
// set with a test split, for tests of the image measures. Empty or a message.
inline QString writeFashionSubset(const QString &dir, std::int64_t trainCount, std::int64_t testCount)
{
    if (!QDir().mkpath(dir))
        return QStringLiteral("cannot create %1").arg(dir);
    DataSpec fashion;
    fashion.kind = DataKind::FashionMnist;
    fashion.limit = trainCount;
    const DatasetLoad train = datasets::load(fashion, 1);
    const DatasetLoad test = datasets::loadTestSplit(fashion);
    if (!train.data || !test.data)
        return train.data ? QStringLiteral("no Fashion-MNIST test split") : train.error;
    for (const auto &[prefix, from, count] : {std::tuple{QStringLiteral("train"), train.data.get(), trainCount},
                                              std::tuple{QStringLiteral("t10k"), test.data.get(), testCount}}) {
        const std::int64_t size = std::int64_t(from->height) * from->width;
        const std::vector<std::uint8_t> images(from->pixels.begin(), from->pixels.begin() + std::ptrdiff_t(count * size));
        const std::vector<std::uint8_t> labels(from->labels.begin(), from->labels.begin() + std::ptrdiff_t(count));
        const QString base = QDir(dir).filePath(prefix);
        if (QString e = idxfile::write(base + QStringLiteral("-images-idx3-ubyte"), {count, from->height, from->width}, images); !e.isEmpty())
            return e;
        if (QString e = idxfile::write(base + QStringLiteral("-labels-idx1-ubyte"), {count}, labels); !e.isEmpty())
            return e;
    }
    return QString();
}

// The data settings of that subset (an IDX pair; its t10k files are the test split).
inline DataSpec fashionSubsetData(const QString &dir)
{
    DataSpec data;
    data.kind = DataKind::Idx;
    data.path = QDir(dir).filePath(QStringLiteral("train-images-idx3-ubyte"));
    data.labelsPath = QDir(dir).filePath(QStringLiteral("train-labels-idx1-ubyte"));
    return data;
}

// The dcgan-fashion preset on such a subset (written to `dir`/idx), `steps` long, written as
// the experiment file `file`; empty or a message.
inline QString writeFashionSubsetExperiment(const QString &dir, std::int64_t trainCount, std::int64_t testCount, int steps,
                                           const QString &file)
{
    const QString data = QDir(dir).filePath(QStringLiteral("idx"));
    if (const QString e = writeFashionSubset(data, trainCount, testCount); !e.isEmpty())
        return e;
    ExperimentSpec spec;
    if (const QString e = presets::load(QStringLiteral("dcgan-fashion"), &spec); !e.isEmpty())
        return e;
    spec.data = fashionSubsetData(data);
    spec.steps = steps;
    return specjson::writeFile(spec, file);
}

