// Loaders on real Fashion-MNIST and on damaged files of every kind.
#include "data/dataset.h"
#include "data/idxfile.h"
#include "training/samplefiles.h"
#include "training/sampleimage.h"
#include "data/imagefolder.h"
#include "data/synthetic2d.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

#include <cmath>
#include <set>

namespace {
QByteArray idxHeader(std::vector<std::uint32_t> dims)
{
    QByteArray h;
    h.append(char(0)).append(char(0)).append(char(8)).append(char(dims.size()));
    for (std::uint32_t d : dims)
        for (int s = 24; s >= 0; s -= 8)
            h.append(char((d >> s) & 0xff));
    return h;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

QString writeGzip(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    gzFile f = gzopen(QFile::encodeName(path).constData(), "wb");
    gzwrite(f, bytes.constData(), unsigned(bytes.size()));
    gzclose(f);
    return path;
}
}  // namespace

class TestDatasets : public QObject {
    Q_OBJECT
private slots:
    void fashionMnistLoads();
    void sampleShapeFromHeader();
    void idxRoundTrip();
    void badIdxFiles_data();
    void badIdxFiles();
    void truncatedGzip();
    void labelsMustMatchImages();
    void foldersAndDevicesAreNotFiles_data();
    void foldersAndDevicesAreNotFiles();
    void validationChecksEveryDataPath();
    void imageFolderRefusedBeforeAllocating();
    void csvPoints();
    void badCsv_data();
    void badCsv();
    void imageFolder();
    void imageFolderWithUnreadableImage();
    void imageFolderOfClassFolders();
    void syntheticSetsAreSeeded();
    void sampleFilesLayout();
};

void TestDatasets::fashionMnistLoads()
{
    DataSpec spec;
    spec.limit = 300;
    double lastProgress = 0;
    const DatasetLoad loaded = datasets::load(spec, 1, [&](double f) { lastProgress = f; });
    QVERIFY2(loaded.data, qPrintable(loaded.error));
    const Dataset &d = *loaded.data;
    QCOMPARE(d.count, std::int64_t(300));
    QCOMPARE(d.sampleShape(), (Shape{1, 28, 28}));
    QCOMPARE(d.pixels.size(), size_t(300 * 784));
    QCOMPARE(d.labels.size(), size_t(300));
    QCOMPARE(lastProgress, 1.0);
    // Real images: dark backgrounds, bright garments, labels 0..9 all present in 300 samples.
    QCOMPARE(int(d.pixels[0]), 0);
    QVERIFY(*std::max_element(d.pixels.begin(), d.pixels.end()) == 255);
    std::set<int> labels(d.labels.begin(), d.labels.end());
    QCOMPARE(int(labels.size()), 10);
    QCOMPARE(*labels.rbegin(), 9);
}

void TestDatasets::sampleShapeFromHeader()
{
    QCOMPARE(datasets::sampleShape(DataSpec{}), (Shape{1, 28, 28}));
    DataSpec points;
    points.kind = DataKind::Synthetic2D;
    QCOMPARE(datasets::sampleShape(points), (Shape{2}));
}

void TestDatasets::idxRoundTrip()
{
    QTemporaryDir dir;
    std::vector<std::uint8_t> bytes(2 * 3 * 4 * 5);
    for (size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = std::uint8_t(i * 7);
    const QString path = dir.filePath(QStringLiteral("x.idx"));
    QCOMPARE(idxfile::write(path, {2, 3, 4, 5}, bytes), QString());
    const DatasetLoad loaded = idxfile::loadImages(path, QString(), 0);
    QVERIFY2(loaded.data, qPrintable(loaded.error));
    QCOMPARE(loaded.data->count, std::int64_t(2));
    QCOMPARE(loaded.data->sampleShape(), (Shape{3, 4, 5}));
    QCOMPARE(loaded.data->pixels, bytes);
}

void TestDatasets::badIdxFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << "too short for an IDX file";
    QTest::newRow("wrong magic") << QByteArray("PK\x03\x04garbage", 11) << "wrong magic number";
    QTest::newRow("float type") << QByteArray("\0\0\x0d\x03", 4) + QByteArray(12, '\1') << "data type 0x0d is not supported";
    QTest::newRow("header cut") << idxHeader({10, 28, 28}).left(9) << "truncated in the IDX header";
    QTest::newRow("counts exceed file") << idxHeader({60000, 28, 28}) + QByteArray(784 * 3, '\0') << "the file is only";
    QTest::newRow("zero dimension") << idxHeader({0, 28, 28}) << "dimension 0 is zero";
    QTest::newRow("labels not images") << idxHeader({5}) + QByteArray(5, '\1') << "expected images";
    // 0xFFFFFFFF squared wraps a 64-bit product negative, past the "file can hold it" guard.
    QTest::newRow("dimensions overflow") << idxHeader({1, 0xFFFFFFFFu, 0xFFFFFFFFu}) + QByteArray(64, '\0')
                                         << "multiply past what any file can hold";
    QTest::newRow("huge image side") << idxHeader({1, 1, 20000}) + QByteArray(20000, '\0') << "at most 64 channels and 16384 pixels";
}

void TestDatasets::badIdxFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("bad-images"), bytes);
    const DatasetLoad loaded = idxfile::loadImages(path, QString(), 0);
    QVERIFY(!loaded.data);
    QVERIFY2(loaded.error.contains(expected), qPrintable(loaded.error));
    QVERIFY(loaded.error.startsWith(path));
}

