#include "layerpropertyeditor.h"

#include "layerpalette.h"
#include "spinboxes.h"

#include "document/experimentdocument.h"
#include "spec/shapeinference.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
std::vector<int> parseShape(const QString &text, bool *ok)
{
    std::vector<int> out;
    *ok = true;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,x× ]+")), Qt::SkipEmptyParts)) {
        bool good = false;
        const int v = part.toInt(&good);
        if (!good || v < 1) {
            *ok = false;
            return {};
        }
        out.push_back(v);
    }
    *ok = !out.empty();
    return out;
}
}  // namespace

LayerPropertyEditor::LayerPropertyEditor(ExperimentDocument *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
    setObjectName(QStringLiteral("layerProperties"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *head = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    head->addWidget(m_title, 1);
    m_fit = new QPushButton(tr("Fit to Input"), this);
    m_fit->setToolTip(tr("Set this layer's input size (features, channels or normalised shape) to what actually arrives from the layer above"));
    connect(m_fit, &QPushButton::clicked, this, &LayerPropertyEditor::fitToInput);
    head->addWidget(m_fit);
    layout->addLayout(head);
    m_form = new QWidget(this);
    m_formLayout = new QFormLayout(m_form);
    m_formLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_form);
    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b00000"));
    layout->addWidget(m_problems);
    layout->addStretch(1);

    connect(doc, &ExperimentDocument::layerChanged, this, [this](NetworkRole role, int) {
        if (role == m_role)
            refresh();
    });
    connect(doc, &ExperimentDocument::analysisChanged, this, [this] {
        if (!layer())
            setLayer(m_role, QString());  // the shown layer was deleted
        else
            refresh();
    });
    connect(doc, &ExperimentDocument::reloaded, this, [this] { setLayer(m_role, QString()); });
    setLayer(NetworkRole::Generator, QString());
}

const LayerSpec *LayerPropertyEditor::layer() const
{
    if (m_id.isEmpty())
        return nullptr;
    const NetworkSpec &net = m_doc->spec().network(m_role);
    const int index = net.indexOfId(m_id);
    return index < 0 ? nullptr : &net.layers[size_t(index)];
}

void LayerPropertyEditor::setLayer(NetworkRole role, const QString &id)
{
    const LayerSpec *before = layer();
    const bool same = before && role == m_role && id == m_id && before->kind == m_kind;
    m_role = role;
    m_id = id;
    if (!same)
        rebuild();
    refresh();
}

void LayerPropertyEditor::rebuild()
{
    while (m_formLayout->rowCount() > 0)
        m_formLayout->removeRow(0);
    m_fields.clear();
    const LayerSpec *l = layer();
    m_fit->setVisible(false);
    if (!l) {
        m_title->setText(tr("Select a layer to edit its settings. Drag kinds from the palette onto a stack, or double-click one."));
        return;
    }
    m_kind = l->kind;
    switch (l->kind) {
    case LayerKind::Linear:
        addInt(QStringLiteral("in"), tr("Inputs"), tr("Size of the flat input vector; must equal what the layer above produces"), 1, 1 << 24,
               &LayerSpec::inFeatures);
        addInt(QStringLiteral("out"), tr("Outputs"), tr("Number of output features (units)"), 1, 1 << 24, &LayerSpec::outFeatures);
        break;
    case LayerKind::Conv2d:
    case LayerKind::ConvTranspose2d:
        addInt(QStringLiteral("in"), tr("In channels"), tr("Channels of the input image; must equal the channels arriving from above"), 1, 65536,
               &LayerSpec::inChannels);
        addInt(QStringLiteral("out"), tr("Out channels"), tr("Number of filters, i.e. channels of the output"), 1, 65536, &LayerSpec::outChannels);
        addInt(QStringLiteral("kernel"), tr("Kernel"), tr("Height and width of each filter in pixels"), 1, 64, &LayerSpec::kernel);
        addInt(QStringLiteral("stride"), tr("Stride"),
               l->kind == LayerKind::Conv2d ? tr("Step between filter positions; 2 halves height and width")
                                            : tr("Upsampling factor; 2 doubles height and width"),
               1, 16, &LayerSpec::stride);
        addInt(QStringLiteral("padding"), tr("Padding"),
               tr("Pixels of zeros around the input (convolution) or removed from the output border (transposed convolution)"), 0, 64,
               &LayerSpec::padding);
        if (l->kind == LayerKind::ConvTranspose2d)
            addInt(QStringLiteral("output_padding"), tr("Output padding"),
                   tr("Extra rows and columns added on one side of the output, to reach an odd size; smaller than the stride"), 0, 15,
                   &LayerSpec::outputPadding);
        break;
    case LayerKind::BatchNorm1d:
    case LayerKind::BatchNorm2d:
        addInt(QStringLiteral("features"), tr("Features"), tr("Number of features (1d) or channels (2d) normalised; must match the input"), 1,
               1 << 24, &LayerSpec::numFeatures);
        addDouble(QStringLiteral("momentum"), tr("Momentum"), tr("How fast the running mean and variance used for sampling follow the batches"),
                  0.0, 1.0, 0.01, 3, &LayerSpec::momentum);
        addDouble(QStringLiteral("eps"), tr("Epsilon"), tr("Added to the variance so that a constant feature does not divide by zero"), 1e-8, 1.0,
                  1e-5, 8, &LayerSpec::eps);
        break;
    case LayerKind::LayerNorm:
        addShape(QStringLiteral("normalized_shape"), tr("Shape"), tr("The trailing dimensions normalised together, e.g. 64 or 128, 7, 7"),
                 &LayerSpec::normalizedShape);
        addDouble(QStringLiteral("eps"), tr("Epsilon"), tr("Added to the variance so that a constant sample does not divide by zero"), 1e-8, 1.0,
                  1e-5, 8, &LayerSpec::eps);
        break;
    case LayerKind::Upsample: {
        addInt(QStringLiteral("scale"), tr("Scale"), tr("Factor by which height and width grow"), 1, 16, &LayerSpec::scale);
        auto *mode = new QComboBox(m_form);
        mode->addItem(tr("nearest"), int(UpsampleMode::Nearest));
        mode->addItem(tr("bilinear"), int(UpsampleMode::Bilinear));
        mode->setToolTip(tr("Nearest repeats pixels (blocky, free); bilinear blends neighbours (smooth)"));
        connect(mode, &QComboBox::activated, this, [this, mode] {
            edit(QStringLiteral("mode"), [mode](LayerSpec &l) { l.mode = UpsampleMode(mode->currentData().toInt()); });
        });
        m_formLayout->addRow(tr("Mode"), mode);
        m_fields.push_back({QStringLiteral("mode"), mode, [this, mode] {
                                if (const LayerSpec *l = layer())
                                    mode->setCurrentIndex(mode->findData(int(l->mode)));
                            }});
        break;
    }
    case LayerKind::Dropout:
        addDouble(QStringLiteral("p"), tr("Probability"), tr("Share of inputs zeroed during training (none when sampling)"), 0.0, 0.99, 0.05, 2,
                  &LayerSpec::p);
        break;
    case LayerKind::LeakyReLU:
        addDouble(QStringLiteral("slope"), tr("Negative slope"), tr("Factor applied to negative inputs; 0.2 is the usual choice in GANs"), 0.0,
                  1.0, 0.01, 3, &LayerSpec::slope);
        break;
    case LayerKind::ELU:
        addDouble(QStringLiteral("alpha"), tr("Alpha"), tr("Value approached for very negative inputs (as -alpha)"), 0.01, 10.0, 0.1, 2,
                  &LayerSpec::alpha);
        break;
    case LayerKind::Reshape:
        addShape(QStringLiteral("shape"), tr("Shape"), tr("New per-sample shape, e.g. 128, 7, 7; must hold as many values as arrive"),
                 &LayerSpec::shape);
        break;
    default:
        break;
    }
    if (layerkind::hasWeights(l->kind)) {
        addBool(QStringLiteral("bias"), tr("Bias"), tr("Add a learned constant to each output; redundant right before a BatchNorm"),
                &LayerSpec::bias);
        addBool(QStringLiteral("spectral_norm"), tr("Spectral norm"),
                tr("Divide the weights by their largest singular value (power iteration), keeping the layer 1-Lipschitz; steadies discriminators"),
                &LayerSpec::spectralNorm);
    }
    const LayerKind k = l->kind;
    m_fit->setVisible(k == LayerKind::Linear || k == LayerKind::Conv2d || k == LayerKind::ConvTranspose2d || k == LayerKind::BatchNorm1d
                      || k == LayerKind::BatchNorm2d || k == LayerKind::LayerNorm);
}

void LayerPropertyEditor::refresh()
{
    const LayerSpec *l = layer();
    if (!l) {
        m_problems->clear();
        return;
    }
    if (l->kind != m_kind) {
        rebuild();
        l = layer();
    }
    const NetworkSpec &net = m_doc->spec().network(m_role);
    const int index = net.indexOfId(m_id);
    const NetworkAnalysis &a = m_role == NetworkRole::Generator ? m_doc->analysis().generator : m_doc->analysis().discriminator;
    const QString where = ShapeInference::layerName(m_role, index, l->kind);
    QString shapes;
    if (size_t(index) < a.layers.size()) {
        const LayerAnalysis &la = a.layers[size_t(index)];
        shapes = tr("%1 → %2").arg(shapeToString(la.inShape), la.outShape.empty() ? tr("?") : shapeToString(la.outShape));
        m_problems->setText(la.problems.join(QLatin1Char('\n')));
    }
    m_title->setText(QStringLiteral("<b>%1</b> %2<br><small>%3</small>").arg(where.toHtmlEscaped(), shapes.toHtmlEscaped(),
                                                                         LayerPalette::description(l->kind).toHtmlEscaped()));
    for (Field &f : m_fields) {
        const QSignalBlocker block(f.editor);
        f.refresh();
    }
}

void LayerPropertyEditor::edit(const QString &key, const std::function<void(LayerSpec &)> &change)
{
    const LayerSpec *l = layer();
    if (!l)
        return;
    LayerSpec changed = *l;
    change(changed);
    m_doc->changeLayer(m_role, changed, key);
}

void LayerPropertyEditor::addInt(const QString &key, const QString &label, const QString &tip, int min, int max, int LayerSpec::*member)
{
    auto *box = spinboxes::integer(m_form, key, tip, min, max);
    connect(box, &QSpinBox::valueChanged, this, [this, key, member](int v) { edit(key, [member, v](LayerSpec &l) { l.*member = v; }); });
    m_formLayout->addRow(label, box);
    m_fields.push_back({key, box, [this, box, member] {
                            if (const LayerSpec *l = layer())
                                box->setValue(l->*member);
                        }});
}

void LayerPropertyEditor::addDouble(const QString &key, const QString &label, const QString &tip, double min, double max, double step,
                                    int decimals, double LayerSpec::*member)
{
    auto *box = spinboxes::real(m_form, key, tip, min, max, step, decimals);
    connect(box, &QDoubleSpinBox::valueChanged, this,
            [this, key, member](double v) { edit(key, [member, v](LayerSpec &l) { l.*member = v; }); });
    m_formLayout->addRow(label, box);
    m_fields.push_back({key, box, [this, box, member] {
                            if (const LayerSpec *l = layer())
                                box->setValue(l->*member);
                        }});
}

void LayerPropertyEditor::addBool(const QString &key, const QString &label, const QString &tip, bool LayerSpec::*member)
{
    auto *box = new QCheckBox(m_form);
    box->setToolTip(tip);
    box->setObjectName(key);
    connect(box, &QCheckBox::toggled, this, [this, key, member](bool v) { edit(key, [member, v](LayerSpec &l) { l.*member = v; }); });
    m_formLayout->addRow(label, box);
    m_fields.push_back({key, box, [this, box, member] {
                            if (const LayerSpec *l = layer())
                                box->setChecked(l->*member);
                        }});
}

void LayerPropertyEditor::addShape(const QString &key, const QString &label, const QString &tip, std::vector<int> LayerSpec::*member)
{
    auto *line = new QLineEdit(m_form);
    line->setToolTip(tip);
    line->setObjectName(key);
    connect(line, &QLineEdit::editingFinished, this, [this, key, member, line] {
        bool ok = false;
        const std::vector<int> shape = parseShape(line->text(), &ok);
        if (!ok) {
            line->setStyleSheet(QStringLiteral("background: #ffd7d7"));
            line->setToolTip(tr("Write positive whole numbers separated by commas, e.g. 128, 7, 7"));
            return;
        }
        line->setStyleSheet(QString());
        edit(key, [member, shape](LayerSpec &l) { l.*member = shape; });
    });
    m_formLayout->addRow(label, line);
    m_fields.push_back({key, line, [this, line, member] {
                            if (const LayerSpec *l = layer())
                                line->setText(dimsText(l->*member));
                        }});
}

void LayerPropertyEditor::fitToInput()
{
    const LayerSpec *l = layer();
    if (!l)
        return;
    const int index = m_doc->spec().network(m_role).indexOfId(m_id);
    const LayerSpec fitted = m_doc->newLayer(m_role, index, l->kind);
    if (m_doc->inputShapeAt(m_role, index).empty())
        return;  // an earlier problem hides what arrives here
    edit(QStringLiteral("input size"), [&fitted](LayerSpec &x) {
        x.inFeatures = fitted.inFeatures;
        x.inChannels = fitted.inChannels;
        x.numFeatures = fitted.numFeatures;
        if (x.kind == LayerKind::LayerNorm)
            x.normalizedShape = fitted.normalizedShape;
    });
}
