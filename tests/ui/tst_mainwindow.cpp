// The window as a person uses it to design: presets, the designer with undo, problems on their
// layer, save and open, and Start kept off while the experiment is invalid.
#include "designer/designerwidget.h"
#include "i18n/language.h"
#include "explorer/latentexplorer.h"
#include "designer/layerpropertyeditor.h"
#include "designer/layerstackeditor.h"
#include "designer/layerstackmodel.h"
#include "window/mainwindow.h"
#include "help/userguide.h"
#include "lab/lab2dview.h"
#include "lesson/lessonpanel.h"
#include "training/blasprobe.h"
#include "window/presentationmode.h"
#include "window/scriptexport.h"
#include "dashboard/sampleview.h"
#include "settings/settingspanel.h"
#include "dashboard/trainingplots.h"
#include "widgets/palettecolors.h"

#include "document/experimentdocument.h"
#include "spec/presets.h"
#include "spec/specjson.h"
#include "training/latentrenderer.h"
#include "training/trainer.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include "window/autosave.h"
#include "spec/specjson.h"
#include <QTemporaryDir>
#include <QLabel>
#include <QThread>
#include <QGroupBox>
#include <QHeaderView>
#include <QToolBar>
#include <QToolButton>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTextBrowser>
#include <QMessageBox>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QWheelEvent>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QLabel>
#include <QThread>
#include <QUndoStack>
#include <QProcess>
#include <QPushButton>
#include <QtTest>

#include "windowsupport.h"

#include <qcustomplot.h>

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void opensEveryPreset();
    void designerEditsUndoBackToTheOriginal();
    void autosavesTheUnsavedExperiment();
    void designerShowsProblemsOnTheirLayer();
    void saveAndOpenRoundTrip();
    void invalidExperimentDisablesStart();
    void presentationModeAndBack();
    void drawingDataIsUndoable();
    void aboutNamesTheVersionsAndTheBlas();
    void userGuideInBothLanguages();
    void languageSwitchesAtOnceAndIsRemembered();
    void followsTheSystemSwitchingToDark();
    void speedIsAChoiceThatIsRemembered();
    void deviceIsAChoiceOfThisBuild();
    void wheelScrollsTheSettingsNotTheirValues();
    void threadsFollowTheWindowAndAreShown();
    void lessonsOfferTheirNextStep();
    void exportsThePyTorchScriptWithTheRunsWeights();
};

using namespace windowsupport;
namespace {
using State = TrainingController::State;
}

void TestMainWindow::initTestCase()
{
    isolateSettings(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::opensEveryPreset()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.windowTitle().startsWith(QStringLiteral("dcgan-fashion")));
    auto *generator = w.findChild<QTableView *>(QStringLiteral("generatorTable"));
    auto *discriminator = w.findChild<QTableView *>(QStringLiteral("discriminatorTable"));
    QVERIFY(generator && discriminator);
    QCOMPARE(generator->model()->rowCount(), 10);  // 9 generator layers + total
    QCOMPARE(cell(generator, 4, LayerStackModel::ShapeColumn), QStringLiteral("[64, 14, 14]"));
    QCOMPARE(cell(generator, 4, LayerStackModel::LayerColumn), QStringLiteral("ConvTranspose2d 128→64, k4 s2 p1, no bias"));
    // A narrow column cuts the name: its tip has all of it.
    QVERIFY(generator->model()->index(4, LayerStackModel::LayerColumn).data(Qt::ToolTipRole).toString().startsWith(
        QStringLiteral("ConvTranspose2d 128→64, k4 s2 p1, no bias\ninput ")));
    QCOMPARE(generator->model()->headerData(4, Qt::Vertical).toInt(), 5);  // numbered as problems name it
    QCOMPARE(discriminator->model()->rowCount(), 8);
    QCOMPARE(cell(discriminator, 7, LayerStackModel::ShapeColumn), QStringLiteral("[1]"));
    for (const QString &name : presets::names()) {
        QVERIFY(w.openPreset(name));
        QVERIFY2(w.document()->problems().isEmpty(), qPrintable(name));
        QVERIFY(child<QAction>(w, "startAction")->isEnabled());
    }
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    QCOMPARE(cell(generator, generator->model()->rowCount() - 1, LayerStackModel::ShapeColumn), QStringLiteral("[2]"));
    QVERIFY(!w.openPreset(QStringLiteral("no-such-preset")));
    QVERIFY(w.windowTitle().startsWith(QStringLiteral("mlp-ring8")));
}

