// Latent directions (SeFa, PCA, random, class), walks and their exports, on generators whose
// answers are known.
#include "eval/latentdirections.h"
#include "eval/latentwalk.h"
#include "io/gifwriter.h"
#include "nn/torchmodules_p.h"
#include "training/generatorcopy.h"
#include "training/sampleimage.h"

#include <ATen/CPUGeneratorImpl.h>

#include <QImageReader>
#include <QTemporaryDir>
#include <QtTest>

#include <sstream>

class TestLatentDirections : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { at::set_num_threads(2); }
    void sefaDirectionsAreOrthonormalAndFalling();
    void sefaFindsTheKnownSingularVectors_data();
    void sefaFindsTheKnownSingularVectors();
    void sefaExplainsWhyItCannotRun();
    void pcaOfALinearGeneratorRecoversItsAxes();
    void randomBaselineAndEffects();
    void classDirectionsNeedLabels();
    void directionsFileRoundTrip();
    void walksAndTheirPositions();
    void gifHasEveryFrameAndLoops();
    void gridAndFramesHaveTheExpectedSize();
};

namespace {

at::Generator seeded(uint64_t seed) { return at::make_generator<at::CPUGeneratorImpl>(seed); }

ExperimentSpec specWith(int latent, std::vector<LayerSpec> layers)
{
    ExperimentSpec spec;
    spec.latentDim = latent;
    for (size_t i = 0; i < layers.size(); ++i)
        layers[i].id = QStringLiteral("g%1").arg(i + 1);
    spec.generator.layers = std::move(layers);
    return spec;
}

// A frozen copy of the spec's generator with its random weights, after `edit` has set some.
std::shared_ptr<GeneratorCopy> copyOf(const ExperimentSpec &spec, const std::function<void(torch::nn::Sequential &)> &edit = {})
{
    torch::nn::Sequential net = modulebuilder::build(spec.generator, seeded(3));
    if (edit) {
        torch::NoGradGuard noGrad;
        edit(net);
    }
    torch::serialize::OutputArchive archive;
    net->save(archive);
    std::ostringstream out;
    archive.save_to(out);
    const std::string bytes = out.str();
    return std::make_shared<GeneratorCopy>(spec, QByteArray(bytes.data(), qsizetype(bytes.size())), 7);
}

torch::Tensor parameter(torch::nn::Sequential &net, const char *name) { return net->named_parameters()[name]; }

torch::Tensor asMatrix(const latentdirections::Result &r)  // one column per direction
{
    std::vector<torch::Tensor> columns;
    for (const auto &d : r.directions)
        columns.push_back(torch::tensor(d.vector, torch::kDouble));
    return torch::stack(columns, 1);
}

// A matrix of `rows` x `columns` orthonormal columns whose entries are all ±1/sqrt(rows)
// (Sylvester's Hadamard matrix): every row has the same norm, so SeFa's normalisation of the
// output units' weight vectors leaves the singular vectors as they are.
torch::Tensor hadamardColumns(int rows, int columns)
{
    torch::Tensor h = torch::ones({1, 1}, torch::kDouble);
    while (h.size(0) < rows)
        h = torch::cat({torch::cat({h, h}, 1), torch::cat({h, -h}, 1)}, 0);
    return h.slice(1, 0, columns) / std::sqrt(double(rows));
}

torch::Tensor randomOrthogonal(int n, uint64_t seed)
{
    return std::get<0>(torch::linalg_qr(torch::randn({n, n}, seeded(seed), torch::kDouble)));
}

// Every direction k matches column k of `expected` up to its sign.
void compareUpToSign(const torch::Tensor &found, const torch::Tensor &expected, double tolerance)
{
    for (std::int64_t k = 0; k < found.size(1); ++k) {
        const double dot = std::abs(found.select(1, k).dot(expected.select(1, k)).item<double>());
        QVERIFY2(dot > 1 - tolerance, qPrintable(QStringLiteral("direction %1: |cos| = %2").arg(k + 1).arg(dot, 0, 'f', 6)));
    }
}

// A small image generator: z -> Linear -> Tanh -> 1 x 8 x 8.
ExperimentSpec imageSpec(int latent)
{
    return specWith(latent, {LayerSpec::linear(latent, 64), LayerSpec::simple(LayerKind::Tanh), LayerSpec::reshape({1, 8, 8})});
}

}  // namespace

