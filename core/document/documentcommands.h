#pragma once

#include "spec/experimentspec.h"

#include <QUndoCommand>

#include <functional>

class ExperimentDocument;

// One small command per kind of edit; redo and undo mirror each other. Layers are found by id
// when a command runs, so commands stay valid across reorders.

// Adding and removing are mirror images: one base holds the layer and where it goes.
class AddRemoveLayerCommand : public QUndoCommand {
protected:
    AddRemoveLayerCommand(ExperimentDocument *doc, NetworkRole role, int index, LayerSpec layer);
    void insertIt();
    void removeIt();

    ExperimentDocument *m_doc;
    NetworkRole m_role;
    int m_index;
    LayerSpec m_layer;
};

class InsertLayerCommand : public AddRemoveLayerCommand {
public:
    InsertLayerCommand(ExperimentDocument *doc, NetworkRole role, int index, LayerSpec layer, const QString &text);
    void redo() override { insertIt(); }
    void undo() override { removeIt(); }
};

class RemoveLayerCommand : public AddRemoveLayerCommand {
public:
    RemoveLayerCommand(ExperimentDocument *doc, NetworkRole role, int index, LayerSpec layer);
    void redo() override { removeIt(); }
    void undo() override { insertIt(); }
};

class MoveLayerCommand : public QUndoCommand {
public:
    MoveLayerCommand(ExperimentDocument *doc, NetworkRole role, const QString &id, int from, int to);
    void redo() override;
    void undo() override;

private:
    ExperimentDocument *m_doc;
    NetworkRole m_role;
    QString m_id;
    int m_from, m_to;
};

// Changes one value (a layer, or the settings) from `before` to `after`. Consecutive changes
// with the same merge key merge into one undo step (a spin box dragged through many values);
// a merge that comes back to `before` makes the command obsolete, so the stack, and with it
// "modified", returns to where it was.
template <typename Value>
class ChangeValueCommand : public QUndoCommand {
public:
    using Apply = std::function<void(const Value &)>;
    ChangeValueCommand(int id, QString mergeKey, Value before, Value after, Apply apply, const QString &text)
        : m_id(id), m_key(std::move(mergeKey)), m_before(std::move(before)), m_after(std::move(after)), m_apply(std::move(apply))
    {
        setText(text);
    }
    void redo() override { m_apply(m_after); }
    void undo() override { m_apply(m_before); }
    int id() const override { return m_id; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = dynamic_cast<const ChangeValueCommand *>(other);
        if (!o || o->m_key != m_key)
            return false;
        m_after = o->m_after;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    int m_id;
    QString m_key;
    Value m_before, m_after;
    Apply m_apply;
};

// One layer's settings; merges edits of the same field of the same layer.
QUndoCommand *changeLayerCommand(ExperimentDocument *doc, NetworkRole role, LayerSpec before, LayerSpec after, const QString &field);
// Everything but the layer stacks: the command keeps whole specs, the document applies their
// settings only. Merges edits of the same field.
// `text` names the step in Undo's menu; empty: "change FIELD".
QUndoCommand *changeSettingsCommand(ExperimentDocument *doc, ExperimentSpec before, ExperimentSpec after, const QString &field,
                                    const QString &text = QString());