void TestMainWindow::designerEditsUndoBackToTheOriginal()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    const QByteArray original = specjson::toBytes(w.experiment());
    LayerStackEditor *d = child<DesignerWidget>(w)->editor(NetworkRole::Discriminator);
    QTableView *view = d->view();

    // Add a Dropout below the first LeakyReLU, as the Add menu does.
    d->selectLayer(w.experiment().discriminator.layers[1].id);
    d->addLayer(LayerKind::Dropout);
    QCOMPARE(w.experiment().discriminator.layers[2].kind, LayerKind::Dropout);
    QCOMPARE(d->selectedId(), w.experiment().discriminator.layers[2].id);  // the new layer is selected
    QVERIFY(w.isWindowModified());  // the dirty marker in the title
    // Keys: Alt+Down moves it, Ctrl+D duplicates it, Delete removes the copy.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(w.experiment().discriminator.layers[3].kind, LayerKind::Dropout);
    QTest::keyClick(view, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(w.experiment().discriminator.layers.size(), size_t(9));
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(w.experiment().discriminator.layers.size(), size_t(8));

    // The property editor: drag the dropout probability through several values: one undo step.
    d->selectLayer(w.experiment().discriminator.layers[3].id);
    QCOMPARE(child<DesignerWidget>(w)->properties()->layerId(), d->selectedId());
    auto *p = child<DesignerWidget>(w)->properties()->findChild<QDoubleSpinBox *>(QStringLiteral("p"));
    QVERIFY(p);
    const int before = w.document()->undoStack()->count();
    for (int i = 0; i < 5; ++i)
        p->stepUp();
    QCOMPARE(w.experiment().discriminator.layers[3].p, 0.3 + 5 * 0.05);
    QCOMPARE(w.document()->undoStack()->count(), before + 1);

    // Drag and drop reorders through the model: move the Dropout to the top.
    LayerStackModel *model = d->model();
    QMimeData *mime = model->mimeData({model->index(3, 0)});
    model->dropMimeData(mime, Qt::MoveAction, 0, 0, QModelIndex());
    delete mime;
    QCOMPARE(w.experiment().discriminator.layers[0].kind, LayerKind::Dropout);

    // A settings edit in the other tab is on the same undo stack.
    auto *batch = child<SettingsPanel>(w)->findChild<QSpinBox *>(QStringLiteral("batch size"));
    QVERIFY(batch);
    batch->setValue(128);
    QCOMPARE(w.experiment().batchSize, 128);

    // Ctrl+Z until nothing is left: back to the preset, byte for byte, and clean.
    while (w.document()->undoStack()->canUndo())
        QTest::keySequence(&w, QKeySequence::Undo);
    QCOMPARE(specjson::toBytes(w.experiment()), original);
    QVERIFY(!w.isWindowModified());
    QCOMPARE(batch->value(), 64);
    QTest::keySequence(&w, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    QCOMPARE(w.experiment().discriminator.layers[2].kind, LayerKind::Dropout);
}

void TestMainWindow::designerShowsProblemsOnTheirLayer()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    LayerStackEditor *g = child<DesignerWidget>(w)->editor(NetworkRole::Generator);
    g->selectLayer(w.experiment().generator.layers[4].id);  // ConvTranspose2d 128 -> 64
    auto *in = child<DesignerWidget>(w)->properties()->findChild<QSpinBox *>(QStringLiteral("in"));
    QVERIFY(in);
    in->setValue(64);
    QVERIFY(!child<QAction>(w, "startAction")->isEnabled());
    QVERIFY2(child<QAction>(w, "startAction")->toolTip().contains(QStringLiteral("generator layer 5 (ConvTranspose2d)")), qPrintable(child<QAction>(w, "startAction")->toolTip()));
    const QModelIndex bad = g->model()->index(4, 0);
    QVERIFY(bad.data(Qt::BackgroundRole).isValid());  // highlighted
    QVERIFY(bad.data(Qt::ToolTipRole).toString().contains(QStringLiteral("128")));
    QVERIFY(!g->model()->index(3, 0).data(Qt::BackgroundRole).isValid());
    auto *problems = child<DesignerWidget>(w)->findChild<QLabel *>(QStringLiteral("problems"));
    QVERIFY(problems->text().contains(QStringLiteral("generator layer 5 (ConvTranspose2d)")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QString dir = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    QVERIFY(w.grab().save(dir + QStringLiteral("/designer-problem.png")));
    trigger(w, "startAction");  // refused
    QCOMPARE(w.training()->state(), State::Idle);
    // "Fit to Input" repairs it in one click.
    auto *fit = child<DesignerWidget>(w)->properties()->findChild<QPushButton *>();
    QVERIFY(fit);
    fit->click();
    QCOMPARE(w.experiment().generator.layers[4].inChannels, 128);
    QVERIFY(child<QAction>(w, "startAction")->isEnabled());
    w.document()->undoStack()->setClean();
}

void TestMainWindow::saveAndOpenRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ring.json"));
    {
        MainWindow w;
        QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
        w.document()->changeSettings(QStringLiteral("seed"), [](ExperimentSpec &s) { s.seed = 42; });
        QVERIFY(w.document()->isModified());
        QVERIFY(w.saveAs(path));
        QVERIFY(!w.document()->isModified());
        QCOMPARE(w.windowTitle(), QStringLiteral("ring.json[*] - GAN Playground"));
        // Unsaved changes make opening another experiment ask; Cancel keeps everything.
        w.document()->changeSettings(QStringLiteral("seed"), [](ExperimentSpec &s) { s.seed = 43; });
        answerNextQuestion(QMessageBox::Cancel);
        QVERIFY(!w.openPreset(QStringLiteral("dcgan-fashion")));
        QCOMPARE(w.experiment().seed, std::uint64_t(43));
        answerNextQuestion(QMessageBox::Discard);
        QVERIFY(w.openFile(path));
        QCOMPARE(w.experiment().seed, std::uint64_t(42));
    }
    MainWindow w;
    QVERIFY(w.openFile(path));
    // The settings tab shows the opened experiment and a preview of its real data.
    auto *tabs = w.findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentIndex(1);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(child<SettingsPanel>(w)->findChild<QDoubleSpinBox *>(QStringLiteral("seed"))->value(), 42.0);
    QTRY_VERIFY_WITH_TIMEOUT(!child<SettingsPanel>(w)->preview()->pixmap().isNull(), 10000);
    const QString shots = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    QVERIFY(w.grab().save(shots + QStringLiteral("/settings-ring8.png")));
    ExperimentSpec expected;
    QCOMPARE(presets::load(QStringLiteral("mlp-ring8"), &expected), QString());
    expected.seed = 42;
    QVERIFY(w.experiment() == expected);
    QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0), QFileInfo(path).absoluteFilePath());
}