void TestDatasets::truncatedGzip()
{
    QTemporaryDir dir;
    QByteArray raw = idxHeader({100, 28, 28});
    for (int i = 0; i < 100 * 784; ++i)
        raw.append(char(i * 31));
    // Header claims 100 images, the stream holds 40.
    const QString short40 = writeGzip(dir, QStringLiteral("short.gz"), raw.left(16 + 40 * 784));
    DatasetLoad loaded = idxfile::loadImages(short40, QString(), 0);
    QVERIFY(!loaded.data);
    QVERIFY2(loaded.error.contains(QStringLiteral("truncated")), qPrintable(loaded.error));
    // A gzip file cut in the middle of its compressed data.
    const QString full = writeGzip(dir, QStringLiteral("full.gz"), raw);
    QFile f(full);
    f.open(QIODevice::ReadOnly);
    const QByteArray compressed = f.readAll();
    const QString cut = writeFile(dir, QStringLiteral("cut.gz"), compressed.left(compressed.size() / 2));
    loaded = idxfile::loadImages(cut, QString(), 0);
    QVERIFY(!loaded.data);
    QVERIFY2(loaded.error.startsWith(cut) && loaded.error.contains(QStringLiteral("damaged or cut short")), qPrintable(loaded.error));
    // Cut inside the header's bytes: the same message, not "too short for an IDX file".
    const QString cutEarly = writeFile(dir, QStringLiteral("cut-early.gz"), compressed.left(12));
    loaded = idxfile::loadImages(cutEarly, QString(), 0);
    QVERIFY(!loaded.data);
    QVERIFY2(loaded.error.contains(QStringLiteral("damaged or cut short after 0 bytes")), qPrintable(loaded.error));
    // The intact file loads.
    loaded = idxfile::loadImages(full, QString(), 0);
    QVERIFY2(loaded.data, qPrintable(loaded.error));
    QCOMPARE(loaded.data->count, std::int64_t(100));
}

void TestDatasets::labelsMustMatchImages()
{
    QTemporaryDir dir;
    const QString images = writeFile(dir, QStringLiteral("i"), idxHeader({3, 2, 2}) + QByteArray(12, '\5'));
    const QString labels = writeFile(dir, QStringLiteral("l"), idxHeader({4}) + QByteArray(4, '\1'));
    DatasetLoad loaded = idxfile::loadImages(images, labels, 0);
    QVERIFY(!loaded.data);
    QVERIFY2(loaded.error.contains(QStringLiteral("holds 4 labels but")), qPrintable(loaded.error));
    QVERIFY2(loaded.error.contains(QStringLiteral("holds 3 images")), qPrintable(loaded.error));
    // The images file given as its own labels: a shape message, not two equal counts that "differ".
    loaded = idxfile::loadImages(images, images, 0);
    QVERIFY(!loaded.data);
    QVERIFY2(loaded.error.contains(QStringLiteral("this one has 3 ([3, 2, 2]); is it an images file?")), qPrintable(loaded.error));
}

void TestDatasets::foldersAndDevicesAreNotFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("folder") << QDir::tempPath() << "is a folder, not an IDX file";
    QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << "not a regular file";
    QTest::newRow("missing") << QStringLiteral("/nonexistent/x.idx") << "file not found";
}

