#include "pytorchscript.h"

#include "spec/classgrid.h"
#include "spec/losskinds.h"

#include <QStringList>

#include <charconv>
#include <cmath>

namespace pytorchscript {
namespace {

// A Python float literal that reads back as the same double (the shortest such).
QString num(double v)
{
    // The shortest digits that read back as `v`, without an exponent where that stays short
    // (0.0002 rather than 2e-04).
    char buffer[400];
    auto done = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed);
    if (done.ec != std::errc() || done.ptr - buffer > 12)
        done = std::to_chars(buffer, buffer + sizeof buffer, v);
    QString s = QString::fromLatin1(buffer, int(done.ptr - buffer));
    if (!s.contains(QLatin1Char('.')) && !s.contains(QLatin1Char('e')))
        s += QStringLiteral(".0");
    return s;
}

QString integer(std::int64_t v) { return QString::number(v); }

// A Python string literal (single quotes; the file is UTF-8).
QString str(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    out.replace(QLatin1Char('\n'), QStringLiteral("\\n")).replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

// `text` wrapped into lines of at most `width` characters, each starting with `prefix`.
QString wrapped(const QString &text, const QString &prefix, int width = 96)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && prefix.size() + line.size() + 1 + word.size() > width) {
            lines << prefix + line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines << prefix + line;
    return lines.join(QLatin1Char('\n'));
}

bool sigmoidLoss(const ExperimentSpec &s) { return losskind::info(s.loss.kind).sigmoid; }
bool headConditioning(const ExperimentSpec &s)
{
    return s.conditioning.kind == ConditioningKind::Projection || s.conditioning.kind == ConditioningKind::Auxiliary;
}

// The layers the script builds for a network: the designer's, less the discriminator's final
// Sigmoid where the loss works on logits (the engine leaves it out too).
std::vector<LayerSpec> builtLayers(const ExperimentSpec &s, NetworkRole role, bool *droppedSigmoid = nullptr)
{
    std::vector<LayerSpec> layers = s.network(role).layers;
    const bool drop = role == NetworkRole::Discriminator && sigmoidLoss(s) && !layers.empty()
        && layers.back().kind == LayerKind::Sigmoid;
    if (drop)
        layers.pop_back();
    if (droppedSigmoid)
        *droppedSigmoid = drop;
    return layers;
}

bool uses(const ExperimentSpec &s, const std::function<bool(const LayerSpec &)> &test)
{
    for (const NetworkSpec *n : {&s.generator, &s.discriminator})
        for (const LayerSpec &l : n->layers)
            if (test(l))
                return true;
    return false;
}

// The constructor of one layer, as a PyTorch user writes it.
QString module(const LayerSpec &l)
{
    const QString bias = l.bias ? QString() : QStringLiteral(", bias=False");
    const QString sn = l.spectralNorm ? QStringLiteral("SN") : QString();
    switch (l.kind) {
    case LayerKind::Linear:
        return QStringLiteral("%1Linear(%2, %3%4)").arg(l.spectralNorm ? sn : QStringLiteral("nn.")).arg(l.inFeatures).arg(l.outFeatures).arg(bias);
    case LayerKind::Conv2d:
        return QStringLiteral("%1Conv2d(%2, %3, %4, stride=%5, padding=%6%7)")
            .arg(l.spectralNorm ? sn : QStringLiteral("nn."))
            .arg(l.inChannels).arg(l.outChannels).arg(l.kernel).arg(l.stride).arg(l.padding).arg(bias);
    case LayerKind::ConvTranspose2d:
        return QStringLiteral("%1ConvTranspose2d(%2, %3, %4, stride=%5, padding=%6%7%8)")
            .arg(l.spectralNorm ? sn : QString())
            .arg(l.inChannels).arg(l.outChannels).arg(l.kernel).arg(l.stride).arg(l.padding)
            .arg(l.outputPadding ? QStringLiteral(", output_padding=%1").arg(l.outputPadding) : QString(), bias);
    case LayerKind::Upsample:
        return QStringLiteral("nn.Upsample(scale_factor=%1, mode=%2)")
            .arg(l.scale)
            .arg(l.mode == UpsampleMode::Bilinear ? QStringLiteral("'bilinear', align_corners=False") : QStringLiteral("'nearest'"));
    case LayerKind::BatchNorm1d:
    case LayerKind::BatchNorm2d: {
        QString extra;
        if (l.eps != 1e-5)
            extra += QStringLiteral(", eps=%1").arg(num(l.eps));
        if (l.momentum != 0.1)
            extra += QStringLiteral(", momentum=%1").arg(num(l.momentum));
        return QStringLiteral("nn.%1(%2%3)").arg(l.kind == LayerKind::BatchNorm1d ? QStringLiteral("BatchNorm1d") : QStringLiteral("BatchNorm2d"))
            .arg(l.numFeatures).arg(extra);
    }
    case LayerKind::InstanceNorm2d:
        return QStringLiteral("nn.InstanceNorm2d(%1%2, affine=True)").arg(l.numFeatures).arg(l.eps != 1e-5 ? QStringLiteral(", eps=%1").arg(num(l.eps)) : QString());
    case LayerKind::LayerNorm: {
        QStringList dims;
        for (int d : l.normalizedShape)
            dims << QString::number(d);
        return QStringLiteral("nn.LayerNorm([%1]%2)").arg(dims.join(QStringLiteral(", ")), l.eps != 1e-5 ? QStringLiteral(", eps=%1").arg(num(l.eps)) : QString());
    }
    case LayerKind::Dropout:
        return QStringLiteral("Dropout(%1)").arg(num(l.p));
    case LayerKind::ReLU:
        return QStringLiteral("nn.ReLU()");
    case LayerKind::LeakyReLU:
        return QStringLiteral("nn.LeakyReLU(%1)").arg(num(l.slope));
    case LayerKind::ELU:
        return QStringLiteral("nn.ELU(alpha=%1)").arg(num(l.alpha));
    case LayerKind::Tanh:
        return QStringLiteral("nn.Tanh()");
    case LayerKind::Sigmoid:
        return QStringLiteral("nn.Sigmoid()");
    case LayerKind::Flatten:
        return QStringLiteral("nn.Flatten()");
    case LayerKind::Reshape: {
        QStringList dims;
        for (int d : l.shape)
            dims << QString::number(d);
        return QStringLiteral("Reshape(%1)").arg(dims.join(QStringLiteral(", ")));
    }
    }
    return QString();
}

// "nn.Sequential(OrderedDict([...]))" of `layers`, each line commented with the designer's id,
// kind and shapes; indented by `indent`.
QString stack(const ExperimentSpec &s, NetworkRole role, const std::vector<LayerSpec> &layers, const Shape &input, const QString &indent)
{
    NetworkSpec net;
    net.layers = s.network(role).layers;
    const NetworkAnalysis analysis = ShapeInference::analyzeNetwork(net, role, input);
    QString out = QStringLiteral("nn.Sequential(OrderedDict([\n");
    for (size_t i = 0; i < layers.size(); ++i) {
        const LayerSpec &l = layers[i];
        QString code = indent + QStringLiteral("    (%1, %2),").arg(str(l.id), module(l));
        QString shapes;
        if (i < analysis.layers.size() && !analysis.layers[i].outShape.empty()) {
            const LayerAnalysis &a = analysis.layers[i];
            shapes = a.inShape == a.outShape ? shapeToString(a.outShape)
                                             : shapeToString(a.inShape) + QStringLiteral(" -> ") + shapeToString(a.outShape);
        }
        const int pad = std::max(1, 72 - int(code.size()));
        out += code + QString(pad, QLatin1Char(' ')) + QStringLiteral("# %1 %2%3\n").arg(l.id, layerkind::name(l.kind), shapes.isEmpty() ? QString() : QStringLiteral(": ") + shapes);
    }
    return out + indent + QStringLiteral("]))");
}

// The formulas of the loss as the window's formulas panel writes them, for the script's comments.
QStringList formulas(const ExperimentSpec &s)
{
    const bool smooth = s.loss.labelSmoothing > 0;
    switch (s.loss.kind) {
    case LossKind::Minimax:
        return {smooth ? QStringLiteral("L_D = -E[t log D(x) + (1-t) log(1 - D(x))] - E[log(1 - D(G(z)))],  t = REAL_TARGET")
                       : QStringLiteral("L_D = -E[log D(x)] - E[log(1 - D(G(z)))]"),
                QStringLiteral("L_G = E[log(1 - D(G(z)))]            (the saturating game of Goodfellow et al. 2014)"),
                QStringLiteral("D(x) = sigmoid(score): log D = -softplus(-score), log(1 - D) = -softplus(score)")};
    case LossKind::NonSaturating:
        return {smooth ? QStringLiteral("L_D = -E[t log D(x) + (1-t) log(1 - D(x))] - E[log(1 - D(G(z)))],  t = REAL_TARGET")
                       : QStringLiteral("L_D = -E[log D(x)] - E[log(1 - D(G(z)))]"),
                QStringLiteral("L_G = -E[log D(G(z))]                (non-saturating)"),
                QStringLiteral("D(x) = sigmoid(score): log D = -softplus(-score), log(1 - D) = -softplus(score)")};
    case LossKind::LeastSquares:
        return {QStringLiteral("L_D = 1/2 E[(D(x) - %1)^2] + 1/2 E[D(G(z))^2]").arg(smooth ? QStringLiteral("t") : QStringLiteral("1")),
                QStringLiteral("L_G = 1/2 E[(D(G(z)) - 1)^2]          (least squares, Mao et al. 2017)")};
    case LossKind::Wasserstein:
        return {QStringLiteral("L_D = -E[D(x)] + E[D(G(z))]           (the critic's estimate of the Wasserstein distance, negated)"),
                QStringLiteral("L_G = -E[D(G(z))]"),
                QStringLiteral("after each D update every weight of D is clipped to [-c, c], c = CLIP")};
    case LossKind::WassersteinGP:
        return {QStringLiteral("L_D = -E[D(x)] + E[D(G(z))] + lambda E[(||grad D(x_hat)||_2 - 1)^2]"),
                QStringLiteral("      x_hat = e x + (1 - e) G(z), e ~ U(0, 1) per sample  (Gulrajani et al. 2017)"),
                QStringLiteral("L_G = -E[D(G(z))]")};
    case LossKind::Hinge:
        return {QStringLiteral("L_D = E[max(0, 1 - D(x))] + E[max(0, 1 + D(G(z)))]"),
                QStringLiteral("L_G = -E[D(G(z))]                    (hinge, Miyato et al. 2018)")};
    }
    return {};
}

// The discriminator's two loss terms (real, fake) and the generator's loss, on the scores.
QString lossFunctions(const ExperimentSpec &s)
{
    const bool smooth = s.loss.labelSmoothing > 0;
    QString real, fake, gen;
    switch (s.loss.kind) {
    case LossKind::Minimax:
    case LossKind::NonSaturating:
        real = smooth ? QStringLiteral("(REAL_TARGET * F.softplus(-real_out) + (1.0 - REAL_TARGET) * F.softplus(real_out)).mean()")
                      : QStringLiteral("F.softplus(-real_out).mean()           # -log D(x)");
        fake = QStringLiteral("F.softplus(fake_out).mean()            # -log(1 - D(G(z)))");
        gen = s.loss.kind == LossKind::Minimax ? QStringLiteral("-F.softplus(fake_out).mean()    # log(1 - D(G(z)))")
                                               : QStringLiteral("F.softplus(-fake_out).mean()    # -log D(G(z))");
        break;
    case LossKind::LeastSquares:
        real = QStringLiteral("0.5 * (real_out - %1).pow(2).mean()").arg(smooth ? QStringLiteral("REAL_TARGET") : QStringLiteral("1.0"));
        fake = QStringLiteral("0.5 * fake_out.pow(2).mean()");
        gen = QStringLiteral("0.5 * (fake_out - 1.0).pow(2).mean()");
        break;
    case LossKind::Wasserstein:
    case LossKind::WassersteinGP:
        real = QStringLiteral("-real_out.mean()");
        fake = QStringLiteral("fake_out.mean()");
        gen = QStringLiteral("-fake_out.mean()");
        break;
    case LossKind::Hinge:
        real = QStringLiteral("F.relu(1.0 - real_out).mean()");
        fake = QStringLiteral("F.relu(1.0 + fake_out).mean()");
        gen = QStringLiteral("-fake_out.mean()");
        break;
    }
    QString out = QStringLiteral("# The loss (%1):\n").arg(specnames::loss(s.loss.kind));
    for (const QString &f : formulas(s))
        out += QStringLiteral("#   %1\n").arg(f);
    out += QStringLiteral("# D's output is a raw score; the functions below take the scores of a batch.\n\n");
    out += QStringLiteral("def d_loss(real_out, fake_out):\n"
                          "    \"\"\"The discriminator's loss on the reals and on the fakes (its two terms).\"\"\"\n"
                          "    real = %1\n"
                          "    fake = %2\n"
                          "    return real, fake\n\n\n"
                          "def g_loss(fake_out):\n"
                          "    \"\"\"The generator's loss on D's scores of its samples.\"\"\"\n"
                          "    return %3\n\n\n")
               .arg(real, fake, gen);
    out += losskind::info(s.loss.kind).sigmoid
        ? QStringLiteral("def mean_score(out):\n    \"\"\"What the plots call D(x) and D(G(z)): the mean probability D gives.\"\"\"\n"
                         "    return torch.sigmoid(out).mean()\n")
        : QStringLiteral("def mean_score(out):\n    \"\"\"What the plots call D(x) and D(G(z)): D's mean score.\"\"\"\n"
                         "    return out.mean()\n");
    return out;
}

}  // namespace

