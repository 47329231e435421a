#include "designer/designerwidget.h"

#include "widgets/palettecolors.h"
#include "widgets/widgetevents.h"
#include "designer/layerpalette.h"
#include "designer/layerpropertyeditor.h"
#include "designer/layerstackeditor.h"

#include "document/experimentdocument.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

DesignerWidget::DesignerWidget(ExperimentDocument *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(vertical);
    auto *topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_palette = new LayerPalette(top);
    topLayout->addWidget(m_palette);
    auto *stacks = new QSplitter(Qt::Vertical, top);
    m_generator = new LayerStackEditor(doc, NetworkRole::Generator, stacks);
    m_discriminator = new LayerStackEditor(doc, NetworkRole::Discriminator, stacks);
    stacks->addWidget(m_generator);
    stacks->addWidget(m_discriminator);
    topLayout->addWidget(stacks, 1);
    vertical->addWidget(top);

    auto *propertiesBox = new QGroupBox(vertical);
    auto *propertiesLayout = new QVBoxLayout(propertiesBox);
    m_properties = new LayerPropertyEditor(doc, propertiesBox);
    auto *scroll = new QScrollArea(propertiesBox);
    scroll->setWidget(m_properties);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    propertiesLayout->addWidget(scroll);
    vertical->addWidget(propertiesBox);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 1);
    vertical->setSizes({480, 240});
    layout->addWidget(vertical, 1);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_problems);

    for (LayerStackEditor *e : {m_generator, m_discriminator})
        connect(e, &LayerStackEditor::selectionChanged, this, [this](NetworkRole role, const QString &id) {
            m_lastFocus = role;
            if (!id.isEmpty() || m_properties->role() == role)
                m_properties->setLayer(role, id);
        });
    connect(m_palette, &LayerPalette::kindActivated, this, [this](LayerKind kind) { editor(m_lastFocus)->addLayer(kind); });
    connect(doc, &ExperimentDocument::analysisChanged, this, &DesignerWidget::showProblems);
    widgetevents::retranslated(this, [this, propertiesBox] {
        propertiesBox->setTitle(tr("Layer"));
        showProblems();
    });
    // Valid and problem colours are chosen for the palette: the system switching light and dark.
    widgetevents::onEvent(this, QEvent::PaletteChange, [this] { showProblems(); });
}

void DesignerWidget::showProblems()
{
    const QStringList problems = m_doc->problems();
    if (problems.isEmpty()) {
        m_problems->setStyleSheet(QStringLiteral("color: %1").arg(palettecolors::valid(QWidget::palette()).name()));
        QString text = tr("The experiment is valid.");
        for (const QString &w : m_doc->analysis().warnings)
            text += QStringLiteral("\n⚠ ") + w;
        m_problems->setText(text);
        return;
    }
    m_problems->setStyleSheet(QStringLiteral("color: %1").arg(palettecolors::problem(QWidget::palette()).name()));
    m_problems->setText(tr("Training cannot start:") + QStringLiteral("\n• ") + problems.join(QStringLiteral("\n• ")));
}
