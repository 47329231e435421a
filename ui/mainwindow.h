#pragma once

#include "spec/experimentspec.h"
#include "spec/shapeinference.h"

#include <QMainWindow>

class QTableWidget;
class QLabel;
class QComboBox;

// The first window: opens an experiment (a preset by default) and shows both layer stacks
// with their live analysis. The designer, training dashboard and latent explorer build on it.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    bool openPreset(const QString &name);
    bool openFile(const QString &path);
    const ExperimentSpec &experiment() const { return m_spec; }

private:
    void showExperiment();
    void fillTable(QTableWidget *table, const NetworkSpec &spec, const NetworkAnalysis &net);

    ExperimentSpec m_spec;
    QComboBox *m_presets = nullptr;
    QLabel *m_description = nullptr;
    QTableWidget *m_generatorTable = nullptr;
    QTableWidget *m_discriminatorTable = nullptr;
    QLabel *m_problems = nullptr;
};
