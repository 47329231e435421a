#include "document/experimentdocument.h"
#include "document/recovery.h"

#include "spec/presets.h"
#include "spec/specjson.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include "testsupport.h"

class TestDocument : public QObject {
    Q_OBJECT
private slots:
    void editsUndoBackToTheOriginalJson();
    void parameterDragsMergeIntoOneStep();
    void newLayersFitWhatArrives();
    void layerIdsSurviveReordering();
    void saveAndOpenRoundTrip();
    void problemsNameTheLayer();
    void directionsAreUndoSteps();
    void autosavesSurviveAKill();
};


void TestDocument::editsUndoBackToTheOriginalJson()
{
    ExperimentDocument doc;
    LOAD_PRESET(preset, "dcgan-fashion");
    doc.reset(preset);
    const QByteArray original = specjson::toBytes(doc.spec());
    QVERIFY(!doc.isModified());
    QSignalSpy modified(&doc, &ExperimentDocument::modifiedChanged);

    const auto G = NetworkRole::Generator, D = NetworkRole::Discriminator;
    doc.insertLayer(D, 2, doc.newLayer(D, 2, LayerKind::Dropout));
    QCOMPARE(doc.spec().discriminator.layers[2].kind, LayerKind::Dropout);
    QVERIFY(doc.isModified());
    QCOMPARE(modified.count(), 1);
    doc.duplicateLayer(G, doc.spec().generator.layers[5].id);  // the BatchNorm2d
    QCOMPARE(doc.spec().generator.layers.size(), size_t(10));
    QCOMPARE(doc.spec().generator.layers[6].kind, LayerKind::BatchNorm2d);
    QVERIFY(doc.spec().generator.layers[6].id != doc.spec().generator.layers[5].id);
    doc.moveLayer(G, doc.spec().generator.layers[6].id, 8);
    QCOMPARE(doc.spec().generator.layers[8].kind, LayerKind::BatchNorm2d);
    doc.removeLayer(D, doc.spec().discriminator.layers[0].id);
    QCOMPARE(doc.spec().discriminator.layers[0].kind, LayerKind::LeakyReLU);
    LayerSpec linear = doc.spec().generator.layers[0];
    linear.outFeatures = 7 * 7 * 64;
    doc.changeLayer(G, linear, QStringLiteral("out"));
    doc.changeSettings(QStringLiteral("G learning rate"), [](ExperimentSpec &s) { s.optimizerG.lr = 1e-3; });
    doc.changeSettings(QStringLiteral("loss"), [](ExperimentSpec &s) { s.loss.kind = LossKind::Hinge; });
    const QByteArray edited = specjson::toBytes(doc.spec());
    QVERIFY(edited != original);
    QCOMPARE(doc.undoStack()->count(), 7);

    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QCOMPARE(specjson::toBytes(doc.spec()), original);
    QVERIFY(!doc.isModified());
    while (doc.undoStack()->canRedo())
        doc.undoStack()->redo();
    QCOMPARE(specjson::toBytes(doc.spec()), edited);
    // Settings commands leave the stacks alone and the other way round.
    QCOMPARE(doc.spec().optimizerG.lr, 1e-3);
    QCOMPARE(doc.spec().generator.layers[0].outFeatures, 7 * 7 * 64);
}

void TestDocument::parameterDragsMergeIntoOneStep()
{
    ExperimentDocument doc;
    LOAD_PRESET(preset, "mlp-ring8");
    doc.reset(preset);
    const auto D = NetworkRole::Discriminator;
    LayerSpec layer = doc.spec().discriminator.layers[1];  // LeakyReLU 0.2
    for (int i = 1; i <= 20; ++i) {  // a spin box held down
        layer.slope = 0.2 + 0.01 * i;
        doc.changeLayer(D, layer, QStringLiteral("slope"));
    }
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.spec().discriminator.layers[1].slope, 0.4);
    LayerSpec other = doc.spec().discriminator.layers[3];
    other.slope = 0.1;
    doc.changeLayer(D, other, QStringLiteral("slope"));  // another layer: its own step
    QCOMPARE(doc.undoStack()->count(), 2);
    for (int batch : {128, 256, 512})
        doc.changeSettings(QStringLiteral("batch size"), [batch](ExperimentSpec &s) { s.batchSize = batch; });
    QCOMPARE(doc.undoStack()->count(), 3);
    doc.undoStack()->undo();
    QCOMPARE(doc.spec().batchSize, 256);  // the preset's value, before the whole drag
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(doc.spec().discriminator.layers[1].slope, 0.2);
    // A no-op edit pushes nothing.
    doc.changeSettings(QStringLiteral("batch size"), [](ExperimentSpec &s) { s.batchSize = 256; });
    QCOMPARE(doc.undoStack()->index(), 0);
}

