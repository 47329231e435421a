#pragma once

#include "data/dataset.h"
#include "eval/imagemeasures.h"
#include "training/steprecord.h"

#include <QString>

#include <memory>
#include <vector>

// The network the image measures look through: a small convolutional classifier trained by the
// program itself on a dataset's labelled images (no Inception weights can be downloaded here).
// Its 128 penultimate activations are the features of FD, KID and the k-NN measures; its class
// probabilities give the classifier score and the class histogram.
//
// Data without labels gets the same network with random weights (drawn from its own seed) and
// batch norms set to the data's statistics: there are no classes to learn, and a
// self-supervised network would take far longer than the two minutes the measures may cost on a
// laptop. Random convolutional features still see edges, blobs and their layout, and distances
// between them rank generators sensibly (Naeem et al. 2020 found randomly initialised
// embeddings usable for precision/recall and density/coverage); they are not comparable with the
// trained network's figures, and there is no classifier score or class histogram.
//
// Trained once per dataset content: the weights are cached in a folder (by default the user's
// cache folder, ~/.cache/gan-playground/classifiers, which the window and the command line
// share) under a hash of the images, the labels and this network's recipe, and reused by every
// run on the same data.
class EvalClassifier {
public:
    static constexpr std::int64_t kMinLabelled = 100;  // labelled images it needs to learn the classes
    static constexpr int kEpochs = 5;
    static constexpr int kTrainThreads = 1;  // the same network on every machine and load  // of its training: progress reports reach 1/kEpochs, 2/kEpochs, ... at their ends
    struct Info {
        int classes = 0;          // 0 for random features
        bool randomFeatures = false;
        int featureDim = 0;
        double testAccuracy = 0;  // on `test`, or on the held-out tenth of the training images
        int testCount = 0;
        QString testSource;       // what the accuracy was measured on
        bool fromCache = false;
        double trainSeconds = 0;  // 0 when loaded from the cache
        int trainThreads = 0;     // the threads it trained with (0 when loaded from the cache)
        QString cachePath;
        QString cacheProblem;     // the cache could not be written (the network still works)
    };

    ~EvalClassifier();

    // The cached classifier for `train`'s images and labels, or a newly trained one (progress
    // from 0 to 1 while training; a few tens of seconds for Fashion-MNIST on two cores), cached
    // in `cacheDir`. `test` (may be null) measures the accuracy; without it a tenth of `train`
    // is held out. Unlabelled images get random features (nothing to train or cache). Null with
    // `error` set when the data is not images or has too few.
    static std::unique_ptr<EvalClassifier> obtain(const Dataset &train, const Dataset *test, const QString &cacheDir,
                                                  const ProgressFn &progress, QString *error);
    static QString defaultCacheDir();

    const Info &info() const { return m_info; }

    // Features and class probabilities (count x classes) of images: `count` of `data` from
    // `first`, or a batch of generated samples. Either output may be null.
    void measure(const Dataset &data, std::int64_t first, std::int64_t count, imagemeasures::Features *features,
                 std::vector<float> *probabilities) const;
    void measure(const SampleBatch &batch, imagemeasures::Features *features, std::vector<float> *probabilities) const;

private:
    struct Impl;
    static std::unique_ptr<EvalClassifier> randomFeatures(const Dataset &train);
    explicit EvalClassifier(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
    Info m_info;
};
