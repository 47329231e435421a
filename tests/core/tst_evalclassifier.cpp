// The image measures' classifier on real Fashion-MNIST images: trained by the program, cached
// and reused, refused on unlabelled data, and its features ordering real images, other real
// images and noise as they should be.
#include "data/dataset.h"
#include "eval/evalclassifier.h"
#include "eval/imagemeasures.h"
#include "eval/qualitymeter.h"
#include "archivecraft.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QThread>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>
#include <random>

namespace {
// `count` images of uniform noise, 28x28 bytes.
SampleBatch uniformNoise(int count)
{
    SampleBatch noise;
    noise.count = count;
    noise.channels = 1;
    noise.height = noise.width = 28;
    std::mt19937 rng(3);
    for (int i = 0; i < count * 28 * 28; ++i)
        noise.pixels.push_back(std::uint8_t(rng() % 256));
    return noise;
}
}  // namespace

class TestEvalClassifier : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void trainsCachesAndReuses();
    void measuresOrderRealOtherRealAndNoise();
    void refusesUnlabelledDataAndDamagedCachesRetrain();
    void trainsTheSameOnAnyThread();
    void meterFindsACopiedTrainingImage();
    void labelledImageFolderTrainsAClassifier();

private:
    std::shared_ptr<const Dataset> m_train, m_test;
    QTemporaryDir m_cache;
};

void TestEvalClassifier::initTestCase()
{
    DataSpec spec;
    spec.kind = DataKind::FashionMnist;
    spec.limit = 3000;
    const DatasetLoad train = datasets::load(spec, 1);
    QVERIFY2(train.data, qPrintable(train.error));
    QCOMPARE(train.data->labels.size(), size_t(3000));
    m_train = train.data;
    const DatasetLoad test = datasets::loadTestSplit(spec);
    QVERIFY2(test.data && test.data->count == 10000, "Fashion-MNIST's t10k files");
    m_test = test.data;
}

void TestEvalClassifier::trainsCachesAndReuses()
{
    QString error;
    const auto first = EvalClassifier::obtain(*m_train, nullptr, m_cache.path(), {}, &error);
    QVERIFY2(first, qPrintable(error));
    const EvalClassifier::Info &a = first->info();
    QCOMPARE(a.classes, 10);
    QCOMPARE(a.testCount, 300);  // a held-out tenth
    QVERIFY(!a.fromCache);
    // 2700 images for a few seconds: well above chance (0.1); the full set reaches 0.92.
    QVERIFY2(a.testAccuracy > 0.7, qPrintable(QString::number(a.testAccuracy)));
    QVERIFY(QFile::exists(a.cachePath));
    QVERIFY(a.cacheProblem.isEmpty());

    const auto again = EvalClassifier::obtain(*m_train, nullptr, m_cache.path(), {}, &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(again->info().fromCache);
    QCOMPARE(again->info().testAccuracy, a.testAccuracy);
    QCOMPARE(again->info().cachePath, a.cachePath);
    imagemeasures::Features f1, f2;
    std::vector<float> p1, p2;
    first->measure(*m_test, 0, 50, &f1, &p1);
    again->measure(*m_test, 0, 50, &f2, &p2);
    QCOMPARE(f1.count, 50);
    QCOMPARE(f1.dim, a.featureDim);
    QCOMPARE(f1.values, f2.values);
    QCOMPARE(p1, p2);
    // Other data, another network: a different cache entry.
    Dataset fewer = *m_train;
    fewer.count = 2000;
    fewer.pixels.resize(size_t(2000) * 28 * 28);
    fewer.labels.resize(2000);
    const auto other = EvalClassifier::obtain(fewer, nullptr, m_cache.path(), {}, &error);
    QVERIFY(other && !other->info().fromCache && other->info().cachePath != a.cachePath);
}

void TestEvalClassifier::measuresOrderRealOtherRealAndNoise()
{
    QString error;
    const auto classifier = EvalClassifier::obtain(*m_train, nullptr, m_cache.path(), {}, &error);
    QVERIFY2(classifier, qPrintable(error));
    imagemeasures::Features reference, otherReal, noise;
    std::vector<float> referenceP, otherP, noiseP;
    classifier->measure(*m_test, 0, 1000, &reference, &referenceP);
    classifier->measure(*m_train, 0, 1000, &otherReal, &otherP);
    const SampleBatch uniform = uniformNoise(1000);
    classifier->measure(uniform, &noise, &noiseP);
    const double fdReal = imagemeasures::frechetDistance(reference, otherReal);
    const double fdNoise = imagemeasures::frechetDistance(reference, noise);
    const auto kidReal = imagemeasures::kernelDistance(reference, otherReal, 20, 500);
    const auto kidNoise = imagemeasures::kernelDistance(reference, noise, 20, 500);
    const auto real = imagemeasures::manifoldMeasures(reference, otherReal);
    const auto fake = imagemeasures::manifoldMeasures(reference, noise);
    qInfo("real vs real: FD %.3f KID %.4f recall %.3f coverage %.3f; noise: FD %.3f KID %.4f recall %.3f coverage %.3f", fdReal,
          kidReal.value, real.recall, real.coverage, fdNoise, kidNoise.value, fake.recall, fake.coverage);
    QVERIFY(fdNoise > 20 * fdReal);
    QVERIFY(kidNoise.value > kidReal.value + 10 * kidNoise.standardError);
    QVERIFY(real.recall > 0.8 && real.coverage > 0.8);
    QVERIFY(fake.recall < 0.05 && fake.coverage < 0.05);
    // Real images spread over the classes; noise is one kind of thing.
    QVERIFY(imagemeasures::classifierScore(otherP, 10) > 2 * imagemeasures::classifierScore(noiseP, 10));
    // Samples of another size are refused, not misread.
    SampleBatch wrong = uniform;
    wrong.height = wrong.width = 14;
    wrong.count = 4000;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, classifier->measure(wrong, &noise, nullptr));
}