void TestMainWindow::invalidExperimentDisablesStart()
{
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &spec), QString());
    spec.generator.layers[4].inChannels = 64;  // ConvTranspose2d now expects 64 channels but gets 128
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QCOMPARE(specjson::writeFile(spec, path), QString());
    MainWindow w;
    QVERIFY(w.openFile(path));
    QVERIFY(!child<QAction>(w, "startAction")->isEnabled());
    QVERIFY2(child<QAction>(w, "startAction")->toolTip().contains(QStringLiteral("generator layer 5 (ConvTranspose2d)")),
             qPrintable(child<QAction>(w, "startAction")->toolTip()));
    trigger(w, "startAction");  // refused
    QCOMPARE(w.training()->state(), State::Idle);
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    QVERIFY(child<QAction>(w, "startAction")->isEnabled());
}

void TestMainWindow::presentationModeAndBack()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    w.show();
    auto *designer = w.findChild<QDockWidget *>(QStringLiteral("experimentDock"));
    auto *explorer = w.findChild<QDockWidget *>(QStringLiteral("latentDock"));
    QVERIFY(designer && explorer && designer->isVisible());
    const double normal = w.font().pointSizeF();
    QCustomPlot *loss = child<TrainingPlots>(w)->findChild<QCustomPlot *>();
    QVERIFY(loss);
    const double axisNormal = loss->xAxis->labelFont().pointSizeF();
    QAction *present = child<QAction>(w, "presentationAction");
    QCOMPARE(present->shortcut(), QKeySequence(Qt::Key_F11));
    present->trigger();
    QVERIFY(child<PresentationMode>(w)->isOn());
    QVERIFY(!designer->isVisible());
    QVERIFY(!explorer->isVisible());
    QCOMPARE(w.font().pointSizeF(), normal * PresentationMode::kScale);
    QVERIFY(loss->xAxis->labelFont().pointSizeF() > axisNormal * 1.5);  // the plots' own fonts grow too
    present->trigger();
    QVERIFY(!child<PresentationMode>(w)->isOn());
    QVERIFY(designer->isVisible());
    QCOMPARE(w.font().pointSizeF(), normal);
    QCOMPARE(loss->xAxis->labelFont().pointSizeF(), axisNormal);
}

void TestMainWindow::drawingDataIsUndoable()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    const QByteArray original = specjson::toBytes(w.experiment());
    Lab2dView *lab = w.findChild<Lab2dView *>();
    QVERIFY(lab);
    lab->setDrawing(true);
    // Two strokes: a dab and a drag.
    lab->beginStroke(0.5, 0.5);
    lab->endStroke();
    lab->beginStroke(-0.5, 0);
    for (int i = 1; i <= 4; ++i)
        lab->continueStroke(-0.5 + 0.1 * i, 0);
    lab->endStroke();
    QCOMPARE(w.experiment().data.kind, DataKind::Drawn2D);
    QCOMPARE(w.experiment().data.points.size(), size_t(2 * 5 * 6));  // 5 points per move, 6 moves
    for (size_t i = 0; i < 10; i += 2)  // the dab's points lie in its brush (radius 0.1)
        QVERIFY(std::hypot(w.experiment().data.points[i] - 0.5, w.experiment().data.points[i + 1] - 0.5) <= 0.1 + 1e-6);
    QVERIFY(w.experiment().isTwoDimensional());
    QVERIFY(w.document()->problems().isEmpty());  // a valid experiment: Start trains on the drawing
    // It saves and opens with the experiment.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("drawn.json"));
    QVERIFY(w.saveAs(path));
    QVERIFY(w.openFile(path));
    QCOMPARE(w.experiment().data.points.size(), size_t(60));
    // Each stroke is one undo step, erasing included; undo restores the file bytes.
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    lab->beginStroke(0.5, 0.5);
    lab->endStroke();
    const QByteArray afterDab = specjson::toBytes(w.experiment());
    auto *erase = lab->findChild<QCheckBox *>(QStringLiteral("erase"));
    QVERIFY(erase);
    erase->setChecked(true);
    lab->beginStroke(0.5, 0.5);  // the brush covers the whole dab
    lab->endStroke();
    QVERIFY(w.experiment().data.points.empty());
    QVERIFY2(w.document()->problems().join(QLatin1Char(' ')).contains(QStringLiteral("paint points in the 2D lab")),
             qPrintable(w.document()->problems().join(QLatin1Char(' '))));
    w.document()->undoStack()->undo();
    QCOMPARE(specjson::toBytes(w.experiment()), afterDab);
    w.document()->undoStack()->undo();
    QCOMPARE(specjson::toBytes(w.experiment()), original);
    w.document()->undoStack()->redo();
    QCOMPARE(specjson::toBytes(w.experiment()), afterDab);
}

