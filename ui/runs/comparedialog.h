#pragma once

#include "spec/experimentspec.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

// Training > Compare With...: which field of the experiment to change, and to what, for the
// second run. Fields are named as the experiment file names them (fieldpath); the change is
// checked as a run checks it before the dialog closes.
class CompareDialog : public QDialog {
    Q_OBJECT
public:
    CompareDialog(const ExperimentSpec &spec, QWidget *parent = nullptr);

    // For tests and scripts: the field and value, as typed.
    void setChange(const QString &key, const QString &value);
    // The experiment with the change made; empty `error` when it can run.
    ExperimentSpec changed(QString *error) const;
    QString description() const;  // "loss.kind = non-saturating"
    void accept() override;

private:
    void showCurrent();

    ExperimentSpec m_spec;
    QComboBox *m_key;
    QLineEdit *m_value;
    QLabel *m_current;
    QLabel *m_problem;
};
