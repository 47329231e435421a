#pragma once

#include "layerspec.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

// The whole experiment as plain values. A frozen copy of this goes to the training thread.

enum class NetworkRole { Generator, Discriminator };

struct NetworkSpec {
    // Far beyond any network a person designs, and what keeps every analysis of a file quick.
    static constexpr int kMaxLayers = 10000;
    std::vector<LayerSpec> layers;
    bool operator==(const NetworkSpec &o) const { return layers == o.layers; }
    bool operator!=(const NetworkSpec &o) const { return !(*this == o); }
    // Gives every layer without an id a fresh one ("g1", "g2", ... / "d1", ...).
    void assignMissingIds(const QString &prefix);
    // The first id prefix + number that no layer has yet.
    QString freshId(const QString &prefix) const;
    int indexOfId(const QString &id) const;
};

enum class LatentPrior { Normal, Uniform };
enum class LossKind { Minimax, NonSaturating, LeastSquares, Wasserstein, WassersteinGP, Hinge };
enum class OptimizerKind { Adam, SGD, RMSprop };
enum class DataKind { FashionMnist, Idx, ImageFolder, Synthetic2D, Csv2D, Drawn2D };
enum class Synthetic2DKind { Ring8, Grid25, Spiral, TwoMoons, Gaussian };
// How the class label enters the networks (none: an unconditional GAN). In every kind the
// generator takes a learned embedding of the label joined to z (Mirza & Osindero 2014). The
// discriminator: concat takes the label as extra input channels (images) or features (2D
// points); projection adds <embed(y), features> to the score (Miyato & Koyama 2018);
// auxiliary adds a classifier head whose cross-entropy both networks minimise (AC-GAN, Odena
// et al. 2017). Projection and auxiliary work on the features the discriminator's last Linear
// layer takes.
enum class ConditioningKind { None, Concat, Projection, Auxiliary };

struct OptimizerSpec {
    OptimizerKind kind = OptimizerKind::Adam;
    double lr = fields::lr.fallback;
    double beta1 = fields::beta1.fallback;       // Adam
    double beta2 = fields::beta2.fallback;     // Adam
    double momentum = fields::momentum.fallback;    // SGD, RMSprop
    double alpha = fields::rmsAlpha.fallback;      // RMSprop smoothing
    double weightDecay = fields::weightDecay.fallback;
    bool operator==(const OptimizerSpec &o) const;
    bool operator!=(const OptimizerSpec &o) const { return !(*this == o); }
};

struct DataSpec {
    DataKind kind = DataKind::FashionMnist;
    QString path;          // IDX images, image folder or CSV
    QString labelsPath;    // IDX labels (optional)
    int imageSize = fields::imageSize.defaultInt();   // image folder: resized to imageSize x imageSize
    bool grayscale = true; // image folder: 1 channel, else RGB
    Synthetic2DKind synthetic = Synthetic2DKind::Ring8;
    int syntheticCount = fields::pointCount.defaultInt();  // points drawn once per run from the data seed
    int limit = fields::limit.defaultInt();
    std::vector<float> points;   // drawn-2d: the points painted in the 2D lab (x0, y0, x1, y1, ...)
    static constexpr int kMaxDrawnPoints = 100000;              // use at most this many samples (0 = all)
    bool operator==(const DataSpec &o) const;
    bool operator!=(const DataSpec &o) const { return !(*this == o); }
    bool isTwoDimensional() const  // points in the plane rather than images
    {
        return kind == DataKind::Synthetic2D || kind == DataKind::Csv2D || kind == DataKind::Drawn2D;
    }
};

struct LossSpec {
    LossKind kind = LossKind::NonSaturating;
    double gpLambda = fields::gpLambda.fallback;         // WGAN-GP gradient-penalty weight
    double clip = fields::clip.fallback;             // WGAN weight clipping bound
    double r1Gamma = fields::r1Gamma.fallback;           // R1 penalty weight (0 = off)
    double labelSmoothing = fields::labelSmoothing.fallback;    // one-sided: real target is 1 - labelSmoothing
    double instanceNoise = fields::instanceNoise.fallback;     // initial std of noise added to D's inputs (0 = off)
    int instanceNoiseSteps = fields::instanceNoiseSteps.defaultInt();     // linear anneal to 0 over this many steps (0 = constant)
    bool operator==(const LossSpec &o) const;
    bool operator!=(const LossSpec &o) const { return !(*this == o); }
};

