#include "designer/layerstackeditor.h"

#include "widgets/palettecolors.h"
#include "designer/layerpalette.h"
#include "designer/layerstackmodel.h"
#include "widgets/widgetevents.h"

#include "spec/layerkinds.h"

#include "document/experimentdocument.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

LayerStackEditor::LayerStackEditor(ExperimentDocument *doc, NetworkRole role, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_role(role), m_model(new LayerStackModel(doc, role, this))
{
    const QString name = role == NetworkRole::Generator ? QStringLiteral("generator") : QStringLiteral("discriminator");
    setObjectName(name + QStringLiteral("Editor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *bar = new QToolBar(this);
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *title = new QLabel(bar);
    bar->addWidget(title);
    bar->addSeparator();

    auto makeAction = [&](const QKeySequence &key) {
        auto *a = new QAction(this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        return a;
    };
    // A button with a menu of every layer kind (each with its description).
    QList<QMenu *> kindMenus;
    auto kindButton = [&](void (LayerStackEditor::*handler)(LayerKind)) {
        auto *menu = new QMenu(this);
        for (const QString &kindName : layerkind::allNames()) {
            const LayerKind kind = *layerkind::fromName(kindName);
            menu->addAction(kindName, this, [this, kind, handler] { (this->*handler)(kind); })->setData(kindName);
        }
        menu->setToolTipsVisible(true);
        kindMenus.append(menu);
        auto *button = new QToolButton(bar);
        button->setMenu(menu);
        button->setPopupMode(QToolButton::InstantPopup);
        bar->addWidget(button);
        return button;
    };
    QToolButton *add = kindButton(&LayerStackEditor::addLayer);
    QToolButton *insert = kindButton(&LayerStackEditor::insertLayer);
    auto *insertKey = makeAction(QKeySequence(Qt::Key_Insert));
    connect(insertKey, &QAction::triggered, this, [insert] { insert->showMenu(); });

    m_duplicate = makeAction(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_delete = makeAction(QKeySequence(QKeySequence::Delete));
    m_up = makeAction(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_down = makeAction(QKeySequence(Qt::ALT | Qt::Key_Down));
    widgetevents::retranslated(this, [=] {
        title->setText(role == NetworkRole::Generator ? tr("<b>Generator</b>") : tr("<b>Discriminator</b>"));
        for (QMenu *menu : kindMenus)
            for (QAction *a : menu->actions())
                a->setToolTip(layerkind::description(*layerkind::fromName(a->data().toString())));
        add->setText(tr("Add"));
        add->setToolTip(tr("Add a layer below the selected one"));
        insert->setText(tr("Insert"));
        insert->setToolTip(tr("Insert a layer above the selected one (Ins)"));
        auto name = [](QAction *a, const QString &text, const QString &tip) {
            a->setText(text);
            a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, a->shortcut().toString(QKeySequence::NativeText)));
        };
        name(insertKey, tr("Insert"), tr("Insert a layer above the selected one"));
        name(m_duplicate, tr("Duplicate"), tr("Copy the selected layer below itself"));
        name(m_delete, tr("Delete"), tr("Remove the selected layer"));
        name(m_up, tr("Up"), tr("Move the selected layer up"));
        name(m_down, tr("Down"), tr("Move the selected layer down"));
    });
    connect(m_duplicate, &QAction::triggered, this, &LayerStackEditor::duplicateSelected);
    connect(m_delete, &QAction::triggered, this, &LayerStackEditor::deleteSelected);
    connect(m_up, &QAction::triggered, this, [this] { moveSelected(-1); });
    connect(m_down, &QAction::triggered, this, [this] { moveSelected(+1); });
    bar->addAction(m_duplicate);
    bar->addAction(m_delete);
    bar->addAction(m_up);
    bar->addAction(m_down);
    layout->addWidget(bar);

    m_view = new QTableView(this);
    m_view->setObjectName(name + QStringLiteral("Table"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDragDropOverwriteMode(false);
    // A long layer name wraps onto a second line rather than being cut ("ConvTranspo…").
    m_view->setWordWrap(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_view->verticalHeader()->setMinimumSectionSize(m_view->fontMetrics().height() + 6);
    // A wider or narrower Layer column wraps the names anew: the rows follow.
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, m_view, [this](int column) {
        if (column == LayerStackModel::LayerColumn)
            m_view->resizeRowsToContents();
    });
    m_view->horizontalHeader()->setSectionResizeMode(LayerStackModel::LayerColumn, QHeaderView::Stretch);
    for (int c = 1; c < LayerStackModel::ColumnCount; ++c)
        m_view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_duplicate, m_delete, m_up, m_down});
    m_labelBlock = new QLabel(this);
    m_labelBlock->setObjectName(QStringLiteral("labelBlock"));
    m_labelBlock->setWordWrap(true);
    m_labelBlock->setStyleSheet(QStringLiteral("background: palette(alternate-base); padding: 3px"));
    m_labelBlock->hide();
    layout->addWidget(m_labelBlock);
    layout->addWidget(m_view, 1);
    m_summary = new QLabel(this);
    layout->addWidget(m_summary);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LayerStackEditor::announceSelection);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LayerStackEditor::announceSelection);
    // Follow the layer that an edit (or its undo) touched.
    connect(doc, &ExperimentDocument::layerInserted, this, [this](NetworkRole r, int index) {
        if (r == m_role)
            selectRow(index);
    });
    connect(doc, &ExperimentDocument::layerMoved, this, [this](NetworkRole r, int, int to) {
        if (r == m_role)
            selectRow(to);
    });
    connect(doc, &ExperimentDocument::layerRemoved, this, [this](NetworkRole r, int index) {
        if (r == m_role)
            selectRow(std::min(index, m_model->layerCount() - 1));
    });
    connect(doc, &ExperimentDocument::analysisChanged, this, &LayerStackEditor::updateButtons);
    connect(doc, &ExperimentDocument::reloaded, this, &LayerStackEditor::updateButtons);
    updateButtons();
    widgetevents::onEvent(this, QEvent::LanguageChange, [this] {
        m_model->retranslate();
        updateButtons();
    });
    widgetevents::onEvent(this, QEvent::PaletteChange, [this] { updateButtons(); });  // the summary's problem colour
}

QString LayerStackEditor::selectedId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() && m_view->selectionModel()->isRowSelected(current.row(), QModelIndex()) ? m_model->layerId(current.row())
                                                                                                     : QString();
}

void LayerStackEditor::selectLayer(const QString &id) { selectRow(m_model->rowOfId(id)); }

void LayerStackEditor::selectRow(int row)
{
    if (row < 0 || row >= m_model->layerCount()) {
        m_view->selectionModel()->clear();
    } else {
        m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(m_model->index(row, 0));
    }
    announceSelection();
}

void LayerStackEditor::announceSelection()
{
    updateButtons();
    const QString id = selectedId();
    if (m_hasAnnounced && id == m_announced)
        return;
    m_hasAnnounced = true;
    m_announced = id;
    emit selectionChanged(m_role, id);
}

void LayerStackEditor::addLayer(LayerKind kind)
{
    const int selected = m_model->rowOfId(selectedId());
    const int at = selected >= 0 ? selected + 1 : m_model->layerCount();
    m_doc->insertLayer(m_role, at, m_doc->newLayer(m_role, at, kind));
}

void LayerStackEditor::insertLayer(LayerKind kind)
{
    const int at = std::max(0, m_model->rowOfId(selectedId()));
    m_doc->insertLayer(m_role, at, m_doc->newLayer(m_role, at, kind));
}

void LayerStackEditor::duplicateSelected()
{
    const QString id = selectedId();
    if (!id.isEmpty())
        m_doc->duplicateLayer(m_role, id);
}

void LayerStackEditor::deleteSelected()
{
    const QString id = selectedId();
    if (!id.isEmpty())
        m_doc->removeLayer(m_role, id);
}

void LayerStackEditor::moveSelected(int delta)
{
    const QString id = selectedId();
    if (!id.isEmpty())
        m_doc->moveLayer(m_role, id, m_model->rowOfId(id) + delta);
}

void LayerStackEditor::updateButtons()
{
    const int row = m_model->rowOfId(selectedId());
    const bool has = row >= 0;
    m_duplicate->setEnabled(has);
    m_delete->setEnabled(has);
    m_up->setEnabled(has && row > 0);
    m_down->setEnabled(has && row + 1 < m_model->layerCount());
    const NetworkAnalysis &a = m_role == NetworkRole::Generator ? m_doc->analysis().generator : m_doc->analysis().discriminator;
    const int problems = int(a.problems.size());
    // The label's block, shown like a layer: before the first layer (the generator's embedding,
    // concat's channels) or after the last (projection, the auxiliary head).
    if (a.label) {
        const LabelBlock &b = *a.label;
        const bool head = m_role == NetworkRole::Discriminator && m_doc->spec().conditioning.kind != ConditioningKind::Concat;
        m_labelBlock->setText((head ? tr("After the last layer: %1, %2 → %3, %4 parameters, %5 MFLOPs per sample")
                                    : tr("Before the first layer: %1, %2 → %3, %4 parameters, %5 MFLOPs per sample"))
                                  .arg(b.name, shapeToString(b.inShape), shapeToString(b.outShape),
                                       QLocale().toString(qlonglong(b.parameters)))
                                  .arg(b.flops / 1e6, 0, 'g', 3));
    }
    m_labelBlock->setVisible(a.label.has_value());
    m_summary->setText(problems == 0 ? tr("%1 layers, %2 parameters, %3 MFLOPs per sample")
                                           .arg(m_model->layerCount())
                                           .arg(QLocale().toString(qlonglong(a.parameters)))
                                           .arg(a.flops / 1e6, 0, 'g', 3)
                                     : QStringLiteral("<span style='color:%1'>%2</span>")
                                           .arg(palettecolors::problem(palette()).name(),
                                                tr("%n problem(s): hover a red layer to read it", nullptr, problems)));
}