void TestDocument::newLayersFitWhatArrives()
{
    ExperimentDocument doc;
    LOAD_PRESET(preset, "dcgan-fashion");
    doc.reset(preset);
    const auto D = NetworkRole::Discriminator;
    // After Flatten (index 5) the discriminator carries 6272 features.
    const LayerSpec linear = doc.newLayer(D, 6, LayerKind::Linear);
    QCOMPARE(linear.inFeatures, 6272);
    const LayerSpec conv = doc.newLayer(D, 2, LayerKind::Conv2d);
    QCOMPARE(conv.inChannels, 64);
    QCOMPARE(doc.newLayer(D, 3, LayerKind::BatchNorm2d).numFeatures, 128);
    // Inserting a shape-keeping layer anywhere keeps the experiment valid.
    doc.insertLayer(D, 2, doc.newLayer(D, 2, LayerKind::Conv2d));
    doc.insertLayer(D, 3, doc.newLayer(D, 3, LayerKind::BatchNorm2d));
    QVERIFY2(doc.problems().isEmpty(), qPrintable(doc.problems().join(QLatin1Char('\n'))));
}

void TestDocument::layerIdsSurviveReordering()
{
    ExperimentDocument doc;
    LOAD_PRESET(preset, "mlp-ring8");
    doc.reset(preset);
    const auto G = NetworkRole::Generator;
    const QString id = doc.spec().generator.layers[2].id;
    doc.moveLayer(G, id, 0);
    LayerSpec moved = doc.spec().generator.layers[0];
    QCOMPARE(moved.id, id);
    moved.outFeatures = 32;
    doc.changeLayer(G, moved, QStringLiteral("out"));
    doc.moveLayer(G, id, 4);
    doc.undoStack()->undo();  // the move back
    doc.undoStack()->undo();  // the change finds its layer by id, wherever it is
    QCOMPARE(doc.spec().generator.layers[0].outFeatures, 64);
    doc.undoStack()->undo();
    QCOMPARE(doc.spec().generator.layers[2].id, id);
}

void TestDocument::saveAndOpenRoundTrip()
{
    QTemporaryDir dir;
    ExperimentDocument doc;
    LOAD_PRESET(preset, "hinge-sn-fashion");
    doc.reset(preset);
    doc.changeSettings(QStringLiteral("seed"), [](ExperimentSpec &s) { s.seed = 77; });
    QVERIFY(doc.isModified());
    const QString path = dir.filePath(QStringLiteral("mine.json"));
    QCOMPARE(doc.saveAs(path), QString());
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.filePath(), path);
    ExperimentDocument other;
    QCOMPARE(other.open(path), QString());
    QVERIFY(other.spec() == doc.spec());
    QCOMPARE(other.spec().seed, std::uint64_t(77));

    // A damaged file is refused with a message naming it; the open document stays as it was.
    QFile bad(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\"format\": \"gan-playground-experiment\", \"version\": \"1.0\", \"generator\": ");
    bad.close();
    const QString error = other.open(bad.fileName());
    QVERIFY(error.contains(QStringLiteral("bad.json")));
    QCOMPARE(other.filePath(), path);
    QCOMPARE(other.spec().seed, std::uint64_t(77));
    // An unwritable place: a message, and the document keeps its path and its changes.
    other.changeSettings(QStringLiteral("seed"), [](ExperimentSpec &s) { s.seed = 78; });
    QVERIFY(!other.saveAs(dir.filePath(QStringLiteral("no/such/folder/x.json"))).isEmpty());
    QVERIFY(other.isModified());
    QCOMPARE(other.filePath(), path);
}