DataBeside dataBeside(const DataSpec &data)
{
    switch (data.kind) {
    case DataKind::FashionMnist:
    case DataKind::Idx:
    case DataKind::Csv2D:
        return DataBeside::None;
    case DataKind::ImageFolder:
        return DataBeside::Images;
    case DataKind::Synthetic2D:
    case DataKind::Drawn2D:
        return DataBeside::Points;
    }
    return DataBeside::None;
}

QString moduleKey(const ExperimentSpec &spec, NetworkRole role, const QString &engineKey)
{
    const ConditioningSpec &c = spec.conditioning;
    if (!c.enabled())
        return engineKey;
    if (role == NetworkRole::Generator)
        return engineKey.startsWith(QLatin1String("label.")) ? engineKey : QStringLiteral("layers.") + engineKey;
    if (!headConditioning(spec))
        return QStringLiteral("layers.") + engineKey;
    // The last layer's score and class layers are the script's `score` and `classes`.
    const QStringList parts = engineKey.split(QLatin1Char('.'));
    if (parts.size() >= 3 && (parts[1] == QLatin1String("score") || parts[1] == QLatin1String("classes")))
        return parts.mid(1).join(QLatin1Char('.'));
    return QStringLiteral("layers.") + engineKey;
}

QString script(const ExperimentSpec &s, const Options &o)
{
    const bool images = !s.isTwoDimensional();
    const ConditioningSpec &c = s.conditioning;
    const bool conditional = c.enabled();
    const bool head = headConditioning(s);
    const bool auxiliary = c.kind == ConditioningKind::Auxiliary;
    const LossSpec &loss = s.loss;
    const bool gp = losskind::info(loss.kind).gradientPenalty;
    const bool clip = losskind::info(loss.kind).clipsWeights;
    const bool r1 = loss.r1Gamma > 0;
    const bool noisy = loss.instanceNoise > 0;
    const bool ema = s.emaDecay > 0;
    const bool decay = s.lrDecayTo < 1.0;
    const bool bf16 = s.precision == Precision::Bf16;
    const QString name = o.scriptName.isEmpty() ? QStringLiteral("experiment.py") : o.scriptName;
    QString stem = name;
    if (stem.endsWith(QLatin1String(".py")))
        stem.chop(3);

    QString py;
    // ---------------------------------------------------------------------------- the header
    py += QStringLiteral("#!/usr/bin/env python3\n");
    py += QStringLiteral("\"\"\"%1, exported from GAN Playground as a PyTorch script.\n\n").arg(s.name.isEmpty() ? stem : s.name);
    if (!s.description.isEmpty())
        py += wrapped(QString(s.description).replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QStringLiteral("\"\"\""), QStringLiteral("'''")), QString())
              + QStringLiteral("\n\n");
    py += wrapped(QStringLiteral("This script trains the GAN the program trains for this experiment, in plain PyTorch: the same "
                                 "layers, loss, optimisers and data, with the random draws (initial weights, batches, noise) made "
                                 "in the program's order, so that for the same seed its metrics.csv and the program's agree step by "
                                 "step (to rounding, which grows as training goes on)."),
                  QString());
    py += QStringLiteral("\n\n    python3 %1                  # trains %2 steps into ./%3-run/\n").arg(name).arg(s.steps).arg(stem);
    py += QStringLiteral("    python3 %1 --steps 20 --out run   # a short run; --help lists the options\n").arg(name);
    if (!o.weightsFile.isEmpty()) {
        py += (o.runFolder.isEmpty() ? QStringLiteral("\nA run of this experiment was exported at step %1: its weights are in %2 beside this script.\n")
                                                .arg(o.weightsStep)
                                                .arg(o.weightsFile)
                                          : QStringLiteral("\nThe run %1 was exported at step %2: its weights are in %3 beside this script.\n")
                                                .arg(o.runFolder)
                                                .arg(o.weightsStep)
                                                .arg(o.weightsFile));
        py += QStringLiteral("    python3 %1 --weights %2 --steps %3   # goes on from it\n").arg(name, o.weightsFile).arg(o.weightsStep + 100);
        py += QStringLiteral("    python3 %1 --weights %2 --sample 64 --sample-out s.png   # samples of it\n").arg(name, o.weightsFile);
    }
    py += QStringLiteral("\nNeeds Python 3 with PyTorch and numpy (Debian: apt install python3-torch python3-numpy).\n\"\"\"\n");
    py += QStringLiteral("import argparse\nimport copy\nimport gzip\nimport json\nimport math\nimport os\nimport struct\nimport time\nimport zlib\n"
                         "from collections import OrderedDict\n\n"
                         "import numpy as np\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n");

    // ---------------------------------------------------------------------------- the settings
    py += QStringLiteral("# ---- The experiment's settings (the keys of its experiment file) ----\n");
    const auto setting = [&py](const QString &name, const QString &value, const QString &comment) {
        const QString code = name + QStringLiteral(" = ") + value;
        py += code + QString(std::max(1, 28 - int(code.size())), QLatin1Char(' ')) + QStringLiteral("# ") + comment + QLatin1Char('\n');
    };
    setting(QStringLiteral("LATENT"), integer(s.latentDim), QStringLiteral("latent.size: the numbers in z"));
    setting(QStringLiteral("PRIOR"), s.prior == LatentPrior::Normal ? QStringLiteral("'normal'") : QStringLiteral("'uniform'"),
            s.prior == LatentPrior::Normal ? QStringLiteral("latent.prior: z ~ N(0, 1)") : QStringLiteral("latent.prior: z ~ U(-1, 1)"));
    setting(QStringLiteral("BATCH"), integer(s.batchSize), QStringLiteral("training.batch_size"));
    setting(QStringLiteral("D_STEPS"), integer(s.dStepsPerG), QStringLiteral("training.d_steps_per_g: discriminator updates per generator update"));
    setting(QStringLiteral("STEPS"), integer(s.steps), QStringLiteral("training.steps: the run's length%1").arg(decay ? QStringLiteral(" (and the span of the learning-rate schedule)") : QString()));
    setting(QStringLiteral("SEED"), integer(std::int64_t(s.seed)), QStringLiteral("training.seed"));
    setting(QStringLiteral("THREADS"), integer(s.threads), QStringLiteral("training.threads: the intra-op threads"));
    setting(QStringLiteral("SAMPLE_EVERY"), integer(s.sampleEvery), QStringLiteral("training.sample_every: steps between sample grids"));
    if (ema)
        setting(QStringLiteral("EMA_DECAY"), num(s.emaDecay), QStringLiteral("training.ema_decay: samples come from a moving average of G's weights"));
    if (decay)
        setting(QStringLiteral("LR_DECAY_TO"), num(s.lrDecayTo), QStringLiteral("training.lr_decay_to: both learning rates fall linearly to this fraction at STEPS"));
    if (loss.labelSmoothing > 0)
        setting(QStringLiteral("REAL_TARGET"), num(1.0 - loss.labelSmoothing), QStringLiteral("1 - loss.label_smoothing: the target D learns for real samples"));
    if (gp)
        setting(QStringLiteral("GP_LAMBDA"), num(loss.gpLambda), QStringLiteral("loss.gp_lambda: the gradient penalty's weight"));
    if (clip)
        setting(QStringLiteral("CLIP"), num(loss.clip), QStringLiteral("loss.clip: D's weights are clipped to [-CLIP, CLIP]"));
    if (r1)
        setting(QStringLiteral("R1_GAMMA"), num(loss.r1Gamma), QStringLiteral("loss.r1_gamma: the R1 penalty's weight (Mescheder et al. 2018)"));
    if (noisy) {
        setting(QStringLiteral("INSTANCE_NOISE"), num(loss.instanceNoise), QStringLiteral("loss.instance_noise: sigma of the noise added to D's inputs"));
        setting(QStringLiteral("INSTANCE_NOISE_STEPS"), integer(loss.instanceNoiseSteps), QStringLiteral("loss.instance_noise_steps: sigma falls to 0 over these steps (0: constant)"));
    }
    if (conditional) {
        setting(QStringLiteral("CLASSES"), integer(c.classes), QStringLiteral("conditioning.classes: labels 0 .. CLASSES-1"));
        setting(QStringLiteral("EMBEDDING"), integer(c.embedding), QStringLiteral("conditioning.embedding: the size of G's learned label embedding"));
        if (auxiliary)
            setting(QStringLiteral("AUX_WEIGHT"), num(c.auxWeight), QStringLiteral("conditioning.aux_weight: the class loss's weight"));
    }
    py += QLatin1Char('\n');
    py += QStringLiteral("parser = argparse.ArgumentParser(description=__doc__.split('\\n')[0])\n"
                         "parser.add_argument('--steps', type=int, default=STEPS, help='train until this step (default: %(default)s)')\n"
                         "parser.add_argument('--seed', type=int, default=SEED)\n"
                         "parser.add_argument('--threads', type=int, default=THREADS)\n");
    py += QStringLiteral("parser.add_argument('--device', default=%1, help='cpu, cuda or cuda:N (default: %(default)s)')\n")
              .arg(s.device == QLatin1String("auto") ? QStringLiteral("'cuda' if torch.cuda.is_available() else 'cpu'") : str(s.device));
    py += QStringLiteral("parser.add_argument('--out', default=%1, help='the folder for metrics.csv and samples/ (default: %(default)s)')\n")
              .arg(str(stem + QStringLiteral("-run")));
    py += QStringLiteral("parser.add_argument('--weights', default=None, help='go on from these weights (gan-playground-cli export RUN_DIR writes them)')\n"
                         "parser.add_argument('--sample', type=int, default=0, metavar='N', help='only write N samples (from --weights) and stop')\n"
                         "parser.add_argument('--sample-seed', type=int, default=0, help='the noise seed of --sample, as the program\\'s sample --seed')\n"
                         "parser.add_argument('--sample-out', default='samples.npy', help='.npy (the raw outputs), .png%1')\n"
                         "args = parser.parse_args()\n"
                         "torch.set_num_threads(args.threads)\n"
                         "DEVICE = torch.device(args.device)\n\n")
              .arg(images ? QString() : QStringLiteral(" or .csv"));

    // ---------------------------------------------------------------------------- the data
    py += QStringLiteral("# ---- The data ----\n");
    const QString here = QStringLiteral("os.path.join(os.path.dirname(os.path.abspath(__file__)), %1)");
    if (images) {
        py += QStringLiteral(
            "def read_idx(path, limit=0):\n"
            "    \"\"\"An IDX file (MNIST's format, gzip or plain) of unsigned bytes as a numpy array: the first `limit` items (0: all).\"\"\"\n"
            "    with open(path, 'rb') as f:\n"
            "        packed = f.read(2) == b'\\x1f\\x8b'\n"
            "    with (gzip.open if packed else open)(path, 'rb') as f:\n"
            "        zero, kind, dims = struct.unpack('>HBB', f.read(4))\n"
            "        if zero != 0 or kind != 0x08:\n"
            "            raise SystemExit(f'{path}: not an IDX file of unsigned bytes')\n"
            "        shape = struct.unpack('>' + 'I' * dims, f.read(4 * dims))\n"
            "        n = min(limit, shape[0]) if limit > 0 else shape[0]\n"
            "        size = n * int(np.prod(shape[1:], dtype=np.int64))\n"
            "        data = np.frombuffer(f.read(size), np.uint8)\n"
            "    if data.size != size:\n"
            "        raise SystemExit(f'{path}: truncated: {data.size} of {size} bytes')\n"
            "    return data.reshape((n,) + tuple(shape[1:]))\n\n\n");
        QString imagesPath, labelsPath, what;
        if (s.data.kind == DataKind::FashionMnist) {
            imagesPath = QStringLiteral("'/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz'");
            labelsPath = QStringLiteral("'/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz'");
            what = QStringLiteral("# Fashion-MNIST's 60,000 training images, 28x28 grey, from Debian's dataset-fashion-mnist package.\n");
        } else if (s.data.kind == DataKind::Idx) {
            imagesPath = str(s.data.path);
            labelsPath = s.data.labelsPath.isEmpty() ? QStringLiteral("None") : str(s.data.labelsPath);
            what = QStringLiteral("# The experiment's IDX images%1.\n").arg(s.data.labelsPath.isEmpty() ? QString() : QStringLiteral(" and labels"));
        } else {
            imagesPath = here.arg(str(o.imagesFile));
            labelsPath = o.labelsFile.isEmpty() ? QStringLiteral("None") : here.arg(str(o.labelsFile));
            what = wrapped(QStringLiteral("The images of %1, as the program decoded them (%2x%3, %4) and wrote them beside this script "
                                          "in IDX form%5.")
                               .arg(s.data.path)
                               .arg(s.data.imageSize)
                               .arg(s.data.imageSize)
                               .arg(s.data.grayscale ? QStringLiteral("grey") : QStringLiteral("colour"))
                               .arg(o.labelsFile.isEmpty() ? QString() : QStringLiteral(", with the class of each (its subfolder)")),
                           QStringLiteral("# "))
                + QLatin1Char('\n');
        }
        py += what;
        py += QStringLiteral("IMAGES = %1\nLABELS = %2\nLIMIT = %3%4\n").arg(imagesPath, labelsPath).arg(s.data.limit)
                  .arg(QStringLiteral("                   # data.limit: use the first LIMIT images (0: all)"));
        py += QStringLiteral("pixels = read_idx(IMAGES, LIMIT)\n"
                             "DATA = torch.from_numpy(pixels.copy())\n"
                             "if DATA.dim() == 3:\n"
                             "    DATA = DATA.unsqueeze(1)     # [N, H, W] -> [N, 1, H, W]\n");
        py += conditional ? QStringLiteral("DATA_LABELS = torch.from_numpy(read_idx(LABELS, LIMIT).astype(np.int64))   # the class of each image\n")
                          : QString();
        py += QStringLiteral("\n\ndef real_batch(index):\n"
                             "    \"\"\"The images at `index` as the networks see them: bytes 0..255 scaled to [-1, 1].\"\"\"\n"
                             "    return DATA[index].float().div_(127.5).sub_(1.0)\n\n\n");
    } else {
        QString source;
        switch (s.data.kind) {
        case DataKind::Synthetic2D:
            source = QStringLiteral("the program's %1 set of %2 points, drawn from seed %3 (the run's seed)")
                         .arg(specnames::synthetic(s.data.synthetic))
                         .arg(s.data.syntheticCount)
                         .arg(s.seed);
            break;
        case DataKind::Drawn2D:
            source = QStringLiteral("the %1 points drawn by hand in the program's 2D lab").arg(s.data.points.size() / 2);
            break;
        case DataKind::Csv2D:
        case DataKind::FashionMnist:
        case DataKind::Idx:
        case DataKind::ImageFolder:
            source = QStringLiteral("the experiment's CSV file");
            break;
        }
        const bool besides = dataBeside(s.data) == DataBeside::Points;
        py += wrapped(QStringLiteral("Points in the plane: %1%2. One point per line: \"x,y\" or \"x,y,label\" (an optional "
                                     "first line \"x,y\").")
                          .arg(source, besides ? QStringLiteral(", written beside this script as the program has them") : QString()),
                      QStringLiteral("# "))
            + QLatin1Char('\n');
        py += QStringLiteral("POINTS_FILE = %1\nLIMIT = %2                   # data.limit: use the first LIMIT points (0: all)\n")
                  .arg(besides ? here.arg(str(o.pointsFile)) : str(s.data.path))
                  .arg(besides ? 0 : s.data.limit);
        py += QStringLiteral(
            "rows = []\n"
            "with open(POINTS_FILE) as f:\n"
            "    for number, line in enumerate(f, 1):\n"
            "        cells = [c.strip() for c in line.strip().split(',')]\n"
            "        if cells == [''] or (number == 1 and [c.lower() for c in cells[:2]] == ['x', 'y']):\n"
            "            continue\n"
            "        rows.append((float(cells[0]), float(cells[1]), int(cells[2]) if len(cells) > 2 else 0))\n"
            "        if LIMIT and len(rows) == LIMIT:\n"
            "            break\n"
            "DATA = torch.tensor([r[:2] for r in rows], dtype=torch.float32)          # [N, 2]\n");
        py += conditional ? QStringLiteral("DATA_LABELS = torch.tensor([r[2] for r in rows], dtype=torch.int64)       # the class of each point\n")
                          : QString();
        py += QStringLiteral("\n\ndef real_batch(index):\n"
                             "    return DATA[index]\n\n\n");
    }
    py += QStringLiteral(
        "class Batches:\n"
        "    \"\"\"Batches in the program's order: a random permutation of the whole set (torch.randperm), drawn when the\n"
        "    first batch needs it; an epoch's last, partial batch is completed from the next permutation.\"\"\"\n"
        "    def __init__(self, count):\n"
        "        self.count, self.order, self.cursor = count, None, 0\n\n"
        "    def next(self, n):\n"
        "        parts = []\n"
        "        while n > 0:\n"
        "            if self.order is None or self.cursor >= self.count:\n"
        "                self.order, self.cursor = torch.randperm(self.count), 0\n"
        "            take = min(n, self.count - self.cursor)\n"
        "            parts.append(self.order[self.cursor:self.cursor + take])\n"
        "            self.cursor += take\n"
        "            n -= take\n"
        "        return parts[0] if len(parts) == 1 else torch.cat(parts)\n\n\n"
        "batches = Batches(DATA.shape[0])\n\n\n");
    py += s.prior == LatentPrior::Normal
        ? QStringLiteral("def noise(n, generator=None):\n    \"\"\"n latent vectors z ~ N(0, 1).\"\"\"\n"
                         "    return torch.randn(n, LATENT, generator=generator)\n\n\n")
        : QStringLiteral("def noise(n, generator=None):\n    \"\"\"n latent vectors z ~ U(-1, 1).\"\"\"\n"
                         "    return torch.rand(n, LATENT, generator=generator).mul_(2).sub_(1)\n\n\n");

    // ---------------------------------------------------------------------------- the networks
    py += QStringLiteral("# ---- The networks ----\n");
    if (uses(s, [](const LayerSpec &l) { return l.kind == LayerKind::Reshape; }))
        py += QStringLiteral("class Reshape(nn.Module):\n"
                             "    \"\"\"Gives each sample the shape `shape` (the batch dimension stays).\"\"\"\n"
                             "    def __init__(self, *shape):\n"
                             "        super().__init__()\n"
                             "        self.shape = shape\n\n"
                             "    def forward(self, x):\n"
                             "        return x.reshape((x.shape[0],) + self.shape)\n\n\n");
    if (uses(s, [](const LayerSpec &l) { return l.kind == LayerKind::ConvTranspose2d; }))
        py += QStringLiteral(
            "class ConvTransposeAsConvGradient(torch.autograd.Function):\n"
            "    \"\"\"A transposed convolution is the gradient of a convolution with respect to its input; the program computes\n"
            "    it that way on the CPU (oneDNN's convolution kernels). Equal in value to F.conv_transpose2d, rounded as the\n"
            "    program rounds, so that the losses stay equal to the program's step after step.\"\"\"\n"
            "    @staticmethod\n"
            "    def forward(ctx, x, weight, stride, padding, output_padding):\n"
            "        ctx.save_for_backward(x, weight)\n"
            "        ctx.stride, ctx.padding = stride, padding\n"
            "        k = weight.shape[2]\n"
            "        h = (x.shape[2] - 1) * stride - 2 * padding + k + output_padding\n"
            "        w = (x.shape[3] - 1) * stride - 2 * padding + k + output_padding\n"
            "        shape = x.new_empty(x.shape[0], weight.shape[1], h, w)    # only its shape is read\n"
            "        return torch.ops.aten.convolution_backward(x, shape, weight, None, [stride] * 2, [padding] * 2, [1, 1],\n"
            "                                                   False, [0, 0], 1, [True, False, False])[0]\n\n"
            "    @staticmethod\n"
            "    def backward(ctx, grad):\n"
            "        x, weight = ctx.saved_tensors\n"
            "        grad = grad.contiguous()\n"
            "        grad_x = F.conv2d(grad, weight, None, ctx.stride, ctx.padding)\n"
            "        grad_weight = torch.ops.aten.convolution_backward(x, grad, weight, None, [ctx.stride] * 2, [ctx.padding] * 2,\n"
            "                                                          [1, 1], False, [0, 0], 1, [False, True, False])[1]\n"
            "        return grad_x, grad_weight, None, None, None\n\n\n"
            "def conv_transpose2d(x, weight, bias, stride, padding, output_padding):\n"
            "    if not (x.is_cpu and x.dtype == torch.float32 and x.dim() == 4 and torch.backends.mkldnn.is_available()):\n"
            "        return F.conv_transpose2d(x, weight, bias, stride, padding, output_padding)\n"
            "    out = ConvTransposeAsConvGradient.apply(x.contiguous(), weight, stride, padding, output_padding)\n"
            "    return out if bias is None else out + bias.view(1, -1, 1, 1)\n\n\n"
            "class ConvTranspose2d(nn.ConvTranspose2d):\n"
            "    \"\"\"nn.ConvTranspose2d (its weights, its initialisation), computed as the program computes it.\"\"\"\n"
            "    def forward(self, x):\n"
            "        return conv_transpose2d(x, self.weight, self.bias, self.stride[0], self.padding[0], self.output_padding[0])\n\n\n");
    if (uses(s, [](const LayerSpec &l) { return l.kind == LayerKind::Dropout; }))
        py += QStringLiteral("class Dropout(nn.Dropout):\n"
                             "    \"\"\"nn.Dropout as the program computes it: the mask drawn from torch's random stream, x * mask / (1 - p).\"\"\"\n"
                             "    def forward(self, x):\n"
                             "        if not self.training or self.p == 0:\n"
                             "            return x\n"
                             "        return x * torch.empty_like(x).bernoulli_(1.0 - self.p) / (1.0 - self.p)\n\n\n");
    const bool snLinear = uses(s, [](const LayerSpec &l) { return l.spectralNorm && l.kind == LayerKind::Linear; });
    const bool snConv = uses(s, [](const LayerSpec &l) { return l.spectralNorm && l.kind == LayerKind::Conv2d; });
    const bool snConvT = uses(s, [](const LayerSpec &l) { return l.spectralNorm && l.kind == LayerKind::ConvTranspose2d; });
    if (snLinear || snConv || snConvT) {
        py += QStringLiteral(
            "class SpectralNorm:\n"
            "    \"\"\"Spectral normalisation (Miyato et al. 2018) as the program computes it: the layer uses W / sigma, sigma\n"
            "    estimated as u.(W v) by power iteration on the buffers u and v: 15 iterations when the layer is made, one\n"
            "    more in each forward pass in training mode. (torch.nn.utils.spectral_norm differs in its details.)\"\"\"\n"
            "    def start_power_iteration(self, outputs):\n"
            "        self.register_buffer('u', normalized(torch.randn(outputs)))\n"
            "        self.register_buffer('v', torch.empty(self.weight.numel() // outputs))\n"
            "        with torch.no_grad():\n"
            "            for _ in range(15):\n"
            "                self.power_iteration()\n\n"
            "    def matrix(self):\n"
            "        return self.weight.reshape(self.weight.shape[0], -1)\n\n"
            "    def power_iteration(self):\n"
            "        w = self.matrix()\n"
            "        self.v.copy_(normalized(torch.mv(w.t(), self.u)))\n"
            "        self.u.copy_(normalized(torch.mv(w, self.v)))\n\n"
            "    def normalized_weight(self):\n"
            "        if self.training:\n"
            "            with torch.no_grad():\n"
            "                self.power_iteration()\n"
            "        # u and v are constants here: the gradient flows through W alone.\n"
            "        return self.weight / torch.dot(self.u.clone(), torch.mv(self.matrix(), self.v.clone()))\n\n\n"
            "def normalized(x):\n"
            "    return x / x.norm().clamp_min(1e-12)\n\n\n");
        if (snLinear)
            py += QStringLiteral("class SNLinear(SpectralNorm, nn.Linear):\n"
                                 "    def __init__(self, *args, **kwargs):\n"
                                 "        super().__init__(*args, **kwargs)\n"
                                 "        self.start_power_iteration(self.weight.shape[0])\n\n"
                                 "    def forward(self, x):\n"
                                 "        return F.linear(x, self.normalized_weight(), self.bias)\n\n\n");
        if (snConv)
            py += QStringLiteral("class SNConv2d(SpectralNorm, nn.Conv2d):\n"
                                 "    def __init__(self, *args, **kwargs):\n"
                                 "        super().__init__(*args, **kwargs)\n"
                                 "        self.start_power_iteration(self.weight.shape[0])\n\n"
                                 "    def forward(self, x):\n"
                                 "        return self._conv_forward(x, self.normalized_weight(), self.bias)\n\n\n");
        if (snConvT)
            py += QStringLiteral("class SNConvTranspose2d(SpectralNorm, nn.ConvTranspose2d):\n"
                                 "    \"\"\"The weight [in, out, k, k] is normalised as the matrix [out, in * k * k].\"\"\"\n"
                                 "    def __init__(self, *args, **kwargs):\n"
                                 "        super().__init__(*args, **kwargs)\n"
                                 "        self.start_power_iteration(self.weight.shape[1])\n\n"
                                 "    def matrix(self):\n"
                                 "        return self.weight.transpose(0, 1).reshape(self.weight.shape[1], -1)\n\n"
                                 "    def forward(self, x):\n"
                                 "        return conv_transpose2d(x, self.normalized_weight(), self.bias, self.stride[0], self.padding[0],\n"
                                 "                                self.output_padding[0])\n\n\n");
    }

    const Shape gIn = ShapeInference::generatorInput(s);
    const Shape dIn = ShapeInference::discriminatorInput(s, o.dataShape);
    bool droppedSigmoid = false;
    const std::vector<LayerSpec> gLayers = builtLayers(s, NetworkRole::Generator);
    std::vector<LayerSpec> dLayers = builtLayers(s, NetworkRole::Discriminator, &droppedSigmoid);
    const QString sigmoidNote = droppedSigmoid
        ? QStringLiteral("# D's last layer, %1 (Sigmoid), is left out, as the program leaves it out: the loss takes D's raw score and\n"
                         "# applies the sigmoid itself (softplus), which is the same function computed without overflow.\n")
              .arg(s.discriminator.layers.back().id)
        : QString();
    const QString shapes = QStringLiteral("z %1").arg(shapeToString(gIn));
    // A network's pass, in bf16 runs inside its own autocast region, as the program runs each part
    // of a step (its copies of the weights in bfloat16 are made again after every update).
    const auto returning = [bf16](const QString &expression) {
        return bf16 ? QStringLiteral("    with torch.autocast(DEVICE.type, dtype=torch.bfloat16):   # training.precision: bf16\n"
                                     "        return %1\n").arg(expression)
                    : QStringLiteral("    return %1\n").arg(expression);
    };
    py += QStringLiteral("# Built in the program's order, G then D, each layer drawing its initial weights (PyTorch's defaults)\n"
                         "# from torch's random stream seeded with the run's seed.\n"
                         "torch.manual_seed(args.seed)\n\n");
    if (!conditional) {
        py += QStringLiteral("# The generator: %1 -> sample %2. Each layer is named by its id in the designer.\n").arg(shapes, shapeToString(o.dataShape));
        py += QStringLiteral("G = %1\n\n").arg(stack(s, NetworkRole::Generator, gLayers, gIn, QString()));
        py += QStringLiteral("# The discriminator: sample %1 -> a score.\n").arg(shapeToString(o.dataShape)) + sigmoidNote;
        py += QStringLiteral("D = %1\n\n\n").arg(stack(s, NetworkRole::Discriminator, dLayers, dIn, QString()));
        py += QStringLiteral("def generate(z, labels=None):\n") + returning(QStringLiteral("G(z)")) + QStringLiteral("\n\n")
            + QStringLiteral("def discriminate(x, labels=None):\n"
                             "    \"\"\"D's scores of the samples x (and class logits, which only an AC-GAN has).\"\"\"\n")
            + returning(bf16 ? QStringLiteral("D(x).float(), None") : QStringLiteral("D(x), None")) + QStringLiteral("\n\n");
    } else {
        py += QStringLiteral("class Generator(nn.Module):\n"
                             "    \"\"\"The class label enters as a learned embedding joined to z (Mirza & Osindero 2014).\"\"\"\n"
                             "    def __init__(self):\n"
                             "        super().__init__()\n"
                             "        # z %1 joined with the label's embedding [%2] -> sample %3\n"
                             "        self.layers = %4\n"
                             "        # Made after the layers: the program draws the embedding's N(0, 1) weights after theirs.\n"
                             "        self.label = nn.Embedding(CLASSES, EMBEDDING)\n\n"
                             "    def forward(self, z, labels):\n"
                             "        # The program looks the embedding up as one-hot rows times its table: the values of\n"
                             "        # self.label(labels), and the rounding of its gradient as the program rounds it.\n"
                             "        embedded = F.one_hot(labels, CLASSES).to(self.label.weight.dtype) @ self.label.weight\n"
                             "        return self.layers(torch.cat([z, embedded.to(z.dtype)], 1))\n\n\n")
                  .arg(shapeToString({s.latentDim}))
                  .arg(c.embedding)
                  .arg(shapeToString(o.dataShape), stack(s, NetworkRole::Generator, gLayers, gIn, QStringLiteral("        ")));
        if (c.kind == ConditioningKind::Concat) {
            py += QStringLiteral("class Discriminator(nn.Module):\n"
                                 "    \"\"\"The class label joins the sample as CLASSES one-hot %1.\"\"\"\n"
                                 "    def __init__(self):\n"
                                 "        super().__init__()\n%2"
                                 "        self.layers = %3\n\n"
                                 "    def forward(self, x, labels):\n"
                                 "        onehot = F.one_hot(labels, CLASSES).to(x.dtype)\n%4"
                                 "        return self.layers(torch.cat([x, onehot], 1))%5, None\n\n\n")
                      .arg(images ? QStringLiteral("channels, constant over the image") : QStringLiteral("features"),
                           sigmoidNote.isEmpty() ? QString() : QStringLiteral("        ") + QString(sigmoidNote).replace(QStringLiteral("\n#"), QStringLiteral("\n        #")),
                           stack(s, NetworkRole::Discriminator, dLayers, dIn, QStringLiteral("        ")),
                           images ? QStringLiteral("        onehot = onehot.view(x.shape[0], -1, 1, 1).expand(-1, -1, x.shape[2], x.shape[3])\n") : QString(),
                           bf16 ? QStringLiteral(".float()") : QString());
        } else {
            const LayerSpec score = dLayers.back();
            dLayers.pop_back();
            py += QStringLiteral("class Discriminator(nn.Module):\n"
                                 "    \"\"\"%1\"\"\"\n"
                                 "    def __init__(self):\n"
                                 "        super().__init__()\n"
                                 "        self.layers = %2\n"
                                 "        self.score = %3            # %4: the score\n"
                                 "        self.classes = nn.Linear(%5, CLASSES%6)   # made after the score layer, as the program does\n\n"
                                 "    def forward(self, x, labels):\n"
                                 "        features = self.layers(x)\n")
                      .arg(auxiliary ? QStringLiteral("AC-GAN (Odena et al. 2017): besides its score, D names the class of each sample\n"
                                                      "    (class logits from the features its last layer reads).")
                                     : QStringLiteral("A projection discriminator (Miyato & Koyama 2018): the score plus <embed(y), features>,\n"
                                                      "    the features its last layer reads times the class layer's row of y."),
                           stack(s, NetworkRole::Discriminator, dLayers, dIn, QStringLiteral("        ")),
                           module(score), score.id)
                      .arg(score.inFeatures)
                      .arg(auxiliary ? QString() : QStringLiteral(", bias=False"));
            py += auxiliary ? QStringLiteral("        # One [n, 1 + CLASSES] output, read as the program reads its head's: the score, then the class logits.\n"
                                             "        out = torch.cat([self.score(features), self.classes(features)], 1)%1\n"
                                             "        return out[:, :1], out[:, 1:]\n\n\n").arg(bf16 ? QStringLiteral(".float()") : QString())
                            : QStringLiteral("        projection = self.classes(features).gather(1, labels.view(-1, 1))\n"
                                             "        return (self.score(features) + projection)%1, None\n\n\n")
                                  .arg(bf16 ? QStringLiteral(".float()") : QString());
        }
        py += QStringLiteral("G = Generator()\nD = Discriminator()\n\n\n"
                             "def generate(z, labels):\n")
            + returning(QStringLiteral("G(z, labels)")) + QStringLiteral("\n\n")
            + QStringLiteral("def discriminate(x, labels):\n"
                             "    \"\"\"D's scores of the samples x, judged with their classes (and, AC-GAN, its class logits).\"\"\"\n")
            + returning(QStringLiteral("D(x, labels)")) + QStringLiteral("\n\n");
        if (auxiliary)
            py += QStringLiteral("def class_loss(logits, labels):\n"
                                 "    \"\"\"AC-GAN: the cross-entropy of D's class logits, which both networks minimise.\"\"\"\n"
                                 "    return AUX_WEIGHT * F.cross_entropy(logits, labels)\n\n\n");
    }
    if (s.dcganInit)
        py += QStringLiteral("def dcgan_init(m):\n"
                             "    \"\"\"Radford et al. 2015: weights N(0, 0.02), BatchNorm scales N(1, 0.02), biases 0.\"\"\"\n"
                             "    if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):\n"
                             "        nn.init.normal_(m.weight, 0.0, 0.02)\n"
                             "        if m.bias is not None:\n"
                             "            nn.init.zeros_(m.bias)\n"
                             "    elif isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):\n"
                             "        nn.init.normal_(m.weight, 1.0, 0.02)\n"
                             "        nn.init.zeros_(m.bias)\n\n\n"
                             "G.apply(dcgan_init)\nD.apply(dcgan_init)\n");
    py += QStringLiteral("G.to(DEVICE)\nD.to(DEVICE)\n");
    if (ema)
        py += QStringLiteral("G_ema = copy.deepcopy(G)            # the moving average of G's weights that samples come from\n");
    py += QStringLiteral("\n");

    // ---------------------------------------------------------------------------- optimisers
    const auto optimizer = [](const OptimizerSpec &o, const QString &params) {
        const QString wd = o.weightDecay > 0 ? QStringLiteral(", weight_decay=%1").arg(num(o.weightDecay)) : QString();
        switch (o.kind) {
        case OptimizerKind::Adam:
            return QStringLiteral("torch.optim.Adam(%1, lr=%2, betas=(%3, %4)%5)").arg(params, num(o.lr), num(o.beta1), num(o.beta2), wd);
        case OptimizerKind::SGD:
            return QStringLiteral("torch.optim.SGD(%1, lr=%2%3%4)")
                .arg(params, num(o.lr), o.momentum > 0 ? QStringLiteral(", momentum=%1").arg(num(o.momentum)) : QString(), wd);
        case OptimizerKind::RMSprop:
            return QStringLiteral("torch.optim.RMSprop(%1, lr=%2, alpha=%3%4%5)")
                .arg(params, num(o.lr), num(o.alpha), o.momentum > 0 ? QStringLiteral(", momentum=%1").arg(num(o.momentum)) : QString(), wd);
        }
        return QString();
    };
    py += QStringLiteral("# ---- The optimisers (optimizers.generator, optimizers.discriminator) ----\n");
    py += QStringLiteral("opt_g = %1\nopt_d = %2\n").arg(optimizer(s.optimizerG, QStringLiteral("G.parameters()")),
                                                          optimizer(s.optimizerD, QStringLiteral("D.parameters()")));
    if (decay)
        py += QStringLiteral("\n\ndef set_learning_rates(step):\n"
                             "    \"\"\"Both learning rates fall linearly from their set values to LR_DECAY_TO of them at step STEPS.\"\"\"\n"
                             "    progress = min(1.0, (step - 1) / max(1, STEPS - 1))\n"
                             "    factor = 1.0 - (1.0 - LR_DECAY_TO) * progress\n"
                             "    for group in opt_g.param_groups:\n"
                             "        group['lr'] = %1 * factor\n"
                             "    for group in opt_d.param_groups:\n"
                             "        group['lr'] = %2 * factor\n")
                  .arg(num(s.optimizerG.lr), num(s.optimizerD.lr));
    py += QStringLiteral("\n\n");

    // ---------------------------------------------------------------------------- the loss
    py += lossFunctions(s) + QStringLiteral("\n\n");
    if (gp)
        py += QStringLiteral("def gradient_penalty(real, fake%1):\n"
                             "    \"\"\"GP_LAMBDA E[(||grad D(x_hat)||_2 - 1)^2] at points x_hat between each real and fake sample.\"\"\"\n"
                             "    e = torch.rand((real.shape[0],) + (1,) * (real.dim() - 1)).to(real.device)\n"
                             "    mixed = (e * real + (1 - e) * fake).detach().requires_grad_(True)\n"
                             "    out, _ = discriminate(mixed%1)\n"
                             "    grad, = torch.autograd.grad(out.sum(), mixed, create_graph=True)\n"
                             "    return GP_LAMBDA * (grad.flatten(1).norm(2, dim=1) - 1).pow(2).mean()\n\n\n")
                  .arg(conditional ? QStringLiteral(", labels") : QString());
    if (r1)
        py += QStringLiteral("def r1_penalty(real_out, real_in):\n"
                             "    \"\"\"R1 (Mescheder et al. 2018): R1_GAMMA / 2 E[||grad D(x)||^2] on the real samples.\"\"\"\n"
                             "    grad, = torch.autograd.grad(real_out.sum(), real_in, create_graph=True)\n"
                             "    return 0.5 * R1_GAMMA * grad.pow(2).flatten(1).sum(1).mean()\n\n\n");
    if (noisy)
        py += QStringLiteral("def instance_noise_sigma(step):\n"
                             "    if INSTANCE_NOISE_STEPS <= 0:\n"
                             "        return INSTANCE_NOISE\n"
                             "    return INSTANCE_NOISE * max(0.0, 1.0 - (step - 1) / INSTANCE_NOISE_STEPS)\n\n\n"
                             "def with_noise(x, sigma):\n"
                             "    \"\"\"Instance noise: D sees its inputs with Gaussian noise of std sigma added.\"\"\"\n"
                             "    return x + sigma * torch.randn(x.shape).to(x.device) if sigma > 0 else x\n\n\n");
    py += QStringLiteral("def gradient_norm(net):\n"
                         "    \"\"\"The L2 norm of all of a network's gradients together (the plots' |grad|).\"\"\"\n"
                         "    return math.sqrt(sum(p.grad.double().pow(2).sum().item() for p in net.parameters() if p.grad is not None))\n\n\n");

    // ---------------------------------------------------------------------------- one step
    const QString labelsArg = conditional ? QStringLiteral(", fake_labels") : QString();
    py += QStringLiteral("def train_step(step):\n"
                         "    \"\"\"One step as the program takes it: D_STEPS discriminator updates, then one generator update. The\n"
                         "    random draws come in the program's order: per D update the batch, the noise%1%2%3.\"\"\"\n")
              .arg(conditional ? QStringLiteral(", the classes asked of G") : QString(),
                   noisy ? QStringLiteral(", the instance noise (reals, then fakes)") : QString(),
                   gp ? QStringLiteral(", the penalty's mixing weights") : QString());
    if (noisy)
        py += QStringLiteral("    sigma = instance_noise_sigma(step)\n");
    if (decay)
        py += QStringLiteral("    set_learning_rates(step)\n");
    py += QStringLiteral("    G.train()\n    D.train()\n");
    py += QStringLiteral("    for update in range(D_STEPS):\n"
                         "        index = batches.next(BATCH)\n"
                         "        real = real_batch(index).to(DEVICE)\n");
    if (conditional)
        py += QStringLiteral("        real_labels = DATA_LABELS[index].to(DEVICE)\n");
    py += QStringLiteral("        z = noise(BATCH).to(DEVICE)\n");
    if (conditional)
        py += QStringLiteral("        fake_labels = torch.randint(CLASSES, (BATCH,)).to(DEVICE)   # the classes G is asked for\n");
    py += QStringLiteral("        if update == D_STEPS - 1:\n"
                         "            fake_for_g = generate(z%1)    # the last update's fakes also train G: one G pass a step\n"
                         "            fake = fake_for_g.detach()\n"
                         "        else:\n"
                         "            with torch.no_grad():\n"
                         "                fake = generate(z%1)\n")
              .arg(labelsArg);
    py += noisy ? QStringLiteral("        real_in, fake_in = with_noise(real, sigma), with_noise(fake, sigma)\n")
                : QStringLiteral("        real_in, fake_in = real, fake\n");
    if (r1)
        py += QStringLiteral("        real_in = real_in.detach().requires_grad_(True)   # R1 differentiates D at the reals\n");
    py += QStringLiteral("        real_out, real_logits = discriminate(real_in%1)\n"
                         "        fake_out, fake_logits = discriminate(fake_in%2)\n")
              .arg(conditional ? QStringLiteral(", real_labels") : QString(), labelsArg);
    py += QStringLiteral("        opt_d.zero_grad()\n"
                         "        loss_real, loss_fake = d_loss(real_out, fake_out)\n");
    if (auxiliary)
        py += QStringLiteral("        loss_real = loss_real + class_loss(real_logits, real_labels)\n"
                             "        loss_fake = loss_fake + class_loss(fake_logits, fake_labels)\n");
    py += QStringLiteral("        loss_d = loss_real + loss_fake\n");
    if (gp)
        py += QStringLiteral("        loss_d = loss_d + gradient_penalty(real_in.detach(), fake_in%1)\n").arg(conditional ? QStringLiteral(", real_labels") : QString());
    if (r1)
        py += QStringLiteral("        loss_d = loss_d + r1_penalty(real_out, real_in)\n");
    py += QStringLiteral("        loss_d.backward()\n"
                         "        grad_norm_d = gradient_norm(D)\n"
                         "        opt_d.step()\n");
    if (clip)
        py += QStringLiteral("        with torch.no_grad():\n"
                             "            for p in D.parameters():\n"
                             "                p.clamp_(-CLIP, CLIP)\n");
    py += QStringLiteral("\n    opt_g.zero_grad()\n"
                         "    D.requires_grad_(False)              # G's update needs gradients through D, not D's own\n");
    py += QStringLiteral("    out, logits = discriminate(%1%2)\n").arg(noisy ? QStringLiteral("with_noise(fake_for_g, sigma)") : QStringLiteral("fake_for_g"), labelsArg);
    py += auxiliary ? QStringLiteral("    loss_g = g_loss(out) + class_loss(logits, fake_labels)\n") : QStringLiteral("    loss_g = g_loss(out)\n");
    py += QStringLiteral("    loss_g.backward()\n"
                         "    D.requires_grad_(True)\n"
                         "    grad_norm_g = gradient_norm(G)\n"
                         "    opt_g.step()\n");
    if (ema)
        py += QStringLiteral("    with torch.no_grad():\n"
                             "        for average, p in zip(G_ema.parameters(), G.parameters()):\n"
                             "            average.mul_(EMA_DECAY).add_(p, alpha=1 - EMA_DECAY)\n"
                             "        for average, b in zip(G_ema.buffers(), G.buffers()):\n"
                             "            average.copy_(b)\n");
    py += QStringLiteral("    return {'loss_d': loss_d.item(), 'loss_d_real': loss_real.item(), 'loss_d_fake': loss_fake.item(),\n"
                         "            'loss_g': loss_g.item(), 'd_real': mean_score(real_out.detach()).item(),\n"
                         "            'd_fake': mean_score(fake_out.detach()).item(), 'grad_norm_d': grad_norm_d, 'grad_norm_g': grad_norm_g}\n\n\n");

    // ---------------------------------------------------------------------------- samples
    const QString sampler = ema ? QStringLiteral("G_ema") : QStringLiteral("G");
    py += QStringLiteral("# ---- Samples ----\n");
    py += QStringLiteral("def sample(z, labels=None):\n"
                         "    \"\"\"G's samples of z in evaluation mode (BatchNorm's running statistics, no dropout)%1.\"\"\"\n"
                         "    %2.eval()\n"
                         "    with torch.no_grad():\n"
                         "        out = %2(z.to(DEVICE)%3)\n"
                         "    %2.train()\n"
                         "    return out.float().cpu()\n\n\n")
              .arg(ema ? QStringLiteral(", from the moving average of its weights") : QString(), sampler,
                   conditional ? QStringLiteral(", labels.to(DEVICE)") : QString());
    // The fixed grid: classgrid's rows of the run's evaluation noise, and their classes.
    const std::vector<int> rows = classgrid::noiseRows(s);
    py += QStringLiteral("# The grid the program shows: %1 samples of noise fixed for the run (its own random stream, apart from\n"
                         "# training's).\n"
                         "EVAL_SEED = (args.seed + 0x9E3779B97F4A7C15) % 2**64\n"
                         "FIXED_NOISE = noise(%2, torch.Generator().manual_seed(EVAL_SEED))\n")
              .arg(rows.size())
              .arg(classgrid::noiseCount(s));
    if (conditional) {
        py += images ? QStringLiteral("GRID_ROWS = [i % %1 for i in range(%2)]          # one row of %1 per class: a column is one z\n"
                                      "GRID_LABELS = [i // %1 for i in range(%2)]\n")
                           .arg(classgrid::kColumns)
                           .arg(rows.size())
                     : QStringLiteral("GRID_ROWS = list(range(%1))\nGRID_LABELS = [i % CLASSES for i in range(%1)]   # the classes in turn\n")
                           .arg(rows.size());
    } else {
        py += QStringLiteral("GRID_ROWS = list(range(%1))\n").arg(rows.size());
    }
    py += QStringLiteral(
        "\n\ndef write_png(path, rgb):\n"
        "    \"\"\"An 8-bit RGB image [H, W, 3] as a PNG file (zlib and struct: no imaging library needed).\"\"\"\n"
        "    def chunk(kind, data):\n"
        "        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))\n"
        "    height, width = rgb.shape[:2]\n"
        "    raw = b''.join(b'\\x00' + row.tobytes() for row in np.ascontiguousarray(rgb, np.uint8))\n"
        "    with open(path + '.part', 'wb') as f:\n"
        "        f.write(b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))\n"
        "                + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))\n"
        "    os.replace(path + '.part', path)\n\n\n");
    if (images)
        py += QStringLiteral(
            "def grid_png(path, samples, columns=8, gap=2):\n"
            "    \"\"\"Samples in [-1, 1] tiled as the program tiles them: `columns` wide, 2 grey pixels apart.\"\"\"\n"
            "    pixels = samples.add(1).mul(127.5).round().clamp(0, 255).byte().numpy()     # [N, C, H, W]\n"
            "    n, channels, h, w = pixels.shape\n"
            "    rows = (n + columns - 1) // columns\n"
            "    out = np.full((gap + rows * (h + gap), gap + columns * (w + gap), 3), 128, np.uint8)\n"
            "    for i in range(n):\n"
            "        top, left = gap + (i // columns) * (h + gap), gap + (i % columns) * (w + gap)\n"
            "        out[top:top + h, left:left + w] = pixels[i].transpose(1, 2, 0) if channels == 3 else pixels[i, 0, :, :, None]\n"
            "    write_png(path, out)\n\n\n");
    else
        py += QStringLiteral(
            "def grid_png(path, samples, size=480):\n"
            "    \"\"\"A scatter plot: the real points grey, the generated ones orange, over the real data's extent.\"\"\"\n"
            "    real = DATA[:2500].numpy()\n"
            "    lo, hi = real.min(0), real.max(0)\n"
            "    lo, hi = lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo)\n"
            "    out = np.full((size, size, 3), 255, np.uint8)\n"
            "    for points, colour in ((real, (170, 170, 170)), (samples.numpy(), (230, 110, 20))):\n"
            "        xy = ((points - lo) / np.maximum(hi - lo, 1e-9) * (size - 3)).astype(np.int64) + 1\n"
            "        inside = (xy >= 1).all(1) & (xy < size - 1).all(1)\n"
            "        for dx in (-1, 0, 1):\n"
            "            for dy in (-1, 0, 1):\n"
            "                out[size - 1 - xy[inside, 1] + dy, xy[inside, 0] + dx] = colour\n"
            "    write_png(path, out)\n\n\n");
    py += QStringLiteral("def fixed_grid():\n"
                         "    z = FIXED_NOISE[GRID_ROWS]\n"
                         "    return sample(z%1)\n\n\n")
              .arg(conditional ? QStringLiteral(", torch.tensor(GRID_LABELS)") : QString());
    py += QStringLiteral(
        "def seeded_samples(count, seed):\n"
        "    \"\"\"`count` samples as the program's `sample --seed` draws them: noise from its own generator, 1024 at a time%1.\"\"\"\n"
        "    generator = torch.Generator().manual_seed(seed)\n"
        "    parts = []\n"
        "    for done in range(0, count, 1024):\n"
        "        z = noise(min(1024, count - done), generator)\n"
        "%2"
        "    return torch.cat(parts)\n\n\n")
              .arg(conditional ? QStringLiteral(", each\n    chunk's classes drawn after its noise") : QString(),
                   conditional ? QStringLiteral("        labels = torch.randint(CLASSES, (z.shape[0],), generator=generator)\n"
                                                "        parts.append(sample(z, labels))\n")
                               : QStringLiteral("        parts.append(sample(z))\n"));

    // ---------------------------------------------------------------------------- weights
    py += QStringLiteral(
        "# ---- A run's weights ----\n"
        "def read_safetensors(path):\n"
        "    \"\"\"A safetensors file: 8 bytes of header length, a JSON header (each tensor's type, shape and byte range), the\n"
        "    tensors' bytes. Returns the tensors by name and the header's metadata.\"\"\"\n"
        "    with open(path, 'rb') as f:\n"
        "        size, = struct.unpack('<Q', f.read(8))\n"
        "        header = json.loads(f.read(size))\n"
        "        data = f.read()\n"
        "    types = {'F32': np.float32, 'F64': np.float64, 'I64': np.int64, 'I32': np.int32, 'U8': np.uint8}\n"
        "    metadata = header.pop('__metadata__', {})\n"
        "    tensors = {}\n"
        "    for name, t in header.items():\n"
        "        begin, end = t['data_offsets']\n"
        "        array = np.frombuffer(data[begin:end], types[t['dtype']]).reshape(t['shape'])\n"
        "        tensors[name] = torch.from_numpy(array.copy())\n"
        "    return tensors, metadata\n\n\n"
        "def load_weights(path):\n"
        "    \"\"\"Goes on from a run of the program: the file `gan-playground-cli export RUN_DIR` writes beside this script. It\n"
        "    holds the networks' weights and buffers under this script's names (generator/..., discriminator/...), the\n"
        "    optimisers' state by parameter (optimizer_g/NAME/exp_avg, ...), the random stream, the data order and\n"
        "    position, the fixed noise and the step. Returns the step.\"\"\"\n"
        "    global FIXED_NOISE\n"
        "    tensors, metadata = read_safetensors(path)\n"
        "    if metadata.get('format') != 'gan-playground-pytorch-weights':\n"
        "        raise SystemExit(f'{path}: not weights written by gan-playground-cli export')\n\n"
        "    def part(prefix):\n"
        "        return {name[len(prefix):]: t for name, t in tensors.items() if name.startswith(prefix)}\n\n"
        "    G.load_state_dict(part('generator/'))\n"
        "    D.load_state_dict(part('discriminator/'))\n");
    if (ema)
        py += QStringLiteral("    G_ema.load_state_dict(part('generator_ema/'))\n");
    py += QStringLiteral(
        "    for optimizer, net, key in ((opt_g, G, 'optimizer_g'), (opt_d, D, 'optimizer_d')):\n"
        "        for name, p in net.named_parameters():\n"
        "            state = part(f'{key}/{name}/')\n"
        "            if state:\n"
        "                optimizer.state[p] = {k: v if k == 'step' else v.to(DEVICE) for k, v in state.items()}\n"
        "    torch.set_rng_state(tensors['rng'])\n"
        "    order = tensors.get('order')\n"
        "    if order is not None and order.numel() == batches.count:\n"
        "        batches.order, batches.cursor = order, int(metadata['cursor'])\n"
        "    FIXED_NOISE = tensors['fixed_noise']\n"
        "    return int(metadata['step'])\n\n\n");

    // ---------------------------------------------------------------------------- main
    py += QStringLiteral("# ---- The run ----\n"
                         "start = load_weights(args.weights) if args.weights else 0\n"
                         "if args.sample:\n"
                         "    samples = seeded_samples(args.sample, args.sample_seed)\n"
                         "    if args.sample_out.endswith('.npy'):\n"
                         "        np.save(args.sample_out, samples.numpy())\n"
                         "    elif args.sample_out.endswith('.png'):\n"
                         "        grid_png(args.sample_out, samples)\n");
    if (!images)
        py += QStringLiteral("    elif args.sample_out.endswith('.csv'):\n"
                             "        with open(args.sample_out, 'w') as f:\n"
                             "            f.writelines(f'{x:.8g},{y:.8g}\\n' for x, y in samples.tolist())\n");
    py += QStringLiteral("    else:\n"
                         "        raise SystemExit('--sample-out must end in .npy or .png%1')\n"
                         "    print(f'wrote {samples.shape[0]} samples to {args.sample_out}')\n"
                         "    raise SystemExit(0)\n\n")
              .arg(images ? QString() : QStringLiteral(" or .csv"));
    py += QStringLiteral(
        "os.makedirs(os.path.join(args.out, 'samples'), exist_ok=True)\n"
        "COLUMNS = ['step', 'loss_d', 'loss_d_real', 'loss_d_fake', 'loss_g', 'd_real', 'd_fake', 'grad_norm_d', 'grad_norm_g',\n"
        "           'seconds', 'fd', 'kid', 'kid_se', 'precision', 'recall', 'density', 'coverage', 'classifier_score']\n"
        "with open(os.path.join(args.out, 'metrics.csv'), 'w') as metrics:\n"
        "    metrics.write(','.join(COLUMNS) + '\\n')      # the program's columns; the image measures stay empty here\n"
        "    for step in range(start + 1, args.steps + 1):\n"
        "        began = time.perf_counter()\n");
    py += QStringLiteral("        record = train_step(step)\n");
    // No QString::arg from here on: Python's own % formats would be taken for its placeholders.
    py += QStringLiteral(
        "        record = dict(step=step, seconds=time.perf_counter() - began, **record)\n"
        "        metrics.write(','.join('%d' % record['step'] if c == 'step' else '%.6g' % record[c] if c == 'seconds'\n"
        "                               else '%.9g' % record[c] if c in record else '' for c in COLUMNS) + '\\n')\n"
        "        if not all(math.isfinite(record[c]) for c in ('loss_d', 'loss_g')):\n"
        "            raise SystemExit(f'step {step}: a loss is not finite; lower the learning rate or try another loss')\n"
        "        if step % SAMPLE_EVERY == 0 or step == args.steps:\n"
        "            grid_png(os.path.join(args.out, 'samples', 'step_%06d.png' % step), fixed_grid())\n"
        "        if step == start + 1 or step % 100 == 0 or step == args.steps:\n"
        "            print(f'step {step}: loss_d {record[\"loss_d\"]:.4f}  loss_g {record[\"loss_g\"]:.4f}  '\n"
        "                  f'D(x) {record[\"d_real\"]:.3f}  D(G(z)) {record[\"d_fake\"]:.3f}', flush=True)\n"
        "print(f'metrics.csv and samples/ are in {args.out}')\n");
    return py;
}

}  // namespace pytorchscript
