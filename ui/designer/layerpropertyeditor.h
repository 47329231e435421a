#pragma once

#include "spec/experimentspec.h"

#include <QWidget>

#include <functional>
#include <vector>

class ExperimentDocument;
class QFormLayout;
class QLabel;
class QPushButton;

// Edits the settings of one layer: spin boxes, combos and checkboxes, each with a tooltip that
// explains the parameter. Every change is a command on the document (a spin box held down
// merges into one undo step); undo and redo show up here at once.
class LayerPropertyEditor : public QWidget {
    Q_OBJECT
public:
    LayerPropertyEditor(ExperimentDocument *doc, QWidget *parent = nullptr);

    // Shows layer `id` of `role`; an empty id shows nothing.
    void setLayer(NetworkRole role, const QString &id);
    QString layerId() const { return m_id; }
    NetworkRole role() const { return m_role; }

private:
    struct Field {
        QString key;
        QWidget *editor = nullptr;
        std::function<void()> refresh;  // shows the layer's current value
    };
    const LayerSpec *layer() const;
    void rebuild();
    void refresh();
    void edit(const QString &key, const std::function<void(LayerSpec &)> &change);
    // A number field of the table in spec/fields.h (range, label and tooltip from there).
    void addInt(const NumberField &field, int LayerSpec::*member);
    void addDouble(const NumberField &field, double LayerSpec::*member);
    void addBool(const QString &key, const QString &label, const QString &tip, bool LayerSpec::*member);
    void addShape(const QString &key, const QString &label, const QString &tip, std::vector<int> LayerSpec::*member);
    void addUpsampleMode(const QString &key, const QString &label, const QString &tip);
    void fitToInput();

    ExperimentDocument *m_doc;
    NetworkRole m_role = NetworkRole::Generator;
    QString m_id;
    LayerKind m_kind = LayerKind::ReLU;
    QLabel *m_title = nullptr;
    QLabel *m_problems = nullptr;
    QPushButton *m_fit = nullptr;
    QWidget *m_form = nullptr;
    QFormLayout *m_formLayout = nullptr;
    std::vector<Field> m_fields;
};
