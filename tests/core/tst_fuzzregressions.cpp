// Every seed (tests/fuzz/corpus) and every input the fuzzers once failed on or that a person
// crafted to break a parser (tests/fuzz/regressions) goes through the parsers again: a crash
// ends this test, a hang times it out. scripts/fuzz does the same under AddressSanitizer and
// UBSan with libFuzzer's mutations.
#include "fuzz/fuzzers.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QtTest>

class TestFuzzRegressions : public QObject {
    Q_OBJECT
private slots:
    void replays_data();
    void replays();
};

namespace {
using Fuzzer = int (*)(const std::uint8_t *, std::size_t);
}
Q_DECLARE_METATYPE(Fuzzer)

void TestFuzzRegressions::replays_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<Fuzzer>("fuzzer");
    QTest::newRow("experiment") << QStringLiteral("experiment") << Fuzzer(&fuzzers::experiment);
    QTest::newRow("idx") << QStringLiteral("idx") << Fuzzer(&fuzzers::idx);
    QTest::newRow("csv2d") << QStringLiteral("csv2d") << Fuzzer(&fuzzers::csv2d);
    QTest::newRow("image") << QStringLiteral("image") << Fuzzer(&fuzzers::image);
    QTest::newRow("checkpoint") << QStringLiteral("checkpoint") << Fuzzer(&fuzzers::checkpoint);
    QTest::newRow("pickle") << QStringLiteral("pickle") << Fuzzer(&fuzzers::pickle);
    QTest::newRow("metrics") << QStringLiteral("metrics") << Fuzzer(&fuzzers::metrics);
    QTest::newRow("directions") << QStringLiteral("directions") << Fuzzer(&fuzzers::directions);
}

void TestFuzzRegressions::replays()
{
    QFETCH(QString, target);
    QFETCH(Fuzzer, fuzzer);
    int seeds = 0, regressions = 0;
    for (const QString &kind : {QStringLiteral("corpus"), QStringLiteral("regressions")}) {
        QDirIterator it(QStringLiteral(GP_FUZZ_DIR "/%1/%2").arg(kind, target), QDir::Files);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QCOMPARE(fuzzer(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size())), 0);
            ++(kind == QLatin1String("corpus") ? seeds : regressions);
        }
    }
    QVERIFY2(seeds > 0, "the seed corpus is missing");
    qInfo("%s: %d seeds and %d regression inputs replayed", qPrintable(target), seeds, regressions);
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