void TestLatentDirections::sefaDirectionsAreOrthonormalAndFalling()
{
    ExperimentSpec spec = specWith(24, {LayerSpec::linear(24, 96), LayerSpec::simple(LayerKind::ReLU), LayerSpec::linear(96, 2)});
    const auto copy = copyOf(spec);
    latentdirections::Options options;
    options.count = 24;
    const latentdirections::Result r = latentdirections::find(*copy, latentdirections::Method::Sefa, options);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.layer, QStringLiteral("g1"));
    QCOMPARE(int(r.directions.size()), 24);
    QCOMPARE(r.step, std::int64_t(7));
    const torch::Tensor v = asMatrix(r);
    const double offOrthonormal = (v.t().mm(v) - torch::eye(24, torch::kDouble)).abs().max().item<double>();
    QVERIFY2(offOrthonormal < 1e-4, qPrintable(QString::number(offOrthonormal)));
    for (size_t k = 1; k < r.directions.size(); ++k)
        QVERIFY(r.directions[k].value <= r.directions[k - 1].value);
    QVERIFY(r.directions.front().value > r.directions.back().value);
}

void TestLatentDirections::sefaFindsTheKnownSingularVectors_data()
{
    QTest::addColumn<bool>("convolution");
    QTest::newRow("Linear") << false;
    QTest::newRow("Reshape + ConvTranspose2d") << true;
}

void TestLatentDirections::sefaFindsTheKnownSingularVectors()
{
    QFETCH(bool, convolution);
    constexpr int d = 8;
    // A = U diag(sigma) Vᵀ with U's rows of equal norm: SeFa's directions are V's columns.
    const int outputs = convolution ? 4 * 4 * 4 : 16;
    const torch::Tensor sigma = torch::arange(d, 0, -1, torch::kDouble);  // 8, 7, ..., 1
    const torch::Tensor v = randomOrthogonal(d, 11);
    const torch::Tensor a = hadamardColumns(outputs, d).mm(torch::diag(sigma)).mm(v.t());  // outputs x d
    ExperimentSpec spec = convolution ? specWith(d, {LayerSpec::reshape({d, 1, 1}), LayerSpec::convTranspose2d(d, 4, 4, 1, 0),
                                                      LayerSpec::simple(LayerKind::Tanh)})
                                      : specWith(d, {LayerSpec::linear(d, outputs), LayerSpec::simple(LayerKind::Tanh)});
    const auto copy = copyOf(spec, [&](torch::nn::Sequential &net) {
        // ConvTranspose2d's weight is [in, out, k, k]; for a 1 x 1 input, output (o, y, x) is
        // the sum over i of z_i W[i, o, y, x]: A's row (o, y, x) is W[:, o, y, x].
        if (convolution)
            parameter(net, "g2.weight").copy_(a.t().reshape({d, 4, 4, 4}).to(torch::kFloat));
        else
            parameter(net, "g1.weight").copy_(a.to(torch::kFloat));
    });
    latentdirections::Options options;
    options.count = d;
    const latentdirections::Result r = latentdirections::find(*copy, latentdirections::Method::Sefa, options);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.layer, convolution ? QStringLiteral("g2") : QStringLiteral("g1"));
    compareUpToSign(asMatrix(r), v, 1e-4);
    // The eigenvalues are sigma² scaled by the normalisation (every row's norm² is sum sigma² / outputs).
    const double scale = outputs / sigma.pow(2).sum().item<double>();
    for (int k = 0; k < d; ++k)
        QVERIFY(std::abs(r.directions[size_t(k)].value - sigma[k].item<double>() * sigma[k].item<double>() * scale) < 1e-3);
}

void TestLatentDirections::sefaExplainsWhyItCannotRun()
{
    const ExperimentSpec spec = specWith(4, {LayerSpec::simple(LayerKind::Tanh), LayerSpec::linear(4, 2)});
    const auto copy = copyOf(spec);
    const latentdirections::Result r = latentdirections::find(*copy, latentdirections::Method::Sefa, {});
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("g1")) && r.error.contains(QStringLiteral("PCA")), qPrintable(r.error));
    QVERIFY(r.directions.empty());
}

