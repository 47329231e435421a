#pragma once

#include "training/substepreport.h"

#include <QWidget>

#include <algorithm>

// The model at a glance, z -> G -> G(z) -> D <- x -> losses, with the part the current
// slow-motion substep is in drawn strong and the rest faint. Painted, so it scales to any
// size (a projector) and follows the palette.
class ModelDiagram : public QWidget {
    Q_OBJECT
public:
    explicit ModelDiagram(QWidget *parent = nullptr);

    // The substep to highlight; 0 highlights nothing (no step in progress).
    void setSubstep(int substep);
    int substep() const { return m_substep; }
    // Its names for D: "critic" for the Wasserstein losses.
    void setCritic(bool critic);

    static constexpr double kAspect = 0.42;  // height to width of the drawing
    QSize sizeHint() const override { return {560, int(560 * kAspect)}; }
    QSize minimumSizeHint() const override { return {220, 100}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return std::max(100, int(width * kAspect)); }

    // Which nodes and edges substep `s` is in (exposed for the test).
    enum Part { Noise = 1, Data = 2, Generator = 4, Fakes = 8, Discriminator = 16, LossD = 32, LossG = 64,
                FeedD = 128, FeedG = 256 };
    static int parts(int substep);

protected:
    void paintEvent(QPaintEvent *) override;

private:
    int m_substep = 0;
    bool m_critic = false;
};
