#pragma once

#include "spec/experimentspec.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class DataPreview;
class ExperimentDocument;
class QFormLayout;
class QLabel;

// Data, loss and training settings of the experiment, each edit a command on the document:
// the dataset (with a preview of real samples: the window's DataPreview), latent size and
// prior, loss (its formulas on screen) and regularisers, an optimiser per network, batch size,
// D steps per G step, seed, threads and the run's length.
class SettingsPanel : public QWidget {
    Q_OBJECT
public:
    // `preview` (may be null) is the sample of the data shown under the data's rows.
    explicit SettingsPanel(ExperimentDocument *doc, DataPreview *preview = nullptr, QWidget *parent = nullptr);
    ~SettingsPanel() override;

    QLabel *preview() const { return m_preview; }

private:
    struct Row {
        QWidget *editor = nullptr;
        QFormLayout *form = nullptr;
        std::function<void()> refresh;
        std::function<bool(const ExperimentSpec &)> visible;  // empty: always
    };
    using Edit = std::function<void(ExperimentSpec &)>;
    void build();  // the groups and rows, in m_content, in the current language
    QFormLayout *addGroup(const QString &title);
    Row &addRow(QFormLayout *form, const QString &label, QWidget *editor, std::function<void()> refresh);
    // A number field of the table in spec/fields.h (range, label and tooltip from there).
    Row &addInt(QFormLayout *form, const QString &key, const NumberField &field, std::function<int(const ExperimentSpec &)> get,
                std::function<void(ExperimentSpec &, int)> set);
    Row &addDouble(QFormLayout *form, const QString &key, const NumberField &field, std::function<double(const ExperimentSpec &)> get,
                   std::function<void(ExperimentSpec &, double)> set);
    Row &addCombo(QFormLayout *form, const QString &key, const QString &label, const QString &tip, const QStringList &items,
                  std::function<int(const ExperimentSpec &)> get, std::function<void(ExperimentSpec &, int)> set);
    Row &addCheck(QFormLayout *form, const QString &key, const QString &label, const QString &tip,
                  std::function<bool(const ExperimentSpec &)> get, std::function<void(ExperimentSpec &, bool)> set);
    Row &addPath(QFormLayout *form, const QString &key, const QString &label, const QString &tip, bool folder, const QString &filter,
                 std::function<QString(const ExperimentSpec &)> get, std::function<void(ExperimentSpec &, const QString &)> set);
    void addOptimizer(NetworkRole role);
    void refresh();
    void showPreview();

    ExperimentDocument *m_doc;
    QWidget *m_content = nullptr;  // every group: made again when the language changes
    std::vector<Row> m_rows;
    QLabel *m_preview = nullptr;
    QLabel *m_previewCaption = nullptr;
    QLabel *m_formula = nullptr;
    DataPreview *m_data;
};
