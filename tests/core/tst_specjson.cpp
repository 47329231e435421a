#include "spec/layerkinds.h"
#include "spec/losskinds.h"
#include "spec/presets.h"
#include "spec/specjson.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

class TestSpecJson : public QObject {
    Q_OBJECT
private slots:
    void presetsRoundTrip_data();
    void presetsRoundTrip();
    void goldenFile();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void reportsEveryProblem();
    void newerMinorVersionIgnoresUnknownFields();
    void drawnPointsRoundTrip();
    void latentDirectionsRoundTrip();
    void everyLayerKindHasOneRowAndRoundTrips();
    void everyLossKindHasOneRow();
};

void TestSpecJson::presetsRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = presets::names();
    QVERIFY(names.size() >= 7);
    for (const QString &n : names)
        QTest::newRow(qPrintable(n)) << n;
}

void TestSpecJson::presetsRoundTrip()
{
    QFETCH(QString, name);
    ExperimentSpec spec;
    QCOMPARE(presets::load(name, &spec), QString());
    QVERIFY(!spec.description.isEmpty());
    // The JSON we write holds everything the file held, and reads back to the same spec.
    QFile file(QDir(qEnvironmentVariable("GP_PRESETS")).filePath(name + QStringLiteral(".json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject original = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(specjson::toJson(spec), original);
    const specjson::ParseResult again = specjson::fromBytes(specjson::toBytes(spec), QStringLiteral("round trip"));
    QVERIFY2(again.ok(), qPrintable(again.errors.join(QLatin1Char('\n'))));
    QVERIFY(again.spec == spec);
}

void TestSpecJson::goldenFile()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    QFile golden(QDir(qEnvironmentVariable("GP_TEST_DATA")).filePath(QStringLiteral("golden/dcgan-fashion.json")));
    QVERIFY(golden.open(QIODevice::ReadOnly));
    QCOMPARE(specjson::toBytes(spec), golden.readAll());
}

void TestSpecJson::refusesBadFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    const QByteArray head = R"({"format": "gan-playground-experiment", "version": "1.0", "latent": {"size": 4}, )";
    QTest::newRow("not json") << QByteArray("{nope") << "not valid JSON";
    QTest::newRow("other format") << QByteArray(R"({"format": "x", "version": "1.0"})") << "not a GAN Playground experiment";
    QTest::newRow("major version") << QByteArray(R"({"format": "gan-playground-experiment", "version": "2.0"})")
                                   << "format version 2.0";
    QTest::newRow("bad kernel") << head + R"("generator": {"layers": [{"kind": "Conv2d", "in": 1, "out": 2, "kernel": "big"}]}, "discriminator": {"layers": []}})"
                                << "generator.layers[0].kernel: expected a whole number";
    QTest::newRow("unknown kind") << head + R"("generator": {"layers": [{"kind": "Conv3d"}]}, "discriminator": {"layers": []}})"
                                  << "generator.layers[0].kind: expected one of";
    QTest::newRow("unknown field") << head + R"("generator": {"layers": [{"kind": "ReLU", "inplace": true}]}, "discriminator": {"layers": []}})"
                                   << "generator.layers[0].inplace: unknown field";
    QTest::newRow("bad loss") << head + R"("generator": {"layers": []}, "discriminator": {"layers": []}, "loss": {"kind": "magic"}})"
                              << "loss.kind: expected one of";
    QTest::newRow("duplicate id") << head + R"("generator": {"layers": [{"id": "a", "kind": "ReLU"}, {"id": "a", "kind": "Tanh"}]}, "discriminator": {"layers": []}})"
                                  << "generator.layers[1].id: \"a\" is already used";
    QTest::newRow("missing size") << head + R"("generator": {"layers": [{"kind": "Linear", "in": 4}]}, "discriminator": {"layers": []}})"
                                  << "generator.layers[0]: Linear needs \"out\"";
    QTest::newRow("missing channels") << head + R"("generator": {"layers": [{"kind": "InstanceNorm2d"}]}, "discriminator": {"layers": []}})"
                                      << "generator.layers[0]: InstanceNorm2d needs \"features\"";
    QTest::newRow("missing generator") << head + R"("discriminator": {"layers": []}})" << "generator: missing object";
}

void TestSpecJson::refusesBadFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const specjson::ParseResult r = specjson::fromBytes(json, QStringLiteral("bad.json"));
    QVERIFY(!r.ok());
    QVERIFY2(r.errors.join(QLatin1Char('\n')).contains(expected), qPrintable(r.errors.join(QLatin1Char('\n'))));
    QVERIFY(r.errors.first().startsWith(QStringLiteral("bad.json: ")));
}

