#pragma once

// Private to the engine: includes torch. The trainer's state and helpers, shared by
// trainer.cpp (create, step) and trainersampling.cpp (samples, generator copies, checkpoints).

#include "fusedmlp_p.h"
#include "seededsamples_p.h"
#include "steprollback_p.h"
#include "tensorsamples_p.h"
#include "trainer.h"
#include "trainerstate_p.h"

#include <ATen/CPUGeneratorImpl.h>

#include <optional>

inline at::Generator makeGenerator(std::uint64_t seed)
{
    return at::make_generator<at::CPUGeneratorImpl>(seed);
}

// The run's state and what the step needs besides: the switch for the hand-written MLP path
// and the buffers a failed step is undone from.
struct Trainer::Impl : TrainerState {
    bool fusedAllowed = true;
    StepRollback rollback;

    static std::unique_ptr<Impl> create(const ExperimentSpec &s, std::shared_ptr<const Dataset> data, QString *error);

    torch::Tensor noise(std::int64_t n, at::Generator &g) const
    {
        return seededsamples::noise(n, spec.latentDim, spec.prior, g).to(device);
    }

    // The hand-written MLP arithmetic (fusedmlp_p.h) serves when both networks are plain MLPs on
    // the CPU and the loss needs nothing it lacks (the WGAN-GP penalty at mixed points; R1
    // through smooth activations). Rebuilt each step: loading a checkpoint replaces modules.
    void fusedNets(std::optional<fusedmlp::Net> *g, std::optional<fusedmlp::Net> *dn)
    {
        if (!fusedAllowed || !device.is_cpu() || spec.loss.kind == LossKind::WassersteinGP)
            return;
        *g = fusedmlp::extract(G);
        *dn = fusedmlp::extract(D);
        if (!*g || !*dn || (spec.loss.r1Gamma > 0 && !(*dn)->piecewiseLinear()))
            g->reset(), dn->reset();
    }

    SampleBatch generateFrom(const torch::Tensor &z)
    {
        torch::NoGradGuard noGrad;
        torch::nn::Sequential &net = Gema ? Gema : G;
        net->eval();
        const torch::Tensor out = net->forward(z.to(device));
        net->train();
        return toSampleBatch(out);
    }
};
