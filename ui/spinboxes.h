#pragma once

#include <QDoubleSpinBox>
#include <QSpinBox>

// The editors' number fields, configured one way everywhere (designer and settings).
namespace spinboxes {

inline QSpinBox *integer(QWidget *parent, const QString &key, const QString &tip, int min, int max)
{
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setToolTip(tip);
    box->setObjectName(key);
    return box;
}

inline QDoubleSpinBox *real(QWidget *parent, const QString &key, const QString &tip, double min, double max, double step, int decimals)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(min, max);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    box->setToolTip(tip);
    box->setObjectName(key);
    return box;
}

}  // namespace spinboxes
