#pragma once

#include "spec/experimentspec.h"
#include "steprecord.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

// A frozen copy of a run's generator (its moving average when the run keeps one) for the
// latent explorer. The training thread makes it from the weights between two steps; from then
// on it belongs to whoever received it and shares nothing with the weights the optimiser is
// changing. Immutable once built, so any number of threads use one copy at once without a lock:
// the network is built once, on first use, in eval mode, and a forward pass only reads it.
namespace torch::nn {
class Sequential;
}

class GeneratorCopy {
public:
    // `state` is the generator's serialized parameters and buffers (Trainer::copyGenerator);
    // `evalLatents` the run's fixed evaluation noise (rows of latentDim values), whose samples
    // make the live grid; `evalLabels` the class of each of them (conditional runs).
    GeneratorCopy(const ExperimentSpec &spec, QByteArray state, std::int64_t step, std::vector<float> evalLatents = {},
                  std::vector<int> evalLabels = {});
    ~GeneratorCopy();
    GeneratorCopy(const GeneratorCopy &) = delete;
    GeneratorCopy &operator=(const GeneratorCopy &) = delete;

    // Where the network runs (a name Trainer::resolveDevice reads: "auto", "cpu", "cuda:1"); the
    // CPU unless set, before the copy's first use and before it is shared. The command line's
    // directions and walk follow --device; the window's renderers keep the CPU, so that they
    // never queue work behind the training on a GPU. Inputs and results stay on the CPU either way.
    void setDevice(const QString &device);
    QString device() const;  // resolved: "cpu", "cuda:0"

    const ExperimentSpec &spec() const;
    int latentDim() const;
    std::int64_t step() const;  // the training step the weights are from
    // The latent vector of sample `index` of the live grid; empty when out of range.
    std::vector<float> evalLatent(int index) const;
    // All of the live grid's latent vectors, row by row.
    const std::vector<float> &evalLatents() const;
    // The class of each sample of the live grid (conditional runs; else empty).
    const std::vector<int> &evalLabels() const;
    // The number of classes the generator is told (0: an unconditional run).
    int classes() const;

    // Samples for `count` latent vectors (count x latentDim values, row-major). The network is
    // built on first use. A conditional generator makes sample i of class labels[i] (of class
    // 0 when `labels` is empty). An empty batch, with `error` set, when the sizes disagree, a
    // label is out of range or the state does not load.
    SampleBatch generate(const std::vector<float> &latents, int count, QString *error = nullptr,
                         const std::vector<int> &labels = {}) const;
    // A conditional generator between two classes: sample i asked as (1 - t[i]) of class `from`
    // and t[i] of class `to` (the label embeddings mixed alike), with the same checks.
    SampleBatch generateBetween(const std::vector<float> &latents, int count, int from, int to, const std::vector<float> &t,
                                QString *error = nullptr) const;
    // `count` samples from noise drawn from `seed`, exactly as Trainer::sample draws them (of
    // class `label`, or when -1 of the classes Trainer::sample draws).
    SampleBatch sample(int count, std::uint64_t seed, QString *error = nullptr, int label = -1) const;

private:
    friend bool withGeneratorNetwork(const GeneratorCopy &, const std::function<void(torch::nn::Sequential &)> &, QString *);
    struct Impl;
    std::unique_ptr<Impl> d;
};
Q_DECLARE_METATYPE(std::shared_ptr<GeneratorCopy>)  // crosses threads in queued signals
