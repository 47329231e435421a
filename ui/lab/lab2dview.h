#pragma once

#include "eval/lab2d.h"

#include <QWidget>

#include <memory>
#include <vector>

class BatchOverlay;
struct SubstepReport;

class QCheckBox;
class QCPColorMap;
class QCPColorScale;
class QCPCurve;
class QCPGraph;
class QCPItemLine;
class QCustomPlot;
class QLabel;

// The 2D lab: real points, generated points, the discriminator's opinion as a heatmap, the
// arrows along which the generator's loss pushes each generated point, and the generator's
// mesh (the image of a latent grid), each toggled from the legend above the plot. Frames
// come computed (LabRenderer); this only draws them. In slow motion, the batch of the substep
// shown is drawn over the layers (BatchOverlay).
class Lab2dView : public QWidget {
    Q_OBJECT
public:
    explicit Lab2dView(QWidget *parent = nullptr);
    ~Lab2dView() override;

    // The real data; with `fit`, also sets the visible area (a square around it).
    void setRealPoints(const std::vector<float> &points, bool fit = true);

    // Drawing data by hand (the Draw toggle): a stroke paints points around the pointer, or
    // with Erase removes those under it; each stroke ends in pointsDrawn with the whole set.
    // Mouse events call these; so may a test, in plot coordinates.
    void beginStroke(double x, double y);
    void continueStroke(double x, double y);
    void endStroke();
    bool isDrawing() const;
    void setDrawing(bool on);
    // The experiment's drawn set, which strokes start from (empty when its data is not drawn).
    void setDrawnPoints(const std::vector<float> &points);
    // A conditional run: the class names. Generated points are coloured by the class asked, and
    // a picker chooses the class whose heatmap, mesh and arrows are shown. Empty: unconditional.
    void setClasses(const QStringList &names);
    // The known modes of the data (empty for sets without), for the live coverage.
    void setModes(const std::vector<std::array<double, 2>> &modes, double sigma);
    // What to compute next: the visible area, the detail of each layer, the live measures.
    lab2d::Request request() const { return m_request; }
    // A new frame: kept for scrubbing back, and drawn while the view follows the newest. A frame
    // of the newest frame's step replaces it.
    void showFrame(const lab2d::Frame &frame);
    // Shows the newest kept frame at or before `step` (the samples' timeline scrubbed back);
    // the view then stays there until followLatest().
    void showStep(std::int64_t step);
    void followLatest();
    void clear();  // everything but the drawing tools and the drawn set: the real points and the batch too
    // Slow motion: the batch of `report`'s substep over the layers, until clearBatch().
    void showBatch(const SubstepReport &report);
    void clearBatch();
    const BatchOverlay &batch() const { return *m_batch; }
    int historySize() const { return int(m_history.size()); }
    static constexpr int kMaxHistory = 200;  // frames kept; older ones thinned as the grids are

    std::int64_t shownStep() const { return m_step; }
    // The view: unlocked it follows the real and generated points; zooming or panning with the
    // mouse (or Lock view) keeps it where it is. Generated points outside it are marked on
    // its border and counted in the caption.
    bool isLocked() const;
    void setLocked(bool locked);
    void setView(double xMin, double xMax, double yMin, double yMax);
    void fitView();  // around the real points and the frame shown, now
    int offViewCount() const;
    static constexpr double kShrinkBelow = 0.6;  // unlocked, the view shrinks when the points need less than this
    static constexpr int kTrailFrames = 6;  // a trail spans this many frames (about a second)
    QCustomPlot *plot() const { return m_plot; }
    QWidget *tools() const { return m_tools; }  // the drawing tools and the lock, in a row

signals:
    // A finished stroke: every point of the drawn set now (x0, y0, ...).
    void pointsDrawn(const std::vector<float> &points);
    // The visible area changed: request() asks for a frame of it.
    void viewChanged();

private:
    void applyVisibility();
    void draw(size_t index);  // frame `index` of the history, its trails from the frames before
    void paintAt(double x, double y);
    void showReal();
    const lab2d::Frame *shownFrame() const;  // the frame drawn (of m_step); null when none
    void describe();  // the caption and the colour scale's title for the frame drawn (m_step)
    void viewMoved();   // the axes moved: the request follows, off-view marks are redrawn
    void markOffView();
    void followPoints(const lab2d::Frame &frame);

    QCustomPlot *m_plot;
    QCPColorMap *m_heat;
    QCPColorScale *m_scale;
    QCPGraph *m_real;
    QCPGraph *m_fake;
    std::vector<QCPItemLine *> m_arrows;
    std::vector<QCPCurve *> m_mesh;
    QCheckBox *m_showReal, *m_showFake, *m_showHeat, *m_showArrows, *m_showMesh, *m_showTrails;
    std::vector<QCPCurve *> m_trails;               // one per generated point
    std::vector<lab2d::Frame> m_history;  // oldest first
    bool m_follow = true;
    QCheckBox *m_draw, *m_erase;
    QCheckBox *m_lock;
    QWidget *m_tools;
    QCPGraph *m_offView = nullptr;

    class QDoubleSpinBox *m_brush;
    class QSpinBox *m_density;
    std::vector<float> m_points;  // the real points shown
    std::vector<float> m_drawn;   // the drawn set strokes edit
    bool m_stroking = false;
    quint32 m_strokeSeed = 1;
    QLabel *m_caption;
    QLabel *m_classLabel = nullptr;
    class QComboBox *m_class = nullptr;
    std::unique_ptr<class ClassPoints> m_fakes;  // m_fake, or the generated points of each class
    lab2d::Request m_request;
    std::int64_t m_step = -1;
    std::unique_ptr<BatchOverlay> m_batch;
};
