#include "eval/evalclassifier.h"

#include "io/atomicfile.h"
#include "io/torcharchive.h"
#include "nn/tensortable_p.h"
#include "training/errortext.h"
#include "training/tensorsamples_p.h"

#include <torch/torch.h>
#include <ATen/CPUGeneratorImpl.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>
#include <numeric>
#include <random>
#include <sstream>

namespace {
// Messages a user reads: translated (context "EvalClassifier").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(EvalClassifier)
};

// The recipe: changing any of it must change the cache key.
constexpr const char *kRecipe = "gp-eval-classifier v3: conv16-bn-relu-pool conv32-bn-relu-pool fc128 relu fc; uniform(1/sqrt(fan_in)) from its own generator, seed 7; adam 1e-3 (1e-4 in the last epoch), batch 128, 5 epochs, 1 thread";
constexpr int kFeatures = 128;
constexpr int kBatch = 128;
constexpr std::int64_t kMeasureBatch = 500;
constexpr std::uint64_t kSeed = 7;
constexpr qint64 kMaxCacheBytes = qint64(64) << 20;  // the network's weights are under 1 MB (28x28 images)
constexpr std::int64_t kCalibrationImages = 5000;  // random features: images that set the batch norms' statistics

struct Network : torch::nn::Module {
    Network(int channels, int height, int width, int classes)
    {
        body = register_module("body", torch::nn::Sequential(
                                           torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, 16, 3).padding(1)),
                                           torch::nn::BatchNorm2d(16), torch::nn::ReLU(), torch::nn::MaxPool2d(2),
                                           torch::nn::Conv2d(torch::nn::Conv2dOptions(16, 32, 3).padding(1)),
                                           torch::nn::BatchNorm2d(32), torch::nn::ReLU(), torch::nn::MaxPool2d(2),
                                           torch::nn::Flatten()));
        const std::int64_t flat = (height / 4) * (width / 4) * 32;
        features = register_module("features", torch::nn::Linear(flat, kFeatures));
        head = register_module("head", torch::nn::Linear(kFeatures, classes));
    }
    // The penultimate activations and the logits.
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor &x)
    {
        const torch::Tensor f = torch::relu(features->forward(body->forward(x)));
        return {f, head->forward(f)};
    }
    torch::nn::Sequential body{nullptr};
    torch::nn::Linear features{nullptr}, head{nullptr};
};

// PyTorch's default initialisation (bound 1/sqrt(fan_in) for weights and biases), drawn from
// `generator`: the network never touches the global generator, so it is the same whichever
// thread makes it and whatever else runs at the time.
void initialise(Network &net, at::Generator generator)
{
    torch::NoGradGuard noGrad;
    for (auto &module : net.modules(false)) {
        torch::Tensor weight, bias;
        if (auto *conv = module->as<torch::nn::Conv2d>()) {
            weight = conv->weight;
            bias = conv->bias;
        } else if (auto *linear = module->as<torch::nn::Linear>()) {
            weight = linear->weight;
            bias = linear->bias;
        } else {
            continue;
        }
        const double bound = 1.0 / std::sqrt(double(weight.numel() / weight.size(0)));
        weight.uniform_(-bound, bound, generator);
        if (bias.defined())
            bias.uniform_(-bound, bound, generator);
    }
}

// A dataset's images as bytes, N x C x H x W, without a copy: converted a batch at a time, so
// that a large dataset never exists as floats all at once.
torch::Tensor bytesOf(const Dataset &data, std::int64_t first, std::int64_t count)
{
    const std::int64_t size = std::int64_t(data.channels) * data.height * data.width;
    return torch::from_blob(const_cast<std::uint8_t *>(data.pixels.data()) + first * size,
                            {count, data.channels, data.height, data.width}, torch::kUInt8);
}


QString cacheKey(const Dataset &train)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QByteArray(kRecipe));
    hash.addData(QStringLiteral("%1 %2 %3 %4").arg(train.count).arg(train.channels).arg(train.height).arg(train.width).toUtf8());
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(train.pixels.data()), qsizetype(train.pixels.size())));
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(train.labels.data()), qsizetype(train.labels.size() * sizeof(int))));
    return QString::fromLatin1(hash.result().toHex());
}

}  // namespace

