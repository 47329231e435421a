#pragma once

#include "training/generatorcopy.h"
#include "training/steprecord.h"

#include <QElapsedTimer>
#include <QImage>
#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class LatentRenderer;
class QComboBox;
class QGridLayout;
class QLabel;
class QSlider;
class QSpinBox;

// Explores the latent space of the newest generator the run published: pick a sample (click
// it in the grid) or draw a random z, drag sliders for the first latent dimensions (each -3..3)
// and the image follows; interpolate between two chosen vectors, linearly or along the great
// circle (spherical), as a strip of images. Rendering happens on the renderer's thread; only
// the newest request is rendered.
class LatentExplorer : public QWidget {
    Q_OBJECT
public:
    // Renders on `renderer`'s thread, on its channels 0 and 1.
    explicit LatentExplorer(LatentRenderer *renderer, QWidget *parent = nullptr);
    ~LatentExplorer() override;

    void setGenerator(std::shared_ptr<GeneratorCopy> generator);
    void setRealPoints(const std::vector<float> &points);  // 2D data: drawn under the samples
    void clear();                                          // a new run starts

    void pickSample(int index);  // the latent vector of the live grid's sample `index`
    void randomize();
    void reset();  // back to the vector last picked or drawn
    void setLatent(const std::vector<float> &z);
    const std::vector<float> &latent() const { return m_z; }
    void setSliderCount(int count);
    int sliderCount() const { return int(m_sliders.size()); }
    QSlider *slider(int i) const { return m_sliders[size_t(i)]; }
    void setEndpoint(int which, const std::vector<float> &z);  // 0 = A, 1 = B
    void setSpherical(bool spherical);
    static std::vector<float> interpolate(const std::vector<float> &a, const std::vector<float> &b, double t, bool spherical);

    QImage currentImage() const { return m_image; }
    QImage stripImage() const { return m_strip; }
    std::int64_t shownRequest() const { return m_shownRequest; }
    LatentRenderer *renderer() const { return m_renderer; }
    // Milliseconds from each slider-driven request to its image on screen (dropped requests
    // count with the image that superseded them); for --benchmark-ui.
    std::vector<double> takeLatencies();

signals:
    void imageShown(quint64 request);

private:
    void render(bool byUser = true);  // byUser: counts towards the slider-to-image latency
    void renderStrip();
    void onRendered(int channel, quint64 request, const SampleBatch &samples, qint64 step);
    void syncSliders();
    void updateEnabled();
    // The status line's words, made again when the language changes.
    void setStatus(std::function<QString()> describe);
    static QString sliderTip(int dimension);

    LatentRenderer *m_renderer;
    const int m_singleChannel;  // the one sample at the sliders' point
    const int m_stripChannel;   // the interpolation strip
    int m_latentDim = 0;
    bool m_hasGenerator = false;
    std::vector<float> m_z, m_origin, m_a, m_b;
    std::vector<float> m_real;
    std::vector<float> m_evalLatents;  // the live grid's latent vectors, row by row
    bool m_uniformPrior = false;
    std::vector<float> m_stripPoints;
    QLabel *m_status;
    std::function<QString()> m_describeStatus;
    QLabel *m_view;
    QLabel *m_stripView;
    QSpinBox *m_count;
    QComboBox *m_mode;
    QSpinBox *m_steps;
    QGridLayout *m_sliderGrid;
    QWidget *m_sliderBox;
    std::vector<QSlider *> m_sliders;
    std::vector<QLabel *> m_values;
    QImage m_image, m_strip;
    quint64 m_shownRequest = 0, m_shownStrip = 0;
    QElapsedTimer m_clock;
    std::map<quint64, qint64> m_pending;  // request -> when it was made (ns on m_clock)
    std::vector<double> m_latencies;
    unsigned m_randomDraws = 0;
};
