#pragma once

#include "spec/experimentspec.h"

#include <QWidget>

class ExperimentDocument;
class LayerPalette;
class LayerPropertyEditor;
class LayerStackEditor;
class QLabel;

// The layer-stack designer: the palette of layer kinds, the generator's and the
// discriminator's stacks with their live analysis, the selected layer's properties, and every
// problem of the experiment in words.
class DesignerWidget : public QWidget {
    Q_OBJECT
public:
    explicit DesignerWidget(ExperimentDocument *doc, QWidget *parent = nullptr);

    LayerStackEditor *editor(NetworkRole role) const { return role == NetworkRole::Generator ? m_generator : m_discriminator; }
    LayerPropertyEditor *properties() const { return m_properties; }
    LayerPalette *palette() const { return m_palette; }

private:
    void showProblems();

    ExperimentDocument *m_doc;
    LayerPalette *m_palette;
    LayerStackEditor *m_generator;
    LayerStackEditor *m_discriminator;
    LayerPropertyEditor *m_properties;
    QLabel *m_problems;
    NetworkRole m_lastFocus = NetworkRole::Generator;
};
