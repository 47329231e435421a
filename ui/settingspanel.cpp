#include "settingspanel.h"

#include "spinboxes.h"

#include "document/experimentdocument.h"

#include "data/dataset.h"
#include "training/sampleimage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

namespace {
constexpr int kPreviewImages = 32;    // a 8x4 grid of real images
constexpr int kPreviewPoints = 1500;  // enough to see every mode of a 2D set
}  // namespace

SettingsPanel::SettingsPanel(ExperimentDocument *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
    setObjectName(QStringLiteral("settingsPanel"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    m_content = this;

    // Experiment
    QFormLayout *f = addGroup(tr("Experiment"));
    {
        auto *name = new QLineEdit(this);
        name->setToolTip(tr("A short name, shown in the title bar and saved in the file"));
        connect(name, &QLineEdit::textEdited, this,
                [this](const QString &t) { m_doc->changeSettings(tr("name"), [t](ExperimentSpec &s) { s.name = t; }); });
        addRow(f, tr("Name"), name, [this, name] {
            if (name->text() != m_doc->spec().name)
                name->setText(m_doc->spec().name);
        });
        auto *description = new QPlainTextEdit(this);
        description->setToolTip(tr("What this experiment shows, in a paragraph a student can read"));
        description->setMaximumHeight(80);
        connect(description, &QPlainTextEdit::textChanged, this, [this, description] {
            const QString t = description->toPlainText();
            if (t != m_doc->spec().description)
                m_doc->changeSettings(tr("description"), [t](ExperimentSpec &s) { s.description = t; });
        });
        addRow(f, tr("Description"), description, [this, description] {
            if (description->toPlainText() != m_doc->spec().description)
                description->setPlainText(m_doc->spec().description);
        });
    }

    // Data
    f = addGroup(tr("Data"));
    addCombo(f, tr("dataset"), tr("Dataset"), tr("What the generator learns to imitate"),
             {tr("Fashion-MNIST (installed)"), tr("IDX image file (MNIST, KMNIST, EMNIST...)"), tr("Image folder (PNG, JPEG, BMP)"),
              tr("2D synthetic set"), tr("2D points from a CSV file")},
             [](const ExperimentSpec &s) { return int(s.data.kind); }, [](ExperimentSpec &s, int i) { s.data.kind = DataKind(i); });
    addPath(f, tr("data file"), tr("File"), tr("The IDX images (gzip or plain) or the CSV of x,y points"), false,
            tr("Data files (*.gz *.idx *ubyte *.csv);;All files (*)"), [](const ExperimentSpec &s) { return s.data.path; },
            [](ExperimentSpec &s, const QString &p) { s.data.path = p; })
        .visible = [](const ExperimentSpec &s) { return s.data.kind == DataKind::Idx || s.data.kind == DataKind::Csv2D; };
    addPath(f, tr("labels file"), tr("Labels"), tr("Optional IDX labels matching the images"), false, tr("IDX files (*.gz *.idx *ubyte);;All files (*)"),
            [](const ExperimentSpec &s) { return s.data.labelsPath; }, [](ExperimentSpec &s, const QString &p) { s.data.labelsPath = p; })
        .visible = [](const ExperimentSpec &s) { return s.data.kind == DataKind::Idx; };
    addPath(f, tr("image folder"), tr("Folder"), tr("A folder of PNG, JPEG or BMP images"), true, QString(),
            [](const ExperimentSpec &s) { return s.data.path; }, [](ExperimentSpec &s, const QString &p) { s.data.path = p; })
        .visible = [](const ExperimentSpec &s) { return s.data.kind == DataKind::ImageFolder; };
    addInt(f, tr("image size"), tr("Image size"), tr("Images are resized to this many pixels square"), 4, 512,
           [](const ExperimentSpec &s) { return s.data.imageSize; }, [](ExperimentSpec &s, int v) { s.data.imageSize = v; })
        .visible = [](const ExperimentSpec &s) { return s.data.kind == DataKind::ImageFolder; };
    addCheck(f, tr("grayscale"), tr("Grayscale"), tr("One channel instead of RGB"), [](const ExperimentSpec &s) { return s.data.grayscale; },
             [](ExperimentSpec &s, bool v) { s.data.grayscale = v; })
        .visible = [](const ExperimentSpec &s) { return s.data.kind == DataKind::ImageFolder; };
    addCombo(f, tr("2D set"), tr("2D set"), tr("Ring of 8 Gaussians and grid of 25 are the standard mode-collapse tests"),
             {tr("ring of 8 Gaussians"), tr("grid of 25 Gaussians"), tr("spiral"), tr("two moons"), tr("single Gaussian")},
             [](const ExperimentSpec &s) { return int(s.data.synthetic); }, [](ExperimentSpec &s, int i) { s.data.synthetic = Synthetic2DKind(i); })
        .visible = [](const ExperimentSpec &s) { return s.data.kind == DataKind::Synthetic2D; };
    addInt(f, tr("points"), tr("Points"), tr("How many points are drawn (once per run, from the seed)"), 100, 10000000,
           [](const ExperimentSpec &s) { return s.data.syntheticCount; }, [](ExperimentSpec &s, int v) { s.data.syntheticCount = v; })
        .visible = [](const ExperimentSpec &s) { return s.data.kind == DataKind::Synthetic2D; };
    addInt(f, tr("limit"), tr("Use at most"), tr("Train on only the first N samples (0 = all); small sets train and load faster"), 0, 100000000,
           [](const ExperimentSpec &s) { return s.data.limit; }, [](ExperimentSpec &s, int v) { s.data.limit = v; });
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("dataPreview"));
    m_preview->setMinimumHeight(120);
    m_preview->setAlignment(Qt::AlignCenter);
    m_previewCaption = new QLabel(this);
    m_previewCaption->setWordWrap(true);
    f->addRow(m_preview);
    f->addRow(m_previewCaption);

    // Latent space
    f = addGroup(tr("Latent space"));
    addInt(f, tr("latent size"), tr("Size"), tr("Number of random numbers the generator turns into one sample; the generator's first layer must take this many"),
           1, 4096, [](const ExperimentSpec &s) { return s.latentDim; }, [](ExperimentSpec &s, int v) { s.latentDim = v; });
    addCombo(f, tr("prior"), tr("Prior"), tr("Distribution the latent vectors are drawn from"), {tr("normal N(0, 1)"), tr("uniform U(-1, 1)")},
             [](const ExperimentSpec &s) { return int(s.prior); }, [](ExperimentSpec &s, int i) { s.prior = LatentPrior(i); });

    // Loss
    f = addGroup(tr("Loss and regularisers"));
    addCombo(f, tr("loss"), tr("Loss"), tr("How D scores samples and what G tries to achieve"),
             {tr("minimax (original, saturating)"), tr("non-saturating"), tr("least squares (LSGAN)"), tr("Wasserstein (weight clipping)"),
              tr("Wasserstein with gradient penalty"), tr("hinge")},
             [](const ExperimentSpec &s) { return int(s.loss.kind); }, [](ExperimentSpec &s, int i) { s.loss.kind = LossKind(i); });
    m_formula = new QLabel(this);
    m_formula->setObjectName(QStringLiteral("lossFormula"));
    m_formula->setWordWrap(true);
    m_formula->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_formula->setStyleSheet(QStringLiteral("font-family: monospace; background: #f4f4f8; padding: 4px"));
    addRow(f, QString(), m_formula, [this] { m_formula->setText(lossFormula(m_doc->spec().loss.kind)); });
    addDouble(f, tr("gradient penalty"), tr("Penalty λ"), tr("Weight of the gradient penalty that keeps D 1-Lipschitz (WGAN-GP: 10)"), 0, 1000, 1, 2,
              [](const ExperimentSpec &s) { return s.loss.gpLambda; }, [](ExperimentSpec &s, double v) { s.loss.gpLambda = v; })
        .visible = [](const ExperimentSpec &s) { return s.loss.kind == LossKind::WassersteinGP; };
    addDouble(f, tr("clip"), tr("Clip"), tr("D's weights are clipped to [-c, c] after every update (WGAN: 0.01)"), 0.0001, 10, 0.001, 4,
              [](const ExperimentSpec &s) { return s.loss.clip; }, [](ExperimentSpec &s, double v) { s.loss.clip = v; })
        .visible = [](const ExperimentSpec &s) { return s.loss.kind == LossKind::Wasserstein; };
    addDouble(f, tr("R1"), tr("R1 penalty γ"), tr("Penalises D's gradient on real data (γ/2·|∇D(x)|²), so D and G settle instead of circling; 0 = off"),
              0, 1000, 0.1, 3, [](const ExperimentSpec &s) { return s.loss.r1Gamma; }, [](ExperimentSpec &s, double v) { s.loss.r1Gamma = v; });
    addDouble(f, tr("label smoothing"), tr("Label smoothing"), tr("One-sided: D's target for real samples becomes 1 - this value (0.1 is common)"), 0,
              0.5, 0.05, 2, [](const ExperimentSpec &s) { return s.loss.labelSmoothing; },
              [](ExperimentSpec &s, double v) { s.loss.labelSmoothing = v; });
    addDouble(f, tr("instance noise"), tr("Instance noise"), tr("Standard deviation of noise added to every input D sees, real or generated; blurs the two together early on"),
              0, 10, 0.05, 3, [](const ExperimentSpec &s) { return s.loss.instanceNoise; },
              [](ExperimentSpec &s, double v) { s.loss.instanceNoise = v; });
    addInt(f, tr("noise steps"), tr("Noise anneal steps"), tr("The noise falls linearly to 0 over this many steps (0 = constant)"), 0, 100000000,
           [](const ExperimentSpec &s) { return s.loss.instanceNoiseSteps; }, [](ExperimentSpec &s, int v) { s.loss.instanceNoiseSteps = v; });

    addOptimizer(NetworkRole::Generator);
    addOptimizer(NetworkRole::Discriminator);

    // Training
    f = addGroup(tr("Training"));
    addInt(f, tr("batch size"), tr("Batch size"), tr("Real and generated samples per step"), 1, 65536, [](const ExperimentSpec &s) { return s.batchSize; },
           [](ExperimentSpec &s, int v) { s.batchSize = v; });
    addInt(f, tr("D steps"), tr("D steps per G step"), tr("Discriminator updates before each generator update (WGAN: 5)"), 1, 100,
           [](const ExperimentSpec &s) { return s.dStepsPerG; }, [](ExperimentSpec &s, int v) { s.dStepsPerG = v; });
    addInt(f, tr("steps"), tr("Steps"), tr("The run's length; training pauses there (resume trains on)"), 1, 100000000,
           [](const ExperimentSpec &s) { return s.steps; }, [](ExperimentSpec &s, int v) { s.steps = v; });
    addInt(f, tr("seed"), tr("Seed"), tr("Same seed and thread count, same run, bit for bit"), 0, 2147483647,
           [](const ExperimentSpec &s) { return int(s.seed); }, [](ExperimentSpec &s, int v) { s.seed = std::uint64_t(v); });
    addInt(f, tr("threads"), tr("Threads"),
           tr("Intra-op threads of the training thread. The window keeps one core for itself, so it trains with at most one thread fewer than the machine has"),
           1, 256, [](const ExperimentSpec &s) { return s.threads; }, [](ExperimentSpec &s, int v) { s.threads = v; });
    addCheck(f, tr("DCGAN init"), tr("DCGAN initialisation"), tr("Weights drawn from N(0, 0.02), BatchNorm scales from N(1, 0.02), as in the DCGAN paper"),
             [](const ExperimentSpec &s) { return s.dcganInit; }, [](ExperimentSpec &s, bool v) { s.dcganInit = v; });
    addDouble(f, tr("EMA"), tr("EMA of G"), tr("Samples come from a moving average of the generator's weights with this decay (0 = off; 0.999 is common)"),
              0, 0.99999, 0.0005, 5, [](const ExperimentSpec &s) { return s.emaDecay; }, [](ExperimentSpec &s, double v) { s.emaDecay = v; });
    addDouble(f, tr("learning-rate decay"), tr("Final learning rate"), tr("Both learning rates fall linearly to this fraction by the last step (1 = constant)"),
              0, 1, 0.05, 3, [](const ExperimentSpec &s) { return s.lrDecayTo; }, [](ExperimentSpec &s, double v) { s.lrDecayTo = v; });
    addInt(f, tr("sample every"), tr("Save samples every"), tr("Steps between sample grids saved by the command line"), 1, 100000000,
           [](const ExperimentSpec &s) { return s.sampleEvery; }, [](ExperimentSpec &s, int v) { s.sampleEvery = v; });
    {
        auto *device = new QLineEdit(this);
        device->setToolTip(tr("Torch device: \"cpu\", or \"cuda\" with a CUDA build of LibTorch"));
        connect(device, &QLineEdit::editingFinished, this, [this, device] {
            const QString t = device->text().trimmed();
            m_doc->changeSettings(tr("device"), [t](ExperimentSpec &s) { s.device = t; });
        });
        addRow(f, tr("Device"), device, [this, device] { device->setText(m_doc->spec().device); });
    }
    outer->addStretch(1);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250);  // typing a path or count loads once, after a pause
    connect(m_previewTimer, &QTimer::timeout, this, &SettingsPanel::loadPreview);
    connect(doc, &ExperimentDocument::settingsChanged, this, &SettingsPanel::refresh);
    connect(doc, &ExperimentDocument::reloaded, this, &SettingsPanel::refresh);
    refresh();
}