void TestEvalClassifier::refusesUnlabelledDataAndDamagedCachesRetrain()
{
    Dataset unlabelled = *m_train;
    unlabelled.labels.clear();
    QString error;
    // Unlabelled images get random features: nothing trained or cached, no classes, and the
    // same network every time.
    const auto random = EvalClassifier::obtain(unlabelled, nullptr, m_cache.path(), [](double) { QFAIL("nothing to train"); }, &error);
    QVERIFY2(random, qPrintable(error));
    QVERIFY(random->info().randomFeatures);
    QCOMPARE(random->info().classes, 0);
    QVERIFY(random->info().cachePath.isEmpty());
    imagemeasures::Features r1, r2, noise;
    std::vector<float> probabilities{1.f};
    random->measure(*m_test, 0, 400, &r1, &probabilities);
    QVERIFY(probabilities.empty());
    EvalClassifier::obtain(unlabelled, nullptr, m_cache.path(), {}, &error)->measure(*m_test, 0, 400, &r2, nullptr);
    QCOMPARE(r1.values, r2.values);
    // Its features still tell real images from noise, and no feature is dead on real images.
    random->measure(uniformNoise(400), &noise, nullptr);
    imagemeasures::Features others;
    random->measure(*m_test, 400, 400, &others, nullptr);
    const double fdReal = imagemeasures::frechetDistance(r1, others), fdNoise = imagemeasures::frechetDistance(r1, noise);
    qInfo("random features: FD real vs real %.4f, real vs noise %.4f", fdReal, fdNoise);
    QVERIFY(fdNoise > 20 * fdReal);
    int alive = 0;
    for (int d = 0; d < r1.dim; ++d) {
        bool any = false;
        for (int i = 0; i < r1.count && !any; ++i)
            any = r1.values[size_t(i * r1.dim + d)] > 0;
        alive += any ? 1 : 0;
    }
    QVERIFY2(alive > r1.dim / 2, qPrintable(QString::number(alive)));
    // Points are not images.
    Dataset points;
    points.kind = Dataset::Kind::Points;
    points.source = QStringLiteral("ring8");
    QVERIFY(!EvalClassifier::obtain(points, nullptr, m_cache.path(), {}, &error));
    QVERIFY2(error.contains(QStringLiteral("ring8")), qPrintable(error));

    // A damaged cache file is trained again and replaced, with progress reported.
    QString path;
    {
        const auto classifier = EvalClassifier::obtain(*m_train, nullptr, m_cache.path(), {}, &error);
        QVERIFY(classifier);
        path = classifier->info().cachePath;
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("not a classifier");
    file.close();
    double last = 0;
    int reports = 0;
    const auto retrained = EvalClassifier::obtain(*m_train, nullptr, m_cache.path(), [&](double f) { last = f; ++reports; }, &error);
    QVERIFY2(retrained, qPrintable(error));
    QVERIFY(!retrained->info().fromCache);
    QVERIFY(reports > 10);
    QCOMPARE(last, 1.0);
    const auto reused = EvalClassifier::obtain(*m_train, nullptr, m_cache.path(), {}, &error);
    QVERIFY(reused && reused->info().fromCache);

    // A cache whose table puts a weight's offset past its data (issue 28: every evaluate then
    // crashed until the file was deleted) never reaches LibTorch: it is trained again too.
    archivecraft::Archive crafted = archivecraft::readFile(path);
    QByteArray *pickle = crafted.entry(QStringLiteral("archive/data.pkl"));
    QVERIFY(pickle);
    const torcharchive::Contents contents = torcharchive::readPickle(*pickle, QStringLiteral("archive/data.pkl"),
                                                                     [&](const QString &key) -> qint64 {
                                                                         const QByteArray *r = crafted.entry(QStringLiteral("archive/data/") + key);
                                                                         return r ? r->size() : -1;
                                                                     });
    QVERIFY2(contents.ok() && !contents.tensors.empty(), qPrintable(contents.error));
    archivecraft::splice(*pickle, contents.tensors.front().offsetAt, archivecraft::binint(std::numeric_limits<std::int32_t>::max()));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(archivecraft::write(crafted));
    file.close();
    const auto afterCrafted = EvalClassifier::obtain(*m_train, nullptr, m_cache.path(), {}, &error);
    QVERIFY2(afterCrafted, qPrintable(error));
    QVERIFY(!afterCrafted->info().fromCache);
    QVERIFY(EvalClassifier::obtain(*m_train, nullptr, m_cache.path(), {}, &error)->info().fromCache);
}

// The window trains its classifier on a thread of its own while the run trains on another: the
// network draws its weights from its own generator, so where and beside what it trains does not
// change it.
void TestEvalClassifier::trainsTheSameOnAnyThread()
{
    Dataset fewer = *m_train;
    fewer.count = 1000;
    fewer.pixels.resize(size_t(1000 * 28 * 28));
    fewer.labels.resize(1000);
    QTemporaryDir a, b;
    QString errorA, errorB;
    std::unique_ptr<EvalClassifier> onThread;
    QThread *thread = QThread::create([&] { onThread = EvalClassifier::obtain(fewer, nullptr, a.path(), {}, &errorA); });
    thread->start();
    const auto here = EvalClassifier::obtain(fewer, nullptr, b.path(), {}, &errorB);
    thread->wait();
    delete thread;
    QVERIFY2(onThread && here, qPrintable(errorA + errorB));
    QVERIFY(!onThread->info().fromCache && !here->info().fromCache);
    QFile fa(onThread->info().cachePath), fb(here->info().cachePath);
    QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
    QCOMPARE(fa.readAll(), fb.readAll());
}

// The memorisation check: a sample that is a training image finds that image at distance 0;
// real test images are well away from every training image.
void TestEvalClassifier::meterFindsACopiedTrainingImage()
{
    DataSpec spec;
    spec.kind = DataKind::FashionMnist;  // the run's data as given (limit 0): the first 3000 images
    QualityMeter::Options options;
    options.count = 500;
    options.cacheDir = m_cache.path();
    QString error;
    const auto meter = QualityMeter::create(spec, 1, m_train, options, {}, {}, &error);
    QVERIFY2(meter, qPrintable(error));
    QCOMPARE(meter->count(), 500);
    QVERIFY(!meter->heldOut());
    SampleBatch copies;
    copies.count = 2;
    copies.channels = 1;
    copies.height = copies.width = 28;
    for (std::int64_t index : {5, 1717})
        copies.pixels.insert(copies.pixels.end(), m_train->pixels.begin() + index * 784, m_train->pixels.begin() + (index + 1) * 784);
    const auto nearest = meter->nearestTrainingImages(copies, 4);
    QCOMPARE(nearest.size(), size_t(2));
    QCOMPARE(nearest[0].index, std::int64_t(5));
    QCOMPARE(nearest[1].index, std::int64_t(1717));
    QCOMPARE(nearest[0].rms, 0.0);
    const auto real = meter->nearestTrainingImagesOfReference(4);
    QCOMPARE(real.size(), size_t(4));
    for (const auto &n : real)
        QVERIFY2(n.rms > 0.02 && n.rms < 0.5, qPrintable(QString::number(n.rms)));
}

// An image folder with one subfolder per class is labelled data: the classifier learns its
// classes (here Fashion-MNIST's trousers and bags written as PNG files) and is measured on the
// held-out tenth.
void TestEvalClassifier::labelledImageFolderTrainsAClassifier()
{
    QTemporaryDir dir;
    const QDir root(dir.path());
    int written[2] = {0, 0};
    for (std::int64_t i = 0; i < m_train->count && (written[0] < 100 || written[1] < 100); ++i) {
        const int label = m_train->labels[size_t(i)];
        const int c = label == 1 ? 0 : label == 8 ? 1 : -1;
        if (c < 0 || written[c] >= 100)
            continue;
        const QString folder = c == 0 ? QStringLiteral("trousers") : QStringLiteral("bags");
        QVERIFY(root.mkpath(folder));
        QImage image(m_train->pixels.data() + i * 784, 28, 28, 28, QImage::Format_Grayscale8);
        QVERIFY(image.save(root.filePath(QStringLiteral("%1/%2.png").arg(folder).arg(written[c]++))));
    }
    DataSpec spec;
    spec.kind = DataKind::ImageFolder;
    spec.path = dir.path();
    spec.imageSize = 28;
    spec.grayscale = true;
    const DatasetLoad loaded = datasets::load(spec, 1);
    QVERIFY2(loaded.data, qPrintable(loaded.error));
    QCOMPARE(loaded.data->count, std::int64_t(200));
    QString error;
    const auto classifier = EvalClassifier::obtain(*loaded.data, nullptr, m_cache.path(), {}, &error);
    QVERIFY2(classifier, qPrintable(error));
    QVERIFY(!classifier->info().randomFeatures);
    QCOMPARE(classifier->info().classes, 2);
    QCOMPARE(classifier->info().testCount, 20);
    QVERIFY2(classifier->info().testAccuracy >= 0.9, qPrintable(QString::number(classifier->info().testAccuracy)));
    QCOMPARE(datasets::classNames(spec), (QStringList{QStringLiteral("bags"), QStringLiteral("trousers")}));
}

QTEST_GUILESS_MAIN(TestEvalClassifier)
#include "tst_evalclassifier.moc"
