#include "settings/settingspanel.h"

#include "spec/classgrid.h"
#include "widgets/lossformulas.h"

#include "widgets/spinboxes.h"
#include "widgets/widgetevents.h"

#include "document/experimentdocument.h"

#include "data/dataset.h"
#include "i18n/language.h"
#include "spec/losskinds.h"
#include "session/datapreview.h"
#include "training/sampleimage.h"
#include "training/trainer.h"

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
#include <QTimer>
#include <QVBoxLayout>


SettingsPanel::SettingsPanel(ExperimentDocument *doc, DataPreview *preview, QWidget *parent) : QWidget(parent), m_doc(doc), m_data(preview)
{
    setObjectName(QStringLiteral("settingsPanel"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    if (m_data) {
        connect(m_data, &DataPreview::loading, this, &SettingsPanel::showPreview);
        connect(m_data, &DataPreview::changed, this, &SettingsPanel::showPreview);
    }
    connect(doc, &ExperimentDocument::settingsChanged, this, &SettingsPanel::refresh);
    connect(doc, &ExperimentDocument::reloaded, this, &SettingsPanel::refresh);
    build();
    refresh();
    // Every row's label, tip and choices are made with the row: a language change makes the rows
    // again (their values come from the document) and shows the preview with its caption.
    widgetevents::onEvent(this, QEvent::LanguageChange, [this] {
        delete m_content;
        m_rows.clear();
        build();
        refresh();
    });
}

void SettingsPanel::build()
{
    m_content = new QWidget(this);
    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    layout()->addWidget(m_content);

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
        // A preset's description shows in the window's language; what a person types is theirs.
        auto shown = [this] { return language::presetDescription(m_doc->spec().description); };
        connect(description, &QPlainTextEdit::textChanged, this, [this, description, shown] {
            const QString t = description->toPlainText();
            if (t != shown())
                m_doc->changeSettings(tr("description"), [t](ExperimentSpec &s) { s.description = t; });
        });
        addRow(f, tr("Description"), description, [description, shown] {
            if (description->toPlainText() != shown())
                description->setPlainText(shown());
        });
    }

    // Data
    f = addGroup(tr("Data"));
    addCombo(f, tr("dataset"), tr("Dataset"), tr("What the generator learns to imitate"),
             {tr("Fashion-MNIST (installed)"), tr("IDX image file (MNIST, KMNIST, EMNIST...)"), tr("Image folder (PNG, JPEG, BMP)"),
              tr("2D synthetic set"), tr("2D points from a CSV file"),
              tr("2D points drawn by hand (2D lab > Draw)")},
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
    addInt(f, tr("image size"), fields::imageSize,
           [](const ExperimentSpec &s) { return s.data.imageSize; }, [](ExperimentSpec &s, int v) { s.data.imageSize = v; })
        .visible = [](const ExperimentSpec &s) { return s.data.kind == DataKind::ImageFolder; };
    addCheck(f, tr("grayscale"), tr("Grayscale"), tr("One channel instead of RGB"), [](const ExperimentSpec &s) { return s.data.grayscale; },
             [](ExperimentSpec &s, bool v) { s.data.grayscale = v; })
        .visible = [](const ExperimentSpec &s) { return s.data.kind == DataKind::ImageFolder; };
    addCombo(f, tr("2D set"), tr("2D set"), tr("Ring of 8 Gaussians and grid of 25 are the standard mode-collapse tests"),
             {tr("ring of 8 Gaussians"), tr("grid of 25 Gaussians"), tr("spiral"), tr("two moons"), tr("single Gaussian")},
             [](const ExperimentSpec &s) { return int(s.data.synthetic); }, [](ExperimentSpec &s, int i) { s.data.synthetic = Synthetic2DKind(i); })
        .visible = [](const ExperimentSpec &s) { return s.data.kind == DataKind::Synthetic2D; };
    addInt(f, tr("points"), fields::pointCount,
           [](const ExperimentSpec &s) { return s.data.syntheticCount; }, [](ExperimentSpec &s, int v) { s.data.syntheticCount = v; })
        .visible = [](const ExperimentSpec &s) { return s.data.kind == DataKind::Synthetic2D; };
    addInt(f, tr("limit"), fields::limit,
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
    addInt(f, tr("latent size"), fields::latentSize,
           [](const ExperimentSpec &s) { return s.latentDim; }, [](ExperimentSpec &s, int v) { s.latentDim = v; });
    addCombo(f, tr("prior"), tr("Prior"), tr("Distribution the latent vectors are drawn from"), {tr("normal N(0, 1)"), tr("uniform U(-1, 1)")},
             [](const ExperimentSpec &s) { return int(s.prior); }, [](ExperimentSpec &s, int i) { s.prior = LatentPrior(i); });

    // Conditioning: one choice; the first layers follow it (conditioningfit), classes from the data.
    f = addGroup(tr("Conditioning"));
    auto setConditioning = [](ExperimentSpec &s, auto change) {
        ConditioningSpec next = s.conditioning;
        change(next);
        if (!s.conditioning.enabled() && next.enabled())
            if (const int known = datasets::knownClassCount(s.data); known > 0)
                next.classes = known;
        conditioningfit::apply(&s, next);
    };
    addCombo(f, tr("conditioning"), tr("Conditioning"),
             tr("Whether both networks are told the class of each sample (the data's labels), and how the discriminator takes it"),
             {tr("none"), tr("concat (cGAN)"), tr("projection"), tr("auxiliary classifier (AC-GAN)")},
             [](const ExperimentSpec &s) { return int(s.conditioning.kind); },
             [setConditioning](ExperimentSpec &s, int i) { setConditioning(s, [i](ConditioningSpec &c) { c.kind = ConditioningKind(i); }); });
    addInt(f, tr("classes"), fields::classes, [](const ExperimentSpec &s) { return s.conditioning.classes; },
           [setConditioning](ExperimentSpec &s, int v) { setConditioning(s, [v](ConditioningSpec &c) { c.classes = v; }); })
        .visible = [](const ExperimentSpec &s) { return s.conditioning.enabled(); };
    addInt(f, tr("label embedding"), fields::labelEmbedding, [](const ExperimentSpec &s) { return s.conditioning.embedding; },
           [setConditioning](ExperimentSpec &s, int v) { setConditioning(s, [v](ConditioningSpec &c) { c.embedding = v; }); })
        .visible = [](const ExperimentSpec &s) { return s.conditioning.enabled(); };
    addDouble(f, tr("class loss weight"), fields::auxWeight, [](const ExperimentSpec &s) { return s.conditioning.auxWeight; },
              [](ExperimentSpec &s, double v) { s.conditioning.auxWeight = v; })
        .visible = [](const ExperimentSpec &s) { return s.conditioning.kind == ConditioningKind::Auxiliary; };

    // Loss
    f = addGroup(tr("Loss and regularisers"));
    QStringList losses;
    for (const LossKindInfo &k : losskind::all())
        losses << losskind::label(k.kind);
    addCombo(f, tr("loss"), tr("Loss"), tr("How D scores samples and what G tries to achieve"), losses,
             [](const ExperimentSpec &s) { return losskind::indexOf(s.loss.kind); },
             [](ExperimentSpec &s, int i) { s.loss.kind = losskind::all()[size_t(i)].kind; });
    m_formula = new QLabel(this);
    m_formula->setObjectName(QStringLiteral("lossFormula"));
    m_formula->setWordWrap(true);
    m_formula->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_formula->setTextFormat(Qt::RichText);
    m_formula->setStyleSheet(QStringLiteral("background: palette(alternate-base); padding: 4px"));
    addRow(f, QString(), m_formula, [this] { m_formula->setText(LossFormulas::definition(m_doc->spec().loss, m_doc->spec().conditioning)); });
    addDouble(f, tr("gradient penalty"), fields::gpLambda,
              [](const ExperimentSpec &s) { return s.loss.gpLambda; }, [](ExperimentSpec &s, double v) { s.loss.gpLambda = v; })
        .visible = [](const ExperimentSpec &s) { return losskind::info(s.loss.kind).gradientPenalty; };
    addDouble(f, tr("clip"), fields::clip,
              [](const ExperimentSpec &s) { return s.loss.clip; }, [](ExperimentSpec &s, double v) { s.loss.clip = v; })
        .visible = [](const ExperimentSpec &s) { return losskind::info(s.loss.kind).clipsWeights; };
    addDouble(f, tr("R1"), fields::r1Gamma,
              [](const ExperimentSpec &s) { return s.loss.r1Gamma; }, [](ExperimentSpec &s, double v) { s.loss.r1Gamma = v; });
    addDouble(f, tr("label smoothing"), fields::labelSmoothing,
              [](const ExperimentSpec &s) { return s.loss.labelSmoothing; },
              [](ExperimentSpec &s, double v) { s.loss.labelSmoothing = v; });
    addDouble(f, tr("instance noise"), fields::instanceNoise,
              [](const ExperimentSpec &s) { return s.loss.instanceNoise; },
              [](ExperimentSpec &s, double v) { s.loss.instanceNoise = v; });
    addInt(f, tr("noise steps"), fields::instanceNoiseSteps,
           [](const ExperimentSpec &s) { return s.loss.instanceNoiseSteps; }, [](ExperimentSpec &s, int v) { s.loss.instanceNoiseSteps = v; });

    addOptimizer(NetworkRole::Generator);
    addOptimizer(NetworkRole::Discriminator);

    // Training
    f = addGroup(tr("Training"));
    addInt(f, tr("batch size"), fields::batchSize,
           [](const ExperimentSpec &s) { return s.batchSize; },
           [](ExperimentSpec &s, int v) { s.batchSize = v; });
    addInt(f, tr("D steps"), fields::dStepsPerG,
           [](const ExperimentSpec &s) { return s.dStepsPerG; }, [](ExperimentSpec &s, int v) { s.dStepsPerG = v; });
    addInt(f, tr("steps"), fields::steps,
           [](const ExperimentSpec &s) { return s.steps; }, [](ExperimentSpec &s, int v) { s.steps = v; });
    // Seeds go up to 2^53 - 1, beyond an int: a double holds every one of them exactly.
    addDouble(f, tr("seed"), fields::seed, [](const ExperimentSpec &s) { return double(s.seed); },
              [](ExperimentSpec &s, double v) { s.seed = std::uint64_t(v); });
    addInt(f, tr("threads"), fields::threads,
           [](const ExperimentSpec &s) { return s.threads; }, [](ExperimentSpec &s, int v) { s.threads = v; });
    addCheck(f, tr("DCGAN init"), tr("DCGAN initialisation"), tr("Weights drawn from N(0, 0.02), BatchNorm scales from N(1, 0.02), as in the DCGAN paper"),
             [](const ExperimentSpec &s) { return s.dcganInit; }, [](ExperimentSpec &s, bool v) { s.dcganInit = v; });
    addDouble(f, tr("EMA"), fields::emaDecay,
              [](const ExperimentSpec &s) { return s.emaDecay; }, [](ExperimentSpec &s, double v) { s.emaDecay = v; });
    addDouble(f, tr("learning-rate decay"), fields::lrDecayTo,
              [](const ExperimentSpec &s) { return s.lrDecayTo; }, [](ExperimentSpec &s, double v) { s.lrDecayTo = v; });
    addInt(f, tr("sample every"), fields::sampleEvery,
           [](const ExperimentSpec &s) { return s.sampleEvery; }, [](ExperimentSpec &s, int v) { s.sampleEvery = v; });
    {
        // A choice of the devices this build can use; a file's device that it cannot use stays
        // shown, marked, so that the person sees why a run of it would stop at once.
        auto *device = new QComboBox(this);
        device->setObjectName(QStringLiteral("device"));
        device->setToolTip(tr("Where the networks train: the CPU, or a GPU when this build of LibTorch has CUDA (Automatic: "
                              "the first GPU where there is one, else the CPU)"));
        const QStringList devices = Trainer::availableDevices();
        connect(device, &QComboBox::activated, this, [this, device](int i) {
            const QString t = device->itemData(i).toString();
            if (t != m_doc->spec().device)
                m_doc->changeSettings(tr("device"), [t](ExperimentSpec &s) { s.device = t; });
        });
        addRow(f, tr("Device"), device, [this, device, devices] {
            const QString current = m_doc->spec().device;
            device->clear();
            for (const QString &d : devices)
                device->addItem(d == QLatin1String("auto") ? tr("Automatic: %1").arg(Trainer::deviceName(d)) : Trainer::deviceName(d), d);
            if (!devices.contains(current))  // "cuda" without an index works where CUDA does
                device->addItem(Trainer::deviceProblem(current).isEmpty() ? current : tr("%1 (not available in this build)").arg(current),
                                current);
            device->setCurrentIndex(device->findData(current));
        });
    }
    {
        auto *precision = new QComboBox(this);
        precision->setObjectName(QStringLiteral("precision"));
        connect(precision, &QComboBox::activated, this, [this, precision](int i) {
            const auto p = Precision(precision->itemData(i).toInt());
            if (p != m_doc->spec().precision)
                m_doc->changeSettings(tr("precision"), [p](ExperimentSpec &s) { s.precision = p; });
        });
        addRow(f, tr("Precision"), precision, [this, precision] {
            precision->setToolTip(tr("bf16: convolutions and linear layers compute in bfloat16 (autocast), on a CPU with "
                                     "AVX512-BF16 or AMX or on a GPU; the losses, weights and optimisers stay fp32. It pays "
                                     "for large layers; small networks can be slower than in fp32 (README)"));
            precision->clear();
            precision->addItem(tr("fp32 (full)"), int(Precision::Fp32));
            ExperimentSpec bf16 = m_doc->spec();
            bf16.precision = Precision::Bf16;
            const QString problem = Trainer::precisionProblem(bf16);
            precision->addItem(problem.isEmpty() ? tr("bf16 (mixed)") : tr("bf16 (mixed; not on this machine)"), int(Precision::Bf16));
            precision->setCurrentIndex(precision->findData(int(m_doc->spec().precision)));
        });
    }
    content->addStretch(1);
}

QFormLayout *SettingsPanel::addGroup(const QString &title)
{
    auto *box = new QGroupBox(title, m_content);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    static_cast<QVBoxLayout *>(m_content->layout())->addWidget(box);
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

SettingsPanel::Row &SettingsPanel::addInt(QFormLayout *form, const QString &key, const NumberField &field,
                                          std::function<int(const ExperimentSpec &)> get, std::function<void(ExperimentSpec &, int)> set)
{
    auto *box = spinboxes::integer(this, key, field);
    box->setGroupSeparatorShown(true);
    connect(box, &QSpinBox::valueChanged, this, [this, key, set](int v) { m_doc->changeSettings(key, [&](ExperimentSpec &s) { set(s, v); }); });
    return addRow(form, spinboxes::label(field), box, [this, box, get] { box->setValue(get(m_doc->spec())); });
}

SettingsPanel::Row &SettingsPanel::addDouble(QFormLayout *form, const QString &key, const NumberField &field,
                                             std::function<double(const ExperimentSpec &)> get, std::function<void(ExperimentSpec &, double)> set)
{
    auto *box = spinboxes::real(this, key, field);
    connect(box, &QDoubleSpinBox::valueChanged, this,
            [this, key, set](double v) { m_doc->changeSettings(key, [&](ExperimentSpec &s) { set(s, v); }); });
    return addRow(form, spinboxes::label(field), box, [this, box, get] { box->setValue(get(m_doc->spec())); });
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
    addDouble(f, prefix + tr("learning rate"), fields::lr,
              [opt](const ExperimentSpec &s) { return opt(s).lr; }, [optm](ExperimentSpec &s, double v) { optm(s).lr = v; });
    auto isAdam = [opt](const ExperimentSpec &s) { return opt(s).kind == OptimizerKind::Adam; };
    addDouble(f, prefix + tr("beta1"), fields::beta1,
              [opt](const ExperimentSpec &s) { return opt(s).beta1; }, [optm](ExperimentSpec &s, double v) { optm(s).beta1 = v; })
        .visible = isAdam;
    addDouble(f, prefix + tr("beta2"), fields::beta2,
              [opt](const ExperimentSpec &s) { return opt(s).beta2; }, [optm](ExperimentSpec &s, double v) { optm(s).beta2 = v; })
        .visible = isAdam;
    addDouble(f, prefix + tr("momentum"), fields::momentum,
              [opt](const ExperimentSpec &s) { return opt(s).momentum; }, [optm](ExperimentSpec &s, double v) { optm(s).momentum = v; })
        .visible = [opt](const ExperimentSpec &s) { return opt(s).kind != OptimizerKind::Adam; };
    addDouble(f, prefix + tr("alpha"), fields::rmsAlpha,
              [opt](const ExperimentSpec &s) { return opt(s).alpha; }, [optm](ExperimentSpec &s, double v) { optm(s).alpha = v; })
        .visible = [opt](const ExperimentSpec &s) { return opt(s).kind == OptimizerKind::RMSprop; };
    addDouble(f, prefix + tr("weight decay"), fields::weightDecay,
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
    showPreview();
}

SettingsPanel::~SettingsPanel() = default;

void SettingsPanel::showPreview()
{
    if (!m_data || !m_preview)
        return;
    QImage image;
    QString caption;
    const std::shared_ptr<const Dataset> data = m_data->data();
    if (m_data->isLoading()) {
        caption = tr("Loading a preview of the data...");
    } else if (!data) {
        caption = m_data->error();
    } else if (data->kind == Dataset::Kind::Points) {
        image = sampleimage::scatter(data->points, {}, 220);
        caption = tr("%n real point(s) from %1", nullptr, int(data->count)).arg(data->source);
    } else {
        const SampleBatch batch = sampleimage::fromDataset(*data, int(data->count));
        image = sampleimage::grid(batch, 8, 1);
        caption = tr("First %n real sample(s) of %1, %2×%3×%4", nullptr, batch.count)
                      .arg(data->source)
                      .arg(batch.channels)
                      .arg(batch.height)
                      .arg(batch.width);
    }
    if (!m_data->isLoading()) {
        const int scale = image.isNull() ? 1 : std::max(1, 240 / std::max(1, image.width()));
        m_preview->setPixmap(image.isNull() ? QPixmap() : QPixmap::fromImage(image.scaled(image.size() * scale)));
    }
    m_previewCaption->setText(caption);
}