QString SettingsPanel::lossFormula(LossKind kind)
{
    switch (kind) {
    case LossKind::Minimax:
        return tr("L_D = −E[log D(x)] − E[log(1 − D(G(z)))]\nL_G = E[log(1 − D(G(z)))]   (saturates: weak gradients while D wins)");
    case LossKind::NonSaturating:
        return tr("L_D = −E[log D(x)] − E[log(1 − D(G(z)))]\nL_G = −E[log D(G(z))]   (same fixed point, strong gradients early)");
    case LossKind::LeastSquares:
        return tr("L_D = ½E[(D(x) − 1)²] + ½E[D(G(z))²]\nL_G = ½E[(D(G(z)) − 1)²]");
    case LossKind::Wasserstein:
        return tr("L_D = E[D(G(z))] − E[D(x)],  D's weights clipped to [−c, c]\nL_G = −E[D(G(z))]");
    case LossKind::WassersteinGP:
        return tr("L_D = E[D(G(z))] − E[D(x)] + λ·E[(‖∇D(x̂)‖ − 1)²],  x̂ = εx + (1 − ε)G(z), ε ~ U(0, 1)\nL_G = −E[D(G(z))]");
    case LossKind::Hinge:
        return tr("L_D = E[max(0, 1 − D(x))] + E[max(0, 1 + D(G(z)))]\nL_G = −E[D(G(z))]");
    }
    return QString();
}

