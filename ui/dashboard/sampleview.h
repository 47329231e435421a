#pragma once

#include "training/steprecord.h"

#include <QImage>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QLabel;
class QSlider;
class QStackedWidget;

// The fixed-noise samples of the running experiment: an 8x8 grid for images, or for 2D data a
// scatter plot of real (blue) against generated (orange) points. A timeline slider scrubs back
// through earlier grids of the run; at its right end it follows the newest.
class SampleView : public QWidget {
    Q_OBJECT
public:
    explicit SampleView(QWidget *parent = nullptr);
    ~SampleView() override;

    void setRealPoints(const std::vector<float> &points);
    // A conditional run: the class names (one per class) and the class of each grid sample.
    // Image grids get a class name beside each row; 2D points are coloured by class. Empty names:
    // an unconditional run.
    void setClasses(const QStringList &names, const std::vector<int> &gridLabels);
    void addSamples(std::int64_t step, const SampleBatch &samples);
    void clear();

    int historySize() const { return int(m_history.size()); }
    QImage currentGrid() const;              // the grid shown now (images only)
    std::int64_t currentStep() const;
    QSlider *timeline() const { return m_timeline; }
    QString saveCurrent(const QString &path);  // PNG; an empty string or a message
    // Every grid kept for the timeline (2D: the scatter of real and generated points) as the
    // frames of an animated GIF, written atomically; `progress` gets 0..1 while the frames are
    // made. An empty string or a message.
    QString exportTimeline(const QString &path, int delayMs, const std::function<void(double)> &progress = {}) const;

    static constexpr int kMaxHistory = 200;  // grids kept for scrubbing; older ones thinned out

signals:
    // The user clicked sample `index` of the grid shown (for the latent explorer).
    void sampleClicked(int index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Entry {
        std::int64_t step = 0;
        SampleBatch samples;
    };
    void showEntry(int index);
    void showGrid(const SampleBatch &samples);  // the image grid, with the class names when there are
    void showCaption();  // the shown entry's step, or that there is none

    std::vector<Entry> m_history;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_grid = nullptr;
    QCustomPlot *m_scatter = nullptr;
    QCPGraph *m_realGraph = nullptr;
    QCPGraph *m_fakeGraph = nullptr;
    QSlider *m_timeline = nullptr;
    QLabel *m_caption = nullptr;
    QImage m_image;
    std::vector<float> m_real;  // 2D: the real points, for exported frames
    int m_shown = -1;
    QStringList m_classNames;
    std::vector<int> m_gridLabels;
    std::unique_ptr<class ClassPoints> m_fakes;  // m_fakeGraph, or the generated points of each class
    QRect m_cells;  // where the grid's cells are drawn in m_grid (for clicks)
};