struct EvalClassifier::Impl {
    // `classes` 0: random features (the head is never used).
    Impl(int c, int h, int w, int classes)
        : net(std::make_shared<Network>(c, h, w, std::max(1, classes))), channels(c), height(h), width(w), classes(classes)
    {
        initialise(*net, at::make_generator<at::CPUGeneratorImpl>(kSeed));
    }
    std::shared_ptr<Network> net;
    int channels = 0, height = 0, width = 0, classes = 0;

    // `images`: bytes, N x C x H x W.
    void measure(const torch::Tensor &images, imagemeasures::Features *features, std::vector<float> *probabilities) const
    {
        torch::NoGradGuard noGrad;
        const std::int64_t n = images.size(0);
        if (features) {
            features->count = int(n);
            features->dim = kFeatures;
            features->values.resize(size_t(n) * kFeatures);
        }
        if (probabilities)
            probabilities->resize(size_t(n) * size_t(classes));
        for (std::int64_t i = 0; i < n; i += kMeasureBatch) {
            const std::int64_t m = std::min(kMeasureBatch, n - i);
            auto [f, logits] = net->forward(imagesFromBytes(images.slice(0, i, i + m)));
            if (features)
                std::copy_n(f.contiguous().data_ptr<float>(), m * kFeatures, features->values.data() + i * kFeatures);
            if (probabilities && classes > 0)
                std::copy_n(torch::softmax(logits, 1).contiguous().data_ptr<float>(), m * classes,
                            probabilities->data() + i * classes);
        }
    }
};