// Help > About: the versions in use, and the BLAS with its speed and, when it is the slow
// reference BLAS, the warning with what to install.
void TestMainWindow::aboutNamesTheVersionsAndTheBlas()
{
    MainWindow w;
    const BlasProbe measured = probeBlas(1, 0.02);
    w.setBlasProbe(measured);
    QString text = w.aboutText();
    QVERIFY2(text.contains(QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()))), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("LibTorch 1.13")), qPrintable(text));
    // Built against Debian's libtorch-dev, the version is the package's (its headers say 1.13.0 for 1.13.1).
    QProcess dpkg;
    dpkg.start(QStringLiteral("dpkg-query"), {QStringLiteral("-W"), QStringLiteral("-f=${Version}"), QStringLiteral("libtorch-dev")});
    if (dpkg.waitForFinished() && dpkg.exitCode() == 0)
        QVERIFY2(text.contains(QStringLiteral("LibTorch %1 (package libtorch-dev)").arg(QString::fromLatin1(dpkg.readAllStandardOutput()))),
                 qPrintable(text));
    QVERIFY2(text.contains(measured.library.toHtmlEscaped()) && text.contains(QStringLiteral("GFLOP/s")), qPrintable(text));
    QCOMPARE(text.contains(QStringLiteral("libopenblas0-openmp")), !measured.warning().isEmpty());
    BlasProbe slow;
    slow.library = QStringLiteral("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3");
    slow.reference = true;
    slow.gflops = 3.0;
    w.setBlasProbe(slow);
    text = w.aboutText();
    QVERIFY2(text.contains(QStringLiteral("3.0 GFLOP/s")) && text.contains(QStringLiteral("apt-get install libopenblas0-openmp")),
             qPrintable(text));
}

// Help > User Guide opens beside the window, in the system's language, and switches between
// English and Simplified Chinese; its pictures load from the program itself.
void TestMainWindow::userGuideInBothLanguages()
{
    MainWindow w;
    w.show();
    auto *action = w.findChild<QAction *>(QStringLiteral("userGuideAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
    action->trigger();
    auto *guide = w.findChild<UserGuide *>();
    QVERIFY(guide && guide->isVisible() && !guide->isModal());
    QCOMPARE(guide->language(), language::current());
    QCOMPARE(language::forLocale(QLocale(QLocale::Chinese, QLocale::China)), QStringLiteral("zh_CN"));
    QCOMPARE(language::forLocale(QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::Taiwan)), QStringLiteral("en"));
    QCOMPARE(language::forLocale(QLocale(QLocale::German)), QStringLiteral("en"));
    guide->setLanguage(QStringLiteral("en"));
    QVERIFY(guide->browser()->toPlainText().contains(QStringLiteral("The generator G turns random noise")));
    QVERIFY(guide->browser()->toPlainText().contains(QStringLiteral("File > Export as PyTorch Script...")));
    guide->setLanguage(QStringLiteral("zh_CN"));
    const QString zh = guide->browser()->toPlainText();
    QVERIFY(zh.contains(QStringLiteral("文件 > 导出为 PyTorch 脚本...")));
    for (const QString &term : {QStringLiteral("生成器"), QStringLiteral("判别器"), QStringLiteral("损失"), QStringLiteral("潜在空间"),
                                QStringLiteral("模式崩溃")})
        QVERIFY2(zh.contains(term), qPrintable(term));
    // The pictures are of the window in the guide's language.
    const QString zhHtml = guide->browser()->toHtml();
    for (const QString &image : {QStringLiteral("slow-motion-ring8.png"), QStringLiteral("lesson-wgan-clip-vs-gp.png"),
                                 QStringLiteral("slow-motion-ring8-zh_CN.png"), QStringLiteral("lesson-wgan-clip-vs-gp-zh_CN.png")}) {
        const QVariant data = guide->browser()->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("qrc:/guide/") + image));
        QVERIFY2(!QImage::fromData(data.toByteArray()).isNull(), qPrintable(image));
        QCOMPARE(zhHtml.contains(image), image.contains(QStringLiteral("zh_CN")));
    }
}

namespace {

// Every text a person can read in a window: menus, actions and their tips, labels, buttons,
// group, dock and tool bar titles, tabs, combo items, spin box affixes, table headers, plot
// axes, legends and titles. Sorted: two windows built in different orders compare equal.
QStringList readableTexts(QWidget *window)
{
    QStringList out{window->windowTitle()};
    auto add = [&out](const QString &kind, const QString &text) {
        if (!text.isEmpty())
            out << kind + QLatin1Char(':') + text;
    };
    for (QAction *a : window->findChildren<QAction *>()) {
        add(QStringLiteral("action"), a->text());
        add(QStringLiteral("tip"), a->toolTip());
        add(QStringLiteral("status"), a->statusTip());
    }
    for (QWidget *w : window->findChildren<QWidget *>()) {
        add(QStringLiteral("tip"), w->toolTip());
        if (auto *menu = qobject_cast<QMenu *>(w))
            add(QStringLiteral("menu"), menu->title());
        else if (auto *label = qobject_cast<QLabel *>(w))
            add(QStringLiteral("label"), label->text());
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(QStringLiteral("button"), button->text());
        else if (auto *box = qobject_cast<QGroupBox *>(w))
            add(QStringLiteral("group"), box->title());
        else if (qobject_cast<QDockWidget *>(w) || qobject_cast<QToolBar *>(w))
            add(QStringLiteral("title"), w->windowTitle());
        else if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(QStringLiteral("tab"), tabs->tabText(i));
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                add(QStringLiteral("item"), combo->itemText(i));
        } else if (auto *spin = qobject_cast<QSpinBox *>(w)) {
            add(QStringLiteral("affix"), spin->prefix() + spin->suffix());
        } else if (auto *real = qobject_cast<QDoubleSpinBox *>(w)) {
            add(QStringLiteral("affix"), real->prefix() + real->suffix());
        } else if (auto *header = qobject_cast<QHeaderView *>(w); header && header->orientation() == Qt::Horizontal && header->model()) {
            for (int i = 0; i < header->count(); ++i)
                add(QStringLiteral("header"), header->model()->headerData(i, Qt::Horizontal).toString());
        } else if (auto *plot = qobject_cast<QCustomPlot *>(w)) {
            for (QCPAxisRect *rect : plot->axisRects())
                for (QCPAxis *axis : rect->axes())
                    add(QStringLiteral("axis"), axis->label());
            for (int i = 0; i < plot->plottableCount(); ++i)
                add(QStringLiteral("legend"), plot->plottable(i)->name());
            for (QCPLayoutElement *element : plot->plotLayout()->elements(true)) {
                if (auto *scale = qobject_cast<QCPColorScale *>(element))
                    add(QStringLiteral("axis"), scale->axis()->label());
                else if (auto *title = qobject_cast<QCPTextElement *>(element))
                    add(QStringLiteral("plot title"), title->text());
            }
        }
    }
    out.sort();
    return out;
}