void TestDatasets::foldersAndDevicesAreNotFiles()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const DatasetLoad loaded = idxfile::loadImages(path, QString(), 0);
    QVERIFY(!loaded.data);
    QVERIFY2(loaded.error.contains(expected), qPrintable(loaded.error));
    // Validation says the same before training: sampleShape reads the header.
    DataSpec spec;
    spec.kind = DataKind::Idx;
    spec.path = path;
    QString error;
    QVERIFY(datasets::sampleShape(spec, &error).empty());
    QVERIFY2(error.contains(expected), qPrintable(error));
    // A device as a CSV of points never starts an endless read.
    const DatasetLoad csv = csvpoints::load(path, 0);
    QVERIFY(!csv.data);
    QVERIFY2(!csv.error.isEmpty(), "a device or folder loaded as points");
}

void TestDatasets::validationChecksEveryDataPath()
{
    // Image folders and CSV files are checked when the experiment is validated, as IDX paths are.
    DataSpec folder;
    folder.kind = DataKind::ImageFolder;
    folder.path = QStringLiteral("/nonexistent/images");
    QString error;
    QVERIFY(datasets::sampleShape(folder, &error).empty());
    QVERIFY2(error.contains(QStringLiteral("/nonexistent/images: folder not found")), qPrintable(error));
    QTemporaryDir dir;
    folder.path = dir.path();
    QVERIFY(datasets::sampleShape(folder, &error).empty());
    QVERIFY2(error.contains(QStringLiteral("holds no PNG, JPEG or BMP images")), qPrintable(error));
    DataSpec csv;
    csv.kind = DataKind::Csv2D;
    csv.path = QStringLiteral("/nonexistent/points.csv");
    QVERIFY(datasets::sampleShape(csv, &error).empty());
    QVERIFY2(error.contains(QStringLiteral("/nonexistent/points.csv: file not found")), qPrintable(error));
    csv.path = writeFile(dir, QStringLiteral("p.csv"), "1,2\n");
    QCOMPARE(datasets::sampleShape(csv, &error), (Shape{2}));
    QVERIFY(error.isEmpty());
}

void TestDatasets::imageFolderRefusedBeforeAllocating()
{
    // 40 small PNGs asked for at 1024x1024 RGB would decode to 126 MB: more than a 100 MB budget.
    QTemporaryDir dir;
    QImage image(8, 8, QImage::Format_RGB888);
    image.fill(Qt::darkCyan);
    for (int i = 0; i < 40; ++i)
        QVERIFY(image.save(dir.filePath(QStringLiteral("%1.png").arg(i, 3, 10, QLatin1Char('0')))));
    constexpr std::int64_t kBudget = 100 * 1000 * 1000;
    DatasetLoad loaded = imagefolder::load(dir.path(), 1024, false, 0, {}, kBudget);
    QVERIFY(!loaded.data);
    QVERIFY2(loaded.error.contains(QStringLiteral("40 images of 3x1024x1024 need 126 MB of memory")), qPrintable(loaded.error));
    QVERIFY2(loaded.error.contains(QStringLiteral("set a limit")), qPrintable(loaded.error));
    // Within the budget (a limit of 10 images: 31 MB) the same folder loads.
    loaded = imagefolder::load(dir.path(), 1024, false, 10, {}, kBudget);
    QVERIFY2(loaded.data, qPrintable(loaded.error));
    QCOMPARE(loaded.data->count, std::int64_t(10));
    QCOMPARE(loaded.data->pixels.size(), size_t(10) * 3 * 1024 * 1024);
}

void TestDatasets::csvPoints()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("p.csv"), "x,y\n1.5,-2\n\n0,3e-1\n");
    const DatasetLoad loaded = csvpoints::load(path, 0);
    QVERIFY2(loaded.data, qPrintable(loaded.error));
    QCOMPARE(loaded.data->count, std::int64_t(2));
    QCOMPARE(loaded.data->points, (std::vector<float>{1.5f, -2.0f, 0.0f, 0.3f}));
    QCOMPARE(loaded.data->sampleShape(), (Shape{2}));
}

void TestDatasets::badCsv_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("word") << QByteArray("1,2\n3,abc\n") << "line 2 is not";
    QTest::newRow("one column") << QByteArray("1\n") << "line 1 is not";
    QTest::newRow("nan") << QByteArray("nan,1\n") << "line 1 is not";
    QTest::newRow("empty") << QByteArray("\n\n") << "holds no points";
    QTest::newRow("beyond float") << QByteArray("0,0\n1e39,1\n") << "line 2 has a coordinate beyond the 32-bit float range";
}

