#include "designer/layerpropertyeditor.h"

#include "widgets/palettecolors.h"
#include "designer/layerpalette.h"
#include "widgets/spinboxes.h"
#include "widgets/widgetevents.h"

#include "document/experimentdocument.h"
#include "spec/layerkinds.h"
#include "spec/shapeinference.h"

#include <QCheckBox>
#include <QCoreApplication>
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
    m_fit = new QPushButton(this);
    connect(m_fit, &QPushButton::clicked, this, &LayerPropertyEditor::fitToInput);
    head->addWidget(m_fit);
    layout->addLayout(head);
    m_form = new QWidget(this);
    m_formLayout = new QFormLayout(m_form);
    m_formLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_form);
    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
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
    widgetevents::retranslated(this, [this] {
        m_fit->setText(tr("Fit to Input"));
        m_fit->setToolTip(tr("Set this layer's input size (features, channels or normalised shape) to what actually arrives from the layer above"));
    });
    // The form's labels and tips are made with the form: make it again in the new language.
    widgetevents::onEvent(this, QEvent::LanguageChange, [this] {
        rebuild();
        refresh();
    });
    auto colourProblems = [this] { m_problems->setStyleSheet(QStringLiteral("color: %1").arg(palettecolors::problem(palette()).name())); };
    colourProblems();
    widgetevents::onEvent(this, QEvent::PaletteChange, colourProblems);
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
    const LayerKindInfo &kind = layerkind::info(l->kind);
    for (const LayerParam &p : kind.params) {
        const QString key = QString::fromLatin1(p.key);
        const QString label = p.label ? QCoreApplication::translate("Fields", p.label) : QString();
        const QString tip = p.tip ? QCoreApplication::translate("Fields", p.tip) : QString();
        switch (p.type) {
        case LayerParam::Type::Int:
            addInt(*p.number, p.intValue);
            break;
        case LayerParam::Type::Double:
            addDouble(*p.number, p.doubleValue);
            break;
        case LayerParam::Type::IntList:
            addShape(key, label, tip, p.listValue);
            break;
        case LayerParam::Type::Bool:
            addBool(key, label, tip, p.boolValue);
            break;
        case LayerParam::Type::UpsampleMode:
            addUpsampleMode(key, label, tip);
            break;
        }
    }
    m_fit->setVisible(kind.fitsInput);
}

void LayerPropertyEditor::addUpsampleMode(const QString &key, const QString &label, const QString &tip)
{
    auto *mode = new QComboBox(m_form);
    mode->setObjectName(key);
    mode->addItem(tr("nearest"), int(UpsampleMode::Nearest));
    mode->addItem(tr("bilinear"), int(UpsampleMode::Bilinear));
    mode->setToolTip(tip);
    connect(mode, &QComboBox::activated, this, [this, key, mode] {
        edit(key, [mode](LayerSpec &l) { l.mode = UpsampleMode(mode->currentData().toInt()); });
    });
    m_formLayout->addRow(label, mode);
    m_fields.push_back({key, mode, [this, mode] {
                            if (const LayerSpec *l = layer())
                                mode->setCurrentIndex(mode->findData(int(l->mode)));
                        }});
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
                                                                         layerkind::description(l->kind).toHtmlEscaped()));
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

void LayerPropertyEditor::addInt(const NumberField &field, int LayerSpec::*member)
{
    const QString key = QString::fromLatin1(field.key);
    auto *box = spinboxes::integer(m_form, key, field);
    connect(box, &QSpinBox::valueChanged, this, [this, key, member](int v) { edit(key, [member, v](LayerSpec &l) { l.*member = v; }); });
    m_formLayout->addRow(spinboxes::label(field), box);
    m_fields.push_back({key, box, [this, box, member] {
                            if (const LayerSpec *l = layer())
                                box->setValue(l->*member);
                        }});
}

void LayerPropertyEditor::addDouble(const NumberField &field, double LayerSpec::*member)
{
    const QString key = QString::fromLatin1(field.key);
    auto *box = spinboxes::real(m_form, key, field);
    connect(box, &QDoubleSpinBox::valueChanged, this,
            [this, key, member](double v) { edit(key, [member, v](LayerSpec &l) { l.*member = v; }); });
    m_formLayout->addRow(spinboxes::label(field), box);
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
        x.normalizedShape = fitted.normalizedShape;  // empty but for LayerNorm
    });
}
