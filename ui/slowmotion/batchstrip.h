#pragma once

#include "training/steprecord.h"

#include <QImage>
#include <QWidget>

#include <vector>

// Slow motion on images: the first samples of the batch in two rows, real above and generated
// below, each with D's score under it once D has scored them.
class BatchStrip : public QWidget {
    Q_OBJECT
public:
    explicit BatchStrip(QWidget *parent = nullptr);

    void setBatch(const SampleBatch &real, const SampleBatch &fake, const std::vector<float> &realScores,
                  const std::vector<float> &fakeScores);
    void clear();
    int imageCount() const { return int(m_real.size() + m_fake.size()); }

    QSize sizeHint() const override { return {560, 170}; }
    QSize minimumSizeHint() const override { return {200, 120}; }

protected:
    void paintEvent(QPaintEvent *) override;

private:
    std::vector<QImage> m_real, m_fake;
    std::vector<float> m_realScores, m_fakeScores;
};
