#pragma once

#include "data/dataset.h"
#include "spec/experimentspec.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>
#include <vector>

class EvalClassifier;
class GeneratorCopy;

// Directions in latent space that mean something, found in a trained generator:
//  - SeFa (Shen & Zhou 2021), closed form: the weight A of the first layer fed by z, each output
//    unit's weight vector normalised; the eigenvectors of AᵀA, largest eigenvalue first, are
//    the directions that change that layer's output most.
//  - PCA (GANSpace, Härkönen et al. 2020): principal components of a chosen layer's activations
//    for ~10^5 random z (randomised subspace iteration over batches, so memory stays at a few
//    columns per feature), carried back to latent space by least squares (z ≈ V x, x the
//    activations' coordinates along the components), each column of V made unit length.
//  - Random: orthonormal random directions, the baseline the others should beat.
//  - Class (InterFaceGAN, Shen et al. 2020): samples labelled by the engine's image classifier;
//    a linear boundary per class in latent space (class-balanced logistic regression), whose
//    normal is the "more like class C" direction.
// Every direction is unit length. Moving z by s spreads moves it s x spread along it, the
// spread being the prior's standard deviation along any unit direction (1 for N(0, I),
// 1/sqrt(3) for U(-1, 1)). `effect` measures each one the same way for every method, so they
// can be compared with the random baseline.
namespace latentdirections {

enum class Method { Sefa, Pca, Random, Class };
QString methodKey(Method method);  // "sefa", "pca", "random", "class": files and the command line
std::optional<Method> methodFromKey(const QString &key);
double priorSpread(LatentPrior prior);

struct Direction {
    std::vector<float> vector;  // unit length, latentDim values
    // SeFa: eigenvalue of AᵀA; PCA: variance of the activations along the component; Class:
    // balanced accuracy of the boundary on the labelled samples; Random: 0.
    double value = 0;
    // The mean root-mean-square change of the samples (pixels on a 0..1 scale; 2D: the
    // distance the point moves) when z moves one spread along the direction.
    double effect = 0;
    int classIndex = -1;  // Class: the class, its name and how many samples were of it
    QString className;
    int classCount = 0;
};

struct Options {
    int count = 10;      // directions wanted (Class: one per class with enough samples)
    QString layer;       // PCA: the generator layer whose output is analysed; empty: defaultPcaLayer
    int samples = 0;     // PCA: random z (0: 100000); Class: labelled samples (0: 5000)
    std::uint64_t seed = 1;
    int effectSamples = 32;
    const EvalClassifier *classifier = nullptr;  // Class: labels the samples
    QStringList classNames;                      // Class: the classifier's class names
};

struct Result {
    Method method = Method::Sefa;
    QString layer;        // the layer whose weight (SeFa) or activations (PCA) were used
    int latentDim = 0;
    double spread = 1;
    std::int64_t step = 0;   // the training step of the generator
    int samples = 0;         // PCA, Class: the z used
    double totalVariance = 0;  // PCA: the activations' total variance (the components' share)
    std::vector<Direction> directions;
    QStringList notes;    // what a user should know (classes left out, ...)
    QString error;        // set when nothing was found; says why
    bool ok() const { return error.isEmpty(); }
};

// The layer PCA analyses by default: the output of the first activation (the first place the
// generator is not linear in z), else the first layer.
QString defaultPcaLayer(const NetworkSpec &generator);

// Finds directions in `generator` (progress from 0 to 1; `cancel`, when raised, stops it with
// an error). Runs on the calling thread with its intra-op threads.
Result find(const GeneratorCopy &generator, Method method, const Options &options, const ProgressFn &progress = {},
            const std::atomic<bool> *cancel = nullptr);

// A result as a JSON file ({"format": "gan-playground-directions", ...}), and back.
QByteArray toJson(const Result &result);
Result fromJson(const QByteArray &bytes, const QString &path);
QString write(const QString &path, const Result &result);  // atomic; empty or a message
Result read(const QString &path);                          // error set on failure

// The label of direction `index` (0-based) in the explorer and the files: "direction 1
// (eigenvalue 12.3)", "component 2 (8.1% of the variance)", "random 3", "more like Sneaker".
QString label(const Result &result, int index);

}  // namespace latentdirections
