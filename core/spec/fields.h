#pragma once

#include <QtGlobal>

#include <limits>

// The experiment's number fields in one table: their JSON key, what a file may hold, the
// default, and how an editor shows them. The JSON reader checks files against these ranges,
// the structs take their defaults from here, and the window's editors take range, step,
// label and tooltip from here, so every value a file may hold is a value an editor shows and
// keeps as it is.
struct NumberField {
    const char *key;      // the JSON key within its object
    const char *label;    // untranslated: show QCoreApplication::translate("Fields", label)
    const char *tip;      // untranslated, context "Fields"
    double min;
    double max;
    double fallback;      // the default (0 for sizes a layer must state)
    double step = 1;      // an editor's arrow step
    int decimals = 0;     // 0: a whole number

    constexpr bool whole() const { return decimals == 0; }
    constexpr int defaultInt() const { return int(fallback); }
};

namespace fields {

constexpr double kIntMax = double(std::numeric_limits<int>::max());

// Layers (keys within a layer object).
inline constexpr NumberField linearIn{"in", QT_TRANSLATE_NOOP("Fields", "Inputs"),
    QT_TRANSLATE_NOOP("Fields", "Size of the flat input vector; must equal what the layer above produces"), 1, kIntMax, 0};
inline constexpr NumberField linearOut{"out", QT_TRANSLATE_NOOP("Fields", "Outputs"),
    QT_TRANSLATE_NOOP("Fields", "Number of output features (units)"), 1, kIntMax, 0};
inline constexpr NumberField convIn{"in", QT_TRANSLATE_NOOP("Fields", "In channels"),
    QT_TRANSLATE_NOOP("Fields", "Channels of the input image; must equal the channels arriving from above"), 1, kIntMax, 0};
inline constexpr NumberField convOut{"out", QT_TRANSLATE_NOOP("Fields", "Out channels"),
    QT_TRANSLATE_NOOP("Fields", "Number of filters, i.e. channels of the output"), 1, kIntMax, 0};
inline constexpr NumberField kernel{"kernel", QT_TRANSLATE_NOOP("Fields", "Kernel"),
    QT_TRANSLATE_NOOP("Fields", "Height and width of each filter in pixels"), 1, 64, 3};
inline constexpr NumberField stride{"stride", QT_TRANSLATE_NOOP("Fields", "Stride"),
    QT_TRANSLATE_NOOP("Fields", "Step between filter positions: 2 halves height and width (convolution) or doubles them (transposed convolution)"),
    1, 64, 1};
inline constexpr NumberField padding{"padding", QT_TRANSLATE_NOOP("Fields", "Padding"),
    QT_TRANSLATE_NOOP("Fields", "Pixels of zeros around the input (convolution) or removed from the output border (transposed convolution)"),
    0, 64, 0};
inline constexpr NumberField outputPadding{"output_padding", QT_TRANSLATE_NOOP("Fields", "Output padding"),
    QT_TRANSLATE_NOOP("Fields", "Extra rows and columns added on one side of the output, to reach an odd size; smaller than the stride"),
    0, 63, 0};
inline constexpr NumberField scale{"scale", QT_TRANSLATE_NOOP("Fields", "Scale"),
    QT_TRANSLATE_NOOP("Fields", "Factor by which height and width grow"), 1, 16, 2};
inline constexpr NumberField features{"features", QT_TRANSLATE_NOOP("Fields", "Features"),
    QT_TRANSLATE_NOOP("Fields", "Number of features (1d) or channels (2d) normalised; must match the input"), 1, kIntMax, 0};
inline constexpr NumberField normMomentum{"momentum", QT_TRANSLATE_NOOP("Fields", "Momentum"),
    QT_TRANSLATE_NOOP("Fields", "How fast the running mean and variance used for sampling follow the batches"), 0, 1, 0.1, 0.01, 4};
inline constexpr NumberField eps{"eps", QT_TRANSLATE_NOOP("Fields", "Epsilon"),
    QT_TRANSLATE_NOOP("Fields", "Added to the variance so that a constant input does not divide by zero"), 0, 1, 1e-5, 1e-5, 10};
inline constexpr NumberField dropout{"p", QT_TRANSLATE_NOOP("Fields", "Probability"),
    QT_TRANSLATE_NOOP("Fields", "Share of inputs zeroed during training (none when sampling)"), 0, 0.999, 0.5, 0.05, 3};
inline constexpr NumberField slope{"slope", QT_TRANSLATE_NOOP("Fields", "Negative slope"),
    QT_TRANSLATE_NOOP("Fields", "Factor applied to negative inputs; 0.2 is the usual choice in GANs"), 0, 1, 0.01, 0.01, 4};
inline constexpr NumberField eluAlpha{"alpha", QT_TRANSLATE_NOOP("Fields", "Alpha"),
    QT_TRANSLATE_NOOP("Fields", "Value approached for very negative inputs (as -alpha)"), 0, 100, 1.0, 0.1, 4};

// latent
inline constexpr NumberField latentSize{"size", QT_TRANSLATE_NOOP("Fields", "Size"),
    QT_TRANSLATE_NOOP("Fields", "Number of random numbers the generator turns into one sample; the generator's first layer must take this many"),
    1, 4096, 100};

// data
inline constexpr NumberField imageSize{"image_size", QT_TRANSLATE_NOOP("Fields", "Image size"),
    QT_TRANSLATE_NOOP("Fields", "Images are resized to this many pixels square"), 4, 1024, 28};
inline constexpr NumberField pointCount{"count", QT_TRANSLATE_NOOP("Fields", "Points"),
    QT_TRANSLATE_NOOP("Fields", "How many points are drawn (once per run, from the seed)"), 1, 10000000, 50000, 100};
inline constexpr NumberField limit{"limit", QT_TRANSLATE_NOOP("Fields", "Use at most"),
    QT_TRANSLATE_NOOP("Fields", "Train on only the first N samples (0 = all); small sets train and load faster"), 0, kIntMax, 0, 100};

// loss
inline constexpr NumberField gpLambda{"gp_lambda", QT_TRANSLATE_NOOP("Fields", "Penalty λ"),
    QT_TRANSLATE_NOOP("Fields", "Weight of the gradient penalty that keeps D 1-Lipschitz (WGAN-GP: 10)"), 0, 1e6, 10.0, 1, 4};
inline constexpr NumberField clip{"clip", QT_TRANSLATE_NOOP("Fields", "Clip"),
    QT_TRANSLATE_NOOP("Fields", "D's weights are clipped to [-c, c] after every update (WGAN: 0.01)"), 1e-9, 1e3, 0.01, 0.001, 9};
inline constexpr NumberField r1Gamma{"r1_gamma", QT_TRANSLATE_NOOP("Fields", "R1 penalty γ"),
    QT_TRANSLATE_NOOP("Fields", "Penalises D's gradient on real data (γ/2·|∇D(x)|²), so D and G settle instead of circling; 0 = off"),
    0, 1e6, 0.0, 0.1, 4};
inline constexpr NumberField labelSmoothing{"label_smoothing", QT_TRANSLATE_NOOP("Fields", "Label smoothing"),
    QT_TRANSLATE_NOOP("Fields", "One-sided: D's target for real samples becomes 1 - this value (0.1 is common)"), 0, 0.5, 0.0, 0.05, 4};
inline constexpr NumberField instanceNoise{"instance_noise", QT_TRANSLATE_NOOP("Fields", "Instance noise"),
    QT_TRANSLATE_NOOP("Fields", "Standard deviation of noise added to every input D sees, real or generated; blurs the two together early on"),
    0, 100, 0.0, 0.05, 4};
inline constexpr NumberField instanceNoiseSteps{"instance_noise_steps", QT_TRANSLATE_NOOP("Fields", "Noise anneal steps"),
    QT_TRANSLATE_NOOP("Fields", "The noise falls linearly to 0 over this many steps (0 = constant)"), 0, kIntMax, 0, 100};

// optimizers (the same fields for G and D)
inline constexpr NumberField lr{"lr", QT_TRANSLATE_NOOP("Fields", "Learning rate"),
    QT_TRANSLATE_NOOP("Fields", "Step size; DCGAN uses 0.0002. Different rates for G and D (TTUR) can steady training"),
    0, 10, 2e-4, 0.0001, 8};
inline constexpr NumberField beta1{"beta1", QT_TRANSLATE_NOOP("Fields", "β1"),
    QT_TRANSLATE_NOOP("Fields", "Adam's momentum; GANs use 0.5 (or 0) rather than 0.9"), 0, 0.999999, 0.5, 0.05, 6};
inline constexpr NumberField beta2{"beta2", QT_TRANSLATE_NOOP("Fields", "β2"),
    QT_TRANSLATE_NOOP("Fields", "Adam's averaging of squared gradients (0.999; 0.9 for fast-moving 2D games)"), 0, 0.999999, 0.999, 0.001, 6};
inline constexpr NumberField momentum{"momentum", QT_TRANSLATE_NOOP("Fields", "Momentum"),
    QT_TRANSLATE_NOOP("Fields", "Velocity kept between SGD or RMSprop steps"), 0, 0.999999, 0.0, 0.05, 6};
inline constexpr NumberField rmsAlpha{"alpha", QT_TRANSLATE_NOOP("Fields", "Smoothing α"),
    QT_TRANSLATE_NOOP("Fields", "RMSprop's averaging of squared gradients"), 0, 0.999999, 0.99, 0.01, 6};
inline constexpr NumberField weightDecay{"weight_decay", QT_TRANSLATE_NOOP("Fields", "Weight decay"),
    QT_TRANSLATE_NOOP("Fields", "L2 pull of every weight towards zero (0 = off)"), 0, 1, 0.0, 0.0001, 8};

// training
inline constexpr NumberField batchSize{"batch_size", QT_TRANSLATE_NOOP("Fields", "Batch size"),
    QT_TRANSLATE_NOOP("Fields", "Real and generated samples per step"), 1, 65536, 64};
inline constexpr NumberField dStepsPerG{"d_steps_per_g", QT_TRANSLATE_NOOP("Fields", "D steps per G step"),
    QT_TRANSLATE_NOOP("Fields", "Discriminator updates before each generator update (WGAN: 5)"), 1, 100, 1};
// The largest seed a JSON number holds exactly (2^53 - 1): files, the CLI and the window agree.
inline constexpr NumberField seed{"seed", QT_TRANSLATE_NOOP("Fields", "Seed"),
    QT_TRANSLATE_NOOP("Fields", "Same seed and thread count, same run, bit for bit"), 0, 9007199254740991.0, 1};
inline constexpr NumberField threads{"threads", QT_TRANSLATE_NOOP("Fields", "Threads"),
    QT_TRANSLATE_NOOP("Fields", "Intra-op threads of the training thread (at most the machine's cores). The window trains with all of them while it is calm and one fewer while you work in it (Training > Threads)"),
    1, 256, 1};
inline constexpr NumberField steps{"steps", QT_TRANSLATE_NOOP("Fields", "Steps"),
    QT_TRANSLATE_NOOP("Fields", "The run's length; training pauses there (resume trains on)"), 1, kIntMax, 2000, 100};
inline constexpr NumberField emaDecay{"ema_decay", QT_TRANSLATE_NOOP("Fields", "EMA of G"),
    QT_TRANSLATE_NOOP("Fields", "Samples come from a moving average of the generator's weights with this decay (0 = off; 0.999 is common)"),
    0, 0.999999, 0.0, 0.0005, 6};
inline constexpr NumberField lrDecayTo{"lr_decay_to", QT_TRANSLATE_NOOP("Fields", "Final learning rate"),
    QT_TRANSLATE_NOOP("Fields", "Both learning rates fall linearly to this fraction by the last step (1 = constant)"), 0, 1, 1.0, 0.05, 4};
inline constexpr NumberField sampleEvery{"sample_every", QT_TRANSLATE_NOOP("Fields", "Save samples every"),
    QT_TRANSLATE_NOOP("Fields", "Steps between sample grids saved by the command line"), 1, kIntMax, 500, 100};

// conditioning
inline constexpr NumberField classes{"classes", QT_TRANSLATE_NOOP("Fields", "Classes"),
    QT_TRANSLATE_NOOP("Fields", "Number of classes the networks are told (labels 0 to classes - 1); must cover the data's labels"),
    2, 1000, 10};
inline constexpr NumberField labelEmbedding{"embedding", QT_TRANSLATE_NOOP("Fields", "Label embedding"),
    QT_TRANSLATE_NOOP("Fields", "Size of the learned vector that stands for a class and is joined to z at the generator's input"),
    1, 1024, 10};
inline constexpr NumberField auxWeight{"aux_weight", QT_TRANSLATE_NOOP("Fields", "Class loss weight"),
    QT_TRANSLATE_NOOP("Fields", "AC-GAN: weight of the auxiliary classifier's cross-entropy in both networks' losses"),
    0, 100, 1.0, 0.1, 3};

}  // namespace fields
