#pragma once

#include "spec/fields.h"

#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QLocale>
#include <QSpinBox>

#include <algorithm>

// The editors' number fields, configured one way everywhere (designer and settings) from the
// table in core/spec/fields.h: what a file may hold, an editor shows and keeps.
namespace spinboxes {

inline QString label(const NumberField &f) { return QCoreApplication::translate("Fields", f.label); }
inline QString tip(const NumberField &f) { return QCoreApplication::translate("Fields", f.tip); }

// Shows the shortest text that reads back as the value ("0.0002", "1e-05", not "0.0000100000"),
// so a field can hold many decimals without a wall of zeros.
class RealSpinBox : public QDoubleSpinBox {
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    QString textFromValue(double value) const override
    {
        return decimals() == 0 ? locale().toString(value, 'f', 0) : locale().toString(value, 'g', 10);
    }
    // QAbstractSpinBox steps to the unrounded sum (1e-9 + 1e-5 - 1e-5 is not 1e-9); setValue
    // rounds to the decimals shown, so stepping up and back gives the value back.
    void stepBy(int steps) override
    {
        setValue(std::clamp(value() + steps * singleStep(), minimum(), maximum()));
        selectAll();
    }
    double valueFromText(const QString &text) const override { return locale().toDouble(text.trimmed()); }
    QValidator::State validate(QString &text, int &) const override
    {
        bool ok = false;
        const double v = locale().toDouble(text.trimmed(), &ok);
        if (!ok)
            return QValidator::Intermediate;  // "1e-" on the way to "1e-5"
        return v >= minimum() && v <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
    }
};

// Whole numbers that fit an int.
inline QSpinBox *integer(QWidget *parent, const QString &name, const NumberField &f)
{
    Q_ASSERT(f.whole() && f.max <= fields::kIntMax);
    auto *box = new QSpinBox(parent);
    box->setRange(int(f.min), int(f.max));
    box->setSingleStep(int(f.step));
    box->setToolTip(tip(f));
    box->setObjectName(name);
    return box;
}

// Real numbers, and whole numbers beyond an int (the seed: up to 2^53 - 1, which a double
// holds exactly).
inline QDoubleSpinBox *real(QWidget *parent, const QString &name, const NumberField &f)
{
    auto *box = new RealSpinBox(parent);
    box->setDecimals(f.decimals);
    box->setRange(f.min, f.max);
    box->setSingleStep(f.step);
    box->setToolTip(tip(f));
    box->setObjectName(name);
    return box;
}

}  // namespace spinboxes
