#pragma once

#include "spec/experimentspec.h"

#include <QCoreApplication>
#include <QString>

struct SubstepReport;

// The losses and regularisers as the design documents write them, as rich text: for the
// settings panel and, with one step's numbers filled in, for slow motion. The terms keep one
// colour everywhere: the real samples' part blue, the fakes' part orange, a penalty purple.
class LossFormulas {
    Q_DECLARE_TR_FUNCTIONS(LossFormulas)
public:
    // "L_D = -E_x[log D(x)] - E_z[log(1 - D(G(z)))] + ...", with the experiment's label
    // smoothing and penalty (gradient penalty, R1) written in.
    static QString discriminator(const LossSpec &loss);
    static QString generator(LossKind kind);
    // One sentence on what the loss does (why non-saturating, what the clipping is for, ...).
    static QString note(LossKind kind);
    // The regularisers that act outside the two formulas (clipping, instance noise), one per
    // line; empty when none is on.
    static QString others(const LossSpec &loss);
    // Everything above as one block; for a conditional run with the conditional form below.
    static QString definition(const LossSpec &loss, const ConditioningSpec &conditioning = {});
    // A conditional run: how the class y enters D and G (and AC-GAN's class loss); empty when
    // unconditional.
    static QString conditional(const ConditioningSpec &conditioning);

    // Slow motion: the formula, then "= real + fake + penalty = L_D" with this step's values.
    static QString discriminatorWithNumbers(const SubstepReport &r);
    static QString generatorWithNumbers(const SubstepReport &r);

    static QString number(double v);  // four significant digits, a true minus sign
};
