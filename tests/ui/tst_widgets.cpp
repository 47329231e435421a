#include "designer/layerpropertyeditor.h"
#include "designer/layerstackmodel.h"
#include "dashboard/sampleview.h"
#include "lab/lab2dview.h"
#include "settings/settingspanel.h"

#include "document/experimentdocument.h"
#include "spec/presets.h"
#include "spec/specjson.h"

#include <QAbstractItemModelTester>
#include <QDoubleSpinBox>
#include <QCheckBox>
#include <QSlider>

#include <qcustomplot.h>
#include <QSpinBox>
#include <QUndoStack>
#include <QtTest>

#include "testsupport.h"

// The designer's model and the editors against the document: the model announces every change
// in the order Qt's views rely on, and the editors show and keep every value a file may hold.
class TestWidgets : public QObject {
    Q_OBJECT
private slots:
    void layerModelStaysConsistentOverEveryEditAndUndo();
    void editorsKeepEveryValueAFileMayHold();
    void draggingASettingBackClearsModified();
    void scrubbedGridStaysWhenOldGridsAreThinned();
    void labViewDrawsTheFrame();
};


void TestWidgets::layerModelStaysConsistentOverEveryEditAndUndo()
{
    ExperimentDocument doc;
    LOAD_PRESET(preset, "dcgan-fashion");
    doc.reset(preset);
    const auto G = NetworkRole::Generator, D = NetworkRole::Discriminator;
    LayerStackModel gModel(&doc, G), dModel(&doc, D);
    // Fails the test at the first inconsistency: rows counted before a change is announced,
    // moved rows that do not arrive, data for rows that do not exist.
    QAbstractItemModelTester gTester(&gModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester dTester(&dModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto rowsMatch = [&] {
        return gModel.rowCount() == int(doc.spec().generator.layers.size()) + 1
            && dModel.rowCount() == int(doc.spec().discriminator.layers.size()) + 1;
    };

    doc.insertLayer(D, 2, doc.newLayer(D, 2, LayerKind::Dropout));
    doc.insertLayer(G, 0, doc.newLayer(G, 0, LayerKind::Linear));
    doc.duplicateLayer(G, doc.spec().generator.layers[5].id);
    doc.moveLayer(G, doc.spec().generator.layers[6].id, 9);
    doc.moveLayer(G, doc.spec().generator.layers[9].id, 1);
    doc.moveLayer(D, doc.spec().discriminator.layers[0].id, 1);
    doc.removeLayer(D, doc.spec().discriminator.layers[3].id);
    doc.removeLayer(G, doc.spec().generator.layers.back().id);
    LayerSpec changed = doc.spec().generator.layers[1];
    changed.outFeatures = 99;
    doc.changeLayer(G, changed, QStringLiteral("out"));
    doc.changeSettings(QStringLiteral("batch size"), [](ExperimentSpec &s) { s.batchSize = 32; });
    QVERIFY(rowsMatch());
    const int edits = doc.undoStack()->count();
    QCOMPARE(edits, 10);
    while (doc.undoStack()->canUndo()) {
        doc.undoStack()->undo();
        QVERIFY(rowsMatch());
    }
    while (doc.undoStack()->canRedo()) {
        doc.undoStack()->redo();
        QVERIFY(rowsMatch());
    }
    LOAD_PRESET(ring, "mlp-ring8");
    doc.reset(ring);
    QVERIFY(rowsMatch());
    QCOMPARE(gModel.data(gModel.index(0, LayerStackModel::LayerColumn), Qt::DisplayRole).toString(),
             LayerStackModel::summary(doc.spec().generator.layers[0]));
    QCOMPARE(gModel.headerData(0, Qt::Vertical, Qt::DisplayRole).toInt(), 1);
}

void TestWidgets::editorsKeepEveryValueAFileMayHold()
{
    // Values at the edges of what the file format allows, beyond what the editors used to.
    LOAD_PRESET(preset, "dcgan-fashion");
    ExperimentSpec spec = preset;
    LayerSpec &up = spec.generator.layers[4];  // ConvTranspose2d
    QCOMPARE(up.kind, LayerKind::ConvTranspose2d);
    up.stride = 64;
    up.padding = 64;
    up.outputPadding = 63;
    LayerSpec &norm = spec.generator.layers[5];  // BatchNorm2d
    QCOMPARE(norm.kind, LayerKind::BatchNorm2d);
    norm.eps = 1e-9;
    spec.seed = ExperimentSpec::kMaxSeed - 2;  // far above INT_MAX
    spec.data.kind = DataKind::ImageFolder;
    spec.data.path = QStringLiteral("/nonexistent/images");
    spec.data.imageSize = 1024;
    spec.optimizerG.lr = 5.0;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edges.json"));
    QCOMPARE(specjson::writeFile(spec, path), QString());

    ExperimentDocument doc;
    QCOMPARE(doc.open(path), QString());
    const QByteArray original = specjson::toBytes(doc.spec());
    SettingsPanel settings(&doc);
    LayerPropertyEditor upEditor(&doc), normEditor(&doc);
    upEditor.setLayer(NetworkRole::Generator, doc.spec().generator.layers[4].id);
    normEditor.setLayer(NetworkRole::Generator, doc.spec().generator.layers[5].id);

    auto spin = [](QWidget *in, const char *name) { return in->findChild<QSpinBox *>(QLatin1String(name)); };
    auto real = [](QWidget *in, const QString &name) { return in->findChild<QDoubleSpinBox *>(name); };
    QSpinBox *stride = spin(&upEditor, "stride"), *padding = spin(&upEditor, "padding");
    QSpinBox *outputPadding = spin(&upEditor, "output_padding"), *imageSize = spin(&settings, "image size");
    QDoubleSpinBox *eps = real(&normEditor, QStringLiteral("eps")), *seed = real(&settings, QStringLiteral("seed"));
    QDoubleSpinBox *lr = real(&settings, QStringLiteral("G learning rate"));
    QVERIFY(stride && padding && outputPadding && imageSize && eps && seed && lr);
    QCOMPARE(stride->value(), 64);
    QCOMPARE(padding->value(), 64);
    QCOMPARE(outputPadding->value(), 63);
    QCOMPARE(imageSize->value(), 1024);
    QCOMPARE(eps->value(), 1e-9);
    QCOMPARE(seed->value(), double(ExperimentSpec::kMaxSeed - 2));
    QCOMPARE(seed->text(), QLocale().toString(double(ExperimentSpec::kMaxSeed - 2), 'f', 0));
    QCOMPARE(lr->value(), 5.0);

    // Touching a field and putting it back leaves the file as it was, and unmodified.
    for (QAbstractSpinBox *box : std::initializer_list<QAbstractSpinBox *>{stride, padding, outputPadding, imageSize, eps, seed, lr}) {
        const int away = box->property("value").toDouble() >= box->property("maximum").toDouble() ? -1 : 1;
        box->stepBy(away);
        QVERIFY2(doc.isModified(), qPrintable(box->objectName()));
        box->stepBy(-away);
        QVERIFY2(!doc.isModified(), qPrintable(box->objectName()));
        QCOMPARE(specjson::toBytes(doc.spec()), original);
    }
    // The seed editor writes seeds above INT_MAX as they are.
    seed->setValue(double(std::uint64_t(1) << 40));
    QCOMPARE(doc.spec().seed, std::uint64_t(1) << 40);
    QCOMPARE(specjson::fromBytes(specjson::toBytes(doc.spec()), QStringLiteral("saved")).spec.seed, std::uint64_t(1) << 40);
}

void TestWidgets::draggingASettingBackClearsModified()
{
    ExperimentDocument doc;
    LOAD_PRESET(preset, "mlp-ring8");
    doc.reset(preset);
    QSignalSpy modified(&doc, &ExperimentDocument::modifiedChanged);
    const int saved = doc.spec().batchSize;
    for (int batch : {saved * 2, saved * 4, saved})  // a spin box dragged up and back
        doc.changeSettings(QStringLiteral("batch size"), [batch](ExperimentSpec &s) { s.batchSize = batch; });
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.undoStack()->count(), 0);  // nothing to undo: the drag cancelled out
    QCOMPARE(modified.count(), 2);          // modified, then clean again
    QCOMPARE(modified.last().first().toBool(), false);

    // A layer field likewise (this worked before; both now share one command).
    LayerSpec slope = doc.spec().discriminator.layers[1];
    const double start = slope.slope;
    for (double v : {start + 0.1, start}) {
        slope.slope = v;
        doc.changeLayer(NetworkRole::Discriminator, slope, QStringLiteral("slope"));
    }
    QVERIFY(!doc.isModified());
}

void TestWidgets::scrubbedGridStaysWhenOldGridsAreThinned()
{
    SampleView view;
    SampleBatch points;
    points.count = 1;
    points.points = {0.5f, -0.5f};
    auto fill = [&](int from, int count) {
        for (int i = from; i < from + count; ++i)
            view.addSamples(10 * (i + 1), points);
    };
    fill(0, SampleView::kMaxHistory);
    QCOMPARE(view.historySize(), SampleView::kMaxHistory);
    QCOMPARE(view.currentStep(), 10 * SampleView::kMaxHistory);  // follows the newest

    // Scrubbed to a grid that survives thinning (odd positions are kept): it stays shown.
    view.timeline()->setValue(101);
    QCOMPARE(view.currentStep(), 1020);
    fill(SampleView::kMaxHistory, 1);
    QCOMPARE(view.historySize(), SampleView::kMaxHistory / 2 + 2);  // the first, every odd one, the new one
    QCOMPARE(view.currentStep(), 1020);
    QCOMPARE(view.timeline()->value(), 51);
    QCOMPARE(view.timeline()->maximum(), view.historySize() - 1);

    // Scrubbed to one that is thinned away: its kept predecessor is shown, not a later grid.
    fill(SampleView::kMaxHistory + 1, SampleView::kMaxHistory - view.historySize());
    QCOMPARE(view.historySize(), SampleView::kMaxHistory);
    QCOMPARE(view.currentStep(), 1020);  // still where the user left it
    view.timeline()->setValue(100);
    const std::int64_t before = view.currentStep();
    fill(2 * SampleView::kMaxHistory, 1);
    QVERIFY2(view.currentStep() < before && view.currentStep() > 0, qPrintable(QString::number(view.currentStep())));
    QCOMPARE(view.timeline()->value(), 50);

    // At the right end it keeps following the newest.
    view.timeline()->setValue(view.timeline()->maximum());
    fill(3 * SampleView::kMaxHistory, 1);
    QCOMPARE(view.currentStep(), 10 * (3 * SampleView::kMaxHistory + 1));
}

void TestWidgets::labViewDrawsTheFrame()
{
    Lab2dView view;
    view.setRealPoints({-1.0f, 0.0f, 1.0f, 0.0f, 0.0f, 1.0f});
    const lab2d::Request r = view.request();
    QVERIFY(r.xMin < -1 && r.xMax > 1 && r.yMin < 0 && r.yMax > 1);  // a square around the data
    QCOMPARE(r.xMax - r.xMin, r.yMax - r.yMin);
    lab2d::Frame f;
    f.step = 12;
    f.request = r;
    f.request.cells = 4;
    f.probabilities = true;
    for (int i = 0; i < 16; ++i)
        f.heat.push_back(float(i) / 15);
    f.fakes = {0.1f, 0.2f, -0.3f, 0.4f};
    f.arrows = {0.1f, 0.2f, 1.0f, 0.0f};
    view.showFrame(f);
    QCOMPARE(view.shownStep(), std::int64_t(12));
    auto *map = qobject_cast<QCPColorMap *>(view.plot()->plottable(0));
    QVERIFY(map);
    // Cell (row i, column j) of the frame is drawn at its centre.
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j)
            QCOMPARE(map->data()->data(lab2d::cellX(f.request, j), lab2d::cellY(f.request, i)), double(f.heat[size_t(i * 4 + j)]));
    QCOMPARE(map->dataRange(), QCPRange(0, 1));
    // Trails: where each generated point was over the last frames, off until asked for.
    lab2d::Frame later = f;
    later.step = 13;
    later.fakes = {0.15f, 0.25f, -0.35f, 0.45f};
    view.showFrame(later);
    int trails = 0;
    for (int i = 0; i < view.plot()->plottableCount(); ++i)
        if (auto *curve = qobject_cast<QCPCurve *>(view.plot()->plottable(i)); curve && curve->dataCount() == 2) {
            ++trails;
            QVERIFY(!curve->visible());
        }
    QCOMPARE(trails, 2);  // one per generated point, each from frame 12 to frame 13
    view.findChild<QCheckBox *>(QStringLiteral("showTrails"))->setChecked(true);
    for (int i = 0; i < view.plot()->plottableCount(); ++i)
        if (auto *curve = qobject_cast<QCPCurve *>(view.plot()->plottable(i)); curve && curve->dataCount() == 2)
            QVERIFY(curve->visible());
    // Scrubbing back: the newest frame at or before the step, held while new frames arrive.
    lab2d::Frame newest = later;
    newest.step = 30;
    view.showFrame(newest);
    QCOMPARE(view.shownStep(), std::int64_t(30));
    view.showStep(20);
    QCOMPARE(view.shownStep(), std::int64_t(13));
    newest.step = 40;
    view.showFrame(newest);
    QCOMPARE(view.shownStep(), std::int64_t(13));  // still where the user scrubbed to
    QCOMPARE(view.historySize(), 4);
    view.followLatest();
    QCOMPARE(view.shownStep(), std::int64_t(40));
    view.showStep(5);  // before every kept frame: nothing changes
    QCOMPARE(view.shownStep(), std::int64_t(40));
    // Toggling a layer hides it.
    auto *heat = view.findChild<QCheckBox *>(QStringLiteral("showHeat"));
    QVERIFY(heat && map->visible());
    heat->setChecked(false);
    QVERIFY(!map->visible());
}

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
