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
#include "training/blasprobe.h"
#include "window/presentationmode.h"
#include "dashboard/sampleview.h"
#include "settings/settingspanel.h"
#include "dashboard/trainingplots.h"

#include "document/experimentdocument.h"
#include "spec/presets.h"
#include "spec/specjson.h"
#include "training/latentrenderer.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTextBrowser>
#include <QMessageBox>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "windowsupport.h"

#include <qcustomplot.h>

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void opensEveryPreset();
    void designerEditsUndoBackToTheOriginal();
    void designerShowsProblemsOnTheirLayer();
    void saveAndOpenRoundTrip();
    void invalidExperimentDisablesStart();
    void presentationModeAndBack();
    void drawingDataIsUndoable();
    void aboutNamesTheVersionsAndTheBlas();
    void userGuideInBothLanguages();
    void languageMenuRemembersTheChoice();
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
    QCOMPARE(generator->model()->headerData(4, Qt::Vertical).toInt(), 5);  // numbered as problems name it
    QCOMPARE(discriminator->model()->rowCount(), 8);
    QCOMPARE(cell(discriminator, 7, LayerStackModel::ShapeColumn), QStringLiteral("[1]"));
    for (const QString &name : presets::names()) {
        QVERIFY(w.openPreset(name));
        QVERIFY2(w.document()->problems().isEmpty(), qPrintable(name));
        QVERIFY(w.startAction()->isEnabled());
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
    LayerStackEditor *d = w.designer()->editor(NetworkRole::Discriminator);
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
    QCOMPARE(w.designer()->properties()->layerId(), d->selectedId());
    auto *p = w.designer()->properties()->findChild<QDoubleSpinBox *>(QStringLiteral("p"));
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
    auto *batch = w.settings()->findChild<QSpinBox *>(QStringLiteral("batch size"));
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
    LayerStackEditor *g = w.designer()->editor(NetworkRole::Generator);
    g->selectLayer(w.experiment().generator.layers[4].id);  // ConvTranspose2d 128 -> 64
    auto *in = w.designer()->properties()->findChild<QSpinBox *>(QStringLiteral("in"));
    QVERIFY(in);
    in->setValue(64);
    QVERIFY(!w.startAction()->isEnabled());
    QVERIFY2(w.startAction()->toolTip().contains(QStringLiteral("generator layer 5 (ConvTranspose2d)")), qPrintable(w.startAction()->toolTip()));
    const QModelIndex bad = g->model()->index(4, 0);
    QVERIFY(bad.data(Qt::BackgroundRole).isValid());  // highlighted
    QVERIFY(bad.data(Qt::ToolTipRole).toString().contains(QStringLiteral("128")));
    QVERIFY(!g->model()->index(3, 0).data(Qt::BackgroundRole).isValid());
    auto *problems = w.designer()->findChild<QLabel *>(QStringLiteral("problems"));
    QVERIFY(problems->text().contains(QStringLiteral("generator layer 5 (ConvTranspose2d)")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QString dir = qEnvironmentVariable("GP_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    QVERIFY(w.grab().save(dir + QStringLiteral("/designer-problem.png")));
    w.startTraining();  // refused
    QCOMPARE(w.training()->state(), State::Idle);
    // "Fit to Input" repairs it in one click.
    auto *fit = w.designer()->properties()->findChild<QPushButton *>();
    QVERIFY(fit);
    fit->click();
    QCOMPARE(w.experiment().generator.layers[4].inChannels, 128);
    QVERIFY(w.startAction()->isEnabled());
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
    QCOMPARE(w.settings()->findChild<QDoubleSpinBox *>(QStringLiteral("seed"))->value(), 42.0);
    QTRY_VERIFY_WITH_TIMEOUT(!w.settings()->preview()->pixmap().isNull(), 10000);
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
    QVERIFY(!w.startAction()->isEnabled());
    QVERIFY2(w.startAction()->toolTip().contains(QStringLiteral("generator layer 5 (ConvTranspose2d)")),
             qPrintable(w.startAction()->toolTip()));
    w.startTraining();  // refused
    QCOMPARE(w.training()->state(), State::Idle);
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    QVERIFY(w.startAction()->isEnabled());
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
    QCustomPlot *loss = w.plots()->findChild<QCustomPlot *>();
    QVERIFY(loss);
    const double axisNormal = loss->xAxis->labelFont().pointSizeF();
    QAction *present = w.presentation()->action();
    QCOMPARE(present->shortcut(), QKeySequence(Qt::Key_F11));
    present->trigger();
    QVERIFY(w.presentation()->isOn());
    QVERIFY(!designer->isVisible());
    QVERIFY(!explorer->isVisible());
    QCOMPARE(w.font().pointSizeF(), normal * PresentationMode::kScale);
    QVERIFY(loss->xAxis->labelFont().pointSizeF() > axisNormal * 1.5);  // the plots' own fonts grow too
    present->trigger();
    QVERIFY(!w.presentation()->isOn());
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
    guide->setLanguage(QStringLiteral("zh_CN"));
    const QString zh = guide->browser()->toPlainText();
    for (const QString &term : {QStringLiteral("生成器"), QStringLiteral("判别器"), QStringLiteral("损失"), QStringLiteral("潜在空间"),
                                QStringLiteral("模式崩溃")})
        QVERIFY2(zh.contains(term), qPrintable(term));
    for (const QString &image : {QStringLiteral("slow-motion-ring8.png"), QStringLiteral("lesson-wgan-clip-vs-gp.png")}) {
        const QVariant data = guide->browser()->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("qrc:/guide/") + image));
        QVERIFY2(!QImage::fromData(data.toByteArray()).isNull(), qPrintable(image));
    }
}

void TestMainWindow::languageMenuRemembersTheChoice()
{
    QSettings().remove(QStringLiteral("language"));
    QCOMPARE(MainWindow::startLanguage(), language::systemLanguage());
    MainWindow w;
    auto *menu = w.findChild<QMenu *>(QStringLiteral("languageMenu"));
    QVERIFY(menu);
    QStringList names;
    QAction *chinese = nullptr;
    for (QAction *a : menu->actions()) {
        names << a->text();
        if (a->data().toString() == QLatin1String("zh_CN"))
            chinese = a;
    }
    QCOMPARE(names.mid(1), QStringList({QStringLiteral("English"), QStringLiteral("简体中文")}));
    QVERIFY(menu->actions().first()->isChecked());  // follows the system until a choice is made
    QVERIFY(chinese);
    chinese->trigger();
    QVERIFY(chinese->isChecked());
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("zh_CN"));
    QCOMPARE(MainWindow::startLanguage(), QStringLiteral("zh_CN"));
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("简体中文")), qPrintable(w.statusBar()->currentMessage()));
    // The next start speaks Chinese: the window's own menus come out translated.
    QVERIFY(language::apply(MainWindow::startLanguage()));
    {
        MainWindow next;
        QStringList titles;
        for (QAction *a : next.menuBar()->actions())
            titles << a->text();
        QVERIFY2(titles.contains(QStringLiteral("文件(&F)")) && titles.contains(QStringLiteral("帮助(&H)")), qPrintable(titles.join(u' ')));
    }
    QVERIFY(language::apply(QStringLiteral("en")));
    QSettings().remove(QStringLiteral("language"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
