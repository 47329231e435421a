#include "designer/layerpropertyeditor.h"
#include "designer/layerstackmodel.h"
#include "dashboard/sampleview.h"
#include "lab/lab2dview.h"
#include "slowmotion/modeldiagram.h"
#include "slowmotion/slowmotionpanel.h"
#include "widgets/lossformulas.h"
#include "quality/qualityplot.h"
#include "settings/settingspanel.h"

#include "document/experimentdocument.h"
#include "data/synthetic2d.h"
#include "spec/presets.h"
#include "spec/specjson.h"

#include <QAbstractItemModelTester>
#include <QDoubleSpinBox>
#include <QCheckBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>

#include <qcustomplot.h>
#include <QSpinBox>
#include <QStandardPaths>
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
    void labViewFollowsThePoints();
    void formulasWriteEachLossAndRegulariser_data();
    void formulasWriteEachLossAndRegulariser();
    void slowMotionNarratesEverySubstep();
    void qualityPlotKeepsRestoredAndMarksSkipped();
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

// The lab's view: unlocked it contains every generated point (at the end of lesson-saturating
// they sat near (-0.4, -3.2), outside a view fitted to the ring); locked (or zoomed by the
// person) it stays, and the points outside it are marked and counted. A critic's raw scores
// are coloured over their own range on the view, whatever their offset.
void TestWidgets::labViewFollowsThePoints()
{
    Lab2dView view;
    const std::shared_ptr<const Dataset> ring = synthetic2d::generate(Synthetic2DKind::Ring8, 400, 3);
    view.setRealPoints(ring->points);
    QVERIFY(!view.isLocked());
    QSignalSpy moved(&view, &Lab2dView::viewChanged);
    lab2d::Frame f;
    f.step = 10;
    f.request = view.request();
    f.request.cells = 4;
    for (int i = 0; i < 16; ++i)
        f.heat.push_back(100.0f + float(i) / 4);  // raw scores far from 0: 100 to 103.75
    f.fakes = {0.9f, 0.1f, -0.4f, -3.2f, 0.0f, 1.0f, -0.7f, 0.7f};
    view.showFrame(f);
    const QCPRange x = view.plot()->xAxis->range(), y = view.plot()->yAxis->range();
    for (size_t i = 0; i + 1 < f.fakes.size(); i += 2)
        QVERIFY2(x.contains(f.fakes[i]) && y.contains(f.fakes[i + 1]), qPrintable(QStringLiteral("point %1 off view").arg(i / 2)));
    QCOMPARE(view.offViewCount(), 0);
    QVERIFY(!moved.isEmpty());  // the next heatmap is of the new view
    QCOMPARE(view.request().yMin, y.lower);
    auto *map = qobject_cast<QCPColorMap *>(view.plot()->plottable(0));
    QCOMPARE(map->dataRange(), QCPRange(100, 103.75));

    // Locked on the ring: the far point is marked on the border and counted.
    view.setLocked(true);
    view.setView(-1.5, 1.5, -1.5, 1.5);
    QCOMPARE(view.offViewCount(), 1);
    const QString caption = view.findChild<QLabel *>(QStringLiteral("labCaption"))->text();
    QVERIFY2(caption.contains(QStringLiteral("1 generated point")), qPrintable(caption));
    lab2d::Frame next = f;
    next.step = 11;
    view.showFrame(next);
    QCOMPARE(view.plot()->xAxis->range(), QCPRange(-1.5, 1.5));  // locked: the view stays
    QCOMPARE(view.offViewCount(), 1);
    // Unlocked again: fitted at once.
    view.setLocked(false);
    QCOMPARE(view.offViewCount(), 0);
    QVERIFY(view.plot()->yAxis->range().contains(-3.2));
    // The points back on the ring: the view shrinks to them (it does not keep the far corner).
    lab2d::Frame back = f;
    back.step = 12;
    back.fakes = {0.9f, 0.1f, 0.0f, 1.0f};
    view.showFrame(back);
    QVERIFY(!view.plot()->yAxis->range().contains(-3.2));
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

// Each loss is written as the design documents write it, with the regularisers the experiment
// uses, and slow motion's numbers add up to the loss the step computed.
void TestWidgets::formulasWriteEachLossAndRegulariser_data()
{
    QTest::addColumn<int>("loss");
    QTest::addColumn<double>("r1");
    QTest::addColumn<double>("smoothing");
    QTest::addColumn<double>("noise");
    QTest::addColumn<QStringList>("expected");  // in the definition, in this order
    const QString Ez = QStringLiteral("E<sub><i>z</i></sub>"), Ex = QStringLiteral("E<sub><i>x</i></sub>");
    QTest::newRow("minimax") << int(LossKind::Minimax) << 0.0 << 0.0 << 0.0
                             << QStringList{Ex + "[log <i>D</i>(<i>x</i>)]", "<i>L</i><sub>G</sub> = " + Ez + "[log(1 − ", "saturates"};
    QTest::newRow("non-saturating + smoothing") << int(LossKind::NonSaturating) << 0.0 << 0.1 << 0.0
                                                << QStringList{"[0.9·log <i>D</i>(<i>x</i>) + 0.1·log(1 − ",
                                                               "<i>L</i><sub>G</sub> = −" + Ez + "[log <i>D</i>(<i>G</i>(<i>z</i>))]"};
    QTest::newRow("least squares") << int(LossKind::LeastSquares) << 0.0 << 0.0 << 0.0
                                   << QStringList{"½" + Ex + "[(<i>D</i>(<i>x</i>) − 1)²]", "½" + Ez + "[(<i>D</i>(<i>G</i>(<i>z</i>)) − 1)²]"};
    QTest::newRow("wasserstein (clipping)") << int(LossKind::Wasserstein) << 0.0 << 0.0 << 0.0
                                            << QStringList{"−" + Ex + "[<i>D</i>(<i>x</i>)]", "clip(<i>w</i>, −0.01, 0.01)"};
    QTest::newRow("wasserstein-gp + instance noise") << int(LossKind::WassersteinGP) << 0.0 << 0.0 << 0.3
                                                      << QStringList{"10·E<sub><i>x̂</i></sub>[(‖∇<i>D</i>(<i>x̂</i>)‖ − 1)²]",
                                                                     "instance noise", "<i>x̂</i> = <i>εx</i>"};
    QTest::newRow("hinge + R1") << int(LossKind::Hinge) << 0.5 << 0.0 << 0.0
                                << QStringList{Ex + "[max(0, 1 − <i>D</i>(<i>x</i>))]", Ez + "[max(0, 1 + ",
                                               "(0.5/2)·" + Ex + "[‖∇<i>D</i>(<i>x</i>)‖²]"};
}

void TestWidgets::formulasWriteEachLossAndRegulariser()
{
    QFETCH(int, loss);
    QFETCH(double, r1);
    QFETCH(double, smoothing);
    QFETCH(double, noise);
    QFETCH(QStringList, expected);
    LossSpec l;
    l.kind = LossKind(loss);
    l.r1Gamma = r1;
    l.labelSmoothing = smoothing;
    l.instanceNoise = noise;
    const QString text = LossFormulas::definition(l);
    int at = 0;
    for (const QString &piece : expected) {
        const int found = text.indexOf(piece, at);
        QVERIFY2(found >= 0, qPrintable(QStringLiteral("\"%1\" not after %2 in %3").arg(piece).arg(at).arg(text)));
        at = found + int(piece.size());
    }
    QVERIFY(!LossFormulas::note(l.kind).isEmpty());
    // Slow motion: the parts as computed, then the total.
    SubstepReport r;
    r.loss = l;
    r.lossReal = 0.25f;
    r.lossFake = -0.5f;
    r.penalty = 0.125f;
    r.lossD = r.lossReal + r.lossFake + (l.kind == LossKind::WassersteinGP || r1 > 0 ? r.penalty : 0.f);
    const QString numbers = LossFormulas::discriminatorWithNumbers(r);
    const QString sum = l.kind == LossKind::WassersteinGP || r1 > 0 ? QStringLiteral("0.25</span><span style=\"color:#d46a00\"> − 0.5</span><span style=\"color:#7b3fa0\"> + 0.125</span> = <b>%1</b>")
                                                                     : QStringLiteral("0.25</span><span style=\"color:#d46a00\"> − 0.5</span> = <b>%1</b>");
    QVERIFY2(numbers.contains(sum.arg(LossFormulas::number(r.lossD))), qPrintable(numbers));
}

// Every substep has its heading, its sentence with the step's figures and its part of the diagram.
void TestWidgets::slowMotionNarratesEverySubstep()
{
    SubstepReport r;
    r.step = 12;
    r.batchSize = 64;
    r.z = {0.5f, -1.25f};
    r.real.count = r.fake.count = 2;
    r.real.points = r.fake.points = {0, 0, 1, 1};
    r.meanReal = 0.75f;
    r.meanFake = 0.125f;
    r.lossD = 1.5f;
    r.gradNormD = 2.5f;
    r.updateNormD = 0.01f;
    r.weightNormD = 4;
    r.lossG = 0.875f;
    r.gradNormG = 0.375f;
    r.meanFakeAfter = 0.25f;
    r.updateNormG = 0.02f;
    r.weightNormG = 8;
    const QStringList figures{"−1.25", "64", "0.125", "1.5", "0.01", "0.875", "0.02"};
    SlowMotionPanel panel;
    // At rest it shows the experiment's losses, large: the formulas for the back of the room.
    LossSpec hinge;
    hinge.kind = LossKind::Hinge;
    panel.setLoss(hinge);
    QCOMPARE(panel.formulaText(), LossFormulas::definition(hinge));
    int lit = 0;
    for (int s = 1; s <= kSubstepCount; ++s) {
        r.substep = Substep(s);
        r.complete = s == kSubstepCount;
        panel.showReport(r);
        QVERIFY(!SlowMotionPanel::heading(r.substep).isEmpty());
        QVERIFY2(panel.narration().contains(figures[s - 1]), qPrintable(QStringLiteral("substep %1: %2").arg(s).arg(panel.narration())));
        QCOMPARE(panel.diagram()->substep(), s);
        QVERIFY(ModelDiagram::parts(s) != 0);
        lit |= ModelDiagram::parts(s);
        QCOMPARE(panel.formulaText().contains(LossFormulas::number(r.lossD)), s >= int(Substep::DiscriminatorLoss));
    }
    QCOMPARE(lit, ModelDiagram::Noise | ModelDiagram::Data | ModelDiagram::Generator | ModelDiagram::Fakes | ModelDiagram::Discriminator
                      | ModelDiagram::LossD | ModelDiagram::LossG | ModelDiagram::FeedD | ModelDiagram::FeedG);
    QVERIFY(panel.narration().contains(QStringLiteral("Step 12 is complete")));
    panel.clear();  // a new run
    QCOMPARE(panel.formulaText(), LossFormulas::definition(hinge));
}

QTEST_MAIN(TestWidgets)
// The quality plot: a resumed run's measures come first and stay; a due measurement that was
// not taken (the measures rested, or a newer copy won) is marked, and said.
void TestWidgets::qualityPlotKeepsRestoredAndMarksSkipped()
{
    QStandardPaths::setTestModeEnabled(true);  // the interval is remembered: not in the person's settings
    QualityPlot plot;
    plot.setInterval(100);
    auto record = [](qint64 step, double fd) {
        QualityRecord r;
        r.step = step;
        r.fd = fd;
        return r;
    };
    plot.restoreMeasurements({record(100, 50), record(200, 40)});
    QCOMPARE(int(plot.records().size()), 2);
    QVERIFY(plot.skipped().empty());
    plot.addMeasurement(record(200, 39), 1.0);  // the checkpoint had it: not twice
    QCOMPARE(int(plot.records().size()), 2);
    plot.addMeasurement(record(530, 30), 1.0);  // 300 and 400 were due
    QCOMPARE(int(plot.records().size()), 3);
    QCOMPARE(plot.skipped(), (std::vector<qint64>{300, 400}));
    QCOMPARE(plot.plot()->graph(4)->dataCount(), 2);  // the marks on the step axis
    EvalClassifier::Info info;
    info.randomFeatures = true;
    plot.setNetwork(info);
    const QString network = plot.findChild<QLabel *>(QStringLiteral("qualityNetwork"))->text();
    QVERIFY2(network.contains(QStringLiteral("2 measurement")), qPrintable(network));
    QVERIFY2(network.contains(QStringLiteral("2 due measurement")), qPrintable(network));
    QVERIFY2(network.contains(QStringLiteral("Next at step ~600")), qPrintable(network));
    plot.clear();
    QVERIFY(plot.records().empty() && plot.skipped().empty());
    QCOMPARE(plot.plot()->graph(4)->dataCount(), 0);
}

#include "tst_widgets.moc"