EvalClassifier::EvalClassifier(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
EvalClassifier::~EvalClassifier() = default;

QString EvalClassifier::defaultCacheDir()
{
    // One place for the window and the command line (their application names differ): the
    // user's cache folder, since the file can always be made again.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)).filePath(QStringLiteral("gan-playground/classifiers"));
}

std::unique_ptr<EvalClassifier> EvalClassifier::obtain(const Dataset &train, const Dataset *test, const QString &cacheDir,
                                                       const ProgressFn &progress, QString *error)
{
    if (train.kind != Dataset::Kind::Images) {
        *error = Text::tr("%1 holds points, not images: the image measures are for image runs").arg(train.source);
        return nullptr;
    }
    if (train.height < 4 || train.width < 4) {
        *error = Text::tr("%1: its images are %2×%3; the image measures need at least 4×4").arg(train.source).arg(train.height).arg(train.width);
        return nullptr;
    }
    // Unlabelled images are measured in random features: nothing to learn, any number will do.
    if (train.labels.size() != size_t(train.count))
        return randomFeatures(train);
    if (train.count < kMinLabelled) {
        *error = Text::tr("%1: the image measures learn the classes from the labelled images they train on, and there are "
                          "%2 of them; they need at least %3. Add images, or take away the class folders to measure with random "
                          "features")
                     .arg(train.source)
                     .arg(train.count)
                     .arg(kMinLabelled);
        return nullptr;
    }
    if (test && (test->labels.size() != size_t(test->count) || test->channels != train.channels || test->height != train.height
                 || test->width != train.width))
        test = nullptr;
    const int classes = *std::max_element(train.labels.begin(), train.labels.end()) + 1;
    auto impl = std::make_unique<Impl>(train.channels, train.height, train.width, classes);
    Info info;
    info.classes = classes;
    info.featureDim = kFeatures;
    info.cachePath = QDir(cacheDir).filePath(cacheKey(train) + QStringLiteral(".pt"));
    try {
        // The cache: weights and the accuracy measured when they were trained.
        // A cache file that is not exactly this network's (damaged, altered, from another
        // version) is never given to LibTorch: it is trained again and rewritten below.
        if (QFile cached(info.cachePath); QFileInfo(info.cachePath).isFile() && cached.size() <= kMaxCacheBytes
                                          && cached.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = cached.readAll();
            const torcharchive::Contents contents = torcharchive::read(bytes);
            tensortable::Table expected;
            tensortable::addModule(expected, QStringLiteral("network"), *impl->net);
            expected[QStringLiteral("meta")] = {torch::kDouble, {3}};
            try {
                if (!contents.ok() || !tensortable::compare(contents, expected).isEmpty())
                    throw std::runtime_error("not this classifier's cache");
                torch::serialize::InputArchive archive;
                archive.load_from(bytes.constData(), size_t(bytes.size()));
                torch::serialize::InputArchive weights;
                archive.read("network", weights);
                impl->net->load(weights);
                torch::Tensor meta;
                archive.read("meta", meta);
                info.testAccuracy = meta[0].item<double>();
                info.testCount = int(meta[1].item<double>());
                info.testSource = test && int(meta[2].item<double>()) == 1 ? test->source : Text::tr("a held-out tenth of %1").arg(train.source);
                info.fromCache = true;
            } catch (const std::exception &) {
                info.fromCache = false;  // damaged or from another version: trained again and rewritten below
            }
        }
        if (!info.fromCache) {
            QElapsedTimer clock;
            clock.start();
            impl = std::make_unique<Impl>(train.channels, train.height, train.width, classes);  // fresh weights
            // Without a test set the last tenth (in a fixed shuffled order) is held out.
            std::vector<std::int64_t> order(static_cast<size_t>(train.count), 0);
            std::iota(order.begin(), order.end(), 0);
            std::mt19937_64 rng(kSeed);
            std::shuffle(order.begin(), order.end(), rng);
            const std::int64_t held = test ? 0 : train.count / 10;
            std::vector<std::int64_t> fit(order.begin(), order.end() - held), holdout(order.end() - held, order.end());
            const torch::Tensor all = bytesOf(train, 0, train.count);
            const torch::Tensor labels = torch::tensor(std::vector<std::int64_t>(train.labels.begin(), train.labels.end()), torch::kInt64);
            torch::optim::Adam optimizer(impl->net->parameters(), torch::optim::AdamOptions(1e-3));
            impl->net->train();
            const std::int64_t batches = (std::int64_t(fit.size()) + kBatch - 1) / kBatch;
            // One thread, always. A team of threads waits at every barrier for the one a busy core
            // keeps from running (measured: 140 s beside `yes` against 48 s idle with two), and
            // a team sized to the free cores would add its sums in another order on each machine
            // and load: the cached network, and every figure measured with it, would depend on
            // where and when it was first trained. The caller's count is put back afterwards.
            const int callerThreads = at::get_num_threads();
            struct PutBack {
                int threads;
                ~PutBack() { at::set_num_threads(threads); }
            } putBack{callerThreads};
            at::set_num_threads(kTrainThreads);
            info.trainThreads = kTrainThreads;
            for (int epoch = 0; epoch < kEpochs; ++epoch) {
                if (epoch == kEpochs - 1)  // a last, slower epoch settles the weights: about +1 % accuracy
                    for (auto &group : optimizer.param_groups())
                        static_cast<torch::optim::AdamOptions &>(group.options()).lr(1e-4);
                std::shuffle(fit.begin(), fit.end(), rng);
                const torch::Tensor index = torch::tensor(fit, torch::kInt64);
                for (std::int64_t b = 0; b < batches; ++b) {
                    const torch::Tensor rows = index.slice(0, b * kBatch, std::min<std::int64_t>(index.size(0), (b + 1) * kBatch));
                    optimizer.zero_grad();
                    const torch::Tensor loss = torch::cross_entropy_loss(impl->net->forward(imagesFromBytes(all.index_select(0, rows))).second,
                                                                         labels.index_select(0, rows));
                    loss.backward();
                    optimizer.step();
                    if (progress)
                        progress(double(epoch * batches + b + 1) / double(kEpochs * batches));
                }
            }
            impl->net->eval();
            // Accuracy on images it did not train on.
            std::vector<float> probabilities;
            std::vector<int> truth;
            if (test) {
                impl->measure(bytesOf(*test, 0, test->count), nullptr, &probabilities);
                truth = test->labels;
                info.testSource = test->source;
            } else {
                impl->measure(all.index_select(0, torch::tensor(holdout, torch::kInt64)), nullptr, &probabilities);
                for (std::int64_t i : holdout)
                    truth.push_back(train.labels[size_t(i)]);
                info.testSource = Text::tr("a held-out tenth of %1").arg(train.source);
            }
            int right = 0;
            for (size_t i = 0; i < truth.size(); ++i) {
                const auto row = probabilities.begin() + std::ptrdiff_t(i * size_t(classes));
                right += int(std::max_element(row, row + classes) - row) == truth[i] ? 1 : 0;
            }
            info.testCount = int(truth.size());
            info.testAccuracy = truth.empty() ? 0 : double(right) / double(truth.size());
            info.trainSeconds = double(clock.elapsed()) / 1000.0;

            torch::serialize::OutputArchive archive, weights;
            impl->net->save(weights);
            archive.write("network", weights);
            archive.write("meta", torch::tensor({info.testAccuracy, double(info.testCount), test ? 1.0 : 0.0}, torch::kFloat64));
            std::ostringstream stream;
            archive.save_to(stream);
            const std::string bytes = stream.str();
            if (!QDir().mkpath(cacheDir))
                info.cacheProblem = Text::tr("cannot create the folder %1").arg(cacheDir);
            else
                info.cacheProblem = atomicfile::write(info.cachePath, QByteArrayView(bytes.data(), qsizetype(bytes.size())),
                                                      Text::tr("classifier cache"));
        }
        impl->net->eval();
    } catch (const std::exception &e) {
        *error = Text::tr("the image measures' classifier failed: %1").arg(errorText(e));
        return nullptr;
    }
    auto out = std::unique_ptr<EvalClassifier>(new EvalClassifier(std::move(impl)));
    out->m_info = info;
    return out;
}

std::unique_ptr<EvalClassifier> EvalClassifier::randomFeatures(const Dataset &train)
{
    auto impl = std::make_unique<Impl>(train.channels, train.height, train.width, 0);
    // Random weights, but batch norms that know the data: their running statistics are the
    // average over the first images (momentum none), so that no feature is dead or saturated.
    {
        torch::NoGradGuard noGrad;
        for (auto &module : impl->net->modules(false))
            if (auto *bn = module->as<torch::nn::BatchNorm2d>())
                bn->options.momentum(c10::nullopt);
        impl->net->train();
        const std::int64_t n = std::min(kCalibrationImages, train.count);
        for (std::int64_t i = 0; i < n; i += kMeasureBatch)
            impl->net->forward(imagesFromBytes(bytesOf(train, i, std::min(kMeasureBatch, n - i))));
        impl->net->eval();
    }
    auto out = std::unique_ptr<EvalClassifier>(new EvalClassifier(std::move(impl)));
    out->m_info.featureDim = kFeatures;
    out->m_info.randomFeatures = true;
    out->m_info.testSource = Text::tr("no labels: random convolutional features");
    return out;
}

void EvalClassifier::measure(const Dataset &data, std::int64_t first, std::int64_t count, imagemeasures::Features *features,
                             std::vector<float> *probabilities) const
{
    count = std::max<std::int64_t>(0, std::min(count, data.count - first));
    m_impl->measure(bytesOf(data, first, count), features, probabilities);
}

void EvalClassifier::measure(const SampleBatch &batch, imagemeasures::Features *features, std::vector<float> *probabilities) const
{
    if (batch.channels != m_impl->channels || batch.height != m_impl->height || batch.width != m_impl->width)
        throw std::invalid_argument(Text::tr("the samples are %1×%2×%3 images; the classifier was trained on %4×%5×%6")
                                        .arg(batch.channels).arg(batch.height).arg(batch.width)
                                        .arg(m_impl->channels).arg(m_impl->height).arg(m_impl->width).toStdString());
    // Generated samples are N x H x W x C bytes.
    const torch::Tensor bytes = torch::from_blob(const_cast<std::uint8_t *>(batch.pixels.data()),
                                                 {batch.count, batch.height, batch.width, batch.channels}, torch::kUInt8);
    m_impl->measure(bytes.permute({0, 3, 1, 2}).contiguous(), features, probabilities);
}
