#pragma once

// Private to the engine: includes torch. The trainer's state and helpers, shared by
// trainer.cpp (create, step) and trainersampling.cpp (samples, generator copies, checkpoints).

#include "dataparallel_p.h"
#include "nn/conditioning_p.h"
#include "fusedmlp_p.h"
#include "losses_p.h"
#include "seededsamples_p.h"
#include "steprollback_p.h"
#include "tensorsamples_p.h"
#include "trainer.h"
#include "trainerstate_p.h"

#include <ATen/CPUGeneratorImpl.h>

#include <functional>
#include <optional>

// A step taken so far: what its substeps computed and hand on to the next ones. step() runs
// all of a step's substeps at once; substep() one at a time; both run the same code.
struct PendingStep {
    std::int64_t number = 0;
    Substep next = Substep::Draw;
    int dUpdate = 0;  // 0-based
    double sigma = 0, realTarget = 1;
    bool fused = false;
    std::optional<fusedmlp::Net> fusedG, fusedD;
    std::vector<torch::Tensor> dParams, gParams;
    BatchSampler keptBatches;     // the data position before the step
    std::vector<double> keptRates;  // the learning rates before the step
    StepRecord record;
    double seconds = 0;  // time spent in the step's substeps

    torch::Tensor real, z, fake, fakeForG, realIn, fakeIn, realOut, fakeOut;
    torch::Tensor realLabels, fakeLabels;  // conditional runs: the real batch's classes and those asked of G
    torch::Tensor realLogits, fakeLogits;  // auxiliary conditioning: D's class logits
    fusedmlp::Pass gPass, dPass;
    losses::DiscriminatorLoss parts;
    float penalty = 0;
    SubstepReport view;  // what slow motion has shown of this step so far
};

inline at::Generator makeGenerator(std::uint64_t seed)
{
    return at::make_generator<at::CPUGeneratorImpl>(seed);
}

// The run's state and what the step needs besides: the switch for the hand-written MLP path
// and the buffers a failed step is undone from.
struct Trainer::Impl : TrainerState {
    bool fusedAllowed = true;
    int threads = 1;  // intra-op threads of the steps (Trainer::setThreads)
    StepRollback rollback;
    std::optional<PendingStep> pending;  // a step begun and not finished (slow motion)

    // Data-parallel training (joinDataParallel): each network's gradients averaged across the
    // ranks, begun during its backward pass and finished before the check and optimiser step
    // that follow (gradientsReady). Null in one process: the gradients are used as computed.
    std::shared_ptr<dataparallel::GradientAverager> averageD, averageG;
    // Data-parallel training (joinDataParallel): this rank's slice of every global batch.
    std::shared_ptr<DataParallel> parallel;

    // Runs the next substep of the pending step (beginning one when there is none), filling
    // `report` when given. False with `error` set when it failed; the step is then undone.
    bool advance(SubstepReport *report, QString *error);
    // Puts back everything the pending step changed and forgets it.
    void undoPending();

    // The substeps, in the order advance() runs them (slow motion shows each). `reporting`:
    // also keep what slow motion shows of it. False, with `error` set, when the step must be undone.
    bool beginStep(QString *error);  // keeps what an undo restores; the schedule's learning rates
    void draw(PendingStep &p);       // a real batch and the latent noise
    void generate(PendingStep &p, bool lastDUpdate);
    void score(PendingStep &p);      // D on the real and the fake batch (with instance noise)
    bool discriminatorLoss(PendingStep &p, QString *error);  // and its backward pass
    void discriminatorUpdate(PendingStep &p, bool reporting);
    bool generatorLoss(PendingStep &p, bool reporting, QString *error);  // and its backward pass
    void generatorUpdate(PendingStep &p, bool reporting);  // and the moving average
    void finishStep(SubstepReport *report);  // the record joins the history

    // The hand-written Adam step on the fused path, else the optimiser's own.
    static void optimizerStep(const PendingStep &p, torch::optim::Optimizer &optimizer);
    // The gradients averaged across ranks (data-parallel), then the gradient norm; false, with the sentence a user reads, when it
    // or the loss is not finite (before any optimiser step).
    bool gradientsReady(PendingStep &p, NetworkRole network, float lossValue, float *gradNorm, QString *error);
    // Before a network's backward pass on the autograd path: its gradients' buckets are sent as
    // backward makes them (data-parallel).
    void beginGradients(const PendingStep &p, NetworkRole network, float lossValue);
    // Slow motion's view of the step after substep `done`.
    void describe(PendingStep &p, Substep done, SubstepReport *report) const;

    static std::unique_ptr<Impl> create(const ExperimentSpec &s, std::shared_ptr<const Dataset> data, QString *error);

    torch::Tensor noise(std::int64_t n, at::Generator &g) const
    {
        return seededsamples::noise(n, spec.latentDim, spec.prior, g).to(device);
    }
    // The fixed grid's generator input (classgrid): its noise rows, joined with its labels.
    torch::Tensor gridInput(int count) const;

    // The hand-written MLP arithmetic (fusedmlp_p.h) serves when both networks are plain MLPs on
    // the CPU and the loss needs nothing it lacks (the WGAN-GP penalty at mixed points; R1
    // through smooth activations). Rebuilt each step: loading a checkpoint replaces modules.
    void fusedNets(std::optional<fusedmlp::Net> *g, std::optional<fusedmlp::Net> *dn)
    {
        if (!fusedAllowed || !device.is_cpu() || spec.loss.kind == LossKind::WassersteinGP || spec.precision != Precision::Fp32
            || spec.conditioning.enabled())
            return;
        *g = fusedmlp::extract(G);
        *dn = fusedmlp::extract(D);
        if (!*g || !*dn || (spec.loss.r1Gamma > 0 && !(*dn)->piecewiseLinear()))
            g->reset(), dn->reset();
    }

    // Samples of the sampling generator for `input` (z, joined with one-hot labels in a
    // conditional run: conditioning::generatorInput).
    SampleBatch generateFrom(const torch::Tensor &input, bool raw = false)
    {
        torch::NoGradGuard noGrad;
        torch::nn::Sequential &net = Gema ? Gema : G;
        net->eval();
        const torch::Tensor out = net->forward(input.to(device));
        net->train();
        return toSampleBatch(out, raw);
    }
};
