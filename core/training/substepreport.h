#pragma once

#include "spec/experimentspec.h"
#include "steprecord.h"

#include <QMetaType>

#include <cstdint>
#include <vector>

// Training in slow motion: one step taken a substep at a time (Trainer::substep). The seven
// substeps of one discriminator update and one generator update; with several D updates per
// G update, Draw to DiscriminatorUpdate repeat for each before GeneratorLoss.
enum class Substep {
    Draw = 1,             // a batch of real samples and of noise z
    Generate,             // G maps the noise to fakes G(z)
    Score,                // D scores the reals and the fakes
    DiscriminatorLoss,    // L_D from those scores (and its penalty), and its gradients
    DiscriminatorUpdate,  // D's optimiser step (and clipping)
    GeneratorLoss,        // L_G of the fakes under the updated D, and its gradients
    GeneratorUpdate,      // G's optimiser step (and its EMA): the step is complete
};
constexpr int kSubstepCount = 7;

// What one substep did, as plain values for the window. Each field is filled from the substep
// that computes it on and stays set for the rest of the step, so a report after substep 6
// still holds the batch and the D loss of substep 4.
struct SubstepReport {
    std::int64_t step = 0;    // the step being taken (1 for the first)
    Substep substep = Substep::Draw;
    int dUpdate = 1;          // which D update of the step (1-based)
    int dUpdates = 1;         // D updates per G update
    LossSpec loss;            // the run's loss and regularisers (the formulas to show)
    bool probabilities = false;  // scores are P(real) (sigmoid losses); else raw scores

    // The first samples of the batch: 2D points (x0, y0, ...) or images.
    SampleBatch real, fake;
    std::vector<float> z;     // the first shown sample's noise vector
    int batchSize = 0;        // the whole batch (the means below are over all of it)
    // Conditional runs: the number of classes, the class of each shown real sample (its label)
    // and of each shown fake (the class asked of G). AC-GAN's class loss is inside lossReal and
    // lossFake. Empty (0) for an unconditional run.
    int classes = 0;
    std::vector<int> realLabels, fakeLabels;

    // Substep 3: D's score of each shown sample, and the means over the batch.
    std::vector<float> realScores, fakeScores;
    float meanReal = 0, meanFake = 0;

    // Substep 4: L_D = lossReal + lossFake + penalty (WGAN-GP's or R1's term, else 0).
    float lossReal = 0, lossFake = 0, penalty = 0, lossD = 0;
    float gradNormD = 0;
    // Substep 5: how far D's weights moved, and their size after the move.
    float updateNormD = 0, weightNormD = 0;

    // Substep 6: L_G of the fakes under the updated D, and for each shown fake (2D runs) the
    // push of its own loss: -dl/dx, as dx0, dy0, ...
    float lossG = 0, gradNormG = 0;
    float meanFakeAfter = 0;  // mean D(G(z)) under the updated D (what L_G is computed from)
    std::vector<float> push;
    // Substep 7: how far G's weights moved, their size after, and the shown fakes from the
    // updated G with the same noise (empty when G has BatchNorm or Dropout, whose training
    // forward pass would change the run).
    float updateNormG = 0, weightNormG = 0;
    SampleBatch moved;

    bool complete = false;    // substep 7 finished the step
    StepRecord record;        // the step's record, when complete
};
Q_DECLARE_METATYPE(SubstepReport)
