#pragma once

#include "spec/experimentspec.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <memory>
#include <vector>

// A frozen copy of a run's discriminator for the 2D lab: its opinion over the plane and the
// push the generator's loss gives each generated point. Made by the training thread between
// two steps (Trainer::copyDiscriminator); shares nothing with the weights being trained. One
// thread at a time uses a copy.
class DiscriminatorCopy {
public:
    DiscriminatorCopy(const ExperimentSpec &spec, QByteArray state, std::int64_t step);
    ~DiscriminatorCopy();
    DiscriminatorCopy(const DiscriminatorCopy &) = delete;
    DiscriminatorCopy &operator=(const DiscriminatorCopy &) = delete;

    const ExperimentSpec &spec() const;
    std::int64_t step() const;
    // True for the sigmoid losses (minimax, non-saturating): scores() are probabilities of
    // "real" in [0, 1]; otherwise they are the raw scores the loss uses.
    bool scoresAreProbabilities() const;
    // Conditional runs: the class whose opinion the outputs are (0 unless set).
    void setLabel(int label);
    int label() const;

    // For `count` 2D points (x0, y0, x1, y1, ...): D's raw output, and the score the lab shows
    // (the probability for sigmoid losses, else the raw output). Empty, with error() set, when
    // the sizes disagree or the state does not load.
    std::vector<float> rawOutputs(const std::vector<float> &points, int count);
    std::vector<float> scores(const std::vector<float> &points, int count);
    // -dl/dx for each point, where l is the generator's loss of that one sample (so the
    // direction and strength with which training pushes it), as dx0, dy0, dx1, dy1, ...
    std::vector<float> generatorPush(const std::vector<float> &points, int count);
    QString error() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
Q_DECLARE_METATYPE(std::shared_ptr<DiscriminatorCopy>)  // crosses threads in queued signals
