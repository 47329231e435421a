#pragma once

#include "generatorcopy.h"
#include "steprecord.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

// Turns latent vectors into samples on its own thread with the newest generator copy the
// training run published, never the weights being trained. Latest request wins per channel:
// a burst of slider moves ends in one render, of the newest value (a request waiting when a
// newer one arrives is dropped). Results arrive on the renderer's thread (the caller's).
class LatentRenderer : public QObject {
    Q_OBJECT
public:
    explicit LatentRenderer(QObject *parent = nullptr);
    ~LatentRenderer() override;  // drops pending work and waits for the thread

    // Renders that start from now on use this copy.
    void setGenerator(std::shared_ptr<GeneratorCopy> generator);
    bool hasGenerator() const;
    // A channel of its own for a caller: requests on it replace only each other.
    int newChannel();
    // Queues `count` latent vectors (count x latentDim values) on `channel`, replacing a request
    // of that channel that has not started yet; a conditional generator makes sample i of class
    // labels[i] (GeneratorCopy::generate). Returns the request's number.
    quint64 request(int channel, std::vector<float> latents, int count, std::vector<int> labels = {});
    // The same for a conditional generator between two classes (GeneratorCopy::generateBetween).
    quint64 requestBetween(int channel, std::vector<float> latents, int count, int from, int to, std::vector<float> t);
    int renderCount() const;  // renders actually run (a burst of requests runs few)

signals:
    void rendered(int channel, quint64 request, const SampleBatch &samples, qint64 generatorStep);
    void failed(int channel, const QString &message);

private:
    // Queues `render` on `channel` with the newest generator (the request's number).
    quint64 post(int channel, std::function<SampleBatch(const GeneratorCopy &, QString *)> render);
    struct Impl;
    std::unique_ptr<Impl> d;
};
