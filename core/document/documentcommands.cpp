#include "documentcommands.h"

#include "experimentdocument.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("DocumentCommands", text);
}
QString roleName(NetworkRole role)
{
    return role == NetworkRole::Generator ? tr("generator") : tr("discriminator");
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
    setText(tr("delete %1 from the %2").arg(layerkind::name(m_layer.kind), roleName(role)));
}

MoveLayerCommand::MoveLayerCommand(ExperimentDocument *doc, NetworkRole role, const QString &id, int from, int to)
    : m_doc(doc), m_role(role), m_id(id), m_from(from), m_to(to)
{
    const LayerSpec &layer = doc->spec().network(role).layers[size_t(from)];
    setText(tr("move %1 in the %2").arg(layerkind::name(layer.kind), roleName(role)));
}

void MoveLayerCommand::redo() { m_doc->applyMove(m_role, m_from, m_to); }

void MoveLayerCommand::undo() { m_doc->applyMove(m_role, m_to, m_from); }

ChangeLayerCommand::ChangeLayerCommand(ExperimentDocument *doc, NetworkRole role, LayerSpec before, LayerSpec after, QString field)
    : m_doc(doc), m_role(role), m_before(std::move(before)), m_after(std::move(after)), m_field(std::move(field))
{
    setText(tr("change %1 of %2").arg(m_field, layerkind::name(m_after.kind)));
}

void ChangeLayerCommand::redo() { m_doc->applyLayer(m_role, m_after); }

void ChangeLayerCommand::undo() { m_doc->applyLayer(m_role, m_before); }

bool ChangeLayerCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeLayerCommand *>(other);
    if (o->m_role != m_role || o->m_after.id != m_after.id || o->m_field != m_field)
        return false;
    m_after = o->m_after;
    if (m_after == m_before)
        setObsolete(true);  // dragged back to where it started: nothing to undo
    return true;
}

ChangeSettingsCommand::ChangeSettingsCommand(ExperimentDocument *doc, ExperimentSpec before, ExperimentSpec after, QString field)
    : m_doc(doc), m_before(std::move(before)), m_after(std::move(after)), m_field(std::move(field))
{
    setText(tr("change %1").arg(m_field));
}

void ChangeSettingsCommand::redo() { m_doc->applySettings(m_after); }

void ChangeSettingsCommand::undo() { m_doc->applySettings(m_before); }

bool ChangeSettingsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeSettingsCommand *>(other);
    if (o->m_field != m_field)
        return false;
    m_after = o->m_after;
    return true;
}