// What one list has that the other does not, for the failure message.
QString difference(const QStringList &a, const QStringList &b)
{
    QStringList onlyA = a, onlyB = b;
    for (const QString &t : b)
        onlyA.removeOne(t);
    for (const QString &t : a)
        onlyB.removeOne(t);
    return QStringLiteral("only in the first: %1\nonly in the second: %2")
        .arg(onlyA.join(QStringLiteral(" | ")), onlyB.join(QStringLiteral(" | ")));
}

// A window on `path` with the broken layer selected, shown, its data preview loaded: the state
// both windows of the language test are compared in.
void prepare(MainWindow &w, const QString &path)
{
    QVERIFY(w.openFile(path));
    child<DesignerWidget>(w)->editor(NetworkRole::Generator)->selectLayer(w.experiment().generator.layers[4].id);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY_WITH_TIMEOUT(!child<SettingsPanel>(w)->preview()->pixmap().isNull(), 10000);
}

}  // namespace

// View > Language switches at once: every text of the window, the engine's problem sentences
// included, becomes what a window started in that language shows, and switching back gives the
// English window again. The choice is remembered for the next start.
void TestMainWindow::languageSwitchesAtOnceAndIsRemembered()
{
    QSettings().remove(QStringLiteral("language"));
    QVERIFY(language::apply(QStringLiteral("en")));
    QCOMPARE(MainWindow::startLanguage(), language::systemLanguage());
    // An experiment with a problem the designer puts in words: generator layer 5 gets 128 channels, expects 64.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    ExperimentSpec broken;
    QCOMPARE(presets::load(QStringLiteral("dcgan-fashion"), &broken), QString());
    broken.generator.layers[4].inChannels = 64;
    QCOMPARE(specjson::writeFile(broken, path), QString());

    MainWindow w;
    prepare(w, path);
    auto *problems = child<DesignerWidget>(w)->findChild<QLabel *>(QStringLiteral("problems"));
    QVERIFY2(problems->text().contains(QStringLiteral("generator layer 5 (ConvTranspose2d)")), qPrintable(problems->text()));
    const QStringList english = readableTexts(&w);
    QVERIFY(english.contains(QStringLiteral("menu:&File")));

    auto *menu = w.findChild<QMenu *>(QStringLiteral("languageMenu"));
    QVERIFY(menu);
    QStringList names;
    QAction *chinese = nullptr, *englishAction = nullptr;
    for (QAction *a : menu->actions()) {
        names << a->text();
        if (a->data().toString() == QLatin1String("zh_CN"))
            chinese = a;
        if (a->data().toString() == QLatin1String("en"))
            englishAction = a;
    }
    QCOMPARE(names.mid(1), QStringList({QStringLiteral("English"), QStringLiteral("简体中文")}));
    QVERIFY(menu->actions().first()->isChecked());  // follows the system until a choice is made
    QVERIFY(chinese && englishAction);
    chinese->trigger();
    QVERIFY(chinese->isChecked());
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("zh_CN"));
    QCOMPARE(MainWindow::startLanguage(), QStringLiteral("zh_CN"));
    QCOMPARE(language::current(), QStringLiteral("zh_CN"));
    // The change reaches the widgets as posted events; the settings rebuild and reload their preview.
    QTRY_VERIFY(readableTexts(&w).contains(QStringLiteral("menu:文件(&F)")));
    QTRY_VERIFY_WITH_TIMEOUT(!child<SettingsPanel>(w)->preview()->pixmap().isNull(), 10000);
    QVERIFY2(!problems->text().contains(QStringLiteral("generator layer")) && problems->text().contains(QStringLiteral("生成器")),
             qPrintable(problems->text()));
    const QStringList switched = readableTexts(&w);
    {
        MainWindow started;  // built in Chinese
        prepare(started, path);
        const QStringList expected = readableTexts(&started);
        QVERIFY2(switched == expected, qPrintable(difference(switched, expected)));
    }
    const QString shots = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    QVERIFY(w.grab().save(shots + QStringLiteral("/language-switched-zh_CN.png")));
    // Most of what was English is not any more (names, numbers and formulas stay).
    int unchanged = 0;
    for (const QString &t : english)
        unchanged += switched.contains(t) ? 1 : 0;
    qInfo("%d texts compared; %d the same in both languages", int(english.size()), unchanged);
    QVERIFY2(unchanged < english.size() / 4, qPrintable(QStringLiteral("%1 of %2 texts unchanged").arg(unchanged).arg(english.size())));

    englishAction->trigger();
    QCOMPARE(language::current(), QStringLiteral("en"));
    QTRY_VERIFY(readableTexts(&w).contains(QStringLiteral("menu:&File")));
    QTRY_VERIFY_WITH_TIMEOUT(!child<SettingsPanel>(w)->preview()->pixmap().isNull(), 10000);
    const QStringList back = readableTexts(&w);
    QVERIFY2(back == english, qPrintable(difference(back, english)));
    QSettings().remove(QStringLiteral("language"));
}