void TestLatentDirections::pcaOfALinearGeneratorRecoversItsAxes()
{
    // G(z) = W z + b with W = U diag(sigma) Vᵀ: the activations' principal axes are U's columns,
    // with variances sigma²; carried back to latent space they are V's columns.
    constexpr int d = 6, features = 20;
    const torch::Tensor sigma = torch::tensor({6.0, 5.0, 4.0, 3.0, 2.0, 1.0}, torch::kDouble);
    const torch::Tensor u = std::get<0>(torch::linalg_qr(torch::randn({features, d}, seeded(5), torch::kDouble)));
    const torch::Tensor v = randomOrthogonal(d, 6);
    const torch::Tensor w = u.mm(torch::diag(sigma)).mm(v.t());
    const ExperimentSpec spec = specWith(d, {LayerSpec::linear(d, features), LayerSpec::simple(LayerKind::Tanh)});
    const auto copy = copyOf(spec, [&](torch::nn::Sequential &net) { parameter(net, "g1.weight").copy_(w.to(torch::kFloat)); });
    latentdirections::Options options;
    options.count = 4;
    options.layer = QStringLiteral("g1");
    options.samples = 20000;
    std::vector<double> progress;
    const latentdirections::Result r =
        latentdirections::find(*copy, latentdirections::Method::Pca, options, [&](double f) { progress.push_back(f); });
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(int(r.directions.size()), 4);
    QCOMPARE(r.samples, 20000);
    compareUpToSign(asMatrix(r), v.slice(1, 0, 4), 2e-3);
    for (int k = 0; k < 4; ++k) {
        const double expected = sigma[k].item<double>() * sigma[k].item<double>();
        QVERIFY2(std::abs(r.directions[size_t(k)].value / expected - 1) < 0.05,
                 qPrintable(QStringLiteral("variance %1 of %2").arg(r.directions[size_t(k)].value).arg(expected)));
    }
    QVERIFY(std::abs(r.totalVariance / sigma.pow(2).sum().item<double>() - 1) < 0.05);
    QVERIFY(!progress.empty());
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));
    QCOMPARE(progress.back(), 1.0);
    // The default layer is the first activation; a missing one is named.
    QCOMPARE(latentdirections::defaultPcaLayer(spec.generator), QStringLiteral("g2"));
    options.layer = QStringLiteral("nope");
    QVERIFY(latentdirections::find(*copy, latentdirections::Method::Pca, options).error.contains(QStringLiteral("nope")));
    // A raised cancel flag stops it.
    options.layer.clear();
    std::atomic<bool> cancel{true};
    QVERIFY(!latentdirections::find(*copy, latentdirections::Method::Pca, options, {}, &cancel).ok());
}

void TestLatentDirections::randomBaselineAndEffects()
{
    // An image generator whose first weight has one strong direction: SeFa's first direction
    // changes the images more than any random one.
    constexpr int d = 16;
    const ExperimentSpec spec = imageSpec(d);
    const torch::Tensor strong = randomOrthogonal(d, 9).select(1, 0);
    const auto copy = copyOf(spec, [&](torch::nn::Sequential &net) {
        torch::Tensor weight = parameter(net, "g1.weight");
        weight.mul_(0.05).add_(torch::randn({64, 1}, seeded(4)).to(torch::kFloat).mm(strong.unsqueeze(0).to(torch::kFloat)));
    });
    latentdirections::Options options;
    options.count = 8;
    const latentdirections::Result random = latentdirections::find(*copy, latentdirections::Method::Random, options);
    const latentdirections::Result sefa = latentdirections::find(*copy, latentdirections::Method::Sefa, options);
    QVERIFY(random.ok() && sefa.ok());
    const torch::Tensor q = asMatrix(random);
    QVERIFY((q.t().mm(q) - torch::eye(8, torch::kDouble)).abs().max().item<double>() < 1e-4);
    compareUpToSign(asMatrix(sefa).slice(1, 0, 1), strong.unsqueeze(1), 1e-3);
    double strongest = 0;
    for (const auto &dir : random.directions)
        strongest = std::max(strongest, dir.effect);
    QVERIFY2(sefa.directions.front().effect > 2 * strongest,
             qPrintable(QStringLiteral("SeFa %1, best random %2").arg(sefa.directions.front().effect).arg(strongest)));
    // The same seed gives the same directions.
    QCOMPARE(latentdirections::find(*copy, latentdirections::Method::Random, options).directions.front().vector,
             random.directions.front().vector);
    QCOMPARE(latentdirections::label(sefa, 0).left(12), QStringLiteral("direction 1 "));
}

void TestLatentDirections::classDirectionsNeedLabels()
{
    const auto copy = copyOf(imageSpec(4));
    const latentdirections::Result r = latentdirections::find(*copy, latentdirections::Method::Class, {});
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("labelled")), qPrintable(r.error));
}

