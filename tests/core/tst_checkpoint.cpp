// Checkpoints: a resumed run continues bit for bit, and a checkpoint of another architecture,
// a damaged one, one with altered weights or an unwritable folder each give a message and
// change nothing.
#include "trainersupport.h"
#include "training/rundriver.h"

#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

#include <cstring>
#include <limits>

using namespace trainersupport;

class TestCheckpoint : public QObject {
    Q_OBJECT
private slots:
    void resumeIsExact_data();
    void resumeIsExact();
    void explorationKeepsTheDataOrder();
    void refusesOtherArchitecture();
    void refusesDamagedCheckpoint();
    void refusesNonFiniteWeights();
    void unwritableFolderIsAMessage();
};

void TestCheckpoint::resumeIsExact_data()
{
    QTest::addColumn<bool>("plainMlp");
    QTest::newRow("autograd path: BatchNorm, Dropout, EMA") << false;
    QTest::newRow("hand-written MLP path: R1, EMA") << true;
}

void TestCheckpoint::resumeIsExact()
{
    QFETCH(bool, plainMlp);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.pt"));
    ExperimentSpec s = smallMlp();
    s.emaDecay = 0.9;
    if (plainMlp) {
        s.loss.r1Gamma = 1.0;
    } else {
        s.generator.layers.insert(s.generator.layers.begin() + 1, LayerSpec::batchNorm1d(32));
        s.discriminator.layers.insert(s.discriminator.layers.begin() + 2, LayerSpec::dropout(0.2));
    }
    MAKE_TRAINER(straight, s);
    MAKE_TRAINER(first, s);
    QCOMPARE(straight->usesFusedMlp(), plainMlp);
    QString error;
    for (int i = 0; i < 20; ++i)
        QVERIFY(straight->step(nullptr, &error));
    for (int i = 0; i < 10; ++i)
        QVERIFY(first->step(nullptr, &error));
    QCOMPARE(first->saveCheckpoint(path), QString());
    MAKE_TRAINER(resumed, s);
    QCOMPARE(resumed->loadCheckpoint(path), QString());
    QCOMPARE(resumed->usesFusedMlp(), plainMlp);
    QCOMPARE(resumed->currentStep(), std::int64_t(10));
    QCOMPARE(int(resumed->history().size()), 10);
    for (int i = 0; i < 10; ++i)
        QVERIFY2(resumed->step(nullptr, &error), qPrintable(error));
    for (size_t i = 0; i < 20; ++i)
        QVERIFY2(sameRecords(straight->history()[i], resumed->history()[i]), qPrintable(QStringLiteral("step %1").arg(i + 1)));
    QCOMPARE(resumed->sampleFixed(16).points, straight->sampleFixed(16).points);
}

// A run opened without its data (to be explored: the window does so when the data is gone or
// changed) saves a checkpoint that continues the run exactly as the original does: the data
// order and the position in it are kept, not dropped (the window's autosave saves one).
void TestCheckpoint::explorationKeepsTheDataOrder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.pt")), explored = dir.filePath(QStringLiteral("explored.pt"));
    const ExperimentSpec s = smallMlp();
    MAKE_TRAINER(straight, s);
    QString error;
    for (int i = 0; i < 14; ++i)
        QVERIFY(straight->step(nullptr, &error));
    MAKE_TRAINER(first, s);
    for (int i = 0; i < 7; ++i)
        QVERIFY(first->step(nullptr, &error));
    QCOMPARE(first->saveCheckpoint(path), QString());
    runsetup::OpenOptions without;
    without.withoutData = true;
    const std::unique_ptr<Trainer> standIn = runsetup::open(s, path, {}, &error, without);
    QVERIFY2(standIn, qPrintable(error));
    QVERIFY(!standIn->step(nullptr, &error));  // it cannot train
    QCOMPARE(standIn->saveCheckpoint(explored), QString());
    MAKE_TRAINER(resumed, s);
    QCOMPARE(resumed->loadCheckpoint(explored), QString());
    for (int i = 0; i < 7; ++i)
        QVERIFY2(resumed->step(nullptr, &error), qPrintable(error));
    for (size_t i = 0; i < 14; ++i)
        QVERIFY2(sameRecords(straight->history()[i], resumed->history()[i]), qPrintable(QStringLiteral("step %1").arg(i + 1)));
}

void TestCheckpoint::refusesOtherArchitecture()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.pt"));
    MAKE_TRAINER(small, smallMlp(32));
    QString error;
    QVERIFY(small->step(nullptr, &error));
    QCOMPARE(small->saveCheckpoint(path), QString());
    MAKE_TRAINER(wide, smallMlp(64));
    QVERIFY(wide->step(nullptr, &error));
    const SampleBatch before = wide->sampleFixed(8);
    const QString message = wide->loadCheckpoint(path);
    QVERIFY2(message.contains(QStringLiteral("different architecture (the generator differs at layer 1)")), qPrintable(message));
    QVERIFY(message.startsWith(path));
    QCOMPARE(wide->currentStep(), std::int64_t(1));
    QCOMPARE(wide->sampleFixed(8).points, before.points);
}