QFormLayout *SettingsPanel::addGroup(const QString &title)
{
    auto *box = new QGroupBox(title, this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    static_cast<QVBoxLayout *>(layout())->addWidget(box);
    return form;
}

SettingsPanel::Row &SettingsPanel::addRow(QFormLayout *form, const QString &label, QWidget *editor, std::function<void()> refresh)
{
    if (label.isEmpty())
        form->addRow(editor);
    else
        form->addRow(label, editor);
    m_rows.push_back(Row{editor, form, std::move(refresh), {}});
    return m_rows.back();
}

SettingsPanel::Row &SettingsPanel::addInt(QFormLayout *form, const QString &key, const QString &label, const QString &tip, int min, int max,
                                          std::function<int(const ExperimentSpec &)> get, std::function<void(ExperimentSpec &, int)> set)
{
    auto *box = spinboxes::integer(this, key, tip, min, max);
    box->setGroupSeparatorShown(true);
    connect(box, &QSpinBox::valueChanged, this, [this, key, set](int v) { m_doc->changeSettings(key, [&](ExperimentSpec &s) { set(s, v); }); });
    return addRow(form, label, box, [this, box, get] { box->setValue(get(m_doc->spec())); });
}

SettingsPanel::Row &SettingsPanel::addDouble(QFormLayout *form, const QString &key, const QString &label, const QString &tip, double min, double max,
                                             double step, int decimals, std::function<double(const ExperimentSpec &)> get,
                                             std::function<void(ExperimentSpec &, double)> set)
{
    auto *box = spinboxes::real(this, key, tip, min, max, step, decimals);
    connect(box, &QDoubleSpinBox::valueChanged, this,
            [this, key, set](double v) { m_doc->changeSettings(key, [&](ExperimentSpec &s) { set(s, v); }); });
    return addRow(form, label, box, [this, box, get] { box->setValue(get(m_doc->spec())); });
}

SettingsPanel::Row &SettingsPanel::addCombo(QFormLayout *form, const QString &key, const QString &label, const QString &tip, const QStringList &items,
                                            std::function<int(const ExperimentSpec &)> get, std::function<void(ExperimentSpec &, int)> set)
{
    auto *box = new QComboBox(this);
    box->addItems(items);
    box->setToolTip(tip);
    box->setObjectName(key);
    connect(box, &QComboBox::activated, this, [this, key, set](int i) { m_doc->changeSettings(key, [&](ExperimentSpec &s) { set(s, i); }); });
    return addRow(form, label, box, [this, box, get] { box->setCurrentIndex(get(m_doc->spec())); });
}

SettingsPanel::Row &SettingsPanel::addCheck(QFormLayout *form, const QString &key, const QString &label, const QString &tip,
                                            std::function<bool(const ExperimentSpec &)> get, std::function<void(ExperimentSpec &, bool)> set)
{
    auto *box = new QCheckBox(this);
    box->setToolTip(tip);
    box->setObjectName(key);
    connect(box, &QCheckBox::toggled, this, [this, key, set](bool v) { m_doc->changeSettings(key, [&](ExperimentSpec &s) { set(s, v); }); });
    return addRow(form, label, box, [this, box, get] { box->setChecked(get(m_doc->spec())); });
}

SettingsPanel::Row &SettingsPanel::addPath(QFormLayout *form, const QString &key, const QString &label, const QString &tip, bool folder,
                                           const QString &filter, std::function<QString(const ExperimentSpec &)> get,
                                           std::function<void(ExperimentSpec &, const QString &)> set)
{
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *line = new QLineEdit(row);
    line->setToolTip(tip);
    line->setObjectName(key);
    auto *browse = new QPushButton(tr("Browse..."), row);
    h->addWidget(line, 1);
    h->addWidget(browse);
    auto apply = [this, key, set](const QString &p) { m_doc->changeSettings(key, [&](ExperimentSpec &s) { set(s, p); }); };
    connect(line, &QLineEdit::editingFinished, this, [line, apply] { apply(line->text().trimmed()); });
    connect(browse, &QPushButton::clicked, this, [this, line, folder, filter, label, apply] {
        const QString start = line->text().isEmpty() ? QString() : line->text();
        const QString path = folder ? QFileDialog::getExistingDirectory(this, label, start)
                                    : QFileDialog::getOpenFileName(this, label, start, filter);
        if (!path.isEmpty())
            apply(path);
    });
    return addRow(form, label, row, [this, line, get] { line->setText(get(m_doc->spec())); });
}

void SettingsPanel::addOptimizer(NetworkRole role)
{
    const bool g = role == NetworkRole::Generator;
    QFormLayout *f = addGroup(g ? tr("Generator optimiser") : tr("Discriminator optimiser"));
    const QString prefix = g ? tr("G ") : tr("D ");
    auto opt = [g](const ExperimentSpec &s) -> const OptimizerSpec & { return g ? s.optimizerG : s.optimizerD; };
    auto optm = [g](ExperimentSpec &s) -> OptimizerSpec & { return g ? s.optimizerG : s.optimizerD; };
    addCombo(f, prefix + tr("optimiser"), tr("Optimiser"), tr("Adam is the usual choice for GANs"), {tr("Adam"), tr("SGD with momentum"), tr("RMSprop")},
             [opt](const ExperimentSpec &s) { return int(opt(s).kind); }, [optm](ExperimentSpec &s, int i) { optm(s).kind = OptimizerKind(i); });
    addDouble(f, prefix + tr("learning rate"), tr("Learning rate"), tr("Step size; DCGAN uses 0.0002. Different rates for G and D (TTUR) can steady training"),
              1e-7, 1, 0.0001, 7, [opt](const ExperimentSpec &s) { return opt(s).lr; }, [optm](ExperimentSpec &s, double v) { optm(s).lr = v; });
    auto isAdam = [opt](const ExperimentSpec &s) { return opt(s).kind == OptimizerKind::Adam; };
    addDouble(f, prefix + tr("beta1"), tr("β1"), tr("Adam's momentum; GANs use 0.5 (or 0) rather than 0.9"), 0, 0.9999, 0.05, 4,
              [opt](const ExperimentSpec &s) { return opt(s).beta1; }, [optm](ExperimentSpec &s, double v) { optm(s).beta1 = v; })
        .visible = isAdam;
    addDouble(f, prefix + tr("beta2"), tr("β2"), tr("Adam's averaging of squared gradients (0.999; 0.9 for fast-moving 2D games)"), 0, 0.99999, 0.001, 5,
              [opt](const ExperimentSpec &s) { return opt(s).beta2; }, [optm](ExperimentSpec &s, double v) { optm(s).beta2 = v; })
        .visible = isAdam;
    addDouble(f, prefix + tr("momentum"), tr("Momentum"), tr("Velocity kept between SGD or RMSprop steps"), 0, 0.9999, 0.05, 4,
              [opt](const ExperimentSpec &s) { return opt(s).momentum; }, [optm](ExperimentSpec &s, double v) { optm(s).momentum = v; })
        .visible = [opt](const ExperimentSpec &s) { return opt(s).kind != OptimizerKind::Adam; };
    addDouble(f, prefix + tr("alpha"), tr("Smoothing α"), tr("RMSprop's averaging of squared gradients"), 0, 0.99999, 0.01, 5,
              [opt](const ExperimentSpec &s) { return opt(s).alpha; }, [optm](ExperimentSpec &s, double v) { optm(s).alpha = v; })
        .visible = [opt](const ExperimentSpec &s) { return opt(s).kind == OptimizerKind::RMSprop; };
    addDouble(f, prefix + tr("weight decay"), tr("Weight decay"), tr("L2 pull of every weight towards zero (0 = off)"), 0, 1, 0.0001, 6,
              [opt](const ExperimentSpec &s) { return opt(s).weightDecay; }, [optm](ExperimentSpec &s, double v) { optm(s).weightDecay = v; });
}

void SettingsPanel::refresh()
{
    const ExperimentSpec &s = m_doc->spec();
    for (Row &row : m_rows) {
        {
            const QSignalBlocker block(row.editor);
            for (QObject *child : row.editor->children())
                child->blockSignals(true);
            row.refresh();
            for (QObject *child : row.editor->children())
                child->blockSignals(false);
        }
        if (row.visible)
            row.form->setRowVisible(row.editor, row.visible(s));
    }
    if (!m_hasPreview || s.data != m_previewed)
        schedulePreview();
}

void SettingsPanel::schedulePreview()
{
    m_previewTimer->start();
}

void SettingsPanel::loadPreview()
{
    DataSpec data = m_doc->spec().data;
    m_previewed = data;
    m_hasPreview = true;
    const bool twoD = data.kind == DataKind::Synthetic2D || data.kind == DataKind::Csv2D;
    const int want = twoD ? kPreviewPoints : kPreviewImages;
    if (data.kind == DataKind::Synthetic2D)
        data.syntheticCount = std::min(data.syntheticCount, want);
    data.limit = data.limit > 0 ? std::min(data.limit, want) : want;
    const std::uint64_t seed = m_doc->spec().seed;
    const quint64 generation = ++m_previewGeneration;
    m_previewCaption->setText(tr("Loading a preview of the data..."));
    QPointer<SettingsPanel> self(this);
    // Reading files can take a moment (a network folder, a large gzip): never on the GUI thread.
    QThreadPool::globalInstance()->start([self, data, seed, generation, twoD] {
        const DatasetLoad load = datasets::load(data, seed);
        QImage image;
        QString caption;
        if (!load.data) {
            caption = load.error;
        } else if (twoD) {
            image = sampleimage::scatter(load.data->points, {}, 220);
            caption = QCoreApplication::translate("SettingsPanel", "%n real point(s) from %1", nullptr, int(load.data->count)).arg(load.data->source);
        } else {
            const SampleBatch batch = sampleimage::fromDataset(*load.data, int(load.data->count));
            image = sampleimage::grid(batch, 8, 1);
            caption = QCoreApplication::translate("SettingsPanel", "First %n real sample(s) of %1, %2×%3×%4", nullptr, batch.count)
                          .arg(load.data->source)
                          .arg(batch.channels)
                          .arg(batch.height)
                          .arg(batch.width);
        }
        QMetaObject::invokeMethod(qApp, [self, image, caption, generation] {
            if (!self || generation != self->m_previewGeneration)
                return;  // a newer preview is on its way
            const int scale = image.isNull() ? 1 : std::max(1, 240 / std::max(1, image.width()));
            self->m_preview->setPixmap(image.isNull() ? QPixmap() : QPixmap::fromImage(image.scaled(image.size() * scale)));
            self->m_previewCaption->setText(caption);
        });
    });
}