void TestLatentDirections::directionsFileRoundTrip()
{
    QTemporaryDir dir;
    const auto copy = copyOf(imageSpec(5));
    latentdirections::Options options;
    options.count = 3;
    const latentdirections::Result r = latentdirections::find(*copy, latentdirections::Method::Sefa, options);
    const QString path = dir.filePath(QStringLiteral("d.json"));
    QCOMPARE(latentdirections::write(path, r), QString());
    const latentdirections::Result back = latentdirections::read(path);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.method, latentdirections::Method::Sefa);
    QCOMPARE(back.layer, r.layer);
    QCOMPARE(back.latentDim, 5);
    QCOMPARE(int(back.directions.size()), 3);
    for (size_t k = 0; k < 3; ++k) {
        QCOMPARE(back.directions[k].value, r.directions[k].value);
        for (size_t j = 0; j < 5; ++j)
            QVERIFY(std::abs(back.directions[k].vector[j] - r.directions[k].vector[j]) < 1e-6);
    }
    // Damaged files are refused with the file's name and what is wrong.
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "gan-playground-directions", "version": 1, "method": "pca", "latent_size": 5,
                "directions": [{"vector": [1, 2, 3]}]})");
    f.close();
    const latentdirections::Result bad = latentdirections::read(path);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error.contains(path) && bad.error.contains(QStringLiteral("direction 1")), qPrintable(bad.error));
    QVERIFY(latentdirections::read(dir.filePath(QStringLiteral("missing.json"))).error.contains(QStringLiteral("missing.json")));
}

void TestLatentDirections::walksAndTheirPositions()
{
    latentwalk::Walk w;
    w.kind = latentwalk::Kind::Sweep;
    w.origin = {1, 0, 0};
    w.direction = {0, 1, 0};
    w.from = -3;
    w.to = 3;
    w.spread = 0.5;
    w.frames = 7;
    std::vector<float> z = latentwalk::latents(w);
    QCOMPARE(int(z.size()), 21);
    QCOMPARE(z[1], -1.5f);   // from -3 spreads of 0.5
    QCOMPARE(z[19], 1.5f);   // to +3
    QCOMPARE(z[0], 1.0f);
    // Looping: there and back, frame n/2 at the far end, the last frame leading into the first.
    w.loop = true;
    w.frames = 8;
    z = latentwalk::latents(w);
    QCOMPARE(z[1], -1.5f);
    QCOMPARE(z[4 * 3 + 1], 1.5f);
    QVERIFY(z[7 * 3 + 1] < -1.0f && z[7 * 3 + 1] > -1.5f);
    // Spherical interpolation keeps the norm between two vectors of equal norm.
    const std::vector<float> a{3, 0}, b{0, 3};
    const std::vector<float> mid = latentwalk::interpolate(a, b, 0.5, true);
    QVERIFY(std::abs(std::hypot(mid[0], mid[1]) - 3.0) < 1e-5);
    QVERIFY(std::abs(latentwalk::interpolate(a, b, 0.5, false)[0] - 1.5f) < 1e-6);
    // Mismatched vectors give nothing rather than garbage.
    w.direction = {1, 0};
    QVERIFY(latentwalk::latents(w).empty());
}

void TestLatentDirections::gifHasEveryFrameAndLoops()
{
    QTemporaryDir dir;
    // Gray frames with a noise texture large enough to fill LZW's table several times, and
    // colour frames.
    std::vector<QImage> gray, colour;
    for (int f = 0; f < 7; ++f) {
        QImage g(120, 90, QImage::Format_Grayscale8);
        QImage c(40, 30, QImage::Format_RGB32);
        for (int y = 0; y < g.height(); ++y)
            for (int x = 0; x < g.width(); ++x)
                g.scanLine(y)[x] = uchar((x * 7 + y * 13 + f * 31 + (x * y) % 17 * 11) % 256);
        for (int y = 0; y < c.height(); ++y)
            for (int x = 0; x < c.width(); ++x)
                c.setPixel(x, y, qRgb(x * 6, y * 8, f * 36));
        gray.push_back(g);
        colour.push_back(c);
    }
    const QString grayPath = dir.filePath(QStringLiteral("gray.gif")), colourPath = dir.filePath(QStringLiteral("colour.gif"));
    QCOMPARE(gifwriter::write(grayPath, gray, 80), QString());
    QCOMPARE(gifwriter::write(colourPath, colour, 50), QString());
    QImageReader grayReader(grayPath), colourReader(colourPath);
    QCOMPARE(grayReader.format(), QByteArray("gif"));
    QCOMPARE(grayReader.imageCount(), 7);
    QCOMPARE(grayReader.loopCount(), -1);  // Qt's word for "forever"
    QCOMPARE(colourReader.imageCount(), 7);
    for (int f = 0; f < 7; ++f) {
        const QImage g = grayReader.read().convertToFormat(QImage::Format_Grayscale8);
        QCOMPARE(grayReader.nextImageDelay(), 80);
        QVERIFY2(g == gray[size_t(f)], qPrintable(QStringLiteral("gray frame %1 differs").arg(f)));
        const QImage c = colourReader.read().convertToFormat(QImage::Format_RGB32);
        // Each colour is the nearest of the palette: never further than half a cell of the
        // 6x7x6 cube's diagonal (about 42 levels).
        double worst = 0;
        for (int y = 0; y < c.height(); ++y)
            for (int x = 0; x < c.width(); ++x) {
                const QRgb p = c.pixel(x, y), q = colour[size_t(f)].pixel(x, y);
                worst = std::max(worst, std::sqrt(double((qRed(p) - qRed(q)) * (qRed(p) - qRed(q)) + (qGreen(p) - qGreen(q)) * (qGreen(p) - qGreen(q))
                                                         + (qBlue(p) - qBlue(q)) * (qBlue(p) - qBlue(q)))));
            }
        QVERIFY2(worst <= 42, qPrintable(QStringLiteral("colour frame %1: off by %2").arg(f).arg(worst)));
    }
    QVERIFY(gifwriter::encode({}, 80).isEmpty());
    QVERIFY(!gifwriter::write(dir.filePath(QStringLiteral("no/such/folder.gif")), gray, 80).isEmpty());
}

