#pragma once

#include "data/dataset.h"
#include "discriminatorcopy.h"
#include "generatorcopy.h"
#include "spec/experimentspec.h"
#include "steprecord.h"
#include "substepreport.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

// Trains one experiment: owns G, D, their optimisers, the EMA copy of G and the random
// generator. All torch state lives behind the pimpl; every call must come from one thread.
class Trainer {
public:
    // Builds networks and optimisers from the spec; null with `error` set when it cannot.
    static std::unique_ptr<Trainer> create(const ExperimentSpec &spec, std::shared_ptr<const Dataset> data,
                                           QString *error);
    ~Trainer();

    // One step: dStepsPerG discriminator updates, then one generator update.
    // All or nothing: returns false with `error` set (naming the step, the update and the
    // quantity) when a loss or gradient of any of the step's D updates or of its G update is
    // NaN or infinite, or when torch throws; the trainer is then exactly as before the step
    // (weights, buffers, optimiser states, random stream, data position, step count). The one
    // exception: an error thrown inside G's own optimiser step or EMA update, after every
    // check (out of memory), may leave G partly updated.
    // Finishes a step begun with substep() when one is in progress.
    bool step(StepRecord *record, QString *error);

    // Slow motion: runs the next substep of the current step (substepreport.h), beginning a
    // step when none is in progress, and says in `report` what it did. The substeps of a step
    // are the very code step() runs, so taking a step in seven substeps gives the same
    // networks bit for bit (tst_trainer). A failure undoes the step as step() does.
    bool substep(SubstepReport *report, QString *error);
    bool stepInProgress() const;
    // Undoes a step begun with substep(): the trainer is exactly as before it.
    void abandonStep();

    // Plain MLPs train through hand-written arithmetic equal in value to autograd (much
    // faster for 2D sets); tests switch it off to compare the two.
    void setFusedMlpAllowed(bool allowed);
    bool usesFusedMlp() const;

    // The intra-op threads of the steps from the next one on; the spec's until set. The
    // checkpoint keeps the spec's count: this is how fast, not what is trained (though float
    // sums may round differently with another count).
    void setThreads(int threads);
    int threads() const;

    std::int64_t currentStep() const;
    const std::vector<StepRecord> &history() const;
    // The image measures taken of this run (by whoever measured them), in step order; saved
    // with the checkpoint, so a resumed run keeps its quality points. A record for a step
    // before the last one kept, or past the current step, is ignored.
    void addQuality(const QualityRecord &record);
    const std::vector<QualityRecord> &qualityHistory() const;
    const ExperimentSpec &spec() const;
    const Dataset &data() const;
    std::shared_ptr<const Dataset> sharedData() const;  // the same, for readers on other threads (immutable)

    // Samples from the fixed evaluation noise (the same for the whole run); from the EMA of G
    // when enabled. BatchNorm uses running statistics. A conditional run's grid has one row of
    // 8 per class (conditioning::gridLabels), its noise fixed per column; `count` caps it.
    SampleBatch sampleFixed(int count = 64);
    // The grid's samples and columns for the live view (conditional: 8 per class row).
    int fixedGridCount() const;
    // Samples from fresh noise drawn from `seed` (independent of training randomness), of class
    // `label` in a conditional run (-1: labels drawn from `seed` too, uniformly).
    // An empty batch when `cancel` is raised. With `raw`, the outputs as they are besides
    // (SampleBatch::values).
    SampleBatch sample(int count, std::uint64_t seed, const std::atomic<bool> *cancel = nullptr, int label = -1, bool raw = false);

    // A frozen copy of the generator (its EMA when enabled) for use on another thread.
    std::shared_ptr<GeneratorCopy> copyGenerator() const;
    // A frozen copy of the discriminator (for the 2D lab), from the same step.
    std::shared_ptr<DiscriminatorCopy> copyDiscriminator() const;

    // Writes spec, G, D, EMA, optimiser states, RNG state, data order, step and history
    // atomically. Returns an empty string or a message naming the file. Refused while a step
    // is in progress (its D is updated, its G not yet): finish or abandon it first.
    QString saveCheckpoint(const QString &path) const;
    // Restores everything saved; on any problem returns a message and changes nothing. A
    // checkpoint whose run was trained on data of another size than this trainer's is refused
    // (`trainedOn`, when given, then holds that size) unless `reshuffle`: then training goes on
    // with a new shuffle of the data. A trainer of stand-in data (Dataset::standIn) takes the
    // checkpoint whatever its data.
    QString loadCheckpoint(const QString &path, bool reshuffle = false, std::int64_t *trainedOn = nullptr);
    // The run as the exported PyTorch script loads it (export/pytorchscript, pytorchexport): a
    // safetensors file of G, D and the EMA under the script's names, the optimisers' states, the
    // random stream, the data order and position, the fixed noise and the step. Written
    // atomically; empty, or a message naming the file. Refused while a step is in progress.
    QString exportWeights(const QString &path) const;
    // The experiment a checkpoint was saved from.
    static QString readCheckpointSpec(const QString &path, ExperimentSpec *spec);
    // Trains as one rank of `group` (DataParallel) from the next step: the slice of each global
    // batch that is this rank's, the gradients averaged across ranks. Broadcasts rank 0's weights
    // first (every rank calls it at the same point). A batch that does not divide among the ranks
    // is refused with a sentence. Null: a run of one process again.
    QString joinDataParallel(std::shared_ptr<class DataParallel> group);
    // Why this build cannot train on `device` ("cuda" in a build without CUDA, "cuda:3" on a
    // machine with one GPU, "tpu"), in one sentence, or empty. "auto" is always fine.
    static QString deviceProblem(const QString &device);
    // The device that `device` names: "auto" is CUDA's first GPU where this build sees one, else
    // the CPU; any other is itself.
    static QString resolveDevice(const QString &device);
    // The devices this build can train on: "auto", "cpu", then "cuda:0", "cuda:1", ... when
    // LibTorch has CUDA and a GPU is present.
    static QStringList availableDevices();
    // Whether this build's LibTorch has CUDA (whether or not a GPU is present).
    static bool buildHasCuda();
    // Why `spec`'s precision cannot be used on its device here (bf16 on a CPU without bfloat16
    // arithmetic), in one sentence, or empty.
    static QString precisionProblem(const ExperimentSpec &spec);
    // `device` (resolved) as a person reads it: "CPU (AMD EPYC 9B14, 2 cores)", "GPU cuda:0".
    static QString deviceName(const QString &device);

private:
    struct Impl;
    explicit Trainer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};
