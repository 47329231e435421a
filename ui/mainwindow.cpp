#include "mainwindow.h"

#include "data/dataset.h"
#include "spec/presets.h"
#include "spec/shapeinference.h"
#include "spec/specjson.h"

#include <QComboBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableWidget>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("GAN Playground"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Preset:"), central));
    m_presets = new QComboBox(central);
    m_presets->addItems(presets::names());
    m_presets->setToolTip(tr("Built-in experiments, each with a description a student can read"));
    top->addWidget(m_presets, 1);
    layout->addLayout(top);

    m_description = new QLabel(central);
    m_description->setWordWrap(true);
    layout->addWidget(m_description);

    auto *splitter = new QSplitter(Qt::Horizontal, central);
    auto makeTable = [&](const QString &title, QTableWidget **table) {
        auto *box = new QGroupBox(title, splitter);
        auto *boxLayout = new QVBoxLayout(box);
        *table = new QTableWidget(0, 4, box);
        (*table)->setHorizontalHeaderLabels({tr("Layer"), tr("Output shape"), tr("Parameters"), tr("MFLOPs")});
        (*table)->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        (*table)->setEditTriggers(QAbstractItemView::NoEditTriggers);
        boxLayout->addWidget(*table);
        splitter->addWidget(box);
    };
    makeTable(tr("Generator"), &m_generatorTable);
    makeTable(tr("Discriminator"), &m_discriminatorTable);
    m_generatorTable->setObjectName(QStringLiteral("generatorTable"));
    m_discriminatorTable->setObjectName(QStringLiteral("discriminatorTable"));
    layout->addWidget(splitter, 1);

    m_problems = new QLabel(central);
    m_problems->setWordWrap(true);
    layout->addWidget(m_problems);
    setCentralWidget(central);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open..."), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open experiment"), QString(), tr("Experiments (*.json)"));
        if (!path.isEmpty())
            openFile(path);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    connect(m_presets, &QComboBox::currentTextChanged, this, [this](const QString &name) { openPreset(name); });
    resize(1200, 760);
}

bool MainWindow::openPreset(const QString &name)
{
    ExperimentSpec spec;
    if (const QString error = presets::load(name, &spec); !error.isEmpty()) {
        statusBar()->showMessage(error);
        return false;
    }
    m_spec = spec;
    const QSignalBlocker block(m_presets);
    m_presets->setCurrentText(name);
    showExperiment();
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    const specjson::ParseResult parsed = specjson::fromFile(path);
    if (!parsed.ok()) {
        QMessageBox::warning(this, tr("Cannot open experiment"), parsed.errors.join(QLatin1Char('\n')));
        return false;
    }
    m_spec = parsed.spec;
    showExperiment();
    return true;
}

void MainWindow::fillTable(QTableWidget *table, const NetworkSpec &spec, const NetworkAnalysis &net)
{
    table->setRowCount(int(spec.layers.size()) + 1);
    for (size_t i = 0; i < spec.layers.size(); ++i) {
        const LayerAnalysis &a = net.layers[i];
        const int row = int(i);
        table->setItem(row, 0, new QTableWidgetItem(QStringLiteral("%1. %2").arg(i + 1).arg(layerkind::name(spec.layers[i].kind))));
        table->setItem(row, 1, new QTableWidgetItem(a.outShape.empty() ? tr("?") : shapeToString(a.outShape)));
        table->setItem(row, 2, new QTableWidgetItem(QLocale().toString(qlonglong(a.parameters))));
        table->setItem(row, 3, new QTableWidgetItem(QString::number(a.flops / 1e6, 'g', 3)));
        if (!a.problems.isEmpty())
            for (int c = 0; c < 4; ++c) {
                table->item(row, c)->setBackground(QColor(255, 220, 220));
                table->item(row, c)->setToolTip(a.problems.join(QLatin1Char('\n')));
            }
    }
    const int total = int(spec.layers.size());
    table->setItem(total, 0, new QTableWidgetItem(tr("Total")));
    table->setItem(total, 1, new QTableWidgetItem(net.outShape.empty() ? tr("?") : shapeToString(net.outShape)));
    table->setItem(total, 2, new QTableWidgetItem(QLocale().toString(qlonglong(net.parameters))));
    table->setItem(total, 3, new QTableWidgetItem(QString::number(net.flops / 1e6, 'g', 3)));
}

void MainWindow::showExperiment()
{
    setWindowTitle(tr("%1 - GAN Playground").arg(m_spec.name.isEmpty() ? tr("Untitled") : m_spec.name));
    m_description->setText(m_spec.description);
    QString dataError;
    const ExperimentAnalysis analysis = ShapeInference::analyze(m_spec, datasets::sampleShape(m_spec.data, &dataError));
    fillTable(m_generatorTable, m_spec.generator, analysis.generator);
    fillTable(m_discriminatorTable, m_spec.discriminator, analysis.discriminator);
    QStringList problems = analysis.problems;
    if (!dataError.isEmpty())
        problems.prepend(dataError);
    m_problems->setText(problems.isEmpty() ? tr("The experiment is valid.")
                                           : tr("Problems:") + QStringLiteral("\n• ") + problems.join(QStringLiteral("\n• ")));
}
