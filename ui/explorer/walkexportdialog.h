#pragma once

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

// The latent explorer's Export Walk / Export Grid dialog: which path (A to B, straight or along
// the great circle, for a walk; along one of the sliders' directions), how many frames or steps
// (and rows, for a grid), the range in spreads, the loop and frame delay of a walk, and the
// enlargement. Only asks: the explorer exports what was chosen.
class WalkExportDialog : public QDialog {
    Q_OBJECT
public:
    // `sliders`: the names of the directions the sliders move along; `range` and `scale`: the
    // values offered first.
    WalkExportDialog(bool grid, const QStringList &sliders, double range, int scale, QWidget *parent = nullptr);

    bool isGrid() const { return m_grid; }
    // A walk: -2 and -1 are A to B (straight, great circle); from 0 on, slider i's direction.
    // A grid: always a slider's direction.
    int direction() const;
    int frames() const;  // a walk's frames, a grid's steps
    int rows() const;    // a grid's
    double range() const;
    bool loop() const;
    int delayMs() const;
    int scale() const;

private:
    bool m_grid;
    QComboBox *m_path;
    QSpinBox *m_frames, *m_rows, *m_delay, *m_scale;
    QDoubleSpinBox *m_range;
    QCheckBox *m_loop;
};