void TestLatentDirections::gridAndFramesHaveTheExpectedSize()
{
    QTemporaryDir dir;
    constexpr int d = 6;
    const auto copy = copyOf(imageSpec(d));
    latentdirections::Options options;
    options.count = 2;
    const latentdirections::Result r = latentdirections::find(*copy, latentdirections::Method::Sefa, options);
    QVERIFY(r.ok());
    // 5 samples x 11 steps over -3..3, each 8 x 8 image enlarged 3 times with a 2-pixel gap.
    std::vector<float> origins;
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < d; ++j)
            origins.push_back(float(std::sin(i * 3.1 + j)));
    const std::vector<float> latents = latentwalk::sweepGrid(origins, 5, r.directions[0].vector, -3, 3, r.spread, 11);
    QCOMPARE(int(latents.size()), 5 * 11 * d);
    QString error;
    const SampleBatch samples = latentwalk::render(*copy, latents, 55, {}, nullptr, &error);
    QCOMPARE(samples.count, 55);
    const QString gridPath = dir.filePath(QStringLiteral("grid.png"));
    QCOMPARE(sampleimage::savePng(latentwalk::tile(samples, 11, 3), gridPath), QString());
    QCOMPARE(QImageReader(gridPath).size(), QSize((2 + 11 * (8 + 2)) * 3, (2 + 5 * (8 + 2)) * 3));
    // A walk as 60 frames of a GIF, and as numbered PNG files.
    latentwalk::Walk w;
    w.kind = latentwalk::Kind::Spherical;
    w.a = copy->spec().latentDim == d ? std::vector<float>(origins.begin(), origins.begin() + d) : std::vector<float>();
    w.b = std::vector<float>(origins.begin() + d, origins.begin() + 2 * d);
    const SampleBatch walk = latentwalk::render(*copy, latentwalk::latents(w), w.frames, {}, nullptr, &error);
    QCOMPARE(walk.count, 60);
    const std::vector<QImage> frames = latentwalk::frames(walk, 4);
    QCOMPARE(frames.front().size(), QSize(32, 32));
    QCOMPARE(latentwalk::writeFrames(dir.filePath(QStringLiteral("walk.gif")), frames, 80), QString());
    QCOMPARE(QImageReader(dir.filePath(QStringLiteral("walk.gif"))).imageCount(), 60);
    QCOMPARE(latentwalk::writeFrames(dir.filePath(QStringLiteral("walk.png")), frames, 80), QString());
    const QStringList pngs = latentwalk::framePaths(dir.filePath(QStringLiteral("walk.png")), 60);
    QCOMPARE(pngs.back(), dir.filePath(QStringLiteral("walk_0060.png")));
    for (const QString &p : pngs)
        QVERIFY2(QFileInfo::exists(p), qPrintable(p));
    // Rendering stops on a raised cancel flag, and wrong sizes are refused.
    std::atomic<bool> cancel{true};
    QCOMPARE(latentwalk::render(*copy, latents, 55, {}, &cancel, &error).count, 0);
    QCOMPARE(latentwalk::render(*copy, latents, 54, {}, nullptr, &error).count, 0);
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestLatentDirections)
#include "tst_latentdirections.moc"