void TestDatasets::badCsv()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("bad.csv"), text);
    const DatasetLoad loaded = csvpoints::load(path, 0);
    QVERIFY(!loaded.data);
    QVERIFY2(loaded.error.contains(expected), qPrintable(loaded.error));
    QVERIFY(loaded.error.startsWith(path));
}

void TestDatasets::imageFolder()
{
    QTemporaryDir dir;
    QImage red(40, 20, QImage::Format_RGB888);
    red.fill(QColor(255, 0, 0));
    QVERIFY(red.save(dir.filePath(QStringLiteral("a.png"))));
    QImage gray(16, 16, QImage::Format_Grayscale8);
    gray.fill(128);
    QVERIFY(gray.save(dir.filePath(QStringLiteral("b.bmp"))));
    const DatasetLoad rgb = imagefolder::load(dir.path(), 8, false, 0);
    QVERIFY2(rgb.data, qPrintable(rgb.error));
    QCOMPARE(rgb.data->count, std::int64_t(2));
    QCOMPARE(rgb.data->sampleShape(), (Shape{3, 8, 8}));
    // CHW: the first image's red plane is 255, its green plane 0.
    QCOMPARE(int(rgb.data->pixels[0]), 255);
    QCOMPARE(int(rgb.data->pixels[64]), 0);
    const DatasetLoad g = imagefolder::load(dir.path(), 8, true, 0);
    QVERIFY(g.data);
    QCOMPARE(g.data->sampleShape(), (Shape{1, 8, 8}));
    QCOMPARE(int(g.data->pixels[64]), 128);
}

void TestDatasets::imageFolderWithUnreadableImage()
{
    QTemporaryDir dir;
    writeFile(dir, QStringLiteral("broken.png"), "\x89PNG not really");
    const DatasetLoad loaded = imagefolder::load(dir.path(), 8, true, 0);
    QVERIFY(!loaded.data);
    QVERIFY2(loaded.error.contains(QStringLiteral("broken.png: cannot read this image")), qPrintable(loaded.error));
    const DatasetLoad none = imagefolder::load(dir.filePath(QStringLiteral("missing")), 8, true, 0);
    QVERIFY(none.error.contains(QStringLiteral("folder not found")));
}

// One subfolder per class: the images of each in turn, labelled by the subfolder's place.
void TestDatasets::imageFolderOfClassFolders()
{
    QTemporaryDir dir;
    const QDir root(dir.path());
    for (const auto &[name, shade, count] : {std::tuple{QStringLiteral("dogs"), 200, 2}, std::tuple{QStringLiteral("cats"), 50, 3}}) {
        QVERIFY(root.mkpath(name));
        QImage image(10, 10, QImage::Format_Grayscale8);
        image.fill(shade);
        for (int i = 0; i < count; ++i)
            QVERIFY(image.save(root.filePath(QStringLiteral("%1/%2.png").arg(name).arg(i))));
    }
    QVERIFY(root.mkpath(QStringLiteral("notes")));  // a subfolder without images is no class
    QCOMPARE(imagefolder::check(dir.path()), QString());
    QCOMPARE(imagefolder::classNames(dir.path()), (QStringList{QStringLiteral("cats"), QStringLiteral("dogs")}));
    const DatasetLoad loaded = imagefolder::load(dir.path(), 4, true, 0);
    QVERIFY2(loaded.data, qPrintable(loaded.error));
    QCOMPARE(loaded.data->count, std::int64_t(5));
    QCOMPARE(loaded.data->labels, (std::vector<int>{0, 0, 0, 1, 1}));
    QCOMPARE(int(loaded.data->pixels[0]), 50);        // a cat
    QCOMPARE(int(loaded.data->pixels[3 * 16]), 200);  // the first dog
    DataSpec spec;
    spec.kind = DataKind::ImageFolder;
    spec.path = dir.path();
    QCOMPARE(datasets::classNames(spec), (QStringList{QStringLiteral("cats"), QStringLiteral("dogs")}));
    // A folder of images is unlabelled, whatever subfolders it has.
    QImage loose(10, 10, QImage::Format_Grayscale8);
    loose.fill(0);
    QVERIFY(loose.save(root.filePath(QStringLiteral("loose.png"))));
    QVERIFY(imagefolder::classNames(dir.path()).isEmpty());
    const DatasetLoad flat = imagefolder::load(dir.path(), 4, true, 0);
    QVERIFY(flat.data && flat.data->count == 1 && flat.data->labels.empty());
}

