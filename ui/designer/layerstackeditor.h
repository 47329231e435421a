#pragma once

#include "spec/experimentspec.h"

#include <QWidget>

class ExperimentDocument;
class LayerStackModel;
class QAction;
class QLabel;
class QTableView;

// One network's layer stack in the designer: the table (drag rows to reorder, drop palette
// kinds to insert) with the live analysis, and actions to add, insert, duplicate, delete and
// move the selected layer (also on keys: Insert, Ctrl+D, Delete, Alt+Up, Alt+Down).
class LayerStackEditor : public QWidget {
    Q_OBJECT
public:
    LayerStackEditor(ExperimentDocument *doc, NetworkRole role, QWidget *parent = nullptr);

    NetworkRole role() const { return m_role; }
    QTableView *view() const { return m_view; }
    LayerStackModel *model() const { return m_model; }
    QString selectedId() const;
    void selectLayer(const QString &id);

    // Inserts a layer of `kind` below the selection (at the end when nothing is selected).
    void addLayer(LayerKind kind);
    // Inserts above the selection.
    void insertLayer(LayerKind kind);
    void duplicateSelected();
    void deleteSelected();
    void moveSelected(int delta);

signals:
    void selectionChanged(NetworkRole role, const QString &id);

private:
    void updateButtons();
    void selectRow(int row);
    void announceSelection();  // selectionChanged when the selected layer is another one

    ExperimentDocument *m_doc;
    NetworkRole m_role;
    LayerStackModel *m_model;
    QTableView *m_view;
    QLabel *m_labelBlock = nullptr;  // a conditional run: how the class enters this network
    QLabel *m_summary;
    QAction *m_duplicate, *m_delete, *m_up, *m_down;
    QString m_announced;
    bool m_hasAnnounced = false;
};
