#pragma once

#include "lab2d.h"

#include "training/discriminatorcopy.h"
#include "training/generatorcopy.h"

#include <QObject>

#include <memory>

// Computes 2D lab frames on its own thread from the newest network copies a run published.
// Latest wins: a request waiting when a newer one arrives is dropped, so a slow frame never
// queues up behind the training. Frames arrive on the renderer's thread (the caller's).
class LabRenderer : public QObject {
    Q_OBJECT
public:
    explicit LabRenderer(QObject *parent = nullptr);
    ~LabRenderer() override;  // drops pending work and waits for the thread

    void request(std::shared_ptr<GeneratorCopy> g, std::shared_ptr<DiscriminatorCopy> d, const lab2d::Request &request);
    int frameCount() const;  // frames actually computed

signals:
    void computed(const lab2d::Frame &frame);
    void failed(const QString &message);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
Q_DECLARE_METATYPE(lab2d::Frame)
