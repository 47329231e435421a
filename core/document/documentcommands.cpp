#include "documentcommands.h"

#include "experimentdocument.h"

#include <QCoreApplication>

namespace {
// The undo stack's entries ("delete Linear from the generator"), translated.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(DocumentCommands)
};
QString roleName(NetworkRole role)
{
    return role == NetworkRole::Generator ? Text::tr("generator") : Text::tr("discriminator");
}
}  // namespace

AddRemoveLayerCommand::AddRemoveLayerCommand(ExperimentDocument *doc, NetworkRole role, int index, LayerSpec layer)
    : m_doc(doc), m_role(role), m_index(index), m_layer(std::move(layer))
{
}

void AddRemoveLayerCommand::insertIt() { m_doc->applyInsert(m_role, m_index, m_layer); }

void AddRemoveLayerCommand::removeIt() { m_doc->applyRemove(m_role, m_index); }

InsertLayerCommand::InsertLayerCommand(ExperimentDocument *doc, NetworkRole role, int index, LayerSpec layer, const QString &text)
    : AddRemoveLayerCommand(doc, role, index, std::move(layer))
{
    setText(text.arg(layerkind::name(m_layer.kind), roleName(role)));
}

RemoveLayerCommand::RemoveLayerCommand(ExperimentDocument *doc, NetworkRole role, int index, LayerSpec layer)
    : AddRemoveLayerCommand(doc, role, index, std::move(layer))
{
    setText(Text::tr("delete %1 from the %2").arg(layerkind::name(m_layer.kind), roleName(role)));
}

MoveLayerCommand::MoveLayerCommand(ExperimentDocument *doc, NetworkRole role, const QString &id, int from, int to)
    : m_doc(doc), m_role(role), m_id(id), m_from(from), m_to(to)
{
    const LayerSpec &layer = doc->spec().network(role).layers[size_t(from)];
    setText(Text::tr("move %1 in the %2").arg(layerkind::name(layer.kind), roleName(role)));
}

void MoveLayerCommand::redo() { m_doc->applyMove(m_role, m_from, m_to); }

void MoveLayerCommand::undo() { m_doc->applyMove(m_role, m_to, m_from); }

QUndoCommand *changeLayerCommand(ExperimentDocument *doc, NetworkRole role, LayerSpec before, LayerSpec after, const QString &field)
{
    enum { LayerCommandId = 1 };
    const QString key = QStringLiteral("%1/%2/%3").arg(specnames::role(role), after.id, field);
    const QString text = Text::tr("change %1 of %2").arg(field, layerkind::name(after.kind));
    return new ChangeValueCommand<LayerSpec>(
        LayerCommandId, key, std::move(before), std::move(after), [doc, role](const LayerSpec &l) { doc->applyLayer(role, l); }, text);
}

QUndoCommand *changeSettingsCommand(ExperimentDocument *doc, ExperimentSpec before, ExperimentSpec after, const QString &field,
                                    const QString &text)
{
    enum { SettingsCommandId = 2 };
    return new ChangeValueCommand<ExperimentSpec>(
        SettingsCommandId, field, std::move(before), std::move(after), [doc](const ExperimentSpec &s) { doc->applySettings(s); },
        text.isEmpty() ? Text::tr("change %1").arg(field) : text);
}