// The system switching to a dark palette while the window is open: the colours that carry
// meaning (valid, problem) and the plots change with it, without waiting for the next edit.
void TestMainWindow::followsTheSystemSwitchingToDark()
{
    const QPalette light = QApplication::palette();
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *problems = child<DesignerWidget>(w)->findChild<QLabel *>(QStringLiteral("problems"));
    QVERIFY(problems);
    QVERIFY(!palettecolors::isDark(light));
    QVERIFY2(problems->styleSheet().contains(palettecolors::valid(light).name()), qPrintable(problems->styleSheet()));

    QPalette dark(QColor(53, 53, 53), QColor(40, 40, 40));  // button, window
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    QVERIFY(palettecolors::isDark(dark));
    QApplication::setPalette(dark);
    QTRY_VERIFY2(problems->styleSheet().contains(palettecolors::valid(dark).name()), qPrintable(problems->styleSheet()));
    QCOMPARE(child<TrainingPlots>(w)->lossPlot()->xAxis->tickLabelColor(), QColor(230, 230, 230));
    // A problem found after the switch is in the dark palette's red.
    LayerStackEditor *g = child<DesignerWidget>(w)->editor(NetworkRole::Generator);
    g->selectLayer(w.experiment().generator.layers[4].id);
    child<DesignerWidget>(w)->properties()->findChild<QSpinBox *>(QStringLiteral("in"))->setValue(64);
    QVERIFY2(problems->styleSheet().contains(palettecolors::problem(dark).name()), qPrintable(problems->styleSheet()));
    QApplication::setPalette(light);
    QTRY_VERIFY2(problems->styleSheet().contains(palettecolors::problem(light).name()), qPrintable(problems->styleSheet()));
    w.document()->undoStack()->setClean();
}

// The open experiment is autosaved while it has unsaved changes, and only then.
void TestMainWindow::autosavesTheUnsavedExperiment()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    RecoverySession &session = child<AutoSave>(w)->session();
    QVERIFY2(session.isActive(), qPrintable(session.error()));
    const QString autosaved = QDir(session.folder()).filePath(QStringLiteral("experiment.json"));
    child<AutoSave>(w)->saveNow();
    QVERIFY(!QFileInfo::exists(autosaved));  // nothing unsaved
    w.document()->changeSettings(QStringLiteral("batch"), [](ExperimentSpec &s) { s.batchSize = 48; });
    child<AutoSave>(w)->saveNow();
    QVERIFY(QFileInfo::exists(autosaved));
    QCOMPARE(specjson::fromFile(autosaved).spec.batchSize, 48);
    const QDateTime written = QFileInfo(autosaved).lastModified();
    QTest::qWait(20);
    child<AutoSave>(w)->saveNow();  // unchanged since: not written again
    QCOMPARE(QFileInfo(autosaved).lastModified(), written);
    QTemporaryDir tmp;
    QVERIFY(w.saveAs(tmp.filePath(QStringLiteral("ring.json"))));
    child<AutoSave>(w)->saveNow();
    QVERIFY(!QFileInfo::exists(autosaved));  // saved: nothing to recover
    const QString folder = session.folder();
    QVERIFY(QFileInfo::exists(folder));
}

// File > Export as PyTorch Script...: the open experiment as a script (and the data it reads
// beside it); during a run, the run's weights too, from a checkpoint saved between two steps.
void TestMainWindow::exportsThePyTorchScriptWithTheRunsWeights()
{
    QTemporaryDir tmp;
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QAction *action = child<QAction>(w, "exportScriptAction");
    QVERIFY(action->isEnabled());
    QVERIFY2(w.menuBar()->actions().first()->menu()->actions().contains(action), "in the File menu");
    auto *exporter = w.findChild<ScriptExport *>();
    QVERIFY(exporter);
    QSignalSpy exported(exporter, &ScriptExport::exported);
    exporter->exportTo(tmp.filePath(QStringLiteral("ring.py")), false);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 30000);
    QCOMPARE(exported[0][1].toString(), QString());
    QCOMPARE(exported[0][0].toStringList(), (QStringList{tmp.filePath(QStringLiteral("ring.py")), tmp.filePath(QStringLiteral("ring-points.csv"))}));
    QFile script(tmp.filePath(QStringLiteral("ring.py")));
    QVERIFY(script.open(QIODevice::ReadOnly));
    QVERIFY(script.readAll().contains("('g1', nn.Linear(16, 64)),"));
    QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("ring.py")));

    // During a run: its weights beside the script, at the step it had reached.
    trigger(w, "startAction");
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Running, 30000);
    QTest::qWait(500);
    exporter->exportTo(tmp.filePath(QStringLiteral("live.py")), true);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 2, 30000);
    QCOMPARE(exported[1][1].toString(), QString());
    QVERIFY(exported[1][0].toStringList().contains(tmp.filePath(QStringLiteral("live-weights.safetensors"))));
    QFile live(tmp.filePath(QStringLiteral("live.py")));
    QVERIFY(live.open(QIODevice::ReadOnly));
    const QByteArray text = live.readAll();
    QVERIFY(text.contains("was exported at step "));
    QVERIFY(!text.contains("was exported at step 0:"));
    QVERIFY(!w.statusBar()->currentMessage().contains(QStringLiteral("Checkpoint saved")));
    trigger(w, "stopAction");
    QTRY_COMPARE(w.training()->state(), State::Idle);
    // No temporary checkpoint left behind.
    QVERIFY(QDir::temp().entryList({QStringLiteral("gan-playground-export-*.pt")}).isEmpty());
}