void TestSpecJson::reportsEveryProblem()
{
    const QByteArray json = R"({"format": "gan-playground-experiment", "version": "1.0", "latent": {"size": -1},
        "generator": {"layers": [{"kind": "Linear", "in": 0, "out": 3}]}, "discriminator": {"layers": []},
        "training": {"batch_size": 0}})";
    const specjson::ParseResult r = specjson::fromBytes(json, QStringLiteral("x"));
    QCOMPARE(r.errors.size(), 3);
    QVERIFY(r.errors[0].contains(QStringLiteral("latent.size")));
    QVERIFY(r.errors[1].contains(QStringLiteral("generator.layers[0].in")));
    QVERIFY(r.errors[2].contains(QStringLiteral("training.batch_size")));
}

void TestSpecJson::newerMinorVersionIgnoresUnknownFields()
{
    const QByteArray json = R"({"format": "gan-playground-experiment", "version": "1.7", "latent": {"size": 8},
        "future": 1, "generator": {"layers": [{"kind": "ReLU"}]}, "discriminator": {"layers": []}})";
    const specjson::ParseResult r = specjson::fromBytes(json, QStringLiteral("x"));
    QVERIFY2(r.ok(), qPrintable(r.errors.join(QLatin1Char('\n'))));
    QCOMPARE(r.spec.latentDim, 8);
}

void TestSpecJson::drawnPointsRoundTrip()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("mlp-ring8"), &spec), QString());
    spec.data.kind = DataKind::Drawn2D;
    spec.data.points = {0.25f, -0.5f, 1.125f, 0.75f, -1e-3f, 3.0f};
    const specjson::ParseResult back = specjson::fromBytes(specjson::toBytes(spec), QStringLiteral("drawn"));
    QVERIFY2(back.ok(), qPrintable(back.errors.join(QLatin1Char('\n'))));
    QCOMPARE(back.spec.data.points, spec.data.points);
    QCOMPARE(back.spec, spec);
    QVERIFY(spec.isTwoDimensional());
    // An odd count or a non-number is named.
    QJsonObject o = specjson::toJson(spec);
    QJsonObject data = o.value(QStringLiteral("data")).toObject();
    data[QStringLiteral("points")] = QJsonArray{1, 2, 3};
    o[QStringLiteral("data")] = data;
    const specjson::ParseResult odd = specjson::fromJson(o);
    QVERIFY(!odd.ok());
    QVERIFY2(odd.errors.join(QLatin1Char('\n')).contains(QStringLiteral("data.points: expected a list of x, y coordinates")),
             qPrintable(odd.errors.join(QLatin1Char('\n'))));
}

