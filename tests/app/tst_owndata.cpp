// Training on one's own data from the command line: --data on every kind of path, runs whose
// folder grew or went away, honest measures of small unlabelled folders, help on stdout. The
// walkthrough is README's, command for command, on a generated folder of small PNGs.
#include "data/idxfile.h"
#include "clisupport.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <QtTest>

#include <random>

class TestOwnData : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void readmeWalkthrough();
    void dataOfEveryKind();
    void grownAndGoneFolders();
    void smallUnlabelledFoldersAreMeasuredHonestly();
    void helpGoesToStdout();

private:
    // `count` PNGs of `side` pixels in `dir`: circles and squares, in two class folders when
    // `classes`, grey or in colour.
    static void writeImages(const QString &dir, int count, int side, bool classes, bool grey, int first = 0);
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestOwnData::writeImages(const QString &dir, int count, int side, bool classes, bool grey, int first)
{
    std::mt19937 rng(unsigned(first + 1));
    std::uniform_int_distribution<int> colour(80, 255);
    std::uniform_real_distribution<double> place(0.3, 0.7), size(0.15, 0.3);
    for (int i = first; i < first + count; ++i) {
        const bool circle = i % 2 == 0;
        const QString folder = classes ? QDir(dir).filePath(circle ? QStringLiteral("circles") : QStringLiteral("squares")) : dir;
        QVERIFY(QDir().mkpath(folder));
        QImage image(side, side, QImage::Format_RGB32);
        const int r = colour(rng), g = grey ? r : colour(rng), b = grey ? r : colour(rng);
        const double cx = place(rng) * side, cy = place(rng) * side, radius = size(rng) * side;
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x) {
                const bool inside = circle ? (x - cx) * (x - cx) + (y - cy) * (y - cy) < radius * radius
                                           : std::abs(x - cx) < radius && std::abs(y - cy) < radius;
                image.setPixel(x, y, inside ? qRgb(r, g, b) : qRgb(20, 20, 20));
            }
        QVERIFY(image.save(QDir(folder).filePath(QStringLiteral("%1.png").arg(i, 4, 10, QLatin1Char('0')))));
    }
}

void TestOwnData::initTestCase() { QVERIFY(m_dir.isValid()); }

void TestOwnData::readmeWalkthrough()
{
    // README's "Your own images", in a folder of 200 PNGs of 16x16 in two class folders.
    const QString pictures = path(QStringLiteral("pictures")), run = path(QStringLiteral("pictures-run"));
    writeImages(pictures, 200, 16, true, false);
    const Run check = cli({QStringLiteral("validate"), QStringLiteral("--data"), pictures});
    QVERIFY2(check.code == 0, qPrintable(check.err + check.out));
    QVERIFY2(check.out.contains(QStringLiteral("200 images in 2 class folders")), qPrintable(check.out));
    QVERIFY2(check.out.contains(QStringLiteral("training at 3x16x16")), qPrintable(check.out));
    QVERIFY2(check.out.contains(QStringLiteral("the networks were fitted to 3x16x16 images")), qPrintable(check.out));
    QVERIFY(check.out.contains(QStringLiteral("DISCRIMINATOR  input [3, 16, 16]")));

    const Run train = cli({QStringLiteral("train"), QStringLiteral("--data"), pictures, QStringLiteral("--out"), run,
                           QStringLiteral("--steps"), QStringLiteral("20")});
    QVERIFY2(train.code == 0, qPrintable(train.err));
    QVERIFY(QFile::exists(run + QStringLiteral("/checkpoint.pt")));
    // The run's experiment names the folder so that it trains again from anywhere.
    const QJsonObject data = QJsonDocument::fromJson(readAll(run + QStringLiteral("/experiment.json"))).object()[QStringLiteral("data")].toObject();
    QCOMPARE(data[QStringLiteral("kind")].toString(), QStringLiteral("image-folder"));
    QCOMPARE(data[QStringLiteral("path")].toString(), QDir(pictures).absolutePath());
    QCOMPARE(data[QStringLiteral("image_size")].toInt(), 16);
    QCOMPARE(data[QStringLiteral("grayscale")].toBool(), false);

    const Run sample = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("16"), QStringLiteral("--out"),
                            path(QStringLiteral("samples.png"))});
    QVERIFY2(sample.code == 0, qPrintable(sample.err));
    QCOMPARE(QImage(path(QStringLiteral("samples.png"))).isNull(), false);
    const Run walk = cli({QStringLiteral("walk"), run, QStringLiteral("--between"), QStringLiteral("1,2"), QStringLiteral("--frames"),
                          QStringLiteral("8"), QStringLiteral("--out"), path(QStringLiteral("walk.gif"))});
    QVERIFY2(walk.code == 0, qPrintable(walk.err));
    QVERIFY(readAll(path(QStringLiteral("walk.gif"))).startsWith("GIF89a"));
    // 200 labelled images and no test split: a fifth held out, the classifier learns the rest.
    const Run evaluate = cli({QStringLiteral("evaluate"), run});
    QVERIFY2(evaluate.code == 0, qPrintable(evaluate.err));
    QVERIFY2(evaluate.out.contains(QStringLiteral("2 classes")), qPrintable(evaluate.out));
    QVERIFY2(evaluate.out.contains(QStringLiteral("40 of its images held out")), qPrintable(evaluate.out));
    QVERIFY(evaluate.err.contains(QStringLiteral("epoch 5 of 5")) || evaluate.out.contains(QStringLiteral("(cached)")));
}