void TestDocument::problemsNameTheLayer()
{
    ExperimentDocument doc;
    LOAD_PRESET(preset, "dcgan-fashion");
    doc.reset(preset);
    QVERIFY(doc.problems().isEmpty());
    LayerSpec conv = doc.spec().generator.layers[4];
    conv.inChannels = 64;
    doc.changeLayer(NetworkRole::Generator, conv, QStringLiteral("in"));
    QVERIFY(!doc.problems().isEmpty());
    QVERIFY2(doc.problems().first().contains(QStringLiteral("generator layer 5 (ConvTranspose2d)")), qPrintable(doc.problems().first()));
    QVERIFY(!doc.analysis().generator.layers[4].problems.isEmpty());
    doc.undoStack()->undo();
    QVERIFY(doc.problems().isEmpty());
}

void TestDocument::directionsAreUndoSteps()
{
    ExperimentDocument doc;
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("mlp-ring8"), &spec), QString());
    doc.reset(spec);
    std::vector<float> v(size_t(spec.latentDim), 0.0f);
    v[0] = 1;
    doc.saveDirection({QStringLiteral("first"), QStringLiteral("sefa"), v});
    doc.saveDirection({QStringLiteral("second"), QStringLiteral("pca"), v});
    QCOMPARE(int(doc.spec().directions.size()), 2);
    QCOMPARE(doc.undoStack()->count(), 2);  // two saves, two steps (they do not merge)
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("save direction \"second\""));
    doc.removeDirection(0);
    QCOMPARE(doc.spec().directions.front().name, QStringLiteral("second"));
    doc.undoStack()->undo();
    QCOMPARE(doc.spec().directions.front().name, QStringLiteral("first"));
    doc.removeDirection(7);  // not there: nothing happens
    QCOMPARE(doc.undoStack()->count(), 3);
    QVERIFY(doc.isModified());
}

// A session's autosaves stay when its process is killed, and only then are they offered:
// the session runs in a child process that is killed with SIGKILL after autosaving.
void TestDocument::autosavesSurviveAKill()
{
    QTemporaryDir root;
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("mlp-ring8"), &spec), QString());
    spec.name = QStringLiteral("edited ring");
    const pid_t child = fork();
    if (child == 0) {
        RecoverySession session(root.path());
        session.saveExperiment(spec, QStringLiteral("/home/someone/ring.json"));
        QFile run(session.checkpointPath());
        if (run.open(QIODevice::WriteOnly))
            run.write("a checkpoint");
        run.close();
        session.noteCheckpoint(1234);
        raise(SIGKILL);  // no destructor runs
        _exit(0);
    }
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

    // A live session beside it is neither offered nor touched.
    RecoverySession live(root.path());
    QVERIFY(live.isActive());
    QCOMPARE(live.saveExperiment(spec, QString()), QString());
    // A session that ended cleanly leaves nothing.
    { RecoverySession clean(root.path()); QCOMPARE(clean.saveExperiment(spec, QString()), QString()); }

    const std::vector<RecoverySession::Crashed> crashed = RecoverySession::crashed(root.path());
    QCOMPARE(int(crashed.size()), 1);
    const RecoverySession::Crashed &c = crashed.front();
    QCOMPARE(c.name, QStringLiteral("edited ring"));
    QCOMPARE(c.originalPath, QStringLiteral("/home/someone/ring.json"));
    QCOMPARE(c.step, std::int64_t(1234));
    QVERIFY(QFile::exists(c.checkpointFile));
    QVERIFY(c.lastSaved.isValid() && c.lastSaved.secsTo(QDateTime::currentDateTimeUtc()) < 60);
    const specjson::ParseResult back = specjson::fromFile(c.experimentFile);
    QVERIFY2(back.ok(), qPrintable(back.errors.join(QLatin1Char('\n'))));
    QCOMPARE(back.spec, spec);
    // Asked again (a second window starting), the same session is offered again until it is
    // dealt with; then it is gone, and the live session's folder is still there.
    QCOMPARE(int(RecoverySession::crashed(root.path()).size()), 1);
    RecoverySession::discard(c);
    QVERIFY(RecoverySession::crashed(root.path()).empty());
    QVERIFY(QFileInfo::exists(live.folder()));
    QCOMPARE(QDir(root.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
}

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