QTEST_MAIN(TestMainWindow)
// Training > Speed sets the controller's pace (the pace itself: tst_trainingcontroller), the
// toolbar's button names it, and the next window starts with it.
void TestMainWindow::speedIsAChoiceThatIsRemembered()
{
    QSettings().remove(QStringLiteral("training/speed"));
    {
        MainWindow w;
        QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
        QCOMPARE(w.training()->speed(), 0.0);  // full speed by default
        QVERIFY(child<QAction>(w, "fullSpeedAction")->isChecked());
        trigger(w, "speed10Action");
        QCOMPARE(w.training()->speed(), 10.0);
        QVERIFY(child<QAction>(w, "speed10Action")->isChecked());
        QCOMPARE(child<QToolButton>(w, "speedButton")->text(), QStringLiteral("Speed: 10 steps/s"));
    }
    MainWindow next;
    QCOMPARE(next.training()->speed(), 10.0);
    QVERIFY(child<QAction>(next, "speed10Action")->isChecked());
    trigger(next, "fullSpeedAction");
    QCOMPARE(next.training()->speed(), 0.0);
    QCOMPARE(child<QToolButton>(next, "speedButton")->text(), QStringLiteral("Speed: Full speed"));
}

// Training > Threads: by default a run trains with all its threads while the window is calm
// and one fewer right after a person acts on the window; the status bar says which. The
// choice is remembered.
void TestMainWindow::threadsFollowTheWindowAndAreShown()
{
    QTemporaryDir tmp;
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("mlp-ring8"), &spec), QString());
    spec.threads = 2;
    spec.steps = 1000000;
    const QString path = tmp.filePath(QStringLiteral("two-threads.json"));
    QCOMPARE(specjson::writeFile(spec, path), QString());
    const int most = std::min(2, QThread::idealThreadCount());
    {
        MainWindow w;
        QVERIFY(w.openFile(path));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(child<QAction>(w, "threadsAdaptiveAction")->isChecked());
        auto *status = child<QLabel>(w, "threadStatus");
        QVERIFY(!status->isVisible());  // no run
        trigger(w, "startAction");
        QTRY_COMPARE_WITH_TIMEOUT(w.training()->state(), State::Running, 30000);
        QVERIFY(status->isVisible());
        // Calm: every thread (a late tick of a busy test machine may hold one back a moment).
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("%1 thread%2").arg(most).arg(most > 1 ? "s" : ""), 10000);
        if (most > 1) {
            QTest::keyClick(&w, Qt::Key_Shift);  // a person at the keyboard
            QCOMPARE(status->text(), QStringLiteral("1 thread (of 2: the window is busy)"));
            QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("2 threads"), 10000);
        }
        trigger(w, "threadsKeepCoreAction");
        if (most > 1)
            QCOMPARE(status->text(), QStringLiteral("1 thread (a core kept for the window)"));
        trigger(w, "stopAction");
        QTRY_COMPARE(w.training()->state(), State::Idle);
        QVERIFY(!status->isVisible());
    }
    MainWindow next;
    QVERIFY(child<QAction>(next, "threadsKeepCoreAction")->isChecked());
    QVERIFY(!child<QAction>(next, "threadsAdaptiveAction")->isChecked());
    trigger(next, "threadsAdaptiveAction");
    QCOMPARE(QSettings().value(QStringLiteral("training/threads")).toString(), QStringLiteral("adaptive"));
}

// Data & Training > Device offers what this build can use; a file's device it cannot use is
// shown as such, and choosing another is one undoable edit.
void TestMainWindow::deviceIsAChoiceOfThisBuild()
{
    QTemporaryDir tmp;
    ExperimentSpec spec;
    QCOMPARE(presets::load(QStringLiteral("mlp-ring8"), &spec), QString());
    spec.device = QStringLiteral("cuda:7");
    const QString path = tmp.filePath(QStringLiteral("gpu.json"));
    QCOMPARE(specjson::writeFile(spec, path), QString());
    MainWindow w;
    QVERIFY(w.openFile(path));
    auto *device = child<QComboBox>(w, "device");
    QCOMPARE(device->itemData(0).toString(), QStringLiteral("auto"));
    QCOMPARE(device->itemData(1).toString(), QStringLiteral("cpu"));
    QVERIFY2(device->itemText(1).startsWith(QStringLiteral("CPU (")), qPrintable(device->itemText(1)));  // its name
    QCOMPARE(device->currentData().toString(), QStringLiteral("cuda:7"));
    QVERIFY2(device->currentText().contains(QStringLiteral("not available")), qPrintable(device->currentText()));
    emit device->activated(1);  // the person picks the CPU
    QCOMPARE(w.experiment().device, QStringLiteral("cpu"));
    QCOMPARE(device->currentData().toString(), QStringLiteral("cpu"));
    QCOMPARE(device->count(), int(Trainer::availableDevices().size()));  // the unusable one is gone
    w.document()->undoStack()->undo();
    QCOMPARE(w.experiment().device, QStringLiteral("cuda:7"));
    // The precision beside it: fp32 or bf16, one undoable edit.
    auto *precision = child<QComboBox>(w, "precision");
    QCOMPARE(precision->count(), 2);
    QCOMPARE(precision->currentData().toInt(), int(Precision::Fp32));
    emit precision->activated(1);
    QCOMPARE(w.experiment().precision, Precision::Bf16);
    QCOMPARE(precision->currentData().toInt(), int(Precision::Bf16));
    w.document()->undoStack()->undo();
    QCOMPARE(w.experiment().precision, Precision::Fp32);
}