void TestSpecJson::latentDirectionsRoundTrip()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("mlp-ring8"), &spec), QString());
    std::vector<float> v(size_t(spec.latentDim), 0.0f);
    v[0] = 0.6f;
    v[1] = -0.8f;
    spec.directions.push_back({QStringLiteral("round 并 trip"), QStringLiteral("sefa"), v});
    const QByteArray bytes = specjson::toBytes(spec);
    QVERIFY(bytes.contains("\"version\": \"1.3\""));
    const specjson::ParseResult back = specjson::fromBytes(bytes, QStringLiteral("directions"));
    QVERIFY2(back.ok(), qPrintable(back.errors.join(QLatin1Char('\n'))));
    QCOMPARE(back.spec.directions, spec.directions);
    QCOMPARE(back.spec, spec);
    // A vector of another length than the latent size is named by its path.
    QJsonObject o = specjson::toJson(spec);
    QJsonObject latent = o.value(QStringLiteral("latent")).toObject();
    QJsonArray directions = latent.value(QStringLiteral("directions")).toArray();
    QJsonObject first = directions[0].toObject();
    first[QStringLiteral("vector")] = QJsonArray{1, 2};
    directions[0] = first;
    latent[QStringLiteral("directions")] = directions;
    o[QStringLiteral("latent")] = latent;
    const specjson::ParseResult bad = specjson::fromJson(o);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.errors.join(QLatin1Char('\n')).contains(QStringLiteral("latent.directions[0].vector: expected %1 finite numbers").arg(spec.latentDim)),
             qPrintable(bad.errors.join(QLatin1Char('\n'))));
}

// The table says what each kind is: every kind has one row under its own name, and a layer of
// any kind with every setting changed from its default reads back from its JSON unchanged.
void TestSpecJson::everyLayerKindHasOneRowAndRoundTrips()
{
    QCOMPARE(int(layerkind::all().size()), kLayerKindCount);
    QSet<QString> names;
    for (int i = 0; i < kLayerKindCount; ++i) {
        const LayerKind kind = LayerKind(i);
        const LayerKindInfo &info = layerkind::info(kind);
        QCOMPARE(int(info.kind), i);
        QVERIFY(!names.contains(QString::fromLatin1(info.name)));
        names.insert(QString::fromLatin1(info.name));
        QCOMPARE(layerkind::fromName(layerkind::name(kind)), std::optional<LayerKind>(kind));
        QVERIFY(!layerkind::description(kind).isEmpty());
        LayerSpec l = LayerSpec::simple(kind);
        l.id = QStringLiteral("x1");
        for (const LayerParam &p : info.params) {
            switch (p.type) {
            case LayerParam::Type::Int:
                l.*p.intValue = p.number->defaultInt() + 1;
                break;
            case LayerParam::Type::Double:
                l.*p.doubleValue = (p.number->fallback + p.number->max) / 2;
                break;
            case LayerParam::Type::IntList:
                l.*p.listValue = {3, 5};
                break;
            case LayerParam::Type::Bool:
                l.*p.boolValue = !p.fallback;
                break;
            case LayerParam::Type::UpsampleMode:
                l.mode = UpsampleMode::Bilinear;
                break;
            }
        }
        ExperimentSpec spec;
        spec.latentDim = 4;
        spec.generator.layers = {l};
        const specjson::ParseResult back = specjson::fromJson(specjson::toJson(spec));
        QVERIFY2(back.ok(), qPrintable(back.errors.join(QLatin1Char('\n'))));
        QVERIFY2(back.spec.generator.layers.front() == l, qPrintable(info.name));
    }
}

void TestSpecJson::everyLossKindHasOneRow()
{
    const int count = int(LossKind::Hinge) + 1;
    QCOMPARE(int(losskind::all().size()), count);
    for (int i = 0; i < count; ++i) {
        const LossKind kind = LossKind(i);
        QCOMPARE(int(losskind::info(kind).kind), i);
        QCOMPARE(specnames::lossFromName(specnames::loss(kind)), std::optional<LossKind>(kind));
        QVERIFY(!losskind::label(kind).isEmpty() && !losskind::note(kind).isEmpty());
        // A sigmoid loss reads probabilities; a critic needs D's raw scores.
        QVERIFY(!(losskind::info(kind).sigmoid && losskind::info(kind).rawScores));
        QVERIFY(!losskind::info(kind).critic || losskind::info(kind).rawScores);
    }
    QCOMPARE(specnames::lossNames().size(), count);
}

QTEST_GUILESS_MAIN(TestSpecJson)
#include "tst_specjson.moc"