struct ConditioningSpec {
    ConditioningKind kind = ConditioningKind::None;
    int classes = fields::classes.defaultInt();          // labels 0 .. classes-1
    int embedding = fields::labelEmbedding.defaultInt();  // the generator's label embedding size
    double auxWeight = fields::auxWeight.fallback;        // auxiliary: the class loss's weight
    bool enabled() const { return kind != ConditioningKind::None; }
    bool operator==(const ConditioningSpec &o) const;
    bool operator!=(const ConditioningSpec &o) const { return !(*this == o); }
};

// A direction in latent space that the user named in the latent explorer and saved with the
// experiment: unit length, one value per latent dimension. `method` says how it was found
// ("sefa", "pca", "random", "class"); it describes the trained generator it was found in, so it
// means most for the run it came from.
struct LatentDirectionSpec {
    static constexpr int kMaxCount = 256;  // saved directions per experiment
    QString name;
    QString method;
    std::vector<float> vector;
    bool operator==(const LatentDirectionSpec &o) const { return name == o.name && method == o.method && vector == o.vector; }
    bool operator!=(const LatentDirectionSpec &o) const { return !(*this == o); }
};

enum class Precision { Fp32, Bf16 };

struct ExperimentSpec {
    // Ranges shared by files, the CLI and the window (fields.h).
    static constexpr std::uint64_t kMaxSeed = std::uint64_t(fields::seed.max);
    static constexpr int kMaxThreads = int(fields::threads.max);  // intra-op threads; more only thrash

    QString name;
    QString description;
    int latentDim = fields::latentSize.defaultInt();
    LatentPrior prior = LatentPrior::Normal;
    NetworkSpec generator;
    NetworkSpec discriminator;
    DataSpec data;
    LossSpec loss;
    OptimizerSpec optimizerG;
    OptimizerSpec optimizerD;
    ConditioningSpec conditioning;
    int batchSize = fields::batchSize.defaultInt();
    int dStepsPerG = fields::dStepsPerG.defaultInt();
    std::uint64_t seed = std::uint64_t(fields::seed.fallback);
    int threads = fields::threads.defaultInt();          // intra-op threads of the training thread
    int steps = fields::steps.defaultInt();         // the run's default length
    bool dcganInit = false;    // N(0, 0.02) weights, BatchNorm N(1, 0.02)
    double emaDecay = fields::emaDecay.fallback;    // EMA of G used for sampling (0 = off)
    double lrDecayTo = fields::lrDecayTo.fallback;   // both learning rates fall linearly to this fraction at `steps` (1 = constant)
    int sampleEvery = fields::sampleEvery.defaultInt();    // steps between saved sample grids
    QString device = QStringLiteral("auto");  // a torch device string, or "auto" (Trainer::resolveDevice)
    // The arithmetic of the networks' convolutions and linear layers: fp32, or bfloat16 through
    // autocast (the losses, the weights and the optimisers' state stay fp32).
    Precision precision = Precision::Fp32;
    std::vector<LatentDirectionSpec> directions;  // named in the latent explorer; not part of training

    bool operator==(const ExperimentSpec &o) const;
    bool operator!=(const ExperimentSpec &o) const { return !(*this == o); }
    // Whether the two train the same run: every field but those training does not read, the
    // one list of them (the latent directions saved with the experiment and, unless
    // `threadsMatter`, the thread count: how fast on this machine, not what is trained).
    bool trainsLike(const ExperimentSpec &o, bool threadsMatter = false) const;

    const NetworkSpec &network(NetworkRole role) const
    {
        return role == NetworkRole::Generator ? generator : discriminator;
    }
    NetworkSpec &network(NetworkRole role)
    {
        return role == NetworkRole::Generator ? generator : discriminator;
    }
    bool isTwoDimensional() const { return data.isTwoDimensional(); }
};

namespace specnames {
QString role(NetworkRole r);  // "generator"
QString prior(LatentPrior p);
std::optional<LatentPrior> priorFromName(const QString &n);
QStringList priorNames();
QString loss(LossKind k);
std::optional<LossKind> lossFromName(const QString &n);
QStringList lossNames();
QString optimizer(OptimizerKind k);
std::optional<OptimizerKind> optimizerFromName(const QString &n);
QStringList optimizerNames();
QString data(DataKind k);
std::optional<DataKind> dataFromName(const QString &n);
QStringList dataNames();
QString synthetic(Synthetic2DKind k);
std::optional<Synthetic2DKind> syntheticFromName(const QString &n);
QStringList syntheticNames();
QString conditioning(ConditioningKind k);  // "none", "concat", "projection", "auxiliary"
std::optional<ConditioningKind> conditioningFromName(const QString &n);
QStringList conditioningNames();
QString upsampleMode(UpsampleMode m);
std::optional<UpsampleMode> upsampleModeFromName(const QString &n);
}  // namespace specnames