// The wheel over a settings combo that was not clicked into leaves its value alone (Qt passes the
// event on to the scrolling panel); once it has focus, the wheel changes it as usual.
void TestMainWindow::wheelScrollsTheSettingsNotTheirValues()
{
    MainWindow w;
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    auto *precision = child<QComboBox>(w, "precision");
    QVERIFY(!precision->hasFocus());
    const int edits = w.document()->undoStack()->count();
    auto wheel = [&] {
        const QPoint at = precision->rect().center();
        QWheelEvent event(at, precision->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                          false);
        QApplication::sendEvent(precision, &event);
        return event.isAccepted();
    };
    QVERIFY(!wheel());  // not taken: left for the panel
    QCOMPARE(precision->currentIndex(), 0);
    QCOMPARE(w.experiment().precision, Precision::Fp32);
    QCOMPARE(w.document()->undoStack()->count(), edits);
    QCOMPARE(precision->focusPolicy(), Qt::StrongFocus);  // nor does the wheel give it focus
    precision->setFocus(Qt::MouseFocusReason);
    QVERIFY(precision->hasFocus());
    wheel();
    QCOMPARE(precision->currentIndex(), 1);
    QCOMPARE(w.experiment().precision, Precision::Bf16);
}

// A lesson's next step is a button under its description: lesson-saturating's switches the loss
// (one undo step, and the button goes), lesson-mode-collapse's opens the cured preset.
void TestMainWindow::lessonsOfferTheirNextStep()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("lesson-saturating")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *next = child<QPushButton>(w, "followUp");
    QVERIFY(next->isVisible());
    QCOMPARE(next->text(), QStringLiteral("Switch to the non-saturating loss"));
    QCOMPARE(w.experiment().loss.kind, LossKind::Minimax);
    next->click();
    QCOMPARE(w.experiment().loss.kind, LossKind::NonSaturating);
    QVERIFY(!next->isVisible());  // taken
    QCOMPARE(w.document()->undoStack()->undoText(), QStringLiteral("change loss"));
    w.document()->undoStack()->undo();
    QCOMPARE(w.experiment().loss.kind, LossKind::Minimax);
    QVERIFY(next->isVisible());
    QVERIFY(w.saveAs(QDir::temp().filePath(QStringLiteral("gp-lesson-test.json"))));  // nothing unsaved before the next preset
    QFile::remove(QDir::temp().filePath(QStringLiteral("gp-lesson-test.json")));
    QVERIFY(w.openPreset(QStringLiteral("lesson-mode-collapse")));
    QCOMPARE(next->text(), QStringLiteral("Open the cured version"));
    next->click();
    QCOMPARE(w.experiment().name, QStringLiteral("lesson-mode-collapse-cured"));
    QVERIFY(!next->isVisible());
    // The description scrolls rather than being cut: all of it is in the label.
    ExperimentSpec cured;
    QCOMPARE(presets::load(QStringLiteral("lesson-mode-collapse-cured"), &cured), QString());
    QCOMPARE(child<QLabel>(w, "description")->text(), cured.description);
    // A lesson opens on its own tab: what to watch, what next, the measured table and the
    // whole description.
    auto *lesson = child<LessonPanel>(w);
    auto *tabs = qobject_cast<QTabWidget *>(lesson->parentWidget()->parentWidget());
    QVERIFY(tabs);
    QTRY_COMPARE(tabs->currentWidget(), lesson);
    QCOMPARE(tabs->tabText(0), QStringLiteral("&Lesson"));
    QTextDocument shown;
    shown.setHtml(lesson->html());
    const QString text = shown.toPlainText();
    for (const QString &part : {QStringLiteral("Watch:"), QStringLiteral("Then:"), QStringLiteral("Measured"),
                                QStringLiteral("8, 8, 8, 8, 8 (8.0)"), QStringLiteral("6, 8, 5, 7, 7 (6.6)"), cured.description})
        QVERIFY2(text.contains(part), qPrintable(part));
    QVERIFY(!child<QLabel>(w, "description")->isVisible());  // in the tab instead
    // Not a lesson: no Lesson tab, the description above the tabs.
    QVERIFY(w.saveAs(QDir::temp().filePath(QStringLiteral("gp-lesson-test.json"))));
    QFile::remove(QDir::temp().filePath(QStringLiteral("gp-lesson-test.json")));
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    QCOMPARE(tabs->indexOf(lesson), -1);
    QVERIFY(child<QLabel>(w, "description")->isVisible());
    // Every lesson preset has its panel.
    for (const QString &name : presets::names())
        QCOMPARE(presets::lesson(name).has_value(), name.startsWith(QStringLiteral("lesson-")));
}

#include "tst_mainwindow.moc"
