#pragma once

#include "spec/experimentspec.h"

#include <QUndoCommand>

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

class ChangeLayerCommand : public QUndoCommand {
public:
    enum { Id = 1 };
    ChangeLayerCommand(ExperimentDocument *doc, NetworkRole role, LayerSpec before, LayerSpec after, QString field);
    void redo() override;
    void undo() override;
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ExperimentDocument *m_doc;
    NetworkRole m_role;
    LayerSpec m_before, m_after;
    QString m_field;
};

// Everything but the layer stacks: the command keeps whole specs, the document applies their
// settings only.
class ChangeSettingsCommand : public QUndoCommand {
public:
    enum { Id = 2 };
    ChangeSettingsCommand(ExperimentDocument *doc, ExperimentSpec before, ExperimentSpec after, QString field);
    void redo() override;
    void undo() override;
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ExperimentDocument *m_doc;
    ExperimentSpec m_before, m_after;
    QString m_field;
};