void TestOwnData::dataOfEveryKind()
{
    // A flat folder of grey images: one channel, no classes.
    const QString grey = path(QStringLiteral("grey"));
    writeImages(grey, 30, 10, false, true);
    Run r = cli({QStringLiteral("validate"), QStringLiteral("--data"), grey});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains(QStringLiteral("30 images, no class folders")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("are grey, most 10x10")), qPrintable(r.out));
    // 10 is no multiple of the DCGAN's upsampling (4): the nearest side it makes.
    QVERIFY2(r.out.contains(QStringLiteral("the images are scaled to 12x12 instead of 10x10")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("training at 1x12x12")));
    QVERIFY(r.out.contains(QStringLiteral("DISCRIMINATOR  input [1, 12, 12]")));

    // An experiment file that fixes its image folder's size keeps it.
    const QString fixed = path(QStringLiteral("fixed.json"));
    writeBytes(fixed, R"({"format": "gan-playground-experiment", "version": "1.1", "name": "fixed",
        "latent": {"size": 8},
        "generator": {"layers": [{"kind": "Linear", "in": 8, "out": 512}, {"kind": "ReLU"}, {"kind": "Reshape", "shape": [32, 4, 4]},
                                 {"kind": "ConvTranspose2d", "in": 32, "out": 3, "kernel": 4, "stride": 2, "padding": 1}, {"kind": "Tanh"}]},
        "discriminator": {"layers": [{"kind": "Conv2d", "in": 3, "out": 8, "kernel": 4, "stride": 2, "padding": 1},
                                     {"kind": "LeakyReLU", "slope": 0.2}, {"kind": "Flatten"}, {"kind": "Linear", "in": 128, "out": 1}]},
        "data": {"kind": "image-folder", "path": "elsewhere", "image_size": 8, "grayscale": false}})");
    r = cli({QStringLiteral("validate"), fixed, QStringLiteral("--data"), grey});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains(QStringLiteral("trains them at 3x8x8")), qPrintable(r.out));
    // Without --data, the same experiment on a folder of other images: the fix is in the sentence.
    QJsonObject o = QJsonDocument::fromJson(readAll(fixed)).object();
    QJsonObject d = o[QStringLiteral("data")].toObject();
    d[QStringLiteral("path")] = grey;
    d[QStringLiteral("image_size")] = 16;
    d[QStringLiteral("grayscale")] = true;
    o[QStringLiteral("data")] = d;
    writeBytes(fixed, QJsonDocument(o).toJson());
    r = cli({QStringLiteral("validate"), fixed});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(QStringLiteral("the data's samples are [1, 16, 16], the generator makes [3, 8, 8]")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("--data PATH")));
    QVERIFY(r.out.contains(QStringLiteral("set the data's grayscale to false and image_size to 8")));

    // An IDX pair, given as IMAGES,LABELS, and an IDX file with its labels beside it.
    std::vector<std::uint8_t> pixels(40 * 8 * 8), labels(40);
    for (size_t i = 0; i < pixels.size(); ++i)
        pixels[i] = std::uint8_t(i * 7);
    for (size_t i = 0; i < labels.size(); ++i)
        labels[i] = std::uint8_t(i % 3);
    QDir().mkpath(path(QStringLiteral("idx")));
    const QString images = path(QStringLiteral("idx/train-images-idx3-ubyte")), labelFile = path(QStringLiteral("idx/train-labels-idx1-ubyte"));
    QVERIFY(idxfile::write(images, {40, 8, 8}, pixels).isEmpty());
    QVERIFY(idxfile::write(labelFile, {40}, labels).isEmpty());
    r = cli({QStringLiteral("validate"), QStringLiteral("--data"), images + QLatin1Char(',') + labelFile});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY(r.out.contains(QStringLiteral("IDX images, labels from")));
    QVERIFY(r.out.contains(QStringLiteral("DISCRIMINATOR  input [1, 8, 8]")));
    r = cli({QStringLiteral("train"), QStringLiteral("--data"), images, QStringLiteral("--out"), path(QStringLiteral("idx-run")),
             QStringLiteral("--steps"), QStringLiteral("3")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("labels from ") + labelFile));
    // The batch of 64 is larger than the 40 images: said, and the run still trains.
    QVERIFY2(r.err.contains(QStringLiteral("larger than the data's 40 samples")), qPrintable(r.err));

    // A CSV of 2D points: the image preset's networks give way to the MLPs of mlp-ring8.
    const QString csv = path(QStringLiteral("points.csv"));
    QByteArray text;
    for (int i = 0; i < 300; ++i)
        text += QByteArray::number(std::cos(i * 0.1)) + ',' + QByteArray::number(std::sin(i * 0.1)) + '\n';
    writeBytes(csv, text);
    r = cli({QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("dcgan-fashion"), QStringLiteral("--data"), csv,
             QStringLiteral("--out"), path(QStringLiteral("csv-run")), QStringLiteral("--steps"), QStringLiteral("5")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("using the networks of mlp-ring8")), qPrintable(r.out));
    // Neither images nor points: refused, naming the file.
    writeBytes(path(QStringLiteral("notes.txt")), "hello\n");
    r = cli({QStringLiteral("validate"), QStringLiteral("--data"), path(QStringLiteral("notes.txt"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("notes.txt is neither a folder of images, an IDX file nor a CSV file")), qPrintable(r.err));
    // A device is no data: said, not read.
    r = cli({QStringLiteral("validate"), QStringLiteral("--data"), QStringLiteral("/dev/zero")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("/dev/zero: is not a regular file or a folder")), qPrintable(r.err));
}

void TestOwnData::grownAndGoneFolders()
{
    const QString folder = path(QStringLiteral("growing")), run = path(QStringLiteral("growing-run"));
    writeImages(folder, 60, 8, false, false);
    Run r = cli({QStringLiteral("train"), QStringLiteral("--data"), folder, QStringLiteral("--out"), run, QStringLiteral("--steps"),
                 QStringLiteral("5")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    writeImages(folder, 70, 8, false, false, 60);
    // Resuming says what changed and how to go on; sampling needs no data.
    r = cli({QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--steps"), QStringLiteral("8")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("trained on 60 samples")) && r.err.contains(QStringLiteral("now holds 130")), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("--reshuffle")));
    auto explores = [&](const QString &when) {
        const Run s = cli({QStringLiteral("sample"), run, QStringLiteral("--count"), QStringLiteral("4"), QStringLiteral("--out"),
                           path(QStringLiteral("grown.png")), QStringLiteral("--force")});
        QVERIFY2(s.code == 0, qPrintable(when + s.err));
        const Run w = cli({QStringLiteral("walk"), run, QStringLiteral("--between"), QStringLiteral("1,2"), QStringLiteral("--frames"),
                           QStringLiteral("4"), QStringLiteral("--out"), path(QStringLiteral("grown.gif")), QStringLiteral("--force")});
        QVERIFY2(w.code == 0, qPrintable(when + w.err));
        const Run d = cli({QStringLiteral("directions"), run, QStringLiteral("--method"), QStringLiteral("sefa"), QStringLiteral("--count"),
                           QStringLiteral("3"), QStringLiteral("--out"), path(QStringLiteral("grown.json")), QStringLiteral("--force")});
        QVERIFY2(d.code == 0, qPrintable(when + d.err));
    };
    explores(QStringLiteral("grown: "));
    r = cli({QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--steps"), QStringLiteral("8"), QStringLiteral("--reshuffle")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("trained to step 8")));
    // The folder gone: still explored; training says what is missing.
    QVERIFY(QDir(folder).removeRecursively());
    explores(QStringLiteral("gone: "));
    r = cli({QStringLiteral("train"), QStringLiteral("--resume"), run, QStringLiteral("--steps"), QStringLiteral("9")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("folder not found")), qPrintable(r.err));
}

void TestOwnData::smallUnlabelledFoldersAreMeasuredHonestly()
{
    for (int count : {60, 130}) {
        const QString folder = path(QStringLiteral("flat%1").arg(count)), run = path(QStringLiteral("flat%1-run").arg(count));
        writeImages(folder, count, 8, false, false);
        const Run t = cli({QStringLiteral("train"), QStringLiteral("--data"), folder, QStringLiteral("--out"), run, QStringLiteral("--steps"),
                           QStringLiteral("5")});
        QVERIFY2(t.code == 0, qPrintable(t.err));
        const Run e = cli({QStringLiteral("evaluate"), run, QStringLiteral("--count"), QStringLiteral("200")});
        QVERIFY2(e.code == 0, qPrintable(e.err));
        const QString held = QString::number(count / 2);
        // Half held out to compare with; the capped count said; no figure of a set against itself.
        QVERIFY2(e.out.contains(QStringLiteral("compared:          %1 generated against %1 real images").arg(held)), qPrintable(e.out));
        QVERIFY(e.out.contains(QStringLiteral("%1 of its images held out").arg(held)));
        QVERIFY(e.out.contains(QStringLiteral("(200 asked for, but there are %1 real images to compare with)").arg(held)));
        QVERIFY2(!e.out.contains(QStringLiteral("± 0.00000")), qPrintable(e.out));
        QVERIFY2(!e.out.contains(QStringLiteral("are 0.000 from theirs")), qPrintable(e.out));
        QVERIFY(e.out.contains(QStringLiteral("random convolutional features")));
    }
}

void TestOwnData::helpGoesToStdout()
{
    Run r = cli({QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    QVERIFY(r.out.contains(QStringLiteral("usage: gan-playground-cli COMMAND")));
    QVERIFY(r.out.contains(QStringLiteral("train [--preset NAME | FILE.json] [--data PATH]")));
    r = cli({QStringLiteral("train"), QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    QVERIFY2(r.out.startsWith(QStringLiteral("usage: gan-playground-cli train ")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("--reshuffle")));
    QVERIFY(!r.out.contains(QStringLiteral("--help-all")));
    QVERIFY(!r.out.contains(qEnvironmentVariable("GP_CLI")));
    // A usage error still goes to stderr, with exit 2.
    r = cli({QStringLiteral("sample")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestOwnData)
#include "tst_owndata.moc"
