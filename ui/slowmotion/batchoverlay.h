#pragma once

#include "training/substepreport.h"

#include <vector>

class QCPGraph;
class QCPItemLine;
class QCustomPlot;

// Slow motion in the 2D lab: the batch of the current substep drawn over the lab's layers.
// The real batch and the fakes as rings, at substep 6 the push of G's loss on each fake (its
// own -dl/dx under the D just updated; on the first kMaxArrows), at substep 7 where each fake
// moved.
class BatchOverlay {
public:
    explicit BatchOverlay(QCustomPlot *plot);

    void show(const SubstepReport &report);
    void clear();
    // What is drawn now (for tests): rings of each kind, arrows and moves.
    int realCount() const;
    int fakeCount() const;
    int arrowCount() const;
    int moveCount() const;

    static constexpr double kLongestArrow = 0.12;  // of the view's width: the batch's arrows stand out
    static constexpr int kMaxArrows = 64;          // on the first fakes: more hide each other

private:
    QCPItemLine *line(std::vector<QCPItemLine *> &pool, size_t index, bool arrowHead);
    void hideFrom(std::vector<QCPItemLine *> &pool, size_t used);

    QCustomPlot *m_plot;
    QCPGraph *m_real;
    QCPGraph *m_fake;
    QCPGraph *m_moved;
    std::vector<QCPItemLine *> m_arrows, m_moves;
    size_t m_arrowsUsed = 0, m_movesUsed = 0;
    bool m_shown = false;
};