void TestDatasets::syntheticSetsAreSeeded()
{
    const auto a = synthetic2d::generate(Synthetic2DKind::Ring8, 1000, 5);
    const auto b = synthetic2d::generate(Synthetic2DKind::Ring8, 1000, 5);
    const auto c = synthetic2d::generate(Synthetic2DKind::Ring8, 1000, 6);
    QCOMPARE(a->points, b->points);
    QVERIFY(a->points != c->points);
    // Every ring point lies near the unit circle.
    for (size_t i = 0; i < a->points.size(); i += 2)
        QVERIFY(std::abs(std::hypot(a->points[i], a->points[i + 1]) - 1.0) < 0.07);
    for (Synthetic2DKind k : {Synthetic2DKind::Grid25, Synthetic2DKind::Spiral, Synthetic2DKind::TwoMoons, Synthetic2DKind::Gaussian}) {
        const auto d = synthetic2d::generate(k, 500, 1);
        QCOMPARE(d->points.size(), size_t(1000));
        for (float v : d->points)
            QVERIFY(std::isfinite(v));
    }
}

void TestDatasets::sampleFilesLayout()
{
    QTemporaryDir dir;
    // Two RGB images of 2 x 3 pixels, stored N x H x W x C; every byte distinct.
    SampleBatch rgb;
    rgb.count = 2;
    rgb.channels = 3;
    rgb.height = 2;
    rgb.width = 3;
    for (int i = 0; i < 2 * 2 * 3 * 3; ++i)
        rgb.pixels.push_back(std::uint8_t(10 + i));
    const QString rgbPath = dir.filePath(QStringLiteral("rgb.idx"));
    QCOMPARE(samplefiles::write(rgb, rgbPath), QString());
    idxfile::IdxArray read;
    QString error;
    QVERIFY2(idxfile::read(rgbPath, &read, &error), qPrintable(error));
    QCOMPARE(read.dims, (std::vector<std::int64_t>{2, 3, 2, 3}));  // N x C x H x W, as MNIST-style readers expect
    for (int n = 0; n < 2; ++n)
        for (int c = 0; c < 3; ++c)
            for (int y = 0; y < 2; ++y)
                for (int x = 0; x < 3; ++x)
                    QCOMPARE(read.bytes[size_t(((n * 3 + c) * 2 + y) * 3 + x)], rgb.pixels[size_t(((n * 2 + y) * 3 + x) * 3 + c)]);
    // It loads back as a dataset of the same images (the engine reads C x H x W).
    const DatasetLoad loaded = idxfile::loadImages(rgbPath, QString(), 0);
    QVERIFY2(loaded.data, qPrintable(loaded.error));
    QCOMPARE(loaded.data->channels, 3);
    QCOMPARE(sampleimage::fromDataset(*loaded.data, 2).pixels, rgb.pixels);

    // One channel: N x H x W.
    SampleBatch gray = rgb;
    gray.channels = 1;
    gray.pixels.resize(2 * 2 * 3);
    const QString grayPath = dir.filePath(QStringLiteral("gray.IDX"));
    QCOMPARE(samplefiles::write(gray, grayPath), QString());
    QVERIFY(idxfile::read(grayPath, &read, &error));
    QCOMPARE(read.dims, (std::vector<std::int64_t>{2, 2, 3}));
    QCOMPARE(read.bytes, gray.pixels);

    // 2D points: CSV lines; the wrong format for the kind of samples says which to use.
    SampleBatch points;
    points.count = 2;
    points.points = {0.5f, -1.25f, 3.0f, 1e-3f};
    const QString csv = dir.filePath(QStringLiteral("p.csv"));
    QCOMPARE(samplefiles::write(points, csv), QString());
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("0.5,-1.25\n3,0.001\n"));
    QVERIFY(samplefiles::write(points, dir.filePath(QStringLiteral("p.idx"))).contains(QStringLiteral("use .csv")));
    QVERIFY(samplefiles::write(rgb, dir.filePath(QStringLiteral("r.csv"))).contains(QStringLiteral("use .png or .idx")));
    QVERIFY(!samplefiles::write(rgb, dir.filePath(QStringLiteral("r.jpg"))).isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("p.idx"))));
}

QTEST_GUILESS_MAIN(TestDatasets)
#include "tst_datasets.moc"