void TestCheckpoint::refusesDamagedCheckpoint()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.pt"));
    MAKE_TRAINER(trainer, smallMlp());
    QString error;
    QVERIFY(trainer->step(nullptr, &error));
    QCOMPARE(trainer->saveCheckpoint(path), QString());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    f.close();
    const QString cut = dir.filePath(QStringLiteral("cut.pt"));
    QFile c(cut);
    QVERIFY(c.open(QIODevice::WriteOnly));
    c.write(bytes.left(bytes.size() / 2));
    c.close();
    const QString message = trainer->loadCheckpoint(cut);
    QVERIFY2(message.startsWith(cut) && message.contains(QStringLiteral("damaged")), qPrintable(message));
    QCOMPARE(trainer->currentStep(), std::int64_t(1));
    const QString notThere = trainer->loadCheckpoint(dir.filePath(QStringLiteral("none.pt")));
    QVERIFY(notThere.contains(QStringLiteral("cannot open")));
}

namespace {
// Overwrites every stored zip entry of `size` bytes whose name has `part` with `fill` and gives
// it a correct CRC-32 again: a checkpoint altered by hand, not damaged in transit.
int rewriteEntries(QByteArray &zip, const char *part, qint64 size, const QByteArray &fill)
{
    auto u16 = [&](qsizetype o) { return int(std::uint8_t(zip[o])) | int(std::uint8_t(zip[o + 1])) << 8; };
    auto u32 = [&](qsizetype o) { return std::uint32_t(u16(o)) | std::uint32_t(u16(o + 2)) << 16; };
    auto put32 = [&](qsizetype o, std::uint32_t v) {
        for (int i = 0; i < 4; ++i)
            zip[o + i] = char((v >> (8 * i)) & 0xff);
    };
    const qsizetype end = zip.lastIndexOf(QByteArray("PK\x05\x06", 4));
    const int entries = u16(end + 10);
    qsizetype at = qsizetype(u32(end + 16));
    int changed = 0;
    for (int i = 0; i < entries; ++i) {
        const int nameLength = u16(at + 28);
        const QByteArray name = zip.mid(at + 46, nameLength);
        const qsizetype local = qsizetype(u32(at + 42));
        if (u16(at + 10) == 0 && qint64(u32(at + 20)) == size && name.contains(part)) {
            const qsizetype data = local + 30 + u16(local + 26) + u16(local + 28);
            for (qint64 k = 0; k < size; ++k)
                zip[data + k] = fill[k % fill.size()];
            const std::uint32_t crc = std::uint32_t(crc32(0, reinterpret_cast<const Bytef *>(zip.constData() + data), uInt(size)));
            put32(local + 14, crc);
            put32(at + 16, crc);
            ++changed;
        }
        at += 46 + nameLength + u16(at + 30) + u16(at + 32);
    }
    return changed;
}
}  // namespace

void TestCheckpoint::refusesNonFiniteWeights()
{
    // The generator's first weight (4 x 32 floats) and its two Adam moments are the only 512-byte
    // tensors of this experiment: all become NaN, with checksums that match.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.pt"));
    MAKE_TRAINER(trainer, smallMlp(32));
    QString error;
    QVERIFY(trainer->step(nullptr, &error));
    QCOMPARE(trainer->saveCheckpoint(path), QString());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    f.close();
    const float nan = std::numeric_limits<float>::quiet_NaN();
    QByteArray fill(sizeof nan, '\0');
    std::memcpy(fill.data(), &nan, sizeof nan);
    QCOMPARE(rewriteEntries(bytes, "/data/", 4 * 4 * 32, fill), 3);
    const QString altered = dir.filePath(QStringLiteral("nan.pt"));
    QFile out(altered);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();
    MAKE_TRAINER(other, smallMlp(32));
    const SampleBatch before = other->sampleFixed(8);
    const QString message = other->loadCheckpoint(altered);
    QVERIFY2(message.contains(QStringLiteral("generator weight g1.weight holds NaN or infinite values")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("nothing was changed")), qPrintable(message));
    QCOMPARE(other->currentStep(), std::int64_t(0));
    QCOMPARE(other->sampleFixed(8).points, before.points);
}

void TestCheckpoint::unwritableFolderIsAMessage()
{
    MAKE_TRAINER(trainer, smallMlp());
    const QString message = trainer->saveCheckpoint(QStringLiteral("/proc/no-such-folder/c.pt"));
    QVERIFY2(message.contains(QStringLiteral("cannot write the checkpoint")), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
